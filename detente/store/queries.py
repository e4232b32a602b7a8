"""The read-only query layer under the CLI, the Python API, the web app, the report and the exports.

Every filter a user can type (a dyad, a date, a type, a status, a kind, search words) is parsed here once,
into a :class:`Filters` dataclass; a bad value raises :class:`QueryError`, whose message names the value
and what is allowed, so no front end shows an empty table for a typo. SQL is written only in this module
(and ``db.py``): the front ends receive records and counts, never a connection. Visitor values travel as
bound ``?`` parameters; full-text input is rebuilt as quoted FTS5 phrases, so its operators are searched
for, not obeyed. "Originals only" (articles that are neither copies nor rewrites) is written once, in :func:`originals`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Generic, TypeVar

from detente.records import Actor, Article, Event, Quote, Story
from detente.store.db import EVENT_COLUMNS, Store, row_to_article, row_to_quote
from detente.tables import load_table, split_multi

T = TypeVar("T")

STATUSES = ("happened", "planned", "refused", "hypothetical", "denied")
KINDS = ("state", "person", "org", "igo", "group")
PERIODS = ("month", "quarter", "year")
MAX_FTS_WORDS = 16
MAX_TEXT_CHARS = 500  # a typed name or search; SQLite refuses LIKE patterns over 50,000 bytes with an error


class QueryError(ValueError):
    """A filter value that cannot be read; the message says which value and what is allowed."""


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER types we code, in the order of ``data/plover.tsv``."""
    return tuple(dict.fromkeys(row["type"] for row in load_table("plover.tsv")))


def originals(alias: str = "") -> str:
    """SQL for "originals only": articles (of table ``alias``) that are neither a copy nor a rewrite of another."""
    prefix = f"{alias}." if alias else ""
    return f"{prefix}duplicate_of IS NULL AND {prefix}derivative_of IS NULL"


def is_state(code: str | None) -> bool:
    """States are ISO3 codes; persons, organisations and IGOs carry a ``kind:`` prefix."""
    return bool(code) and len(code) == 3 and code.isalpha() and code.isupper()


def is_copy(article: Article) -> bool:
    """A duplicate or a rewrite of another stored article: left out wherever each event must count once."""
    return bool(article.duplicate_of or article.derivative_of)


# -- parsing ----------------------------------------------------------------------------------------------

@cache
def _state_names() -> dict[str, str]:
    """Lower-cased ISO3 code, name and alias of every state → its ISO3 code."""
    names: dict[str, str] = {}
    for row in load_table("countries.tsv"):
        code = row["iso3"].strip().upper()
        for name in (code, row["name"], *split_multi(row.get("aliases", ""))):
            key = _name_key(name)
            if key:
                names.setdefault(key, code)
    return names


def _name_key(text: str) -> str:
    key = " ".join(text.replace(".", "").split()).lower()
    return key[4:] if key.startswith("the ") else key


def state_code(text: str) -> str | None:
    """ISO3 code of a state given by code or name ("vnm", "Viet Nam", "the United States"), else None."""
    return _state_names().get(_name_key(text))


_SEPARATORS = re.compile(r"\s*[-–—/,]\s*|\s+")


def parse_dyad(value: str | tuple[str, str] | list[str] | None) -> tuple[str, str] | None:
    """A pair of states: ``CHN-VNM``, ``CHN/VNM``, ``CHN,VNM``, ``chn vnm``, ``China-Vietnam``, ``United States/China``,
    or a 2-tuple. None for an empty value; :class:`QueryError` for anything else."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise QueryError(f"a dyad is two states, e.g. ('CHN', 'VNM'), not {value!r}")
        codes = [state_code(str(v)) for v in value]
        if None in codes:
            bad = [str(v) for v, c in zip(value, codes, strict=True) if c is None]
            raise QueryError(f"unknown state {bad[0]!r} in dyad {value!r}: give ISO3 codes (CHN) or names (China)")
        return codes[0], codes[1]  # type: ignore[return-value]
    text = " ".join(str(value).split())
    if not text:
        return None
    cuts = [m for m in _SEPARATORS.finditer(text) if m.start() > 0 and m.end() < len(text)]
    pairs = {(a, b) for m in cuts
             if (a := state_code(text[:m.start()])) and (b := state_code(text[m.end():]))}
    if len(pairs) == 1:
        return pairs.pop()
    if pairs:
        raise QueryError(f"dyad {value!r} can be read more than one way: write it as two ISO3 codes, e.g. CHN-VNM")
    raise QueryError(f"dyad {value!r} is not two known states: write e.g. CHN-VNM, CHN/VNM, CHN,VNM or China-Vietnam")


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str | None, *, end: bool = False) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → an ISO day: the first day of the period, or its last with ``end``."""
    if value is None or not str(value).strip():
        return None
    match = _DATE.match(str(value).strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
        if day is not None:
            return date(year, month, int(day)).isoformat()
        if not end:
            return date(year, month, 1).isoformat()
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    except ValueError:
        raise QueryError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-12-01)") from None


