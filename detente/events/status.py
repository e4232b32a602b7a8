"""Event status from modality: happened, planned, hypothetical, denied, refused.

The status of a trigger is read off the chain of words that govern it inside its own clause: its verb's auxiliaries
("will visit", "could impose"), negation ("did not attack"), a controlling verb ("refused to sign", "is expected to
attend", "plans to visit"), a conditional ("if ... ratifies") or a noun of intention ("an interest to strengthen
ties"). The chain stops at a reported clause ("said that ...") or a clause with its own subject ("while the two
sides signed ..., Vietnam refused"), whose modality is not the trigger's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

PLANNED_HEADS = {"expect", "schedule", "set", "plan", "due", "prepare", "intend", "aim", "hope", "try", "seek",
                 "want", "propose", "agree", "decide", "vow", "pledge", "promise", "offer"}
PREPARING_HEADS = {"prepare", "plan", "push", "lobby", "gear", "brace"}
REFUSED_HEADS = {"refuse", "decline", "reject", "resist"}
FAILED_HEADS = {"fail"}  # "failed to reach agreement": it did not happen
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
PLANNED_AUX = {"will", "shall", "'ll", "wo"}
INTENTION_NOUNS = {"interest", "desire", "plan", "need", "intention", "effort", "attempt", "bid", "push", "aim", "goal",
                   "ambition", "proposal", "call", "pressure", "threat", "wish", "hope",
                   "opportunity", "chance", "way", "possibility", "prospect", "option"}
UPCOMING = {"upcoming", "planned", "scheduled", "forthcoming", "proposed", "expected", "possible", "potential", "future",
            "next", "prospective"}
CLIMB = {"xcomp", "pcomp", "pobj", "prep", "acomp", "dobj", "nsubj", "nsubjpass", "attr", "compound", "amod",
         "npadvmod", "appos", "oprd", "agent"}
CLAUSE_LINKS = {"advcl", "conj", "acl"}
TIME_PREPS = {"during", "after", "before", "since", "following", "amid", "throughout", "despite"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words governing it within its clause."""
    chain = [trigger]
    node = trigger
    for _ in range(8):
        head = node.head
        if head == node:
            break
        if node.dep_ == "prep" and node.lower_ in TIME_PREPS:
            break  # "agreed to join ... during a visit": the visit's status is its own
        if node.dep_ in CLIMB:
            pass
        elif node.dep_ in CLAUSE_LINKS and not any(c.dep_ in SUBJECTS for c in node.children):
            if node.dep_ == "acl" and head.lemma_.lower() not in INTENTION_NOUNS:
                break  # "the first leader to visit Israel": the noun is the visitor, not a modality
        else:
            break
        node = head
        chain.append(node)
    return chain


def governing_words(trigger: Token) -> list[Token]:
    """The trigger and the words governing it within its clause (what its status and its own dates hang on)."""
    return _chain(trigger)


DENYING_HEADS = {"deny", "dismiss"}


def _denied_content(trigger: Token) -> bool:
    """Inside what someone denies ("denied that it had any plan to invade")."""
    node = trigger
    for _ in range(8):
        if node.head == node:
            return False
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in DENYING_HEADS:
            return True
        if node.dep_ == "advcl":
            return False  # "..., even as it massed troops": asserted, not denied
        node = node.head
    return False


def event_status(trigger: Token, sent: Span | None = None) -> str:
    """happened | planned | hypothetical | denied | refused (the declined action of "refused to sign")."""
    if _denied_content(trigger):
        return "denied"
    chain = _chain(trigger)
    for below, node in zip([None, *chain], chain, strict=False):
        controls = below is not None and below.dep_ == "xcomp"  # "expected to attend", not "due to their war"
        children = list(node.children)
        lemma = node.lemma_.lower()
        if any(c.dep_ == "neg" for c in children) and node.pos_ in ("VERB", "AUX", "NOUN"):
            return "denied"
        if controls and lemma in FAILED_HEADS:
            return "denied"
        if controls and lemma in REFUSED_HEADS and node.pos_ == "VERB":
            return "refused"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return "hypothetical"
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if aux & PLANNED_AUX:
            return "planned"
        if controls and node.pos_ in ("VERB", "ADJ") and lemma in PLANNED_HEADS:
            return "planned"
        if below is not None and below.dep_ == "prep" and below.lower_ == "for" and node.pos_ == "VERB" \
                and lemma in PREPARING_HEADS and trigger.pos_ == "NOUN":
            return "planned"  # "is preparing for his own meeting with Kim"
        if node is not trigger and node.pos_ == "NOUN" and lemma in INTENTION_NOUNS and (
                trigger.pos_ == "VERB" or any(n.pos_ == "VERB" for n in chain[1 : chain.index(node)])):
            # "a plan to visit", "the need to increase high-level meetings": what is intended has not happened
            return "planned" if lemma == "plan" else "hypothetical"
    if trigger.pos_ in ("NOUN", "PROPN") and any(t.lower_ in UPCOMING for t in trigger.children):
        return "planned"
    if _future_time_clause(trigger, sent):
        return "planned"
    return "happened"


TIME_MARKS = {"when", "as", "after", "before", "once", "while"}


def _future_time_clause(trigger: Token, sent: Span | None) -> bool:
    """"China will try to boost ties when Xi visits this week": a present-tense time clause of a future clause is
    future too (English uses the present there)."""
    if trigger.tag_ not in ("VBZ", "VBP") or trigger.dep_ != "advcl" or trigger.head == trigger:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in trigger.children):
        return False
    return event_status(trigger.head, sent) == "planned"
