"""From candidates to coded acts: a typed trigger, its source and target parties.

Shared by the extractor and by training (which scores held-out sentences with it), so both decode alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from detente.events.candidates import Candidate
from detente.events.classifier import NONE, ROLES, EventModel
from detente.events.features import role_features
from detente.events.mentions import PartyMention
from detente.events.ontology import UNDIRECTED, Trigger


@dataclass
class Coded:
    """One classified act of a sentence."""

    token: Token
    type: str
    mode: str | None
    source: PartyMention
    target: PartyMention
    probability: float  # the trigger's type probability
    candidate: Candidate


def role_probabilities(model: EventModel, cand: Candidate, etype: str) -> list[tuple[PartyMention, float, float]]:
    """(mention, P(source), P(target)) for each party of the candidate's sentence."""
    source, target = ROLES.index("source"), ROLES.index("target")
    out = []
    for mention in cand.mentions:
        probs = model.roles.probabilities(role_features(cand.token, etype, mention))
        out.append((mention, float(probs[source]), float(probs[target])))
    return out


def _best_per_code(scored: list[tuple[PartyMention, float]], threshold: float) -> list[tuple[PartyMention, float]]:
    best: dict[str, tuple[PartyMention, float]] = {}
    for mention, p in scored:
        if p >= threshold and (mention.code not in best or best[mention.code][1] < p):
            best[mention.code] = (mention, p)
    return sorted(best.values(), key=lambda pair: -pair[1])


def _mode(cand: Candidate, etype: str) -> str | None:
    rows: list[Trigger] = [t for t in cand.lexicon if t.type == etype]
    return rows[0].mode if rows else None


def code_sentence(model: EventModel, found: list[Candidate]) -> list[Coded]:
    """The acts of one sentence's candidates: each trigger typed, its parties given roles; one act per
    (source, target, type), an undirected type once per pair."""
    acts: dict[tuple[str, str, str], Coded] = {}
    for cand in found:
        probs = model.triggers.probabilities(cand.features, cand.vector)
        best = int(probs.argmax())
        etype = model.triggers.labels[best]
        if etype == NONE or probs[best] < model.trigger_threshold:
            continue
        roles = role_probabilities(model, cand, etype)
        sources = _best_per_code([(m, ps) for m, ps, _ in roles], model.role_threshold)
        targets = _best_per_code([(m, pt) for m, _, pt in roles], model.role_threshold)
        for source, _ in sources:
            for target, _ in targets:
                if source.code == target.code:
                    continue
                key = (source.code, target.code, etype)
                mirror = (target.code, source.code, etype)
                if etype in UNDIRECTED and mirror in acts:
                    key = mirror
                if key in acts and acts[key].probability >= probs[best]:
                    continue
                acts[key] = Coded(cand.token, etype, _mode(cand, etype), source, target, float(probs[best]), cand)
    return sorted(acts.values(), key=lambda c: (c.token.i, -c.probability))
