"""Party mentions: the places in a sentence that stand for a possible event party (a state or an intergovernmental
body), each with the code it stands for.

REAL-DEV.md and the PLOVER manual decide what may be a party: a state acts through its government, officials,
ministries, forces, embassies and capitals used as metonyms; intergovernmental bodies act in their own name. Think
tanks, companies, media, parties out of government, NGOs, armed groups and private persons are never parties, nor is
a state named as the venue of a multilateral gathering.

Besides names, a sentence refers to parties it named before: "he" or "the minister" for the official named last, "it"
for the state that was the last sentence's subject, "the two countries" for the pair, "we" inside a quotation for the
state of the person quoted. Those mentions are ``implicit``: the event classifier knows them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.actors.codes import communities, modified, not_the_state, party_code
from detente.events.parties import body_not_acting, dateline_end, hosts_gathering, names_accord
from detente.nlp import paragraph_starts
from detente.records import Actor, Quote

PERSONAL = frozenset({"he", "she", "him", "her", "his"})
IMPERSONAL = frozenset({"it", "its"})
FIRST_PLURAL = frozenset({"we", "us", "our"})
ROLE_HEADS = frozenset({"president", "minister", "premier", "chancellor", "diplomat", "ambassador", "envoy", "spokesman",
                        "spokeswoman", "spokesperson", "secretary", "leader", "official", "negotiator", "king", "emir",
                        "prince", "general", "commander"})
STATE_NOUNS = frozenset({"government", "ministry", "embassy", "regime", "administration", "military", "army", "navy",
                         "kremlin", "country"})
# What news calls an intergovernmental body it has just named: "the bloc" (the EU, ASEAN), "the alliance" (NATO)
BODY_NOUNS = frozenset({"bloc", "alliance", "organisation", "organization", "grouping", "league", "union"})
PAIR_PHRASE = re.compile(
    r"\b(?:the two|both) (?:[\w-]+ ){0,3}(?:countries|nations|neighbou?rs|sides|governments|leaders|states|parties|powers|allies|"
    r"ministers|presidents|delegations|militaries|armies|navies|rivals|capitals)\b", re.I)
LOOKBACK = 3  # sentences a pronoun or a definite description may reach back to, inside its paragraph (or the one before)
# Nouns that take up what someone said before: "the Pentagon rejected these accusations" answers their accuser
ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "assertion", "criticism", "report"})
ANAPHORIC_DETS = frozenset({"the", "these", "this", "those", "such"})
# What a denial takes up of someone's report: "Athens denied the incident" answers whoever reported it
REPORTED_NOUNS = frozenset({"incident", "account", "story", "version"})
DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})


@dataclass(frozen=True)
class PartyMention:
    code: str  # ISO3, or an intergovernmental body's event code (UNO, EU, ...)
    start: int  # token span [start, end) in the doc
    end: int
    root: int  # the span's syntactic root (token index)
    kind: str  # state | person | body | igo | pronoun | pair
    actor_id: str | None = None  # the person or organisation behind it, if named
    as_location: bool = False  # "in Vietnam", "a visit to Hanoi": a place
    implicit: bool = False  # resolved from an earlier mention, a pronoun or the pair


def _span(doc: Doc, start_char: int, end_char: int) -> Span | None:
    return doc.char_span(start_char, end_char, alignment_mode="expand")


def _venue(span: Span, kind: str, as_location: bool) -> bool:
    """"the APEC summit", "at a NATO summit in Vilnius", "EU countries", "the Paris agreement": the gathering, its
    host city, the body's members or an accord's name, not a party."""
    if kind == "igo" and body_not_acting(span):
        return True
    return (as_location and hosts_gathering(span.root)) or names_accord(span)


def named_mentions(doc: Doc, actors: ActorResult) -> list[PartyMention]:
    """Every name, title-holder, body or adjective in the doc that stands for a party, in text order; the place a
    story was filed from (its dateline) is none."""
    out: list[PartyMention] = []
    taken: set[int] = set()
    dateline = dateline_end(doc)
    for mention in sorted(actors.mentions, key=lambda m: (m.char_start, -(m.char_end - m.char_start))):
        actor = actors.actor(mention.actor_id)
        coded = party_code(actor, mention.actor_id)
        if coded is None:
            continue
        span = _span(doc, mention.char_start, mention.char_end)
        if span is None or any(t.i in taken for t in span) or mention.char_end <= dateline:
            continue
        code, kind = coded
        if _venue(span, kind, mention.as_location) or (kind == "state" and not_the_state(span)):
            continue
        taken.update(t.i for t in span)
        actor_id = None if mention.actor_id == code else mention.actor_id
        out.append(PartyMention(code, span.start, span.end, span.root.i, kind, actor_id, mention.as_location))
    states = [m for m in out if m.kind == "state"]
    community = communities([(m.start, m.end, modified(doc[m.root]), m.code) for m in states])
    return [m for m in out if not (m.kind == "state" and states.index(m) in community)]


def _role_head(actor: Actor | None) -> set[str]:
    return set((actor.role or "").lower().replace("-", " ").split()) if actor else set()


def sentence_mentions(doc: Doc, actors: ActorResult, quotes: list[Quote] | None = None,
                      pair: list[str] | None = None) -> list[list[PartyMention]]:
    """Party mentions per sentence: the named ones, then the references resolved to an earlier mention."""
    sents = list(doc.sents)
    named = named_mentions(doc, actors)
    per_sent: list[list[PartyMention]] = [[] for _ in sents]
    sent_of = {}
    for i, sent in enumerate(sents):
        for token in sent:
            sent_of[token.i] = i
    for m in named:
        per_sent[sent_of[m.start]].append(m)
    starts = paragraph_starts(doc)
    speakers = _quote_speakers(doc, actors, quotes or [])
    for i, sent in enumerate(sents):
        taken = {t for m in per_sent[i] for t in range(m.start, m.end)}
        # inside the paragraph; a paragraph's first sentence may take up the last one of the paragraph before
        # ("Turkey stepped up its intervention ... ¶ On Sunday it shot down two Syrian planes")
        reach = starts[i] if starts[i] < i else max(0, i - 1)
        earlier = [m for j in range(max(reach, i - LOOKBACK), i) for m in per_sent[j] if not m.implicit]
        last = next((per_sent[j] for j in range(i - 1, max(-1, i - LOOKBACK - 1), -1)
                     if _subject_states(doc, per_sent[j])), [])
        found: list[PartyMention] = []
        for token in sent:
            if token.i in taken:
                continue
            ref = _reference(token, per_sent[i], earlier, actors, speakers)
            found += [ref] if ref is not None else _allegation(token, last)
        found += _pair_mentions(sent, per_sent[i], pair or [])
        per_sent[i] = sorted(per_sent[i] + found, key=lambda m: m.start)
    return per_sent


def _noun_of(token: Token) -> Token:
    """The noun a party's word belongs to: "Russian" in "the Russian and Syrian defense ministries"."""
    for _ in range(4):
        if token.dep_ not in ("amod", "compound", "poss", "nmod", "conj") or token.head.i == token.i:
            break
        token = token.head
    return token


