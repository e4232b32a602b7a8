"""Store: every read and write of the SQLite file goes through here.

Writes are grouped per batch of articles in one transaction, so an
interrupted ingest loses at most the batch in flight; WAL mode lets readers
(the web app, the report) run while an ingest writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from detente.records import Actor, Analysis, Article, Event, Quote, Story
from detente.store.schema import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
JSON_COLUMNS = {"boilerplate", "captions", "summary", "aliases", "dyads", "derivative_evidence"}


class Store:
    """An open Détente database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = "detente.db", *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no Détente database at {self.path} (run `detente ingest` first)")
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} was written by a newer Détente (schema {version} > {SCHEMA_VERSION})")
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                self.conn.executescript("SAVEPOINT m;" + MIGRATIONS[number] + f";PRAGMA user_version = {number + 1}; RELEASE m;")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE") if not self.conn.in_transaction else None
            yield self.conn
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Read in one transaction, so queries made together see one state of the store while a writer commits."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            self.conn.rollback()

    # -- writes -------------------------------------------------------------
    def has_raw(self, raw_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE raw_hash = ? LIMIT 1", (raw_hash,)).fetchone() is not None

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_source_of(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT source FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def add_analyses(self, analyses: Iterable[Analysis], signatures: dict[str, bytes] | None = None) -> int:
        """Store a batch of analysed articles (and their MinHash signatures) in one transaction; returns how many were new."""
        added = 0
        with self.transaction() as conn:
            for analysis in analyses:
                if self._insert_analysis(conn, analysis):
                    added += 1
                    signature = (signatures or {}).get(analysis.article.id)
                    if signature is not None:
                        conn.execute("INSERT OR REPLACE INTO signatures (article_id, minhash) VALUES (?, ?)",
                                     (analysis.article.id, signature))
        return added

    def _insert_analysis(self, conn: sqlite3.Connection, analysis: Analysis) -> bool:
        a = analysis.article
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
            return False
        conn.execute(
            """INSERT INTO articles (id, source, doc_name, raw_hash, title, outlet, byline, language, url, pub_date,
               pub_date_start, pub_date_end, pub_date_basis, body, boilerplate, captions, summary, duplicate_of,
               derivative_of, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (a.id, a.source, a.doc_name, a.raw_hash, a.title, a.outlet, a.byline, a.language, a.url, a.pub_date,
             a.pub_date_range[0], a.pub_date_range[1], a.pub_date_basis, a.body, json.dumps(a.boilerplate),
             json.dumps(a.captions), json.dumps(a.summary), a.duplicate_of, a.derivative_of, a.story_id),
        )
        conn.executemany(
            "INSERT INTO sentences (article_id, idx, char_start, char_end) VALUES (?,?,?,?)",
            [(s.article_id, s.index, s.char_start, s.char_end) for s in analysis.sentences],
        )
        acting = set(getattr(analysis, "acting_states", []) or [])
        for actor in analysis.actors:
            self._upsert_actor(conn, actor)
            is_state = actor.kind == "state"
            conn.execute(
                "INSERT OR IGNORE INTO article_actors (article_id, actor_id, role, acting) VALUES (?,?,?,?)",
                (a.id, actor.id, actor.role, int(actor.id in acting) if is_state else 1),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO mentions (article_id, actor_id, char_start, char_end, text, sentence_index, as_location)"
            " VALUES (?,?,?,?,?,?,?)",
            [(a.id, m.actor_id, m.char_start, m.char_end, m.text, m.sentence_index, int(m.as_location)) for m in analysis.mentions],
        )
        conn.executemany(
            f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
            [tuple(getattr(e, c) for c in EVENT_COLUMNS) for e in analysis.events],
        )
        conn.executemany(
            f"INSERT OR IGNORE INTO quotes ({', '.join(QUOTE_COLUMNS)}) VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})",
            [tuple(getattr(q, c) for c in QUOTE_COLUMNS) for q in analysis.quotes],
        )
        return True

    def _upsert_actor(self, conn: sqlite3.Connection, actor: Actor) -> None:
        row = conn.execute("SELECT aliases, country, role FROM actors WHERE id = ?", (actor.id,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO actors (id, kind, name, aliases, country, role, affiliation, org_type) VALUES (?,?,?,?,?,?,?,?)",
                (actor.id, actor.kind, actor.name, json.dumps(actor.aliases), actor.country, actor.role,
                 actor.affiliation, actor.org_type),
            )
            return
        aliases = sorted(set(json.loads(row["aliases"])) | set(actor.aliases))
        conn.execute(
            "UPDATE actors SET aliases = ?, country = COALESCE(country, ?), role = COALESCE(role, ?) WHERE id = ?",
            (json.dumps(aliases), actor.country, actor.role, actor.id),
        )

    def record_error(self, source: str, reason: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO ingest_errors (source, reason) VALUES (?, ?)", (source, reason))

    def set_article_links(self, article_id: str, **fields: object) -> None:
        allowed = {"duplicate_of", "derivative_of", "derivative_score", "derivative_evidence", "story_id"}
        assert set(fields) <= allowed, fields
        values = [json.dumps(v) if k == "derivative_evidence" and v is not None else v for k, v in fields.items()]
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as conn:
            conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*values, article_id))

    def replace_stories(self, stories: list[Story]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM stories")
            conn.execute("UPDATE articles SET story_id = NULL")
            for story in stories:
                conn.execute(
                    "INSERT INTO stories (id, label, date_start, date_end, dyads) VALUES (?,?,?,?,?)",
                    (story.id, story.label, story.date_range[0], story.date_range[1], json.dumps(story.dyads)),
                )
                conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(story.id, aid) for aid in story.article_ids])

    def save_stories(self, stories: Iterable[Story], removed: Iterable[str] = ()) -> None:
        """Incremental story update in one transaction: drop merged-away stories, upsert the touched ones."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in removed])
            for story in stories:
                conn.execute(
                    "INSERT OR REPLACE INTO stories (id, label, date_start, date_end, dyads) VALUES (?,?,?,?,?)",
                    (story.id, story.label, story.date_range[0], story.date_range[1], json.dumps(story.dyads)),
                )
                conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(story.id, aid) for aid in story.article_ids])

    # -- reads --------------------------------------------------------------
    def count(self, table: str) -> int:
        assert table in {"articles", "events", "quotes", "actors", "stories", "ingest_errors", "sentences", "mentions"}
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def articles(self, where: str = "", params: tuple = ()) -> list[Article]:
        rows = self.conn.execute(f"SELECT * FROM articles {where} ORDER BY rowid", params).fetchall()
        return [row_to_article(r) for r in rows]

    def events(self, where: str = "", params: tuple = ()) -> list[Event]:
        rows = self.conn.execute(f"SELECT * FROM events {where} ORDER BY article_id, char_start", params).fetchall()
        return [Event(**{c: r[c] for c in EVENT_COLUMNS}) for r in rows]

    def quotes(self, where: str = "", params: tuple = ()) -> list[Quote]:
        rows = self.conn.execute(f"SELECT * FROM quotes {where} ORDER BY article_id, char_start", params).fetchall()
        return [row_to_quote(r) for r in rows]

    def actors(self, where: str = "", params: tuple = ()) -> list[Actor]:
        rows = self.conn.execute(f"SELECT * FROM actors {where} ORDER BY kind, name", params).fetchall()
        return [
            Actor(id=r["id"], kind=r["kind"], name=r["name"], aliases=json.loads(r["aliases"]), country=r["country"],
                  role=r["role"], affiliation=r["affiliation"], org_type=r["org_type"])
            for r in rows
        ]

    def actor_articles(self) -> dict[str, list[tuple[str, str | None]]]:
        """actor id → [(article id, role seen there)] for actors acting in each article."""
        result: dict[str, list[tuple[str, str | None]]] = {}
        for r in self.conn.execute("SELECT actor_id, article_id, role FROM article_actors WHERE acting = 1 ORDER BY article_id, actor_id"):
            result.setdefault(r[0], []).append((r[1], r[2]))
        return result

    def stories(self) -> list[Story]:
        members: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL ORDER BY rowid"):
            members.setdefault(r[1], []).append(r[0])
        return [
            Story(id=r["id"], label=r["label"], article_ids=members.get(r["id"], []),
                  date_range=[r["date_start"], r["date_end"]], dyads=json.loads(r["dyads"]))
            for r in self.conn.execute("SELECT * FROM stories ORDER BY date_start, id")
        ]

    def link_evidence(self, article_id: str) -> dict | None:
        """Why an article was tied to its original as a rewrite: score, reasons and aligned sentence pairs."""
        row = self.conn.execute(
            "SELECT derivative_score, derivative_evidence FROM articles WHERE id = ? AND derivative_of IS NOT NULL",
            (article_id,),
        ).fetchone()
        if row is None or row[1] is None:
            return None
        evidence = json.loads(row[1])
        evidence.setdefault("score", row[0])
        return evidence

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self.conn.execute("SELECT article_id, minhash FROM signatures ORDER BY article_id")

    def search(self, query: str, limit: int = 20) -> list[Article]:
        rows = self.conn.execute(
            "SELECT a.* FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()
        return [row_to_article(r) for r in rows]


EVENT_COLUMNS = [f for f in Event.__dataclass_fields__]
QUOTE_COLUMNS = [f for f in Quote.__dataclass_fields__]


def row_to_quote(r: sqlite3.Row) -> Quote:
    """A quote row as a record; a column a read-only store from before its migration lacks reads as None."""
    keys = set(r.keys())
    return Quote(**{c: (bool(r[c]) if c == "anonymous" else r[c]) for c in QUOTE_COLUMNS if c in keys})


def row_to_article(r: sqlite3.Row) -> Article:
    return Article(
        id=r["id"], source=r["source"], doc_name=r["doc_name"], raw_hash=r["raw_hash"], body=r["body"],
        title=r["title"], outlet=r["outlet"], byline=r["byline"], language=r["language"], url=r["url"],
        pub_date=r["pub_date"], pub_date_range=[r["pub_date_start"], r["pub_date_end"]],
        pub_date_basis=r["pub_date_basis"], boilerplate=json.loads(r["boilerplate"]),
        captions=json.loads(r["captions"]), summary=json.loads(r["summary"]), duplicate_of=r["duplicate_of"],
        derivative_of=r["derivative_of"], story_id=r["story_id"],
    )


def article_dict(article: Article) -> dict:
    return asdict(article)
