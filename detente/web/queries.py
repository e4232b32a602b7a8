"""Read queries behind the web app's pages: filters become bound parameters, never SQL text.

Only fixed SQL fragments written here are joined into a statement; every value
a visitor sends (search words, dyad, type, status, speaker) travels as a
``?`` parameter. Full-text queries are rebuilt as quoted FTS5 phrases, so
FTS5 operators and quotes in the input are searched for, not obeyed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.analysis.timeline import is_state
from detente.records import Article, Event, Quote
from detente.store import Store
from detente.store.db import EVENT_COLUMNS, row_to_article, row_to_quote

PAGE = 50
MAX_PAGE = 2000
STATUSES = ("happened", "planned", "refused", "hypothetical", "denied")


def fts_query(text: str) -> str | None:
    """Each word becomes a quoted phrase (``"word"``; a trailing * keeps prefix search); words are ANDed."""
    phrases = []
    text = "".join(ch if ch.isprintable() else " " for ch in text)  # NUL and control characters end an FTS5 string
    for word in text.split()[:16]:
        prefix = word.endswith("*") and len(word) > 1
        core = word.rstrip("*") if prefix else word
        if not core.strip('"'):
            continue
        phrases.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(phrases) or None


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """'CHN-VNM' / 'chn vnm' / 'CHN,VNM' → ('CHN', 'VNM'); anything else → None."""
    parts = [p for p in re.split(r"[\s,\-–/]+", (value or "").strip()) if p]
    if len(parts) != 2:
        return None
    return parts[0].upper()[:64], parts[1].upper()[:64]


@dataclass
class Filters:
    q: str | None = None
    dyad: str | None = None
    type: str | None = None
    status: str | None = None
    speaker: str | None = None
    page: int = 0
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def event_clause(self, alias: str = "e") -> None:
        pair = parse_dyad(self.dyad)
        if pair:
            a, b = pair
            self.where.append(f"(({alias}.source = ? AND {alias}.target = ?) OR ({alias}.source = ? AND {alias}.target = ?))")
            self.params += [a, b, b, a]
        if self.type:
            self.where.append(f"{alias}.type = ?")
            self.params.append(self.type.strip().upper())
        if self.status:
            self.where.append(f"{alias}.status = ?")
            self.params.append(self.status.strip().lower())

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.where)) if self.where else ""

    @property
    def offset(self) -> int:
        return max(0, min(self.page, MAX_PAGE)) * PAGE


def articles(store: Store, f: Filters) -> list[dict]:
    """Articles matching the filters, with their event and quote counts."""
    query = fts_query(f.q or "")
    if query:
        f.where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        f.params.append(query)
    sub = Filters(dyad=f.dyad, type=f.type, status=f.status)
    sub.event_clause("e")
    if sub.where:
        f.where.append(f"EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND {' AND '.join(sub.where)})")
        f.params += sub.params
    if f.speaker:
        f.where.append("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND q.speaker LIKE ? ESCAPE '\\')")
        f.params.append(like(f.speaker))
    rows = store.conn.execute(
        f"""SELECT a.*, (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events,
                   (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes
            FROM articles a {f.sql()} ORDER BY COALESCE(a.pub_date, a.pub_date_start) DESC, a.rowid LIMIT ? OFFSET ?""",
        (*f.params, PAGE, f.offset),
    ).fetchall()
    return [{"article": row_to_article(r), "events": r["n_events"], "quotes": r["n_quotes"]} for r in rows]


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with % and _ in it taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def events(store: Store, f: Filters) -> list[Event]:
    f.event_clause("events")
    rows = store.conn.execute(
        f"SELECT * FROM events {f.sql()} ORDER BY date_start DESC, article_id, char_start LIMIT ? OFFSET ?",
        (*f.params, PAGE, f.offset)).fetchall()
    return [Event(**{c: r[c] for c in EVENT_COLUMNS}) for r in rows]


def quote_rows(store: Store, where: str, params: tuple, limit: int = PAGE, offset: int = 0) -> list[Quote]:
    """Quotes by a WHERE clause written in this module (values bound), a page at a time."""
    rows = store.conn.execute(f"SELECT * FROM quotes {where} ORDER BY article_id, char_start LIMIT ? OFFSET ?",
                              (*params, limit, offset)).fetchall()
    return [row_to_quote(r) for r in rows]


def quotes(store: Store, f: Filters) -> list[Quote]:
    query = fts_query(f.q or "")
    if query:
        f.where.append("rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        f.params.append(query)
    if f.speaker:
        f.where.append("speaker LIKE ? ESCAPE '\\'")
        f.params.append(like(f.speaker))
    return quote_rows(store, f.sql(), tuple(f.params), PAGE, f.offset)


def search_snippets(store: Store, text: str, limit: int = 30) -> list[dict]:
    """FTS5 hits over article bodies with a short snippet; the snippet marks are control characters, escaped later."""
    query = fts_query(text)
    if not query:
        return []
    rows = store.conn.execute(
        """SELECT a.id, a.title, a.doc_name, a.outlet, a.pub_date, snippet(articles_fts, 1, char(2), char(3), ' … ', 24) AS snip
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
        (query, limit),
    ).fetchall()
    return [dict(r) for r in rows]


def dyad_counts(store: Store, limit: int = 12) -> list[tuple[str, str, int]]:
    """State pairs by number of distinct events (clusters), copies and rewrites excluded."""
    rows = store.conn.execute(
        """SELECT e.source, e.target, COUNT(DISTINCT COALESCE(e.cluster_id, e.id))
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE a.duplicate_of IS NULL AND a.derivative_of IS NULL AND e.source != e.target
           GROUP BY e.source, e.target"""
    ).fetchall()
    merged: dict[tuple[str, str], int] = {}
    for source, target, n in rows:
        if is_state(source) and is_state(target):
            pair = tuple(sorted((source, target)))
            merged[pair] = merged.get(pair, 0) + n  # type: ignore[index]
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(a, b, n) for (a, b), n in ranked]