def parse_choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    """``value`` as written in ``allowed`` (case-insensitive), None when empty, else :class:`QueryError`."""
    if value is None or not str(value).strip():
        return None
    wanted = str(value).strip().lower()
    for choice in allowed:
        if choice.lower() == wanted:
            return choice
    raise QueryError(f"{name} {value!r} is not one of: {', '.join(allowed)}")


def parse_country(value: str | None) -> str | None:
    """A state by ISO3 code or name, as its code."""
    if value is None or not str(value).strip():
        return None
    code = state_code(str(value))
    if code is None:
        raise QueryError(f"unknown country {value!r}: give an ISO3 code (USA) or a name (United States)")
    return code


def fts_query(text: str | None) -> str | None:
    """Each word becomes a quoted FTS5 phrase (a trailing * keeps prefix search); words are ANDed.
    ``U.S.``, ``NEAR(``, quotes and ``OR`` are searched for as written, never parsed as FTS5 syntax."""
    phrases = []
    text = "".join(ch if ch.isprintable() else " " for ch in (text or ""))  # NUL and control characters end an FTS5 string
    for word in text.split()[:MAX_FTS_WORDS]:
        prefix = word.endswith("*") and len(word) > 1
        core = word.rstrip("*") if prefix else word
        if not core.strip('"'):
            continue
        phrases.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(phrases) or None


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with % and _ in it taken literally (use with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class Filters:
    """What a listing asks for, already parsed. Build it with :meth:`parse` from what a user typed."""

    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    article: str | None = None
    since: str | None = None  # ISO day, inclusive
    until: str | None = None  # ISO day, inclusive
    search: str | None = None  # words, searched literally
    speaker: str | None = None
    country: str | None = None
    kind: str | None = None
    originals_only: bool = False
    limit: int | None = None  # None: every row
    offset: int = 0

    @classmethod
    def parse(cls, *, dyad: str | tuple[str, str] | None = None, type: str | None = None, status: str | None = None,
              article: str | None = None, since: str | None = None, until: str | None = None, search: str | None = None,
              speaker: str | None = None, country: str | None = None, kind: str | None = None,
              originals_only: bool = False, limit: int | None = None, offset: int = 0) -> Filters:
        """Filters from raw user input; raises :class:`QueryError` naming the first bad value."""
        if limit is not None and limit < 0:
            raise QueryError(f"limit {limit} is negative")
        for name, text in (("search", search), ("speaker", speaker)):
            if text is not None and len(text) > MAX_TEXT_CHARS:
                raise QueryError(f"{name} of {len(text):,} characters: at most {MAX_TEXT_CHARS} are searched for")
        return cls(
            dyad=parse_dyad(dyad), type=parse_choice(type, event_types(), "type"),
            status=parse_choice(status, STATUSES, "status"), article=(article or None),
            since=parse_date(since), until=parse_date(until, end=True),
            search=(search.strip() or None) if search else None, speaker=(speaker.strip() or None) if speaker else None,
            country=parse_country(country), kind=parse_choice(kind, KINDS, "kind"), originals_only=originals_only,
            limit=limit, offset=max(0, offset),
        )

    def page(self, limit: int | None, offset: int = 0) -> Filters:
        return replace(self, limit=limit, offset=max(0, offset))


@dataclass
class Page(Generic[T]):
    """One page of a listing and how many rows match in all ("showing N of M")."""

    items: list[T]
    total: int

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class ArticleRow:
    article: Article
    events: int
    quotes: int


@dataclass
class QuoteRow:
    quote: Quote
    date: str | None  # the article's publication date (or the start of its range)
    doc_name: str
    speaker_name: str | None = None  # the resolved speaker actor's name


@dataclass
class EventRow:
    event: Event
    doc_name: str


@dataclass
class ActorRow:
    actor: Actor
    mentions: int


@dataclass
class Where:
    """SQL conditions joined by AND, written in this module only; values travel as parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, sql: str, *params: object) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _window(f: Filters) -> tuple[str, tuple]:
    return ("LIMIT ? OFFSET ?", (f.limit, f.offset)) if f.limit is not None else ("LIMIT -1 OFFSET ?", (f.offset,))


def _pair_sql(alias: str) -> str:
    return f"(({alias}.source = ? AND {alias}.target = ?) OR ({alias}.source = ? AND {alias}.target = ?))"


def _event_where(f: Filters, alias: str = "e") -> Where:
    w = Where()
    if f.dyad:
        a, b = f.dyad
        w.add(_pair_sql(alias), a, b, b, a)
    if f.type:
        w.add(f"{alias}.type = ?", f.type)
    if f.status:
        w.add(f"{alias}.status = ?", f.status)
    if f.article:
        w.add(f"{alias}.article_id = ?", f.article)
    if f.since:
        w.add(f"COALESCE({alias}.date_end, {alias}.date_start) >= ?", f.since)
    if f.until:
        w.add(f"{alias}.date_start <= ?", f.until)
    if f.originals_only:
        w.add(f"{alias}.article_id IN (SELECT id FROM articles WHERE {originals()})")
    return w


def _count(store: Store, sql: str, params: list[object]) -> int:
    return store.conn.execute(sql, tuple(params)).fetchone()[0]


def _event(row: sqlite3.Row) -> Event:
    return Event(**{c: row[c] for c in EVENT_COLUMNS})


def _quote(row: sqlite3.Row) -> Quote:
    return row_to_quote(row)


def _actor(row: sqlite3.Row) -> Actor:
    return Actor(id=row["id"], kind=row["kind"], name=row["name"], aliases=json.loads(row["aliases"]),
                 country=row["country"], role=row["role"], affiliation=row["affiliation"], org_type=row["org_type"])


# -- listings ---------------------------------------------------------------------------------------------

def events(store: Store, f: Filters, *, newest_first: bool = False) -> Page[EventRow]:
    """Events by date (undated last), each with its article's name."""
    w = _event_where(f)
    if f.search:
        query = fts_query(f.search)
        if query:
            w.add("e.article_id IN (SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                  "WHERE articles_fts MATCH ?)", query)
    order = "e.date_start DESC, e.date_end DESC" if newest_first else "e.date_start, e.date_end"
    window, wparams = _window(f)
    rows = store.conn.execute(
        f"""SELECT e.*, a.doc_name AS doc_name FROM events e JOIN articles a ON a.id = e.article_id {w.sql()}
            ORDER BY e.date_start IS NULL, {order}, a.rowid, e.char_start, e.trigger_start, e.id {window}""", (*w.params, *wparams)).fetchall()
    total = _count(store, f"SELECT COUNT(*) FROM events e {w.sql()}", w.params)
    return Page([EventRow(_event(r), r["doc_name"]) for r in rows], total)


def _article_where(f: Filters) -> Where:
    w = Where()
    query = fts_query(f.search)
    if query:
        w.add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", query)
    sub = _event_where(replace(f, since=None, until=None, article=None, originals_only=False))
    if sub.parts:
        w.add(f"EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND {' AND '.join(sub.parts)})", *sub.params)
    if f.speaker:
        w.add("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND q.speaker LIKE ? ESCAPE '\\')", like(f.speaker))
    if f.since:
        w.add("COALESCE(a.pub_date, a.pub_date_end) >= ?", f.since)
    if f.until:
        w.add("COALESCE(a.pub_date, a.pub_date_start) <= ?", f.until)
    if f.article:
        w.add("a.id = ?", f.article)
    if f.originals_only:
        w.add(originals("a"))
    return w


def articles(store: Store, f: Filters, *, newest_first: bool = False) -> Page[ArticleRow]:
    """Articles by publication date (undated last), with their event and quote counts."""
    w = _article_where(f)
    day = "COALESCE(a.pub_date, a.pub_date_start)"
    window, wparams = _window(f)
    rows = store.conn.execute(
        f"""SELECT a.*, (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events,
                   (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes
            FROM articles a {w.sql()} ORDER BY {day} IS NULL, {day} {'DESC' if newest_first else ''}, a.rowid {window}""",
        (*w.params, *wparams)).fetchall()
    total = _count(store, f"SELECT COUNT(*) FROM articles a {w.sql()}", w.params)
    return Page([ArticleRow(row_to_article(r), r["n_events"], r["n_quotes"]) for r in rows], total)


def quotes(store: Store, f: Filters) -> Page[QuoteRow]:
    """Quotes by their article's date, then by place in the article."""
    w = Where()
    query = fts_query(f.search)
    if query:
        w.add("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", query)
    if f.speaker:
        pattern = like(f.speaker)
        w.add("(q.speaker LIKE ? ESCAPE '\\' OR q.speaker_actor IN (SELECT id FROM actors WHERE name LIKE ? ESCAPE '\\'))",
              pattern, pattern)
    if f.country:
        w.add("q.speaker_country = ?", f.country)
    if f.article:
        w.add("q.article_id = ?", f.article)
    if f.dyad:
        a, b = f.dyad
        w.add(f"q.article_id IN (SELECT e.article_id FROM events e WHERE {_pair_sql('e')})", a, b, b, a)
    day = "COALESCE(a.pub_date, a.pub_date_start)"
    if f.since:
        w.add("COALESCE(a.pub_date, a.pub_date_end) >= ?", f.since)
    if f.until:
        w.add(f"{day} <= ?", f.until)
    if f.originals_only:
        w.add(originals("a"))
    window, wparams = _window(f)
    rows = store.conn.execute(
        f"""SELECT q.*, {day} AS day, a.doc_name AS doc_name, s.name AS speaker_name
            FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_actor
            {w.sql()} ORDER BY day IS NULL, day, a.rowid, q.char_start, q.id {window}""", (*w.params, *wparams)).fetchall()
    total = _count(store, f"SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id {w.sql()}", w.params)
    return Page([QuoteRow(_quote(r), r["day"], r["doc_name"], r["speaker_name"]) for r in rows], total)


def quotes_by(store: Store, speaker_actor: str, limit: int = 200) -> list[Quote]:
    """What one resolved speaker said, in article order."""
    rows = store.conn.execute("SELECT * FROM quotes WHERE speaker_actor = ? ORDER BY article_id, char_start LIMIT ?",
                              (speaker_actor, limit)).fetchall()
    return [_quote(r) for r in rows]


def actors(store: Store, f: Filters) -> Page[ActorRow]:
    """Actors (by kind, then name) with how often they are mentioned."""
    w = Where()
    if f.kind:
        w.add("a.kind = ?", f.kind)
    if f.country:
        w.add("a.country = ?", f.country)
    window, wparams = _window(f)
    rows = store.conn.execute(
        f"""SELECT a.*, (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = a.id) AS n_mentions
            FROM actors a {w.sql()} ORDER BY a.kind, a.name {window}""", (*w.params, *wparams)).fetchall()
    total = _count(store, f"SELECT COUNT(*) FROM actors a {w.sql()}", w.params)
    return Page([ActorRow(_actor(r), r["n_mentions"]) for r in rows], total)


def stories(store: Store, f: Filters) -> Page[Story]:
    """Stories by their first date; with a dyad, only stories about it."""
    found = store.stories()
    if f.dyad:
        wanted = {"-".join(f.dyad), "-".join(reversed(f.dyad))}
        found = [s for s in found if wanted & set(s.dyads)]
    if f.since:
        found = [s for s in found if (s.date_range[1] or s.date_range[0] or "") >= f.since]
    if f.until:
        found = [s for s in found if (s.date_range[0] or "9999") <= f.until]
    found.sort(key=lambda s: (s.date_range[0] is None, s.date_range[0] or "", s.id))
    end = None if f.limit is None else f.offset + f.limit
    return Page(found[f.offset:end], len(found))


def find_actors(store: Store, name: str) -> list[Actor]:
    """Actors a user means by ``name``: the id or the whole name or an alias (any case), else those whose names
    hold every word given ("xi" finds Xi Jinping), else those whose names contain the text."""
    wanted = " ".join(name.split()).lower()
    if not wanted:
        return []
    everyone = [_actor(r) for r in store.conn.execute("SELECT * FROM actors ORDER BY kind, name")]

    def names(actor: Actor) -> list[str]:
        return [n.lower() for n in (actor.name, *actor.aliases)]

    exact = [a for a in everyone if a.id.lower() == wanted or wanted in names(a)]
    if exact:
        return exact
    words = wanted.split()
    by_word = [a for a in everyone if any(all(w in re.findall(r"\w+", n) for w in words) for n in names(a))]
    if by_word:
        return by_word
    return [a for a in everyone if any(wanted in n for n in names(a))]


@dataclass
class MentionRow:
    article_id: str
    doc_name: str
    date: str | None
    char_start: int
    sentence_index: int
    text: str


def mentions(store: Store, actor_id: str) -> list[MentionRow]:
    """Where an actor is named, by article date."""
    day = "COALESCE(a.pub_date, a.pub_date_start)"
    rows = store.conn.execute(
        f"""SELECT m.*, a.doc_name AS doc_name, {day} AS day FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.actor_id = ? ORDER BY day IS NULL, day, a.rowid, m.char_start""", (actor_id,)).fetchall()
    return [MentionRow(r["article_id"], r["doc_name"], r["day"], r["char_start"], r["sentence_index"], r["text"])
            for r in rows]


# -- what the views and exports read ------------------------------------------------------------------------

def copy_ids(store: Store) -> set[str]:
    """Articles that are copies or rewrites of another."""
    return {r[0] for r in store.conn.execute(f"SELECT id FROM articles WHERE NOT ({originals()})")}


def pair_events(store: Store, a: str, b: str) -> list[Event]:
    """Every event between two states, either way."""
    rows = store.conn.execute(f"SELECT * FROM events e WHERE {_pair_sql('e')} ORDER BY e.article_id, e.char_start",
                              (a, b, b, a)).fetchall()
    return [_event(r) for r in rows]


def actor_events(store: Store, actor_id: str) -> list[Event]:
    """Events an actor takes part in, as a side or as the person or organisation behind one."""
    rows = store.conn.execute(
        "SELECT * FROM events WHERE source = ? OR target = ? OR source_actor = ? OR target_actor = ? "
        "ORDER BY article_id, char_start", (actor_id,) * 4).fetchall()
    return [_event(r) for r in rows]


def dyad_counts(store: Store, limit: int | None = 12) -> list[tuple[str, str, int]]:
    """State pairs by number of distinct events (clusters), copies and rewrites excluded."""
    rows = store.conn.execute(
        f"""SELECT e.source, e.target, COUNT(DISTINCT COALESCE(e.cluster_id, e.id))
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {originals("a")} AND e.source != e.target
            GROUP BY e.source, e.target""").fetchall()
    merged: dict[tuple[str, str], int] = defaultdict(int)
    for source, target, n in rows:
        if is_state(source) and is_state(target):
            merged[tuple(sorted((source, target)))] += n  # type: ignore[index]
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(a, b, n) for (a, b), n in ranked[:limit]]


