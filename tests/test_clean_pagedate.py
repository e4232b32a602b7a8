"""A page's declared publication stamp, read as the publisher's local day and reconciled with htmldate's day."""

from __future__ import annotations

from datetime import date

from detente.clean.html import clean_html
from detente.clean.pagedate import (
    choose_page_day,
    declared_date,
    parse_stamp,
    publisher_zone,
    revision_day,
    url_stated_day,
    visible_days,
)


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
    page = _page(
        '<script type="application/ld+json">{"datePublished": "2020-07-09T10:04:04Z"}</script>',
        "Published July 9, 2020",
    )
    day, basis = choose_page_day(page, "https://example.com/2020/07/08/story.html", "2020-07-08")
    assert day == "2020-07-09" and "written on the page" in basis


def test_htmldate_stands_when_it_agrees_or_is_within_a_day_and_the_stamp_wins_beyond():
    page = _page('<script type="application/ld+json">{"datePublished": "Tue, Sep 15 2020 10:01:41 EDT"}</script>')
    assert choose_page_day(page, None, "2020-09-15")[0] == "2020-09-15"
    assert choose_page_day(page, None, "2020-09-16")[0] == "2020-09-16"
    assert choose_page_day(page, None, "2020-05-20")[0] == "2020-09-15"
    assert choose_page_day(_page(""), None, "2020-05-20") == ("2020-05-20", "htmldate")
    assert choose_page_day(_page(""), None, None) == (None, "htmldate")


def test_a_post_url_states_its_own_creation_day():
    # 1636147765048369728 >> 22 ms after the 2010-11-04 epoch is 2023-03-15 23:30 UTC
    day, basis = url_stated_day("https://twitter.com/SomeAgency/status/1636147765048369728/photo/1")
    assert day == date(2023, 3, 15) and "post ID" in basis
    assert url_stated_day("https://x.com/someone/status/1636147765048369728")[0] == date(2023, 3, 15)
    assert url_stated_day("https://example.com/status/1636147765048369728") is None
    assert url_stated_day("https://twitter.com/someone") is None


def test_a_wiki_revision_view_is_dated_by_the_revision_it_shows():
    ld = (
        '<script type="application/ld+json">{"@type": "Article", "datePublished": "2005-07-26T16:22:26-07:00",'
        ' "dateModified": "2020-04-07T12:33:32-07:00"}</script>'
    )
    url = "https://wiki.example.org/index.php?title=Some_Page&diff=591343&oldid=588001"
    assert revision_day(_page(ld), url)[0] == date(2020, 4, 7)
    # the article itself (no revision asked for) keeps its creation date
    assert revision_day(_page(ld), "https://wiki.example.org/index.php?title=Some_Page") is None


def test_the_url_stated_day_outranks_the_page_frame():
    frame = _page(
        '<meta property="article:published_time" content="2020-08-03T10:00:00+00:00">', "Posted August 3, 2020"
    )
    cleaned = clean_html(
        frame.replace("<p>", "<p>A long enough paragraph of the post itself. " * 3 + " "),
        "https://twitter.com/SomeAgency/status/1636147765048369728",
    )
    assert cleaned.metadata.get("date") == "2023-03-15"
