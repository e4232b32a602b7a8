"""Resolve the actors of one parsed article: states, people (with roles), organisations.

Stages: gazetteer matches give states and organisations (a known organisation is never a person); people come
from :mod:`detente.actors.people` (labels fixed, short names linked by naming convention); each mention's role and
country from :mod:`detente.actors.affiliation`; then document-level rules (a counterpart has the role of the
person they are paired with, a spouse the country of their partner) and fall-backs from data (the leaders table,
the naming convention, the nearest state named).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from detente.actors.affiliation import MentionRole, StateTokens, mention_role
from detente.actors.gazetteer import Entry, get_gazetteer, seat_holders
from detente.actors.lexicon import leader_facts, leaders, title_kind, titles
from detente.actors.names import convention_state
from detente.actors.people import PersonMention, candidate_spans, group_people, names_government
from detente.actors.states import OFFICE_KINDS, StateVotes, is_agent, is_location, named_as_venue, quoted
from detente.records import Actor, Mention

__all__ = ["ActorResult", "leaders", "resolve_actors", "titles"]

SPOUSE_WORDS = ("wife", "husband", "spouse")


@dataclass
class Person:
    actor: Actor
    kind: str  # kind of the title the article gives them (state-office, party, expert, civil or "")
    undetermined: bool = False  # the evidence on their country conflicts: leave it unknown


@dataclass
class ActorResult:
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    acting_states: list[str] = field(default_factory=list)  # states that act in the article, not just places
    role_from_text: set[str] = field(default_factory=set)  # person ids whose role the article states

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


def resolve_actors(doc: Doc, nlp=None, captions: Sequence[str] = (), caption_docs: Sequence[Doc] | None = None) -> ActorResult:
    """Find and resolve every actor mention in ``doc`` (the parsed article body).

    ``captions`` (photo captions kept out of the body) can name people the body does not ("Vietnam's Communist
    Party chief Nguyen Phu Trong (right)"): they become actors of the article, without mentions in the body.
    """
    from detente.nlp import load_nlp

    nlp = nlp or load_nlp()
    gaz = get_gazetteer(nlp)
    sent_of = _sentence_index(doc)
    result = ActorResult()
    actors: dict[str, Actor] = {}
    votes = StateVotes()
    matches = seat_holders(gaz, gaz.match(doc), doc, is_location)
    states = StateTokens({i: entry for start, end, entry in matches for i in range(start, end)})
    state_positions: list[tuple[int, str, bool]] = []
    in_quote = quoted(doc)
    for start, end, entry in matches:
        span = doc[start:end]
        as_location = (entry.kind == "state" and is_location(span)) or (entry.kind == "igo" and named_as_venue(span))
        _register(actors, entry)
        result.mentions.append(Mention(entry.actor_id, span.start_char, span.end_char, span.text, sent_of[start], as_location))
        if entry.kind == "state":
            state_positions.append((start, entry.actor_id, is_agent(span)))
            votes.mention(entry.actor_id, span, as_location, in_quote[start])
    people = _resolve_people(doc, set(states.entries), states, state_positions, sent_of, result)
    for person in people:
        actors[person.actor.id] = person.actor
        if person.kind in OFFICE_KINDS or leader_facts(person.actor.name)[0]:
            votes.office_holder(person.actor.country)
    parsed = caption_docs if caption_docs is not None else [nlp(caption) for caption in captions]
    for caption_doc in parsed:
        _add_caption_people(resolve_actors(caption_doc, nlp), actors)
    result.actors = list(actors.values())
    result.acting_states = votes.acting()
    return result


def _add_caption_people(found: ActorResult, actors: dict[str, Actor]) -> None:
    """People a caption names in full who are not in the body, not even by a longer or shorter form."""
    known = [set(a.name.split()) for a in actors.values() if a.kind == "person"]
    for actor in found.actors:
        parts = set(actor.name.split())
        if actor.kind == "person" and len(parts) >= 2 and actor.id not in actors \
                and not any(parts <= other or other <= parts for other in known):
            actor.aliases = []
            actors[actor.id] = actor


def _resolve_people(doc: Doc, gaz_taken: set[int], states: StateTokens, state_positions: list[tuple[int, str, bool]],
                    sent_of: list[int], result: ActorResult) -> list[Person]:
    """Person actors with their role, country and title kind; their mentions are appended to ``result``."""
    _, found = group_people(doc, candidate_spans(doc, gaz_taken), gaz_taken)
    government = [m for m in found if names_government(m.span)]
    found = [m for m in found if not names_government(m.span)]
    roles = [mention_role(doc, m.span, states) for m in found]
    _counterparts(found, roles, sent_of)
    by_person: dict[str, list[tuple[PersonMention, MentionRole]]] = {}
    for mention, role in zip(found, roles, strict=True):
        by_person.setdefault(mention.person_id, []).append((mention, role))
        span = mention.span
        result.mentions.append(Mention(mention.person_id, span.start_char, span.end_char, span.text, sent_of[span.start]))
    people: dict[str, Person] = {}
    for pid, items in by_person.items():
        people[pid] = _person(pid, items, result)
    _spouses(found, roles, people)
    for pid, person in people.items():
        if person.actor.country is None and person.kind != "expert" and not person.undetermined:
            person.actor.country = _nearest_state(by_person[pid][0][0].span.start, state_positions, sent_of)
    for mention in government:  # "the Biden administration" is the US government
        person = people.get(mention.person_id)
        country = person.actor.country if person else leader_facts(mention.name)[0]
        if country:
            span = mention.span
            result.mentions.append(Mention(country, span.start_char, span.end_char, span.text, sent_of[span.start]))
    return list(people.values())


def _person(pid: str, items: list[tuple[PersonMention, MentionRole]], result: ActorResult) -> Person:
    """One person from all their mentions: the first stated role, the country that role's phrase gives."""
    name = items[0][0].name
    aliases = sorted({m.span.text for m, _ in items} - {name})
    actor = Actor(id=pid, kind="person", name=name, aliases=aliases)
    with_role = next((r for _, r in items if r.role), None)
    kind = with_role.kind if with_role else ""
    basis = ""
    if with_role:
        actor.role, actor.country, basis = with_role.role, with_role.country, with_role.basis
        result.role_from_text.add(pid)
    if actor.country is None:
        other = next((r for _, r in items if r.country), None)
        if other:
            actor.country, basis = other.country, other.basis
    table_country, table_role = leader_facts(name)
    if actor.role is None and table_role:
        actor.role, kind = table_role, title_kind(table_role) or "state-office"
    if actor.country is None:
        actor.country = table_country
    prior = convention_state(name)
    if prior and actor.country and basis in ("location", "org") and actor.country != prior:
        actor.country = None  # a Vietnamese name at a Singapore institute: the country is not known
        return Person(actor, kind, undetermined=True)
    if actor.country is None and prior:
        actor.country = prior
    return Person(actor, kind, undetermined=actor.country is None and basis in ("org", "posted"))


def _counterparts(found: list[PersonMention], roles: list[MentionRole], sent_of: list[int]) -> None:
    """"Orban invited his Swedish counterpart Ulf Kristersson": the counterpart holds the same office."""
    for i, role in enumerate(roles):
        if not role.role or "counterpart" not in role.role.lower():
            continue
        sent = sent_of[found[i].span.start]
        for j in range(i - 1, -1, -1):
            if sent_of[found[j].span.start] != sent:
                break
            other = roles[j]
            if found[j].person_id != found[i].person_id and other.role and "counterpart" not in other.role.lower():
                role.role, role.kind = other.role, other.kind
                break


def _spouses(found: list[PersonMention], roles: list[MentionRole], people: dict[str, Person]) -> None:
    """"His wife Peng Liyuan": the wife of the person named just before, and of their country."""
    for i, role in enumerate(roles):
        word = next((w for w in SPOUSE_WORDS if role.role and role.role.lower().split()[-1] == w), None)
        if word is None:
            continue
        partner = next((found[j] for j in range(i - 1, -1, -1) if found[j].person_id != found[i].person_id), None)
        actor = people[found[i].person_id].actor
        if partner is None or actor.role != role.role:
            continue
        actor.role = f"{word} of {partner.name}"
        actor.country = actor.country or people[partner.person_id].actor.country


def _nearest_state(token: int, state_positions: list[tuple[int, str, bool]], sent_of: list[int]) -> str | None:
    """The state named last before ``token`` in its sentence, else the subject (or last) state of the sentence before.

    A weak fall-back for office holders the article names without their country ("In Beijing, foreign ministry
    spokesman Zhao Lijian …").
    """
    sent = sent_of[token]
    same = [iso for i, iso, _ in state_positions if i < token and sent_of[i] == sent]
    if same:
        return same[-1]
    previous = [(iso, agent) for i, iso, agent in state_positions if sent_of[i] == sent - 1]
    agents = [iso for iso, agent in previous if agent]
    return agents[0] if agents else (previous[-1][0] if previous else None)


def _register(actors: dict[str, Actor], entry: Entry) -> None:
    if entry.actor_id in actors:
        return
    actors[entry.actor_id] = Actor(
        id=entry.actor_id,
        kind=entry.kind,
        name=entry.name,
        country=entry.country,
        org_type=entry.org_type,
    )
