"""Page furniture by class, in text dumps and HTML pages: what must never reach the body, the title, the outlet
or the byline. Every page here is invented."""

from __future__ import annotations

from detente.clean import clean_document, extract_metadata
from detente.clean.articles import drop_other_articles
from detente.clean.lines import classify_lines, is_data_row, is_furniture, is_tag_list, is_teaser
from detente.clean.pagefacts import page_facts
from detente.records import RawDocument

P1 = ("Fisheries officials from the two island states met in the harbour town on Monday and agreed to share "
      "patrol data for the first time since the dispute began.")
P2 = "The agreement still needs the approval of both parliaments, which are expected to vote on it next month."
P3 = "Diplomats said a second round would take up the harder question of where the boundary runs."


def _dump(text: str, **hints):
    raw = RawDocument(source="a.txt", doc_name="a", text=text, kind="text", hints=hints)
    cleaned = clean_document(raw)
    return cleaned, extract_metadata(raw, cleaned)


def _page(html: str, url: str | None = None):
    raw = RawDocument(source="p.html", doc_name="p", text=html, kind="html", hints={"url": url} if url else {})
    cleaned = clean_document(raw)
    return cleaned, extract_metadata(raw, cleaned)


def test_widget_classes_are_furniture():
    for line in ("1:42", "0:31 / 4:05", "Duration 2:17", "Media playback is unsupported on your device",
                 "WATCH: Boats leave the harbour", "Home › World › Islands", "News > Oceans", "Sign In",
                 "Log in or register", "My Account", "Forgot your password?", "Welcome, Guest",
                 "Write to the desk at desk@harbour.example", "ilse.brandt@example.org"):
        assert is_furniture(line), line
    for line in ("Watch the boundary", "Welcome to the new fishing season", "Talks resumed at 10:30 on Monday.", P1):
        assert not is_furniture(line), line


def test_credit_lines_separators_and_agency_notes_leave_the_end_of_a_dump():
    for tail in ("Ilse Brandt contributed reporting from Portmere.",
                 "Ilse Brandt in Portmere and Tomas Reyes in Lisbon contributed.",
                 "SOURCE: Agencies", "(Reporting by Ilse Brandt; Editing by Tomas Reyes)",
                 "This article has been adapted from its original source.", "- - -", "_____"):
        cleaned, _ = _dump(f"Patrol data to be shared\n{P1}\n{P2}\n{P3}\n{tail}")
        assert cleaned.body.endswith(P3), tail


def test_media_player_breadcrumbs_and_account_widget_are_not_title_outlet_or_byline():
    text = f"Home › World › Islands\nSign In\nMy Account\n2:31 / 3:45\nPatrol data to be shared by both ports\n{P1}\n{P2}"
    _, meta = _dump(text)
    assert meta.title == "Patrol data to be shared by both ports"
    assert meta.outlet is None and meta.byline is None


def test_a_dateline_with_places_and_an_update_and_a_bare_updated_line_are_read():
    _, meta = _dump(f"Patrol data to be shared\nPORTMERE, Wessex | Updated: 05.03.2021, 15:45 GMT\n{P1}\n{P2}")
    assert meta.pub_date == "2021-03-05"
    _, meta = _dump(f"Patrol data to be shared\nUpdated:\nMarch 4th, 2021 at 9:05 p.m. ET\n{P1}\n{P2}")
    assert meta.pub_date == "2021-03-04"


def test_the_date_under_the_headline_beats_a_todays_banner_above_it():
    _, meta = _dump(f"Tuesday, June 8, 2021\nThe Harbour Ledger\nPatrol data to be shared\nMarch 4, 2021\n{P1}\n{P2}")
    assert meta.pub_date == "2021-03-04"


def test_site_suffix_leaves_a_dump_title_when_the_site_names_itself():
    _, meta = _dump(f"The Harbour Ledger\nPatrol data to be shared | The Harbour Ledger\n{P1}\n{P2}")
    assert meta.title == "Patrol data to be shared" and meta.outlet == "The Harbour Ledger"


