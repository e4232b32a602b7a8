"""Every event keeps the char offsets of its trigger words: in the record, the store (migrated from schema 1) and the
JSONL export. Constructed sentences (written for these tests)."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.export import write_jsonl
from detente.nlp import load_nlp
from detente.store import SCHEMA_VERSION, Store
from detente.store.schema import MIGRATIONS

TEXT = "Chile signed a trade agreement with Peru on Tuesday. The two countries also held talks on water rights."


def test_trigger_offsets_slice_back_to_the_trigger_words():
    doc = load_nlp()(TEXT)
    events = extract_events(doc, "a1", resolve_actors(doc), (date(2024, 4, 11), date(2024, 4, 11)))
    assert events
    for event in events:
        assert event.char_start <= event.trigger_start < event.trigger_end <= event.char_end
        assert TEXT[event.trigger_start : event.trigger_end].startswith(event.trigger[:3]) or \
            event.trigger in TEXT[event.trigger_start : event.trigger_end]


def test_a_schema_1_store_gains_the_trigger_columns(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + ";PRAGMA user_version = 1;")
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(events)")}
    assert {"trigger_start", "trigger_end"} <= columns


def test_the_export_carries_the_trigger_offsets(tmp_path):
    from detente.corpus import ingest

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Chile and Peru sign a deal\n\n" + TEXT + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest(store, [folder])
        buffer = io.StringIO()
        write_jsonl(store, buffer)
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    bodies = {r["id"]: r["body"] for r in records if r["record"] == "article"}
    events = [r for r in records if r["record"] == "event"]
    assert events
    for event in events:
        words = bodies[event["article_id"]][event["trigger_start"] : event["trigger_end"]]
        assert words and words in event["text"]
