"""Reliability: issue 11 (hostile inputs, kill -9 mid-ingest, readers during an ingest, stored XSS) and issue 26
(interrupted and concurrent ingests, bounded fetches, odd databases and outputs, injection, limits, error messages).

    python -m bench.reliability                 # everything, ~40 minutes on two cores
    python -m bench.reliability --only fetch odd-db injection errors     # the quick issue-26 groups
    python -m bench.reliability --kills 5 --articles 60 --skip-browser --only hostile kill9 readers xss

Everything runs as a user would: `detente ingest` and `detente serve` in subprocesses, bound to 127.0.0.1,
over temporary stores. Prints a table per issue and writes reliability[-LABEL].json where --out says (default under
~/.cache/detente/bench).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from bench import OUT_HELP, results_path
from bench.corpus import write_corpus
from bench.hostile import ARTICLES, write_bad, write_odd
from bench.rel_common import Row

HOST = "127.0.0.1"
CHROMIUM = Path(os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium"))


def detente(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200"})


def digest(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()


def count(db: Path, sql: str = "SELECT COUNT(*) FROM articles") -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def crashed(result: subprocess.CompletedProcess) -> bool:
    """A crash is an uncaught exception: exit codes 0 (all read) and 1 (some inputs refused) are the contract."""
    return result.returncode not in (0, 1) or "Traceback" in result.stderr


# -- hostile inputs -------------------------------------------------------------------------------------------------

def hostile(work: Path) -> dict:
    """Bad inputs against a store of good articles, then awkward encodings of real articles."""
    good = work / "good"
    good.mkdir()
    for i, text in enumerate(ARTICLES[1:5]):
        (good / f"good{i}.txt").write_text(text, encoding="utf-8")
    db = work / "hostile.db"
    first = detente("ingest", str(good), "--db", str(db))
    before = digest(db)
    bad = write_bad(work / "bad")
    started = time.perf_counter()
    run = detente("ingest", str(work / "bad"), "--db", str(db))
    seconds = time.perf_counter() - started
    for huge in (work / "bad").glob("huge.*"):
        huge.unlink()
    lines = [line for line in run.stderr.splitlines() if line.startswith(("error: ", "skipped: "))]
    named = 0
    for case in bad:
        where = f"{case.path}:{case.line}" if case.line is not None else str(case.path)
        where = where.replace("\n", "\\n")
        mine = [line for line in lines if line.split(": ", 1)[1].startswith(f"{where}: ")]
        named += len(mine) == 1 and case.reason.lower() in mine[0].lower()
    unchanged = digest(db) == before
    odd = write_odd(work / "odd")
    run_odd = detente("ingest", str(work / "odd"), "--db", str(db))
    with sqlite3.connect(db) as conn:
        bodies = dict(conn.execute("SELECT source, body FROM articles"))
    intact = sum(str(c.path) in bodies and all(k in bodies[str(c.path)] for k in c.keeps) for c in odd)
    return {
        "inputs": len(bad) + len(odd), "bad_inputs": len(bad), "bad_named_once": named, "error_lines": len(lines),
        "exit_code_bad": run.returncode, "store_unchanged": unchanged, "odd_inputs": len(odd), "odd_stored_intact": intact,
        "crashes": sum(crashed(r) for r in (first, run, run_odd)), "bad_run_seconds": round(seconds, 1),
    }


# -- kill -9 --------------------------------------------------------------------------------------------------------

def kill9(work: Path, n: int, kills: int) -> dict:
    """Kill `detente ingest` with SIGKILL ``kills`` times at spread-out points, then let it finish."""
    corpus = write_corpus(work / "corpus", n)
    db = work / "crash.db"
    cmd = [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]
    at_kill: list[int] = []
    shrank = 0
    for k in range(kills):
        target = (k + 1) * n // (kills + 1)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen = count(db) if db.exists() else 0
        while proc.poll() is None and seen < target:
            time.sleep(0.05)
            seen = max(seen, count(db) if db.exists() else 0)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        after = count(db)
        shrank += max(0, seen - after)  # rows committed before the kill and gone after it
        at_kill.append(after)
    final = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT doc_name FROM articles")]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        orphans = sum(conn.execute(f"SELECT COUNT(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
                      for t in ("events", "quotes", "sentences", "mentions"))
    finally:
        conn.close()
    return {
        "articles": n, "kills": kills, "stored_at_each_kill": at_kill, "committed_rows_lost_at_kill": shrank,
        "lost": n - len(set(names)), "duplicated": len(names) - len(set(names)), "integrity_check": integrity,
        "orphan_rows": orphans, "final_exit_code": final.returncode, "crashes": int(crashed(final)),
    }


# -- readers during an ingest -----------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def served(db: Path) -> Iterator[str]:
    """`detente serve` on a free 127.0.0.1 port; yields the base URL."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--host", HOST, "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/static/app.js", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("detente serve did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(10)


PAGES = ["/", "/articles", "/articles?q=China", "/events", "/quotes", "/stories", "/search?q=Vietnam", "/dyad/CHN/VNM"]


def concurrent(work: Path, n: int) -> dict:
    """The web app (over HTTP) and Store reads in loops while `detente ingest` writes ``n`` articles."""
    corpus = write_corpus(work / "corpus-readers", n, seed=11)
    db = work / "busy.db"
    subprocess.run([sys.executable, "-c", f"from detente.store import Store; Store({str(db)!r}).close()"], check=True)
    errors: list[str] = []
    reads = {"web": 0, "store": 0}
    stop = threading.Event()

    def web(base: str) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while not stop.is_set():
                for path in PAGES:
                    try:
                        response = client.get(path)
                        if response.status_code != 200 or "locked" in response.text:
                            errors.append(f"web {path}: HTTP {response.status_code}")
                    except httpx.HTTPError as exc:
                        errors.append(f"web {path}: {exc!r}")
                    reads["web"] += 1
                    stop.wait(0.05)

    def store() -> None:
        from detente.store import Store

        while not stop.is_set():
            try:
                with Store(db, readonly=True) as s:
                    s.count("articles")
                    s.search("Vietnam")
                    s.events()
                    s.quotes()
            except Exception as exc:  # any reader error counts
                errors.append(f"store: {exc!r}")
            reads["store"] += 1
            stop.wait(0.05)

    with served(db) as base:
        threads = [threading.Thread(target=web, args=(base,)), threading.Thread(target=store)]
        for t in threads:
            t.start()
        try:
            result = detente("ingest", str(corpus), "--db", str(db), "--batch-size", "4", timeout=1800)
        finally:
            stop.set()
            for t in threads:
                t.join(120)
    return {"articles": n, "reads_web": reads["web"], "reads_store": reads["store"], "reader_errors": len(errors),
            "locked": sum("locked" in e for e in errors) + result.stderr.count("locked"), "ingest_exit_code": result.returncode,
            "error_samples": sorted(set(errors))[:5], "crashes": int(crashed(result))}


# -- stored XSS in Chromium -------------------------------------------------------------------------------------------

PAYLOADS = {
    "script": "<script>window.__xss=(window.__xss||[]).concat('script')</script>",
    "img": "<img src=x onerror=\"window.__xss=(window.__xss||[]).concat('img')\">",
    "svg": "<svg onload=\"window.__xss=(window.__xss||[]).concat('svg')\">",
    "iframe": "<iframe src=\"javascript:parent.__xss=(parent.__xss||[]).concat('iframe')\"></iframe>",
    "link": "<a href=\"javascript:window.__xss=(window.__xss||[]).concat('link')\" id=xsslink>click</a>",
    "alert": "<script>alert('xss')</script>",
    "style": "<div style=\"background:url(javascript:window.__xss=1)\">x</div>",
    "json": "</script><script>window.__xss=(window.__xss||[]).concat('json')</script>",
}


def _xss_article() -> str:
    p = PAYLOADS
    return (f"Vietnam {p['script']} and China sign pact {p['svg']}\n\n"
            f"Hanoi, March 3, 2024 (Wire) - Vietnam and China signed a border trade agreement in Hanoi on Tuesday, officials "
            f"said. {p['img']} The deal follows talks between the two foreign ministers {p['link']}.\n\n"
            f"\"We will never accept {p['json']} pressure,\" Vietnamese Foreign Minister Bui Thanh Son said {p['alert']}.\n\n"
            f"China's foreign ministry spokesperson Mao Ning said Beijing welcomed the agreement {p['iframe']} and would "
            f"deepen cooperation with Hanoi {p['style']}.\n")


def xss(work: Path) -> dict:
    """Every page of the app and the offline report, in Chromium, over a store holding the payloads."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright not installed"}
    if not CHROMIUM.exists():
        return {"skipped": f"no Chromium at {CHROMIUM}"}
    inputs = work / "xss"
    inputs.mkdir()
    for i, text in enumerate(ARTICLES):
        (inputs / f"good{i}.txt").write_text(text, encoding="utf-8")
    (inputs / "evil\"><svg onload=window.__xss=['name']>.txt").write_text(_xss_article(), encoding="utf-8")
    db = work / "xss.db"
    detente("ingest", str(inputs), "--db", str(db))
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        stored = conn.execute("SELECT COUNT(*) FROM articles WHERE body LIKE '%<script>%' AND body LIKE '%onerror=%'").fetchone()[0]
    report = work / "report.html"
    detente("report", "--db", str(db), "--out", str(report))
    executed: set[str] = set()
    dialogs: list[str] = []
    pages = 0
    with served(db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        urls = [base + path for path in [*PAGES, "/actor/VNM", "/quotes?speaker=Bui", "/search?q=pressure"]]
        urls += [f"{base}/article/{aid}" for aid in ids] + [report.resolve().as_uri()]
        for url in urls:
            page.goto(url)
            page.wait_for_load_state("load")
            if page.locator("#xsslink").count():
                page.locator("#xsslink").first.click()  # only exists if the payload was rendered as markup
            found = page.evaluate("window.__xss === undefined ? [] : [].concat(window.__xss)")
            executed.update(str(x) for x in found)
            pages += 1
        control = browser.new_page()  # the same payloads unescaped, on a blank page: proves the probe sees execution
        control_dialogs: list[str] = []
        control.on("dialog", lambda d: (control_dialogs.append(d.message), d.dismiss()))
        control.set_content(f"<html><body>{_xss_article()}</body></html>")
        control.wait_for_timeout(500)
        control.locator("#xsslink").first.click()
        caught = control.evaluate("window.__xss === undefined ? [] : [].concat(window.__xss)") + control_dialogs
        browser.close()
    return {"payloads": len(PAYLOADS) + 1, "payload_article_stored": stored == 1, "pages_visited": pages,
            "executed": len(executed) + len(dialogs), "executed_names": sorted(executed), "dialogs": dialogs,
            "control_unescaped_executed": sorted(set(map(str, caught)))}


ROUND_2 = ("interrupted", "concurrent", "fetch", "odd-db", "injection", "errors")
ROUND_1 = ("hostile", "kill9", "readers", "xss")


def round_2(work: Path, name: str, articles: int) -> list[Row]:
    """One group of the issue-26 cases, as table rows."""
    from bench import rel_errors, rel_fetch, rel_interrupt

    cases = {"interrupted": lambda: rel_interrupt.interrupted(work, articles),
             "concurrent": lambda: rel_interrupt.concurrent(work),
             "fetch": lambda: rel_fetch.fetch(work),
             "odd-db": lambda: rel_errors.odd_databases(work),
             "injection": lambda: rel_errors.injection_and_limits(work),
             "errors": lambda: rel_errors.cosmetic(work)}
    return cases[name]()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40, help="articles in the kill -9 corpus")
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs before the run is let finish")
    parser.add_argument("--readers-articles", type=int, default=16, help="articles ingested under the readers")
    parser.add_argument("--interrupted-articles", type=int, default=100, help="articles in the interrupted-ingest corpus")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--out", default=None, help=OUT_HELP)
    parser.add_argument("--only", nargs="+", choices=ROUND_1 + ROUND_2, help="run these scenarios only")
    parser.add_argument("--label", default="", help="a suffix for the results file (e.g. before)")
    args = parser.parse_args(argv)
    chosen = args.only or list(ROUND_1 + ROUND_2)
    results: dict[str, dict] = {}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="detente-reliability-") as tmp:
        work = Path(tmp)
        scenarios = {"hostile": lambda: hostile(work), "kill9": lambda: kill9(work, args.articles, args.kills),
                     "readers": lambda: concurrent(work, args.readers_articles),
                     "xss": (lambda: {"skipped": "--skip-browser"}) if args.skip_browser else (lambda: xss(work))}
        for name in chosen:
            started = time.perf_counter()
            if name in ROUND_1:
                results[name] = scenarios[name]()
                results[name]["seconds"] = round(time.perf_counter() - started, 1)
            else:
                found = round_2(work, name, args.interrupted_articles)
                rows += found
                results[name] = {"rows": [asdict(r) for r in found], "seconds": round(time.perf_counter() - started, 1)}
    if all(name in results for name in ROUND_1):
        _print_round_1(results)
    if rows:
        table = Table(title="Détente reliability round 2 (issue 26)")
        for column in ("group", "case", "outcome", "goal", "detail"):
            table.add_column(column, overflow="fold")
        for r in rows:
            table.add_row(r.group, r.case, "ok" if r.ok else "FAIL", r.goal, r.detail)
        Console(width=200).print(table)
        print(f"{sum(r.ok for r in rows)} of {len(rows)} cases meet their goal")
    out = results_path(args.out, f"{time.strftime('%Y%m%d-%H%M%S')}-reliability{'-' + args.label if args.label else ''}.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}")
    return results


def _print_round_1(results: dict[str, dict]) -> None:
    h, k, r, x = results["hostile"], results["kill9"], results["readers"], results["xss"]
    table = Table(title="Détente reliability (issue 11)")
    for column in ("measure", "result", "goal", "detail"):
        table.add_column(column)
    table.add_row("inputs tried", str(h["inputs"]), "–",
                  f"{h['bad_inputs']} bad: {h['bad_named_once']} named once, exit {h['exit_code_bad']}, store unchanged: "
                  f"{h['store_unchanged']}; {h['odd_inputs']} odd encodings: {h['odd_stored_intact']} stored intact")
    table.add_row("crashes", str(h["crashes"] + k["crashes"] + r["crashes"]), "0", "uncaught exceptions in any run")
    table.add_row("lost / duplicated after kill -9", f"{k['lost']} / {k['duplicated']}", "0 / 0",
                  f"{k['articles']} articles, {k['kills']} kills at {k['stored_at_each_kill']}; committed rows lost at a kill: "
                  f"{k['committed_rows_lost_at_kill']}; integrity {k['integrity_check']}; orphans {k['orphan_rows']}")
    table.add_row("reader errors under ingest", str(r["reader_errors"]), "0",
                  f"{r['reads_web']} HTTP + {r['reads_store']} store reads while {r['articles']} articles were written; "
                  f"'locked': {r['locked']}")
    table.add_row("XSS payloads executed", "skipped" if "skipped" in x else str(x["executed"]), "0",
                  x.get("skipped") or f"{x['payloads']} payloads × {x['pages_visited']} pages in Chromium (app + report); "
                  f"the probe's control (payloads unescaped) caught {len(x['control_unescaped_executed'])}")
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
