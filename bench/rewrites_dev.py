"""Duplicate and derivative links on the rewrites development set (tests/fixtures/rewrites): precision and recall.

    python -m bench.rewrites_dev                 # ingest the set into a fresh store, score the links it made
    python -m bench.rewrites_dev --db X.db       # reuse (or build) a store; --relink decides the links again
    python -m bench.rewrites_dev --scores        # also the scorer's evidence for every listed pair, both ways

The set (see tests/fixtures/rewrites/README.md) holds 20 original/rewrite pairs in varied styles, 2 syndicated copies
and 22 hard negatives (independent reports, follow-ups, op-eds, related wire stories). A predicted link is right
when (copy, original) is listed in links.json; any other link between two articles of the set is a false link.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from detente.corpus import ingest
from detente.store import Store

DATA = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "rewrites"


def load_gold(data: Path = DATA) -> dict:
    return json.loads((data / "links.json").read_text(encoding="utf-8"))


def stored_links(store: Store) -> dict[str, set[tuple[str, str]]]:
    """(copy doc name, original doc name) of every stored duplicate and derivative link."""
    articles = store.articles()
    names = {a.id: a.doc_name for a in articles}
    return {
        "duplicates": {(a.doc_name, names[a.duplicate_of]) for a in articles if a.duplicate_of in names},
        "derivatives": {(a.doc_name, names[a.derivative_of]) for a in articles if a.derivative_of in names},
    }


def score(gold: dict, links: dict[str, set[tuple[str, str]]]) -> dict:
    """Precision, recall, misses and false links per kind of link."""
    result = {}
    for name in ("duplicates", "derivatives"):
        expected = {(c, o) for c, o, _ in gold[name]}
        got = links[name]
        hits = expected & got
        result[name] = {
            "expected": len(expected), "predicted": len(got), "correct": len(hits),
            "precision": len(hits) / len(got) if got else 1.0,
            "recall": len(hits) / len(expected) if expected else 1.0,
            "missed": sorted(expected - got), "false": sorted(got - expected),
        }
    return result


def relink(store: Store) -> None:
    """Forget the stored derivative links and decide them again with the current code (no re-parse)."""
    from detente.corpus_passes.links import forget_indexes, link_derivative

    articles = store.articles()
    with store.transaction():
        for article in articles:
            store.set_article_links(article.id, derivative_of=None, derivative_score=None, derivative_evidence=None)
    forget_indexes(store)
    for article_id in [a.id for a in articles if a.duplicate_of is None]:
        link_derivative(store, article_id)


def pair_scores(store: Store, gold: dict) -> list[tuple[str, str, str, float, list[str]]]:
    """The scorer's verdict on every listed pair in both directions: (copy, original, kind, score, reasons)."""
    from detente.corpus_passes.links import fact_index, side
    from detente.dedup.derivative import derivative_score
    from detente.dedup.near import facts

    ids = {a.doc_name: a.id for a in store.articles()}
    index = fact_index(store)
    out = []
    listed = [(c, o, "derivative") for c, o, _ in gold["derivatives"]] + [(a, b, "negative") for a, b, _ in gold["negatives"]]
    for a, b, kind in listed:
        if a not in ids or b not in ids:
            continue
        for copy, original in ((a, b), (b, a)):
            evidence = derivative_score(side(store, ids[copy]), side(store, ids[original]), facts, index.idf, align=True)
            out.append((copy, original, kind if copy == a else f"{kind} (reversed)", evidence.score, evidence.reasons))
    return out


def run(db: Path | None, do_relink: bool = False, data: Path = DATA) -> tuple[dict, Path]:
    gold = load_gold(data)
    path = db or Path(tempfile.mkdtemp(prefix="rewrites-dev-")) / "dev.db"
    with Store(path) as store:
        if not store.count("articles"):
            report = ingest(store, [data / "articles"])
            if report.errors:
                raise SystemExit(f"{data / 'articles'}: could not ingest {[str(e) for e in report.errors]}")
        elif do_relink:
            relink(store)
        return score(gold, stored_links(store)), path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse (default: a fresh temp file)")
    parser.add_argument("--relink", action="store_true", help="with an existing --db: decide the derivative links again")
    parser.add_argument("--scores", action="store_true", help="print the scorer's verdict on every listed pair")
    args = parser.parse_args()
    result, path = run(args.db, args.relink)
    print(f"store: {path}")
    for name, r in result.items():
        print(f"{name:11s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
              f"({r['correct']} of {r['expected']} found, {len(r['false'])} false links)")
        for copy, original in r["missed"]:
            print(f"  missed {copy} -> {original}")
        for copy, original in r["false"]:
            print(f"  false  {copy} -> {original}")
    if args.scores:
        with Store(path, readonly=True) as store:
            for copy, original, kind, value, reasons in pair_scores(store, load_gold()):
                print(f"{value:.3f}  {copy} -> {original}  [{kind}]  " + "; ".join(reasons))


if __name__ == "__main__":
    main()
