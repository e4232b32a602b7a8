"""Tenures of office holders named in an article: evidence for its publication date."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from detente.actors.lexicon import leaders
from detente.actors.resolve import ActorResult


def _parse(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date.fromisoformat(value)
    except ValueError:
        return None


_GLUE = frozenset({"the", "of", "a", "an", "and", "for"})
# words that make another office of the same title: a vice president is not the president
RANK_WORDS = frozenset({"vice", "deputy", "assistant", "under", "acting", "associate", "vice-chairman", "vice-president",
                        "vice-premier", "co-chair", "first"})


def _title_words(role: str) -> set[str]:
    """Content words of a title, possessives cut: "vice-chairman of China's Central Military Commission"."""
    words = re.findall(r"[\w-]+", re.sub(r"['’]s\b", "", role.lower()))
    return {w for w in words if w not in _GLUE}


def role_matches(table_role: str, text_role: str) -> bool:
    """Does a title as written name the table's office? Word containment either way, so a country named in
    the title ("China's") or a short form ("President") still matches."""
    a, b = table_role.lower(), text_role.lower()
    table_words, text_words = _title_words(a), _title_words(b)
    if (table_words ^ text_words) & RANK_WORDS:
        return False  # "President" and "Vice President" are two offices
    if a in b or b in a:
        return True
    return bool(table_words) and table_words <= text_words


def person_tenures(actors: ActorResult, doc: Doc) -> list[tuple[date, date | None, str]]:
    """(start, end, who) for people named with a present-tense title that the leaders table knows.

    "US President Joe Biden" bounds the article to Biden's presidency; "former" or "late" titles give no
    bound. Someone who held the office more than once (Trump) gives one row per spell with the same ``who``:
    the spells are alternatives, and the publication-date inference keeps those the other evidence allows.
    """
    found: list[tuple[date, date | None, str]] = []
    table = leaders()
    for actor in actors.actors:
        if actor.kind != "person" or not actor.role or actor.id not in actors.role_from_text:
            continue  # a role filled in from the leaders table says nothing about when the article was written
        role = actor.role.lower()
        if any(word in role for word in ("former", "late", "ex-", "then")):
            continue
        spells = [r for r in table.get(actor.name, []) if role_matches(r["role"], role)]
        parsed = [(_parse(r["start"]), _parse(r["end"])) for r in spells]
        if not parsed or any(start is None for start, _ in parsed):
            continue
        found.extend((start, end, f"{actor.role} {actor.name}") for start, end in parsed if start)
    return found
