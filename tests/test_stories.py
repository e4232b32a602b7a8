"""Story grouping on plain inputs: dates, dyads, shared people, copy links."""

from __future__ import annotations

from datetime import date, timedelta

from detente.stories import StoryInput, cluster_stories
from tests.conftest import EXAMPLES


def _item(aid, pair=("CHN", "VNM"), span=None, persons=(), original=None):
    when = span[0] + (span[1] - span[0]) / 2 if span else None
    return StoryInput(aid, aid, pair, when, original, 0, span, tuple(persons))


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


def test_adding_items_one_by_one_matches_clustering_all_at_once():
    import random

    from detente.stories import StoryIndex

    rng = random.Random(5)
    people = [f"person:p{i}" for i in range(6)]
    items = []
    for n in range(120):
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(400))
        span = (start, start + timedelta(days=rng.choice([0, 2, 10, 400]))) if rng.random() < 0.9 else None
        original = f"a{rng.randrange(n)}" if n and rng.random() < 0.1 else None
        items.append(_item(f"a{n}", pair=rng.choice([("CHN", "VNM"), ("IND", "PAK")]), span=span,
                           persons=rng.sample(people, rng.randrange(4)), original=original))
    index = StoryIndex()
    for item in items:
        index.add(item)
    incremental = sorted(sorted(m) for m in index.members.values())
    assert incremental == _brute_force(items)
    assert incremental == _groups(list(reversed(items)))


def test_ingesting_in_two_runs_gives_the_stories_of_one_run(tmp_path, examples_db):
    from detente.corpus import ingest
    from detente.store import Store

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(EXAMPLES.iterdir()):
        # the rewrite (102), the copy (107) and the second report of the invasion (105) arrive with the later run
        target = first if path.name[:3] in {"101", "104", "106"} else second
        (target / path.name).write_bytes(path.read_bytes())
    with Store(tmp_path / "x.db") as store:
        ingest(store, [first])
        ingest(store, [second])
        split = {(s.id, tuple(sorted(s.article_ids)), s.label) for s in store.stories()}
    with Store(examples_db, readonly=True) as store:
        whole = {(s.id, tuple(sorted(s.article_ids)), s.label) for s in store.stories()}
    assert split == whole
    assert any(len(ids) > 1 for _, ids, _ in whole)  # stories joining articles of both runs were formed


def _brute_force(items):
    """Single-link over every pair: the reference the indexed version must reproduce."""
    from detente.stories import WINDOW_DAYS, _same_story

    parent = {i.article_id: i.article_id for i in items}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if (len(a.pair) == 2 and a.pair == b.pair and _same_story(a, b, WINDOW_DAYS)) or b.original == a.article_id:
                parent[find(a.article_id)] = find(b.article_id)
    groups = {}
    for item in items:
        groups.setdefault(find(item.article_id), []).append(item.article_id)
    return sorted(sorted(g) for g in groups.values())
