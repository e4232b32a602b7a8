"""The report's dyad picker and its precision rule in real Chromium (Debian's package, driven by Playwright), on a
report of examples/ (no ../shared needed), opened offline.

Without /usr/bin/chromium these tests skip, unless DETENTE_REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import os

import pytest

from tests.test_browser import ARGS, ARTIFACTS, CHROMIUM, _unavailable

YEAR_MS = 365 * 86_400_000


@pytest.fixture(scope="module")
def report_file(examples_db, tmp_path_factory):
    from detente.report import write_report
    from detente.store import Store

    with Store(examples_db, readonly=True) as store:
        return write_report(store, tmp_path_factory.mktemp("report") / "report.html", pairs=[("KOR", "PRK"), ("JPN", "USA")])


@pytest.fixture
def page(tmp_path):
    reason = _unavailable()
    if reason:
        if os.environ.get("DETENTE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"DETENTE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=str(CHROMIUM), args=ARGS,
                                                       headless=True, viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.errors = []
        tab.on("pageerror", lambda e: tab.errors.append(str(e)))
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        yield tab
        context.close()


def _visible(page, selector: str) -> bool:
    return page.locator(selector).is_visible()


def test_the_picker_shows_one_pair_at_a_time_and_draws_it_when_shown(page, report_file):
    page.goto(report_file.resolve().as_uri())
    page.wait_for_selector("#chart-1 svg.main-svg", timeout=30_000)
    options = page.locator("#dyad-picker option")
    assert options.count() == 2 and options.nth(0).get_attribute("value") == "dyad-KOR-PRK"
    assert _visible(page, "#dyad-KOR-PRK") and not _visible(page, "#dyad-JPN-USA")
    assert page.locator("#chart-2 svg.main-svg").count() == 0  # a hidden chart is drawn only when shown
    page.select_option("#dyad-picker", "dyad-JPN-USA")
    page.wait_for_selector("#chart-2 svg.main-svg", timeout=30_000)
    assert _visible(page, "#dyad-JPN-USA") and not _visible(page, "#dyad-KOR-PRK")
    assert page.locator("#chart-2 .barlayer .point").count() > 0
    assert page.evaluate("document.getElementById('chart-2').getBoundingClientRect().width") > 600  # drawn at full width
    page.screenshot(path=ARTIFACTS / "report-picker.png", full_page=False)
    page.goto(report_file.resolve().as_uri() + "#dyad-KOR-PRK")  # a link to a pair opens it
    page.wait_for_selector("#chart-1 svg.main-svg", timeout=30_000)
    assert page.input_value("#dyad-picker") == "dyad-KOR-PRK" and _visible(page, "#dyad-KOR-PRK")
    assert page.errors == []


def test_a_year_only_event_is_drawn_over_its_year_not_in_january(page, report_file):
    page.goto(report_file.resolve().as_uri())
    page.wait_for_selector("#chart-1 svg.main-svg", timeout=30_000)
    bars = page.evaluate("""() => document.getElementById('chart-1').data
        .filter(t => t.type === 'bar')
        .flatMap(t => t.x.map((x, i) => ({x, y: t.y[i], width: t.width[i], label: t.customdata[i]})))
        .filter(b => b.y !== 0)""")
    war = [b for b in bars if b["label"].startswith("1950")]
    assert war, "the Korean War, known only to its year, is in the chart"
    assert all("known only to the year" in b["label"] and not b["x"].startswith("1950-01") for b in war)
    assert all(b["width"] >= 0.8 * YEAR_MS for b in war)
    # on screen: the year's bar is wider than the bar of a single month's events
    widths = page.evaluate("""() => Array.from(document.querySelectorAll('#chart-1 .barlayer .point path'))
        .map(p => p.getBoundingClientRect().width).filter(w => w > 0)""")
    assert len(widths) >= 2 and max(widths) > 1.5 * min(widths) and min(widths) >= 3
    line = page.evaluate("() => document.getElementById('chart-1').data.find(t => t.name === 'Goldstein sum').x")
    assert not any(x.startswith("1950") for x in line)
    page.screenshot(path=ARTIFACTS / "report-precision.png", full_page=False)
    assert page.errors == []