def type_counts(store: Store) -> list[tuple[str, int]]:
    return [tuple(r) for r in store.conn.execute("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")]


def search_snippets(store: Store, text: str, limit: int = 30) -> list[dict]:
    """FTS5 hits over article bodies with a short snippet; the snippet marks are control characters, escaped later."""
    query = fts_query(text)
    if not query:
        return []
    rows = store.conn.execute(
        """SELECT a.id, a.title, a.doc_name, a.outlet, a.pub_date, snippet(articles_fts, 1, char(2), char(3), ' … ', 24) AS snip
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""", (query, limit)).fetchall()
    return [dict(r) for r in rows]


def article(store: Store, article_id: str) -> Article | None:
    found = store.articles("WHERE id = ?", (article_id,))
    return found[0] if found else None


def actor(store: Store, actor_id: str) -> Actor | None:
    row = store.conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return _actor(row) if row else None


def actors_by_id(store: Store, ids: set[str]) -> dict[str, Actor]:
    if not ids:
        return {}
    ordered = sorted(ids)
    rows = store.conn.execute(f"SELECT * FROM actors WHERE id IN ({','.join('?' * len(ordered))})", tuple(ordered))
    return {r["id"]: _actor(r) for r in rows}


def articles_by_id(store: Store, ids: set[str]) -> dict[str, Article]:
    if not ids:
        return {}
    ordered = sorted(ids)
    return {a.id: a for a in store.articles(f"WHERE id IN ({','.join('?' * len(ordered))})", tuple(ordered))}


