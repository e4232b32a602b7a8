"""The command line, run as a user would (a real subprocess), on the sample corpus and on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, EXAMPLES_GOLD


def detente(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, cwd=cwd, input=input, env=env,
        timeout=300,
    )


def test_help_teaches_by_example():
    result = detente("--help")
    assert result.returncode == 0
    for command in ("ingest", "run", "articles", "events", "quotes", "actors", "stories", "export", "eval"):
        assert command in result.stdout
    sub = detente("ingest", "--help")
    assert "Examples" in sub.stdout and "detente ingest" in sub.stdout


def test_export_and_eval_on_the_sample_corpus(tmp_path, examples_db):
    db = str(examples_db)
    out = tmp_path / "records.jsonl"
    result = detente("export", "--format", "jsonl", "--out", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = {r["record"] for r in records}
    assert {"article", "event", "quote", "actor", "story"} <= kinds
    evaluation = detente("eval", str(EXAMPLES_GOLD), "--db", db, "--json")
    assert evaluation.returncode == 0, evaluation.stderr
    scores = json.loads(evaluation.stdout)
    assert scores  # the figures themselves are checked in tests/test_eval_gold.py


def test_reingest_is_idempotent_through_the_cli(tmp_path):
    db = str(tmp_path / "x.db")
    files = [str(EXAMPLES / "106_philippines_china_shoal.txt"), str(EXAMPLES / "112_wire_archive.jsonl")]
    first = detente("ingest", *files, "--db", db)
    second = detente("ingest", *files, "--db", db)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "3 added" in first.stdout and "0 added, 3 already stored" in second.stdout


def test_bad_files_are_named_and_do_not_stop_the_run(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text((EXAMPLES / "103_india_china_galwan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "scripts.html").write_text("<html><head><script>var a=1;</script></head><body><script>x()</script></body></html>")
    db = str(tmp_path / "x.db")
    result = detente("ingest", str(folder), "--db", db)
    assert result.returncode == 1
    assert "1 added" in result.stdout and "3 failed" in result.stdout
    for name in ("empty.txt", "photo.txt", "scripts.html"):
        assert name in result.stderr
    again = detente("ingest", str(folder), "--db", db)
    assert "1 already stored" in again.stdout


def test_stdout_export_and_unknown_format(tmp_path, examples_db):
    result = detente("export", "--out", "-", "--db", str(examples_db))
    assert result.returncode == 0 and result.stdout.count("\n") > 10
    bad = detente("export", "--format", "xml", "--db", str(examples_db))
    assert bad.returncode == 2 and "'xml' is not one of" in bad.stderr and "'gdelt'" in bad.stderr


def test_listing_commands_run(examples_db):
    for command in (["articles"], ["events", "--dyad", "CHN-PHL"], ["quotes"], ["actors"], ["stories"]):
        result = detente(*command, "--db", str(examples_db))
        assert result.returncode == 0, (command, result.stderr)
    missing = detente("articles", "--db", "/nonexistent/dir/x.db")
    assert missing.returncode == 2 and "detente ingest" in missing.stderr
