"""Property tests (hypothesis) over the text stages: for any input they never raise, and every offset they
return slices back to the text it claims. Example counts stay modest so the suite stays fast; the spaCy
model is loaded once and reused."""

from __future__ import annotations

import io
import json
import re
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.clean import clean_document
from detente.dating import find_time_expressions, infer_pub_range
from detente.export import write_jsonl
from detente.quotes.spans import quote_spans
from detente.records import Analysis, Article, Event, Quote, RawDocument, Sentence
from detente.store import Store

FEW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that wake the stages up (states, capitals, verbs of diplomacy, speech cues, time words) mixed with noise.
WORDS = ["Vietnam", "China", "Hanoi", "Beijing", "Japan", "Russia", "the", "minister", "President", "Xi", "Jinping",
         "signed", "agreement", "accused", "visited", "met", "said", "told", "reporters", "will", "not", "refused",
         "talks", "on", "Tuesday", "last", "month", "May", "3", "2024", "in", "ago", "next", "year", "sanctions",
         "protested", "\u201c", "\u201d", '"', "'", ",", ".", "(", ")", "—", "\u00a0", "Hà", "Nội", "\t"]
NO_SURROGATES = st.characters(exclude_categories=("Cs",))
NOISY = st.text(NO_SURROGATES, max_size=40)
SENTENCE = st.lists(st.one_of(st.sampled_from(WORDS), NOISY), min_size=1, max_size=25).map(" ".join)
ARTICLE = st.lists(st.one_of(SENTENCE, NOISY), min_size=1, max_size=8).map(lambda xs: "\n".join(xs))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@FEW
@given(ARTICLE)
def test_text_cleaning_never_raises_and_keeps_input_lines_in_order(text):
    cleaned = clean_document(RawDocument(source="x", doc_name="x", text=text))
    source = _squash(text)
    position = 0
    for paragraph in filter(None, (_squash(p) for p in cleaned.body.split("\n\n"))):
        found = source.find(paragraph, position)
        assert found >= 0, (paragraph, source)  # each body paragraph is input text, in input order
        position = found + len(paragraph)


@FEW
@given(st.lists(st.one_of(SENTENCE, NOISY), min_size=1, max_size=6),
       st.sampled_from(["p", "div", "li", "h2", "blockquote", "td", "span"]), st.booleans())
def test_html_cleaning_never_raises(paragraphs, tag, with_junk):
    from html import escape

    junk = "<script>var x = '<p>not text</p>';</script><nav><a href='/'>Home</a></nav>" if with_junk else ""
    body = "".join(f"<{tag}>{escape(p)}</{tag}>" for p in paragraphs)
    page = f"<html><head><title>{escape(paragraphs[0][:40])}</title></head><body>{junk}<article>{body}</article></body></html>"
    cleaned = clean_document(RawDocument(source="x", doc_name="x", text=page, kind="html"))
    assert isinstance(cleaned.body, str)
    assert "not text" not in cleaned.body and "var x" not in cleaned.body


@settings(max_examples=50, deadline=None)
@given(ARTICLE)
def test_pipeline_never_raises_and_every_offset_slices_back(text):
    from detente.nlp import load_nlp
    from detente.pipeline import analyze_parsed, prepare

    prepared = prepare(RawDocument(source="x", doc_name="x", text=text))
    body = prepared.cleaned.body
    doc = load_nlp()(body)
    analysis = analyze_parsed(prepared, doc)
    sentences = list(doc.sents)
    assert len(sentences) == len(analysis.sentences)
    previous_end = 0
    for sentence, span in zip(analysis.sentences, sentences, strict=True):
        assert body[sentence.char_start : sentence.char_end] == span.text
        assert previous_end <= sentence.char_start <= sentence.char_end <= len(body)
        previous_end = sentence.char_end
    for mention in analysis.mentions:
        assert body[mention.char_start : mention.char_end] == mention.text
    for quote in analysis.quotes:
        assert body[quote.char_start : quote.char_end] == quote.text
    for event in analysis.events:
        sentence = analysis.sentences[event.sentence_index]
        assert sentence.char_start <= event.char_start <= event.char_end <= sentence.char_end or event.char_start == event.char_end
        if event.date_start and event.date_end:
            assert event.date_start <= event.date_end


