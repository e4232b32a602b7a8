"""Which actors can be parties to an event between states, and under which code.

REAL-DEV.md section 4 and the PLOVER manual: a state acts through its government, officials, ministries, forces and
legislature; an intergovernmental body in its own name (``event_code`` in organizations.tsv). Think tanks, companies,
media, parties out of government, NGOs, armed groups and private persons are never parties.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

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


@lru_cache(maxsize=1)
def nonstate_nouns() -> frozenset[str]:
    """Lemmas of nouns naming private people or non-state groups (data/nonstate_nouns.tsv)."""
    return frozenset(row["noun"].lower() for row in load_table("nonstate_nouns.tsv"))


# Words that make a plural nationality noun the public ("most Americans", "thousands of Britons", "a majority of
# Germans"), whose opinions and acts are no state's
PUBLIC_QUANTIFIERS = frozenset({"most", "many", "some", "few", "several", "ordinary", "average", "fellow", "young",
                                "older", "all"})
SHARE_NOUNS = frozenset({"percent", "%", "majority", "minority", "share", "half", "third", "quarter", "most", "many",
                         "millions", "thousands", "hundreds", "number", "proportion", "poll", "survey"})


def names_people(root: Token) -> bool:
    """A nationality word modifying a noun of private people or groups ("Kenyan students", "Israeli settlers"), or
    one standing for a single person ("an American", "the 48-year-old Australian"): people of that nationality, not
    the state. A group counted by nationality ("arrested 100 Palestinians") stays its state's, as PLOVER codes it, and
    "the Chinese have balked" may be the Chinese side."""
    plural = root.tag_ in ("NNS", "NNPS") or (root.tag_ == "NNP" and root.text.endswith("s"))  # "Britons" as NNP
    if plural and root.ent_type_ != "GPE" and (
            any(c.dep_ in ("amod", "det") and c.lower_ in PUBLIC_QUANTIFIERS for c in root.children)
            or (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SHARE_NOUNS)):
        return True  # "most Americans want ...", "70 percent of Britons": the public, not the state
    if root.dep_ in MODIFIER_DEPS:  # "Kenyan students"; "an Egyptian American": a person of two nationalities
        return root.head.lemma_.lower() in nonstate_nouns() or (
            root.head.i > root.i and root.head.ent_type_ == "NORP" and names_people(root.head))
    return root.ent_type_ != "GPE" and root.pos_ in ("NOUN", "PROPN") and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an"))
        or (c.dep_ in ("amod", "compound") and any(ch.isdigit() for t in c.subtree for ch in t.text))
        for c in root.children)


def internal(span) -> bool:
    """"intra-Afghan negotiations", "intra-Palestinian talks": an affair inside one state, which is not a party to
    anything between states."""
    doc = span.doc
    return (span.start >= 2 and doc[span.start - 1].text in ("-", "–") and doc[span.start - 2].lower_ == "intra") \
        or span[0].lower_.startswith("intra-")


# Last words of the name of a statute: a state named inside one is the statute's subject ("the Taiwan Relations Act",
# "the Hong Kong Human Rights and Democracy Act"), not a party to what the statute does
STATUTE_HEADS = {"act", "law", "bill"}
# Words of a company's name beside a state's ("Air India", "Japan Airlines", "Bank of China"; with the non-state
# nouns: bank, airline, company, carrier): the company acts, not the state
COMPANY_NAME_WORDS = {"air", "airways", "airlines", "railways", "petroleum", "motors", "telecom", "steel", "shipping",
                      "corp", "corporation", "inc", "ltd", "plc", "holdings"}


def in_other_name(span) -> bool:
    """The state word lies inside a longer name of something else: a statute (an entity ending in "Act", "Law" or
    "Bill") or a company (an organisation named with a company word)."""
    doc = span.doc
    entity = next((e for e in doc.ents if e.start <= span.start and span.end <= e.end
                   and e.label_ in ("LAW", "ORG", "WORK_OF_ART")), None)
    if entity is None or (entity.end - entity.start) <= (span.end - span.start):
        return False
    last = doc[entity.end - 1]
    if last.lower_ in STATUTE_HEADS and last.text[0].isupper():
        return True
    rest = {t.lower_ for t in entity if not span.start <= t.i < span.end}
    return entity.label_ == "ORG" and bool(rest & (COMPANY_NAME_WORDS | nonstate_nouns()))


def not_the_state(span) -> bool:
    """A state word that names no act of the state: its people ("Kenyan students"), its internal affairs, or a part of
    another thing's name ("the Hong Kong Human Rights and Democracy Act would impose sanctions", "Air India signed")."""
    return names_people(span.root) or internal(span) or in_other_name(span)


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


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def modified(root: Token) -> int:
    """The index of the word a nationality word modifies ("Bosnian" in "Bosnian Serbs"), else -1. Words joined by a
    hyphen name a pair of states ("an Israeli-Jordanian treaty"), not a community."""
    doc = root.doc
    if root.i + 1 < len(doc) and doc[root.i + 1].text in ("-", "–"):
        return -1
    return root.head.i if root.dep_ in MODIFIER_DEPS and root.head.i != root.i else -1


def communities(spans: list[tuple[int, int, int, str]]) -> set[int]:
    """Indices of state-word spans that together name an ethnic or national community, not a state: a nationality
    word modifying another state's people word ("Bosnian Serbs", "Turkish Cypriots", "Kosovo Albanians").
    ``spans`` are (start, end, index of the word it modifies or -1, code) per state-word mention."""
    found: set[int] = set()
    for i, (_, _, head, code) in enumerate(spans):
        for j, (start, end, _, other) in enumerate(spans):
            if i != j and head >= 0 and other != code and start <= head < end:
                found.update((i, j))
    return found

