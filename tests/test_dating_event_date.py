"""An event's date decided in one place: own time, then the publication date; a wide publication range dates
nothing relative; a week is its month; background is undated; precision reaches the JSONL export.

Sentences and articles invented for these tests."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

from detente.actors import resolve_actors
from detente.corpus import ingest
from detente.dating.event_date import decide_event_date
from detente.dating.expressions import find_time_expressions
from detente.events import extract_events
from detente.export.jsonl import write_jsonl
from detente.nlp import load_nlp
from detente.store import Store

DAY = (date(2020, 3, 2), date(2020, 3, 2))  # a Monday


def _span(text: str, ref: tuple[date, date] = DAY, future: bool = False):
    [span] = find_time_expressions(text, ref, future)
    return span


def test_a_week_is_the_month_holding_most_of_its_days() -> None:
    when, status = decide_event_date(_span("last week"), "happened", DAY)
    assert (when.start, when.end, when.precision) == ("2020-02-01", "2020-02-29", "month")
    assert "last week" in when.basis and status == "happened"


def test_a_relative_time_against_a_wide_publication_range_is_not_a_date() -> None:
    wide = (date(2017, 1, 20), date(2021, 1, 20))
    when, _ = decide_event_date(_span("on Thursday", wide), "happened", wide)
    assert when.start is None and "known only within 2017-01-20..2021-01-20" in when.basis
    absolute, _ = decide_event_date(_span("in March 2019", wide), "happened", wide)
    assert (absolute.start, absolute.precision) == ("2019-03-01", "month")


def test_without_a_time_the_news_takes_the_publication_date_and_background_none() -> None:
    news, _ = decide_event_date(None, "happened", DAY)
    assert (news.start, news.precision) == ("2020-03-02", "day") and news.basis.startswith("publication date")
    month, _ = decide_event_date(None, "happened", (date(2020, 3, 2), date(2020, 3, 9)))
    assert (month.start, month.end, month.precision) == ("2020-03-01", "2020-03-31", "month")
    background, _ = decide_event_date(None, "happened", DAY, background=True)
    assert background.start is None and "background" in background.basis
    plan, _ = decide_event_date(None, "planned", DAY)
    assert plan.start is None
    unknown, _ = decide_event_date(None, "happened", (date(2019, 1, 1), date(2020, 3, 2)))
    assert unknown.start is None and "not dated" in unknown.basis


def test_a_happened_event_dated_after_publication_is_a_plan() -> None:
    when, status = decide_event_date(_span("on March 9"), "happened", DAY)
    assert status == "planned" and when.start == "2020-03-09"


def _events(text: str, pub: tuple[date, date] = DAY):
    doc = load_nlp()(text)
    return extract_events(doc, "a1", resolve_actors(doc), pub)


def test_a_perfect_relative_clause_is_undated_background() -> None:
    events = _events("Peru, which has expelled Chilean diplomats, condemned Bolivia.")
    expel = [e for e in events if e.trigger == "expelled"]
    assert expel and expel[0].date_start is None and "background" in expel[0].date_basis
    condemn = [e for e in events if e.trigger == "condemned"]
    assert condemn and condemn[0].date_start == "2020-03-02"


def test_a_statement_dated_in_its_own_clause_dates_the_act_it_carries() -> None:
    events = _events("In a statement issued on February 27, the Chilean foreign ministry accused Peru of spying.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].date_start == "2020-02-27"


def test_a_denied_act_is_dated_like_its_denial_unless_the_sentence_dates_other_words() -> None:
    # REAL-DEV.md 10: an act with no time expression that is the article's news takes the publication date; a denial
    # ("did not cross") is that news. A denial that is itself background, or a sentence whose time expression
    # belongs to the denial, leaves the denied act undated
    [cross] = [e for e in _events("Peru said its troops did not cross into Chilean territory.") if e.type == "ASSAULT"]
    assert (cross.status, cross.date_start) == ("denied", "2020-03-02")
    for text in ["Peru had repeatedly denied that it planned to invade Chile.",
                 "Peru denied on Friday that its troops had crossed into Chilean territory."]:
        denied = [e for e in _events(text) if e.status == "denied"]
        assert denied and all(e.date_start is None for e in denied), text


ARTICLE = """Old treaty recalled
Published March 2, 2020

Chile and Peru signed a border treaty in 2009, the ministry said on Monday.
"""


def test_year_precision_reaches_the_jsonl_export(tmp_path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest(store, [folder])
        out = StringIO()
        write_jsonl(store, out)
    events = [r for r in map(json.loads, out.getvalue().splitlines()) if r["record"] == "event"]
    treaty = [e for e in events if e["type"] == "AGREE"]
    assert treaty, events
    assert (treaty[0]["date_start"], treaty[0]["date_end"], treaty[0]["date_precision"]) == \
        ("2009-01-01", "2009-12-31", "year")


def test_dating_does_not_import_events() -> None:
    """dating/ is below events/: events use dates, dating never reaches back into events."""
    import ast
    from pathlib import Path

    import detente.dating

    for path in Path(detente.dating.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("detente.events"), path


def test_what_a_person_did_in_a_who_clause_is_background_but_a_statement_is_news() -> None:
    events = _events("The American ambassador, who drafted a letter urging Chile to free the sailors, resigned. "
                     "Peru issued a statement condemning Bolivia.")
    urging = [e for e in events if e.trigger == "urging"]
    assert urging and urging[0].date_start is None
    condemning = [e for e in events if e.trigger == "condemning"]
    assert condemning and condemning[0].date_start == "2020-03-02"
