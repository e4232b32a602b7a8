"""Tenures of office holders named in an article: evidence for its publication date."""

from __future__ import annotations

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


def person_tenures(actors: ActorResult, doc: Doc) -> list[tuple[date, date | None, str]]:
    """(start, end, who) for people named with a present-tense title that the leaders table knows.

    "US President Joe Biden" bounds the article to Biden's presidency; "former"
    or "late" titles give no bound.
    """
    found: list[tuple[date, date | None, str]] = []
    table = leaders()
    for actor in actors.actors:
        if actor.kind != "person" or not actor.role or actor.id not in actors.role_from_text:
            continue  # a role filled in from the leaders table says nothing about when the article was written
        role = actor.role.lower()
        if any(word in role for word in ("former", "late", "ex-", "then")):
            continue
        spells = [r for r in table.get(actor.name, []) if r["role"].lower() in role or role in r["role"].lower()]
        if len(spells) != 1:
            continue  # several spells (Trump's two terms) or none: no safe bound
        start, end = _parse(spells[0]["start"]), _parse(spells[0]["end"])
        if start:
            found.append((start, end, f"{actor.role} {actor.name}"))
    return found
