"""Who a token of the article stands for: the state or organisation each actor mention names, with the places
and venues that are no party to an event ("a NATO summit in Vilnius", "the APEC Summit held in Da Nang"), nor
the place a story was filed from ("HANOI, Vietnam (AP) —")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.actors.codes import communities, modified, names_people, not_the_state, party_code
from detente.actors.lexicon import cities
from detente.actors.states import EXAMPLE_PREPS
from detente.clean.datelines import story_dateline_end
from detente.events.roles import VENUE_NOUNS
from detente.nlp import doc_text

VENUE_VERBS = {"hold", "take", "open", "begin", "end", "close", "start", "conclude", "convene"}


EUROPEAN_UNION = "EU"


def is_venue(noun: Token) -> bool:
    """"the APEC Summit held from November 10-11" is a venue; "the APEC forum has agreed" is a party that acts."""
    if noun.lemma_.lower() not in VENUE_NOUNS:
        return False
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in VENUE_VERBS | {"host"} for c in noun.children):
        return True  # "a summit held in ...", "the forum hosted by ..."
    return not (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() not in VENUE_VERBS)


MULTILATERAL_GATHERINGS = frozenset({"summit", "forum", "conference", "ministerial", "session", "gathering", "congress"})


def hosts_gathering(root: Token) -> bool:
    """A place that hosts a multilateral gathering ("a NATO summit in Vilnius") rather than a two-sided meeting
    ("talks in Beijing", whose host usually is a party)."""
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in MULTILATERAL_GATHERINGS)


# Nouns of written settlements that take the name of the place they were made ("the Minsk agreements")
ACCORD_NOUNS = {"agreement", "accord", "treaty", "protocol", "convention", "declaration", "memorandum", "format",
                "process", "framework", "deal", "pact", "communique", "communiqué"}


def names_accord(span: Span) -> bool:
    """A city naming an accord or a negotiating format ("the Paris agreement", "the Oslo accords", "the Astana
    process"), not the place acting or hosting."""
    if span.text not in cities():
        return False
    node = span.root
    while node.dep_ in ("compound", "nmod") and node.head != node:
        node = node.head
        if node.lemma_.lower() in ACCORD_NOUNS:
            return True
    return False


# Words that make a proper name a body of water: a state named inside one ("the Sea of Japan", "the Gulf of Oman",
# "the Taiwan Strait") names the place, not the state
WATER_NOUNS = {"sea", "gulf", "strait", "straits", "bay", "ocean", "channel"}


def names_water(span: Span) -> bool:
    """A state's name inside the proper name of a sea, gulf or strait, which is a place and no party."""
    node = span.root
    while node.head != node and (node.dep_ in ("compound", "nmod") or (
            node.dep_ == "pobj" and node.head.lower_ == "of")):
        node = node.head if node.dep_ != "pobj" else node.head.head
        if node.lower_ in WATER_NOUNS and node.text[0].isupper():
            return True
    return False


def next_word(doc: Doc, i: int) -> Token:
    """The word after a name, past a bracketed acronym ("Asia-Pacific Economic Cooperation (APEC) Summit")."""
    if i < len(doc) and doc[i].text in ("(", "[") and i + 2 < len(doc) and doc[i + 2].text in (")", "]"):
        i += 3  # the name, then its acronym
    elif i < len(doc) and doc[i].text in (")", "]"):
        i += 1  # the acronym itself, in brackets after the name
    if i >= len(doc):
        return doc[-1]
    return doc[i]


# Nouns an organisation's name modifies to mean its members, not the body: "some European Union countries"
MEMBER_NOUNS = {"country", "member", "state", "nation", "capital", "partner", "ally"}


def body_not_acting(span: Span) -> bool:
    """An intergovernmental body's name that stands for no act of the body: a gathering ("the APEC summit", "the
    Asia-Pacific Economic Cooperation (APEC) Summit") or its members ("some European Union countries")."""
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in VENUE_NOUNS | MEMBER_NOUNS:
        return True
    return is_venue(next_word(span.doc, span.end))


DATELINE_SENTENCES = 3  # a dateline opens one of the body's first sentences (after a standfirst, say)


def dateline_end(doc: Doc) -> int:
    """The character offset where the story's dateline ends ("HANOI, Vietnam (AP) — ..."), 0 if it has none.
    The place a story was filed from is not a party to what its first sentence reports."""
    text = doc_text(doc)
    for i, sent in enumerate(doc.sents):
        if i >= DATELINE_SENTENCES:
            break
        if sent.start_char == 0 or "\n" in text[max(0, sent.start_char - 2) : sent.start_char]:
            end = story_dateline_end(sent.text)
            if end:
                return sent.start_char + end
    return 0


# Organisation types that never act for a state (organizations.tsv): their acts are nobody's in state-to-state data
NONSTATE_ORG_TYPES = frozenset({"armed-group", "company", "media", "ngo", "party", "think-tank", "university"})


class ActorIndex:
    """Token → country code of the actor mentioned there."""

    def __init__(self, doc: Doc, actors: ActorResult) -> None:
        self.by_token: dict[int, str] = {}
        self.location_tokens: set[int] = set()
        self.actor_by_token: dict[int, str] = {}
        self.name_tokens: set[int] = set()  # tokens inside the name of an org ("Asia-Pacific Economic Cooperation")
        self.nonstate_tokens: set[int] = set()  # tokens naming a non-state organisation ("the Taliban", "Hamas")
        self.nationals: dict[int, str] = {}  # nationality words of private people ("an American citizen") → state
        self.bodies: set[str] = set()  # codes of the intergovernmental bodies named (EU, NATO, UNO)
        char_to_token = {t.idx: t.i for t in doc}
        state_spans: list[tuple[int, int, int, str]] = []
        dateline = dateline_end(doc)
        for mention in actors.mentions:
            actor = actors.actor(mention.actor_id)
            if actor is not None and actor.kind in ("org", "igo", "group"):
                self.name_tokens.update(range(mention.char_start, mention.char_end))
            if actor is not None and (actor.kind == "group" or actor.org_type in NONSTATE_ORG_TYPES):
                span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
                self.nonstate_tokens.update(t.i for t in span or ())
            coded = party_code(actor, mention.actor_id)
            if coded is None or mention.char_end <= dateline:
                continue  # the dateline's place; media, think tanks, companies, armed groups, experts: never a party (REAL-DEV.md 4)
            country = coded[0]
            if actor is not None and actor.kind == "igo":
                self.bodies.add(country)
            span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if span is None:
                start = char_to_token.get(mention.char_start)
                if start is None:
                    continue
                span = doc[start : start + 1]
            if actor is not None and actor.kind == "igo" and body_not_acting(span):
                continue  # "the Apec summit", "EU countries": a venue or the members, not the body
            if coded[1] == "state" and not_the_state(span):
                if names_people(span.root):
                    self.nationals.update((t.i, country) for t in span)
                continue  # "Kenyan students", "intra-Afghan talks": people of that nationality, or its own affairs
            if names_accord(span) or names_water(span):
                continue  # "the Paris climate agreement", "the Sea of Japan": a place in an accord's or a sea's name
            if mention.as_location and hosts_gathering(span.root):
                continue  # "at a NATO summit in Vilnius": the host city of a multilateral gathering is not a party
            if coded[1] == "state":
                state_spans.append((span.start, span.end, modified(span.root), country))
            for token in span:
                self.by_token[token.i] = country
                if mention.actor_id != country:
                    self.actor_by_token[token.i] = mention.actor_id
                if mention.as_location:
                    self.location_tokens.add(token.i)
        for n in communities(state_spans):  # "Bosnian Serbs": a community, not two states
            start, end, _, _ = state_spans[n]
            for i in range(start, end):
                self.by_token.pop(i, None)
                self.actor_by_token.pop(i, None)
        self._union_in_lists(doc)

    def _union_in_lists(self, doc: Doc) -> None:
        """"partners including Europe, Japan, Canada and Mexico": a continent listed among acting states is its union
        (the EU, as trade and diplomatic news use "Europe"); "in Europe" or "Europe's weather" stays a place."""
        for token in doc:
            if token.text != "Europe" or token.i in self.by_token:
                continue
            linked = [t for t in (*token.children, token.head)
                      if t.i != token.i and (t.dep_ == "conj" or token.dep_ == "conj") and self.by_token.get(t.i)]
            if any((t.i not in self.location_tokens and t.dep_ != "pobj") or t.head.lower_ in EXAMPLE_PREPS
                   for t in linked):
                self.by_token[token.i] = EUROPEAN_UNION
                self.bodies.add(EUROPEAN_UNION)

    def countries_in(self, tokens) -> list[str]:
        seen: list[str] = []
        for token in tokens:
            country = self.by_token.get(token.i)
            if country and country not in seen:
                seen.append(country)
        return seen

    def only_as_location(self, country: str, tokens) -> bool:
        """The country appears among ``tokens`` only as a place ("in Panama"), never as an actor."""
        hits = [t.i for t in tokens if self.by_token.get(t.i) == country]
        return bool(hits) and all(i in self.location_tokens for i in hits)

    def actor_in(self, tokens) -> str | None:
        for token in tokens:
            if token.i in self.actor_by_token:
                return self.actor_by_token[token.i]
        return None



# States divided into halves that stories name by their compass point ("the North invaded the South in 1950")
HALVES = {("PRK", "KOR"): {"north": "PRK", "south": "KOR"}}


def name_halves(doc: Doc, index: ActorIndex, actors: ActorResult) -> None:
    """"the North", "the South" as actors, in an article about both halves; not "the South China Sea" (a compound)."""
    present = {actors.country_of(m.actor_id) for m in actors.mentions}
    for pair, halves in HALVES.items():
        if not set(pair) <= present:
            continue
        for token in doc:
            code = halves.get(token.lower_)
            if code and token.text[0].isupper() and token.pos_ == "PROPN" and token.i > 0 \
                    and doc[token.i - 1].lower_ == "the" and token.dep_ != "compound" and token.i not in index.by_token:
                index.by_token[token.i] = code
