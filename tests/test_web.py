"""The web app over a real store: every page answers with a CSP, hostile article text comes back escaped,
SQL and FTS5 metacharacters are searched for (not obeyed), and nothing outside the static folder is served."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from markupsafe import escape

HOSTILE_TEXT = """Vietnam <script>window.__xss=1;alert(1)</script> and China sign pact

Hanoi, March 3, 2024 (Hostile Wire) - Vietnam and China signed a border trade agreement in Hanoi on Tuesday, officials said. <img src=x onerror="window.__xss=2;alert(2)"> The deal follows talks between the two foreign ministers.

"We will never accept <script>window.__xss=4</script> pressure," Vietnamese Foreign Minister Bui Thanh Son said in a statement.

China's foreign ministry spokesperson Mao Ning said Beijing welcomed the agreement <iframe src="javascript:window.__xss=5"></iframe> and would deepen cooperation with Hanoi.
"""
HOSTILE_NAME = 'evil"><svg onload=window.__xss=3>'
PAYLOADS = ("<script>window.__xss", "<img src=x", "<iframe src=", "<svg onload")


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a session store (SQLite's backup API: consistent even in WAL mode)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def hostile_store(base: Path, folder: Path) -> tuple[Path, str]:
    """``base`` plus one article whose title, body, quotes and file name carry script payloads; returns (db, article id)."""
    from detente.corpus import ingest
    from detente.store import Store

    db = copy_store(base, folder / "hostile.db")
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / f"{HOSTILE_NAME}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    with Store(db) as store:
        report = ingest(store, [inputs])
        assert not report.errors, report.errors
        (article,) = store.articles("WHERE doc_name = ?", (HOSTILE_NAME,))
    assert "<script>" in article.body and "onerror=" in article.body  # the payload really is stored
    return db, article.id


@pytest.fixture(scope="module")
def hostile(examples_db, tmp_path_factory) -> tuple[Path, str]:
    return hostile_store(examples_db, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(hostile):
    from fastapi.testclient import TestClient

    from detente.web import create_app

    with TestClient(create_app(hostile[0]), base_url="http://127.0.0.1") as c:
        yield c


PAGES = ["/", "/articles", "/events", "/quotes", "/stories", "/search?q=China", "/dyad/CHN/VNM", "/dyad/CHN/VNM?by=month",
         "/actor/CHN", "/articles?dyad=CHN-VNM&type=AGREE&status=happened", "/quotes?speaker=Albanese"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_with_security_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_article_page_shows_each_fact_on_its_sentence(client, examples_db):
    from detente.store import Store

    with Store(examples_db, readonly=True) as store:
        event = store.events()[0]
    html = client.get(f"/article/{event.article_id}").text
    assert f'id="s{event.sentence_index}"' in html  # the sentence anchor
    assert f'href="/article/{event.article_id}#s{event.sentence_index}"' in html  # the fact links to it
    assert re.search(rf'class="ev[^"]*"[^>]*data-events="[^"]*{event.id}', html)


def test_rewrite_page_shows_its_evidence_and_aligned_sentences(client, examples_db):
    from detente.store import Store

    with Store(examples_db, readonly=True) as store:
        rewrites = store.articles("WHERE derivative_of IS NOT NULL")
        assert rewrites, "examples/ holds one content-farm rewrite"
        evidence = store.link_evidence(rewrites[0].id)
    assert evidence and evidence["aligned"]
    html = client.get(f"/article/{rewrites[0].id}").text
    assert "Why this is a rewrite of" in html
    pair = evidence["aligned"][0]
    assert html.count("<tr><td>") >= len(evidence["aligned"])
    assert str(escape(pair["original_text"])) in html


@pytest.mark.parametrize("url", ["/", "/articles", "/quotes", "/search?q=pressure", "/search?q=agreement", "/stories", "/events",
                                 "/dyad/CHN/VNM", "/articles?q=Hanoi"])
def test_hostile_text_is_escaped_everywhere(client, hostile, url):
    html = client.get(url).text
    for payload in PAYLOADS:
        assert payload not in html, (url, payload)


def test_hostile_article_page_escapes_body_title_quotes_and_name(client, hostile):
    html = client.get(f"/article/{hostile[1]}").text
    for payload in PAYLOADS:
        assert payload not in html
    assert "&lt;script&gt;window.__xss=1" in html and "&lt;img src=x onerror=" in html
    assert html.count("<script") == 1  # only our own /static/app.js


@pytest.mark.parametrize("query", ["'; DROP TABLE articles; --", '"unbalanced', "NEAR(a b", "China OR", "*", "a AND",
                                   "title:evil", "%_\\", "\x00", "' OR 1=1 --", "(((", "^x", "-"])
def test_search_and_filters_take_metacharacters_literally(client, hostile, query):
    for url, params in [("/search", {"q": query}), ("/articles", {"q": query, "dyad": query, "type": query, "status": query,
                                                                    "speaker": query}),
                        ("/events", {"dyad": query, "type": query, "status": query}), ("/quotes", {"q": query, "speaker": query})]:
        assert client.get(url, params=params).status_code == 200, (url, query)
    with sqlite3.connect(hostile[0]) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 14


def test_like_wildcards_are_literal(client):
    assert "Albanese" not in client.get("/quotes", params={"speaker": "%"}).text.split("</form>")[1]
    assert "Albanese" in client.get("/quotes", params={"speaker": "Albanese"}).text


def test_fts_search_finds_words(client):
    html = client.get("/search", params={"q": "Galwan"}).text
    assert "<mark>Galwan</mark>" in html


@pytest.mark.parametrize("path", ["/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/..%5c..%5cetc%5cpasswd", "/static//etc/passwd", "/static/../web/app.py",
                                  "/static/%2e%2e/app.py"])
def test_nothing_outside_the_static_folder_is_served(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert "root:" not in response.text and "create_app" not in response.text


def test_static_files_are_served(client):
    response = client.get("/static/app.js")
    assert response.status_code == 200 and "Plotly.newPlot" in response.text
    assert client.get("/assets/plotly.js").status_code == 200


def test_unknown_article_and_actor_are_404(client):
    assert client.get("/article/nope").status_code == 404
    assert client.get("/actor/%3Cscript%3E").status_code == 404
    assert "<script>" not in client.get("/dyad/%3Cscript%3E/VNM").text


def test_readers_do_not_block_a_writer(tmp_path, examples_db):
    from fastapi.testclient import TestClient

    from detente.store import Store
    from detente.web import create_app

    db = copy_store(examples_db, tmp_path / "busy.db")
    with Store(db) as writer, TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("UPDATE articles SET title = 'being rewritten' WHERE rowid = 1")
        assert c.get("/articles").status_code == 200  # WAL: the read-only reader sees the last commit
        writer.conn.rollback()


def test_missing_database_is_a_clear_error(tmp_path):
    from fastapi.testclient import TestClient

    from detente.web import create_app

    with TestClient(create_app(tmp_path / "none.db"), base_url="http://127.0.0.1") as c:
        response = c.get("/")
    assert response.status_code == 503 and "detente ingest" in response.text


@pytest.mark.parametrize("raw", ["/static/../../../../etc/passwd", "/static/../app.py", "/static/..%2f..%2fetc%2fpasswd",
                                 "/static/./../../cli.py"])
def test_raw_traversal_paths_are_refused(hostile, raw):
    """The path as a client could send it, unnormalized (HTTP clients would clean up the dots)."""
    import anyio

    from detente.web import create_app

    app, sent = create_app(hostile[0]), []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": raw, "raw_path": raw.encode(), "query_string": b"", "headers": [], "client": ("127.0.0.1", 9),
             "server": ("127.0.0.1", 80), "root_path": ""}
    anyio.run(app, scope, receive, send)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert sent[0]["status"] in (400, 404) and b"root:" not in body and b"import" not in body


def test_serve_binds_loopback_unless_told_otherwise(monkeypatch, examples_db):
    import uvicorn
    from typer.testing import CliRunner

    from detente.cli import app

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append(kw))
    runner = CliRunner()
    assert runner.invoke(app, ["serve", "--db", str(examples_db)]).exit_code == 0
    assert calls[-1]["host"] == "127.0.0.1"
    shared = runner.invoke(app, ["serve", "--db", str(examples_db), "--host", "0.0.0.0"])
    assert calls[-1]["host"] == "0.0.0.0" and "anyone who can reach" in shared.output


def test_a_bad_filter_says_what_is_wrong_instead_of_an_empty_table(client):
    html = client.get("/events", params={"dyad": "CHN", "status": "happened"}).text
    assert 'class="error"' in html and "CHN-VNM" in html and "No events match." in html
    html = client.get("/events", params={"status": "done"}).text
    assert "happened, planned, refused, hypothetical, denied" in html
    good = client.get("/events", params={"dyad": "China/Vietnam"}).text
    assert 'class="error"' not in good and "Showing 1–" in good


def test_the_dyad_picker_takes_a_pair_however_written(client):
    response = client.get("/dyad", params={"dyad": "Vietnam, China"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dyad/VNM/CHN"
    assert client.get("/dyad", params={"dyad": "CHN"}).status_code == 422
    html = client.get("/dyad/CHN/VNM").text
    assert 'id="dyad-choice"' in html and re.search(r'<option value="CHN-VNM" selected>', html)
