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
from dataclasses import replace
from datetime import date
from itertools import combinations, pairwise, product

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.dating.event_date import EventDate, decide_event_date, story_date
from detente.dating.expressions import TimeSpan, find_time_expressions
from detente.dating.tense import future_at
from detente.dating.window import compact_window
from detente.events.clusters import WEAK_BASIS, cluster_key, merge_mentions
from detente.events.conditions import preconditions
from detente.events.generic import dated_background_noun, generic_noun
from detente.events.ontology import UNDIRECTED, Trigger, plover_info
from detente.events.parties import ActorIndex, name_halves
from detente.events.roles import (
    noun_roles,
    object_tokens,
    sentence_triggers,
    subject_tokens,
)
from detente.events.status import event_status, governing_words
from detente.events.timing import (
    background,
    carriable,
    carried_time,
    is_peg,
    pluperfect,
    time_for,
    within_week_of,
)
from detente.nlp import doc_text, span_text
from detente.records import Event

PAIR_WORDS = re.compile(
    r"\b(the two (countries|nations|neighbours|neighbors|sides|governments|leaders|states|parties|powers|allies|"
    r"ministers|foreign ministers|defence ministers|defense ministers|presidents|prime ministers|heads of state|"
    r"delegations|militaries|armies|navies|rivals|adversaries|Koreas|capitals|nuclear-armed neighbours)|both (sides|countries|nations|governments|parties)|their|they|bilateral)\b",
    re.I,
)


CHARACTERISING_VERBS = {"call", "describe", "label", "brand", "term", "characterise", "characterize", "denounce"}


