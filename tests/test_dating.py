"""Time expressions resolved against a publication date or range, and publication-range inference."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.dating import find_time_expressions, infer_pub_range

DAY = (date(2023, 12, 13), date(2023, 12, 13))  # a Wednesday


def _one(text, ref=DAY, future=False):
    [span] = find_time_expressions(text, ref, future)
    return span.start, span.end, span.precision


def test_absolute_dates_and_day_ranges():
    assert _one("On November 9, 2017, he wrote") == (date(2017, 11, 9), date(2017, 11, 9), "day")
    assert _one("held from November 10-11") == (date(2023, 11, 10), date(2023, 11, 11), "range")
    assert _one("pictured Dec. 13, 2023.") == (date(2023, 12, 13), date(2023, 12, 13), "day")
    assert _one("signed on 2 March 2022 in Minsk") == (date(2022, 3, 2), date(2022, 3, 2), "day")


def test_weekdays_before_and_after_publication():
    assert _one("signed on Tuesday") == (date(2023, 12, 12), date(2023, 12, 12), "day")
    assert _one("met last Sunday") == (date(2023, 12, 10), date(2023, 12, 10), "day")
    assert _one("a two-day trip from Tuesday", future=True)[0] == date(2023, 12, 19)


def test_weekday_against_a_publication_range_gives_a_range():
    ref = (date(2023, 12, 8), date(2023, 12, 12))  # Friday .. Tuesday
    start, end, precision = _one("signed on Tuesday", ref)
    assert (start, end, precision) == (date(2023, 12, 5), date(2023, 12, 12), "range")


def test_months_and_years_resolve_to_the_right_year():
    assert _one("in May, the president attended") == (date(2023, 5, 1), date(2023, 5, 31), "month")
    assert _one("last month") == (date(2023, 11, 1), date(2023, 11, 30), "month")
    assert _one("a border war in 1979") == (date(1979, 1, 1), date(1979, 12, 31), "year")
    assert _one("ties in place since 2008") == (date(2008, 1, 1), date(2008, 12, 31), "year")
    assert _one("will visit in January", future=True)[0] == date(2024, 1, 1)


def test_numbers_that_are_not_years_are_ignored():
    assert find_time_expressions("some 2019 troops and $175 billion", DAY) == []


def test_publication_range_from_a_dated_caption_and_this_week():
    body = "Experts weighed this week's upgrade of relations. The documents were signed on Tuesday."
    (lo, hi), basis = infer_pub_range(None, ["The leaders meet in Hanoi, Dec. 13, 2023. (Pool/AP)"], body)
    assert (lo, hi) == ("2023-12-13", "2023-12-17") and "caption" in basis


def test_publication_range_from_a_datable_meeting():
    body = "The visit comes soon after the APEC summit in San Francisco last month."
    (lo, hi), basis = infer_pub_range(None, [], body, [(date(2021, 1, 20), date(2025, 1, 20), "President X")])
    assert (lo, hi) == ("2023-12-01", "2023-12-31") and "APEC 2023" in basis


def test_stated_date_wins():
    assert infer_pub_range("2017-11-24", [], "anything")[0] == ["2017-11-24", "2017-11-24"]


@given(st.text(max_size=300), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)), st.booleans())
def test_resolution_never_raises_and_ranges_are_ordered(text, day, future):
    for span in find_time_expressions(text, (day, day), future):
        assert span.start <= span.end
        assert text[span.char_start : span.char_end].strip() == span.text


@pytest.mark.parametrize("text", ["on February 30, 2023", "April 31"])
def test_impossible_dates_are_not_read_as_days(text):
    assert all(span.precision != "day" for span in find_time_expressions(text, DAY))


def test_years_ago_today_and_seasons():
    ref = (date(2019, 3, 26), date(2019, 3, 26))
    assert _one("Forty years ago today, the treaty was signed", ref) == (date(1979, 3, 26), date(1979, 3, 26), "day")
    assert _one("the leaders will meet again in the autumn", ref, future=True) == (date(2019, 9, 1), date(2019, 11, 30), "range")
    assert _one("three weeks ago", ref)[:2] == (date(2019, 3, 4), date(2019, 3, 10))


def test_a_day_without_year_days_ahead_is_not_a_year_back():
    ref = (date(2018, 4, 28), date(2018, 4, 28))
    assert _one("the broadcasts stop on May 1", ref)[0] == date(2018, 5, 1)
    assert _one("the talks were held on April 2", ref)[0] == date(2018, 4, 2)


def test_last_sunday_against_a_publication_range():
    ref = (date(2017, 9, 25), date(2017, 10, 1))  # Monday .. Sunday
    assert _one("met last Sunday", ref) == (date(2017, 9, 24), date(2017, 9, 24), "day")


def test_a_weekday_named_with_its_date_pins_the_publication_week():
    (lo, hi), basis = infer_pub_range(None, [], "The ministers signed the accord on Thursday, Feb. 8, 2024, in Oslo.")
    assert (lo, hi) == ("2024-02-08", "2024-02-14") and "Thursday" in basis
    (lo, hi), _ = infer_pub_range(None, [], "The envoys will meet on Monday, June 3, 2024, in Geneva.")
    assert (lo, hi) == ("2024-05-28", "2024-06-02")


def test_abbreviated_months_do_not_split_sentences():
    from detente.dating.pubdate import split_sentences

    assert split_sentences("Talks began on Feb. 8, 2024. The U.S. envoy left.\nNext") == [
        "Talks began on Feb. 8, 2024.", "The U.S. envoy left.", "Next"]
