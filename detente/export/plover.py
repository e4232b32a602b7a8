"""PLOVER event records as the PLOVER manual's "Data Fields" chapter names them, one JSON object per line.

One record per event mention (the sentence it was coded from, per the manual's ``text_info``); mentions of one
real-world event share ``link`` (our cluster id). ``actor`` and ``recipient`` are lists of entity objects
(``code``, ``sector``, ``entity_text``, ``identifier_text``, ``office``), ``event``, ``mode`` and ``context``
are lists; ``quad_code`` is 1–4 and ``event_scale`` the PLOVER score of the type and mode. Status goes into
``context`` as the manual's auxiliary modes (``future``, ``hypothetical``, ``negation``) and, in full, into
``status``, except that an act the manual codes as one category when future is that category ("will visit" is
AGREE, "will withdraw" CONCEDE: :func:`detente.events.ontology.plover_category`); ``date_precision``, ``date_basis``, ``cameo`` and ``article_id`` are ours, under names the manual
does not use. The manual requires ``date``: undated events are left out (they are in the JSONL export).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from detente.events.ontology import plover_category, plover_info
from detente.export.entities import QUAD_CLASS, Side, cameo_event_code, quad_class, side
from detente.export.rows import to_json
from detente.records import Actor, Article, Event
from detente.store import Store, queries
from detente.version import __version__

AUXILIARY = {"planned": "future", "hypothetical": "hypothetical", "denied": "negation", "refused": "negation"}
REQUIRED = {"id": str, "date": str, "actor": list, "event": list}  # the manual's required fields


def _entity(s: Side, text: str | None) -> dict:
    entity = {"code": s.plover_code, "sector": s.plover_sector, "entity_text": text or s.name,
              "identifier_text": s.actor.name if s.actor else s.country}
    if s.actor is not None and s.actor.kind == "person" and s.actor.role:
        entity["office"] = s.actor.role
    return entity


def record(e: Event, article: Article, actors: dict[str, Actor], named: dict[tuple[str, int, str], str]) -> dict:
    """The PLOVER record of one event mention; ``named`` gives the words naming each actor in each sentence."""
    def entities(code: str | None, actor_id: str | None) -> list[dict]:
        if not code and not actor_id:
            return []
        text = named.get((e.article_id, e.sentence_index, actor_id or "")) or named.get((e.article_id, e.sentence_index, code or ""))
        return [_entity(side(code, actor_id, actors), text)]

    category = plover_category(e.type, e.status)
    reduced = category != e.type  # "will visit" is AGREE, not CONSULT with the auxiliary mode "future"
    context = [AUXILIARY[e.status]] if e.status in AUXILIARY and not reduced else []
    out: dict = {
        "id": e.id,
        "date": e.date_start,
        "enddate": e.date_end or e.date_start,
        "actor": entities(e.source, e.source_actor),
        "recipient": entities(e.target, e.target_actor),
        "event": [category],
        "mode": [e.mode] if e.mode and not reduced else [],
        "context": context,
        "quad_code": QUAD_CLASS.get(plover_info(category).quad) if reduced else quad_class(e),
        "event_scale": e.goldstein,
        "event_text": [e.trigger] if e.trigger else [],
        "text": e.text,
        "text_info": {"sequence": e.sentence_index, "start": e.char_start, "end": e.char_end},
        "cite_info": {"url": article.url or article.source, "title": article.title, "publication": article.outlet,
                      "citation": article.doc_name, "coder": f"detente {__version__}"},
        "link": e.cluster_id or e.id,
        # ours, under names the manual does not use:
        "status": e.status,
        "date_precision": e.date_precision,
        "date_basis": e.date_basis,
        "cameo": cameo_event_code(e.cameo),
        "article_id": e.article_id,
    }
    if article.language:
        out["cite_info"]["language"] = article.language[:2]
    if e.location:
        out["event_loc"] = {"extracted_place": e.location}
    if e.trigger_start is not None:
        out["text_info"]["trigger"] = [e.trigger_start, e.trigger_end]
    return out


def records(store: Store) -> Iterator[dict]:
    """Records of every dated event, by date."""
    articles = queries.article_meta(store)
    actors = {a.id: a for a in store.actors()}
    named = queries.sentence_mentions(store)
    for e in sorted(store.events(), key=lambda e: (e.date_start or "", e.article_id, e.char_start)):
        if e.date_start:
            yield record(e, articles[e.article_id], actors, named)


def write_plover(store: Store, out: TextIO) -> int:
    """JSONL, one record a line; returns the number written."""
    count = 0
    for item in records(store):
        out.write(to_json(item) + "\n")
        count += 1
    return count


def skipped(store: Store) -> dict[str, int]:
    return {"undated": sum(1 for e in store.events() if not e.date_start)}
