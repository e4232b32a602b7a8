"""Which actors can be parties to an event between states, and under which code.

REAL-DEV.md section 4 and the PLOVER manual: a state acts through its government, officials, ministries, forces and
legislature; an intergovernmental body in its own name (``event_code`` in organizations.tsv). Think tanks, companies,
media, parties out of government, NGOs, armed groups and private persons are never parties.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.actors.lexicon import leaders, title_kind
from detente.actors.names import slug
from detente.records import Actor
from detente.tables import load_table

STATE_BODIES = frozenset({"ministry", "military", "legislature", "agency"})  # org types that act for their state
ACTING_TITLE_KINDS = frozenset({"state-office", "party"})  # a person whose title makes them act for a state


@lru_cache(maxsize=1)
def igo_codes() -> dict[str, str]:
    """Organisation actor id → the event code it carries as a party (organizations.tsv, ``event_code``)."""
    return {f"org:{slug(row['name'])}": row["event_code"] for row in load_table("organizations.tsv")
            if row.get("event_code")}


def party_code(actor: Actor | None, actor_id: str) -> tuple[str, str] | None:
    """(code, kind) when the actor can be an event party, else None."""
    if re.fullmatch(r"[A-Z]{3}", actor_id):
        return actor_id, "state"
    if actor is None:
        return None
    if actor.kind in ("org", "igo"):
        code = igo_codes().get(actor.id)
        if code:
            return code, "igo"
        if actor.org_type in STATE_BODIES and actor.country:
            return actor.country, "body"
        return None
    if actor.kind == "person":
        affiliated = igo_codes().get(actor.affiliation or "")
        if affiliated:
            return affiliated, "person"
        if actor.country and (title_kind(actor.role) in ACTING_TITLE_KINDS or actor.name in leaders()):
            return actor.country, "person"  # a title that acts for a state, or an office-holder of the leaders table
    return None