@FEW
@given(st.text(st.sampled_from([*'ab “”"\n', "\u00a0"]), max_size=200) | st.text(NO_SURROGATES, max_size=200))
def test_quote_spans_are_ordered_marked_and_in_bounds(body):
    spans = quote_spans(body)
    for start, end in spans:
        assert 0 <= start < end <= len(body)
        # a span opens on its quotation mark: curly, straight, wire-style ``, or a wire text's lone opening mark
        assert body[start] in '“"`\'', (body, start)
    assert [s for s, _ in spans] == sorted({s for s, _ in spans})


DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@FEW
@given(SENTENCE | st.text(NO_SURROGATES, max_size=200), DATES, DATES, st.booleans())
def test_time_resolution_never_raises_at_any_reference(text, a, b, future):
    lo, hi = min(a, b), max(a, b)
    for span in find_time_expressions(text, (lo, hi), future):
        assert span.start <= span.end
        assert text[span.char_start : span.char_end].strip() == span.text


@FEW
@given(ARTICLE, st.lists(SENTENCE, max_size=3))
def test_publication_range_is_ordered(body, captions):
    (lo, hi), basis = infer_pub_range(None, captions, body)
    assert basis
    if lo and hi:
        assert lo <= hi


TEXT = st.text(NO_SURROGATES, max_size=60)
MAYBE = st.none() | TEXT
ISO = st.none() | DATES.map(date.isoformat)


@st.composite
def analyses(draw) -> Analysis:
    """A stored-shaped analysis with arbitrary strings (control characters, RTL, emoji, quotes, NUL)."""
    body = draw(st.text(NO_SURROGATES, min_size=1, max_size=300))
    aid = f"{draw(st.integers(0, 10**12)):016x}"
    lo, hi = sorted([draw(DATES), draw(DATES)])
    article = Article(id=aid, source=draw(TEXT), doc_name=draw(TEXT), raw_hash=draw(TEXT), body=body, title=draw(MAYBE),
                      outlet=draw(MAYBE), byline=draw(MAYBE), language=draw(MAYBE), pub_date=draw(ISO),
                      pub_date_range=[lo.isoformat(), hi.isoformat()], pub_date_basis=draw(MAYBE),
                      boilerplate=draw(st.lists(TEXT, max_size=3)), captions=draw(st.lists(TEXT, max_size=2)),
                      summary=draw(st.lists(TEXT, max_size=2)), url=draw(MAYBE))
    n = len(body)
    cut = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=2)))
    events = [Event(id=f"{aid}-e{i}", article_id=aid, sentence_index=0, char_start=cut[0], char_end=cut[1], source=draw(MAYBE),
                    target=draw(MAYBE), type=draw(st.sampled_from(["AGREE", "ACCUSE", "CONSULT"])), text=draw(TEXT),
                    goldstein=draw(st.none() | st.floats(-10, 10)), date_start=lo.isoformat(), date_end=hi.isoformat())
              for i in range(draw(st.integers(0, 3)))]
    quotes = [Quote(id=f"{aid}-q{i}", article_id=aid, char_start=cut[0], char_end=cut[1], text=body[cut[0] : cut[1]],
                    quote_type="direct", speaker=draw(MAYBE), anonymous=draw(st.booleans()))
              for i in range(draw(st.integers(0, 2)))]
    return Analysis(article=article, sentences=[Sentence(aid, 0, 0, n)], events=events, quotes=quotes)


@FEW
@given(st.lists(analyses(), min_size=1, max_size=3, unique_by=lambda a: a.article.id))
def test_jsonl_export_round_trips_the_records(batch):
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "x.db") as store:
        store.add_analyses(batch)
        buffer = io.StringIO()
        write_jsonl(store, buffer)
    lines = buffer.getvalue().split("\n")
    assert lines[-1] == "" and all(lines[:-1])  # one record per line, whatever the text held
    loaded = [json.loads(line) for line in lines[:-1]]
    by_kind = {kind: [{k: v for k, v in r.items() if k != "record"} for r in loaded if r["record"] == kind]
               for kind in ("article", "event", "quote")}
    assert sorted(by_kind["article"], key=lambda r: r["id"]) == sorted((asdict(a.article) for a in batch), key=lambda r: r["id"])
    expected_events = [asdict(e) for a in batch for e in a.events]
    assert sorted(by_kind["event"], key=lambda r: (r["article_id"], r["id"])) == sorted(
        expected_events, key=lambda r: (r["article_id"], r["id"]))
    expected_quotes = [asdict(q) for a in batch for q in a.quotes]
    assert sorted(by_kind["quote"], key=lambda r: (r["article_id"], r["id"])) == sorted(
        expected_quotes, key=lambda r: (r["article_id"], r["id"]))
