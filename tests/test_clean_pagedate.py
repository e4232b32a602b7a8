"""A page's declared publication stamp, read as the publisher's local day and reconciled with htmldate's day."""

from __future__ import annotations

from datetime import date

from detente.clean.pagedate import choose_page_day, declared_date, parse_stamp, publisher_zone, visible_days


def _page(head: str, body: str = "", lang: str = "en") -> str:
    return f"<html lang='{lang}'><head>{head}</head><body><article><p>{body}</p></article></body></html>"


LD_UTC = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-08-25T00:23:33Z"}</script>'


def test_utc_stamp_becomes_the_publishers_day_from_the_country_domain():
    found = declared_date(_page(LD_UTC), "https://news.example.ca/a/1")
    assert found is not None and found.day == date(2020, 8, 24)
    assert "America/Toronto" in found.basis


def test_zone_from_the_pages_other_stamps_before_the_country():
    html = _page(LD_UTC + '<meta property="article:modified_time" content="2020-08-25T09:00:00+09:00">')
    zone, how = publisher_zone(html, "https://news.example.ca/a/1")
    assert zone is not None and "other timestamps" in how
    assert declared_date(html, None).day == date(2020, 8, 25)


def test_a_stamp_with_its_offset_is_read_as_written_and_unknown_zones_stay_utc():
    html = _page('<meta property="article:published_time" content="2020-06-29T00:16:15+03:00">')
    assert declared_date(html, None).day == date(2020, 6, 29)
    assert declared_date(_page(LD_UTC, lang="de"), "https://example.com/x").day == date(2020, 8, 25)
    # an English page on a generic domain with no region is read in US Eastern time
    assert declared_date(_page(LD_UTC), "https://example.com/x").day == date(2020, 8, 24)
    assert parse_stamp("Tue, Sep 15 2020 10:01:41 EDT").date() == date(2020, 9, 15)
    assert parse_stamp("1588388069") is None


def test_visible_text_decides_between_the_stamp_and_htmldate():
    html = _page(LD_UTC, "Posted July 9, 2020 at 6:40 p.m. — more on 9 luglio 2020")
    assert visible_days(html)[date(2020, 7, 9)] == 2
    page = _page('<script type="application/ld+json">{"datePublished": "2020-07-09T10:04:04Z"}</script>',
                 "Published July 9, 2020")
    day, basis = choose_page_day(page, "https://example.com/2020/07/08/story.html", "2020-07-08")
    assert day == "2020-07-09" and "written on the page" in basis


def test_htmldate_stands_when_it_agrees_or_is_within_a_day_and_the_stamp_wins_beyond():
    page = _page('<script type="application/ld+json">{"datePublished": "Tue, Sep 15 2020 10:01:41 EDT"}</script>')
    assert choose_page_day(page, None, "2020-09-15")[0] == "2020-09-15"
    assert choose_page_day(page, None, "2020-09-16")[0] == "2020-09-16"
    assert choose_page_day(page, None, "2020-05-20")[0] == "2020-09-15"
    assert choose_page_day(_page(""), None, "2020-05-20") == ("2020-05-20", "htmldate")
    assert choose_page_day(_page(""), None, None) == (None, "htmldate")
