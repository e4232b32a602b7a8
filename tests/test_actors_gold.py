"""Actors scored against the seed and sample-corpus gold; every short name in the seeds linked to its full name."""

from __future__ import annotations

import sqlite3

import pytest

from detente.eval import evaluate, load_gold, read_raw
from detente.export import iter_records
from detente.store import Store
from tests.conftest import EXAMPLES_GOLD, SEEDS_GOLD

# (seed file prefix, short mention, full name, how many times the body uses the short form)
SEED_SHORT_MENTIONS = [
    ("000", "Zhang", "Zhang Mingliang", 1),
    ("001", "Xi", "Xi Jinping", 2),
    ("002", "Xi", "Xi Jinping", 7),
    ("003", "Xi", "Xi Jinping", 6),
    ("003", "Giang", "Nguyen Khac Giang", 3),  # Vietnamese: family name first, shortened to the given name
    ("003", "Poling", "Greg Poling", 2),  # the model tags him as an ORG
    ("003", "Abuza", "Zachary Abuza", 2),  # the model tags the surname as a NORP
    ("004", "Xi", "Xi Jinping", 3),
]


def _report(db, gold_path):
    with Store(db, readonly=True) as store:
        records = list(iter_records(store))
    return evaluate(load_gold(gold_path), records, read_raw=read_raw)


@pytest.mark.parametrize("gold_path, db_fixture", [pytest.param(SEEDS_GOLD, "seeds_db", marks=pytest.mark.seeds),
                                                  (EXAMPLES_GOLD, "examples_db")])
def test_actor_targets(gold_path, db_fixture, request):
    report = _report(request.getfixturevalue(db_fixture), gold_path)
    assert report["persons"].f1 >= 0.9
    assert report["person_roles"].accuracy >= 0.85
    assert report["countries"].f1 >= 0.95


@pytest.mark.seeds
def test_every_seed_short_mention_is_linked_to_the_full_name(seeds_db):
    conn = sqlite3.connect(seeds_db)
    rows = conn.execute(
        "SELECT substr(a.doc_name, 1, 3), m.text, x.name FROM mentions m JOIN articles a ON a.id = m.article_id"
        " JOIN actors x ON x.id = m.actor_id WHERE x.kind = 'person' AND m.text NOT LIKE '% %'"
    ).fetchall()
    found: dict[tuple[str, str, str], int] = {}
    for row in rows:
        found[row] = found.get(row, 0) + 1
    assert found == {(doc, short, full): n for doc, short, full, n in SEED_SHORT_MENTIONS}


@pytest.mark.seeds
def test_one_actor_per_person_across_the_corpus_with_the_role_each_article_gives(seeds_db):
    conn = sqlite3.connect(seeds_db)
    xi = conn.execute("SELECT COUNT(*) FROM actors WHERE name LIKE '%Xi Jinping%'").fetchone()[0]
    assert xi == 1
    roles = dict(conn.execute(
        "SELECT substr(a.doc_name, 1, 3), x.role FROM article_actors x JOIN articles a ON a.id = x.article_id"
        " WHERE x.actor_id = 'person:nguyen-phu-trong'"
    ).fetchall())
    assert roles["003"] == "party leader" and "General Secretary" in roles["002"]
