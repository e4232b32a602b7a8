"""Resolve the actors of one parsed article: states, people (with roles), organisations.

The small spaCy model mislabels many Asian names and news organisations; we
correct it with the gazetteer (a known organisation is never a person), with
titles (a name after "Defence Minister" is a person) and with document-level
consistency (a name once seen as a person stays one; "Xi" after "Xi Jinping"
is the same person).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from detente.actors.gazetteer import Entry, get_gazetteer, slug
from detente.records import Actor, Mention
from detente.tables import load_table, split_multi

LOCATION_PREPS = {"to", "in", "at", "from", "into", "near", "across", "around", "via", "through"}
NAME_TOKEN = re.compile(r"^[A-Z][a-zA-Z’'\-]+\.?$")


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str, int]]:
    """Lower-cased title → (kind, rank)."""
    return {row["title"].lower(): (row.get("kind", ""), int(row.get("rank") or 5)) for row in load_table("titles.tsv")}


@lru_cache(maxsize=1)
def leaders() -> dict[str, list[dict[str, str]]]:
    """Full name and aliases → tenure rows."""
    index: dict[str, list[dict[str, str]]] = {}
    for row in load_table("leaders.tsv"):
        for name in [row["name"], *split_multi(row.get("aliases", ""))]:
            index.setdefault(name, []).append(row)
    return index


@dataclass
class ActorResult:
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    acting_states: list[str] = field(default_factory=list)  # states that act in the article, not just places

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def country_of(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        if re.fullmatch(r"[A-Z]{3}", actor_id):
            return actor_id
        actor = self.actor(actor_id)
        return actor.country if actor else None


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for token in sent:
            index[token.i] = i
    return index


def _is_location(span: Span) -> bool:
    """"a visit to Hanoi", "in Vietnam": the place where something happens, not an actor."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS


def _title_before(doc: Doc, start: int) -> tuple[str | None, str | None, int]:
    """Titles and a country adjective just before a name: "Vietnamese Defence Minister Ngo Xuan Lich"."""
    table = titles()
    gaz_country = None
    i = start - 1
    role_tokens: list[str] = []
    while i >= 0 and doc[i].text[:1].isupper() and not doc[i].is_sent_start and i >= start - 6:
        role_tokens.insert(0, doc[i].text)
        i -= 1
    best = None
    for k in range(len(role_tokens)):
        phrase = " ".join(role_tokens[k:])
        if phrase.lower() in table:
            best = phrase
            break
    if best is None:
        # the title may be only the last word ("President Xi")
        for k in range(len(role_tokens) - 1, -1, -1):
            if role_tokens[k].lower() in table:
                best = " ".join(role_tokens[k:])
                break
    return best, gaz_country, i + 1


def _premodifier_role(doc: Doc, span: Span, state_tokens: dict[int, str]) -> tuple[str | None, str | None]:
    """Role and country from the words before a name in its noun phrase.

    "Vietnamese Defence Minister Ngo Xuan Lich" → ("Defence Minister", VNM);
    "China's foreign ministry spokesman Zhao Lijian" → ("foreign ministry spokesman", CHN).
    """
    table = titles()
    start = span.start
    i = start - 1
    while i >= span.sent.start and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "punct") \
            and doc[i].head.i >= start - 1 and doc[i].text not in (",", "(", ")"):
        i -= 1
    if i == start - 1 and start > 0 and doc[start - 1].lower_ in table:
        i = start - 2  # "His wife Peng Liyuan": a role noun right before the name, whatever its parse
    words = [t for t in doc[i + 1 : start] if t.dep_ != "case" and t.text not in ("'s", "’s")]
    country = next((state_tokens[t.i] for t in words if t.i in state_tokens), None)
    role_words = [t.text for t in words if t.i not in state_tokens]
    role = " ".join(role_words).strip() or None
    if role and not any(w.lower() in table or w in table for w in role_words) and role.lower() not in table:
        role = None
    return role, country


def _apposition(doc: Doc, span: Span) -> str | None:
    """", vice-chairman of China’s Central Military Commission," after a name."""
    end = span.end
    if end >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1
    while j < len(doc) and doc[j].text in ("a", "an", "the"):
        j += 1
    if j >= len(doc):
        return None
    start = j
    stop = j
    while stop < len(doc) and doc[stop].text not in (",", ";", ".", "“", '"', "(") and not doc[stop].is_sent_start:
        stop += 1
    phrase = doc[start:stop]
    if not 1 <= len(phrase) <= 25:
        return None
    table = titles()
    heads = [t for t in phrase if t.lower_ in table or t.lemma_.lower() in table]
    if not heads and not any(f"{a.lower_} {b.lower_}" in table for a, b in itertools.pairwise(phrase)):
        return None
    return phrase.text


@lru_cache(maxsize=1)
def family_first_surnames() -> frozenset[str]:
    return frozenset(row["surname"] for row in load_table("surnames.tsv"))


GIVEN_NAME = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?$")
NOT_A_NAME_AFTER = {"City", "Province", "River", "Street", "University", "Institute", "Party", "Group", "Company"}


