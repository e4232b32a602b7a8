"""Rebuild the event classifier (``detente/data/models/events.npz``) from the corpus written for it.

    python training/events/train.py                  # train on training/events/corpus, write the package's model
    python training/events/train.py --folds 5        # first report cross-validated event scores (folds by sentence)
    python training/events/train.py --out /tmp/m.npz # write elsewhere

The corpus (``training/events/corpus/**/*.jsonl``, see its README) holds sentences and short passages written here,
each with every coded event between two parties and the words that carry it (``trigger``). Every item is parsed with
the project's own pipeline (spaCy model, actor resolution, quotes) and cut into candidates by
:mod:`detente.events.candidates` exactly as at run time. A candidate word is labelled with the type of the event whose
trigger it heads (else NONE); each party mention around a labelled trigger with its role (source, target or none).
Measuring sets (real-dev, peer suites, seeds) are never read here. Deterministic: items in sorted order, fixed solver.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from detente.actors import resolve_actors  # noqa: E402
from detente.events.candidates import Candidate, article_mentions, candidates  # noqa: E402
from detente.events.classifier import NONE, ROLES, EventModel, LinearModel, save_model  # noqa: E402
from detente.events.coder import code_sentence  # noqa: E402
from detente.events.features import role_features  # noqa: E402
from detente.events.ontology import PLOVER_TYPES, UNDIRECTED  # noqa: E402
from detente.nlp import load_nlp  # noqa: E402
from detente.quotes import extract_quotes  # noqa: E402

CORPUS = ROOT / "training" / "events" / "corpus"
MODEL = ROOT / "detente" / "data" / "models" / "events.npz"
TYPES = (NONE, *PLOVER_TYPES)
MIN_COUNT = 2  # sparse features seen fewer times are left out of the vocabulary
DENSE_SCALE = 0.2  # brings the tok2vec activations to the scale of the 0/1 sparse features
C_TRIGGER = 0.5  # inverse regularisation strength of the trigger model
C_ROLE = 1.0
TRIGGER_THRESHOLD = 0.5
ROLE_THRESHOLD = 0.5


@dataclass
class Item:
    """One corpus item with its candidates and labels."""

    key: str
    events: list[dict]
    candidates: list[Candidate] = field(default_factory=list)
    trigger_labels: list[str] = field(default_factory=list)  # per candidate: type, NONE, or "" (not a training row)
    role_rows: list[tuple[list[str], str]] = field(default_factory=list)  # (features, role)


def read_corpus(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.rglob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON ({exc})") from None
                row["key"] = f"{path.relative_to(folder)}#{row.get('id', n)}"
                rows.append(row)
    return rows


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def trigger_token(doc, event: dict):
    """The word that heads the event's trigger words, inside the sentence of its snippet when one is given."""
    text = doc.text
    start = 0
    snippet = event.get("snippet")
    if snippet and snippet in text:
        sent = doc.char_span(text.index(snippet), text.index(snippet) + len(snippet), alignment_mode="expand")
        start = sent.sent.start_char if sent is not None else 0
    at = text.find(event["trigger"], start)
    if at < 0:
        at = text.find(event["trigger"])
    if at < 0:
        return None, set()
    span = doc.char_span(at, at + len(event["trigger"]), alignment_mode="expand")
    if span is None:
        return None, set()
    head = span.root
    if head.pos_ not in ("VERB", "NOUN", "PROPN"):
        head = next((t for t in span if t.pos_ in ("VERB", "NOUN", "PROPN")), head)
    return head, {t.i for t in span}


def parse(rows: list[dict]) -> list[tuple[dict, object, object, list]]:
    nlp = load_nlp()
    out = []
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64), strict=True):
        actors = resolve_actors(doc, nlp)
        out.append((row, doc, actors, extract_quotes(doc, "train", actors)))
    return out


def label(parsed, nouns: frozenset[str]) -> list[Item]:
    items = []
    for row, doc, actors, quotes in parsed:
        item = Item(row["key"], row["events"])
        heads: dict[int, list[dict]] = {}
        spans: set[int] = set()
        for event in row["events"]:
            head, span = trigger_token(doc, event)
            if head is not None:
                heads.setdefault(head.i, []).append(event)
                spans |= span
        mentions = article_mentions(doc, actors, quotes)
        for cand in candidates(doc, actors, quotes, nouns=nouns, mentions=mentions):
            events = heads.get(cand.token.i, [])
            item.candidates.append(cand)
            if not events:
                item.trigger_labels.append("" if cand.token.i in spans else NONE)
                continue
            etype = events[0]["type"]
            item.trigger_labels.append(etype)
            sources = {e["source"] for e in events if e["type"] == etype}
            targets = {e["target"] for e in events if e["type"] == etype}
            for mention in cand.mentions:
                role = "source" if mention.code in sources else "target" if mention.code in targets else "none"
                item.role_rows.append((role_features(cand.token, etype, mention), role))
        items.append(item)
    return items


