"""Fetch URL lists with httpx: timeouts, retries, a polite delay, one clear error per failed URL."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from urllib.parse import urlparse

import httpx

from detente.ingest.decode import DEFAULT_MAX_BYTES, IngestError, decode_bytes
from detente.records import RawDocument

USER_AGENT = "detente/0.1 (+news analysis; polite fetcher)"


def _doc_name(url: str) -> str:
    parsed = urlparse(url)
    stem = parsed.path.rstrip("/").rsplit("/", 1)[-1] or parsed.netloc
    return stem.rsplit(".", 1)[0] or parsed.netloc


def read_url_list(
    lines: Iterable[str],
    source: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    timeout: float = 20.0,
    retries: int = 2,
    delay: float = 1.0,
) -> Iterator[RawDocument | IngestError]:
    """Fetch each URL (blank lines and ``#`` comments skipped); ``delay`` seconds between requests to one host."""
    last_hit: dict[str, float] = {}
    with httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        for line_no, line in enumerate(lines, start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if not url.startswith(("http://", "https://")):
                yield IngestError(source, f"not an http(s) URL: {url[:80]!r}", line_no)
                continue
            host = urlparse(url).netloc
            wait = last_hit.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            error = "no attempt made"
            for attempt in range(retries + 1):
                try:
                    response = client.get(url)
                    last_hit[host] = time.monotonic()
                    if response.status_code >= 500 and attempt < retries:
                        error = f"HTTP {response.status_code}"
                        time.sleep(delay * (attempt + 1))
                        continue
                    if response.status_code >= 400:
                        error = f"HTTP {response.status_code} {response.reason_phrase}"
                        break
                    data = response.content
                    text = decode_bytes(data, url, max_bytes)
                    kind = "html" if "html" in response.headers.get("content-type", "html") else "text"
                    yield RawDocument(
                        source=url,
                        doc_name=_doc_name(url),
                        text=text,
                        kind=kind,
                        raw_hash=hashlib.sha256(data).hexdigest(),
                        hints={"url": url},
                    )
                    error = ""
                    break
                except IngestError as err:
                    error = err.reason
                    break
                except httpx.HTTPError as exc:
                    error = f"{exc.__class__.__name__}: {exc}"
                    last_hit[host] = time.monotonic()
                    if attempt < retries:
                        time.sleep(delay * (attempt + 1))
            if error:
                yield IngestError(url, f"fetch failed: {error}")
