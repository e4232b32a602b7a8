"""Stories: articles about the same real-world development, grouped incrementally.

An article is about the pair of states its events are about (the dyad with the most events, happened or
planned counting double, the lead event weighing half more; the mentions break remaining ties); an article with
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
"""

from __future__ import annotations

import hashlib
import re
import sys
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from detente.dedup.near import facts
from detente.records import Story
from detente.store import Store

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

    def story(self, story_id: str) -> Story:
        return _story(story_id, [self.items[m] for m in self.members[story_id]])


def cluster_stories(items: list[StoryInput], window_days: int = WINDOW_DAYS) -> list[Story]:
    """Group a whole list at once (the same result as adding the items one by one)."""
    index = StoryIndex(window_days)
    for item in _originals_first(items):
        index.add(item)
    return [index.story(s) for s in sorted(index.members)]


def _originals_first(items: list[StoryInput]) -> list[StoryInput]:
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


def story_input(store: Store, row) -> StoryInput:
    """One article's story features from the store: its dyad, dates, people, events, copy link."""
    aid = sys.intern(row["id"])  # the same string object as the dedup indexes hold
    when = span = None
    if row["pub_date_start"] and row["pub_date_end"]:
        lo, hi = date.fromisoformat(row["pub_date_start"]), date.fromisoformat(row["pub_date_end"])
        when, span = lo + (hi - lo) / 2, (lo, hi)
    events = store.conn.execute(
        "SELECT source, target, type, status, date_start, date_end, sentence_index FROM events WHERE article_id = ?"
        " ORDER BY sentence_index", (aid,)).fetchall()
    dyads, news, keys = event_features(events, span)
    # actor ids recur in thousands of articles: interned, the index holds each once
    persons = tuple(sorted({sys.intern(r[0]) for r in store.conn.execute(
        "SELECT x.actor_id FROM article_actors x JOIN actors a ON a.id = x.actor_id"
        " WHERE x.article_id = ? AND a.kind = 'person'", (aid,))}))
    mentioned = main_pair(store, aid)
    top = [d for d, w in dyads if w == dyads[0][1]] if dyads and dyads[0][1] >= MIN_DYAD_EVENTS else []
    pair = mentioned if not top or "-".join(mentioned) in top else tuple(top[0].split("-"))  # ties: the mentions
    states = {r[0].lower() for r in store.conn.execute(
        "SELECT DISTINCT m.text FROM mentions m JOIN actors a ON a.id = m.actor_id"
        " WHERE m.article_id = ? AND a.kind = 'state'", (aid,))}
    names = specific_names(row["body"], {s.removeprefix("the ") for s in states})
    return StoryInput(aid, row["title"], tuple(sys.intern(p) for p in pair), when,
                      row["duplicate_of"] or row["derivative_of"], len(events), span, persons, dyads, news, keys, names)


def event_features(events: list, span: tuple[date, date] | None) -> tuple[
        tuple[tuple[str, float], ...], tuple[date, date] | None, tuple[str, ...]]:
    """From an article's events (source, target, type, status, date_start, date_end, sentence index; in text
    order): event weight per pair of states (the lead event's pair gets half a point more, to break ties), the
    span of its day-dated news events, and the keys of those that happened."""
    weight: Counter[str] = Counter()
    news: list[date] = []
    keys: list[str] = []
    lead = True
    for source, target, _kind, status, start, end, _ in events:
        if not (source and target and _STATE.match(source) and _STATE.match(target) and source != target):
            continue
        dyad = "-".join(sorted((source, target)))
        weight[dyad] += STATUS_WEIGHT.get(status, 0.5) + 0.5 * lead
        lead = False
        if not (start and start == end and status in STATUS_WEIGHT and span):
            continue
        day = date.fromisoformat(start)
        if span[0] - timedelta(days=NEWS_DAYS) <= day <= span[1] + timedelta(days=NEWS_DAYS):
            news.append(day)
            if status == "happened" and len(keys) < MAX_KEYS:
                keys.append(sys.intern(f"{dyad}|{start}"))
    dyads = tuple(sorted(((sys.intern(d), w) for d, w in weight.items()), key=lambda x: (-x[1], x[0]))[:4])
    return dyads, ((min(news), max(news)) if news else None), tuple(sorted(set(keys)))


