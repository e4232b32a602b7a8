"""Rebuild the event classifier (``detente/data/models/events.npz``) from the corpus written for it.

    python training/events/train.py                  # train on training/events/corpus, write the package's model
    python training/events/train.py --folds 5        # also report cross-validated scores (folds by file)
    python training/events/train.py --out /tmp/m.npz # write elsewhere

The corpus (``training/events/corpus/**/*.jsonl``, see its README) holds sentences written here, each with every
coded event between two parties. Every sentence is parsed with the project's own pipeline (spaCy model, actor
resolution, quotes), cut into candidates by ``detente.events.candidates`` exactly as at run time, and each candidate
labelled with the type its (source, target) pair carries in the sentence's events, or NONE. Measuring sets (real-dev,
peer suites, seeds) are never read here. Deterministic: files in sorted order, a fixed solver and seed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from detente.actors import resolve_actors  # noqa: E402
from detente.events.candidates import Candidate, candidates  # noqa: E402
from detente.events.classifier import NONE, EventModel, save_model  # noqa: E402
from detente.events.ontology import PLOVER_TYPES, UNDIRECTED  # noqa: E402
from detente.nlp import load_nlp  # noqa: E402
from detente.quotes import extract_quotes  # noqa: E402

CORPUS = ROOT / "training" / "events" / "corpus"
MODEL = ROOT / "detente" / "data" / "models" / "events.npz"
LABELS = (NONE, *PLOVER_TYPES)
MIN_COUNT = 2  # sparse features seen fewer times are left out of the vocabulary
DENSE_SCALE = 0.2  # brings the tok2vec activations to the scale of the 0/1 sparse features
C = 1.0  # inverse regularisation strength
THRESHOLD = 0.5


def read_corpus(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.rglob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON ({exc})") from None
                row["file"] = str(path.relative_to(folder))
                rows.append(row)
    return rows


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def in_sentence(event: dict, candidate: Candidate) -> bool:
    """A passage's event belongs to the sentence holding its snippet; a one-sentence item's events to every sentence."""
    snippet = event.get("snippet")
    return not snippet or _squash(snippet)[:40] in _squash(candidate.sent.text)


def labels_for(candidate: Candidate, events: list[dict]) -> list[str]:
    """The types the sentence codes between the candidate's source and target (either way for undirected types)."""
    a, b = candidate.source.code, candidate.target.code
    events = [e for e in events if in_sentence(e, candidate)]
    found = [e["type"] for e in events if (e["source"], e["target"]) == (a, b)]
    found += [e["type"] for e in events if e["type"] in UNDIRECTED and (e["source"], e["target"]) == (b, a)]
    return sorted(set(found)) or [NONE]


def build(rows: list[dict]) -> tuple[list[list[str]], np.ndarray, list[str], list[str], dict]:
    """Sparse features, dense matrix, labels and file of every candidate; plus coverage counts."""
    nlp = load_nlp()
    sparse: list[list[str]] = []
    dense: list[np.ndarray] = []
    labels: list[str] = []
    files: list[str] = []
    coverage = Counter()
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64), strict=True):
        actors = resolve_actors(doc, nlp)
        quotes = extract_quotes(doc, "train", actors)
        found = candidates(doc, actors, quotes)
        covered = set()
        for cand in found:
            for label in labels_for(cand, row["events"]):
                sparse.append(cand.sparse)
                dense.append(cand.dense)
                labels.append(label)
                files.append(f'{row["file"]}#{row.get("id", "")}')
                if label != NONE:
                    covered.add((cand.source.code, cand.target.code, label))
        for e in row["events"]:
            coverage["events"] += 1
            key = (e["source"], e["target"], e["type"])
            rev = (e["target"], e["source"], e["type"])
            coverage["covered"] += key in covered or (e["type"] in UNDIRECTED and rev in covered)
    return sparse, np.vstack(dense) if dense else np.zeros((0, 384)), labels, files, coverage


def vectorize(sparse: list[list[str]], vocabulary: dict[str, int], dense: np.ndarray):
    from scipy.sparse import csr_matrix, hstack

    rows, cols = [], []
    for i, feats in enumerate(sparse):
        for f in set(feats):
            j = vocabulary.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    x_sparse = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sparse), len(vocabulary)))
    return hstack([x_sparse, csr_matrix(dense * DENSE_SCALE)]).tocsr()


def fit(sparse: list[list[str]], dense: np.ndarray, labels: list[str]) -> EventModel:
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in sparse for f in set(feats))
    vocab_list = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    vocabulary = {f: i for i, f in enumerate(vocab_list)}
    x = vectorize(sparse, vocabulary, dense)
    y = np.array([LABELS.index(label) for label in labels])
    clf = LogisticRegression(C=C, max_iter=3000, solver="lbfgs", random_state=0)
    clf.fit(x, y)
    weights = np.zeros((x.shape[1], len(LABELS)), dtype=np.float32)
    weights[:, clf.classes_] = clf.coef_.T
    bias = np.full(len(LABELS), -30.0, dtype=np.float32)  # a label absent from training is never predicted
    bias[clf.classes_] = clf.intercept_
    n = len(vocabulary)
    return EventModel(LABELS, vocabulary, weights[:n], weights[n:], DENSE_SCALE, bias, THRESHOLD)


def evaluate(model: EventModel, sparse, dense, labels) -> dict:
    tp = fp = fn = 0
    for feats, vec, gold in zip(sparse, dense, labels, strict=True):
        probs = model.scores(feats, vec)
        best = int(np.argmax(probs))
        pred = model.labels[best] if probs[best] >= model.threshold else NONE
        if pred != NONE and pred == gold:
            tp += 1
        else:
            fp += pred != NONE
            fn += gold != NONE
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def cross_validate(sparse, dense, labels, files, folds: int) -> dict:
    """Folds by sentence (a sentence's candidates stay together), assigned by a fixed shuffle."""
    groups = sorted(set(files))
    np.random.default_rng(0).shuffle(groups)
    totals = Counter()
    for k in range(folds):
        held = {g for i, g in enumerate(groups) if i % folds == k}
        train = [i for i, f in enumerate(files) if f not in held]
        test = [i for i, f in enumerate(files) if f in held]
        model = fit([sparse[i] for i in train], dense[train], [labels[i] for i in train])
        result = evaluate(model, [sparse[i] for i in test], dense[test], [labels[i] for i in test])
        totals.update({k2: result[k2] for k2 in ("tp", "fp", "fn")})
    p = totals["tp"] / (totals["tp"] + totals["fp"]) if totals["tp"] + totals["fp"] else 0.0
    r = totals["tp"] / (totals["tp"] + totals["fn"]) if totals["tp"] + totals["fn"] else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--folds", type=int, default=0, help="cross-validate with this many folds (by sentence) first")
    args = parser.parse_args()
    rows = read_corpus(args.corpus)
    if not rows:
        raise SystemExit(f"no sentences under {args.corpus}")
    sparse, dense, labels, files, coverage = build(rows)
    print(f"{len(rows)} sentences, {coverage['events']} events, {coverage['covered']} with a candidate "
          f"({coverage['covered'] / max(coverage['events'], 1):.1%}); {len(labels)} candidates: "
          + ", ".join(f"{k} {v}" for k, v in Counter(labels).most_common()))
    if args.folds:
        print("cross-validated (candidates):", cross_validate(sparse, dense, labels, files, args.folds))
    model = fit(sparse, dense, labels)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_model(args.out, model)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(model.vocabulary)} sparse features)")


if __name__ == "__main__":
    main()
