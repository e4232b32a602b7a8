"""Metadata: outlet from page cues, byline vs contributors, stated publication dates from hints and datelines."""

from __future__ import annotations

import json

from detente.clean import clean_document, extract_metadata
from detente.clean.metadata import parse_date
from detente.ingest import iter_documents
from detente.records import RawDocument

PARA = (
    "Officials from the two countries met in the capital on Monday to discuss the disputed border and agreed "
    "to hold a second round of talks next month, according to a statement."
)
PARA_2 = "The statement did not say where the next round would be held or who would lead the delegations."


def _meta(text: str, **hints):
    raw = RawDocument(source="a.txt", doc_name="a", text=text, kind="text", hints=hints)
    return extract_metadata(raw, clean_document(raw))


def test_jsonl_fields_are_exact_metadata(tmp_path):
    line = {"id": "w1", "text": f"{PARA}\n{PARA_2}", "date": "2024-03-04T22:15:00Z", "outlet": "VOA News",
            "title": "Border talks", "url": "https://example.org/a"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [raw] = list(iter_documents([path]))
    meta = extract_metadata(raw, clean_document(raw))
    assert meta.pub_date == "2024-03-04" and meta.pub_date_basis.startswith("metadata")
    assert meta.outlet == "VOA News" and meta.title == "Border talks" and meta.url == "https://example.org/a"


def test_dateline_before_the_body_is_a_stated_date():
    meta = _meta(f"Border talks resume\nNov. 24, 2017 | | 0 comments\n{PARA}\n{PARA_2}")
    assert meta.pub_date == "2017-11-24" and meta.pub_date_basis.startswith("stated")


def test_dotted_dates_are_day_first():
    assert parse_date("Published 04.03.2024 09:15").isoformat() == "2024-03-04"
    assert parse_date("no date here") is None


def test_relative_words_are_not_a_stated_date():
    for value in ("yesterday", "2 days ago", "today"):
        assert parse_date(value) is None, value
        assert _meta(f"Border talks resume\n{PARA}\n{PARA_2}", date=value).pub_date is None


def test_no_stated_date_gives_none():
    assert _meta(f"Border talks resume\n{PARA}\n{PARA_2}").pub_date is None


def test_outlet_from_trust_cue_domain_and_self_reference():
    assert _meta(f"Border talks resume\n{PARA}\n{PARA_2}\nWhy you can trust SCMP").outlet == "South China Morning Post"
    assert _meta(f"Border talks resume\n{PARA}\n{PARA_2}", url="https://www.voanews.com/a/123").outlet == "Voice of America"
    body = f"{PARA}\nThe ministry did not respond when VOA reached out for comment.\nAn aide told VOA the talks went well."
    assert _meta(body).outlet == "Voice of America"


def test_an_outlet_name_in_lower_case_is_ordinary_prose():
    body = (f"{PARA}\nThe envoy told the Australian government it would be consulted.\n"
            "He later spoke to the Australian delegation in private.")
    assert _meta(body).outlet is None
    assert _meta(body.replace("told the Australian government", "told The Australian")
                 .replace("spoke to the Australian delegation", "spoke to The Australian")).outlet == "The Australian"


def test_self_reference_counts_each_mention_once_under_its_longest_name():
    # "VOA News" is one self-reference, not two (the table knows both "VOA" and "VOA News")
    once = f"{PARA}\nAn aide told VOA News the talks went well."
    assert _meta(once).outlet is None
    twice = once + "\nIn an email to VOA News, the ministry said it would comment later."
    assert _meta(twice).outlet == "Voice of America"
    # "to VOA" inside "into VOA..." is not a cue followed by a name the table knows
    assert _meta(f"{PARA}\nHe looked into VOAX files.\nShe spoke to VOAX staff.").outlet is None


def test_cited_agency_and_photo_credit_are_not_the_outlet():
    text = f"Border talks resume\nPhoto Credit: Sputnik\n{PARA}\nThe agency Reuters reported the meeting first.\n{PARA_2}"
    assert _meta(text).outlet is None


def test_byline_forms_and_contributors():
    assert _meta(f"Border talks resume\nBy Lena Ostrova and Karl Brandt | Reuters\n{PARA}\n{PARA_2}").byline == "Lena Ostrova and Karl Brandt"
    assert _meta(f"Border talks resume\nMarek Halloran, Europe correspondent\n{PARA}\n{PARA_2}").byline == "Marek Halloran"
    # REAL-DEV.md 3: with no person in the byline, a wire story's "Reporting by" credit names its author
    meta = _meta(f"Border talks resume\n{PARA}\n{PARA_2}\nReporting by Karl Brandt; Editing by Ana Ruiz")
    assert meta.byline == "Karl Brandt" and meta.contributors == ["Reporting by Karl Brandt; Editing by Ana Ruiz"]
    assert _meta(f"Border talks resume\n{PARA}\n{PARA_2}\nAdditional reporting by Karl Brandt").byline is None


def test_language_is_english_or_unknown():
    assert _meta(f"{PARA}\n{PARA_2}").language == "en"


def test_outlet_from_a_wire_dateline_with_two_cities():
    body = f"Border talks resume\nNEW DELHI/ISLAMABAD (Reuters) - {PARA}\n{PARA_2}"
    assert _meta(body).outlet == "Reuters"
