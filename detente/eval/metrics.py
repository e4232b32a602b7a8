"""Score containers: per-field tallies, the finished FieldScore rows and the EvalReport.

Undefined ratios (0/0) are None rather than 0 or 1, so "nothing to score" is never mistaken for a perfect or a failed
score; F1 is 2TP / (2TP + FP + FN), which is defined whenever either side has items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def ratio(num: float, den: float) -> float | None:
    """num / den, or None when den is 0."""
    return num / den if den else None


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; each None when its denominator is 0."""
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)


def clip(s: str | None, limit: int = 90) -> str:
    """Shorten a string for one-line issue listings."""
    if s is None:
        return "null"
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


@dataclass
class Issue:
    """One miss or false positive: which gold article it concerns and what went wrong."""

    article: str
    what: str

    def to_dict(self) -> dict[str, str]:
        return {"article": self.article, "what": self.what}


@dataclass
class FieldScore:
    """The finished score of one field: the table row plus every miss and false positive behind it."""

    name: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    accuracy: float | None = None
    support: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    misses: list[Issue] = field(default_factory=list)
    false_positives: list[Issue] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
            "support": self.support,
            "counts": dict(self.counts),
            "extra": dict(self.extra),
            "misses": [i.to_dict() for i in self.misses],
            "false_positives": [i.to_dict() for i in self.false_positives],
        }


@dataclass
class Tally:
    """Accumulates counts and issues for one field while the scorers walk the gold articles.

    `prf` and `accuracy` say which measures are meaningful for the field; the others stay None in the row.
    """

    name: str
    prf: bool = True
    accuracy: bool = False
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    support: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    misses: list[Issue] = field(default_factory=list)
    false_positives: list[Issue] = field(default_factory=list)

    def hit(self, n: int = 1) -> None:
        self.tp += n

    def miss(self, article: str, what: str, n: int = 1) -> None:
        """A gold item the prediction lacks (counts n false negatives, lists one issue)."""
        self.fn += n
        self.misses.append(Issue(article, what))

    def spurious(self, article: str, what: str, n: int = 1) -> None:
        """A predicted item gold lacks (counts n false positives, lists one issue)."""
        self.fp += n
        self.false_positives.append(Issue(article, what))

    def judge(self, ok: bool, article: str, what: str) -> None:
        """One accuracy decision; a wrong one is listed as a miss with `what` explaining it."""
        self.total += 1
        if ok:
            self.correct += 1
        else:
            self.misses.append(Issue(article, what))

    def finish(self) -> FieldScore:
        p, r, f = prf(self.tp, self.fp, self.fn) if self.prf else (None, None, None)
        counts = {"tp": self.tp, "fp": self.fp, "fn": self.fn} if self.prf else {}
        if self.accuracy:
            counts |= {"correct": self.correct, "total": self.total}
        return FieldScore(
            name=self.name, precision=p, recall=r, f1=f,
            accuracy=ratio(self.correct, self.total) if self.accuracy else None,
            support=self.support, counts=counts, extra=dict(self.extra),
            misses=list(self.misses), false_positives=list(self.false_positives),
        )


@dataclass
class EvalReport:
    """All field scores of one evaluation run, in display order, plus notes about the run itself."""

    fields: dict[str, FieldScore] = field(default_factory=dict)
    gold_articles: int = 0
    matched_articles: int = 0
    notes: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> FieldScore:
        return self.fields[name]

    def add(self, score: FieldScore) -> None:
        self.fields[score.name] = score

    def to_dict(self) -> dict[str, Any]:
        """JSON-serializable form (for `detente eval --json`)."""
        return {
            "gold_articles": self.gold_articles,
            "matched_articles": self.matched_articles,
            "notes": list(self.notes),
            "fields": {name: s.to_dict() for name, s in self.fields.items()},
        }