def main_pair(store: Store, article_id: str) -> tuple[str, ...]:
    """The two acting states mentioned most often in the article, sorted."""
    rows = store.conn.execute(
        """SELECT m.actor_id, COUNT(*) AS n FROM mentions m JOIN article_actors x
             ON x.article_id = m.article_id AND x.actor_id = m.actor_id AND x.acting = 1
           JOIN actors a ON a.id = m.actor_id AND a.kind = 'state'
           WHERE m.article_id = ? GROUP BY m.actor_id ORDER BY n DESC, m.actor_id LIMIT 2""",
        (article_id,),
    ).fetchall()
    return tuple(sorted(sys.intern(r[0]) for r in rows))


_COLUMNS = "id, title, body, pub_date_start, pub_date_end, duplicate_of, derivative_of"
_INDEXES: weakref.WeakKeyDictionary[Store, StoryIndex] = weakref.WeakKeyDictionary()


def _index(store: Store) -> StoryIndex:
    """The open store's stories, loaded once (articles already placed), then kept up to date."""
    if store not in _INDEXES:
        index = StoryIndex()
        query = f"SELECT {_COLUMNS}, story_id FROM articles WHERE story_id IS NOT NULL ORDER BY rowid"
        for row in store.conn.execute(query):  # streamed: a stored corpus is never held as rows
            item = story_input(store, row)
            index.items[item.article_id] = item
            index.story_of[item.article_id] = story_id = row["story_id"]
            index.members.setdefault(story_id, set()).add(item.article_id)
            if len(item.pair) == 2:
                if item.narrow and item.when:
                    index.by_bin.setdefault((item.pair, index._bin(item.when)), []).append(item.article_id)
                for person in item.persons:
                    index.by_person.setdefault((item.pair, person), []).append(item.article_id)
        _INDEXES[store] = index
    return _INDEXES[store]


def link_stories(store: Store) -> int:
    """Place the articles that have no story yet (the ones just added), merging stories they bridge; only
    touched stories are rewritten. Returns how many articles were placed.

    The new articles are streamed from the store in insertion order; one whose original is new too and not yet
    placed waits until the rest are in, so the copy link is always seen (single-link grouping does not depend
    on the order otherwise)."""
    index = _index(store)
    # stored articles that were just linked to one of the new ones (a rewrite whose original arrived later)
    linked: dict[str, list[str]] = {}
    for copy, original in store.conn.execute(
        """SELECT a.id, a.derivative_of FROM articles a JOIN articles o ON o.id = a.derivative_of
           WHERE a.story_id IS NOT NULL AND o.story_id IS NULL"""
    ):
        linked.setdefault(original, []).append(copy)
    touched: set[str] = set()
    removed: set[str] = set()
    waiting: list[StoryInput] = []
    placed = 0

    def place(item: StoryInput) -> None:
        story_id, merged = index.add(item, linked.get(item.article_id, ()))
        removed.update(merged)
        touched.difference_update(merged)
        touched.add(story_id)

    new = f"SELECT {_COLUMNS} FROM articles WHERE story_id IS NULL ORDER BY rowid"
    for row in store.conn.execute(new):
        item = story_input(store, row)
        placed += 1
        if item.original and item.original not in index.story_of and _unplaced(store, item.original):
            waiting.append(item)
        else:
            place(item)
    for item in _originals_first(waiting):
        place(item)
    if placed:
        removed -= touched
        store.save_stories((index.story(s) for s in sorted(touched)), sorted(removed))
    return placed


def _unplaced(store: Store, article_id: str) -> bool:
    row = store.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None and row[0] is None


def rebuild_stories(store: Store) -> None:
    """Recompute every story from scratch (after a change of rules; ingest never needs it)."""
    _INDEXES.pop(store, None)
    store.replace_stories([])
    link_stories(store)
