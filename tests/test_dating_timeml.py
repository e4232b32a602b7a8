"""Time expressions as TimeML TIMEX3: extents without the attaching word, types, values, and the direction a
relative expression takes from its clause's tense. Sentences invented for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from detente.dating.expressions import find_timexes
from detente.dating.timeml import tag_text

DCT = date(2021, 6, 9)  # a Wednesday
DAY = (DCT, DCT)


def _one(text: str, future: bool = False) -> tuple[str, str, str]:
    [timex] = find_timexes(text, DAY, future)
    return timex.text, timex.type, timex.value


@pytest.mark.parametrize(("text", "expected"), [
    ("The envoys met on Monday.", ("Monday", "DATE", "2021-06-07")),
    ("Exports fell in 2019.", ("2019", "DATE", "2019")),
    ("It was his 2016 campaign.", ("2016", "DATE", "2016")),
    ("The ceasefire began in early March.", ("early March", "DATE", "2021-03")),
    ("The talks failed in the third quarter of 2020.", ("the third quarter of 2020", "DATE", "2020-Q3")),
    ("Sales rose last week.", ("last week", "DATE", "2021-W22")),
    ("The port reopened last summer.", ("last summer", "DATE", "2020-SU")),
    ("Both sides built up forces in the 1990s.", ("1990s", "DATE", "199")),
    ("The border was drawn in the 19th century.", ("19th century", "DATE", "18")),
])
def test_dates_extent_and_value(text: str, expected: tuple[str, str, str]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The blockade lasted three weeks.", ("three weeks", "DURATION", "P3W")),
    ("They negotiated for almost two years.", ("almost two years", "DURATION", "P2Y")),
    ("A four-day truce held.", ("four-day", "DURATION", "P4D")),
    ("Relations have thawed over the past two decades.", ("the past two decades", "DURATION", "P20Y")),
    ("The mission took several hours.", ("several hours", "DURATION", "PTXH")),
    ("Fighting has gone on for years.", ("years", "DURATION", "PXY")),
    ("The summit is held annually.", ("annually", "SET", "P1Y")),
    ("Patrols go out every Friday.", ("every Friday", "SET", "XXXX-WXX-5")),
    ("Aid is worth $2 billion a year.", ("a year", "SET", "P1Y")),
    ("The embassy is now closed.", ("now", "DATE", "PRESENT_REF")),
    ("Ministers recently met in Oslo.", ("recently", "DATE", "PAST_REF")),
    ("The shelling stopped at 6:30 p.m. on Tuesday.", ("6:30 p.m. on Tuesday", "TIME", "2021-06-08T18:30")),
    ("The convoy left on Monday morning.", ("Monday morning", "TIME", "2021-06-07TMO")),
])
def test_durations_sets_references_and_times(text: str, expected: tuple[str, str, str]) -> None:
    assert _one(text) == expected


def test_ages_and_ordinals_are_not_durations() -> None:
    assert find_timexes("A 12-year-old boy and children aged 6 months were hurt.", DAY) == []
    assert find_timexes("He won a second term.", DAY) == []


def test_durations_do_not_date_events() -> None:
    from detente.dating import find_time_expressions

    assert find_time_expressions("The siege lasted three weeks and ended now.", DAY) == []


def test_weekday_of_a_plan_goes_forward_and_of_a_past_act_back() -> None:
    assert _one("The foreign ministers will meet on Sunday.", future=True)[2] == "2021-06-13"
    assert _one("The foreign ministers met on Sunday.")[2] == "2021-06-06"


def test_clause_tense_decides_not_the_rest_of_the_sentence() -> None:
    """The past clause holding "Feb. 3" points back even though another clause speaks of the future."""
    timexes = tag_text("On Feb. 3, the ministry said the talks will resume.", date(2021, 2, 20))
    assert [(t.text, t.value) for t in timexes] == [("Feb. 3", "2021-02-03")]


def test_a_month_in_a_plan_goes_forward() -> None:
    timexes = tag_text("The two governments are expected to sign the accord in March.", date(2021, 11, 2))
    assert [(t.text, t.value) for t in timexes] == [("March", "2022-03")]
    timexes = tag_text("The two governments signed the accord in March.", date(2021, 11, 2))
    assert [(t.text, t.value) for t in timexes] == [("March", "2021-03")]


def test_a_quarter_without_a_year_is_the_nearest_one() -> None:
    assert _one("Exports grew in the first quarter.")[2] == "2021-Q1"
    assert _one("Exports will grow in the fourth quarter.", future=True)[2] == "2021-Q4"


def test_a_purpose_shares_its_clauses_time_and_a_noun_infinitive_looks_ahead() -> None:
    past = tag_text("The envoy crossed the border to meet the president on Friday.", DCT)
    assert [(t.text, t.value) for t in past] == [("Friday", "2021-06-04")]
    ahead = tag_text("Peru holds a contract to supply Chile with gas from March.", DCT)
    assert [(t.text, t.value) for t in ahead] == [("March", "2022-03")]
    participle = tag_text("In a statement published on June 2, the ministry said talks will resume.", DCT)
    assert [(t.text, t.value) for t in participle] == [("June 2", "2021-06-02")]
