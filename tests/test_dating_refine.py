"""Publication-date feedback across articles: an undated article's weekday event, dated to a day by a dated
article's mention of the same event, bounds its publication to the week after that day.

Both articles are written for this test."""

from __future__ import annotations

from detente.corpus import ingest
from detente.store import Store

DATED = """Leaders meet in Washington
Published April 11, 2024

President Joe Biden met Japanese Prime Minister Fumio Kishida at the White House on Wednesday, and the two leaders agreed to deepen defence cooperation between the United States and Japan.

Officials said the talks lasted three hours.
"""

UNDATED = """Alliance talks draw praise

President Joe Biden met Japanese Prime Minister Fumio Kishida on Wednesday in Washington, where the two leaders discussed the upgrade of their alliance.

Analysts in Tokyo said the meeting marked a turning point for the relationship between Japan and the United States.
"""


def _ingest(tmp_path, files: dict[str, str]):
    folder = tmp_path / "c"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest(store, [folder])
        return {a.doc_name: a for a in store.articles()}, store.events()


def test_an_event_dated_elsewhere_bounds_an_undated_articles_week(tmp_path):
    articles, events = _ingest(tmp_path, {"a_dated.txt": DATED, "b_undated.txt": UNDATED})
    undated = articles["b_undated"]
    assert undated.pub_date is None
    assert undated.pub_date_range == ["2024-04-10", "2024-04-16"]
    assert "another article" in undated.pub_date_basis
    meeting = [e for e in events if e.article_id == undated.id and e.type == "CONSULT"]
    assert meeting and meeting[0].date_start == meeting[0].date_end == "2024-04-10"
    dated = [e for e in events if e.article_id != undated.id and e.type == "CONSULT"]
    assert meeting[0].cluster_id == dated[0].cluster_id  # one real meeting, counted once


def test_without_a_dated_mention_the_range_is_left_alone(tmp_path):
    articles, _ = _ingest(tmp_path, {"b_undated.txt": UNDATED})
    undated = articles["b_undated"]
    assert undated.pub_date_range[0] != undated.pub_date_range[1] and "another article" not in (undated.pub_date_basis or "")