def _subject_states(doc: Doc, mentions: list[PartyMention]) -> list[PartyMention]:
    """The named parties among a sentence's subjects."""
    return [m for m in mentions if m.kind in ("state", "body", "person") and not m.implicit and not m.as_location
            and _noun_of(doc[m.root]).dep_ in ("nsubj", "nsubjpass")]


def _allegation(token: Token, last: list[PartyMention]) -> list[PartyMention]:
    """"These accusations", "the claim": whoever made them, the subject party of the last sentence that had one
    ("the Russian and Syrian defense ministries accused U.S. forces of ... . The Pentagon rejected these
    accusations"), also across a paragraph break."""
    denied = token.dep_ == "dobj" and token.head.lemma_.lower() in DENYING_VERBS
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "pobj") \
            or not (token.lemma_.lower() in ALLEGATION_NOUNS or (denied and token.lemma_.lower() in REPORTED_NOUNS)) \
            or not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in token.children) \
            or any(c.dep_ in ("poss", "compound", "amod", "prep", "acl", "relcl") for c in token.children):
        return []
    codes = list(dict.fromkeys(m.code for m in _subject_states(token.doc, last)))
    return [PartyMention(code, token.i, token.i + 1, token.i, "pronoun", implicit=True) for code in codes]


def _reference(token: Token, here: list[PartyMention], earlier: list[PartyMention], actors: ActorResult,
               speakers: dict[int, str]) -> PartyMention | None:
    """A pronoun or definite description resolved to the nearest fitting party before it."""
    lower = token.lower_
    before = earlier + [m for m in here if m.end <= token.i]
    if lower in FIRST_PLURAL and token.i in speakers:
        return PartyMention(speakers[token.i], token.i, token.i + 1, token.i, "pronoun", implicit=True)
    if token.pos_ == "PRON" and lower in PERSONAL:
        person = next((m for m in reversed(before) if m.kind == "person"), None)
        if person is not None:
            return PartyMention(person.code, token.i, token.i + 1, token.i, "pronoun", person.actor_id, implicit=True)
        return None
    if token.pos_ == "PRON" and lower in IMPERSONAL and token.dep_ in ("nsubj", "nsubjpass", "poss"):
        # "it" stands for a state only when the last subject before it was one: "Turkey said ... . On Sunday it shot"
        subject = next((m for m in reversed(before) if token.doc[m.root].dep_ in ("nsubj", "nsubjpass")
                        and m.kind in ("state", "body", "igo")), None)
        if subject is not None and not any(m.kind == "person" and m.start > subject.start
                                           and token.doc[m.root].dep_ in ("nsubj", "nsubjpass") for m in before):
            return PartyMention(subject.code, token.i, token.i + 1, token.i, "pronoun", implicit=True)
        return None
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
            and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in token.children):
        if lower in ROLE_HEADS:
            person = next((m for m in reversed(before) if m.kind == "person"
                           and lower in _role_head(actors.actor(m.actor_id or ""))), None)
            if person is not None:
                return PartyMention(person.code, token.i, token.i + 1, token.i, "pronoun", person.actor_id, implicit=True)
        elif (named := next((m for m in reversed(before) if m.kind in ("state", "body", "igo") and m.end - m.start > 1
                             and token.doc[m.end - 1].lemma_.lower() == token.lemma_.lower()), None)) is not None:
            # "the department" after "the State Department", "the ministry" after "China's Foreign Ministry": the
            # body last named by that word
            return PartyMention(named.code, token.i, token.i + 1, token.i, "pronoun", named.actor_id, implicit=True)
        elif lower in BODY_NOUNS:  # "EU ministers met on Monday. The bloc imposed sanctions": the body last named
            body = next((m for m in reversed(before) if m.kind == "igo"), None)
            if body is not None:
                return PartyMention(body.code, token.i, token.i + 1, token.i, "pronoun", body.actor_id, implicit=True)
        elif lower in STATE_NOUNS:
            states = list(dict.fromkeys(m.code for m in reversed(before) if m.kind in ("state", "body")))
            if len(states) == 1 or (states and token.dep_ in ("nsubj", "nsubjpass")):
                return PartyMention(states[0], token.i, token.i + 1, token.i, "pronoun", implicit=True)
    return None


