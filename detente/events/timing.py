"""Which time expression of a sentence dates which event trigger.

A sentence often carries several events with their own dates ("fought a war in 1979 and clashed in 1988 before
normalizing ties in 1991"): each trigger takes a time expression standing between it and the next trigger, else one
inside its own phrase, else one in its clause, else the nearest one not buried in another (relative) clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.dating.expressions import TimeSpan


def _clause_verb(token: Token) -> Token:
    """The verb heading the clause a token belongs to (a relative clause's own verb, not the main one)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return node
        node = node.head
    return node


def _phrase(token: Token) -> set[int]:
    """Character offsets of the trigger's phrase; an adjectival verb ("normalizing ties") takes its noun's."""
    owner = token.head if token.dep_ in ("amod", "compound") and token.head is not token else token
    return {t.idx for t in owner.subtree}


def _outside_other_clauses(doc: Doc, time: TimeSpan, clause: Token) -> bool:
    """A time expression in a relative clause ("a pact they signed in 2001") does not date the main clause."""
    span = doc.char_span(time.char_start, time.char_end, alignment_mode="expand")
    if span is None:
        return True
    verb = _clause_verb(span.root)
    return verb.dep_ not in ("relcl", "acl") or verb is clause


def time_for(token: Token, times: list[TimeSpan], next_trigger_char: int | None, attached_only: bool = False) -> TimeSpan | None:
    """The time expression that belongs to the trigger at ``token`` (None if none of the sentence's is its own).

    ``attached_only``: for planned and hypothetical events, which a nearby date of another event does not date.
    """
    if not times:
        return None
    phrase = _phrase(token)
    doc = token.doc
    clause = _clause_verb(token)
    own = [t for t in times if _outside_other_clauses(doc, t, clause)]
    limit = next_trigger_char if next_trigger_char is not None else 10**9
    attached = [t for t in own if token.idx < t.char_start < limit and t.char_start in phrase]
    if attached:
        return min(attached, key=lambda t: t.char_start)
    inside = [t for t in own if any(t.char_start <= i < t.char_end for i in phrase)]
    if inside:
        return min(inside, key=lambda t: abs(t.char_start - token.idx))
    if attached_only:
        return None
    same_clause = []
    for t in times:
        span = doc.char_span(t.char_start, t.char_end, alignment_mode="expand")
        if span is not None and _clause_verb(span.root) == clause:
            same_clause.append(t)
    pool = same_clause or own
    return min(pool, key=lambda t: abs(t.char_start - token.idx)) if pool else None