def articles_by_id(store: Store, ids: set[str]) -> dict:
    if not ids:
        return {}
    ordered = sorted(ids)
    marks = ",".join("?" * len(ordered))
    return {a.id: a for a in store.articles(f"WHERE id IN ({marks})", tuple(ordered))}


def names(store: Store, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    ordered = sorted(ids)
    marks = ",".join("?" * len(ordered))
    return dict(store.conn.execute(f"SELECT id, doc_name FROM articles WHERE id IN ({marks})", tuple(ordered)).fetchall())


def article_meta(store: Store, ids: set[str]) -> dict[str, Article]:
    """Articles without their bodies (dates and copy links are all a timeline needs), by id."""
    if not ids:
        return {}
    columns = "id, source, doc_name, raw_hash, title, outlet, pub_date, pub_date_start, pub_date_end, duplicate_of, derivative_of"
    if len(ids) > 500:  # cheaper to read every row's few columns than to bind thousands of parameters
        rows = store.conn.execute(f"SELECT {columns} FROM articles").fetchall()
    else:
        ordered = sorted(ids)
        rows = store.conn.execute(f"SELECT {columns} FROM articles WHERE id IN ({','.join('?' * len(ordered))})",
                                  tuple(ordered)).fetchall()
    return {
        r["id"]: Article(id=r["id"], source=r["source"], doc_name=r["doc_name"], raw_hash=r["raw_hash"], body="",
                         title=r["title"], outlet=r["outlet"], pub_date=r["pub_date"],
                         pub_date_range=[r["pub_date_start"], r["pub_date_end"]], duplicate_of=r["duplicate_of"],
                         derivative_of=r["derivative_of"])
        for r in rows if r["id"] in ids
    }
