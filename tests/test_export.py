"""The JSONL export contract of docs/design.md: record kinds and field names other tools rely on."""

from __future__ import annotations

import io
import json

import pytest

from detente.export import write_jsonl
from detente.store import Store

CONTRACT = {
    "article": {"id", "source", "doc_name", "raw_hash", "title", "outlet", "byline", "language", "pub_date",
                "pub_date_range", "pub_date_basis", "body", "boilerplate", "duplicate_of", "derivative_of", "story_id"},
    "event": {"id", "article_id", "sentence_index", "char_start", "char_end", "source", "target", "source_actor",
              "target_actor", "type", "mode", "cameo", "goldstein", "quad", "status", "date_start", "date_end",
              "date_precision", "date_basis", "location", "text"},
    "quote": {"id", "article_id", "char_start", "char_end", "text", "quote_type", "speaker", "speaker_actor",
              "speaker_role", "speaker_affiliation", "channel", "anonymous"},
    "actor": {"id", "kind", "name", "aliases", "country", "role", "affiliation"},
    "story": {"id", "label", "article_ids", "date_range", "dyads"},
}


@pytest.fixture(scope="module")
def records(examples_db):
    buffer = io.StringIO()
    with Store(examples_db, readonly=True) as store:
        write_jsonl(store, buffer)
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_every_record_kind_has_the_contract_fields(records):
    for kind, fields in CONTRACT.items():
        of_kind = [r for r in records if r["record"] == kind]
        assert of_kind, kind
        for record in of_kind:
            missing = fields - set(record)
            assert not missing, (kind, missing)


def test_offsets_slice_back_to_the_text(records):
    bodies = {r["id"]: r["body"] for r in records if r["record"] == "article"}
    for quote in (r for r in records if r["record"] == "quote"):
        assert bodies[quote["article_id"]][quote["char_start"] : quote["char_end"]] == quote["text"]
    for event in (r for r in records if r["record"] == "event"):
        sentence = bodies[event["article_id"]][event["char_start"] : event["char_end"]]
        assert event["text"].strip() in sentence


def test_dates_are_iso_and_ranges_ordered(records):
    for article in (r for r in records if r["record"] == "article"):
        lo, hi = article["pub_date_range"]
        if lo and hi:
            assert lo <= hi
    for event in (r for r in records if r["record"] == "event"):
        if event["date_start"]:
            assert event["date_start"] <= event["date_end"]
            assert len(event["date_start"]) == 10
