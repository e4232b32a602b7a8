"""The reporting-verb table (``data/reporting_verbs.tsv``): which verbs report speech and where their content is.

A verb can report speech in several frames ("warned that ...", "warned Oslo to ...", "warned of ..."); some
rows apply only with a word hanging from the verb ("point out", "call for", "make clear"). The table is data
so that a user can add a verb without touching code (``DETENTE_DATA``, see :mod:`detente.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from detente.tables import load_table, split_multi

FRAMES = {"clause", "to", "of", "against", "for", "object", "name", "as-quoted", "quoted", "noun-that"}
NOUN_FRAMES = frozenset({"noun-that"})
SOURCE_KINDS = {"person", "group", "organisation", "state", "document", "outlet"}


@dataclass(frozen=True)
class Row:
    verb: str
    with_word: str  # "" when the verb alone reports speech
    frames: frozenset[str]
    sources: frozenset[str] = frozenset()  # kinds of source it applies to; empty for any


@cache
def reporting_rows() -> dict[str, tuple[Row, ...]]:
    """Rows by lemma; a frame not in :data:`FRAMES` is an error naming the table and the row."""
    rows: dict[str, list[Row]] = {}
    for raw in load_table("reporting_verbs.tsv"):
        frames = frozenset(split_multi(raw.get("frames", "")))
        unknown = frames - FRAMES
        if not raw.get("verb") or not frames or unknown:
            raise ValueError(f"data/reporting_verbs.tsv: row {raw} needs a verb and frames from {sorted(FRAMES)}"
                             + (f" (unknown: {sorted(unknown)})" if unknown else ""))
        sources = frozenset(split_multi(raw.get("sources", "")))
        if sources - SOURCE_KINDS:
            raise ValueError(f"data/reporting_verbs.tsv: row {raw} has sources outside {sorted(SOURCE_KINDS)}")
        rows.setdefault(raw["verb"].lower(), []).append(
            Row(raw["verb"].lower(), raw.get("with", "").lower(), frames, sources))
    return {verb: tuple(found) for verb, found in rows.items()}


def _attached(verb: Token) -> set[str]:
    """Words hanging from the verb that can select a row: particles, prepositions, objects, "clear"."""
    words = set()
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj", "ccomp", "oprd", "acomp", "xcomp", "advmod", "dative"):
            words.add(child.lower_)
            if child.dep_ in ("ccomp", "xcomp"):  # "made it clear that": "clear" heads a small clause
                words.update(c.lower_ for c in child.children if c.dep_ in ("acomp", "oprd"))
        if child.dep_ == "dobj":  # "claimed responsibility": the object's lemma
            words.add(child.lemma_.lower())
    return words


def sources_of(verb: Token) -> frozenset[str]:
    """The kinds of source this verb reports for (empty: any)."""
    rows = _selected(verb)
    if any(not r.sources for r in rows):
        return frozenset()
    return frozenset().union(*(r.sources for r in rows)) if rows else frozenset()


def _selected(verb: Token) -> list[Row]:
    rows = reporting_rows().get(verb.lemma_.lower())
    if not rows:
        return []
    attached = _attached(verb)
    selected = [r for r in rows if r.with_word and r.with_word in attached]
    return selected or [r for r in rows if not r.with_word]


def frames_of(verb: Token) -> frozenset[str]:
    """The frames in which this verb token reports speech (empty: not a reporting verb here)."""
    rows = _selected(verb)
    frames = frozenset().union(*(r.frames for r in rows)) if rows else frozenset()
    # a noun row ("announcement") never makes the verb of the same lemma ("announce") a reporting verb, nor back
    return frames & NOUN_FRAMES if verb.pos_ == "NOUN" else frames - NOUN_FRAMES
