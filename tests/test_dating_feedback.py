"""Publication-date feedback from events dated elsewhere (weekday logic tested directly, no dateparser)."""

from __future__ import annotations

from datetime import date

from detente.dating.feedback import DatedMention, bounds_for, tighten_pub_range


def test_past_weekday_puts_publication_in_the_following_week():
    mention = DatedMention("'on Wednesday' relative to publication date", False, date(2024, 4, 10))
    assert bounds_for(mention) == (date(2024, 4, 10), date(2024, 4, 16))


def test_past_and_coming_weekdays_together_pin_two_days():
    mentions = [
        DatedMention("'on Wednesday' relative to publication date", False, date(2024, 4, 10)),
        DatedMention("'on Thursday' relative to publication date", True, date(2024, 4, 11)),
    ]
    (lo, hi), why = tighten_pub_range((date(2022, 6, 30), date(2024, 10, 1)), mentions)
    assert (lo, hi) == (date(2024, 4, 10), date(2024, 4, 11))
    assert why


def test_yesterday_pins_the_day_and_conflicts_are_ignored():
    mentions = [DatedMention("'yesterday' relative to publication date", False, date(2020, 6, 16)),
                DatedMention("'on Monday' relative to publication date", False, date(2019, 1, 7))]
    (lo, hi), _ = tighten_pub_range((date(2014, 5, 26), date(2026, 1, 1)), mentions)
    assert lo == hi == date(2020, 6, 17)


def test_words_without_a_day_give_nothing():
    assert bounds_for(DatedMention("'in 1962'", False, date(1962, 10, 20))) is None
