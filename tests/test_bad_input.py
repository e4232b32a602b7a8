"""Hostile inputs against a store already holding good articles, through the real command line.

Each bad input gets exactly one error line naming it (and its line, in JSONL), the run goes on, the exit
code is 1, and the store is byte-for-byte what it was. Awkward but genuine articles (UTF-16, mixed
encodings, stray invalid bytes, NUL bytes) are stored once with their text intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from detente.corpus import ingest
from detente.ingest import IngestError, iter_documents
from detente.store import Store
from tests.hostile import ARTICLES, write_bad, write_huge, write_odd


def _detente(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, env=env,
                          timeout=600)


def store_digest(db: Path) -> str:
    """A hash of every row of every table (the SQL dump), to show a store did not change."""
    with sqlite3.connect(db) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()


@pytest.fixture(scope="module")
def prefilled(tmp_path_factory) -> Path:
    """A store holding four good articles."""
    folder = tmp_path_factory.mktemp("good")
    for i, text in enumerate(ARTICLES[1:5]):
        (folder / f"good{i}.txt").write_text(text, encoding="utf-8")
    db = folder / "store.db"
    with Store(db) as store:
        assert ingest(store, [folder]).added == 4
    return db


def _where(bad) -> str:
    return str(IngestError(str(bad.path), "", bad.line)).removesuffix(": ")


def test_each_bad_input_is_one_named_error_and_the_store_is_unchanged(tmp_path, prefilled):
    db = tmp_path / "store.db"
    db.write_bytes(prefilled.read_bytes())
    before = store_digest(db)
    folder = tmp_path / "bad"
    bad = write_bad(folder)
    try:
        result = _detente("ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db))
    finally:
        for huge in folder.glob("huge.*"):
            huge.unlink()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(("error: ", "skipped: "))]
    assert len(lines) == len(bad) + 1, "\n".join(lines)
    for case in bad:
        mine = [line for line in lines if line.startswith(f"{'skipped' if case.skipped else 'error'}: {_where(case)}: ")]
        assert len(mine) == 1, (case, lines)
        assert case.reason.lower() in mine[0].lower(), (case, mine[0])
    assert any("missing.txt: no such file" in line for line in lines)
    assert "0 added" in result.stdout
    assert store_digest(db) == before


def test_awkward_encodings_of_real_articles_are_stored_intact(tmp_path, prefilled):
    db = tmp_path / "store.db"
    db.write_bytes(prefilled.read_bytes())
    odd = write_odd(tmp_path / "odd")
    with Store(db) as store:
        report = ingest(store, [tmp_path / "odd"])
    assert not report.errors, report.errors
    with sqlite3.connect(db) as conn:
        bodies = dict(conn.execute("SELECT source, body FROM articles"))
    assert len(bodies) == 4 + len(odd)
    for case in odd:
        body = bodies[str(case.path)]
        assert "\x00" not in body and "\ufffd" not in body
        for phrase in case.keeps:
            assert phrase in body, (case.path.name, phrase, body[:200])


def test_a_200_mb_line_is_refused_without_being_read(tmp_path):
    """The limit is checked before reading: a .txt by its size, a JSONL line in bounded chunks."""
    folder = tmp_path / "huge"
    folder.mkdir()
    bad = write_huge(folder)
    try:
        errors = [str(e) for e in iter_documents([folder])]
    finally:
        for case in bad:
            case.path.unlink()
    assert len(errors) == 2 and all("200 MB, over the 20 MB limit" in e for e in errors), errors
    assert any(e.startswith(f"{folder / 'huge.jsonl'}:1: line of 200 MB") for e in errors), errors


def test_jsonl_errors_from_the_analysis_name_the_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "short", "text": "Too short."}\n', encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        [error] = ingest(store, [feed]).errors
    assert (error.source, error.line) == (str(feed), 1) and str(error).startswith(f"{feed}:1: no article text")


MARKUP = "[/] closing [link=https://evil.example]x[/link] [bold]"


def test_terminal_tables_show_hostile_text_as_written(tmp_path):
    """Rich markup in stored text ("[/]", "[link=...]") once crashed `detente articles` and `stories`."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "[/]name", "title": MARKUP, "outlet": "[/red]", "text": ARTICLES[0]}) + "\n",
                    encoding="utf-8")
    db = tmp_path / "x.db"
    with Store(db) as store:
        assert ingest(store, [feed]).added == 1
    from typer.testing import CliRunner

    from detente.cli import app

    runner = CliRunner()
    for command in ("articles", "stories", "quotes", "events", "actors"):
        result = runner.invoke(app, [command, "--db", str(db)], env={"COLUMNS": "250"})
        assert result.exit_code == 0, (command, result.output[-500:], result.exception)
        if command in ("articles", "stories"):
            assert "[/] closing [link=https://evil.example]x[/link]" in result.output, result.output
    for query in ('"unbalanced', "NEAR(", "a AND", "'; DROP TABLE articles; --"):
        result = runner.invoke(app, ["articles", "--search", query, "--db", str(db)])
        assert result.exit_code in (0, 2), (query, result.output[-500:], result.exception)  # 1 = an uncaught exception
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
