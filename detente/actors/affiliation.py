"""A person's role and country from the words around one mention of their name.

Roles come from titles before the name ("Vietnamese Defence Minister Ngo Xuan Lich", "Secretary of State John
Kerry"), appositions after it ("Fan Changlong, vice-chairman of China's Central Military Commission") or before it
("China's top diplomat, Wang Yi"), copulas ("Albanese became the first Australian prime minister") and
relative clauses of scholarship ("Lucia Ferrer, who studies … at a university in Miami").

The country depends on the kind of role. An office holder belongs to the state named in the phrase ("Iran's
Supreme National Security Council"). An expert's country is their nationality when an adjective gives it ("an
Australian writer"), else where their institution is ("a research centre in Beirut", "the Washington-based
CSIS"), else the institution's own country; a state named as the subject of expertise ("a China analyst",
"researcher on Russian security policy") is not theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.gazetteer import Entry
from detente.actors.lexicon import cities, title_kind, titles

CONNECTORS = {"of", "for", "and", "on"}
SCHOLARLY_VERBS = {"study", "teach", "research", "head", "lead", "direct", "run", "work", "specialize", "specialise"}
DROP_WORDS = {"first", "second", "third", "then", "sitting", "prominent", "veteran", "longtime", "well-known"}


@dataclass
class MentionRole:
    role: str | None = None
    country: str | None = None
    basis: str = ""  # office | nationality | location | org | title
    kind: str = ""  # title kind: state-office | party | expert | civil | ""


@dataclass
class StateTokens:
    """Token index → gazetteer entry, for the state and organisation names of the article."""

    entries: dict[int, Entry]

    def country(self, i: int) -> str | None:
        entry = self.entries.get(i)
        return (entry.country or entry.actor_id) if entry and (entry.kind == "state" or entry.country) else None

    def is_state(self, i: int) -> bool:
        entry = self.entries.get(i)
        return entry is not None and entry.kind == "state"


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    while start < end and (doc[start].dep_ in ("det", "punct") or doc[start].lower_ in ("a", "an", "the")):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if start < end else None


def title_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The capitalised title right before a name, with "of"/"for" inside it: "Secretary of State John Kerry"."""
    table = titles()
    i = start - 1
    while i >= 0 and i >= start - 7 and not doc[i + 1].is_sent_start and (
        doc[i].text[:1].isupper() or (doc[i].lower_ in CONNECTORS and i > 0 and doc[i - 1].text[:1].isupper())
    ):
        i -= 1
    words = [t.text for t in doc[i + 1 : start]]
    for k in range(len(words)):
        phrase = " ".join(words[k:])
        if phrase.lower() in table:
            return phrase, start - (len(words) - k)
    for k in range(len(words) - 1, -1, -1):  # "President Xi", with an unknown word before the title
        if words[k].lower() in table:
            return " ".join(words[k:]), start - (len(words) - k)
    return None, start


def premodifier(doc: Doc, span: Span, states: StateTokens) -> MentionRole:
    """Role and country from the name's own noun phrase: "China's foreign ministry spokesman Zhao Lijian"."""
    table = titles()
    start = span.start
    i = start - 1
    while i >= span.sent.start and (
        (doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "punct") and doc[i].head.i >= start - 1
         and doc[i].text not in (",", "(", ")") and not doc[i].is_quote)
        or (i + 1 < start and i in states.entries and states.entries.get(i) is states.entries.get(i + 1))
    ):  # the second line keeps a multi-word name whole: "World Bank President", not "Bank President"
        i -= 1
    if i == start - 1 and start > 0 and doc[start - 1].lower_ in table:
        i = start - 2  # "His wife Peng Liyuan": a role noun right before the name, whatever its parse
        while i >= span.sent.start and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case") \
                and i < doc[i].head.i < start:  # with its own modifiers: "Japan's chief cabinet secretary"
            i -= 1
    words = [t for t in doc[i + 1 : start] if t.dep_ != "case" and t.text not in ("'s", "’s")]
    country = next((c for t in words if (c := states.country(t.i))), None)
    role_words = [t.text for t in words if states.country(t.i) is None and t.lower_ not in ("his", "her", "their", "its")]
    role = " ".join(role_words).strip() or None
    if role and not any(w.lower() in table for w in role_words) and role.lower() not in table:
        role = None
    # "World Bank President": an office of an organisation of no one state, so no state's by proximity either
    international = any(states.entries[t.i].kind == "igo" for t in words if t.i in states.entries)
    return MentionRole(role, country, "office" if country else ("org" if role and international else ""), title_kind(role))


