"""Plain records passed between pipeline stages.

Every stage is a function over these dataclasses; only ``ingest``, ``store``,
``report``, ``web`` and ``cli`` do I/O. Field names follow the JSONL export
contract in docs/design.md, so ``dataclasses.asdict`` is the export.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field


def normalize_body(body: str) -> str:
    """A body as compared for identity: NFKC, whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", body)).strip()


def article_id_for(body: str, salt: str = "") -> str:
    """sha256 of the normalized body (first 16 hex): the same text from two sources gets the same id."""
    return hashlib.sha256((normalize_body(body) + salt).encode("utf-8")).hexdigest()[:16]


@dataclass
class RawDocument:
    """One input document as read from disk, a JSONL line or a URL, already decoded to text."""

    source: str  # path or URL as given (JSONL: "path#line")
    doc_name: str  # file stem or JSONL id
    text: str  # decoded, NFC-normalized
    kind: str = "text"  # "text" | "html"
    raw_hash: str = ""  # sha256 of the raw bytes (or JSONL line)
    hints: dict[str, str] = field(default_factory=dict)  # title/url/date/outlet given by the source


@dataclass
class Cleaned:
    """What the clean stage makes of a raw document: the body and everything kept aside."""

    body: str
    title: str | None = None
    boilerplate: list[str] = field(default_factory=list)  # removed lines, kept for audit
    captions: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)  # standfirst / bullet points
    header_lines: list[str] = field(default_factory=list)  # lines before the body (bylines, dates, credits)
    footer_lines: list[str] = field(default_factory=list)  # lines after the body
    metadata: dict[str, str] = field(default_factory=dict)  # from HTML meta tags or source hints


@dataclass
class Sentence:
    article_id: str
    index: int
    char_start: int
    char_end: int


@dataclass
class Mention:
    """A span of the body that refers to an actor."""

    actor_id: str
    char_start: int
    char_end: int
    text: str
    sentence_index: int
    as_location: bool = False  # "a visit to Hanoi": a place, not an actor


@dataclass
class Actor:
    id: str  # ISO3 for states, else a slug such as "person:xi-jinping"
    kind: str  # state | person | org | igo | group
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    affiliation: str | None = None
    org_type: str | None = None  # think-tank, igo, media, party, ministry, military, ...


@dataclass
class Event:
    id: str
    article_id: str
    sentence_index: int
    char_start: int
    char_end: int
    source: str | None
    target: str | None
    type: str
    mode: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad: str | None = None
    status: str = "happened"
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    location: str | None = None
    text: str = ""
    trigger: str = ""
    cluster_id: str | None = None
    trigger_start: int | None = None  # char offsets of the trigger words in the body: the fact's exact provenance
    trigger_end: int | None = None


@dataclass
class Quote:
    id: str
    article_id: str
    char_start: int
    char_end: int
    text: str
    quote_type: str  # direct | indirect | mixed
    speaker: str | None = None
    speaker_actor: str | None = None
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    speaker_country: str | None = None
    channel: str | None = None
    anonymous: bool = False
    sentence_index: int = 0
    speaker_kind: str | None = None  # person | group | organisation | state | document | outlet


@dataclass
class Story:
    id: str
    label: str
    article_ids: list[str]
    date_range: list[str | None]
    dyads: list[str]


@dataclass
class Article:
    id: str
    source: str
    doc_name: str
    raw_hash: str
    body: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    pub_date: str | None = None
    pub_date_range: list[str | None] = field(default_factory=lambda: [None, None])
    pub_date_basis: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    url: str | None = None
    duplicate_of: str | None = None
    derivative_of: str | None = None
    story_id: str | None = None


@dataclass
class Analysis:
    """Everything the per-article stages found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    acting_states: list[str] = field(default_factory=list)  # ISO3 of states that act (not only places named)
