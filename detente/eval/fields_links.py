"""Cross-article fields: duplicate and derivative links, and story clustering (B-cubed)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from detente.eval.index import RecordIndex, as_list
from detente.eval.metrics import FieldScore, Issue, Tally, ratio

Gold = dict[str, Any]


def score_links(key: str, gold_articles: list[Gold], idx: RecordIndex) -> Tally:
    """Pairwise P/R/F1 over (doc_name, original doc_name) pairs where both articles are in gold.

    Predicted links to articles outside gold cannot be judged against it, so they are left out.
    """
    t = Tally("duplicates" if key == "duplicate_of" else "derivatives")
    annotated = [ga for ga in gold_articles if key in ga]
    gold_ids = {ga["id"] for ga in gold_articles}
    gold_pairs = {(ga["id"], str(o)) for ga in annotated for o in as_list(ga[key])}
    pred_pairs: set[tuple[str, str]] = set()
    for ga in annotated:
        rec = idx.article(ga["id"])
        for ref in as_list(rec.get(key)) if rec is not None else []:
            orig = idx.resolve_doc(ref, gold_ids)
            if orig in gold_ids and orig != ga["id"]:
                pred_pairs.add((ga["id"], orig))
    t.support = len(gold_pairs)
    t.hit(len(gold_pairs & pred_pairs))
    for doc, orig in sorted(gold_pairs - pred_pairs):
        t.miss(doc, f"{key} {orig} not predicted")
    for doc, orig in sorted(pred_pairs - gold_pairs):
        t.spurious(doc, f"predicted {key} {orig}")
    return t


def _clusters(labels: dict[str, str | None]) -> dict[str, set[str]]:
    """Item -> its cluster; a null label is a singleton."""
    groups: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        if label is not None:
            groups[label].add(item)
    return {item: groups[label] if label is not None else {item} for item, label in labels.items()}


def score_stories(gold_articles: list[Gold], idx: RecordIndex) -> FieldScore:
    """B-cubed precision/recall/F1 over gold articles; gold articles without a record score 0 on both.

    Misses list gold same-story pairs predicted apart; false positives list pairs predicted together across stories.
    """
    t = Tally("stories")
    annotated = [ga for ga in gold_articles if "story" in ga]
    gold = _clusters({ga["id"]: ga["story"] for ga in annotated})
    present = {ga["id"]: idx.article(ga["id"]) for ga in annotated}
    pred = _clusters({d: rec.get("story_id") for d, rec in present.items() if rec is not None})
    p_sum = r_sum = 0.0
    for doc in gold:
        if doc not in pred:
            t.misses.append(Issue(doc, "no article record"))
            continue
        both = len(gold[doc] & pred[doc])
        p_sum += both / len(pred[doc])
        r_sum += both / len(gold[doc])
    docs = sorted(gold)
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if a not in pred or b not in pred:
                continue
            together_gold, together_pred = b in gold[a], b in pred[a]
            if together_gold and not together_pred:
                t.misses.append(Issue(a, f"should share a story with {b}"))
            elif together_pred and not together_gold:
                t.false_positives.append(Issue(a, f"put in one story with {b}, gold stories differ"))
    n = len(gold)
    p, r = ratio(p_sum, n), ratio(r_sum, n)
    t.support = n
    score = t.finish()
    score.precision, score.recall = p, r
    score.f1 = None if p is None or r is None else (ratio(2 * p * r, p + r) or 0.0)
    score.counts = {"articles": n, "with_record": len(pred)}
    return score