def _glued(doc: Doc, i: int) -> bool:
    """Token ``i`` touches both neighbours: the hyphen of "vice-chairman"."""
    return i >= 1 and doc[i - 1].whitespace_ == "" and doc[i].whitespace_ == ""


def _owner_before(doc: Doc, i: int, states: StateTokens) -> str | None:
    """The state right before a title: "US President", "China's President"."""
    if i >= 1 and states.country(i - 1):
        return states.country(i - 1)
    if i >= 2 and doc[i - 1].text in ("'s", "’s"):
        return states.country(i - 2)
    return None


def _apposition_after(doc: Doc, span: Span) -> Span | None:
    """", vice-chairman of China's Central Military Commission," after the name (parse first, then text)."""
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end and child.pos_ in ("NOUN", "ADJ"):
                sub = list(child.subtree)
                first = sub[0].i
                if first >= 2 and doc[first - 1].text == "-" and _glued(doc, first - 1):
                    first -= 2  # "vice-chairman"
                parsed = _trim(doc, first, sub[-1].i + 1)
                if parsed is not None and title_kind(parsed.text):
                    return parsed
    stop = span.end + 1
    while stop < len(doc) and doc[stop].text not in (",", ";", ".", "“", '"', "(") and not doc[stop].is_sent_start:
        stop += 1
    phrase = _trim(doc, span.end + 1, stop)
    if phrase is None or phrase[0].lower_ in ("who", "whom", "whose", "which", "that") \
            or phrase.root.pos_ in ("VERB", "AUX"):
        return None  # "Trump, who is preparing for a meeting with North Korea's leader,": a clause, not his title
    return phrase if len(phrase) <= 25 and title_kind(phrase.text) else None


def _apposition_before(doc: Doc, span: Span) -> tuple[Span, Token] | None:
    """"China's top diplomat, Wang Yi", "his wife, Peng Liyuan": a noun phrase the name is in apposition to."""
    lead = title_before(doc, span.start)[1]  # "The armed forces chief, General Romeo Brawner Jr"
    if lead < 2 or doc[lead - 1].text != ",":
        return None
    root = span.root
    if root.dep_ == "appos" and root.head.i < lead and root.head.pos_ == "NOUN":
        head = root.head
        first = min(t.i for t in head.subtree if t.i < lead)
    else:  # the parse attached the name elsewhere ("party leader Xi and his Vietnamese counterpart, Nguyen Phu Trong")
        head = doc[lead - 2]
        if head.pos_ != "NOUN" or not title_kind(head.lemma_ if head.lemma_ else head.text):
            return None
        first = head.i
        while first > span.sent.start and (doc[first - 1].pos_ in ("ADJ", "NOUN", "PROPN", "DET")
                                           or doc[first - 1].dep_ in ("poss", "case", "amod", "compound")):
            first -= 1
    phrase = _trim(doc, first, head.i + 1)
    return (phrase, head) if phrase is not None else None


def _copula(span: Span) -> tuple[Span, Token] | None:
    """"Albanese became the first Australian prime minister": the predicate noun, if it holds a title."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_ not in ("be", "become", "remain"):
        return None
    for child in root.head.children:
        if child.dep_ == "attr" and child.pos_ == "NOUN":
            words = [t for t in child.subtree if t.i <= child.i]
            phrase = _trim(span.doc, words[0].i, child.i + 1)
            if phrase is not None and title_kind(phrase.text):
                return phrase, child
    return None


def _relative_clause(span: Span) -> Span | None:
    """"Lucia Ferrer, who studies US-Latin American relations at a university in Miami"."""
    for child in span.root.children:
        if child.dep_ == "relcl" and child.lemma_ in SCHOLARLY_VERBS:
            sub = [t for t in child.subtree if t.lower_ not in ("who", "now", "also")]
            return _trim(span.doc, sub[0].i, sub[-1].i + 1) if sub else None
    return None


def _located(token: Token) -> bool:
    """The token names where an institution is: "… in Washington", "Washington-based", "in southern China's …"."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ == "based":
        return True
    x, steps = token, 0
    while x.dep_ in ("compound", "amod", "poss", "nmod") and steps < 3:
        x, steps = x.head, steps + 1
    return x.dep_ == "pobj" and x.head.lower_ == "in" and x.head.head.pos_ in ("NOUN", "PROPN")


