"""An index over exported JSONL records so scorers can ask "what did the pipeline say about gold article X?".

Gold articles are keyed by doc_name; everything else in the export points at article ids, so the index translates
between the two and groups events, quotes and actors by article id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Record = Mapping[str, Any]
_ISO3 = re.compile(r"^[A-Z]{3}$")


def as_list(value: Any) -> list[Any]:
    """A scalar, a list or None as a list (docs/design.md: a gold link may name several originals; other exporters may give lists of actors)."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple, set)) else [value]


def state_code(actor: Record) -> str | None:
    """ISO3 of a state actor: its id when that is a code (docs/design.md: a state is its ISO3 code), else its country."""
    aid = actor.get("id")
    if isinstance(aid, str) and _ISO3.match(aid):
        return aid
    country = actor.get("country")
    return country if isinstance(country, str) else None


@dataclass
class RecordIndex:
    articles: dict[str, Record] = field(default_factory=dict)  # doc_name -> first article record
    doc_of_id: dict[str, str] = field(default_factory=dict)  # article id -> doc_name
    actors: dict[str, Record] = field(default_factory=dict)  # actor id -> record
    events: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))  # article id -> events
    quotes: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))  # article id -> quotes
    actors_in: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))  # article id -> actors
    repeated_doc_names: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, records: Iterable[Record]) -> RecordIndex:
        idx = cls()
        for rec in records:
            kind = rec.get("record")
            if kind == "article":
                idx._add_article(rec)
            elif kind == "actor":
                idx._add_actor(rec)
            elif kind == "event":
                idx.events[str(rec.get("article_id"))].append(rec)
            elif kind == "quote":
                idx.quotes[str(rec.get("article_id"))].append(rec)
        return idx

    def _add_article(self, rec: Record) -> None:
        doc = rec.get("doc_name")
        if rec.get("id") is not None and doc is not None:
            self.doc_of_id[str(rec["id"])] = str(doc)
        if doc is None:
            return
        if doc in self.articles:
            self.repeated_doc_names.append(str(doc))  # the first one wins; the note tells the developer
            return
        self.articles[str(doc)] = rec

    def _add_actor(self, rec: Record) -> None:
        if rec.get("id") is not None:
            self.actors[str(rec["id"])] = rec
        for aid in as_list(rec.get("article_ids")):
            self.actors_in[str(aid)].append(rec)

    def article(self, doc_name: str) -> Record | None:
        return self.articles.get(doc_name)

    def article_id(self, doc_name: str) -> str | None:
        rec = self.articles.get(doc_name)
        return None if rec is None or rec.get("id") is None else str(rec["id"])

    def states(self, article_id: str) -> set[str]:
        """ISO3 codes of state actors mentioned in the article."""
        codes = (state_code(a) for a in self.actors_in.get(article_id, []) if a.get("kind") == "state")
        return {c for c in codes if c}

    def persons(self, article_id: str) -> list[Record]:
        return [a for a in self.actors_in.get(article_id, []) if a.get("kind") == "person"]

    def resolve_doc(self, ref: Any, gold_ids: set[str]) -> str | None:
        """Map an article reference (an article id, or a doc_name some exporters use) to a doc_name."""
        if ref is None:
            return None
        ref = str(ref)
        if ref in self.doc_of_id:
            return self.doc_of_id[ref]
        return ref if ref in gold_ids else None
