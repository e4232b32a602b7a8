"""PLOVER type/mode lookups from ``data/plover.tsv`` and trigger lexicon from ``data/event_lexicon.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from detente.tables import load_table, split_multi

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})


# The PLOVER manual's single categories for acts reported as future ("Potential ambiguities" of AGREE and RETREAT):
# a cooperative act of these types in the future tense is an intention, coded AGREE, and an announced retreat is
# coded CONCEDE, rather than the type with the auxiliary mode "future"
FUTURE_AS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}


def plover_category(event_type: str, status: str | None) -> str:
    """The category the PLOVER manual codes an act as: "will visit Albania" is AGREE, "will withdraw" CONCEDE."""
    return FUTURE_AS.get(event_type, event_type) if status == "planned" else event_type


@dataclass(frozen=True)
class PloverInfo:
    cameo: str
    goldstein: float
    quad: str


@dataclass(frozen=True)
class Trigger:
    phrase: str  # lemma or space-separated lemmas
    pos: str
    type: str
    mode: str | None
    objects: frozenset[str]


@lru_cache(maxsize=1)
def _plover() -> dict[tuple[str, str], PloverInfo]:
    return {
        (row["type"], row.get("mode", "")): PloverInfo(row["cameo"], float(row["goldstein"]), row["quad"])
        for row in load_table("plover.tsv")
    }


def plover_info(event_type: str, mode: str | None = None) -> PloverInfo:
    table = _plover()
    return table.get((event_type, mode or "")) or table[(event_type, "")]


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(first lemma, POS) → triggers starting with it; multi-word phrases are checked against following tokens."""
    index: dict[tuple[str, str], list[Trigger]] = {}
    for row in load_table("event_lexicon.tsv"):
        if row["type"] not in PLOVER_TYPES:
            raise ValueError(f"event_lexicon.tsv: unknown PLOVER type {row['type']!r} for {row['trigger']!r}")
        trig = Trigger(row["trigger"].lower(), row["pos"], row["type"], row.get("mode") or None,
                       frozenset(split_multi(row.get("object", ""))))
        index.setdefault((trig.phrase.split()[0], trig.pos), []).append(trig)
    for bucket in index.values():
        bucket.sort(key=lambda t: (-len(t.phrase.split()), not t.objects))  # specific rows first
    return index