def loose_copies(store: Store) -> list[Article]:
    """Copies and rewrites that belong to no story."""
    return store.articles(f"WHERE story_id IS NULL AND NOT ({originals()})")


def names(store: Store, ids: set[str]) -> dict[str, str]:
    """Article id → doc name."""
    if not ids:
        return {}
    ordered = sorted(ids)
    return dict(store.conn.execute(f"SELECT id, doc_name FROM articles WHERE id IN ({','.join('?' * len(ordered))})",
                                   tuple(ordered)).fetchall())


def article_meta(store: Store, ids: set[str] | None = None) -> dict[str, Article]:
    """Articles without their bodies (dates and copy links are all a timeline needs), by id; every article for None."""
    if ids is not None and not ids:
        return {}
    columns = ("id, source, doc_name, raw_hash, title, outlet, language, url, pub_date, pub_date_start, pub_date_end, "
               "duplicate_of, derivative_of")
    if ids is None or len(ids) > 500:  # cheaper to read every row's few columns than to bind thousands of parameters
        rows = store.conn.execute(f"SELECT {columns} FROM articles").fetchall()
    else:
        ordered = sorted(ids)
        rows = store.conn.execute(f"SELECT {columns} FROM articles WHERE id IN ({','.join('?' * len(ordered))})",
                                  tuple(ordered)).fetchall()
    return {
        r["id"]: Article(id=r["id"], source=r["source"], doc_name=r["doc_name"], raw_hash=r["raw_hash"], body="",
                         title=r["title"], outlet=r["outlet"], language=r["language"], url=r["url"], pub_date=r["pub_date"],
                         pub_date_range=[r["pub_date_start"], r["pub_date_end"]], duplicate_of=r["duplicate_of"],
                         derivative_of=r["derivative_of"])
        for r in rows if ids is None or r["id"] in ids
    }


