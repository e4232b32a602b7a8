"""The fast paths give the same answers as the slow ones they replace (speed itself is measured in bench/, not here)."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.actors import resolve_actors
from detente.dating.datable import any_keyword, datable_events
from detente.dating.expressions import NEEDLES, PATTERNS, find_time_expressions
from detente.nlp import load_nlp
from detente.pipeline import Prepared, parse_captions, prepare
from detente.records import RawDocument

PHRASES = [
    "On November 9, 2017, he wrote", "held from November 10-11", "pictured Dec. 13, 2023.", "signed on 2 March 2022",
    "met last Sunday", "on Tuesday", "two weeks ago today", "last month", "earlier this year", "in the 1990s",
    "since 1979", "in early March", "this summer", "yesterday", "TOMORROW", "on 2023-01-05", "Sept 3–4, 2021",
    "mid-June 2021", "by next weekend", "three days ago", "in spring", "2,019 people", "the 2019 figure",
]
WORDS = st.sampled_from(["on", "last", "next", "in", "Monday", "March", "Sept.", "12", "2021", "ago", "two", "weeks",
                         "today", "the", "1990s", "summer", "of", "-", "year", "said", ","])


def test_every_pattern_has_a_needle_it_cannot_match_without():
    assert {kind for kind, _ in PATTERNS} <= set(NEEDLES)
    for text in PHRASES:
        for kind, pattern in PATTERNS:
            if pattern.search(text):
                assert NEEDLES[kind].search(text), (kind, text)


def _unfiltered(text: str, ref: tuple[date, date], future: bool) -> list:
    """The same search with every needle forced to match: the answer the prefilter must not change."""
    saved = dict(NEEDLES)
    always = re.compile("")
    try:
        for kind in NEEDLES:
            NEEDLES[kind] = always
        return find_time_expressions(text, ref, future)
    finally:
        NEEDLES.update(saved)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8), st.booleans())
def test_prefilter_does_not_change_what_is_found(words, future):
    text = " ".join(words)
    ref = (date(2023, 12, 13), date(2023, 12, 20))
    assert find_time_expressions(text, ref, future) == _unfiltered(text, ref, future)


def test_the_combined_meeting_keywords_match_wherever_one_meeting_does():
    for meeting in datable_events():
        for keyword in meeting.keywords.pattern.split("|")[:3]:
            literal = re.sub(r"\\(.)", r"\1", keyword.replace("(?<!\\w)(?:", "").replace(")(?!\\w)", ""))
            sentence = f"after the {literal} in the capital"
            assert bool(meeting.keywords.search(sentence)) <= bool(any_keyword().search(sentence))


def test_captions_parsed_in_one_batch_resolve_like_captions_parsed_one_by_one():
    text = ("Laos and China signed a rail deal on Tuesday, officials said.\n\n"
            "Chinese President Xi Jinping greets Laos’s Prime Minister Sonexay Siphandone in Vientiane. Photo: Reuters\n\n"
            "The two sides agreed to extend the line to the border, the Lao foreign ministry said on Wednesday.")
    raw = RawDocument(source="<t>", doc_name="t", text=text, kind="text", raw_hash="x", hints={})
    item: Prepared = prepare(raw)
    nlp = load_nlp()
    doc = nlp(item.cleaned.body)
    one_by_one = resolve_actors(doc, nlp, captions=item.cleaned.captions)
    parse_captions(nlp, [item])
    assert len(item.caption_docs) == len(item.cleaned.captions) == 1
    batched = resolve_actors(doc, nlp, captions=item.cleaned.captions, caption_docs=item.caption_docs)
    assert [a.id for a in batched.actors] == [a.id for a in one_by_one.actors]
    assert "person:sonexay-siphandone" in [a.id for a in batched.actors]  # the caption's person was resolved


def test_tokens_between_is_the_scan_it_replaces():
    from detente.quotes.cues import tokens_between

    doc = load_nlp()("“We will not back down,” the minister said on Tuesday. China’s coast guard fired water cannon.")
    for start in range(0, len(doc.text), 7):
        for end in range(start, len(doc.text) + 3, 11):
            assert tokens_between(doc, start, end) == [t for t in doc if start <= t.idx < end]


def test_span_text_is_spacys_text_for_the_doc_its_sentences_and_entities(varied_texts):
    from detente.nlp import doc_text, span_text

    for doc in load_nlp().pipe(varied_texts[:40]):
        assert doc_text(doc) == doc.text
        for span in [*doc.sents, *doc.ents, doc[2:9], doc[0:0]]:
            assert span_text(span) == span.text


def test_a_sentence_starts_after_every_line_break(varied_texts):
    for doc in load_nlp().pipe(varied_texts):
        assert all(token.is_sent_start for token in doc[1:] if "\n" in doc[token.i - 1].text)


def test_the_precondition_check_skips_only_sentences_without_only(varied_texts):
    from detente.events.conditions import _precondition_verb, _scan_for_precondition

    found = 0
    for doc in load_nlp().pipe(varied_texts):
        for sent in doc.sents:
            assert _precondition_verb(sent) == _scan_for_precondition(sent)
            found += _precondition_verb(sent) is not None
    assert found  # the texts hold preconditions: the check is not vacuous
