"""Crash safety: kill -9 mid-ingest loses nothing already committed and duplicates nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EXAMPLES

N_ARTICLES = 40


def _make_corpus(folder: Path, n: int = N_ARTICLES) -> Path:
    """Distinct articles built from the sample corpus: each gets its own paragraph, so each body is new."""
    folder.mkdir()
    samples = sorted(EXAMPLES.glob("*.txt"))
    for i in range(n):
        text = samples[i % len(samples)].read_text(encoding="utf-8")
        lines = text.split("\n")
        lines.insert(min(8, len(lines)), f"\nDispatch {i}: the desk filed this version of the report with its own notes number {i}.\n")
        (folder / f"art{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]


def _count(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def test_kill_9_mid_ingest_then_resume_stores_each_article_once(tmp_path):
    corpus = _make_corpus(tmp_path / "corpus")
    db = tmp_path / "crash.db"
    proc = subprocess.Popen(_ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    give_up = time.monotonic() + 900  # only so that a hung ingest ends the test (then nothing was stored: it fails)
    while proc.poll() is None and not (db.exists() and _count(db) >= 4) and time.monotonic() < give_up:
        time.sleep(0.05)  # until the first batch is committed
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the ingest had ended before the kill"  # it died of the kill, mid-run
    assert _count(db) > 0  # what was committed before the kill is there; the rest comes with the resumed run
    resumed = subprocess.run(_ingest_cmd(corpus, db), capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = [r[0] for r in conn.execute("SELECT doc_name FROM articles")]
    assert len(names) == N_ARTICLES and len(set(names)) == N_ARTICLES
    orphans = conn.execute("SELECT COUNT(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0
    conn.close()


# Readers during an ingest (Store, web app, `detente articles`): tests/test_concurrency.py.
