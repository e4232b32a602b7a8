"""The site as it names itself, checked against the page's host; the site's name taken off a headline."""

from __future__ import annotations

from detente.clean.sitename import host_label, names_host, self_name, strip_site_suffix, tidy_name


def test_host_label_skips_generic_and_second_level_labels():
    assert host_label("https://www.harbourledger.com/a/1") == "harbourledger"
    assert host_label("https://news.bbcx.co.uk/a") == "bbcx"
    assert host_label(None) is None


def test_a_name_spells_its_host_whole_by_initials_or_by_prefix():
    assert names_host("The Harbour Ledger", "harbourledger")
    assert names_host("North York Times", "nytimes")  # initials then a whole word
    assert names_host("Tasman Chronicle", "tchron")  # an initial and a prefix
    assert names_host("The Quillfield Inquirer", "inquirer")  # words may be skipped
    assert not names_host("QuickSites Studio", "harbourledger")


def test_self_name_skips_urls_developers_and_place_tails():
    url = "https://www.harbourledger.com/news/1"
    assert self_name(["https://www.harbourledger.com", "Harbour Ledger, LLC"], url) == "Harbour Ledger"
    assert self_name(["QuickSites Studio", "Harbour Ledger"], url) == "Harbour Ledger"  # the web developer's app
    assert self_name(["Harbour Ledger - Portmere, Wessex"], url) == "Harbour Ledger"
    assert self_name(["Harbour Ledger - Portmere, Wessex"], None) == "Harbour Ledger"
    assert tidy_name(" The Harbour Ledger, ") == "The Harbour Ledger"


def test_site_suffix_and_section_come_off_the_headline():
    url = "https://www.harbourledger.com/news/1"
    assert strip_site_suffix("Ferry talks stall again | Harbour Ledger", None, url) == "Ferry talks stall again"
    assert strip_site_suffix("Ferry talks stall again - World News - Harbour Ledger - Portmere, WS", None, url) == (
        "Ferry talks stall again")
    assert strip_site_suffix("Ferry talks - what comes next", None, url) == "Ferry talks - what comes next"
    assert strip_site_suffix("Ferry talks stall | harbourledger.com", None, None) == "Ferry talks stall"
    assert strip_site_suffix("Ferry talks stall — The Ledger", "The Ledger", None) == "Ferry talks stall"
