"""Story grouping on plain inputs: dates, dyads, shared people, copy links."""

from __future__ import annotations

from datetime import date

from detente.stories import StoryInput, cluster_stories


def _item(aid, pair=("CHN", "VNM"), span=None, persons=(), original=None):
    when = span[0] + (span[1] - span[0]) / 2 if span else None
    return StoryInput(aid, aid, pair, when, original, 0, span, frozenset(persons))


def _groups(items):
    return sorted(sorted(s.article_ids) for s in cluster_stories(items))


def test_close_dates_same_dyad_group_and_far_dates_split():
    d = date
    items = [
        _item("a", span=(d(2023, 12, 12), d(2023, 12, 13))),
        _item("b", span=(d(2023, 12, 20), d(2023, 12, 20))),
        _item("c", span=(d(2017, 11, 24), d(2017, 11, 24))),
        _item("d", pair=("IND", "PAK"), span=(d(2023, 12, 12), d(2023, 12, 12))),
    ]
    assert _groups(items) == [["a", "b"], ["c"], ["d"]]


def test_undated_articles_join_by_shared_people_within_compatible_ranges():
    d = date
    people = ["person:xi-jinping", "person:joe-biden"]
    items = [
        _item("dated", span=(d(2023, 12, 13), d(2023, 12, 17)), persons=[*people, "person:x"]),
        _item("undated", span=(d(2021, 1, 20), d(2025, 1, 20)), persons=people),
        _item("old", span=(d(2017, 11, 24), d(2017, 11, 24)), persons=people),
        _item("one-shared", span=None, persons=["person:xi-jinping"]),
    ]
    assert _groups(items) == [["dated", "undated"], ["old"], ["one-shared"]]


def test_copies_follow_their_original():
    items = [_item("orig", pair=("USA", "JPN")), _item("copy", pair=(), original="orig")]
    assert _groups(items) == [["copy", "orig"]]
