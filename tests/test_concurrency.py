"""Readers under a running ingest: the web app (real uvicorn, real HTTP), the Store and `detente articles`
query in loops while `detente ingest` writes in another process. No read fails, nothing says "database is locked".

The test waits on the readers' rounds, never on the clock: each reader finishes a round before the ingest starts
and another after it ends, and pauses at most two seconds between rounds, so every reader was reading throughout."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.test_crash_safety import _ingest_cmd, _make_corpus

PAGES = ["/", "/articles", "/articles?q=Vietnam", "/events", "/quotes", "/stories", "/search?q=China", "/dyad/CHN/VNM",
         "/actor/CHN"]


def serve(db: Path) -> Iterator[str]:
    """The web app on a free 127.0.0.1 port in a thread; yields its base URL."""
    import uvicorn

    from detente.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def empty_store(tmp_path) -> Path:
    db = tmp_path / "busy.db"
    subprocess.run([sys.executable, "-c", f"from detente.store import Store; Store({str(db)!r}).close()"], check=True)
    return db


class Rounds:
    """How many full rounds each reader has finished; the test waits on these."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.finished = dict.fromkeys(kinds, 0)
        self._changed = threading.Condition()

    def finish(self, kind: str) -> None:
        with self._changed:
            self.finished[kind] += 1
            self._changed.notify_all()

    def wait_past(self, marks: dict[str, int]) -> bool:
        """Until every reader has finished more rounds than ``marks``; False if one stopped (after ten minutes)."""
        with self._changed:
            return self._changed.wait_for(lambda: all(self.finished[k] > n for k, n in marks.items()), timeout=600)


def read_web_in_a_loop(base: str, stop: threading.Event, errors: list[str], rounds: Rounds) -> None:
    """Every page, then the article pages the listing links to, until ``stop``; any non-200 is an error."""
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.is_set():
            for path in PAGES:
                try:
                    response = client.get(path)
                    not_yet = path.startswith("/actor/") and response.status_code == 404  # until China is stored
                    if (response.status_code != 200 and not not_yet) or "database is locked" in response.text:
                        errors.append(f"{path}: HTTP {response.status_code} {response.text[:200]}")
                    if path == "/articles":
                        for link in sorted(set(httpx.URL(base).join(h).path for h in _article_links(response.text)))[:3]:
                            if client.get(link).status_code != 200:
                                errors.append(f"{link}: HTTP error")
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {exc!r}")
                stop.wait(0.05)  # leave the two-core CI machine some room for the ingest itself
            rounds.finish("web")


def _article_links(html: str) -> list[str]:
    import re

    return re.findall(r'href="(/article/[^"#]+)', html)


def read_store_in_a_loop(db: Path, stop: threading.Event, errors: list[str], rounds: Rounds) -> None:
    from detente.store import Store

    while not stop.is_set():
        try:
            with Store(db, readonly=True) as store:
                store.count("articles")
                store.search("Vietnam")
                store.events()
                store.quotes()
        except Exception as exc:  # any reader error is a failure
            errors.append(f"store: {exc!r}")
        rounds.finish("store")
        stop.wait(0.02)


def read_cli_in_a_loop(db: Path, stop: threading.Event, errors: list[str], rounds: Rounds) -> None:
    while not stop.is_set():
        result = subprocess.run([sys.executable, "-m", "detente.cli", "articles", "--db", str(db)], capture_output=True,
                                text=True, timeout=120)
        if result.returncode != 0 or "locked" in result.stderr:
            errors.append(f"detente articles: exit {result.returncode}: {result.stderr[-300:]}")
        rounds.finish("cli")
        stop.wait(2)


def test_web_store_and_cli_readers_never_fail_during_an_ingest(tmp_path, empty_store):
    corpus = _make_corpus(tmp_path / "corpus", 12)
    errors: list[str] = []
    rounds = Rounds(("web", "store", "cli"))
    stop = threading.Event()
    for base in serve(empty_store):
        readers = [threading.Thread(target=read_web_in_a_loop, args=(base, stop, errors, rounds)),
                   threading.Thread(target=read_store_in_a_loop, args=(empty_store, stop, errors, rounds)),
                   threading.Thread(target=read_cli_in_a_loop, args=(empty_store, stop, errors, rounds))]
        for reader in readers:
            reader.start()
        try:
            assert rounds.wait_past(dict.fromkeys(rounds.finished, 0)), rounds.finished  # all reading before
            result = subprocess.run(_ingest_cmd(corpus, empty_store), capture_output=True, text=True, timeout=600)
            assert rounds.wait_past(dict(rounds.finished)), rounds.finished  # and still reading after
        finally:
            stop.set()
            for reader in readers:
                reader.join(120)
    assert result.returncode == 0, result.stderr
    assert "locked" not in result.stderr
    assert errors == [], sorted(set(errors))[:20]