# Offices held abroad: "ambassador to Kyiv", "special envoy for Ukraine", "consul in Lyon" name where the post is,
# not the state the holder serves
POSTED_HEADS = {"ambassador", "envoy", "emissary", "representative", "delegate", "delegation", "mission", "consul",
                "attaché", "attache", "chargé", "charge"}


def _posted_to(token: Token) -> bool:
    """The token names the state a diplomat is posted to or deals with ("envoy to Kyiv", "ambassador in Beijing")."""
    x, steps = token, 0
    while x.dep_ in ("compound", "amod", "poss", "nmod") and steps < 3:
        x, steps = x.head, steps + 1
    return x.dep_ == "pobj" and x.head.lower_ in ("to", "for", "in", "at") and x.head.head.lemma_.lower() in POSTED_HEADS


def phrase_country(phrase: Span, head: Token | None, kind: str, states: StateTokens) -> tuple[str | None, str]:
    """(country, basis) of a role phrase, by the kind of role (see the module doc)."""
    tokens = list(phrase)
    if kind not in ("expert", "civil"):
        country = next((c for t in tokens if (c := states.country(t.i)) and not _posted_to(t)), None)
        if country is None and any(states.country(t.i) and _posted_to(t) for t in tokens):
            return None, "posted"  # a diplomat in the named state, sent by one the phrase does not name
        return country, "office" if country else ""
    for t in tokens:  # nationality: "an Australian writer"
        entry = states.entries.get(t.i)
        if entry and entry.kind == "state" and entry.form == "adjective" and head is not None and t.head.i == head.i \
                and t.dep_ == "amod":
            return entry.actor_id, "nationality"
    located = None
    for t in tokens:
        country = states.country(t.i) if states.is_state(t.i) else None
        if country is None and t.ent_type_ == "GPE" and t.ent_iob_ == "B" and t.i not in states.entries:
            ent = next((e for e in t.doc.ents if e.start == t.i), None)
            country = cities().get(ent.text) if ent is not None else None
        if country and _located(t):
            located = country  # the last place named is the most specific ("at X in Y")
    if located:
        return located, "location"
    org = next((c for t in tokens if t.i in states.entries and not states.is_state(t.i) and (c := states.country(t.i))), None)
    return org, "org" if org else ""


def _role_text(phrase: Span, states: StateTokens) -> str:
    """The phrase without a leading owner ("China's top diplomat" → "top diplomat") or filler words."""
    tokens = list(phrase)
    while tokens and (states.country(tokens[0].i) or tokens[0].text in ("'s", "’s") or tokens[0].dep_ == "poss"):
        tokens.pop(0)
    return " ".join(t.text for t in tokens if t.lower_ not in DROP_WORDS and t.dep_ != "det").strip()


def mention_role(doc: Doc, span: Span, states: StateTokens) -> MentionRole:
    """The role and country one mention's context gives; an empty MentionRole when it gives none."""
    before = _apposition_before(doc, span)
    if before:
        phrase, head = before
        kind = title_kind(phrase.text)
        country, basis = phrase_country(phrase, head, kind, states)
        return MentionRole(_role_text(phrase, states) or None, country, basis, kind)
    after = _apposition_after(doc, span) or _relative_clause(span)
    if after is not None:
        kind = title_kind(after.text) or ("expert" if after.root.lemma_ in SCHOLARLY_VERBS else "")
        head = after.root
        country, basis = phrase_country(after, head, kind, states)
        return MentionRole(after.text, country, basis, kind)
    title, title_start = title_before(doc, span.start)
    pre = premodifier(doc, span, states)
    if pre.role and (not title or len(pre.role) > len(title)):
        return pre
    if title:
        country = _owner_before(doc, title_start, states)
        return MentionRole(title, country or pre.country, "office" if country or pre.country else "", title_kind(title))
    cop = _copula(span)
    if cop:
        phrase, head = cop
        kind = title_kind(phrase.text)
        country, basis = phrase_country(phrase, head, kind, states)
        role = " ".join(t.text for t in phrase if states.country(t.i) is None and t.lower_ not in DROP_WORDS)
        return MentionRole(role or None, country, basis, kind)
    return pre
