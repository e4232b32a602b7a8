"""The TimeML bench: its TempEval-3 scoring and its readers, on small invented documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.peer_factuality import STATUS_SCALE, meantime_class
from bench.peer_time import Predicted, Score, score_doc
from bench.timeml_suites import GoldTimex, detokenise, read_te3


def _gold(start: int, end: int, value: str, kind: str = "DATE") -> GoldTimex:
    return GoldTimex(start, end, kind, value, "x" * (end - start))


def test_strict_relaxed_and_value_scores() -> None:
    gold = [_gold(10, 16, "2021-05-04"), _gold(30, 39, "P3D", "DURATION")]
    predicted = [
        Predicted(7, 16, "DATE", "2021-05-04", "x" * 9),  # "on Tuesday" for "Tuesday": relaxed only, right value
        Predicted(30, 39, "DATE", "2021", "x" * 9),  # strict, wrong value and type
        Predicted(50, 55, "DATE", "2020", "x" * 5),  # spurious
    ]
    score = Score()
    score_doc(gold, predicted, score)
    assert score.strict() == pytest.approx((1 / 3, 1 / 2, 0.4))
    assert score.relaxed()[2] == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert score.value()[2] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert score.type_accuracy() == 0.5


def test_detokenise_keeps_token_offsets() -> None:
    text, spans, starts = detokenise([("Talks", 0), ("ended", 0), ("on", 0), ("May", 0), ("3", 0), (",", 0),
                                      ("2011", 0), (".", 0), ("Next", 1), ("(", 1), ("maybe", 1), (")", 1)])
    assert text == "Talks ended on May 3, 2011.\nNext (maybe)"
    assert [text[s:e] for s, e in spans][3:7] == ["May", "3", ",", "2011"]
    assert starts == [0, text.index("Next")]


def test_te3_reader_strips_tags_and_keeps_timex_spans(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-02-03">Feb 3</TIMEX3></DCT><TEXT>\n'
        'Rates <EVENT eid="e1">rose</EVENT> &amp; fell <TIMEX3 tid="t1" type="DATE" value="2014-W05">last week'
        '</TIMEX3>.</TEXT></TimeML>', encoding="utf-8")
    (doc,) = read_te3(tmp_path)
    assert doc.dct.isoformat() == "2014-02-03"
    (timex,) = doc.timexes
    assert doc.text[timex.start : timex.end] == "last week" and timex.value == "2014-W05"
    assert "&" in doc.text and "<" not in doc.text


def test_factuality_classes_and_scale() -> None:
    assert meantime_class("CERTAIN", "NEG", "FUTURE") == "negated"
    assert meantime_class("PROBABLE", "POS", "FUTURE") == "uncertain"
    assert meantime_class("CERTAIN", "POS", "FUTURE") == "future"
    assert meantime_class("CERTAIN", "POS", "NON_FUTURE") == "fact"
    assert STATUS_SCALE["denied"] < STATUS_SCALE["hypothetical"] < STATUS_SCALE["happened"]
