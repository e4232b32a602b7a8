"""Quote extraction on short constructed passages (written for these tests)."""

from __future__ import annotations

import pytest

from detente.actors import resolve_actors
from detente.nlp import load_nlp
from detente.quotes import extract_quotes
from detente.quotes.spans import quote_spans


def _quotes(text: str):
    doc = load_nlp()(text)
    return extract_quotes(doc, "a1", resolve_actors(doc))


def test_direct_quote_with_trailing_attribution_and_pronoun_follow_up():
    text = (
        "Maria Lopes, a senior fellow at the Lisbon Institute, spoke after the talks.\n\n"
        "“The agreement gives both navies a hotline they never had,” Lopes said.\n\n"
        "“It will be tested at the first incident at sea,” she added."
    )
    quotes = _quotes(text)
    assert [q.quote_type for q in quotes] == ["direct", "direct"]
    assert all(q.speaker_actor == "person:maria-lopes" for q in quotes)
    for q in quotes:
        assert text[q.char_start : q.char_end] == q.text and q.text.startswith("“")


def test_quote_running_over_two_paragraphs_stays_with_its_speaker():
    text = (
        'Daniel Ortiz, an analyst in Madrid, said the deal was fragile. "Neither side trusts the other yet.\n\n'
        '"They will need years of quiet cooperation before that changes," he said.'
    )
    spans = quote_spans(text)
    assert len(spans) == 1 and text[spans[0][0]] == '"' and text[spans[0][1] - 1] == '"'
    quotes = _quotes(text)
    assert quotes and all("Ortiz" in (q.speaker or "") or q.speaker_actor == "person:daniel-ortiz" for q in quotes)


def test_mixed_and_indirect_quotes():
    text = (
        "Anna Berg, a researcher at the Nordic Policy Centre, described the summit as "
        "“a carefully staged show with little substance behind it”.\n\n"
        "Berg noted that the two governments had not agreed on any timetable."
    )
    quotes = _quotes(text)
    kinds = {q.quote_type for q in quotes}
    assert kinds == {"mixed", "indirect"}
    indirect = next(q for q in quotes if q.quote_type == "indirect")
    assert indirect.text.startswith("Berg noted that")


def test_scare_quotes_and_quoted_names_are_not_quotes():
    text = (
        "The two countries signed up to the “Blue Harbour Partnership” and promised a “new era” of trade.\n\n"
        "Officials in both capitals welcomed the plan."
    )
    assert _quotes(text) == []


def test_relative_pronoun_speaker_is_the_antecedent():
    text = "Prime Minister Erik Halvorsen, who has said that “talks must continue whatever happens”, left on Monday."
    quotes = _quotes(text)
    assert quotes and "Halvorsen" in quotes[0].speaker


@pytest.mark.parametrize("text", ["", "No quotes here at all.", '"unclosed quote at the end'])
def test_quote_spans_never_fail(text):
    for start, end in quote_spans(text):
        assert 0 <= start < end <= len(text)
