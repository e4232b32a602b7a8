"""Odd databases and outputs: each refusal is one stderr line naming the file or value and the reason, a non-zero
exit, no traceback, and no truncated output left behind; a read-only database in a read-only folder is still read.

Real `detente` processes over real SQLite files. Root ignores file modes, so as root the read-only cases run the
command without the capabilities that let it (setpriv); a full disk is a file-size limit (RLIMIT_FSIZE) on the process.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

WITHOUT_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def detente(*args: str, unprivileged: bool = False, file_limit: int | None = None, env: dict | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    prefix = WITHOUT_OVERRIDE if unprivileged and os.geteuid() == 0 else []

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) rather than killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([*prefix, sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, preexec_fn=limit if file_limit else None)


def assert_one_line_error(result: subprocess.CompletedProcess, *names: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-1500:]
    assert len(lines) == 1, result.stderr
    for name in names:
        assert name in lines[0], (name, lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    from detente.corpus import ingest
    from detente.store import Store

    db = tmp_path_factory.mktemp("good") / "good.db"
    with Store(db) as store:
        ingest(store, sorted(EXAMPLES.glob("*.txt"))[:2])
    return db


@pytest.fixture
def tiny(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\n\nThe two foreign ministers met on Monday and agreed to resume the "
                                  "border talks, officials said.", encoding="utf-8")
    return folder


def _can_drop_override() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


@pytest.mark.parametrize("kind", ["text file", "folder", "newer schema"])
def test_a_database_that_is_not_one_we_can_use_is_refused_by_every_command(tmp_path, good, tiny, kind):
    if kind == "text file":
        db = tmp_path / "notes.txt"
        db.write_text("shopping list\n" * 50, encoding="utf-8")
        reason = "not an SQLite file"
    elif kind == "folder":
        db = tmp_path / "a-folder"
        db.mkdir()
        reason = "is a folder"
    else:
        db = tmp_path / "future.db"
        shutil.copy(good, db)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA user_version = 99")
        conn.close()  # checkpointed into the file, so its bytes can be compared after
        reason = "newer Détente"
    before = db.read_bytes() if db.is_file() else None
    for args in (["articles"], ["export"], ["ingest", str(tiny)], ["serve", "--port", "8765"]):
        line = assert_one_line_error(detente(*args, "--db", str(db), timeout=120), str(db))
        assert reason in line, line
    assert before is None or db.read_bytes() == before


def _leftovers(good: Path, folder: Path) -> None:
    """The database as a reader or a killed writer leaves it: with its -shm and -wal files (made while open)."""
    work = folder.parent / "work.db"
    shutil.copy(good, work)
    writer = sqlite3.connect(work)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE articles SET title = 'latest title' WHERE rowid = 1")
    writer.commit()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{work}{suffix}", folder / f"ro.db{suffix}")
    writer.close()


@pytest.mark.skipif(not _can_drop_override(), reason="running as root without setpriv: file modes cannot apply")
@pytest.mark.parametrize("kept", [("-shm",), ("-wal", "-shm"), ("-wal",)], ids=["shm", "wal+shm", "wal-without-shm"])
def test_a_wal_database_in_a_read_only_folder_is_read_or_refused_by_name_never_shown_stale(tmp_path, good, tiny, kept):
    folder = tmp_path / "ro"
    folder.mkdir()
    _leftovers(good, folder)
    for suffix in ("-wal", "-shm"):
        if suffix not in kept:
            (folder / f"ro.db{suffix}").unlink()
    db = folder / "ro.db"
    for file in folder.iterdir():
        file.chmod(0o444)
    folder.chmod(0o555)
    try:
        listed = detente("articles", "--db", str(db), "--format", "jsonl", unprivileged=True)
        exported = detente("export", "--db", str(db), unprivileged=True)
        if kept == ("-wal",):  # SQLite cannot read the -wal without a -shm it can make: an error, not old data
            assert_one_line_error(listed, str(db), "ro.db-wal")
            assert_one_line_error(exported, str(db), "ro.db-wal")
        else:
            assert listed.returncode == 0 and listed.stdout.count("\n") == 2, listed.stderr
            assert exported.returncode == 0 and '"record": "event"' in exported.stdout, exported.stderr
            assert ("latest title" in exported.stdout) == ("-wal" in kept)
        line = assert_one_line_error(detente("ingest", str(tiny), "--db", str(db), unprivileged=True), str(db))
        assert "read-only" in line or "cannot be opened" in line, line
    finally:
        folder.chmod(0o755)


def test_a_full_disk_during_ingest_is_one_line_naming_the_database(tmp_path, tiny):
    db = tmp_path / "full.db"
    assert_one_line_error(detente("ingest", str(tiny), "--db", str(db), file_limit=40_000), str(db))


def test_a_full_disk_during_export_leaves_the_earlier_file_and_no_partial_one(tmp_path, good):
    db = tmp_path / "rollback-journal.db"  # no -shm file to make: the only file the export writes is its output
    shutil.copy(good, db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    out = tmp_path / "records.jsonl"
    out.write_text('{"record": "an earlier export"}\n', encoding="utf-8")
    earlier = out.read_bytes()
    line = assert_one_line_error(detente("export", "--db", str(db), "--out", str(out), file_limit=4096), "records.jsonl")
    assert "File too large" in line or "No space" in line, line
    assert out.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl", "rollback-journal.db"]


@pytest.mark.parametrize("command", ["export", "report"])
def test_an_output_into_a_missing_folder_is_refused_by_name(tmp_path, good, command):
    out = tmp_path / "no-such-folder" / "x.out"
    assert_one_line_error(detente(command, "--db", str(good), "--out", str(out)), "no-such-folder")


def test_a_port_out_of_range_is_refused(good):
    assert_one_line_error(detente("serve", "--db", str(good), "--port", "99999"), "99999")


@pytest.mark.parametrize("name", ["DETENTE_ARTICLE_SECONDS", "DETENTE_FETCH_DEADLINE"])
def test_a_setting_that_is_not_a_number_is_refused_by_name(tmp_path, tiny, name):
    line = assert_one_line_error(detente("ingest", str(tiny), "--db", str(tmp_path / "x.db"), env={name: "abc"}), name)
    assert "'abc'" in line
