"""`evaluate`: score exported records against a gold file, field by field, in display order."""

from __future__ import annotations

from collections.abc import Iterable

from detente.eval.fields_actors import score_countries, score_persons
from detente.eval.fields_article import ReadRaw, score_body, score_metadata
from detente.eval.fields_events import score_events
from detente.eval.fields_quotes import score_links, score_quotes, score_stories
from detente.eval.index import Record, RecordIndex
from detente.eval.metrics import EvalReport, FieldScore, prf


def _b3(score: FieldScore) -> FieldScore:
    p, r = score.extra.get("b3_precision"), score.extra.get("b3_recall")
    if p is not None and r is not None:
        score.precision, score.recall = p, r
        score.f1 = 2 * p * r / (p + r) if p + r else 0.0
    return score


def evaluate(gold: dict, records: Iterable[Record], read_raw: ReadRaw | None = None) -> EvalReport:
    """Score ``records`` (JSONL export dicts) against ``gold`` (a loaded gold file)."""
    idx = RecordIndex.build(records)
    articles = gold["articles"]
    report = EvalReport(gold_articles=len(articles))
    report.matched_articles = sum(1 for ga in articles if idx.article(ga["id"]) is not None)
    for ga in articles:
        if idx.article(ga["id"]) is None:
            report.notes.append(f"{ga['id']}: no article record with this doc_name")
    if idx.repeated_doc_names:
        report.notes.append(f"doc_names stored more than once (first used): {sorted(set(idx.repeated_doc_names))}")
    tallies = [*score_body(articles, idx, read_raw, report.notes), *score_metadata(articles, idx)]
    tallies += [score_countries(articles, idx), *score_persons(articles, idx)]
    tallies += [*score_events(articles, idx), *score_quotes(articles, idx), *score_links(articles, idx)]
    for tally in tallies:
        report.add(tally.finish())
    report.add(_b3(score_stories(articles, idx).finish()))
    return report


__all__ = ["evaluate", "prf"]