def _pair_mentions(sent: Span, here: list[PartyMention], pair: list[str]) -> list[PartyMention]:
    """"the two countries", "both sides": the sentence's two states if it names exactly two, else the article's pair."""
    from detente.nlp import doc_text

    text = doc_text(sent.doc)
    out: list[PartyMention] = []
    for match in PAIR_PHRASE.finditer(text, sent.start_char, sent.end_char):
        span = sent.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        named = list(dict.fromkeys(m.code for m in here if not m.as_location))
        codes = named if len(named) == 2 else pair if len(pair) == 2 else []
        for code in codes:
            out.append(PartyMention(code, span.start, span.end, span.root.i, "pair", implicit=True))
    return out


def _quote_speakers(doc: Doc, actors: ActorResult, quotes: list[Quote]) -> dict[int, str]:
    """Token index → the party code of the speaker, for tokens inside a direct quotation whose speaker is a party."""
    out: dict[int, str] = {}
    for quote in quotes:
        if quote.quote_type == "indirect" or not quote.speaker_actor:
            continue
        coded = party_code(actors.actor(quote.speaker_actor), quote.speaker_actor)
        if coded is None:
            continue
        span = _span(doc, quote.char_start, quote.char_end)
        if span is not None:
            for token in span:
                out[token.i] = coded[0]
    return out


def main_pair(mentions: list[list[PartyMention]]) -> list[str]:
    """The article's two most-mentioned parties that are not places: what "the two countries" refers to."""
    counts: dict[str, int] = {}
    for sent in mentions:
        for m in sent:
            if not m.as_location and not m.implicit and len(m.code) == 3:
                counts[m.code] = counts.get(m.code, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))[:2]