def added_at(store: Store) -> dict[str, str]:
    """Article id → when it was stored (UTC, ``YYYY-MM-DD HH:MM:SS``)."""
    return dict(store.conn.execute("SELECT id, ingested_at FROM articles").fetchall())


def sentences(store: Store, article_ids: list[str] | None = None) -> dict[str, list[tuple[int, int, int]]]:
    """article id → [(index, start, end)]."""
    grouped: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    if article_ids is None:
        rows = store.conn.execute("SELECT article_id, idx, char_start, char_end FROM sentences ORDER BY article_id, idx")
    else:
        rows = store.conn.execute(
            f"SELECT article_id, idx, char_start, char_end FROM sentences WHERE article_id IN ({','.join('?' * len(article_ids))}) "
            "ORDER BY article_id, idx", tuple(article_ids))
    for r in rows:
        grouped[r[0]].append((r[1], r[2], r[3]))
    return grouped


def sentence_mentions(store: Store) -> dict[tuple[str, int, str], str]:
    """(article id, sentence index, actor id) → the words that name the actor there (first mention)."""
    found: dict[tuple[str, int, str], str] = {}
    for r in store.conn.execute("SELECT article_id, sentence_index, actor_id, text FROM mentions ORDER BY article_id, char_start"):
        found.setdefault((r[0], r[1], r[2]), r[3])
    return found


@dataclass
class Overview:
    articles: int
    events: int
    quotes: int
    actors: int
    stories: int
    duplicates: int
    derivatives: int
    outlets: list[tuple[str, int]]
    pub_spans: list[tuple[str | None, str | None]]


def overview_counts(store: Store) -> Overview:
    """Corpus figures: records of each kind, copies set aside, outlets, publication spans."""
    conn = store.conn
    counts = {t: store.count(t) for t in ("articles", "events", "quotes", "actors", "stories")}
    duplicates = conn.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    derivatives = conn.execute(
        "SELECT COUNT(*) FROM articles WHERE derivative_of IS NOT NULL AND duplicate_of IS NULL").fetchone()[0]
    outlets = conn.execute(
        "SELECT COALESCE(outlet, 'unknown') AS o, COUNT(*) AS n FROM articles GROUP BY o ORDER BY n DESC, o").fetchall()
    spans = conn.execute("SELECT pub_date_start, pub_date_end FROM articles WHERE pub_date_start IS NOT NULL").fetchall()
    return Overview(**counts, duplicates=duplicates, derivatives=derivatives, outlets=[(r[0], r[1]) for r in outlets],
                    pub_spans=[(r[0], r[1]) for r in spans])
