"""A precondition is a demand, not a list of events: "relations could only become normal once the embargo is lifted
and the base returned" asks for the lifting and the return; none of them happened, and none is an act of its own.

A clause whose verb has "only" and a condition ("once", "if", "until", "unless", "when") is read as one REQUEST by
its speaker (the subject of the reporting verb, else of the clause), and the triggers inside it yield no events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.events.ontology import Trigger
from detente.nlp import span_text

CONDITION_MARKS = {"once", "if", "until", "unless", "when", "after"}
REQUEST = Trigger("precondition", "VERB", "REQUEST", None, frozenset())


def _precondition_verb(sent: Span) -> tuple[Token, Token] | None:
    """The verb of a clause like "X could only become normal once Y", and the condition's mark ("once")."""
    if "only" not in span_text(sent).lower():
        return None  # most sentences: no need to look at their words one by one
    return _scan_for_precondition(sent)


def _scan_for_precondition(sent: Span) -> tuple[Token, Token] | None:
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        children = list(token.children)
        if not any(c.dep_ == "advmod" and c.lower_ == "only" for c in children):
            continue
        for clause in children:
            mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS), None)
            if clause.dep_ == "advcl" and mark is not None:
                return token, mark
    return None


def preconditions(sent: Span, found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """Triggers inside a precondition replaced by one REQUEST at the reporting verb (or the clause's own verb)."""
    hit = _precondition_verb(sent)
    if hit is None:
        return found
    verb, mark = hit
    # the clause, and the list of conditions to the end of the sentence ("once A, B was returned and C"), which the
    # parser often hangs elsewhere
    inside = {t.i for t in verb.subtree} | set(range(mark.i, sent.end))
    speaker = verb.head if verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" else verb
    kept = [(t, trig) for t, trig in found if t.i not in inside]
    return sorted([*kept, (speaker, REQUEST)], key=lambda pair: pair[0].i)
