"""Extract PLOVER events from a parsed article body.

For each trigger (a verb or event noun from the lexicon) we read the source
from the subject, agent ("by ..."), possessor ("Xi's visit") or a country
adjective, and the target from objects and prepositions ("to Hanoi", "with
the US", "between China and Vietnam"). Plural references ("the two
countries", "both sides", "their") stand for the article's two main states.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.dating.expressions import TimeSpan, find_time_expressions
from detente.events.ontology import Trigger, plover_info, triggers
from detente.events.status import event_status
from detente.records import Event

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_PREPS = {"to", "with", "against", "on", "at", "from", "between", "toward", "towards", "into", "in", "for"}
PAIR_WORDS = re.compile(
    r"\b(the two (countries|nations|neighbours|neighbors|sides|governments|leaders|states|parties|powers)|both (sides|countries|nations|governments|parties)|their|they|bilateral)\b",
    re.I,
)


def cluster_key(source: str, target: str, etype: str, status: str, date_start: str | None, precision: str | None) -> str | None:
    """Mentions of one real-world event share this id: same dyad (either way), type, status and period.

    The period is the year for events dated to a year (background history) and the month otherwise, so
    two reports of one visit dated "on Tuesday" and "this week" meet; distinct meetings of the same pair
    in one month are merged too, a known limit.
    """
    if not date_start:
        return None
    period = date_start[:4] if precision == "year" else date_start[:7]
    key = "|".join([*sorted((source, target)), etype, status, period])
    return "cluster:" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _event_id(article_id: str, char_start: int, etype: str, source: str | None, target: str | None) -> str:
    key = f"{article_id}|{char_start}|{etype}|{source}|{target}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


class _ActorIndex:
    """Token → country code of the actor mentioned there."""

    def __init__(self, doc: Doc, actors: ActorResult) -> None:
        self.by_token: dict[int, str] = {}
        self.location_tokens: set[int] = set()
        self.actor_by_token: dict[int, str] = {}
        char_to_token = {t.idx: t.i for t in doc}
        for mention in actors.mentions:
            country = actors.country_of(mention.actor_id)
            actor = actors.actor(mention.actor_id)
            if not country and actor is not None and actor.kind == "igo":
                country = actor.id  # the EU, NATO, ASEAN act in their own name
            if not country:
                continue
            span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if span is None:
                start = char_to_token.get(mention.char_start)
                if start is None:
                    continue
                span = doc[start : start + 1]
            for token in span:
                self.by_token[token.i] = country
                if mention.actor_id != country:
                    self.actor_by_token[token.i] = mention.actor_id
                if mention.as_location:
                    self.location_tokens.add(token.i)

    def countries_in(self, tokens) -> list[str]:
        seen: list[str] = []
        for token in tokens:
            country = self.by_token.get(token.i)
            if country and country not in seen:
                seen.append(country)
        return seen

    def actor_in(self, tokens) -> str | None:
        for token in tokens:
            if token.i in self.actor_by_token:
                return self.actor_by_token[token.i]
        return None


def _match_trigger(token: Token) -> tuple[Trigger, int] | None:
    """The longest lexicon trigger starting at ``token``; returns it and its length in tokens."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    for trig in triggers().get((token.lemma_.lower(), pos), []):
        words = trig.phrase.split()
        following = [t.lemma_.lower() for t in token.doc[token.i : token.i + len(words)]]
        if following == words:
            if trig.objects and not _has_object(token, trig.objects):
                continue
            return trig, len(words)
    return None


def _has_object(token: Token, objects: frozenset[str]) -> bool:
    near = list(token.children) + [g for c in token.children if c.dep_ in ("prep", "dobj", "xcomp", "acl") for g in c.subtree]
    if token.dep_ in ("acl", "relcl", "amod"):
        near.append(token.head)
    if token.pos_ == "NOUN":
        near.extend(token.subtree)
    return any(t.lemma_.lower() in objects for t in near)


