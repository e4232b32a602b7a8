"""Time expressions on TempEval-3 platinum and MEANTIME English, scored with the TempEval-3 Task A measures.

    python -m bench.peer_time [--suite te3|meantime|all] [--system detente|dateparser] [--errors N]

Scoring (TempEval-3 ``evaluate_entities.py``, over character spans rather than tokens): a predicted TIMEX3 is a
strict match when its extent equals a gold one (surrounding spaces ignored), a relaxed match when they overlap.
Precision = predicted timexes that match a gold one / predicted; recall = gold timexes matched / gold. Attributes
(value, type) are judged on the relaxed matches (the strict partner when there is one, else the widest overlap):
attribute precision = right attributes / predicted, recall = right attributes / gold, so value F1 = value accuracy
on relaxed matches x relaxed F1. MEANTIME is annotated in sentences 0-5 only; predictions after them are not
scored. "dates" rows restrict gold and predictions to type DATE.

Systems: ``detente`` (the project's tagger, ``detente.dating.timeml``) and ``dateparser`` (dateparser's
``search_dates``, a maintained library, as a check on whether a library beats our rules; it gives no type, so every
find is a DATE at the precision its text shows).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bench.timeml_suites import GoldTimex, TimeDoc, read_meantime, read_te3

PUBLISHED = {
    "te3": [
        ("HeidelTime (TEI2GO paper, CIKM 2023)", "strict F1 .818, relaxed F1 .907"),
        ("TEI2GO English (CIKM 2023)", "strict F1 .824, relaxed F1 .906"),
        ("spaCy NER base (CIKM 2023)", "strict F1 .746, relaxed F1 .877"),
        ("HeidelTime (UzZaman et al. 2013, unchecked)", "strict F1 .813, relaxed F1 .903, value F1 .776"),
        ("SUTime (UzZaman et al. 2013, unchecked)", "value F1 .674"),
    ],
    "meantime": [("(none published for English intra-doc, all 120 documents)", "")],
}


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    type: str
    value: str
    text: str


System = Callable[[str, date], list[Predicted]]


def detente_system(text: str, dct: date) -> list[Predicted]:
    from detente.dating.timeml import tag_text

    return [Predicted(t.start, t.end, t.type, t.value, t.text) for t in tag_text(text, dct)]


def dateparser_system(text: str, dct: date) -> list[Predicted]:
    import re
    from datetime import datetime

    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    for words, when in found:
        start = text.find(words, cursor)
        if start < 0:
            continue
        cursor = start + len(words)
        if re.fullmatch(r"\d{4}", words.strip()):
            value = words.strip()
        elif re.search(r"\d{1,2}|yesterday|today|tomorrow|day", words, re.I):
            value = when.date().isoformat()
        elif re.search(r"\d{4}", words):
            value = when.strftime("%Y-%m")
        else:
            value = when.date().isoformat()
        out.append(Predicted(start, cursor, "DATE", value, words))
    return out


SYSTEMS: dict[str, System] = {"detente": detente_system, "dateparser": dateparser_system}


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    strict_p: int = 0  # predicted with a strict partner
    strict_r: int = 0  # gold with a strict partner
    relaxed_p: int = 0
    relaxed_r: int = 0
    value_ok: int = 0
    type_ok: int = 0

    @staticmethod
    def _f1(p_hits: int, r_hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = p_hits / predicted if predicted else 0.0
        r = r_hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def strict(self) -> tuple[float, float, float]:
        return self._f1(self.strict_p, self.strict_r, self.predicted, self.gold)

    def relaxed(self) -> tuple[float, float, float]:
        return self._f1(self.relaxed_p, self.relaxed_r, self.predicted, self.gold)

    def value(self) -> tuple[float, float, float]:
        return self._f1(self.value_ok, self.value_ok, self.predicted, self.gold)

    def type_accuracy(self) -> float:
        return self.type_ok / self.relaxed_r if self.relaxed_r else 0.0


def _overlap(a: GoldTimex | Predicted, b: GoldTimex | Predicted) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _trimmed(t: GoldTimex | Predicted) -> tuple[int, int]:
    lead = len(t.text) - len(t.text.lstrip())
    trail = len(t.text) - len(t.text.rstrip())
    return t.start + lead, t.end - trail


def score_doc(gold: list[GoldTimex], predicted: list[Predicted], score: Score,
              errors: list[str] | None = None, name: str = "") -> None:
    score.gold += len(gold)
    score.predicted += len(predicted)
    for p in predicted:
        if any(_overlap(p, g) > 0 for g in gold):
            score.relaxed_p += 1
            score.strict_p += any(_trimmed(p) == _trimmed(g) for g in gold)
        elif errors is not None:
            errors.append(f"{name}: spurious {p.text!r} {p.type} {p.value}")
    for g in gold:
        partners = [p for p in predicted if _overlap(p, g) > 0]
        if not partners:
            if errors is not None:
                errors.append(f"{name}: missed {g.text!r} {g.type} {g.value}")
            continue
        score.relaxed_r += 1
        strict = [p for p in partners if _trimmed(p) == _trimmed(g)]
        score.strict_r += bool(strict)
        best = strict[0] if strict else max(partners, key=lambda p: _overlap(p, g))
        score.value_ok += best.value == g.value
        score.type_ok += best.type == g.type
        if errors is not None and (best.value != g.value or best.type != g.type or not strict):
            errors.append(f"{name}: {g.text!r} {g.type} {g.value} -> {best.text!r} {best.type} {best.value}")


def run_suite(docs: list[TimeDoc], system: System, errors: list[str] | None = None) -> dict[str, Score]:
    """Scores over all timexes and over DATE timexes only."""
    scores = {"all": Score(), "dates": Score()}
    for doc in docs:
        predicted = system(doc.text, doc.dct)
        if doc.scored_until is not None:
            predicted = [p for p in predicted if p.start < doc.scored_until]
        score_doc(doc.timexes, predicted, scores["all"], errors, doc.name)
        score_doc([g for g in doc.timexes if g.type == "DATE"], [p for p in predicted if p.type == "DATE"],
                  scores["dates"])
    return scores


def _row(label: str, score: Score) -> str:
    sp, sr, sf = score.strict()
    rp, rr, rf = score.relaxed()
    vf = score.value()[2]
    return (f"  {label:7s} gold {score.gold:4d} pred {score.predicted:4d} | strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f}"
            f" | relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f} | value F1 {vf:.3f} | type acc {score.type_accuracy():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", choices=["te3", "meantime", "all"], default="all")
    parser.add_argument("--system", choices=sorted(SYSTEMS), default="detente")
    parser.add_argument("--errors", type=int, default=0, help="print the first N misses, spurious finds and wrong values")
    args = parser.parse_args()
    suites = {"te3": read_te3, "meantime": read_meantime}
    for name in ("te3", "meantime"):
        if args.suite not in (name, "all"):
            continue
        docs = suites[name]()
        errors: list[str] = []
        scores = run_suite(docs, SYSTEMS[args.system], errors)
        print(f"{name}: {len(docs)} documents, system {args.system}")
        print(_row("all", scores["all"]))
        print(_row("dates", scores["dates"]))
        print("  published:")
        for who, figures in PUBLISHED[name]:
            print(f"    {who}: {figures}")
        for line in errors[: args.errors]:
            print("   ", line)


if __name__ == "__main__":
    main()
