"""Issue 26, groups 4-7: odd databases and outputs, injection into other tools, limits, and how errors read.

Each refused command must end with one stderr line naming the file or value and the reason, a non-zero exit and
no traceback, and leave no truncated output behind. Read-only cases run without the capability to ignore file
modes when the bench runs as root; disk full is a 1 MB tmpfs when this machine lets the bench mount one, else
a file-size limit (RLIMIT_FSIZE) on the process.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx

from bench.hostile import ARTICLES
from bench.rel_common import Ran, Row, command, count, one_line_error, run

SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options")


def _corpus(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(ARTICLES[:4]):
        (folder / f"good{i}.txt").write_text(f"Talks, report {i}\n\n{text}\n", encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _store(work: Path, name: str = "ok.db") -> Path:
    db = work / name
    if not db.exists():
        run("ingest", str(_corpus(work / "corpus-ok")), "--db", str(db))
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(db: Path, *, unprivileged: bool = False) -> Iterator[tuple[str, subprocess.Popen]]:
    """`detente serve` on a free port; yields (base URL, process). The caller may find it exited already."""
    port = _free_port()
    proc = subprocess.Popen(command("serve", "--db", str(db), "--port", str(port), unprivileged=unprivileged),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            with suppress(httpx.TransportError):
                httpx.get(base + "/static/app.js", timeout=5)
                break
            time.sleep(0.2)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.communicate(timeout=30)


def _check(group: str, case: str, ran, *names: str, goal: str = "one-line error naming it, exit ≠ 0, no traceback") -> Row:
    ok, detail = one_line_error(ran, *names)
    return Row(group, case, ok, goal, detail)


# -- group 4: read-only and odd databases, outputs -------------------------------------------------------------------

def odd_databases(work: Path) -> list[Row]:
    rows = []
    good = _store(work)
    for kept in (("-shm",), ("-wal",)):
        ro = work / f"ro-folder{''.join(kept)}"
        ro.mkdir()
        _leftovers(good, ro)
        for suffix in ("-wal", "-shm"):
            if suffix not in kept:
                (ro / f"ro.db{suffix}").unlink()
        for file in ro.iterdir():
            file.chmod(0o444)
        ro.chmod(0o555)
        label = f"WAL db and its {' '.join(kept)} file, read-only folder"
        articles = run("articles", "--db", str(ro / "ro.db"), unprivileged=True)
        exported = run("export", "--db", str(ro / "ro.db"), unprivileged=True)
        if kept == ("-shm",):
            rows.append(Row("4 odd db", f"{label}: articles, export", articles.code == 0 and exported.code == 0
                            and exported.out.count('"record"') > 4, "read as usual",
                            f"articles exit {articles.code}, export exit {exported.code} ({exported.out.count(chr(10))} "
                            f"records); {(articles.err or exported.err).strip()[-90:]}"))
            with served(ro / "ro.db", unprivileged=True) as (base, proc):
                status = _status(base + "/articles") if proc.poll() is None else f"serve exited {proc.returncode}"
            rows.append(Row("4 odd db", f"{label}: serve", status == 200, "pages 200", f"/articles: {status}"))
            ingest_ro = run("ingest", str(work / "corpus-ok"), "--db", str(ro / "ro.db"), unprivileged=True)
            rows.append(_check("4 odd db", "ingest into a read-only db", ingest_ro, "ro.db"))
        else:  # SQLite reads a -wal only with a -shm it can make: refused by name rather than shown without it
            rows.append(_check("4 odd db", f"{label}: export", exported, "ro.db-wal",
                               goal="one-line error naming the -wal (never the store without its last writes)"))
        ro.chmod(0o755)

    text_file = work / "notes.txt"
    text_file.write_text("not a database\n" * 100, encoding="utf-8")
    folder = work / "a-folder"
    folder.mkdir()
    future = work / "future.db"
    shutil.copy(good, future)
    with sqlite3.connect(future) as conn:
        conn.execute("PRAGMA user_version = 99")
    for label, db in (("a text file", text_file), ("a folder", folder), ("schema version 99", future)):
        for args in (("articles",), ("export",), ("ingest", str(work / "corpus-ok"))):
            rows.append(_check("4 odd db", f"--db {label}: {args[0]}", run(*args, "--db", str(db)), db.name))
        with served(db) as (base, proc):
            if proc.poll() is None:
                rows.append(Row("4 odd db", f"--db {label}: serve", False, "refuses to start, one-line error",
                                f"started; /: {_status(base + '/')}"))
            else:
                out, err = proc.communicate()
                rows.append(_check("4 odd db", f"--db {label}: serve", Ran(proc.returncode, out.decode(), err.decode()), db.name))
    rows += _disk_full(work, good)
    missing = work / "no-such-folder"
    rows.append(_check("4 odd db", "export --out into a missing folder",
                       run("export", "--db", str(good), "--out", str(missing / "x.jsonl")), "no-such-folder"))
    rows.append(_check("4 odd db", "report --out into a missing folder",
                       run("report", "--db", str(good), "--out", str(missing / "r.html")), "no-such-folder"))
    rows.append(_check("4 odd db", "serve --port 99999", run("serve", "--db", str(good), "--port", "99999", timeout=60), "99999"))
    rows.append(_check("4 odd db", "DETENTE_ARTICLE_SECONDS=abc ingest",
                       run("ingest", str(work / "corpus-ok"), "--db", str(work / "env.db"),
                           env={"DETENTE_ARTICLE_SECONDS": "abc"}), "DETENTE_ARTICLE_SECONDS", "abc"))
    return rows


def _leftovers(good: Path, folder: Path) -> None:
    """The database as a reader or a killed writer leaves it: with -shm and -wal files (copied while it is open)."""
    work = folder.parent / f"{folder.name}-work.db"
    shutil.copy(good, work)
    writer = sqlite3.connect(work)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE articles SET title = 'latest title' WHERE rowid = 1")
    writer.commit()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{work}{suffix}", folder / f"ro.db{suffix}")
    writer.close()


def _status(url: str, **kw) -> int | str:
    try:
        return httpx.get(url, timeout=60, **kw).status_code
    except httpx.HTTPError as exc:
        return exc.__class__.__name__


@contextmanager
def _small_disk(work: Path) -> Iterator[tuple[Path, int | None]]:
    """A 256 KB tmpfs (real ENOSPC) when mounting is allowed; else a folder and a file-size limit on the process."""
    mount = work / "small-disk"
    mount.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                                                   capture_output=True).returncode == 0
    try:
        yield mount, None if mounted else 256 << 10
    finally:
        if mounted:
            subprocess.run(["umount", str(mount)], check=False)


def _disk_full(work: Path, good: Path) -> list[Row]:
    rows = []
    big = work / "corpus-big"
    big.mkdir()
    for i in range(40):
        (big / f"a{i}.txt").write_text(f"Report {i}\n\n" + " ".join(ARTICLES) + f" Dispatch {i}.", encoding="utf-8")
    with _small_disk(work) as (disk, limit):
        how = "256 KB tmpfs" if limit is None else "RLIMIT_FSIZE 256 KB"
        ran = run("ingest", str(big), "--db", str(disk / "full.db"), limit_file_bytes=limit)
        rows.append(_check("4 odd db", f"disk full during ingest ({how})", ran, "full.db"))
        for name in list(disk.iterdir()):
            name.unlink()
        filler = disk / "filler"
        with filler.open("wb", buffering=0) as fh, suppress(OSError):  # fill the disk, then free 8 KB: less than the export needs
            while limit is None:
                fh.write(bytes(4096))
        if limit is None:
            os.truncate(filler, max(0, filler.stat().st_size - 8192))
        out = disk / "records.jsonl"
        previous = b'{"record": "earlier export, intact"}\n'
        out.write_bytes(previous)
        ran = run("export", "--db", str(good), "--out", str(out), limit_file_bytes=limit and 8192)
        left = sorted(p.name for p in disk.iterdir() if p.name != "filler")
        intact = out.read_bytes() == previous
        row = _check("4 odd db", f"disk full during export --out ({how})", ran, "records.jsonl")
        row.ok = row.ok and intact and left == ["records.jsonl"]
        row.detail += f"; earlier file intact: {intact}; files left: {left}"
        rows.append(row)
    return rows


# -- groups 5 and 6: injection into other tools, limits ----------------------------------------------------------------

HOSTILE_TITLES = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
                  "Talks\x1b[2J\x1b]0;pwned\x07 resume"]


def injection_and_limits(work: Path) -> list[Row]:
    rows = []
    feed = work / "hostile-meta.jsonl"
    lines = [{"id": f"t{i}", "title": title, "text": ARTICLES[i]} for i, title in enumerate(HOSTILE_TITLES)]
    lines.append({"id": "big", "title": "Big " + "title " * 1_000_000, "text": ARTICLES[4]})
    lines.append({"id": "nul", "title": "Talks\x00 resume", "outlet": "Wire\x00Desk", "byline": "By A\x00 Writer",
                  "text": ARTICLES[5]})
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = work / "hostile-meta.db"
    run("ingest", str(feed), "--db", str(db))
    csv_dir = work / "csv"
    run("export", "--format", "csv", "--db", str(db), "--out", str(csv_dir))
    text = (csv_dir / "articles.csv").read_text(encoding="utf-8") if (csv_dir / "articles.csv").exists() else ""
    raw = sum(f",{t[:6]}" in text or f'"{t[:6]}' in text for t in HOSTILE_TITLES[:3])
    rows.append(Row("5 injection", "CSV export: titles starting = + @", raw == 0 and bool(text), "defused (quoted with ')",
                    f"{raw} of 3 written raw"))
    shown = run("articles", "--db", str(db))
    rows.append(Row("5 injection", "terminal escapes in titles through `detente articles`", "\x1b" not in shown.out
                    and shown.code == 0, "no ESC reaches the terminal", f"{shown.out.count(chr(27))} ESC bytes in stdout"))
    report = work / "meta-report.html"
    run("report", "--db", str(db), "--out", str(report))
    size = report.stat().st_size if report.exists() else 0
    with sqlite3.connect(db) as conn:
        longest = conn.execute("SELECT MAX(LENGTH(title)) FROM articles").fetchone()[0] or 0
    rows.append(Row("6 limits", "5 MB JSONL title", longest <= 2000 and size < 6_000_000, "title bounded, report small",
                    f"longest stored title {longest:,} chars; report {size / 1e6:.1f} MB"))
    nul = report.read_bytes().count(b"\x00") if report.exists() else -1
    rows.append(Row("6 limits", "NUL bytes in title, outlet, byline", nul == 0, "none reach the report",
                    f"{nul} NUL bytes in the report"))
    quoted = _store(work, "ok.db")
    all_quotes = run("quotes", "--db", str(quoted), "--format", "jsonl", "--limit", "0").out.count("\n")
    percent = run("quotes", "--db", str(quoted), "--speaker", "%", "--format", "jsonl", "--limit", "0")
    rows.append(Row("6 limits", "CLI --speaker %", percent.out.count("\n") == 0 and percent.code == 0,
                    "% taken literally (no speaker has one)", f"{percent.out.count(chr(10))} of {all_quotes} quotes match"))
    long_speaker = run("quotes", "--db", str(quoted), "--speaker", "x" * 50_001)
    rows.append(Row("6 limits", "CLI --speaker of 50,001 characters", "Traceback" not in long_speaker.err,
                    "an answer or a one-line error", f"exit {long_speaker.code}; {long_speaker.err.strip()[-90:]}"))
    with served(quoted) as (base, _proc):
        response = httpx.get(base + "/quotes", params={"speaker": "x" * 50_001}, timeout=60)
        headers = all(h in response.headers for h in SECURITY)
        rows.append(Row("6 limits", "web speaker= of 50,001 characters", response.status_code < 500 and headers,
                        "no 500; security headers", f"HTTP {response.status_code}; headers {headers}"))
        evil = httpx.get(base + "/", headers={"Host": "attacker.example"}, timeout=60)
        local = httpx.get(base + "/", timeout=60)
        rows.append(Row("5 injection", "web app asked with Host: attacker.example (DNS rebinding)",
                        evil.status_code in (400, 421) and local.status_code == 200, "refused; 127.0.0.1 served",
                        f"attacker host: HTTP {evil.status_code}; 127.0.0.1: HTTP {local.status_code}"))
    broken = work / "broken.db"
    shutil.copy(quoted, broken)
    with served(broken) as (base, _proc):
        with sqlite3.connect(broken) as conn:
            conn.execute("DROP TABLE quotes_fts")
            conn.execute("DROP TABLE quotes")
        response = httpx.get(base + "/quotes", timeout=60)
        headers = [h for h in SECURITY if h not in response.headers]
        rows.append(Row("6 limits", "a server error (table dropped under the app)", response.status_code >= 500 and not headers,
                        "5xx with every security header", f"HTTP {response.status_code}; missing {headers or 'none'}"))
    return rows


# -- group 7: how errors read --------------------------------------------------------------------------------------------

def cosmetic(work: Path) -> list[Row]:
    rows = []
    folder = _corpus(work / "corpus-one-bad", {"empty.txt": ""})
    ran = run("ingest", str(folder), "--db", str(work / "one-bad.db"))
    times = ran.err.count("empty.txt")
    rows.append(Row("7 errors", "a bad file's error on a non-tty stderr", times == 1, "printed once",
                    f"named {times} times; exit {ran.code}"))
    tree = _corpus(work / "corpus-links")
    (tree / "sub").mkdir()
    (tree / "sub" / "more.txt").write_text("More talks\n\n" + ARTICLES[5], encoding="utf-8")
    (tree / "also").symlink_to(tree / "sub", target_is_directory=True)
    ran = run("ingest", str(tree), "--db", str(work / "links.db"))
    rows.append(Row("7 errors", "a symlink to a folder inside the tree", ran.code == 0 and "0 failed" in ran.out,
                    "skipped, not a failure", f"exit {ran.code}; {ran.out.strip()[:80]}"))
    big = work / "corpus-ctrl-c"
    big.mkdir()
    for i in range(12):
        (big / f"a{i}.txt").write_text(f"Report {i}\n\n" + ARTICLES[i % 6] + f" Dispatch {i}.", encoding="utf-8")
    db = work / "ctrl-c.db"
    proc = subprocess.Popen(command("ingest", str(big), "--db", str(db), "--batch-size", "2"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    while proc.poll() is None and count(db) == 0:
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate()
    said = err.decode("utf-8", "replace").strip()
    rows.append(Row("7 errors", "Ctrl-C (SIGINT) during an ingest", proc.returncode == 130 and "interrupted" in said.lower()
                    and "Traceback" not in said, "says so in one line, exit 130",
                    f"exit {proc.returncode}; {said.splitlines()[-1][:90] if said else '(silent)'}"))
    return rows
