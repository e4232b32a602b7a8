"""Issue 26, group 3: URL fetches bounded in bytes and in time; a malformed URL is one named failure; stdin is bounded.

A server on 127.0.0.1 (this process, a thread) serves good article pages, a 1 GB stream, a 1 MB gzip bomb that
inflates to 1 GB, and a page that drips one byte a second for ever. `detente ingest LIST.urls` runs in a
subprocess whose peak memory is read with wait4 and compared with the same run over the good pages alone.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.hostile import ARTICLES
from bench.rel_common import Row, count, run

GB = 1 << 30
MEMORY_GOAL_MB = 100
DEADLINE = 10  # seconds: the total fetch deadline the drip case sets (DETENTE_FETCH_DEADLINE)


def _gzip_bomb(size: int = GB) -> bytes:
    """``size`` zero bytes, gzipped (about 1 MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def _page(i: int) -> bytes:
    text = ARTICLES[i % len(ARTICLES)]
    return (f"<html><head><title>Report {i}</title></head><body><article><h1>Report {i}</h1><p>Dispatch {i}. {text}</p>"
            f"<p>Officials said more talks would follow within weeks, dispatch {i} added.</p></article></body></html>").encode()


class _Handler(BaseHTTPRequestHandler):
    bomb = b""
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError):  # the fetcher gave up on this one, as it should
            pass

    def _route(self) -> None:
        if self.path.startswith("/ok/"):
            body = _page(int(self.path.split("/")[-1].split(".")[0]))
            self._head({"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))})
            self.wfile.write(body)
        elif self.path == "/huge":
            self._head({"Content-Type": "text/html"})
            block = b"<p>" + b"word " * 13106 + b"</p>"  # ~64 KB
            for _ in range(GB // len(block)):
                self.wfile.write(block)
        elif self.path == "/bomb":
            self._head({"Content-Type": "text/html", "Content-Encoding": "gzip", "Content-Length": str(len(self.bomb))})
            self.wfile.write(self.bomb)
        elif self.path == "/drip":
            self._head({"Content-Type": "text/html"})
            while True:
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(1)
        else:
            self.send_error(404)

    def _head(self, headers: dict[str, str]) -> None:
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()


@contextmanager
def server() -> Iterator[str]:
    _Handler.bomb = _Handler.bomb or _gzip_bomb()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _urls(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fetch(work: Path) -> list[Row]:
    rows = []
    env = {"DETENTE_FETCH_DEADLINE": str(DEADLINE)}
    with server() as base:
        good = [f"{base}/ok/{i}.html" for i in range(3)]
        # the baseline stores the same two pages beside a URL that fails at once (404)
        baseline = run("ingest", str(_urls(work / "good.urls", [good[0], f"{base}/missing", good[1]])), "--db",
                       str(work / "fetch-base.db"), env=env)
        for name, path in (("1 GB stream", "/huge"), ("1 MB gzip bomb (1 GB inflated)", "/bomb")):
            db = work / f"fetch-{path[1:]}.db"
            ran = run("ingest", str(_urls(work / f"{path[1:]}.urls", [good[0], base + path, good[1]])), "--db", str(db),
                      env=env, timeout=600)
            above = ran.peak_mb - baseline.peak_mb
            named = f"{base}{path}" in ran.err
            rows.append(Row("3 fetch", name, above <= MEMORY_GOAL_MB and named and count(db) == 2,
                            f"peak ≤ {MEMORY_GOAL_MB} MB above the same run with a 404 in its place; named; the rest stored",
                            f"peak {ran.peak_mb:.0f} MB vs {baseline.peak_mb:.0f} MB (+{above:.0f}); exit {ran.code}; "
                            f"{count(db)} of 2 stored; {_last(ran.err)}"))
        db = work / "fetch-drip.db"
        started = time.monotonic()
        ran = run("ingest", str(_urls(work / "drip.urls", [good[0], f"{base}/drip", good[1]])), "--db", str(db), env=env,
                  timeout=300)
        seconds = time.monotonic() - started
        rows.append(Row("3 fetch", "slow-drip URL (1 byte/s for ever)", f"{base}/drip" in ran.err and count(db) == 2,
                        f"abandoned within the deadline ({DEADLINE} s set), the rest stored",
                        f"run ended after {seconds:.0f} s, exit {ran.code}; {count(db)} of 2 stored; {_last(ran.err)}"))
        bad = ["http://[::1:bad/", "http://127.0.0.1:abc/"]
        listed = _urls(work / "malformed.urls", [good[0], bad[0], good[1], bad[1], good[2]])
        db = work / "fetch-malformed.db"
        ran = run("ingest", str(listed), "--db", str(db), env=env)
        named = sum(f"{listed}:{line}" in ran.err for line in (2, 4))
        rows.append(Row("3 fetch", "malformed URLs in a list of five", named == 2 and count(db) == 3
                        and "Traceback" not in ran.err and ran.code == 1,
                        "each one named failure (file:line), the good ones stored, exit 1",
                        f"exit {ran.code}; {count(db)} of 3 stored; {named} of 2 named by line; {_last(ran.err)}"))
        for url in bad:
            db = work / "fetch-one-bad.db"
            ran = run("ingest", url, "--db", str(db))
            rows.append(Row("3 fetch", f"malformed URL as an argument: {url}", "Traceback" not in ran.err and ran.code == 1
                            and url in ran.err, "one named failure, exit 1", f"exit {ran.code}; {_last(ran.err)}"))
    stdin = b"# a comment line standing in for a URL list\n" * 300_000  # 13 MB
    db = work / "fetch-stdin.db"
    ran = run("ingest", "-", "--db", str(db), "--max-bytes", "1000000", stdin=stdin, timeout=300)
    rows.append(Row("3 fetch", "13 MB on stdin with --max-bytes 1000000", "limit" in ran.err and "Traceback" not in ran.err
                    and ran.code != 0, "refused as over the limit, named <stdin>",
                    f"exit {ran.code}; peak {ran.peak_mb:.0f} MB; {_last(ran.err)}"))
    return rows


def _last(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    return (lines[-1] if lines else "(no stderr)")[:100]
