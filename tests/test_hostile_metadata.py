"""Metadata given in a JSONL feed is bounded and plain text: a 5 MB title is cut, NUL bytes and terminal escapes
in a title, outlet or byline are dropped, so none of them reach the store, the report or a terminal."""

from __future__ import annotations

import json

from detente.ingest import iter_documents
from detente.records import RawDocument

BODY = ("The foreign ministers of the two neighbouring states met in the capital on Monday and agreed to resume "
        "talks on the disputed border, officials from both governments said.")


def _read(tmp_path, record: dict) -> RawDocument:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": BODY, **record}) + "\n", encoding="utf-8")
    [doc] = list(iter_documents([feed]))
    assert isinstance(doc, RawDocument), doc
    return doc


def test_a_huge_title_is_cut_at_a_word(tmp_path):
    doc = _read(tmp_path, {"title": "Border talks " + "resume again " * 400_000})
    assert len(doc.hints["title"]) <= 1001 and doc.hints["title"].startswith("Border talks resume again")
    assert doc.hints["title"].endswith("…") and doc.hints["title"][:-1].split()[-1] in ("resume", "again")


def test_control_characters_in_metadata_become_spaces(tmp_path):
    doc = _read(tmp_path, {"title": "Talks\x00 resume\x1b[2J\x1b]0;pwned\x07", "outlet": "Wire\x00Desk",
                           "byline": "By A.\nWriter", "id": "item\x001"})
    assert doc.hints["title"] == "Talks resume [2J ]0;pwned"
    assert doc.hints["outlet"] == "Wire Desk" and doc.hints["byline"] == "By A. Writer" and doc.doc_name == "item 1"


def test_an_over_long_url_is_dropped_not_cut(tmp_path):
    doc = _read(tmp_path, {"url": "https://news.example/" + "a" * 5000, "title": "Talks"})
    assert "url" not in doc.hints and doc.hints["title"] == "Talks"


def test_no_nul_byte_reaches_the_report(tmp_path):
    from detente.corpus import ingest
    from detente.report import write_report
    from detente.store import Store

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": BODY, "title": "Talks\x00 resume", "outlet": "Wire\x00Desk",
                                "byline": "By A\x00 Writer"}) + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest(store, [feed])
        write_report(store, tmp_path / "report.html")
    assert b"\x00" not in (tmp_path / "report.html").read_bytes()
