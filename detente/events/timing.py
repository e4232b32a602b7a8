"""Which time expression of a sentence dates which event trigger.

A sentence often carries several events with their own dates ("fought a war in 1979 and clashed in 1988 before
normalizing ties in 1991"): each trigger takes a time expression standing between it and the next trigger, else one
inside its own phrase, else one in its clause, else the nearest one not buried in another (relative) clause. A
relative time is clipped to what the tense allows, and a day named by its weekday is the story's peg.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from detente.actors.states import EXAMPLE_PREPS
from detente.dating.expressions import TimeSpan
from detente.events.clusters import WEAK_BASIS
from detente.events.ontology import triggers
from detente.events.roles import match_trigger, reduced_relative
from detente.events.status import governing_words
from detente.quotes.verbs import frames_of
from detente.records import Event


def _clause_verb(token: Token) -> Token:
    """The verb heading the clause a token belongs to (a relative clause's own verb, not the main one)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            return node
        node = node.head
    return node


def _owner(token: Token) -> Token:
    """The noun whose phrase is the trigger's: an adjectival verb ("normalizing ties") takes its noun's."""
    return token.head if token.dep_ in ("amod", "compound") and token.head != token else token


def _phrase(token: Token) -> set[int]:
    """Character offsets of the trigger's phrase; an adjectival verb ("normalizing ties") takes its noun's."""
    return {t.idx for t in _owner(token).subtree}


MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "det", "poss", "quantmod"}


def _span_root(doc: Doc, time: TimeSpan) -> Token | None:
    span = doc.char_span(time.char_start, time.char_end, alignment_mode="expand")
    return None if span is None else span.root


def _outside_other_clauses(doc: Doc, time: TimeSpan, clause: Token, trigger: Token) -> bool:
    """A time expression in a relative clause ("a pact they signed in 2001") does not date the main clause.

    A relative clause on the trigger noun itself ("a treaty, which followed on March 26, 1979") is the trigger's own.
    """
    root = _span_root(doc, time)
    if root is None:
        return True
    verb = _clause_verb(root)
    if verb.dep_ == "advcl" and verb != clause and _own_time_clause(verb) and trigger.i not in {t.i for t in verb.subtree}:
        return False  # "Britain announced a freeze, while Germany had halted the pipeline on Tuesday"
    return verb.dep_ not in ("relcl", "acl") or verb == clause or verb.head == trigger \
        or _misplaced_participle(verb, trigger) or (
        reduced_relative(verb.head) and verb.head.head == trigger) or (  # "a treaty the two countries signed in 1960"
        _vehicle_of(verb.head, clause))


def _misplaced_participle(verb: Token, trigger: Token) -> bool:
    """"the tariffs on $125 billion of Chinese goods imposed on Sept. 1": a participle the parser hangs on a noun
    inside the trigger noun's phrase, whose verb takes the trigger noun ("impose" a tariff), describes the trigger."""
    if trigger.pos_ != "NOUN" or verb.dep_ != "acl" or verb.tag_ != "VBN" or trigger not in verb.head.ancestors:
        return False
    noun = trigger.lemma_.lower()
    return any(noun in t.objects for t in triggers().get((verb.lemma_.lower(), "VERB"), ()))


VEHICLE_NOUNS = {"statement", "letter", "interview", "speech", "communique", "communiqué", "message", "call", "post",
                 "tweet", "address", "briefing", "report", "declaration", "announcement", "conference", "note",
                 "memo", "decree", "filing", "broadcast", "video", "telegram", "readout"}


def _vehicle_of(noun: Token, clause: Token) -> bool:
    """"In a joint statement published Oct. 25, the ministries accused ...": the statement that carries the act is
    dated by its own clause, and so is the act."""
    return noun.lemma_.lower() in VEHICLE_NOUNS and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
        and noun.head.head == clause


