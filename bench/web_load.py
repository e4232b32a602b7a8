"""Bounded local load on the web app: a fixed number of requests to its main pages, p50/p95 latency (goal p95 < 200 ms).

    python -m bench.web_load                      # the 1k×10 store built by bench.report_scale
    python -m bench.web_load --db my.db --rounds 30

The server is `detente serve` in a subprocess bound to 127.0.0.1 only; requests
are sequential (one client), so the figures are page latencies, not throughput.
The first request to each page is reported apart (first_ms): the app caches
derived views (overview, dyad panels, actor timelines) until the store changes.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.report_scale import WORKDIR

HOST = "127.0.0.1"  # never anything else: this is a local measurement


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pages(db: Path) -> list[str]:
    """The main pages, with ids taken from the store (an article with facts, the busiest dyad, a speaker)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    article = conn.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    a, b = conn.execute("SELECT source, target FROM events WHERE length(source) = 3 AND length(target) = 3 "
                        "GROUP BY source, target ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    conn.close()
    return ["/", "/articles", "/articles?q=China", f"/articles?dyad={a}-{b}&status=happened", f"/events?dyad={a}-{b}",
            "/quotes", "/quotes?speaker=minister", "/stories", "/search?q=Vietnam+China", f"/article/{article}",
            f"/dyad/{a}/{b}", f"/actor/{a}"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.web_load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=WORKDIR / "store-1000x10.db")
    parser.add_argument("--rounds", type=int, default=20, help="requests per page (after one warm-up request)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"{args.db} not found: run `python -m bench.report_scale` first, or pass --db")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(args.db), "--host", HOST,
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{HOST}:{port}"
    timings: dict[str, list[float]] = {}
    first: dict[str, float] = {}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/static/app.js")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start: " + server.stderr.read().decode()[-2000:]) from None
                    time.sleep(0.2)
            for path in pages(args.db):
                start = time.perf_counter()
                client.get(path)  # the first request: derived views (dyad, actor, overview) computed, then cached
                first[path] = (time.perf_counter() - start) * 1000
                samples = timings.setdefault(path, [])
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    response = client.get(path)
                    samples.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, (path, response.status_code)
    finally:
        server.terminate()
        server.wait(10)
    everything = [t for samples in timings.values() for t in samples]
    result = {
        "db": str(args.db),
        "requests": len(everything),
        "p95_ms": round(percentile(everything, 0.95), 1),
        "first_request_max_ms": round(max(first.values()), 1),
        "pages": {p: {"first_ms": round(first[p], 1), "p50_ms": round(percentile(s, 0.5), 1), "p95_ms": round(percentile(s, 0.95), 1)}
                  for p, s in timings.items()},
    }
    print(json.dumps(result, indent=2))
    worst = max(result["pages"].items(), key=lambda kv: kv[1]["p95_ms"])
    print(f"p95 over all pages: {result['p95_ms']} ms (goal < 200); slowest page {worst[0]} at p95 {worst[1]['p95_ms']} ms")
    return result


if __name__ == "__main__":
    main()
