"""The two sides of an event as event-data formats code them: a country, a sector, a name.

GDELT and PLOVER both code an actor as a country code plus a sector (GOV, MIL, ...). Our events name a state
(ISO3, the code CAMEO and PLOVER use for states) and, when the article names one, the person or organisation
acting for it; sectors come from ``data/sectors.tsv`` by organisation type or by the words of a person's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detente.actors.codes import igo_codes
from detente.records import Actor, Event
from detente.store.queries import is_state
from detente.tables import load_table

QUAD_CLASS = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3, "material-conflict": 4}
NON_STATE_CODES = {"igo": "IGO", "ngo": "NGO", "company": "MNC", "armed-group": "IMG"}  # PLOVER's codes for bodies of no state


@dataclass(frozen=True)
class Side:
    """One side of an event: its state (if any), the actor behind it (if named) and their codes."""

    country: str | None  # ISO3 of the state acting, or of the person's or organisation's state
    actor: Actor | None  # the person or organisation behind the side, or the state's own actor record
    cameo_type: str | None  # CAMEO type code (GOV, MIL, ...)
    plover_sector: str | None  # PLOVER sector code
    plover_code: str | None  # PLOVER's top-level entity code: the country, or IGO/UNO/EUR/NGO/... for a body of no state

    @property
    def name(self) -> str | None:
        return self.actor.name if self.actor else self.country

    @property
    def cameo_code(self) -> str:
        """CAMEO actor code: country then type (CHNGOV), or the type alone for a body of no state (IGO)."""
        return (self.country or "") + (self.cameo_type or "")


@cache
def _sectors() -> tuple[dict[str, tuple[str, str]], list[tuple[list[str], tuple[str, str]]], list[tuple[list[str], str]]]:
    by_type: dict[str, tuple[str, str]] = {}
    by_role: list[tuple[list[str], tuple[str, str]]] = []
    bodies: list[tuple[list[str], str]] = []
    for row in load_table("sectors.tsv"):
        codes = (row.get("cameo", ""), row.get("plover", ""))
        if row["kind"] == "org_type":
            by_type.setdefault(row["match"], codes)
        elif row["kind"] == "role":
            by_role.append((_words(row["match"]), codes))
        elif row["kind"] == "body":
            bodies.append((_words(row["match"]), row.get("plover", "")))
    return by_type, by_role, bodies


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _holds(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))


def sector(actor: Actor | None) -> tuple[str | None, str | None]:
    """(CAMEO type, PLOVER sector) of a person (by role) or organisation (by type); (None, None) for a state."""
    if actor is None or actor.kind == "state":
        return None, None
    by_type, by_role, _ = _sectors()
    if actor.kind in ("org", "igo"):
        cameo, plover = by_type.get(actor.org_type or actor.kind, ("", ""))
        return cameo or None, plover or None
    words = _words(actor.role or "")
    for part, (cameo, plover) in by_role:
        if _holds(words, part):
            return cameo or None, plover or None
    return None, None


def _plover_code(actor: Actor | None, country: str | None) -> str | None:
    if country:
        return country
    if actor is None:
        return None
    name = _words(actor.name)
    for part, code in _sectors()[2]:
        if name[:len(part)] == part:
            return code
    return NON_STATE_CODES.get(actor.org_type or actor.kind)


def _body(code: str | None, actors: dict[str, Actor]) -> Actor | None:
    """The intergovernmental body behind an event code ("NATO", "UNO") when the event names no actor id (a body
    referred to as "the alliance"): one of the article's bodies carrying that code, else the code as its own name."""
    if not code or is_state(code):
        return None
    found = next((actors[a] for a, c in igo_codes().items() if c == code and a in actors), None)
    return found or Actor(id=code, kind="igo", name=code, org_type="igo")


def side(code: str | None, actor_id: str | None, actors: dict[str, Actor]) -> Side:
    """The side of an event given as its code (ISO3 or actor id) and the actor id behind it."""
    behind = actors.get(actor_id or "") or (None if is_state(code) else actors.get(code or "") or _body(code, actors))
    country = code if is_state(code) else (behind.country if behind else None)
    cameo_type, plover_sector = sector(behind)
    shown = behind or actors.get(code or "")
    return Side(country, shown, cameo_type, plover_sector, _plover_code(behind, country))


def cameo_event_code(cameo: str | None) -> str | None:
    """A CAMEO event code of three digits or more: a root alone (``04``) is its "not specified below" code (``040``)."""
    if not cameo:
        return None
    return cameo + "0" if len(cameo) == 2 else cameo


def quad_class(event: Event) -> int | None:
    """PLOVER's quad of the event's type: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    return QUAD_CLASS.get(event.quad or "")


def cameo_quad_class(code: str | None) -> int | None:
    """GDELT's QuadClass, which follows the CAMEO root: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
    (PLOVER puts CONCEDE, CAMEO 08, in verbal cooperation; GDELT's rule puts root 08 in material cooperation.)"""
    if not code:
        return None
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
