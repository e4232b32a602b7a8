"""The story's weekday references narrow a short publication range; "last November" said in November is a year back."""

from __future__ import annotations

from datetime import date

from detente.dating.expressions import find_time_expressions
from detente.dating.window import compact_window


def test_past_and_coming_weekdays_keep_the_compact_days():
    sentences = [("The minister arrived on Monday.", False), ("He attended a fair on Sunday.", False),
                 ("On Tuesday, he is due to hold talks.", True)]
    (lo, hi), why = compact_window(sentences, (date(2023, 11, 6), date(2023, 11, 12)))
    assert (lo, hi) == (date(2023, 11, 6), date(2023, 11, 7)) and why


def test_wide_ranges_and_single_references_are_left_alone():
    sentences = [("The minister arrived on Monday.", False), ("He leaves on Friday.", True)]
    wide = (date(2022, 1, 1), date(2024, 1, 1))
    assert compact_window(sentences, wide) == (wide, None)
    short = (date(2023, 11, 6), date(2023, 11, 12))
    assert compact_window(sentences[:1], short) == (short, None)


def test_last_month_name_is_the_previous_one_of_that_name():
    (span,) = find_time_expressions("They first met last November.", (date(2023, 11, 6), date(2023, 11, 6)))
    assert (span.start, span.end) == (date(2022, 11, 1), date(2022, 11, 30))
    (span,) = find_time_expressions("They first met last March.", (date(2023, 11, 6), date(2023, 11, 6)))
    assert span.start == date(2023, 3, 1)
