"""Personal names: naming conventions, the short forms a later mention uses, and linking short to full names.

News introduces a person by full name and then shortens it by the convention of the name: Western and most
other names keep the family name, written last ("Greg Poling" … "Poling"); Chinese and Korean names keep the
family name written first ("Xi Jinping" … "Xi"); Vietnamese names are family-name first but shortened to the
given name, written last ("Nguyen Khac Giang" … "Giang"). The family names that mark a convention are data
(``data/surnames.tsv``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from detente.tables import load_table, split_multi

SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}
PARTICLES = {"al", "el", "bin", "ibn", "van", "von", "de", "da", "du", "del", "der", "la", "le"}
# the state a naming convention points to when it points to one alone (Chinese and Korean names do not:
# Taiwan, Singapore, the two Koreas and diasporas share them)
CONVENTION_STATE = {"vietnamese": "VNM"}


def slug(text: str) -> str:
    """ASCII slug for ids: "Raúl Castro" → "raul-castro", so spellings with and without accents meet."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@lru_cache(maxsize=1)
def surname_conventions() -> dict[str, str]:
    return {row["surname"]: row.get("convention", "") for row in load_table("surnames.tsv")}


@lru_cache(maxsize=1)
def leader_aliases() -> dict[str, str]:
    """Short names from the leaders table that stand for one full name alone ("Biden" → "Joe Biden")."""
    seen: dict[str, set[str]] = {}
    for row in load_table("leaders.tsv"):
        for alias in split_multi(row.get("aliases", "")):
            seen.setdefault(alias, set()).add(row["name"])
    return {alias: names.pop() for alias, names in seen.items() if len(names) == 1}


def convention(name: str) -> str:
    """"vietnamese", "chinese", "korean" for family-name-first names, else "western"."""
    parts = name.split()
    return surname_conventions().get(parts[0], "western") if len(parts) >= 2 else "western"


def convention_state(name: str) -> str | None:
    return CONVENTION_STATE.get(convention(name))


def core_tokens(name: str) -> list[str]:
    return [p for p in name.split() if p not in SUFFIXES]


def short_forms(name: str) -> set[str]:
    """Forms a later mention of ``name`` may take, by its naming convention."""
    parts = core_tokens(name)
    if len(parts) < 2:
        return set()
    conv = convention(name)
    if conv in ("chinese", "korean"):
        return {parts[0]}
    last = parts[-1]
    forms = {last}
    if conv == "western":
        if "-" in last and last.split("-")[0].lower() in PARTICLES:  # "al-Nimr" … "Nimr"
            forms.add(last.split("-", 1)[1])
        if len(parts) >= 3 and parts[-2].lower() in PARTICLES:  # "van der Leyen"
            forms.add(" ".join(parts[-2:]))
        forms.add(f"{parts[0]} {last}")  # "Recep Tayyip Erdogan" … "Recep Erdogan" is rare but harmless
    return forms


@dataclass
class NameIndex:
    """Full names seen in one article, in order of introduction; links later short mentions to them."""

    full: dict[str, str] = field(default_factory=dict)  # full name → person id
    order: list[str] = field(default_factory=list)

    def add(self, name: str, person_id: str) -> None:
        if name not in self.full:
            self.full[name] = person_id
            self.order.append(name)

    def link(self, text: str) -> str | None:
        """The person a mention refers to: the same full name, or the first-introduced name it is a short form of.

        When two people share a short form ("Raúl Castro", "Fidel Castro" … "Castro"), the one introduced first is
        the article's main referent: writers give the secondary one in full.
        """
        if text in self.full:
            return self.full[text]
        for name in self.order:
            if text in short_forms(name):
                return self.full[name]
        parts = set(text.split())
        if len(parts) >= 2:  # "Moon Jae-in" and "Moon Jae-in's"; "Ferdinand Marcos" for "Ferdinand Marcos Jr"
            for name in self.order:
                if parts <= set(name.split()):
                    return self.full[name]
        return None

    def all_short_forms(self) -> dict[str, str]:
        """Short form → person id, each form given to the first-introduced name that has it."""
        forms: dict[str, str] = {}
        for name in self.order:
            for form in short_forms(name):
                forms.setdefault(form, self.full[name])
        return forms
