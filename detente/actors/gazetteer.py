"""Phrase tables for states and organisations, matched on token text with spaCy's PhraseMatcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from detente.actors.names import slug as name_slug
from detente.tables import load_table, split_multi


@dataclass(frozen=True)
class Entry:
    actor_id: str  # ISO3 for states, org:<slug> for organisations
    kind: str  # state | org | igo
    form: str  # name | alias | adjective | capital | metonym | combining | org
    name: str  # canonical name
    country: str | None = None
    org_type: str | None = None


def slug(text: str) -> str:
    return name_slug(text)


class Gazetteer:
    """All known state and organisation names; ``match(doc)`` gives (start, end, Entry) token spans."""

    def __init__(self, nlp: Language) -> None:
        self.entries: dict[str, list[Entry]] = {}
        self.state_names: dict[str, str] = {}
        self.seats: dict[str, list[Entry]] = {}  # "Brussels" → the EU, when the article names the EU
        for row in load_table("countries.tsv"):
            iso3, name = row["iso3"], row["name"]
            self.state_names[iso3] = name
            forms = [("name", [name]), ("alias", split_multi(row.get("aliases", "")))]
            forms += [("adjective", split_multi(row.get("adjectives", "")))]
            forms += [("capital", split_multi(row.get("capital", ""))), ("metonym", split_multi(row.get("metonyms", "")))]
            forms += [("combining", split_multi(row.get("combining", "")))]
            for form, values in forms:
                for value in values:
                    self._add(value, Entry(iso3, "state", form, name, iso3))
        for row in load_table("organizations.tsv"):
            kind = "igo" if row.get("type") == "igo" else "org"
            entry_id = f"org:{slug(row['name'])}"
            for value in [row["name"], *split_multi(row.get("aliases", ""))]:
                self._add(value, Entry(entry_id, kind, "org", row["name"], row.get("country") or None, row.get("type")))
            for value in split_multi(row.get("metonyms") or ""):
                self.seats.setdefault(value, []).append(
                    Entry(entry_id, kind, "metonym", row["name"], row.get("country") or None, row.get("type")))
        self.exceptions = {row["phrase"] for row in load_table("demonym_exceptions.tsv")}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # match keys are looked up by hash at every call: kept for good even when the gazetteer is built inside a
        # memory zone (``detente.nlp.transient_strings``), whose strings are dropped when it ends
        for i, phrase in enumerate(self.entries):
            self.matcher.add(self._key(nlp, str(i)), [nlp.make_doc(phrase)])
        self._phrase_of = {nlp.vocab.strings[str(i)]: phrase for i, phrase in enumerate(self.entries)}
        self.exception_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exception_matcher.add(self._key(nlp, "x"), [nlp.make_doc(p) for p in self.exceptions])

    @staticmethod
    def _key(nlp: Language, key: str) -> str:
        nlp.vocab.strings.add(key, allow_transient=False)
        return key

    def _add(self, phrase: str, entry: Entry) -> None:
        variants = {phrase}
        if phrase.startswith("the "):
            variants.add("The " + phrase[4:])
        for variant in variants:
            bucket = self.entries.setdefault(variant, [])
            if entry not in bucket:
                bucket.append(entry)

    def match(self, doc: Doc) -> list[tuple[int, int, Entry]]:
        """Longest non-overlapping matches, skipping set phrases such as "South China Sea"."""
        blocked: set[int] = set()
        for _, start, end in self.exception_matcher(doc):
            blocked.update(range(start, end))
        spans = sorted(self.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set(blocked)
        found: list[tuple[int, int, Entry]] = []
        for match_id, start, end in spans:
            if taken.intersection(range(start, end)):
                continue
            entries = self.entries[self._phrase_of[match_id]]
            taken.update(range(start, end))
            found.append((start, end, entries[0]))
        return sorted(found, key=lambda m: m[0])


def seat_holders(gaz: Gazetteer, matches: list[tuple[int, int, Entry]], doc: Doc,
                 is_location: Callable[[Span], bool]) -> list[tuple[int, int, Entry]]:
    """A capital that is also an organisation's seat stands for the organisation when the article names it
    and the capital is not a place where something happens ("Brussels has frozen ..." beside "the EU")."""
    named = {entry.actor_id for _, _, entry in matches if entry.form == "org"}
    out = []
    for start, end, entry in matches:
        if entry.form == "capital" and named:
            seat = next((e for e in gaz.seats.get(doc[start:end].text, []) if e.actor_id in named), None)
            if seat is not None and not is_location(doc[start:end]):
                entry = seat
        out.append((start, end, entry))
    return out


@cache
def _gazetteer_for(nlp_id: int, nlp: Language) -> Gazetteer:
    return Gazetteer(nlp)


def get_gazetteer(nlp: Language) -> Gazetteer:
    """One gazetteer per loaded model (built in ~0.1 s, then reused)."""
    return _gazetteer_for(id(nlp), nlp)
