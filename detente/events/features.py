"""Features of the two decisions the event classifier makes, read off what the parse already computed.

- A trigger (a verb, or a noun that can name an act): which PLOVER type it expresses, if any. Its lemma, the lexicon's
  types for it, its object and prepositional phrases, its governor ("agreed to", "refused to"), modality and negation,
  and whether parties sit in its subject or object; plus the parse's contextual vector of the word (``doc.tensor``).
- A party mention seen from a trigger: source, target or neither. The dependency path between them (labels and the
  words on it), the mention's own role and preposition, voice, order and distance.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span, Token

from detente.events.mentions import PartyMention
from detente.events.ontology import Trigger

MAX_PATH = 6  # longer dependency paths are summarised by their length only
WEAK_AUX = frozenset({"be", "is", "was", "were", "are", "been", "being", "has", "have", "had", "do", "did", "does"})
VECTOR_DIM = 96  # en_core_web_sm's tok2vec width


def ancestors_path(token: Token) -> list[Token]:
    """``token`` and its heads up to the root, within the sentence."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def dependency_path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]]:
    """(tokens from ``a`` up to the lowest common ancestor, the ancestor, tokens from it down to ``b``); ends excluded."""
    up_a = ancestors_path(a)
    up_b = ancestors_path(b)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return up_a[1:n], t, list(reversed(up_b[1 : ids_b[t.i]]))
    return up_a[1:], up_a[-1], list(reversed(up_b[1:]))


def _modality(token: Token) -> list[str]:
    feats = []
    for n, node in enumerate(ancestors_path(token)[:4]):
        for child in node.children:
            if child.dep_ == "neg":
                feats.append(f"neg{min(n, 1)}")
            elif child.dep_ in ("aux", "auxpass") and child.lower_ not in WEAK_AUX:
                feats.append(f"aux={child.lower_}")
            elif child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                feats.append("cond")
    return feats


def passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def trigger_features(token: Token, lexicon: list[Trigger], mentions: list[PartyMention], in_quote: list[bool]) -> list[str]:
    """What the word is and what hangs on it."""
    lemma = token.lemma_.lower()
    feats = [f"lemma={lemma}", f"pos={token.pos_}", f"lemmapos={lemma}|{token.pos_}", f"dep={token.dep_}",
             f"tag={token.tag_}", f"head={token.head.lemma_.lower()}", f"dephead={token.dep_}|{token.head.lemma_.lower()}"]
    for trig in lexicon:
        feats.append(f"lex={trig.type}")
        feats.append(f"lexmode={trig.type}|{trig.mode}")
    for child in token.children:
        dep = child.dep_
        if dep in ("det", "punct", "cc", "aux", "auxpass"):
            continue
        feats.append(f"child={dep}|{child.lemma_.lower()}")
        if dep == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            for obj in objects:
                feats.append(f"prepobj={child.lower_}|{obj.lemma_.lower()}")
            feats.append(f"lemmaprep={lemma}|{child.lower_}")
        if dep in ("dobj", "attr", "oprd"):
            feats.append(f"lemmaobj={lemma}|{child.lemma_.lower()}")
        if dep == "prt":
            feats.append(f"phrasal={lemma}_{child.lower_}")
    governor = token.head
    if token.dep_ in ("xcomp", "ccomp", "advcl", "pobj", "dobj", "acl", "relcl", "conj") and governor.i != token.i:
        feats.append(f"gov={token.dep_}|{governor.lemma_.lower()}")
        if governor.dep_ == "prep":
            feats.append(f"govprep={governor.lower_}|{governor.head.lemma_.lower()}")
    feats += _modality(token)
    if passive(token):
        feats.append("passive")
    subtree = {t.i for t in token.subtree}
    for m in mentions:
        if m.root in subtree and m.root != token.i:
            role = token.doc[m.root].dep_
            feats.append(f"party_under={role}")
    if in_quote[token.i]:
        feats.append("quoted")
    if token.sent.text.rstrip().endswith("?"):
        feats.append("question")
    return feats


def role_features(trigger: Token, etype: str, mention: PartyMention) -> list[str]:
    """How a party mention stands to a trigger; ``etype`` is the trigger's (predicted) type."""
    doc = trigger.doc
    if mention.kind == "context":
        feats = ["context", f"context|{etype}", f"context|{trigger.dep_}", f"context_passive={passive(trigger)}|{etype}"]
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in trigger.children)
        feats.append(f"context_has_subject={has_subject}|{etype}")
        return feats
    root = doc[mention.root]
    up, lca, down = dependency_path(trigger, root) if root.i != trigger.i else ([], trigger, [])
    deps_up = [t.dep_ for t in [trigger, *up]] if trigger.i != lca.i else []
    deps_down = [t.dep_ for t in [*down, root]] if root.i != lca.i else []
    path = "/".join(deps_up) + "^" + "/".join(deps_down)
    voice = "pass" if passive(trigger) else "act"
    feats = [f"kind={mention.kind}", f"mdep={root.dep_}", f"mhead={root.head.lemma_.lower()}", f"type={etype}",
             f"voice={voice}", f"order={'before' if mention.start < trigger.i else 'after'}"]
    if len(up) + len(down) <= MAX_PATH:
        feats += [f"path={path}", f"path={path}|{voice}", f"typepath={etype}|{path}",
                  f"lexpath={trigger.lemma_.lower()}|{path}"]
    else:
        feats.append("path=long")
    for t in [*up, *([lca] if lca.i not in (trigger.i, root.i) else []), *down]:
        feats.append(f"on={t.lemma_.lower()}")
    if root.dep_ == "pobj":
        feats.append(f"prep={root.head.lower_}")
        feats.append(f"typeprep={etype}|{root.head.lower_}")
        feats.append(f"lemmaprep={trigger.lemma_.lower()}|{root.head.lower_}")
    if root.dep_ == "poss":
        feats.append(f"poss_of={root.head.lemma_.lower()}")
    if mention.as_location:
        feats.append("location")
        feats.append(f"location|{etype}")
    if mention.implicit:
        feats.append(f"implicit={mention.kind}")
    gap = abs(mention.start - trigger.i)
    feats.append(f"gap={min(gap, 24) // 4}")
    return feats


def trigger_vector(doc: Doc, token: Token, sent: Span) -> np.ndarray:
    """The parse's contextual vectors (tok2vec) of the word, its head and the sentence."""
    tensor = doc.tensor
    if tensor is None or tensor.shape[0] != len(doc) or tensor.shape[1] != VECTOR_DIM:
        return np.zeros(3 * VECTOR_DIM, dtype=np.float32)
    parts = [tensor[token.i], tensor[token.head.i], tensor[sent.start : sent.end].mean(axis=0)]
    return np.concatenate(parts).astype(np.float32)
