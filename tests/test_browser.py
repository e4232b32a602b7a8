"""Real Chromium (Debian's package, driven by Playwright) over the web app and the report.

The app runs under uvicorn on 127.0.0.1 over the sample corpus plus one hostile article;
no script from an article may run (its payloads would set window.__xss or open
a dialog). The report opens with every network request aborted and still draws
its charts. Screenshots go to test-artifacts/.

Without /usr/bin/chromium these tests skip, unless DETENTE_REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    reason = _unavailable()
    if reason:
        if os.environ.get("DETENTE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"DETENTE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    """A fresh tab that records dialogs (an alert() from a payload) and page errors."""
    tab = browser_context.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def hostile(examples_db, tmp_path_factory):
    from tests.test_web import hostile_store

    return hostile_store(examples_db, tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def server(hostile, browser_context):
    import uvicorn

    from detente.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(hostile[0]), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def _no_script_ran(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []


def test_search_then_article_with_highlighted_facts(page, server):
    page.goto(server + "/")
    page.screenshot(path=ARTIFACTS / "web-overview.png", full_page=True)
    page.fill("nav input[name=q]", "Galwan")
    page.click("nav button")
    page.wait_for_url("**/search?q=Galwan")
    assert page.locator("ul.hits mark").first.inner_text() == "Galwan"
    page.screenshot(path=ARTIFACTS / "web-search.png", full_page=True)
    page.locator("ul.hits a").first.click()
    page.wait_for_url("**/article/*")
    events, quotes = page.locator(".body .ev"), page.locator(".body .qt")
    assert events.count() > 0 and quotes.count() > 0
    assert events.first.is_visible() and events.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    link = page.locator("table.facts a[href*='#s']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert page.evaluate("location.hash") == "#" + target
    assert page.locator(f"#{target} + span").first.get_attribute("class") in ("ev", "qt", "ev qt")
    page.screenshot(path=ARTIFACTS / "web-article.png", full_page=False)
    assert page.errors == []


def test_dyad_chart_renders(page, server):
    page.goto(server + "/dyad/RUS/UKR")
    page.wait_for_selector("#chart-dyad svg.main-svg", timeout=20_000)
    assert page.locator("#chart-dyad .barlayer .point").count() > 0  # bars drawn
    assert page.locator("#chart-dyad .scatterlayer .trace").count() >= 1  # the Goldstein line
    page.screenshot(path=ARTIFACTS / "web-dyad.png", full_page=False)
    page.goto(server + "/stories")
    page.screenshot(path=ARTIFACTS / "web-stories.png", full_page=True)
    assert page.errors == []


def test_stored_xss_never_runs(page, server, hostile):
    _, article_id = hostile
    for path in ("/", f"/article/{article_id}", "/articles", "/articles?q=pact", "/search?q=pressure", "/search?q=agreement",
                 "/quotes", "/quotes?speaker=Bui", "/events?dyad=CHN-VNM", "/stories", "/dyad/CHN/VNM", "/actor/VNM"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        _no_script_ran(page)
    page.goto(server + f"/article/{article_id}")
    assert "<script>window.__xss=1" in page.locator("h1").inner_text()  # shown as text, not run
    page.screenshot(path=ARTIFACTS / "web-hostile-article.png", full_page=True)


def test_report_offline_draws_charts_and_runs_no_payload(page, hostile, tmp_path):
    from detente.report import write_report
    from detente.store import Store

    with Store(hostile[0], readonly=True) as store:
        out = write_report(store, tmp_path / "report.html")
    blocked: list[str] = []

    def refuse(route):
        if route.request.url.startswith("file:"):
            return route.continue_()
        blocked.append(route.request.url)
        return route.abort()

    page.route("**/*", refuse)
    page.goto(out.resolve().as_uri())
    page.wait_for_selector(".chart svg.main-svg", timeout=30_000)
    assert page.locator(".chart .barlayer .point").count() > 0
    _no_script_ran(page)
    page.locator("details[id^=a-] > summary").last.click()
    _no_script_ran(page)
    assert blocked == [] and page.errors == []
    page.screenshot(path=ARTIFACTS / "report.png", full_page=False)