def test_live_figures_go_but_scores_and_schedules_stay():
    assert is_data_row("Brent crude 63.21 -0.5%") and is_data_row("| NIKKEI | 28,051.41 | ▼ 1.2% |")
    assert not is_data_row("Portmere 14 11 6 15 — 44") and not is_data_row("2,500 boats")
    text = f"Patrol data to be shared\n{P1}\n| Index | Last | Change |\n| HARB | 1,051.41 | -1.2% |\n| PORT | 920.46 | +0.4% |\n{P2}"
    assert "|" not in _dump(text)[0].body
    results = f"Patrol data to be shared\n{P1}\n| Port | Boats |\n| Portmere | 14 |\n| Lisbon | 11 |\n{P2}"
    assert "| Portmere | 14 |" in _dump(results)[0].body


def test_teasers_and_keyword_lists_are_not_prose():
    assert is_teaser("The ministry has congratulated the people of the islands on the occa (...)")
    assert is_tag_list("fishing quotas, harbour news, island states, patrol boats, fisheries 2021")
    assert not is_tag_list("Boats came from Portmere, Lisbon, Vigo, Brest and Cork to join the patrol.")
    labels = [line.label for line in classify_lines(f"{P1}\nThe envoy praised the new patrol rules in a short (...)")]
    assert labels == ["paragraph", "furniture"]


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ports to share patrol data | The Harbour Ledger</title>
<meta property="og:title" content="Patrol data deal for ports">
<meta property="og:site_name" content="The Harbour Ledger - Portmere, Wessex">
<meta name="application-name" content="QuickSites Studio">
<meta name="author" content="www.quicksites.example | Ilse Webmaker">
<link rel="canonical" href="https://www.harbourledger.com/news/ports-patrol">
</head><body><header><span>Tuesday, (08 Jun 2021)</span><a href="/">Home</a><h1>The Harbour Ledger</h1></header>
<article><h1>Ports to share patrol data</h1><div class="meta"><span>By TOMAS REYES, Senior Harbour Writer</span>
<span>Published March 4th, 2021 - 07:29 GMT</span></div>
""" + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + """<p>Ilse Brandt contributed reporting from Lisbon.</p>
<p>- - -</p></article><footer><p>Site by QuickSites Studio</p></footer></body></html>"""


def test_html_metadata_from_the_displayed_page():
    cleaned, meta = _page(PAGE)
    assert meta.title == "Ports to share patrol data"  # the displayed h1, not og:title or the <title> with its suffix
    assert meta.outlet == "The Harbour Ledger"  # og:site_name without its town; not the developer's app name
    assert meta.byline == "Tomas Reyes"
    assert meta.pub_date == "2021-03-04" and "stated on the page" in meta.pub_date_basis  # not the today-banner
    assert cleaned.body.split("\n\n") == [P1, P2, P3]


def test_a_meta_author_the_page_never_shows_is_not_the_byline():
    page = PAGE.replace("<span>By TOMAS REYES, Senior Harbour Writer</span>", "")
    assert _page(page)[1].byline is None


def test_an_update_shown_alone_does_not_replace_the_declared_first_date():
    page = PAGE.replace("Published March 4th, 2021 - 07:29 GMT", "Updated March 6, 2021").replace(
        "</title>", '</title><meta property="article:published_time" content="2021-03-04T09:00:00+00:00">')
    assert _page(page)[1].pub_date == "2021-03-04"


def test_other_articles_on_the_page_are_dropped():
    other = "A new lighthouse keeper was appointed on the northern cape after a long search by the harbour board."
    html = (f"<html><body><article><h1>Ports to share patrol data</h1><p>{P1}</p><p>{P2}</p></article>"
            f"<article><h2>Lighthouse keeper named</h2><p>{other}</p></article></body></html>")
    text = "\n".join([P1, P2, other])
    assert drop_other_articles(page_facts(html).root, text, "Ports to share patrol data") == f"{P1}\n{P2}"
    assert drop_other_articles(page_facts(html).root, text, None) == f"{P1}\n{P2}"  # the one holding most text
