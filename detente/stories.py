"""Stories: articles about the same real-world development, grouped incrementally.

An article is about the pair of states its events are about (the dyad with the most events, happened or
planned counting double, the lead event one more; the mentions break remaining ties); an article with
too few events for that is about the two acting states it mentions most. Two articles belong to one story when one is a copy or rewrite of the
other, or when they are about the same pair, their publication ranges are compatible, and they share actors
or dates of events: at least two of the same people, or, when both are dated within the window, an event of
the pair on the same day (whatever type each coded it as) or two of the same specific names (multi-word names
and long numbers other than the pair's state names: "Sodo-Suswa line", "Second Thomas Shoal", "1,045"). Two reports on one dyad in the same week about different developments (a hostage
swap, a helicopter crash) share neither, and stay apart. Single-link grouping is order-independent, so adding
articles one batch at a time yields the same stories as clustering the whole corpus; a story's id derives
from its smallest member id.

A story is labelled with the dominant dyad of its events (not of its mentions) and dated by its news events
(day-dated events near its articles' publication), falling back to publication dates.

This module groups plain records; the pass that reads them from the store and saves the stories is
:mod:`detente.corpus_passes.stories`.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from detente.dedup.near import facts
from detente.records import Story

WINDOW_DAYS = 75
NARROW_DAYS = 31
BIN_DAYS = 30
PERSON_SCAN = 500  # newest same-dyad articles naming a person that an undated article is compared with
MIN_DYAD_EVENTS = 2.0  # event weight a dyad needs to name an article or a story (else its mentions do)
NEWS_DAYS = 31  # events dated this close to publication are the news (earlier ones are background)
MAX_KEYS = 16  # event keys kept per article for matching
MAX_NAMES = 48  # specific names kept per article
_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
LEAD_BONUS = 1.0  # the lede's act is the news: its pair weighs one event more
HEADLINE_BONUS = 1.0  # and so is a pair the headline names
STATUS_WEIGHT = {"happened": 1.0, "planned": 1.0}  # other statuses (hypothetical, denied, refused) count half
_STATE = re.compile(r"^[A-Z]{3}$")


@dataclass(slots=True)  # one per stored article, held for the life of the store's index
class StoryInput:
    article_id: str
    title: str | None
    pair: tuple[str, ...]  # the article's main dyad, sorted ISO3 codes
    when: date | None  # middle of the publication range
    original: str | None  # duplicate_of or derivative_of
    events: int = 0
    span: tuple[date, date] | None = None  # the publication range
    persons: tuple[str, ...] = ()  # a tuple holds a few names in a quarter of a frozenset's memory
    dyads: tuple[tuple[str, float], ...] = ()  # event weight per state pair ("CHN-VNM"), heaviest first
    news: tuple[date, date] | None = None  # span of the day-dated events near publication
    event_keys: tuple[str, ...] = ()  # "CHN-VNM|2023-12-12": pair and day of those that happened
    names: bytes = b""  # 4-byte hashes of its specific names, sorted (a few dozen bytes however long the text)

    @property
    def narrow(self) -> bool:
        return bool(self.span and (self.span[1] - self.span[0]).days <= NARROW_DAYS)


def _same_story(a: StoryInput, b: StoryInput, window_days: int) -> bool:
    slack = timedelta(days=window_days)
    if a.span and b.span and (a.span[0] - slack > b.span[1] or b.span[0] - slack > a.span[1]):
        return False  # publication ranges too far apart
    if len(set(a.persons).intersection(b.persons)) >= 2:
        return True
    close = a.narrow and b.narrow and a.when and b.when and abs((a.when - b.when).days) <= window_days
    if not close:
        return False
    return bool(set(a.event_keys).intersection(b.event_keys)) or shared_names(a.names, b.names) >= 2


def story_dyads(group: list[StoryInput]) -> list[str]:
    """The story's pairs of states, the dominant one first: by the weight of its events, or, when no pair has
    events enough, by how many of its articles are about the pair."""
    weight: Counter[str] = Counter()
    for item in group:
        weight.update(dict(item.dyads))
    pairs = Counter("-".join(i.pair) for i in group if len(i.pair) == 2)
    ranked = sorted(set(pairs) | {d for d, w in weight.items() if w >= MIN_DYAD_EVENTS},
                    key=lambda d: (-(weight[d] >= MIN_DYAD_EVENTS), -weight[d], -pairs[d], d))
    return ranked


def _story(story_id: str, group: list[StoryInput]) -> Story:
    dyads = story_dyads(group)
    news = [i.news for i in group if i.news]
    if news:
        first, last = min(n[0] for n in news), max(n[1] for n in news)
    else:
        dates = sorted(i.when for i in group if i.when and i.narrow)
        first, last = (dates[0], dates[-1]) if dates else (None, None)
    lead = max(group, key=lambda i: (i.events, i.title is not None, i.article_id))
    label_date = first.strftime("%b %Y") if first else "undated"
    label = f"{dyads[0] if dyads else 'no dyad'}, {label_date}: {lead.title or 'untitled'}"
    return Story(id=story_id, label=label, article_ids=sorted(i.article_id for i in group),
                 date_range=[first.isoformat(), last.isoformat()] if first and last else [None, None], dyads=dyads)


def specific_names(body: str, exclude: set[str]) -> bytes:
    """The article's specific names, hashed: multi-word names and numbers of three digits or more (not years),
    without ``exclude`` (its state names: two articles on one pair always share "United States"). Two reports
    of one development share several ("Addis Ababa", "Sodo-Suswa line", "400"); two developments on one pair
    in the same week share few."""
    found = set()
    for fact in facts(body):
        text = fact.decode()
        digits = len(_DIGITS.findall(text))
        specific = " " in text if not digits else digits >= 3 and not _YEAR.fullmatch(text)
        if specific and text not in exclude:
            found.add(hashlib.blake2b(fact, digest_size=4).digest())
    return b"".join(sorted(found)[:MAX_NAMES])


def shared_names(a: bytes, b: bytes) -> int:
    """How many hashed names two articles share."""
    return len({a[i : i + 4] for i in range(0, len(a), 4)}.intersection(b[i : i + 4] for i in range(0, len(b), 4)))


def story_id_for(member_ids: Iterable[str]) -> str:
    return "story:" + hashlib.sha1(min(member_ids).encode()).hexdigest()[:12]


class StoryIndex:
    """Stories in memory with lookups by dyad and date bin and by dyad and person, so that a new article is
    compared only with the articles it could join, never with the whole corpus."""

    def __init__(self, window_days: int = WINDOW_DAYS) -> None:
        self.window = window_days
        self.items: dict[str, StoryInput] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.by_bin: dict[tuple[tuple[str, ...], int], list[str]] = {}
        self.by_person: dict[tuple[tuple[str, ...], str], list[str]] = {}

    def _bin(self, when: date) -> int:
        return when.toordinal() // BIN_DAYS

    def _neighbours(self, item: StoryInput) -> set[str]:
        if len(item.pair) != 2:
            return set()
        found: set[str] = set()
        if item.narrow and item.when:
            reach = self.window // BIN_DAYS + 1
            centre = self._bin(item.when)
            for b in range(centre - reach, centre + reach + 1):
                found.update(self.by_bin.get((item.pair, b), ()))
        if len(item.persons) >= 2:
            for person in item.persons:
                found.update(self.by_person.get((item.pair, person), ())[-PERSON_SCAN:])
        return {f for f in found if _same_story(item, self.items[f], self.window)}

    def add(self, item: StoryInput, linked: Iterable[str] = ()) -> tuple[str, set[str]]:
        """Place one article; returns its story id and the ids of stories merged away into it."""
        joined = self._neighbours(item) | {x for x in (item.original, *linked) if x and x in self.story_of}
        stories = {self.story_of[x] for x in joined}
        members = {item.article_id}.union(*(self.members.pop(s) for s in stories)) if stories else {item.article_id}
        self.items[item.article_id] = item
        new_id = story_id_for(members)
        for member in members:
            self.story_of[member] = new_id
        self.members[new_id] = members
        if len(item.pair) == 2:
            if item.narrow and item.when:
                self.by_bin.setdefault((item.pair, self._bin(item.when)), []).append(item.article_id)
            for person in item.persons:
                self.by_person.setdefault((item.pair, person), []).append(item.article_id)
        return new_id, stories - {new_id}

    def restore(self, item: StoryInput, story_id: str) -> None:
        """Put back an article a previous run placed in ``story_id`` (no grouping: the store says where it is)."""
        self.items[item.article_id] = item
        self.story_of[item.article_id] = story_id
        self.members.setdefault(story_id, set()).add(item.article_id)
        if len(item.pair) == 2:
            if item.narrow and item.when:
                self.by_bin.setdefault((item.pair, self._bin(item.when)), []).append(item.article_id)
            for person in item.persons:
                self.by_person.setdefault((item.pair, person), []).append(item.article_id)

    def story(self, story_id: str) -> Story:
        return _story(story_id, [self.items[m] for m in self.members[story_id]])


def cluster_stories(items: list[StoryInput], window_days: int = WINDOW_DAYS) -> list[Story]:
    """Group a whole list at once (the same result as adding the items one by one)."""
    index = StoryIndex(window_days)
    for item in originals_first(items):
        index.add(item)
    return [index.story(s) for s in sorted(index.members)]


def originals_first(items: list[StoryInput]) -> list[StoryInput]:
    """The items in their order, except that a copy comes after its original (also along chains of copies),
    so that every copy link is seen when the copy is placed."""
    ids = {i.article_id for i in items}
    placed: set[str] = set()
    ordered: list[StoryInput] = []
    pending = list(items)
    while pending:
        ready = [i for i in pending if not i.original or i.original not in ids or i.original in placed]
        if not ready:  # a cycle of copies (not produced by dedup): place the rest as they come
            ready = pending
        ordered += ready
        placed.update(i.article_id for i in ready)
        chosen = {id(i) for i in ready}
        pending = [i for i in pending if id(i) not in chosen]
    return ordered


def headline_states(title: str | None, named: Iterable[tuple[str, str]]) -> set[str]:
    """The states a headline names, by the words the article's body names them with ("US", "Israeli")."""
    if not title:
        return set()
    return {code for text, code in named if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", title)}


def story_input(row: Mapping, events: list, persons: Iterable[str], mentioned: Iterable[str],
                state_words: Iterable[str], headline: Iterable[str] = ()) -> StoryInput:
    """One article's story features: its dyad, dates, people, events, copy link. ``row`` holds the article's id,
    title, body, publication range and links; ``events`` its events as :func:`event_features` reads them;
    ``mentioned`` the acting states it mentions most, most first; ``state_words`` the words it names states by;
    ``headline`` the states its headline names (a pair of them with events weighs one event more: the headline
    says what the news is)."""
    aid = sys.intern(row["id"])  # the same string object as the dedup indexes hold
    when = span = None
    if row["pub_date_start"] and row["pub_date_end"]:
        lo, hi = date.fromisoformat(row["pub_date_start"]), date.fromisoformat(row["pub_date_end"])
        when, span = lo + (hi - lo) / 2, (lo, hi)
    dyads, news, keys = event_features(events, span)
    headline = set(headline)
    if len(headline) >= 2:
        dyads = tuple(sorted(((d, w + HEADLINE_BONUS * (set(d.split("-")) <= headline)) for d, w in dyads),
                             key=lambda x: (-x[1], x[0])))
    # actor ids recur in thousands of articles: interned, the index holds each once
    people = tuple(sorted({sys.intern(p) for p in persons}))
    main = tuple(sorted(sys.intern(c) for c in mentioned))
    top = [d for d, w in dyads if w == dyads[0][1]] if dyads and dyads[0][1] >= MIN_DYAD_EVENTS else []
    pair = main if not top or "-".join(main) in top else tuple(top[0].split("-"))  # ties: the mentions
    states = {w.lower() for w in state_words}
    names = specific_names(row["body"], {s.removeprefix("the ") for s in states})
    return StoryInput(aid, row["title"], tuple(sys.intern(p) for p in pair), when,
                      row["duplicate_of"] or row["derivative_of"], len(events), span, people, dyads, news, keys, names)


def event_features(events: list, span: tuple[date, date] | None) -> tuple[
        tuple[tuple[str, float], ...], tuple[date, date] | None, tuple[str, ...]]:
    """From an article's events (source, target, type, status, date_start, date_end, sentence index; in text
    order): event weight per pair of states (the pairs of the lead sentence's events get LEAD_BONUS more: the lede
    is the news, and a joint act there, "Russia and Syria accused the US", leads for each of its parties), the
    span of its day-dated news events, and the keys of those that happened."""
    weight: Counter[str] = Counter()
    news: list[date] = []
    keys: list[str] = []
    lead_sentence = None
    for source, target, _kind, status, start, end, sentence in events:
        if not (source and target and _STATE.match(source) and _STATE.match(target) and source != target):
            continue
        dyad = "-".join(sorted((source, target)))
        lead_sentence = sentence if lead_sentence is None else lead_sentence
        weight[dyad] += STATUS_WEIGHT.get(status, 0.5) + LEAD_BONUS * (sentence == lead_sentence)
        if not (start and start == end and status in STATUS_WEIGHT and span):
            continue
        day = date.fromisoformat(start)
        if span[0] - timedelta(days=NEWS_DAYS) <= day <= span[1] + timedelta(days=NEWS_DAYS):
            news.append(day)
            if status == "happened" and len(keys) < MAX_KEYS:
                keys.append(sys.intern(f"{dyad}|{start}"))
    dyads = tuple(sorted(((sys.intern(d), w) for d, w in weight.items()), key=lambda x: (-x[1], x[0]))[:4])
    return dyads, ((min(news), max(news)) if news else None), tuple(sorted(set(keys)))
