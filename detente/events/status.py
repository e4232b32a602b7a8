"""Event status from modality: happened, planned, hypothetical, denied, refused."""

from __future__ import annotations

from spacy.tokens import Span, Token

PLANNED_HEADS = {"expect", "schedule", "set", "plan", "due", "prepare", "intend", "aim", "hope", "try", "seek"}
REFUSED_HEADS = {"refuse", "decline", "reject", "resist"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}
PLANNED_AUX = {"will", "shall", "'ll"}


def _verb_of(token: Token) -> Token:
    """The verb that carries a noun trigger's modality ("is expected to attend the summit")."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head is node:
            break
        node = node.head
    return node


def event_status(trigger: Token, sent: Span) -> str:
    verb = _verb_of(trigger)
    chain = [verb]
    node = verb
    for _ in range(3):
        if node.dep_ in ("xcomp", "advcl", "conj", "pcomp") and node.head is not node:
            node = node.head
            chain.append(node)
        else:
            break
    for node in chain:
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children):
            return "denied"
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if node.lemma_.lower() in REFUSED_HEADS and node is not verb:
            return "refused"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
            return "hypothetical"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if aux & PLANNED_AUX:
            return "planned"
        if node.lemma_.lower() in PLANNED_HEADS and node is not verb:
            return "planned"
    if trigger.pos_ == "NOUN" and any(t.lower_ in ("upcoming", "planned", "scheduled", "forthcoming") for t in trigger.children):
        return "planned"
    return "happened"
