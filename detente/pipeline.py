"""The per-article pipeline: clean → metadata → parse → actors → dates → events → quotes.

Each stage is a function from :mod:`detente.clean`, :mod:`detente.actors`,
:mod:`detente.dating`, :mod:`detente.events` and :mod:`detente.quotes`; this
module only wires them for one article. :mod:`detente.batch` runs it over a
batch (one ``nlp.pipe`` parse, a failing article reported and left out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors import resolve_actors
from detente.actors.roles import person_tenures
from detente.clean import Metadata, clean_document, extract_metadata
from detente.dating import infer_pub_range
from detente.events import extract_events
from detente.quotes import extract_quotes
from detente.records import Analysis, Article, Cleaned, RawDocument, Sentence, article_id_for


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
