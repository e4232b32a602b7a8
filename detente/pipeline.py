"""The per-article pipeline: clean → metadata → parse → actors → dates → events → quotes.

Each stage is a function from :mod:`detente.clean`, :mod:`detente.actors`,
:mod:`detente.dating`, :mod:`detente.events` and :mod:`detente.quotes`; this
module only wires them, batching the spaCy parse with ``nlp.pipe``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors import resolve_actors
from detente.actors.roles import person_tenures
from detente.clean import Metadata, clean_document, extract_metadata
from detente.dating import infer_pub_range
from detente.events import extract_events
from detente.nlp import load_nlp
from detente.quotes import extract_quotes
from detente.records import Analysis, Article, Cleaned, RawDocument, Sentence


def normalize_body(body: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", body)).strip()


def article_id_for(body: str, salt: str = "") -> str:
    """sha256 of the normalized body (first 16 hex): the same text from two sources gets the same id."""
    return hashlib.sha256((normalize_body(body) + salt).encode("utf-8")).hexdigest()[:16]


@dataclass
class Prepared:
    raw: RawDocument
    cleaned: Cleaned
    metadata: Metadata
    caption_docs: list[Doc] | None = None  # the captions parsed with the batch (one nlp.pipe, not one nlp() each)


def parse_captions(nlp: Language, batch: list[Prepared], batch_size: int = 32) -> None:
    """Parse every caption of a batch in one ``nlp.pipe`` call: a call per short caption costs more than its words."""
    texts = [caption for item in batch for caption in item.cleaned.captions]
    docs = iter(nlp.pipe(texts, batch_size=batch_size)) if texts else iter(())
    for item in batch:
        item.caption_docs = [next(docs) for _ in item.cleaned.captions]


def prepare(raw: RawDocument) -> Prepared:
    cleaned = clean_document(raw)
    return Prepared(raw, cleaned, extract_metadata(raw, cleaned))


def _to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def analyze_parsed(prepared: Prepared, doc: Doc, article_id: str | None = None) -> Analysis:
    """Run the stages after the parse on one document."""
    raw, cleaned, meta = prepared.raw, prepared.cleaned, prepared.metadata
    body = cleaned.body
    aid = article_id or article_id_for(body)
    actors = resolve_actors(doc, captions=cleaned.captions, caption_docs=prepared.caption_docs)
    pub_range, basis = infer_pub_range(meta.pub_date, cleaned.captions, body, person_tenures(actors, doc))
    if meta.pub_date:
        basis = meta.pub_date_basis or "stated"
    article = Article(
        id=aid,
        source=raw.source,
        doc_name=raw.doc_name,
        raw_hash=raw.raw_hash,
        body=body,
        title=meta.title,
        outlet=meta.outlet,
        byline=meta.byline,
        language=meta.language,
        pub_date=meta.pub_date,
        pub_date_range=pub_range,
        pub_date_basis=basis,
        boilerplate=cleaned.boilerplate,
        captions=cleaned.captions,
        summary=cleaned.summary,
        url=meta.url,
    )
    lo, hi = _to_date(pub_range[0]), _to_date(pub_range[1])
    ref = (lo, hi) if lo and hi else None
    sentences = [Sentence(aid, i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]
    quotes = extract_quotes(doc, aid, actors)
    events = extract_events(doc, aid, actors, ref, quotes)
    acting = set(actors.acting_states) | {c for e in events for c in (e.source, e.target) if c}
    return Analysis(
        article=article,
        sentences=sentences,
        actors=actors.actors,
        mentions=actors.mentions,
        events=events,
        quotes=quotes,
        acting_states=sorted(acting),
    )


def analyze_documents(raws: Iterable[RawDocument], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse documents in order, parsing bodies in batches with ``nlp.pipe``."""
    nlp = load_nlp()
    batch: list[Prepared] = []

    def flush() -> Iterator[Analysis]:
        parse_captions(nlp, batch, batch_size)
        docs = nlp.pipe([p.cleaned.body for p in batch], batch_size=batch_size)
        for prepared, doc in zip(batch, docs, strict=True):
            yield analyze_parsed(prepared, doc)
        batch.clear()

    for raw in raws:
        batch.append(prepare(raw))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def analyze_text(text: str, *, title: str | None = None, date: str | None = None, kind: str = "text") -> Analysis:
    """Analyse one article given as a string (``detente.analyze``)."""
    hints = {k: v for k, v in (("title", title), ("date", date)) if v}
    raw = RawDocument(source="<text>", doc_name="text", text=text, kind=kind,
                      raw_hash=hashlib.sha256(text.encode()).hexdigest(), hints=hints)
    return next(analyze_documents([raw]))
