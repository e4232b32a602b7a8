"""Story grouping on plain inputs: dates, dyads, shared people, copy links."""

from __future__ import annotations

from datetime import date, timedelta

from detente.stories import StoryInput, cluster_stories
from tests.conftest import EXAMPLES


def _item(aid, pair=("CHN", "VNM"), span=None, persons=(), original=None, keys=(), dyads=(), news=None, names=b""):
    when = span[0] + (span[1] - span[0]) / 2 if span else None
    return StoryInput(aid, aid, pair, when, original, 0, span, tuple(persons), tuple(dyads), news, tuple(keys), names)


def _groups(items):
    return sorted(sorted(s.article_ids) for s in cluster_stories(items))


def test_close_dates_same_dyad_and_a_shared_event_group_and_far_dates_split():
    d = date
    visit = "CHN-VNM|2023-12-12"
    items = [
        _item("a", span=(d(2023, 12, 12), d(2023, 12, 13)), keys=[visit]),
        _item("b", span=(d(2023, 12, 20), d(2023, 12, 20)), keys=[visit, "CHN-VNM|2023-12-13"]),
        _item("c", span=(d(2017, 11, 24), d(2017, 11, 24)), keys=[visit]),  # the same key, years away
        _item("d", pair=("IND", "PAK"), span=(d(2023, 12, 12), d(2023, 12, 12)), keys=[visit]),
    ]
    assert _groups(items) == [["a", "b"], ["c"], ["d"]]


def test_two_developments_on_one_dyad_in_the_same_week_stay_apart():
    d = date
    swap = _item("swap", pair=("AFG", "USA"), span=(d(2019, 11, 19), d(2019, 11, 19)),
                 persons=["person:president", "person:hostage-a", "person:hostage-b"], keys=["AFG-USA|2019-11-19"])
    crash = _item("crash", pair=("AFG", "USA"), span=(d(2019, 11, 20), d(2019, 11, 20)),
                  persons=["person:president", "person:general"], keys=["AFG-USA|2019-11-20"])
    follow = _item("follow", pair=("AFG", "USA"), span=(d(2019, 11, 21), d(2019, 11, 21)),
                   persons=["person:hostage-a", "person:hostage-b"])  # names the same two hostages
    assert _groups([swap, crash, follow]) == [["crash"], ["follow", "swap"]]


def test_reports_sharing_specific_names_join_and_state_names_do_not_count():
    from detente.stories import specific_names

    d = date
    span = (d(2025, 3, 4), d(2025, 3, 4))
    first = "Kenya and Ethiopia will trade 400 megawatts over the Sodo Suswa line, officials in Addis Ababa said."
    second = "Addis Ababa expects the Sodo Suswa line to carry 400 megawatts to Kenya from July, in 2025."
    third = "The Ethiopian Electric Power utility said exports to Djibouti rose in 2025."
    exclude = {"kenya", "ethiopia"}
    items = [_item(name, pair=("ETH", "KEN"), span=span, names=specific_names(text, exclude))
             for name, text in (("first", first), ("second", second), ("third", third))]
    assert _groups(items) == [["first", "second"], ["third"]]
    assert specific_names("The United States and South Korea met in the capital.", {"united states", "south korea"}) == b""


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


def test_a_pair_the_headline_names_weighs_one_event_more():
    from detente.stories import headline_states, story_input

    row = {"id": "a", "title": "World lashes out at US over Israeli settlements", "body": "", "pub_date_start":
           "2019-11-19", "pub_date_end": "2019-11-19", "duplicate_of": None, "derivative_of": None}
    # (source, target, type, status, start, end, sentence): a Palestinian act toward the US leads, two of each pair
    events = [("PSE", "USA", "ACCUSE", "happened", "2019-11-19", "2019-11-19", 0),
              ("ISR", "USA", "SUPPORT", "happened", "2019-11-19", "2019-11-19", 1),
              ("PSE", "USA", "REJECT", "happened", None, None, 3),
              ("USA", "ISR", "SUPPORT", "happened", None, None, 4)]
    named = [("US", "USA"), ("the United States", "USA"), ("Israeli", "ISR"), ("Palestinian", "PSE")]
    assert headline_states(row["title"], named) == {"USA", "ISR"}
    plain = story_input(row, events, (), ("USA", "ISR"), [t for t, _ in named])
    told = story_input(row, events, (), ("USA", "ISR"), [t for t, _ in named], headline_states(row["title"], named))
    assert plain.dyads[0][0] == "PSE-USA" and told.dyads[0][0] == "ISR-USA"


def test_a_joint_act_in_the_lede_leads_for_each_of_its_parties_and_a_tie_goes_to_the_most_mentioned_pair():
    from detente.stories import story_input

    row = {"id": "a", "title": "Moscow and Damascus blame US troops for stranded refugees", "body": "",
           "pub_date_start": "2019-11-18", "pub_date_end": "2019-11-18", "duplicate_of": None, "derivative_of": None}
    # "Russia and Syria accused the US ..." (one act, two sources), then one more act of each pair
    events = [("RUS", "USA", "ACCUSE", "happened", "2019-11-18", "2019-11-18", 0),
              ("SYR", "USA", "ACCUSE", "happened", "2019-11-18", "2019-11-18", 0),
              ("USA", "RUS", "REJECT", "happened", "2019-11-18", "2019-11-18", 2),
              ("USA", "SYR", "REJECT", "happened", "2019-11-18", "2019-11-18", 2)]
    item = story_input(row, events, (), ("SYR", "USA"), ["Russia", "Syria", "US"])
    assert dict(item.dyads) == {"RUS-USA": 3.0, "SYR-USA": 3.0}
    assert item.pair == ("SYR", "USA")  # the tie goes to the pair the article names most, not the first listed