def _own_time_clause(clause: Token) -> bool:
    """A "while"/"after"/"before"/"although" clause has its own time; a "when"/"as" clause shares the time of the
    clause it modifies ("became the first ... when he stepped over on Friday"), and so does an unmarked participle."""
    return any(c.dep_ == "mark" and c.lower_ in ("while", "whereas", "although", "though", "after", "before", "since",
                                                  "until", "because") for c in clause.children)


# Prepositions whose object may place an act in time ("seized the land in the 1967 war", "during the 2008 crisis").
TIME_PREPS = {"in", "during", "at", "since", "after", "before", "until", "following", "amid", "throughout", "by"}


def _modifies_other_noun(doc: Doc, time: TimeSpan, phrase: set[int], trigger: Token | None = None) -> bool:
    """"a 1951 defence treaty", "the 1967 war": a year inside another noun phrase dates that noun, not this trigger,
    unless the trigger's own relative clause describes that noun ("the 2019 strikes, which Riyadh blamed on Iran")."""
    root = _span_root(doc, time)
    if root is None:
        return False
    if trigger is not None and trigger.pos_ == "NOUN" and root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" \
            and root.head != _owner(trigger) and root.head.i > trigger.i:
        return True  # "obligations under a 1951 treaty": the year is the treaty's, inside the obligations' phrase
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" and trigger is not None and root.head != _owner(trigger) \
            and root.head.dep_ == "pobj" and root.head.head.lower_ not in TIME_PREPS \
            and trigger.i not in {t.i for t in root.head.subtree}:
        return True  # "pledged to defend the ships under a 1958 treaty": the treaty's year; "in the 1967 war" dates
        # the act, and so does "despite the Oct. 11 announcement that they had reached a deal" the act announced
    if trigger is not None and trigger.pos_ in ("VERB", "AUX") and root.dep_ in MODIFIER_DEPS and root.i < root.head.i \
            and root.head.pos_ == "NOUN" and _acts_on_other_act(trigger, root.head):
        return True  # "scrapped a Dec. 15 tariff increase", "quit the 2015 nuclear deal": the date is the thing acted on
    return root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.idx not in phrase \
        and not (trigger is not None and trigger.dep_ in ("relcl", "acl") and trigger.head == root.head)


def _acts_on_other_act(verb: Token, noun: Token) -> bool:
    """The verb's object names an act of another kind than the verb's own: "scrapped (a concession) the tariff
    increase (a sanction)" acts on an earlier or later act; "attended the summit", "signed the deal" are that act."""
    if noun.head != verb and not (noun.dep_ == "pobj" and noun.head.head == verb):
        return False
    mine = match_trigger(verb)
    named = [noun, *(c for c in noun.children if c.dep_ == "compound"),
             *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
    theirs = [m[0].type for n in named if (m := match_trigger(n)) is not None]  # "a tariff increase", "an imposition
    # of tariffs" are the tariffs'
    return mine is not None and bool(theirs) and mine[0].type not in theirs


def pluperfect(token: Token) -> bool:
    """"Ankara had demanded ...": an earlier, background event; without its own date it is not the news day's."""
    node = token
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in node.children):
            while node.dep_ in ("conj", "xcomp") and node.head != node:
                node = node.head
            return node.dep_ == "ROOT"  # "saying a ship had rammed": reported speech backshifts; not background
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            return False
        node = node.head
    return False


