"""URL fetches are bounded: in bytes (a long stream, a gzip bomb) and in total time (a server that drips), and one
malformed URL is one named failure among the others. A local server on 127.0.0.1 plays each part; the slow ones
drip for as long as the client listens (bounded, so that a fetcher without a deadline ends, and fails the test).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from detente.ingest import IngestError, iter_documents
from detente.ingest.fetch import read_url_list
from detente.records import RawDocument

MB = 1 << 20
PAGE = (b"<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet</h1>"
        b"<p>The two foreign ministers met in the capital on Monday and agreed to resume the border talks.</p>"
        b"<p>Officials said a further round would follow within a month if the talks went well.</p></article></body></html>")


def _gzip_bomb(size: int = 64 * MB) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(bytes(MB)) for _ in range(size // MB)) + packer.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    bomb = b""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        try:
            getattr(self, "_" + self.path.split("?")[0].strip("/").replace("-", "_"), self._missing)()
        except (BrokenPipeError, ConnectionResetError):  # the fetcher hung up: what a bounded fetcher does
            pass

    def _head(self, **headers: str) -> None:
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()

    def _page(self) -> None:
        self._head(Content_Type="text/html", Content_Length=str(len(PAGE)))
        self.wfile.write(PAGE)

    def _stream(self) -> None:  # 64 MB, no length given
        self._head(Content_Type="text/html")
        for _ in range(64):
            self.wfile.write(b"<p>" + b"x" * (MB - 7) + b"</p>")

    def _bomb(self) -> None:  # 64 KB on the wire, 64 MB inflated
        self._head(Content_Type="text/html", Content_Encoding="gzip", Content_Length=str(len(Handler.bomb)))
        self.wfile.write(Handler.bomb)

    def _drip(self) -> None:  # the body a byte at a time, each well inside the read timeout
        self._head(Content_Type="text/html")
        for byte in PAGE * 4:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.01)

    def _drip_headers(self) -> None:  # even the headers dripped
        for byte in b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"y" * 2000 + b"\r\n\r\n" + PAGE:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.01)

    def _missing(self) -> None:
        self.send_error(404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    Handler.bomb = Handler.bomb or _gzip_bomb()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fetch(urls: list[str], **kw) -> list[RawDocument | IngestError]:
    kw.setdefault("delay", 0.0)
    kw.setdefault("retries", 0)
    return list(read_url_list(urls, "list.urls", **kw))


@pytest.mark.parametrize("path", ["/stream", "/bomb"])
def test_a_body_past_the_limit_is_refused_without_being_held(server, path):
    tracemalloc.start()
    try:
        error, page = _fetch([server + path, server + "/page"], max_bytes=MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, IngestError) and error.source == server + path and "limit" in error.reason
    assert isinstance(page, RawDocument)
    assert peak < 8 * MB, f"{peak / MB:.0f} MB held for a body limited to 1 MB"


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_server_that_drips_is_abandoned_at_the_deadline_and_the_rest_fetched(server, path):
    error, page = _fetch([server + path, server + "/page"], deadline=0.3, timeout=5)
    assert isinstance(error, IngestError) and error.source == server + path, error
    assert "DETENTE_FETCH_DEADLINE" in error.reason
    assert isinstance(page, RawDocument) and "foreign ministers" in page.text


def test_malformed_urls_are_named_failures_with_their_lines(server):
    items = _fetch([server + "/page", "http://[::1:bad/", server + "/page?again", "http://127.0.0.1:abc/"])
    assert [type(i) for i in items] == [RawDocument, IngestError, RawDocument, IngestError]
    assert [(i.source, i.line) for i in items[1::2]] == [("list.urls", 2), ("list.urls", 4)]
    assert all("malformed URL" in i.reason for i in items[1::2])


def test_a_malformed_url_given_as_an_argument_is_one_error_and_the_rest_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("An article about the border talks between the two states.", encoding="utf-8")
    items = list(iter_documents(["http://127.0.0.1:abc/", tmp_path / "a.txt"]))
    assert isinstance(items[0], IngestError) and items[0].source == "http://127.0.0.1:abc/"
    assert isinstance(items[1], RawDocument)


def test_stdin_past_the_limit_is_refused(tmp_path):
    result = subprocess.run([sys.executable, "-m", "detente.cli", "ingest", "-", "--db", str(tmp_path / "x.db"),
                             "--max-bytes", "1000"], input=b"# not a URL, padding\n" * 500, capture_output=True,
                            timeout=300)
    err = result.stderr.decode()
    assert result.returncode == 1 and "<stdin>" in err and "limit" in err and "Traceback" not in err