def _characterisations(found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """"Kuleba called the attack 'a full-scale invasion'": naming a conflict act is an accusation by the speaker,
    not a new act. A conflict noun that is the object or predicate of a verb of calling becomes one ACCUSE at that verb.
    """
    out: list[tuple[Token, Trigger]] = []
    done: set[int] = set()
    for token, trig in found:
        head = token.head
        if trig.pos == "NOUN" and token.dep_ in ("dobj", "oprd", "attr") and head.lemma_.lower() in CHARACTERISING_VERBS \
                and plover_info(trig.type).quad.endswith("conflict"):
            if head.i not in done:
                done.add(head.i)
                out.append((head, Trigger(head.lemma_.lower(), "VERB", "ACCUSE", "disapprove", frozenset())))
            continue
        out.append((token, trig))
    return sorted(out, key=lambda pair: pair[0].i)


def _absolute_with(token: Token) -> bool:
    """The trigger carries an absolute "with X doing" phrase ("with US President Jimmy Carter looking on")."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(g.pos_ == "VERB" and g.tag_ == "VBG" for g in c.subtree)
               for c in token.children)


def _tense_of_antecedent(event: Event, trig: Trigger, time: TimeSpan | None, previous: list[Event]) -> Event:
    """"Xi will visit Vietnam this week. Both capitals have confirmed Xi's state visit": a noun has no tense; one that
    takes the previous sentence's time names that sentence's event of the same kind and pair, and shares its status."""
    if trig.pos != "NOUN" or time is None or not time.carried or event.status != "happened":
        return event
    for other in previous:
        if other.type == event.type and {other.source, other.target} == {event.source, event.target} \
                and other.status == "planned":
            return replace(event, status="planned", date_start=other.date_start, date_end=other.date_end,
                           date_precision=other.date_precision, cluster_id=other.cluster_id)
    return event


SEQUEL_ADVERBS = {"then", "afterwards", "afterward", "thereafter", "subsequently"}
SEQUEL_PREPS = {"following", "after"}


def _sequel(token: Token) -> bool:
    """"Biden will then host him", "Following that, Biden is expected to welcome ...": a plan placed right after the
    previous sentence's event takes that sentence's day."""
    for node in governing_words(token):
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in SEQUEL_ADVERBS:
                return True
            if child.dep_ == "prep" and child.lower_ in SEQUEL_PREPS and any(
                    g.lower_ in ("that", "this") for g in child.children):
                return True
    return False


def _undirected_key(event: Event) -> tuple:
    return event.type, frozenset((event.source, event.target))


def _reciprocal(tokens: list[Token]) -> bool:
    """"each other", "one another" as the object."""
    words = [t.lower_ for t in tokens]
    return any(a in ("each", "one") and b in ("other", "another") for a, b in pairwise(words))


EVERYONE_NOUNS = {"side", "party", "country", "nation", "state", "government"}


def _everyone(tokens: list[Token]) -> bool:
    """"all sides", "all parties", "every country": a target that is everybody."""
    return any(t.lemma_.lower() in EVERYONE_NOUNS and any(c.lower_ in ("all", "every", "each") and c.dep_ == "det"
                                                          for c in t.children) for t in tokens)


FURTHER_ADVERBS = {"also", "further", "additionally", "separately"}


def _further(token: Token) -> bool:
    """"Kishida also agreed to ...": a verb marked as a further act of its kind is not a repeat mention of the first."""
    return token.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in FURTHER_ADVERBS for c in token.children)


def _passive_without_agent(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ == "nsubjpass" for c in children) and not any(c.dep_ == "agent" for c in children)


CO_SUBJECT_WORDS = re.compile(r"\b(the two|both)\b", re.I)


def _co_subjects(tokens: list[Token]) -> bool:
    """Two parties named as joint actors: "X and Y", "the two leaders", "both sides" (not "Bosnian Serbs", one
    actor with two country words, nor "Pakistan, a US ally")."""
    return any(t.dep_ == "cc" for t in tokens) or bool(CO_SUBJECT_WORDS.search(" ".join(t.text for t in tokens)))


# Types whose co-subjects act on each other ("the two countries agreed", "fought", "faced off"); an accusation or a
# demand by "the two leaders" is aimed at a third party
RECIPROCAL = UNDIRECTED | {"ASSAULT", "MOBILIZE"}


FUTURE = re.compile(r"\b(will|expected to|scheduled to|is set to|are set to|plans? to|is due to|are due to)\b")


def _event_id(article_id: str, char_start: int, etype: str, source: str | None, target: str | None) -> str:
    key = f"{article_id}|{char_start}|{etype}|{source}|{target}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


class _Extractor:
    def __init__(self, doc: Doc, article_id: str, actors: ActorResult, pub_range: tuple[date, date] | None) -> None:
        self.doc = doc
        self.article_id = article_id
        self.actors = actors
        self.index = ActorIndex(doc, actors)
        self.pub_range = self._window(doc, pub_range)
        self.pair = self._main_pair(actors)
        name_halves(doc, self.index, actors)
        self.distinct: set[str] = set()  # events marked as further acts of their kind ("also agreed")

    @staticmethod
    def _window(doc: Doc, pub_range: tuple[date, date] | None) -> tuple[date, date] | None:
        """A short publication range narrowed by the story's weekday references (dating/window.py)."""
        if pub_range is None:
            return None
        texts = [span_text(s) for s in doc.sents]
        sentences = [(text, bool(FUTURE.search(text))) for text in texts]
        return compact_window(sentences, pub_range)[0]

    @staticmethod
    def _main_pair(actors: ActorResult) -> list[str]:
        """The article's two most-mentioned acting states: what "the two countries" refers to."""
        counts: dict[str, int] = {}
        for mention in actors.mentions:
            country = actors.country_of(mention.actor_id)
            actor = actors.actor(mention.actor_id)
            if country and not mention.as_location and not (actor is not None and actor.org_type == "media"):
                counts[country] = counts.get(country, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], c))[:2]

    def _countries(self, tokens: list[Token]) -> list[str]:
        found = self.index.countries_in(tokens)
        if not found and tokens and PAIR_WORDS.search(" ".join(t.text for t in tokens)):
            return self._pair_for(tokens[0].sent)
        return found

    def _pair_for(self, sent: Span) -> list[str]:
        """What "the two leaders" means here: the sentence's two states if it names exactly two, else the article's pair.

        Which side is "first" in "the two countries fought" is unknown: a fixed order.
        """
        named = [c for c in self.index.countries_in(list(sent)) if len(c) == 3]
        if len(named) == 2:
            return sorted(named)
        return sorted(self.pair) if len(self.pair) == 2 else []

    def run(self) -> list[Event]:
        events: list[Event] = []
        previous_times: list[TimeSpan] = []
        previous_events: list[Event] = []
        previous_end = 0
        text = doc_text(self.doc)
        for s_index, sent in enumerate(self.doc.sents):
            if "\n" in text[previous_end : sent.start_char]:
                previous_times = []  # temporal anaphora stays inside a paragraph
            previous_end = sent.end_char
            times = self._times(sent)
            found = sentence_triggers(sent, self.index.name_tokens)
            seen: set[tuple] = set()
            verbal: set[tuple] = set()  # "agreed ... in a deal brokered by China": the deal is the agreement itself
            relayed: list[TimeSpan] = []  # the previous sentence's times that dated a trigger here: they carry on
            used: list[TimeSpan] = []  # times that dated a trigger here: only these may date the next sentence
            found = preconditions(sent, _characterisations(found))
            for n, (token, trig) in enumerate(found):
                next_char = found[n + 1][0].idx if n + 1 < len(found) else None
                status = event_status(token, sent)
                unreal = status in ("planned", "hypothetical", "denied")  # dated only by their own words
                if times:
                    time = time_for(token, times, next_char, attached_only=unreal)
                elif pluperfect(token):
                    time = None  # background: neither the previous sentence's date nor the news day's
                elif not unreal or _sequel(token):
                    # a plan's sequel may take a day after publication; a happened event may not
                    time = carried_time(token, previous_times if unreal else self._carried(previous_times))
                    if time is not None:
                        if time not in relayed:
                            relayed.append(time)  # "... on Wednesday. X said ... . The two ministers agreed ...": still Wednesday
                        time = replace(time, text=f"{time.text} (previous sentence)", carried=True)
                else:
                    time = None
                if time is not None and time in times and time not in used:
                    used.append(time)  # it dates a trigger here, even one whose parties are unnamed ("This visit")
                for event in self._events(sent, s_index, token, trig, status, time):
                    event = _tense_of_antecedent(event, trig, time, previous_events)
                    key = (event.type, event.source, event.target, event.date_start, event.status)
                    if key not in seen and not (trig.pos == "NOUN" and _undirected_key(event) in verbal):
                        seen.add(key)
                        events.append(event)
                        if trig.pos == "VERB" and event.type in UNDIRECTED:
                            verbal.add(_undirected_key(event))
            previous_events = [e for e in events if e.sentence_index == s_index]
            previous_times = carriable(self.doc, used) + relayed  # "In December 2022, Japan committed ...": no trigger, no carry
        return merge_mentions(self._date_by_peg(events), frozenset(self.distinct))

    def _date_by_peg(self, events: list[Event]) -> list[Event]:
        """Undated reactions in a news story belong to the day of its lead event, not to the publication day.

        "Chinese ships fired water cannon ... on Sunday. A task force condemned the Chinese actions": the
        condemnation is Sunday's. The peg is the first happened event the article dates by a weekday or
        "yesterday"/"today" within the week before publication; events dated only by the publication date take it.
        """
        peg = next((e for e in events if is_peg(e, self.pub_range)), None)
        if peg is None or peg.date_start is None:
            return events
        out = []
        for event in events:
            if event.status == "happened" and (event.date_basis or "").startswith(WEAK_BASIS) and event is not peg:
                when = story_date(EventDate(peg.date_start, peg.date_end, peg.date_precision, peg.date_basis),
                                  peg.sentence_index)
                event = replace(
                    event, date_start=when.start, date_end=when.end, date_precision=when.precision,
                    date_basis=when.basis, cluster_id=cluster_key(event.source, event.target, event.type,
                                                                  event.status, when.start, when.precision))
            elif within_week_of(event, peg):
                event = replace(
                    event, date_start=peg.date_start, date_end=peg.date_end, date_precision=peg.date_precision,
                    date_basis=f"{event.date_basis}, news peg {peg.date_basis} (sentence {peg.sentence_index + 1})")
            out.append(event)
        return out

    def _carried(self, times: list[TimeSpan]) -> list[TimeSpan]:
        """Times a following sentence may inherit: not deadlines or plans ahead of publication ("by 2027")."""
        if self.pub_range is None:
            return times
        return [t for t in times if t.start <= self.pub_range[1]]

    def _times(self, sent: Span) -> list[TimeSpan]:
        if self.pub_range is None:
            ref = (date(2000, 1, 1), date(2000, 1, 1))
        else:
            ref = self.pub_range
        text = span_text(sent)
        whole = bool(FUTURE.search(text))  # the tense of each expression's own clause decides, else the sentence's
        spans = find_time_expressions(text, ref, lambda a, b: future_at(sent, a, b, whole), offset=sent.start_char)
        if self.pub_range is None:
            spans = [s for s in spans if not s.relative]
        return spans

    def _sides(self, sent: Span, token: Token, trig: Trigger,
               source_tokens: list[Token], target_tokens: list[Token]) -> tuple[list[str], list[str]]:
        """Source and target states of a trigger: from the parse, else the sentence's other state, else the pair."""
        sources = self._countries(source_tokens)
        targets = [c for c in self._countries(target_tokens) if c not in sources]
        placed = [c for c in targets if self.index.only_as_location(c, target_tokens)]
        if placed and len(placed) < len(targets):
            targets = [c for c in targets if c not in placed]  # "met Biden at a summit in Peru": Peru is the venue
        if len(sources) >= 2 and targets and all(self.index.only_as_location(c, target_tokens) for c in targets):
            targets = []  # "Obama and Castro held a meeting in Panama": the place is not a party
        one_way = trig.type not in RECIPROCAL and _co_subjects(source_tokens)
        if len(sources) >= 2 and not one_way and (not targets or (trig.type in UNDIRECTED and _absolute_with(token))):
            # "X and Y agreed"; "Sadat and Begin signed the accords, with Carter looking on": Carter is no party.
            # Not "the two leaders criticised ...": co-subjects of a one-way act do not direct it at each other
            sources, targets = sources[:1], sources[1:]
        if not sources and targets and len(targets) >= 2 and trig.type in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT"):
            sources, targets = targets[:1], targets[1:]
        in_sentence = self.index.countries_in(list(sent))
        if not targets and _everyone(target_tokens):
            return [], []  # "called on all sides to show restraint": addressed to everybody, no dyad
        if generic_noun(token, trig) and not (sources and targets):
            return [], []  # "armed attacks on Philippine vessels": a kind of act, nobody's act
        states = [c for c in in_sentence if len(c) == 3]
        hostile = plover_info(trig.type).quad.endswith("conflict")
        if bool(sources) != bool(targets) and (len(in_sentence) == 2 or (
                hostile and len(states) == 2 and (sources or targets)[0] in states)):
            # one side found in the parse, the other is the sentence's only other state (organisations named beside
            # them, "after talks with the Group of Seven", are not the target of a state's hostile act; they may be
            # the partner of a cooperative one: "yet to ratify Sweden's membership of NATO")
            known = sources or targets
            other = [c for c in (in_sentence if len(in_sentence) == 2 else states) if c not in known]
            if len(other) == 1:
                sources, targets = (sources, other) if sources else (other, targets)
        if trig.mode == "third-party" and sources and not targets:
            targets = [c for c in states if c not in sources][:2]  # "a deal brokered by China": the parties it brought
        if not sources and not targets and PAIR_WORDS.search(sent.text):
            pair = self._pair_for(sent)  # "Under a 1996 agreement, the two sides ..."
            sources, targets = pair[:1], pair[1:]
        if not sources and not targets and dated_background_noun(token, trig) and len(states) == 2:
            sources, targets = states[:1], states[1:]  # "Washington's obligations under a 1951 treaty with Manila"
        if len(sources) == 1 and not targets and len(self.pair) == 2 and sources[0] in self.pair and hostile \
                and trig.type != "REQUEST" and not _co_subjects(source_tokens):
            # not a request (an invitation or appeal is often to a third party: "urged the world"), nor an act of
            # co-subjects ("Moscow and Beijing resisted"), whose partner may be the very counterpart
            counterpart = next(c for c in self.pair if c != sources[0])
            if counterpart in in_sentence:
                targets = [counterpart]  # "Santos said China could try to cut off the outpost": of the story's other side
        if len(sources) == 1 and not targets and len(self.pair) == 2 and sources[0] in self.pair:
            others = set(in_sentence) - {sources[0]}
            if not others and trig.type not in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID"):
                targets = [c for c in self.pair if c != sources[0]]  # the counterpart is implicit: "India rejected that account"
        return sources[:3], targets[:3]

    def _events(self, sent: Span, s_index: int, token: Token, trig: Trigger, status: str,
                time: TimeSpan | None) -> list[Event]:
        """One event per (source, target) pair: "Egypt and Syria attacked Israel" is two."""
        length = len(trig.phrase.split())
        words = token.doc[token.i : min(token.i + length, sent.end)]
        trigger_span = (words.start_char, words.end_char)
        if trig.pos == "NOUN" and length > 1 and token.i + length - 1 < sent.end:
            token = token.doc[token.i + length - 1]  # "turned water cannon on X": the phrase's head noun has the roles
        if trig.pos == "VERB":
            source_tokens = subject_tokens(token)
            target_tokens = object_tokens(token)
            if _passive_without_agent(token) and trig.type not in UNDIRECTED:
                # "20 soldiers were killed in a clash with Chinese troops": the passive subject is the patient
                source_tokens, target_tokens = target_tokens, source_tokens
        else:
            source_tokens, target_tokens = noun_roles(token)
            if token.dep_ in ("dobj", "attr"):  # "Egypt launched a surprise attack on Israel"
                if not self.index.countries_in(source_tokens):
                    source_tokens = source_tokens + subject_tokens(token.head)
                if not self.index.countries_in(target_tokens):
                    target_tokens = target_tokens + [t for t in object_tokens(token.head) if t.i not in
                                                     {x.i for x in token.subtree}]
        sources, targets = self._sides(sent, token, trig, source_tokens, target_tokens)
        if not sources or not targets:
            return []
        when, status = decide_event_date(time, status, self.pub_range, background(token))
        info = plover_info(trig.type, trig.mode)
        further = _further(token)
        events = []
        pairs = list(product(sources, targets))
        if trig.type not in UNDIRECTED and _reciprocal(target_tokens):
            pairs += [(t, s) for s, t in pairs]  # "troops from both sides faced each other": each side at the other
        if trig.type == "CONSULT" and trig.mode != "third-party" and len(sources) == 1 and len(targets) >= 2:
            pairs += list(combinations(targets, 2))  # "Biden will host Kishida and Marcos": a trilateral meeting
        for source, target in pairs:
            if source == target or (trig.type in UNDIRECTED and (target, source) in {(e.source, e.target) for e in events}):
                continue
            events.append(Event(
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
                date_start=when.start,
                date_end=when.end,
                date_precision=when.precision,
                date_basis=when.basis,
                location=self._location(token),
                text=sent.text.strip(),
                trigger=token.text,
                trigger_start=trigger_span[0],
                trigger_end=trigger_span[1],
                cluster_id=cluster_key(source, target, trig.type, status, when.start, when.precision),
            ))
            if further:
                self.distinct.add(events[-1].id)
        return events

    def _location(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
                for t in child.subtree:
                    if t.i in self.index.location_tokens or t.ent_type_ in ("GPE", "LOC", "FAC"):
                        return t.text
        return None


def extract_events(doc: Doc, article_id: str, actors: ActorResult, pub_range: tuple[date, date] | None) -> list[Event]:
    return _Extractor(doc, article_id, actors, pub_range).run()
