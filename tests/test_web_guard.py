"""The web app's guard: it answers only for its own host (no DNS rebinding), errors carry the security headers,
and over-long or unusable input is an answer, not a 500.

The rebinding case runs in real Chromium too: a foreign name resolved to 127.0.0.1 (as a rebound DNS record
would) must get no page; without Chromium that test skips (fails when DETENTE_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")
CHROMIUM = Path(os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    from detente.corpus import ingest
    from detente.store import Store

    path = tmp_path_factory.mktemp("guard") / "guard.db"
    with Store(path) as store:
        ingest(store, sorted(EXAMPLES.glob("*.txt"))[:3])
    return path


def _client(db: Path, **kw):
    from fastapi.testclient import TestClient

    from detente.web import create_app

    return TestClient(create_app(db, **{k: v for k, v in kw.items() if k == "hosts"}), base_url="http://127.0.0.1:8000",
                      raise_server_exceptions=False)


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example",
                                  "localhost.attacker.example:8000"])
def test_a_foreign_host_header_is_refused_with_the_headers(db, host):
    with _client(db) as client:
        response = client.get("/", headers={"Host": host})
    assert response.status_code == 400 and "Détente" not in response.text
    assert all(h in response.headers for h in SECURITY)


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "app.localhost", "192.168.1.20:8000"])
def test_its_own_addresses_are_served(db, host):
    with _client(db) as client:
        assert client.get("/", headers={"Host": host}).status_code == 200


def test_a_name_given_to_serve_is_served(db):
    with _client(db, hosts=["news.lan"]) as client:
        assert client.get("/", headers={"Host": "news.lan:8000"}).status_code == 200
        assert client.get("/", headers={"Host": "other.lan:8000"}).status_code == 400


def test_an_over_long_speaker_is_an_answer_not_a_500(db):
    with _client(db) as client:
        response = client.get("/quotes", params={"speaker": "x" * 50_001})
    assert response.status_code == 200 and "at most 500" in response.text
    assert all(h in response.headers for h in SECURITY)


def test_a_server_error_carries_the_security_headers(db, tmp_path):
    broken = tmp_path / "broken.db"
    conn = sqlite3.connect(db)
    conn.execute("VACUUM INTO ?", (str(broken),))
    conn.close()
    with _client(broken) as client:
        assert client.get("/quotes").status_code == 200
        conn = sqlite3.connect(broken)
        conn.execute("DROP TABLE quotes_fts")
        conn.execute("DROP TABLE quotes")
        conn.commit()
        conn.close()
        response = client.get("/quotes")
    assert response.status_code == 500 and "Traceback" not in response.text
    assert all(h in response.headers for h in SECURITY)


def test_a_database_that_is_not_sqlite_is_a_503_naming_it(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100, encoding="utf-8")
    with _client(notes) as client:
        response = client.get("/")
    assert response.status_code == 503 and "not an SQLite file" in response.text
    assert all(h in response.headers for h in SECURITY)


def test_dns_rebinding_gets_no_page_in_chromium(db):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.exists():
        if os.environ.get("DETENTE_REQUIRE_BROWSER") == "1":
            pytest.fail("DETENTE_REQUIRE_BROWSER=1 but Chromium or playwright is missing")
        pytest.skip("Chromium (or playwright) not available")
    import uvicorn

    from detente.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--host-resolver-rules=MAP rebound.attacker.example 127.0.0.1"])  # the rebound DNS answer
            page = browser.new_page()
            rebound = page.goto(f"http://rebound.attacker.example:{port}/")
            rebound_text = page.content()
            direct = page.goto(f"http://127.0.0.1:{port}/")
            direct_text = page.content()
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
    assert rebound.status == 400 and "Détente" not in rebound_text
    assert direct.status == 200 and "Détente" in direct_text
