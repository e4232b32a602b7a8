"""Features of a candidate event: a sentence and an ordered pair of party mentions in it (source first).

Two kinds, both read off what the parse already computed (no extra model run):
- sparse strings: the dependency path between the two parties and the words on it, each party's grammatical role
  and governing word, the words between them, the lexicon's event types present (on the path or anywhere in the
  sentence), modality and negation cues. These say who does what to whom.
- dense: the parse's own contextual token vectors (``doc.tensor``, the tok2vec layer of ``en_core_web_sm``) averaged
  over each party, their lowest common ancestor and the sentence. These say what kind of act it is, in words the
  lexicon does not list.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span, Token

from detente.events.mentions import PartyMention
from detente.events.ontology import Trigger

MAX_PATH = 6  # longer dependency paths are summarised by their length only
MAX_BETWEEN = 15  # tokens between the parties beyond which the words between are not listed
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "ADP", "AUX", "PART"})


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
            return up_a[:n], t, list(reversed(up_b[: ids_b[t.i]]))
    return up_a, up_a[-1], list(reversed(up_b))  # different sentences: not expected


def _role(prefix: str, token: Token) -> list[str]:
    feats = [f"{prefix}dep={token.dep_}", f"{prefix}head={token.head.lemma_.lower()}",
             f"{prefix}dephead={token.dep_}|{token.head.lemma_.lower()}"]
    if token.dep_ == "pobj":
        prep = token.head
        feats.append(f"{prefix}prep={prep.lower_}|{prep.head.lemma_.lower()}")
        feats.append(f"{prefix}prep={prep.lower_}")
    verb = next((t for t in ancestors_path(token)[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        feats.append(f"{prefix}verb={verb.lemma_.lower()}")
    return feats


def _modality(token: Token) -> list[str]:
    feats = []
    for node in ancestors_path(token)[:4]:
        for child in node.children:
            if child.dep_ == "neg":
                feats.append("neg")
            elif child.dep_ in ("aux", "auxpass") and child.lower_ not in ("be", "is", "was", "were", "are", "been", "has",
                                                                             "have", "had", "do", "did", "does"):
                feats.append(f"aux={child.lower_}")
            elif child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                feats.append("cond")
    return feats


def sparse_features(sent: Span, a: PartyMention, b: PartyMention, triggers: list[tuple[Token, Trigger]],
                    in_quote: list[bool]) -> list[str]:
    """The candidate's sparse features (strings); the classifier's vocabulary maps them to weights."""
    doc = sent.doc
    ra, rb = doc[a.root], doc[b.root]
    feats = [f"akind={a.kind}", f"bkind={b.kind}", f"kinds={a.kind}|{b.kind}"]
    if a.as_location:
        feats.append("aloc")
    if b.as_location:
        feats.append("bloc")
    if a.implicit:
        feats.append("aimplicit")
    if b.implicit:
        feats.append("bimplicit")
    if a.start == b.start:
        feats.append("same_span")
    feats += _role("a", ra) + _role("b", rb)
    up, lca, down = dependency_path(ra, rb)
    feats.append(f"lca={lca.lemma_.lower()}")
    feats.append(f"lcapos={lca.pos_}")
    deps_up = [t.dep_ for t in [ra, *up]] if ra.i != lca.i else []
    deps_down = [t.dep_ for t in [*down, rb]] if rb.i != lca.i else []
    if len(up) + len(down) <= MAX_PATH:
        feats.append("path=" + "/".join(deps_up) + "^" + "/".join(deps_down))
        feats.append("pathlca=" + "/".join(deps_up) + "^" + lca.lemma_.lower() + "^" + "/".join(deps_down))
    else:
        feats.append("path=long")
    for t in [*up, lca, *down]:
        if t.i not in (ra.i, rb.i):
            feats.append(f"on={t.lemma_.lower()}")
    if ra.i == lca.i:
        feats.append("a_governs_b")
    if rb.i == lca.i:
        feats.append("b_governs_a")
    first, second = (a, b) if a.start <= b.start else (b, a)
    feats.append("a_first" if first is a else "b_first")
    gap = second.start - first.end
    feats.append(f"gap={min(gap, 20) // 4}")
    if 0 < gap <= MAX_BETWEEN:
        feats += [f"btw={t.lemma_.lower()}" for t in doc[first.end : second.start] if t.pos_ in CONTENT_POS]
    elif gap > MAX_BETWEEN:
        feats.append("btw_far")
    path_ids = {t.i for t in [*up, lca, *down]}
    for token, trig in triggers:
        feats.append(f"lex={trig.type}")
        if token.i in path_ids:
            feats.append(f"lexpath={trig.type}")
            feats.append(f"lexpath={trig.type}|{trig.mode}")
        if token.i == lca.i:
            feats.append(f"lexlca={trig.type}")
        governs = {t.i for t in ancestors_path(token)}
        if ra.i in {t.i for t in token.subtree}:
            feats.append(f"lexover_a={trig.type}")
        if rb.i in {t.i for t in token.subtree}:
            feats.append(f"lexover_b={trig.type}")
        if lca.i in governs:
            feats.append(f"lexunder_lca={trig.type}")
    feats += _modality(lca)
    if in_quote[ra.i]:
        feats.append("a_quoted")
    if in_quote[rb.i]:
        feats.append("b_quoted")
    if sent.text.rstrip().endswith("?"):
        feats.append("question")
    return feats


DENSE_DIM = 4 * 96


def dense_features(doc: Doc, sent: Span, a: PartyMention, b: PartyMention) -> np.ndarray:
    """Contextual vectors of the parse (tok2vec): source, target, their common ancestor, the sentence."""
    tensor = doc.tensor
    if tensor is None or tensor.shape[0] != len(doc) or tensor.shape[1] == 0:
        return np.zeros(DENSE_DIM, dtype=np.float32)
    ra, rb = doc[a.root], doc[b.root]
    _, lca, _ = dependency_path(ra, rb)
    parts = [tensor[a.start : a.end].mean(axis=0), tensor[b.start : b.end].mean(axis=0), tensor[lca.i],
             tensor[sent.start : sent.end].mean(axis=0)]
    out = np.concatenate(parts).astype(np.float32)
    return out if out.shape[0] == DENSE_DIM else np.zeros(DENSE_DIM, dtype=np.float32)
