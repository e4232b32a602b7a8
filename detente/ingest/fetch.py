"""Fetch URL lists with httpx: bounded in bytes and in time, retries, a polite delay, one clear error per failed URL.

A body is read in chunks and inflated (gzip, deflate) chunk by chunk with a bound on the output, so neither a
1 GB stream nor a gzip bomb is held in memory: the fetch stops as soon as the body passes ``max_bytes``. Each URL
has a total deadline (``DETENTE_FETCH_DEADLINE``, default 60 s) over connecting, headers, body and retries, so a
server that drips a byte at a time is abandoned; the read timeout alone would let it run for ever. Requests run
on an event loop in a worker thread, whose timeout cancels a request in any phase.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
import zlib
from collections.abc import Coroutine, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from detente.errors import number_setting
from detente.ingest.decode import DEFAULT_MAX_BYTES, IngestError, decode_bytes, size_text
from detente.records import RawDocument

USER_AGENT = "detente/0.1 (+news analysis; polite fetcher)"
DEADLINE_SECONDS = 60.0
CHUNK = 64 * 1024
T = TypeVar("T")


def fetch_deadline() -> float:
    """Seconds one URL may take in all (``DETENTE_FETCH_DEADLINE``), checked, else the default."""
    return number_setting("DETENTE_FETCH_DEADLINE", DEADLINE_SECONDS, minimum=0.001)


class TooLarge(Exception):
    """The body grew past ``max_bytes`` (after inflating)."""


class _Inflater:
    """Content-Encoding undone a chunk at a time, never producing more than the room left under the limit."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower()
        if self.encoding in ("", "identity"):
            self._z = None
        elif self.encoding in ("gzip", "x-gzip", "deflate"):
            self._z = zlib.decompressobj(47)  # 32 + 15: a gzip or zlib header, whichever comes
            self._started = False
        else:
            raise ValueError(f"unsupported Content-Encoding {encoding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        if self._z is None:
            return data
        try:
            out = self._z.decompress(data, max(room, 1))
        except zlib.error:
            if self.encoding != "deflate" or self._started:
                raise
            self._z = zlib.decompressobj(-15)  # "deflate" sent as a raw stream, as some servers do
            out = self._z.decompress(data, max(room, 1))
        self._started = True
        if self._z.unconsumed_tail:  # more output waits than the limit leaves room for
            raise TooLarge
        return out


@dataclass
class _Fetched:
    status: int
    reason: str
    body: bytes
    content_type: str


async def _get(client: httpx.AsyncClient, url: str, max_bytes: int) -> _Fetched:
    async with client.stream("GET", url) as response:
        ctype = response.headers.get("content-type", "html")
        if response.status_code >= 400:
            return _Fetched(response.status_code, response.reason_phrase, b"", ctype)
        encoding = response.headers.get("content-encoding", "")
        declared = response.headers.get("content-length", "")
        if not encoding and declared.isdigit() and int(declared) > max_bytes:
            raise TooLarge
        inflater = _Inflater(encoding)
        body = bytearray()
        async for chunk in response.aiter_raw(CHUNK):
            body += inflater.feed(chunk, max_bytes + 1 - len(body))
            if len(body) > max_bytes:
                raise TooLarge
        return _Fetched(response.status_code, response.reason_phrase, bytes(body), ctype)


class _Loop:
    """An event loop in a worker thread: requests can be cancelled at a deadline in any phase, and the caller
    may itself run inside an event loop (a notebook) without conflict."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="detente-fetch", daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


async def _within(seconds: float, coro: Coroutine[Any, Any, T]) -> T:
    async with asyncio.timeout(seconds):
        return await coro


def _doc_name(url: httpx.URL) -> str:
    stem = url.path.rstrip("/").rsplit("/", 1)[-1] or url.host
    return stem.rsplit(".", 1)[0] or url.host


def _parse(url: str) -> httpx.URL | str:
    """The URL, or why it cannot be fetched."""
    if not url.startswith(("http://", "https://")):
        return f"not an http(s) URL: {url[:80]!r}"
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        return f"malformed URL {url[:80]!r}: {exc}"
    return parsed if parsed.host else f"malformed URL {url[:80]!r}: no host"


def read_url_list(
    lines: Iterable[str],
    source: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    timeout: float = 20.0,
    retries: int = 2,
    delay: float = 1.0,
    deadline: float | None = None,
) -> Iterator[RawDocument | IngestError]:
    """Fetch each URL (blank lines and ``#`` comments skipped); ``delay`` seconds between requests to one host;
    ``deadline`` seconds for each URL in all (default ``DETENTE_FETCH_DEADLINE``). A URL that cannot be fetched is
    one :class:`IngestError` naming it and, for a list, the line."""
    deadline = fetch_deadline() if deadline is None else deadline
    last_hit: dict[str, float] = {}
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}  # encodings inflated with a bound
    loop = _Loop()
    client = httpx.AsyncClient(timeout=timeout, follow_redirects=True, headers=headers)
    try:
        for line_no, line in enumerate(lines, start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            parsed = _parse(url)
            if isinstance(parsed, str):
                yield IngestError(source, parsed, line_no) if source != url else IngestError(url, parsed)
                continue
            yield _fetch_one(loop, client, url, parsed, last_hit, max_bytes, retries, delay, deadline)
    finally:
        try:
            asyncio.run_coroutine_threadsafe(client.aclose(), loop.loop).result(timeout=10)
        finally:
            loop.close()


def _fetch_one(loop: _Loop, client: httpx.AsyncClient, url: str, parsed: httpx.URL, last_hit: dict[str, float],
               max_bytes: int, retries: int, delay: float, deadline: float) -> RawDocument | IngestError:
    host = parsed.host
    wait = last_hit.get(host, 0.0) + delay - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    started = time.monotonic()
    error = "no attempt made"
    for attempt in range(retries + 1):
        left = deadline - (time.monotonic() - started)
        if left <= 0:
            return IngestError(url, f"fetch failed: gave up after {deadline:g} s in all (DETENTE_FETCH_DEADLINE); last: {error}")
        try:
            got = loop.run(_within(left, _get(client, url, max_bytes)))
        except TimeoutError:
            last_hit[host] = time.monotonic()
            return IngestError(url, f"fetch failed: no complete answer within {deadline:g} s (DETENTE_FETCH_DEADLINE)")
        except TooLarge:
            last_hit[host] = time.monotonic()
            return IngestError(url, f"fetch stopped: the body passed the {size_text(max_bytes)} limit (--max-bytes)")
        except (httpx.TransportError, OSError) as exc:  # connection refused, reset, read timeout: worth a retry
            error = f"{exc.__class__.__name__}: {exc}"
            last_hit[host] = time.monotonic()
            if attempt < retries:
                time.sleep(delay * (attempt + 1))
                continue
            break
        except Exception as exc:  # anything else (a broken encoding, a bad redirect) fails this URL only
            last_hit[host] = time.monotonic()
            return IngestError(url, f"fetch failed: {exc.__class__.__name__}: {exc}")
        last_hit[host] = time.monotonic()
        if got.status >= 500 and attempt < retries:
            error = f"HTTP {got.status}"
            time.sleep(delay * (attempt + 1))
            continue
        if got.status >= 400:
            error = f"HTTP {got.status} {got.reason}"
            break
        try:
            text = decode_bytes(got.body, url, max_bytes)
        except IngestError as err:
            return IngestError(url, f"fetch failed: {err.reason}")
        kind = "html" if "html" in got.content_type else "text"
        return RawDocument(source=url, doc_name=_doc_name(parsed), text=text, kind=kind,
                           raw_hash=hashlib.sha256(got.body).hexdigest(), hints={"url": url})
    return IngestError(url, f"fetch failed: {error}")

