"""The HTML report: self-contained, offline, hostile text escaped, facts highlighted on their sentences,
background history placed at its own dates on the dyad timeline."""

from __future__ import annotations

import html
import re

import pytest

from detente.analysis.timeline import granularity, is_background, main_dyads, timeline
from detente.records import Article, Event, Quote
from detente.report.charts import period_start, script_json
from detente.report.highlight import segments


def _article(aid, pub="2023-12-13", **kw):
    return Article(id=aid, source=f"{aid}.txt", doc_name=aid, raw_hash=aid, body="x", pub_date=pub,
                   pub_date_range=[pub, pub], **kw)


def _event(eid, article, day, cluster=None, etype="CONSULT", source="CHN", target="VNM", status="happened"):
    return Event(id=eid, article_id=article, sentence_index=0, char_start=0, char_end=1, source=source, target=target,
                 type=etype, status=status, date_start=day, date_end=day, goldstein=1.0, cluster_id=cluster)


def test_background_history_sits_at_its_own_date_and_each_event_once():
    articles = {"a": _article("a"), "b": _article("b", pub="2023-12-14"), "copy": _article("copy", duplicate_of="a")}
    events = [
        _event("war", "a", "1979-02-17", "c-war", "ASSAULT"),
        _event("war2", "b", "1979-01-01", "c-war", "ASSAULT"),  # the same war recalled by another article
        _event("visit", "a", "2023-12-12", "c-visit"),
        _event("visit-copy", "copy", "2023-12-12", "c-visit"),
        _event("other", "a", "2023-12-12", "c-other", source="USA"),
    ]
    entries = timeline(events, articles, "VNM", "CHN")
    assert [t.event.type for t in entries] == ["ASSAULT", "CONSULT"] and entries[1].event.id == "visit"
    assert entries[0].background and sorted(entries[0].article_ids) == ["a", "b"] and entries[0].reports == 2
    assert not entries[1].background and entries[1].article_ids == ["a"]
    assert [t.event.id for t in timeline(events, articles, "USA")] == ["other"]


def test_background_needs_a_publication_date():
    assert not is_background(_event("e", "a", "1979-01-01"), _article("a", pub=None))
    assert is_background(_event("e", "a", "1979-01-01"), _article("a"))


def test_granularity_follows_the_news_span_not_history():
    articles = {"a": _article("a"), "old": _article("old", pub="2019-01-02")}
    news = [_event(str(i), "a", f"2023-{m:02d}-01") for i, m in enumerate((1, 6, 11))]
    assert granularity([*news, _event("war", "a", "1979-01-01")], articles) == "month"
    assert granularity([_event("x", "old", "2019-01-01"), *news], articles) == "quarter"
    assert granularity([], articles) == "year"


def test_main_dyads_are_state_pairs_ranked_by_distinct_events():
    events = [_event("1", "a", "2023-01-01", "c1"), _event("2", "b", "2023-01-01", "c1"), _event("3", "a", "2023-01-02", "c2"),
              _event("4", "a", "2023-01-01", "c3", source="USA"), _event("5", "a", "2023-01-01", "c4", source="org:apec")]
    assert main_dyads(events, excluded=set()) == [("CHN", "VNM"), ("USA", "VNM")]


def test_period_start_and_script_json():
    assert period_start("2023-Q4") == "2023-10-01" and period_start("1979") == "1979-01-01" and period_start("2023-12") == "2023-12-01"
    assert "<" not in script_json({"t": "</script><script>alert(1)</script>"})


def test_segments_cover_the_body_and_overlap_cleanly():
    body = "First sentence here. He said “quote spans two. Sentences here” then stopped."
    sentences = [(0, 0, 20), (1, 21, 47), (2, 48, len(body))]
    event = Event(id="e1", article_id="a", sentence_index=1, char_start=21, char_end=47, source="CHN", target="VNM", type="CONSULT")
    quote = Quote(id="q1", article_id="a", char_start=29, char_end=62, text=body[29:62], quote_type="direct", speaker="He")
    segs = segments(body, sentences, [event], [quote])
    assert "".join(s.text for s in segs) == body
    assert [s.sentence for s in segs if s.sentence is not None] == [0, 1, 2]
    both = [s for s in segs if s.events and s.quotes]
    assert both and both[0].text == body[29:47] and both[0].css == "ev qt"
    assert segments(body, sentences, [Event(id="bad", article_id="a", sentence_index=0, char_start=-5, char_end=10_000,
                                              source=None, target=None, type="AGREE")], [])[0].events == ["bad"]


@pytest.fixture(scope="module")
def report_html(examples_db, tmp_path_factory) -> str:
    from detente.report import write_report
    from detente.store import Store

    out = tmp_path_factory.mktemp("report") / "report.html"
    with Store(examples_db, readonly=True) as store:
        write_report(store, out)
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained(report_html):
    from plotly.offline import get_plotlyjs

    ours = report_html.replace(get_plotlyjs(), "")  # Plotly's own bundle holds credit links, never fetched
    assert len(ours) < len(report_html)  # the bundle is inlined
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", ours)  # nothing fetched from the network
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report_html).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert csp.count("'sha256-") == 2 and "Plotly" in report_html


def test_report_sections_and_highlights(report_html, examples_db):
    from detente.store import Store

    for section in ("overview", "dyads", "timeline", "quotes", "stories", "articles"):
        assert f'id="{section}"' in report_html
    assert 'data-chart="chart-1"' in report_html and 'id="dyad-RUS-UKR"' in report_html
    with Store(examples_db, readonly=True) as store:
        articles = store.articles()
        events = store.events()
        quotes = store.quotes()
    for a in articles:
        assert f'id="a-{a.id}"' in report_html
    for e in events:  # every event is highlighted and its fact row links to its sentence
        assert f'href="#a-{e.article_id}-s{e.sentence_index}"' in report_html
        assert f'id="a-{e.article_id}-s{e.sentence_index}"' in report_html
        assert re.search(rf'data-events="[^"]*{e.id}', report_html)
    assert all(re.search(rf'data-quotes="[^"]*{q.id}', report_html) for q in quotes)
    assert '<br><span class="tag">background</span>' in report_html  # a timeline row of history recalled (the legend says it too)
    assert "Removed page clutter" in report_html
    assert "rewrite of" in report_html  # the story map marks copies


def test_report_escapes_hostile_articles(examples_db, tmp_path):
    from detente.report import write_report
    from detente.store import Store
    from tests.test_web import PAYLOADS, hostile_store

    db, _ = hostile_store(examples_db, tmp_path)
    with Store(db, readonly=True) as store:
        page = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    for payload in PAYLOADS:
        assert payload not in page
    assert "&lt;script&gt;window.__xss=1" in page
    assert page.count("<script") == 2 + page.count('<script type="application/json"')  # Plotly, our init, chart data