def _surname_first_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Family-name-first names the model missed: "Nguyen Huu Vinh", "Wang Yi", "Moon Jae-in"."""
    found: list[Span] = []
    surnames = family_first_surnames()
    i = 0
    while i < len(doc) - 1:
        token = doc[i]
        if token.text in surnames and i not in taken and not (i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start):
            end = i + 1
            while end < len(doc) and end - i < 3 and GIVEN_NAME.match(doc[end].text) and end not in taken:
                end += 1
            if end - i >= 2 and (end >= len(doc) or doc[end].text not in NOT_A_NAME_AFTER):
                found.append(doc[i:end])
                i = end
                continue
        i += 1
    return found


def _person_spans(doc: Doc, gaz_taken: set[int]) -> list[Span]:
    """PERSON entities, plus mislabelled names that a title or apposition marks as people."""
    spans: list[Span] = []
    table = titles()
    for ent in doc.ents:
        if any(t.i in gaz_taken for t in ent):
            continue
        tokens = [t for t in ent if t.text not in ("'s", "’s")]
        if not tokens:
            continue
        label = ent.label_
        ent = doc[tokens[0].i : tokens[-1].i + 1]
        if label == "PERSON":
            spans.append(ent)
        elif label in ("ORG", "NORP", "GPE") and all(NAME_TOKEN.match(t.text) for t in ent) and len(ent) >= 2:
            before = doc[ent.start - 1].lower_ if ent.start else ""
            if before in table or _apposition(doc, ent):
                spans.append(ent)
    covered = {tok.i for span in spans for tok in span} | gaz_taken
    covered |= {tok.i for ent in doc.ents if ent.label_ in ("ORG", "GPE", "FAC", "LOC") for tok in ent}
    spans.extend(_surname_first_names(doc, covered))
    return sorted(spans, key=lambda s: s.start)


def _country_from_text(text: str, gaz_matches: list[tuple[str, str]]) -> str | None:
    for phrase, iso3 in gaz_matches:
        if phrase in text:
            return iso3
    return None


def resolve_actors(doc: Doc, nlp=None) -> ActorResult:
    """Find and resolve every actor mention in ``doc`` (the parsed article body)."""
    from detente.nlp import load_nlp

    gaz = get_gazetteer(nlp or load_nlp())
    sent_of = _sentence_index(doc)
    result = ActorResult()
    actors: dict[str, Actor] = {}
    state_votes: Counter[str] = Counter()
    matches = gaz.match(doc)
    gaz_taken = {i for start, end, _ in matches for i in range(start, end)}
    state_phrases: list[tuple[str, str]] = []
    state_tokens: dict[int, str] = {}
    for start, end, entry in matches:
        if entry.kind == "state" or entry.country:
            state_tokens.update({i: entry.country or entry.actor_id for i in range(start, end)})
        span = doc[start:end]
        as_location = entry.kind == "state" and _is_location(span)
        _register(actors, entry, gaz)
        result.mentions.append(Mention(entry.actor_id, span.start_char, span.end_char, span.text, sent_of[start], as_location))
        if entry.kind == "state":
            state_phrases.append((span.text, entry.actor_id))
            if not as_location:
                state_votes[entry.actor_id] += 1
        elif entry.country:
            state_votes[entry.country] += 0  # an org's country is known but does not make the state act
    # People
    full_names: dict[str, str] = {}
    for span in _person_spans(doc, gaz_taken):
        name = span.text.strip()
        person_id = _link_short_name(name, full_names)
        if person_id is None:
            person_id = f"person:{slug(name)}"
            full_names[name] = person_id
        actor = actors.get(person_id)
        if actor is None:
            actor = actors[person_id] = Actor(id=person_id, kind="person", name=name)
        role, _, role_start = _title_before(doc, span.start)
        np_role, np_country = _premodifier_role(doc, span, state_tokens)
        if np_role and (not role or len(np_role) > len(role)):
            role = np_role
        context = doc[max(role_start, span.sent.start) : span.start].text
        appos = _apposition(doc, span)
        if appos and not actor.role:
            actor.role = appos
            actor.country = actor.country or _country_from_text(appos, state_phrases)
        if role and not actor.role:
            actor.role = role
        if not actor.country:
            actor.country = np_country or _leader_country(name) or _country_from_text(context, state_phrases)
        result.mentions.append(Mention(person_id, span.start_char, span.end_char, span.text, sent_of[span.start]))
    _spouses_share_country(result.mentions, actors)
    for actor in actors.values():
        if actor.kind == "person" and actor.country:
            state_votes[actor.country] += 2
    result.actors = list(actors.values())
    result.acting_states = sorted(iso for iso, votes in state_votes.items() if votes >= 2)
    return result


def _spouses_share_country(mentions: list[Mention], actors: dict[str, Actor]) -> None:
    """"His wife Peng Liyuan": a spouse introduced by role takes the country of the person named before."""
    last_with_country: Actor | None = None
    for mention in sorted(mentions, key=lambda m: m.char_start):
        actor = actors.get(mention.actor_id)
        if actor is None or actor.kind != "person":
            continue
        role = (actor.role or "").lower()
        if actor.country is None and re.search(r"\b(wife|husband|spouse|first lady)\b", role) and last_with_country:
            actor.country = last_with_country.country
        if actor.country:
            last_with_country = actor


def _leader_country(name: str) -> str | None:
    rows = leaders().get(name)
    if rows and len({r["country"] for r in rows}) == 1:
        return rows[0]["country"]
    return None


def _link_short_name(name: str, full_names: dict[str, str]) -> str | None:
    """"Xi" → "Xi Jinping", "Giang" → "Nguyen Khac Giang": a one-word name that is a token of exactly one full name."""
    if name in full_names:
        return full_names[name]
    parts = name.split()
    candidates = {pid for full, pid in full_names.items() if set(parts) <= set(full.split()) and full != name}
    if len(candidates) == 1:
        return candidates.pop()
    return None


def _register(actors: dict[str, Actor], entry: Entry, gaz) -> None:
    if entry.actor_id in actors:
        return
    actors[entry.actor_id] = Actor(
        id=entry.actor_id,
        kind=entry.kind,
        name=entry.name,
        country=entry.country,
        org_type=entry.org_type,
    )