def trigger_nouns(parsed) -> frozenset[str]:
    """Noun lemmas that head an event's trigger somewhere in the corpus."""
    nouns = Counter()
    for row, doc, _, _ in parsed:
        for event in row["events"]:
            head, _ = trigger_token(doc, event)
            if head is not None and head.pos_ in ("NOUN", "PROPN"):
                nouns[head.lemma_.lower()] += 1
    return frozenset(n for n, count in nouns.items() if count >= MIN_COUNT)


def fit_linear(rows: list[list[str]], vectors: np.ndarray | None, labels: list[str], classes: tuple[str, ...],
               c: float) -> LinearModel:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in rows for f in set(feats))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    r, k = [], []
    for i, feats in enumerate(rows):
        for f in set(feats):
            j = vocabulary.get(f)
            if j is not None:
                r.append(i)
                k.append(j)
    x = csr_matrix((np.ones(len(r), dtype=np.float32), (r, k)), shape=(len(rows), len(vocabulary)))
    dense_dim = 0 if vectors is None else vectors.shape[1]
    if dense_dim:
        x = hstack([x, csr_matrix(vectors * DENSE_SCALE)]).tocsr()
    y = np.array([classes.index(label) for label in labels])
    clf = LogisticRegression(C=c, max_iter=4000, solver="lbfgs", random_state=0)
    clf.fit(x, y)
    weights = np.zeros((x.shape[1], len(classes)), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)  # a label absent from training is never predicted
    if len(clf.classes_) == 2:  # sklearn keeps one weight column for two classes
        weights[:, clf.classes_[1]] = clf.coef_[0]
        bias[clf.classes_] = [0.0, clf.intercept_[0]]
    else:
        weights[:, clf.classes_] = clf.coef_.T
        bias[clf.classes_] = clf.intercept_
    n = len(vocabulary)
    return LinearModel(classes, vocabulary, weights[:n], weights[n:], DENSE_SCALE, bias)


def fit(items: list[Item], nouns: frozenset[str]) -> EventModel:
    rows, vectors, labels = [], [], []
    for item in items:
        for cand, lab in zip(item.candidates, item.trigger_labels, strict=True):
            if lab:
                rows.append(cand.features)
                vectors.append(cand.vector)
                labels.append(lab)
    triggers = fit_linear(rows, np.vstack(vectors), labels, TYPES, C_TRIGGER)
    role_rows = [r for item in items for r in item.role_rows]
    roles = fit_linear([f for f, _ in role_rows], None, [r for _, r in role_rows], ROLES, C_ROLE)
    return EventModel(triggers, roles, nouns, TRIGGER_THRESHOLD, ROLE_THRESHOLD)


def gold_events(item: Item) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["type"]) for e in item.events}


def score(model: EventModel, items: list[Item]) -> dict:
    """Event precision/recall over items: (source, target, type), undirected types either way."""
    tp = fp = fn = 0
    for item in items:
        gold = gold_events(item)
        by_sentence: dict[int, list[Candidate]] = {}
        for cand in item.candidates:
            by_sentence.setdefault(cand.sent_index, []).append(cand)
        pred = {(a.source.code, a.target.code, a.type) for found in by_sentence.values()
                for a in code_sentence(model, found)}
        for s, t, etype in pred:
            if (s, t, etype) in gold or (etype in UNDIRECTED and (t, s, etype) in gold):
                tp += 1
            else:
                fp += 1
        fn += sum(1 for s, t, etype in gold if (s, t, etype) not in pred
                  and not (etype in UNDIRECTED and (t, s, etype) in pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def cross_validate(items: list[Item], nouns: frozenset[str], folds: int) -> dict:
    order = list(range(len(items)))
    np.random.default_rng(0).shuffle(order)
    fold_of = {i: n % folds for n, i in enumerate(order)}
    results = []
    for k in range(folds):
        train = [it for i, it in enumerate(items) if fold_of[i] != k]
        test = [it for i, it in enumerate(items) if fold_of[i] == k]
        results.append(score(fit(train, nouns), test))
    return {key: round(sum(r[key] for r in results) / folds, 3) for key in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--folds", type=int, default=0, help="cross-validate with this many folds (by item) first")
    args = parser.parse_args()
    rows = read_corpus(args.corpus)
    if not rows:
        raise SystemExit(f"no items under {args.corpus}")
    parsed = parse(rows)
    nouns = trigger_nouns(parsed)
    items = label(parsed, nouns)
    labels = Counter(lab for it in items for lab in it.trigger_labels if lab)
    print(f"{len(items)} items, {sum(len(it.events) for it in items)} events; trigger rows: "
          + ", ".join(f"{k} {v}" for k, v in labels.most_common()))
    if args.folds:
        print("cross-validated events:", cross_validate(items, nouns, args.folds))
    model = fit(items, nouns)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_model(args.out, model)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB; {len(model.triggers.vocabulary)} trigger and "
          f"{len(model.roles.vocabulary)} role features, {len(nouns)} event nouns)")


if __name__ == "__main__":
    main()
