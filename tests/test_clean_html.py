"""HTML: trafilatura plus the light line pass (the article-extraction benchmark's floor: bench/tests/test_peer_boilerplate.py)."""

from __future__ import annotations

from detente.clean import clean_document, extract_metadata
from detente.clean.html import choose_text, clean_extracted, figure_captions, page_date
from detente.records import RawDocument

PARAS = [
    "Delegations from the two neighbours met in the capital on Monday and agreed to reopen three border "
    "crossings closed during last year's dispute over fishing rights.",
    "The ministers said the coast guards of both countries would set up a hotline, and that the next round "
    "of talks would follow within a month if the crossings stayed open.",
    "Analysts said the deal was modest but showed that both governments wanted calm before the summit.",
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Neighbours reopen border crossings | Harbour Times</title>
<meta property="og:title" content="Neighbours reopen border crossings">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Lena Ostrova">
<meta property="article:published_time" content="2024-03-04T08:00:00+01:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Neighbours reopen border crossings</h1><p class="byline">By Lena Ostrova</p>
<figure><img src="a.jpg"><figcaption>Ministers shake hands, March 4, 2024. Photo: Handout</figcaption></figure>
{"".join(f"<p>{p}</p>" for p in PARAS)}
<p>Follow us on Twitter for more.</p></article>
<footer><p>© 2024 Harbour Times. All rights reserved.</p></footer></body></html>"""


def _html(text: str, url: str | None = None):
    raw = RawDocument(source="p.html", doc_name="p", text=text, kind="html", hints={"url": url} if url else {})
    cleaned = clean_document(raw)
    return cleaned, extract_metadata(raw, cleaned)


def test_page_body_metadata_and_captions():
    cleaned, meta = _html(PAGE)
    assert cleaned.body.split("\n\n") == PARAS  # no headline repeated, no sign-off prompt
    assert meta.title == "Neighbours reopen border crossings"
    assert meta.outlet == "Harbour Times" and meta.byline == "Lena Ostrova"
    assert meta.pub_date == "2024-03-04" and meta.pub_date_basis.startswith("metadata")
    assert cleaned.captions == ["Ministers shake hands, March 4, 2024. Photo: Handout"]


def test_page_without_a_date_gets_none():
    undated = PAGE.replace('<meta property="article:published_time" content="2024-03-04T08:00:00+01:00">', "")
    undated = undated.replace(", March 4, 2024", "").replace("© 2024 ", "© ")
    assert page_date(undated, None) is None


def test_a_padded_year_is_not_a_day():
    assert page_date("<html><body><p>© 2019 Site</p><p>Some text here</p></body></html>", None) is None


def test_extracted_pass_keeps_interior_dated_lines_and_repeats():
    tweet = "— The Senate (@Senate) October 9, 2018"
    question = "What inspired you to start?"
    text = "\n".join([PARAS[0], question, PARAS[1], tweet, question, PARAS[2], "Write to Lena Ostrova at lena@example.org"])
    body = clean_extracted(text, title="Something else").body.split("\n\n")
    assert tweet in body and body.count(question) == 2
    assert body[-1] == PARAS[2]


def test_precision_mode_is_taken_unless_it_loses_the_article():
    default = " ".join(["word"] * 100)
    assert choose_text(default, " ".join(["word"] * 60)).count("word") == 60
    assert choose_text(default, " ".join(["word"] * 20)) == default
    assert choose_text(default, "") == default


def test_figure_captions_are_unescaped_and_deduplicated():
    html = "<figcaption>Leaders &amp; aides <b>meet</b></figcaption><figcaption>Leaders &amp; aides meet</figcaption>"
    assert figure_captions(html) == ["Leaders & aides meet"]


def test_precision_text_chosen_when_the_default_carries_the_article_twice():
    article = "\n".join(PARAS)
    default = "\n".join(["Related: ten things to know today", *PARAS, "2024-03-04T08:00:00+01:00", *PARAS, *PARAS])
    assert choose_text(default, article) == article
    assert choose_text(default, PARAS[0]) == default  # a third of the article is a loss, not a trim