def _perfect_infinitive(token: Token) -> bool:
    """"the only two states to have signed peace treaties": an act before the time spoken of."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
        any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def in_relative_clause(token: Token) -> bool:
    """The trigger describes a participant in a perfect relative clause ("the Palestinian Authority, which ... has
    rejected the US as a mediator", "a former official who spearheaded a letter"): what that party has done before,
    not the article's news. A simple past describing a thing is often the news itself ("the declaration they signed
    at the Peace House") and is not taken as background."""
    node = _clause_verb(token)
    perfect = _perfect(node)
    for _ in range(4):
        if node.dep_ == "relcl":  # "a former official who spearheaded a letter": what that person did before
            return perfect or _perfect(node) or any(c.lower_ in ("who", "whom") for c in node.children)
        if node.dep_ not in ("conj", "acl") or node.head == node:
            return False
        node = _clause_verb(node.head)  # "who spearheaded a letter urging Cairo to ...": the letter's clause
    return False


def background(token: Token) -> bool:
    """An undated act that is background, not news: a main-clause pluperfect, a perfect infinitive, a relative
    clause. Without a time expression of its own it gets no date, not the publication month."""
    return pluperfect(token) or _perfect_infinitive(token) or in_relative_clause(token) or _example_of_series(token)


# Plural nouns of acts whose listed examples are earlier acts: "the latest in a series of moves, including recognising"
SERIES_NOUNS = {"move", "step", "measure", "decision", "action", "act", "policy", "gesture", "concession", "sanction"}


def _example_of_series(token: Token) -> bool:
    """"a series of pro-Israeli moves by Trump's administration, including recognising Jerusalem as Israel's capital":
    an act given as an example of a plural kind of acts is one of them, earlier; undated, it is background."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in EXAMPLE_PREPS or prep.dep_ != "prep":
        return False
    # the parser may hang "including" on the phrase around the plural ("the latest in a series of steps, including")
    return any(t.tag_ == "NNS" and t.lemma_.lower() in SERIES_NOUNS for t in prep.head.subtree if t.i < prep.i)


def _content(token: Token) -> set[int]:
    """Offsets of a verb's complement clause: "agreed to stop the broadcasts from May 1" dates the stopping."""
    if token.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.idx for c in token.children if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and c.i > token.i)
            for t in c.subtree}


def _others_content(token: Token) -> set[int]:
    """Offsets inside another verb's complement that the trigger is not part of ("they signed ..., the leaders agreed
    to stop the broadcasts from May 1": May 1 dates the stopping, not the signing)."""
    mine = match_trigger(token)
    own = {c.i for c in token.children if c.dep_ == "relcl" and mine is not None and not any(
        mine[0].type not in {t.type for t in triggers().get((x.lemma_.lower(), "VERB"), [mine[0]])}
        for x in c.children if x.dep_ == "xcomp")} if token.pos_ == "NOUN" else set()
    out: set[int] = set()
    for verb in token.sent:
        if verb.i != token.i and verb.pos_ in ("VERB", "AUX") and verb.i not in own:
            content = _content(verb)
            if token.idx not in content:
                out |= content  # (but "a tariff that Washington planned to impose on Dec. 15": the noun's own
    return out  # relative clause says when its act is due, unless it plans another kind of act: "agreed to lift")


def carriable(doc: Doc, times: list[TimeSpan]) -> list[TimeSpan]:
    """Times of a sentence that may date the next one: its main clause's, not a relative clause's ("Crimea, which
    Moscow annexed in 2014")."""
    out = []
    for t in times:
        root = _span_root(doc, t)
        if root is None or _clause_verb(root).dep_ not in ("relcl", "acl"):
            out.append(t)
    return out


def _dates_other_act(doc: Doc, time: TimeSpan, trigger: Token) -> bool:
    """"seeking his extradition over his role in the release of cables by Wikileaks in 2010", "apologised for errors
    during the 2010 raid": a time phrase hung on another act's noun, or a year modifying it, below the trigger's own
    object, dates that act."""
    root = _span_root(doc, time)
    if root is not None and root.dep_ in ("nummod", "compound", "amod") and root.head.pos_ == "NOUN":
        noun = root.head  # "for errors during the 2010 raid" (but "seized in the 1967 war" is placed by the war:
        if noun.dep_ == "pobj" and noun.head.head.pos_ not in ("NOUN", "PROPN"):  # a phrase hung on a verb)
            return False
    elif root is None or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    else:
        noun = root.head.head
    owner = _owner(trigger)
    if noun.pos_ != "NOUN" or noun == owner or noun.head == owner or noun.head == trigger:
        return False
    return owner in noun.ancestors and match_trigger(noun) is not None


