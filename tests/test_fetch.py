"""URL lists: fetched from a local HTTP server on 127.0.0.1 (never an outside address); delays kept small."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from typing import ClassVar

import pytest

from detente.ingest import IngestError
from detente.ingest.fetch import read_url_list
from detente.records import RawDocument

PAGE = (
    "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    "<p>Delegations from both countries met in the capital on Monday to resume talks on the border.</p>"
    "<p>Officials said the next round would follow within a month if progress held.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, list[float]]] = {}
    release: ClassVar[threading.Event] = threading.Event()  # /slow answers only once the test has given up on it
    clock: ClassVar = time  # what request times are read from (a test may give the fetcher and the server its own)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        Handler.hits.setdefault(self.path, []).append(Handler.clock.monotonic())
        if self.path == "/article.html":
            self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/plain.txt":
            self._send(200, b"Plain text article about the summit.", "text/plain; charset=utf-8")
        elif self.path == "/flaky" and len(Handler.hits[self.path]) == 1:
            self._send(503, b"busy", "text/plain")
        elif self.path == "/flaky":
            self._send(200, PAGE.encode(), "text/html")
        elif self.path == "/slow":
            Handler.release.wait(30)
            self._send(200, PAGE.encode(), "text/html")
        elif self.path == "/image.txt":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "text/plain")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits, Handler.release, Handler.clock = {}, threading.Event(), time
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def _fetch(urls: list[str], **kw) -> list[RawDocument | IngestError]:
    kw.setdefault("delay", 0.01)
    kw.setdefault("timeout", 2.0)
    return list(read_url_list(urls, "list.urls", **kw))


def test_pages_are_fetched_with_kind_name_and_url_hint(server):
    html, text = _fetch([f"{server}/article.html", "# a comment", "", f"{server}/plain.txt"])
    assert isinstance(html, RawDocument) and html.kind == "html" and html.doc_name == "article"
    assert html.hints["url"] == f"{server}/article.html" and "Delegations" in html.text
    assert isinstance(text, RawDocument) and text.kind == "text"


def test_404_and_bad_lines_get_one_clear_error_each_and_the_rest_continues(server):
    items = _fetch([f"{server}/missing", "ftp://example.org/x", f"{server}/image.txt", f"{server}/article.html"])
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 3 and isinstance(items[-1], RawDocument)
    assert "HTTP 404" in str(errors[0]) and "/missing" in str(errors[0])
    assert "not an http(s) URL" in errors[1].reason and errors[1].line == 2
    assert "PNG" in errors[2].reason


def test_server_error_is_retried(server):
    [doc] = _fetch([f"{server}/flaky"], retries=2)
    assert isinstance(doc, RawDocument)
    assert len(Handler.hits["/flaky"]) == 2


def test_timeout_is_retried_then_reported(server):
    [error] = _fetch([f"{server}/slow"], timeout=0.2, retries=1)  # /slow never answers while the test runs
    assert isinstance(error, IngestError) and "fetch failed" in error.reason and "Timeout" in error.reason
    assert len(Handler.hits["/slow"]) == 2


class StillClock:
    """A clock that moves only when the fetcher sleeps: gaps between requests are the waits it chose, not load."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(seconds, 0.0)

    def __getattr__(self, name: str):
        return getattr(time, name)


def test_polite_delay_between_requests_to_one_host(server, monkeypatch):
    from detente.ingest import fetch

    clock = StillClock()
    monkeypatch.setattr(fetch, "time", clock)
    Handler.clock = clock
    _fetch([f"{server}/article.html", f"{server}/plain.txt", f"{server}/article.html"], delay=5.0)
    times = sorted(Handler.hits["/article.html"] + Handler.hits["/plain.txt"])
    assert len(times) == 3 and [b - a for a, b in pairwise(times)] == [5.0, 5.0]  # one delay between each request