def _subject_tokens(verb: Token) -> list[Token]:
    """The subject of ``verb``, climbing through "agreed to join", "refused to sign", "expected to attend"."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.subtree]
        if agents:
            return agents
        if subjects:
            return [t for s in subjects for t in s.subtree]
        if node.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl") and node.head is not node:
            if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
                return []  # "documents signed by X": handled by the agent above
            node = node.head
            continue
        break
    return []


def _object_tokens(head: Token) -> list[Token]:
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd"):
            found.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            found.extend(child.subtree)
        elif child.dep_ == "xcomp":
            found.extend(_object_tokens(child))
    return found


def _noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    """Source and target tokens around an event noun: "X's visit to Y", "a visit to Y by X", "talks between X and Y"."""
    source: list[Token] = []
    target: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
            source.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "by":
            source.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            target.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            target.extend(child.subtree)
    if not source and noun.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        source = _subject_tokens(noun.head) if noun.dep_ in ("dobj", "attr") else []
    return source, target


class _Extractor:
    def __init__(self, doc: Doc, article_id: str, actors: ActorResult, pub_range: tuple[date, date] | None) -> None:
        self.doc = doc
        self.article_id = article_id
        self.actors = actors
        self.index = _ActorIndex(doc, actors)
        self.pub_range = pub_range
        self.pair = self._main_pair(actors)

    @staticmethod
    def _main_pair(actors: ActorResult) -> list[str]:
        """The article's two most-mentioned acting states: what "the two countries" refers to."""
        counts: dict[str, int] = {}
        for mention in actors.mentions:
            country = actors.country_of(mention.actor_id)
            if country and not mention.as_location:
                counts[country] = counts.get(country, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], c))[:2]

    def _countries(self, tokens: list[Token]) -> list[str]:
        found = self.index.countries_in(tokens)
        if not found and len(self.pair) == 2 and PAIR_WORDS.search(" ".join(t.text for t in tokens)):
            return sorted(self.pair)  # which side is "first" in "the two countries fought" is unknown: a fixed order
        return found

    def run(self) -> list[Event]:
        events: list[Event] = []
        previous_times: list[TimeSpan] = []
        previous_end = 0
        for s_index, sent in enumerate(self.doc.sents):
            if "\n" in self.doc.text[previous_end : sent.start_char]:
                previous_times = []  # temporal anaphora stays inside a paragraph
            previous_end = sent.end_char
            times = self._times(sent)
            consumed: set[int] = set()
            seen: set[tuple[str, str | None, str | None]] = set()
            for token in sent:
                if token.i in consumed:
                    continue
                matched = _match_trigger(token)
                if matched is None:
                    continue
                trig, length = matched
                consumed.update(range(token.i, token.i + length))
                event = self._event(sent, s_index, token, trig, times or previous_times)
                if event is None:
                    continue
                key = (event.type, event.source, event.target)
                if key in seen:
                    continue
                seen.add(key)
                events.append(event)
            previous_times = times
        return events

    def _times(self, sent: Span) -> list[TimeSpan]:
        if self.pub_range is None:
            ref = (date(2000, 1, 1), date(2000, 1, 1))
        else:
            ref = self.pub_range
        future = bool(re.search(r"\b(will|expected to|scheduled to|is set to|are set to|plans? to)\b", sent.text))
        spans = find_time_expressions(sent.text, ref, future, offset=sent.start_char)
        if self.pub_range is None:
            spans = [s for s in spans if not s.relative]
        return spans

    def _event(self, sent: Span, s_index: int, token: Token, trig: Trigger, times: list[TimeSpan]) -> Event | None:
        if trig.pos == "VERB":
            source_tokens = _subject_tokens(token)
            target_tokens = _object_tokens(token)
        else:
            source_tokens, target_tokens = _noun_roles(token)
        sources = self._countries(source_tokens)
        targets = [c for c in self._countries(target_tokens) if c not in sources[:1]]
        if len(sources) >= 2 and not targets:
            sources, targets = sources[:1], sources[1:]
        if not sources and targets and len(targets) >= 2 and trig.type in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT"):
            sources, targets = targets[:1], targets[1:]
        in_sentence = self.index.countries_in(list(sent))
        if bool(sources) != bool(targets) and len(in_sentence) == 2:
            # one side found in the parse, the other is the sentence's only other state
            known = sources or targets
            other = [c for c in in_sentence if c not in known]
            if len(other) == 1:
                sources, targets = (sources, other) if sources else (other, targets)
        if not sources and not targets and len(self.pair) == 2 and PAIR_WORDS.search(sent.text):
            sources, targets = sorted(self.pair)[:1], sorted(self.pair)[1:]  # "Under a 1996 agreement, the two sides ..."
        if sources and not targets and len(self.pair) == 2 and sources[0] in self.pair:
            others = set(self.index.countries_in(list(sent))) - {sources[0]}
            if not others and trig.type not in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID"):
                targets = [c for c in self.pair if c != sources[0]]  # the counterpart is implicit: "India rejected that account"
        if not sources or not targets:
            return None
        source, target = sources[0], targets[0]
        if source == target:
            return None
        status = event_status(token, sent)
        time = _nearest_time(token, times)
        if time is None and self.pub_range is not None and status == "happened":
            lo, hi = self.pub_range
            if (hi - lo).days <= 31:  # a wide publication range dates nothing
                time = TimeSpan(lo, hi, "day" if lo == hi else "range", "publication date", relative=True)
        if time is not None and status == "happened" and self.pub_range and time.start > self.pub_range[1]:
            status = "planned"
        info = plover_info(trig.type, trig.mode)
        return Event(
            id=_event_id(self.article_id, token.idx, trig.type, source, target),
            article_id=self.article_id,
            sentence_index=s_index,
            char_start=sent.start_char,
            char_end=sent.end_char,
            source=source,
            target=target,
            source_actor=self.index.actor_in(source_tokens),
            target_actor=self.index.actor_in(target_tokens),
            type=trig.type,
            mode=trig.mode,
            cameo=info.cameo,
            goldstein=info.goldstein,
            quad=info.quad,
            status=status,
            date_start=time.start.isoformat() if time else None,
            date_end=time.end.isoformat() if time else None,
            date_precision=time.precision if time else None,
            date_basis=time.basis if time else None,
            location=self._location(token),
            text=sent.text.strip(),
            trigger=token.text,
            cluster_id=cluster_key(source, target, trig.type, status, time.start.isoformat() if time else None,
                                   time.precision if time else None),
        )

    def _location(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
                for t in child.subtree:
                    if t.i in self.index.location_tokens or t.ent_type_ in ("GPE", "LOC", "FAC"):
                        return t.text
        return None


def _clause_verb(token: Token) -> Token:
    """The verb heading the clause a token belongs to (a relative clause's own verb, not the main one)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return node
        node = node.head
    return node


def _nearest_time(token: Token, times: list[TimeSpan]) -> TimeSpan | None:
    """The time expression that belongs to the trigger: inside its phrase, else in its clause, else the nearest."""
    if not times:
        return None
    subtree = {t.idx for t in token.subtree}
    inside = [t for t in times if any(t.char_start <= i < t.char_end for i in subtree)]
    if inside:
        return min(inside, key=lambda t: abs(t.char_start - token.idx))
    doc = token.doc
    clause = _clause_verb(token)
    same_clause = []
    for t in times:
        span = doc.char_span(t.char_start, t.char_end, alignment_mode="expand")
        if span is not None and _clause_verb(span.root) == clause:
            same_clause.append(t)
    pool = same_clause or [t for t in times if _outside_other_clauses(doc, t, clause)] or times
    return min(pool, key=lambda t: abs(t.char_start - token.idx))


def _outside_other_clauses(doc, time: TimeSpan, clause: Token) -> bool:
    """A time expression in a relative clause ("a pact they signed in 2001") does not date the main clause."""
    span = doc.char_span(time.char_start, time.char_end, alignment_mode="expand")
    if span is None:
        return True
    verb = _clause_verb(span.root)
    return verb.dep_ not in ("relcl", "acl") or verb is clause


def extract_events(doc: Doc, article_id: str, actors: ActorResult, pub_range: tuple[date, date] | None) -> list[Event]:
    return _Extractor(doc, article_id, actors, pub_range).run()
