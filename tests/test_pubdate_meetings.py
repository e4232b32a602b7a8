"""Meetings of named series bound an undated article's publication: by weekday, by "last week", never by an
old, year-dated mention."""

from __future__ import annotations

from datetime import date

from detente.dating import infer_pub_range
from detente.dating.datable import bounds_from_meetings
from detente.dating.pubdate import meeting_weekday_pins


def test_a_meeting_named_with_its_weekday_pins_the_week():
    body = "The two leaders met on the sidelines of the G20 summit in New Delhi on Sunday to discuss grain exports."
    pins = meeting_weekday_pins([body], date(2023, 1, 1), date(2023, 12, 31))
    assert [(lo, hi) for lo, hi, _ in pins] == [(date(2023, 9, 10), date(2023, 9, 16))]
    # Saturday was the summit's first day: the weekday tells the two days apart
    saturday = "The ministers spoke at the G20 summit in New Delhi on Saturday."
    assert [p[0] for p in meeting_weekday_pins([saturday], date(2023, 1, 1), date(2023, 12, 31))] == [date(2023, 9, 9)]


def test_a_weekday_no_candidate_fell_on_gives_nothing():
    assert meeting_weekday_pins(["The ministers spoke at the G20 summit in New Delhi on Monday."],
                                date(2023, 1, 1), date(2023, 12, 31)) == []


def test_a_coming_meeting_bounds_the_week_before_it():
    pins = meeting_weekday_pins(["The two presidents will meet at the G20 summit in Rio de Janeiro on Tuesday."],
                                date(2024, 1, 1), date(2024, 12, 31))
    assert [(lo, hi) for lo, hi, _ in pins] == [(date(2024, 11, 13), date(2024, 11, 19))]


def test_last_week_meeting_and_basis_sentence():
    body = ("At a meeting last week on the sidelines of the Belt and Road Forum, held in Beijing, the two foreign "
            "ministers pledged to build trust.")
    rng, basis = infer_pub_range(None, [], body, [(date(2022, 12, 30), None, "Qin Gang as foreign minister")])
    assert rng == ["2023-10-23", "2023-10-29"]  # the only forum in reach of the tenure met on 17-18 October 2023
    assert "Belt and Road Forum 2023" in basis and "At a meeting last week" in basis
    assert basis.count("At a meeting last week") == 1  # one reason per sentence, not per bound


def test_a_year_dated_mention_is_not_read_as_recent():
    old = "Relations have not recovered since the G20 summit in Osaka in 2019, after which trade slowed."
    assert bounds_from_meetings([old], date(2019, 1, 1), date(2026, 1, 1)) == []
