"""Text dumps: the line classifier keeps the article and sets aside furniture, captions, standfirsts, bios."""

from __future__ import annotations

import json

import pytest

from detente.clean import clean_document, extract_metadata
from detente.clean.lines import classify_lines, clean_text, is_bio, is_caption
from detente.eval.normalize import norm
from detente.ingest import iter_documents
from detente.records import RawDocument

from .conftest import EXAMPLES, EXAMPLES_GOLD, SEEDS, SEEDS_GOLD

PARA_1 = (
    "Foreign ministers of the two neighbours met in the border city on Monday and agreed to reopen three "
    "crossings that were closed during last year's dispute over fishing rights."
)
PARA_2 = (
    "The talks, the first at ministerial level in eighteen months, ended with a joint statement that promised "
    "regular consultations and a hotline between the coast guards of both countries."
)
PARA_3 = (
    "Analysts said the agreement was modest but showed that both governments wanted to lower tensions before "
    "the regional summit, which opens in the capital next month."
)

DUMP = "\n".join(
    [
        "THE HARBOUR TIMES",
        "Menu",
        "Neighbours agree to reopen border crossings after talks",
        "• Ministers promise regular consultations and a coast guard hotline",
        "• First ministerial meeting in eighteen months",
        "By Lena Ostrova",
        "March 4, 2024 | 3 comments",
        "Advertisement",
        PARA_1,
        "The two foreign ministers shake hands in the border city on Monday. Photo: Handout",
        "Share on Facebook",
        PARA_2,
        "Select Voice",
        "1.25x",
        PARA_3,
        "Karl Brandt contributed to this report.",
        "Related stories",
        "Fishing dispute flares again",
        "Coffee lover. Travel nerd. Music buff.",
        "© 2024 Harbour Times Media Group. All rights reserved.",
    ]
)


def _clean(text: str):
    raw = RawDocument(source="dump.txt", doc_name="dump", text=text, kind="text")
    cleaned = clean_document(raw)
    return cleaned, extract_metadata(raw, cleaned)


def test_body_is_the_paragraphs_without_widgets():
    cleaned, _ = _clean(DUMP)
    assert cleaned.body.split("\n\n") == [PARA_1, PARA_2, PARA_3]


def test_standfirst_bullets_go_to_summary_and_captions_aside():
    cleaned, _ = _clean(DUMP)
    assert cleaned.summary == [
        "Ministers promise regular consultations and a coast guard hotline",
        "First ministerial meeting in eighteen months",
    ]
    assert cleaned.captions == ["The two foreign ministers shake hands in the border city on Monday. Photo: Handout"]


def test_title_byline_outlet_date_and_contributor():
    _, meta = _clean(DUMP)
    assert meta.title == "Neighbours agree to reopen border crossings after talks"
    assert meta.byline == "Lena Ostrova"
    assert meta.outlet == "Harbour Times"
    assert meta.pub_date == "2024-03-04" and meta.pub_date_basis.startswith("stated")
    assert meta.contributors == ["Karl Brandt contributed to this report."]


def test_contributor_line_is_never_the_byline():
    text = "\n".join(["Ports reopen after talks", "Karl Brandt contributed to this report.", PARA_1, PARA_2])
    _, meta = _clean(text)
    assert meta.byline is None


def test_photo_credit_is_not_the_outlet():
    text = "\n".join(["Ports reopen after talks", "Photo Credit: Sputnik", PARA_1, PARA_2])
    cleaned, meta = _clean(text)
    assert meta.outlet is None
    assert "Photo Credit: Sputnik" not in cleaned.body


def test_first_line_that_is_prose_is_body_not_title():
    cleaned, meta = _clean("\n".join([PARA_1, PARA_2]))
    assert meta.title is None and cleaned.body.startswith(PARA_1[:40])


def test_pull_quote_repeating_a_paragraph_is_dropped():
    quote = "“Both governments wanted to lower tensions before the regional summit,” an analyst said."
    inner = PARA_2 + " " + quote
    cleaned, _ = _clean("\n".join(["Ports reopen after talks", PARA_1, quote, inner, PARA_3]))
    assert cleaned.body.count("lower tensions before the regional summit,”") == 1


def test_caption_and_bio_shapes():
    assert is_caption("Officials meet in Hanoi, Dec. 13, 2023. (Pool/AP)")
    assert is_caption("Minister Ana Ruiz (left) greets her counterpart in Lima.")
    assert not is_caption("The electronic record (ePA) will hold prescriptions.")  # an acronym is not a credit
    assert not is_caption("I spent a month testing the earlier version (pictured above), and it held up well.")
    assert is_bio("Coffee lover. Travel nerd. Music buff. Writer.")
    assert not is_bio("“Meth. We’re on it.”")
    assert not is_bio("Copper rose 0.8%. Gold fell. Oil held.")


def test_list_items_with_hyphen_bullets_are_not_quote_attributions():
    labels = {line.text: line.label for line in classify_lines(PARA_1 + "\n- GPS\n- Digital Crown\n— Lucia Ferrer")}
    assert labels["- GPS"] != "furniture" and labels["— Lucia Ferrer"] == "furniture"


def test_a_short_one_sentence_paragraph_of_the_story_is_kept():
    short = "Athens denied the incident on Monday night."  # seven words: below a paragraph's length
    cleaned = clean_text("\n".join(["Ports reopen after talks", PARA_1, short, PARA_2, "Share on Facebook", PARA_3]))
    assert short in cleaned.body and "Share on Facebook" not in cleaned.body


def test_only_furniture_gives_an_empty_body():
    assert clean_text("Advertisement\nShare on Facebook\nSubscribe now").body == ""


def _gold_cases(folder, gold_path):
    gold = {a["id"]: a for a in json.loads(gold_path.read_text(encoding="utf-8"))["articles"]}
    return [(raw, gold[raw.doc_name]) for raw in iter_documents([folder]) if raw.doc_name in gold]


@pytest.mark.parametrize("folder,gold_path", [pytest.param(SEEDS, SEEDS_GOLD, marks=pytest.mark.seeds, id="seeds"),
                                              pytest.param(EXAMPLES, EXAMPLES_GOLD, id="examples")])
def test_gold_bodies_and_metadata(folder, gold_path):
    """Every gold article: body from the first to the last gold sentence, no clutter line, metadata exact."""
    cases = _gold_cases(folder, gold_path)
    assert cases, f"no gold articles found for {folder}"
    problems = []
    for raw, gold in cases:
        cleaned = clean_document(raw)
        meta = extract_metadata(raw, cleaned)
        body = norm(cleaned.body)
        if not body.startswith(norm(gold["body_first_sentence"])):
            problems.append(f"{raw.doc_name}: starts {body[:60]!r}")
        if not body.endswith(norm(gold["body_last_sentence"])):
            problems.append(f"{raw.doc_name}: ends {body[-60:]!r}")
        lines = {norm(line) for line in cleaned.body.split("\n")}
        problems += [f"{raw.doc_name}: clutter {c[:50]!r}" for c in gold.get("clutter_lines", []) if norm(c) in lines]
        for field in ("title", "outlet", "byline", "pub_date"):
            if norm(str(getattr(meta, field))) != norm(str(gold.get(field))):
                problems.append(f"{raw.doc_name}: {field} {getattr(meta, field)!r} != {gold.get(field)!r}")
    assert not problems, "\n".join(problems)
