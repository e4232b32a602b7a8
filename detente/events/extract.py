"""Extract PLOVER events from a parsed article body.

Every ordered pair of parties named (or referred to) in a sentence is a candidate (:mod:`detente.events.candidates`);
the learned classifier (:mod:`detente.events.encoder`) says which PLOVER types, if any, the first does to the second.
The words that carry the act (a lexicon trigger of that type between the parties, else their common head) give the
event its status, its time expression and its exact provenance.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.dating.event_date import EventDate, decide_event_date, story_date
from detente.dating.expressions import TimeSpan, find_time_expressions
from detente.dating.tense import future_at, will_future
from detente.dating.window import compact_window
from detente.events.candidates import article_mentions, candidates
from detente.events.clusters import WEAK_BASIS, cluster_key, merge_mentions
from detente.events.coder import Coded, decide, pair_scores
from detente.events.encoder import event_classifier
from detente.events.mentions import main_pair
from detente.events.ontology import plover_info
from detente.events.roles import sentence_triggers
from detente.events.rules import RuleCoder
from detente.events.status import decided, event_status, governing_words
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
from detente.records import Event, Quote


def _tense_of_antecedent(event: Event, is_noun: bool, time: TimeSpan | None, previous: list[Event]) -> Event:
    """"Xi will visit Vietnam this week. Both capitals have confirmed Xi's state visit": a noun has no tense; one that
    takes the previous sentence's time names that sentence's event of the same kind and pair, and shares its status."""
    if not is_noun or time is None or not time.carried or event.status != "happened":
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


FURTHER_ADVERBS = {"also", "further", "additionally", "separately"}


def _further(token: Token) -> bool:
    """"Kishida also agreed to ...": a verb marked as a further act of its kind is not a repeat mention of the first."""
    return token.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in FURTHER_ADVERBS for c in token.children)


FUTURE = re.compile(r"\b(will|expected to|scheduled to|is set to|are set to|plans? to|is due to|are due to)\b")


def is_question(sent: Span) -> bool:
    """A sentence that asks ("What was the investigation about?", "Will Seoul retaliate?") asserts no act."""
    return sent.text.rstrip().rstrip("\"'”’)»").endswith("?")


def _event_id(article_id: str, char_start: int, etype: str, source: str | None, target: str | None) -> str:
    key = f"{article_id}|{char_start}|{etype}|{source}|{target}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


class _Extractor:
    def __init__(self, doc: Doc, article_id: str, actors: ActorResult, pub_range: tuple[date, date] | None,
                 quotes: list[Quote] | None = None) -> None:
        self.doc = doc
        self.article_id = article_id
        self.actors = actors
        self.quotes = quotes or []
        self.mentions = article_mentions(doc, actors, self.quotes)
        self.rules = RuleCoder(doc, actors, main_pair(self.mentions))
        self.index = self.rules.index
        self.pub_range = self._window(doc, pub_range)
        self.distinct: set[str] = set()  # events marked as further acts of their kind ("also agreed")

    @staticmethod
    def _window(doc: Doc, pub_range: tuple[date, date] | None) -> tuple[date, date] | None:
        """A short publication range narrowed by the story's weekday references (dating/window.py)."""
        if pub_range is None:
            return None
        texts = [span_text(s) for s in doc.sents]
        sentences = [(text, bool(FUTURE.search(text))) for text in texts]
        return compact_window(sentences, pub_range)[0]

    def run(self) -> list[Event]:
        events: list[Event] = []
        previous_times: list[TimeSpan] = []
        previous_events: list[Event] = []
        found = candidates(self.doc, self.actors, self.quotes, mentions=self.mentions)
        classifier = event_classifier()
        if classifier.needs_lexicon:
            # the classifier can then only add an act a trigger of the sentence names, and only veto the lexicon's
            # proposals: a sentence with no trigger is not encoded (the encoder is most of the stage's time; the
            # result is the same)
            found = [c for c in found if sentence_triggers(c.sent, self.index.name_tokens)]
        scores = pair_scores(classifier, found) if found else {}
        for s_index, sent in enumerate(self.doc.sents):
            times = self._times(sent)
            explicit = [m for m in self.mentions[s_index] if not m.implicit]
            referents: dict[int, list[str]] = {}
            for m in self.mentions[s_index]:
                if m.kind == "pronoun":
                    referents.setdefault(m.start, []).append(m.code)
            coded = [] if is_question(sent) else decide(
                sent, self.rules.acts(sent, referents), scores.get(s_index), classifier, self.index.name_tokens,
                explicit, self.rules.non_state_acts)
            seen: set[tuple] = set()
            relayed: list[TimeSpan] = []  # the previous sentence's times that dated an act here: they carry on
            used: list[TimeSpan] = []  # times that dated an act here: only these may date the next sentence
            for n, act in enumerate(coded):
                token = act.token
                later = [c.token.idx for c in coded[n + 1 :] if c.token.i != token.i]
                next_char = later[0] if later else None
                # a conditional threat is made when it is said ("will impose tariffs if ..."), whatever its content
                status = "happened" if act.mode == "conditional" else event_status(token, sent)
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
                if time is not None and status == "planned" and self.pub_range is not None \
                        and time.end < self.pub_range[0] and will_future(token):
                    time = None  # "will lift the sanctions it imposed in 2014": the past year is the background's
                if time is not None and time in times and time not in used:
                    used.append(time)
                # a denial dates the denied act only when nothing else in the sentence is dated and it is no background
                other_times = bool(times) or any(pluperfect(a) for a in token.ancestors)
                event = self._event(sent, s_index, act, status, time, other_times=other_times)
                event = _tense_of_antecedent(event, token.pos_ == "NOUN", time, previous_events)
                key = (event.type, event.source, event.target, event.date_start, event.status)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
            previous_events = [e for e in events if e.sentence_index == s_index]
            # "In December 2022, Japan committed ...": no trigger, no carry. A paragraph break does not stop the carry:
            # news paragraphs are a sentence or two, and the next often goes on with the same occasion ("Forty years
            # ago today, Sadat and Begin signed the accords. ¶ ... during which Carter shuttled between the cabins")
            previous_times = carriable(self.doc, used) + relayed
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

    def _event(self, sent: Span, s_index: int, act: Coded, status: str, time: TimeSpan | None,
               other_times: bool = False) -> Event:
        token = act.token
        source, target = act.source, act.target
        when, status = decide_event_date(time, status, self.pub_range, background(token),
                                         decided=decided(token, time.char_start if time is not None else None),
                                         other_times=other_times)
        info = plover_info(act.type, act.mode)
        event = Event(
            id=_event_id(self.article_id, token.idx, act.type, source, target),
            article_id=self.article_id,
            sentence_index=s_index,
            char_start=sent.start_char,
            char_end=sent.end_char,
            source=source,
            target=target,
            source_actor=act.source_actor,
            target_actor=act.target_actor,
            type=act.type,
            mode=act.mode,
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
            trigger=doc_text(self.doc)[act.trigger_span[0] : act.trigger_span[1]],
            trigger_start=act.trigger_span[0],
            trigger_end=act.trigger_span[1],
            cluster_id=cluster_key(source, target, act.type, status, when.start, when.precision),
        )
        if _further(token):
            self.distinct.add(event.id)
        return event

    def _location(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
                for t in child.subtree:
                    if t.i in self.index.location_tokens or t.ent_type_ in ("GPE", "LOC", "FAC"):
                        return t.text
        return None


def extract_events(doc: Doc, article_id: str, actors: ActorResult, pub_range: tuple[date, date] | None,
                   quotes: list[Quote] | None = None) -> list[Event]:
    """The article's events; ``quotes`` (from :mod:`detente.quotes`) lets "we" in a quotation stand for the speaker's state."""
    return _Extractor(doc, article_id, actors, pub_range, quotes).run()