def _reporters_time(doc: Doc, time: TimeSpan) -> bool:
    """"The EU said on Monday it would impose sanctions": a time between a reporting verb and the subject of the
    clause it reports is when it was said (the parser often hangs it on the reported verb), not when the plan is due."""
    root = _span_root(doc, time)
    if root is None:
        return False
    clause = _clause_verb(root)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return clause.dep_ == "ccomp" and bool(subjects) and bool(frames_of(clause.head)) \
        and clause.head.i < root.i < subjects[0].i


def _governing_clauses(token: Token) -> set[int]:
    """Clause verbs of the words that govern a trigger ("is due to hold talks" → "is"): their times are its own."""
    return {_clause_verb(node).i for node in governing_words(token)}


def carried_time(token: Token, times: list[TimeSpan]) -> TimeSpan | None:
    """The previous sentence's time nearest the trigger: its parse is not this sentence's, so no syntax applies."""
    return min(times, key=lambda t: abs(t.char_start - token.idx)) if times else None


def time_for(token: Token, times: list[TimeSpan], next_trigger_char: int | None, attached_only: bool = False) -> TimeSpan | None:
    """The time expression that belongs to the trigger at ``token`` (None if none of the sentence's is its own).

    ``attached_only``: for planned and hypothetical events, which a nearby date of another event does not date; only
    times in the trigger's phrase or in the clauses that govern it ("On Tuesday, Albanese is due to hold talks") do.
    """
    if not times:
        return None
    doc = token.doc
    content = _content(token)
    phrase = _phrase(token) - content
    clause = _clause_verb(token)
    others = _others_content(token)
    own = [t for t in times if _outside_other_clauses(doc, t, clause, token) and t.char_start not in content
           and t.char_start not in others and not _modifies_other_noun(doc, t, phrase, token)
           and not (attached_only and _reporters_time(doc, t)) and not _dates_other_act(doc, t, token)]
    limit = next_trigger_char if next_trigger_char is not None else 10**9
    attached = [t for t in own if token.idx < t.char_start < limit and t.char_start in phrase]
    if attached:
        return min(attached, key=lambda t: t.char_start)
    inside = [t for t in own if any(t.char_start <= i < t.char_end for i in phrase)]
    if inside:
        return min(inside, key=lambda t: abs(t.char_start - token.idx))
    if attached_only:
        governing = _governing_clauses(token)
        mine = [t for t in own if (root := _span_root(doc, t)) is not None and _clause_verb(root).i in governing]
        return min(mine, key=lambda t: abs(t.char_start - token.idx)) if mine else None
    same_clause = []
    for t in own:
        root = _span_root(doc, t)
        if root is not None and _clause_verb(root) == clause:
            same_clause.append(t)
    if same_clause:
        return min(same_clause, key=lambda t: abs(t.char_start - token.idx))
    if not own:
        return None
    nearest = min(own, key=lambda t: abs(t.char_start - token.idx))
    return replace(nearest, evidence="sentence")  # another clause's time: the sentence's, not the event's own


PEG_WORDS = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)\b", re.I)


def within_week_of(event: Event, peg: Event) -> bool:
    """"during a two-day visit this week" beside "documents signed on Tuesday" by the same two states: the week's
    event of that pair is the pegged day's, not any day of the week."""
    if event is peg or event.status != "happened" or not event.date_start or not peg.date_start:
        return False
    if "week" not in (event.date_basis or "") or {event.source, event.target} != {peg.source, peg.target}:
        return False
    return event.date_start <= peg.date_start and (peg.date_end or peg.date_start) <= (event.date_end or event.date_start)


def is_peg(event: Event, pub_range: tuple[date, date] | None) -> bool:
    """A happened event dated to one day by a weekday or "yesterday"/"today", in the week before publication."""
    if pub_range is None or event.status != "happened" or event.date_precision != "day" or not event.date_start:
        return False
    basis = event.date_basis or ""
    if basis.startswith(WEAK_BASIS) or "previous sentence" in basis or not PEG_WORDS.search(basis):
        return False
    day = date.fromisoformat(event.date_start)
    return pub_range[0] - timedelta(days=7) <= day <= pub_range[1]
