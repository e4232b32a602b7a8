"""Store: every read and write of the SQLite file goes through here.

Writes are grouped per batch of articles in one transaction (BEGIN IMMEDIATE, so
a check and the insert it guards cannot race another writer; nested calls are
savepoints), so an interrupted ingest loses at most the batch in flight; WAL mode
lets readers (the web app, the report) run while an ingest writes. Readers open
the file read-only and never write to it, even in a read-only folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from detente.errors import MissingStore, StoreError, sqlite_reason
from detente.records import Actor, Analysis, Article, Event, Quote, Story
from detente.store.schema import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
READABLE_FROM = 3  # the oldest schema the read queries work on (4 adds quotes' speaker_kind, read as unknown when
# missing; 5 only an ingest's bookkeeping)
_STORY_COLUMNS = "id, title, body, pub_date_start, pub_date_end, duplicate_of, derivative_of"
JSON_COLUMNS = {"boilerplate", "captions", "summary", "aliases", "dyads", "derivative_evidence"}


def _when_unlocked(step, seconds: float = 60.0):
    """Run ``step``, again while SQLite reports the file locked. Connections opening a new file at once may all hold
    a read lock when they ask to switch it to WAL; SQLite then refuses one at once, without waiting (it would
    deadlock), so the wait is here: short, growing sleeps, up to ``seconds``."""
    deadline = time.monotonic() + seconds
    pause = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


WRITE_WAIT_SECONDS = 600  # a writer waits this long for another writer's batch (a batch and its rewrite search)
READ_WAIT_SECONDS = 30


class Store:
    """An open Détente database. Use as a context manager or call :meth:`close`.

    Problems with the file itself (missing, a folder, not SQLite, read-only for a writer, written by a newer
    Détente) raise :class:`~detente.errors.StoreError` naming the path, never a bare SQLite error."""

    def __init__(self, path: str | Path = "detente.db", *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._savepoints = 0
        self._data_version: int | None = None
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder; --db takes a database file (e.g. {self.path / 'detente.db'})")
        if readonly and not self.path.exists():
            raise MissingStore(f"no Détente database at {self.path} (run `detente ingest` first)")
        try:
            self.conn = self._connect_readonly() if readonly else self._connect_writer()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {sqlite_reason(exc)}") from None

    def _connect_writer(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=WRITE_WAIT_SECONDS, check_same_thread=False)
        self.conn = conn
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            self._check_version(conn.execute("PRAGMA user_version").fetchone()[0])  # reads the header: not SQLite fails here
            _when_unlocked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = NORMAL")
            _when_unlocked(self._migrate)
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_readonly(self) -> sqlite3.Connection:
        """Read-only, and never writing: a WAL database in a folder this user cannot write (no -shm file can be
        made there) is opened as immutable, which is safe because no writer can work in that folder either."""
        uri = self.path.resolve().as_uri()
        for immutable in (False, True):
            conn = sqlite3.connect(uri + ("?mode=ro&immutable=1" if immutable else "?mode=ro"), uri=True,
                                   timeout=READ_WAIT_SECONDS, check_same_thread=False)
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                has_articles = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
                break
            except sqlite3.OperationalError:
                conn.close()
                if immutable or _folder_writable(self.path):
                    raise
                _refuse_unread_wal(self.path)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        self._check_version(version)
        if not has_articles:
            conn.close()
            raise StoreError(f"{self.path}: holds no Détente data (an empty or foreign SQLite file); "
                             "`detente ingest --db` fills it")
        if version < READABLE_FROM:
            conn.close()
            raise StoreError(f"{self.path}: written by an older Détente (schema {version} of {SCHEMA_VERSION}); "
                             "any `detente ingest --db` run upgrades it")
        return conn

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer Détente (schema {version}; this one knows up to "
                             f"{SCHEMA_VERSION}): upgrade Détente to read it")

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
        """Bring the schema up to date inside one write transaction: two processes opening a new file at once
        cannot both create it (the second waits, then finds the version already current)."""
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self.schema_version()
            self._check_version(version)
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, begun IMMEDIATE (the write lock is taken before the first read, so a check and the
        insert that depends on it cannot race another process); a nested call is a savepoint inside it."""
        if self.conn.in_transaction:
            self._savepoints += 1
            name = f"nested_{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._savepoints -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def changed_elsewhere(self) -> bool:
        """True when another connection committed since the last call (SQLite's data_version), so in-memory
        indexes built from the store are stale; the first call says True."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        changed, self._data_version = version != self._data_version, version
        return changed

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

    # -- work owed after an interrupted run ------------------------------------
    def owe_corpus_passes(self) -> None:
        """Record (in the batch's transaction) that stories and date refinement must run over the store again."""
        self.conn.execute("INSERT OR REPLACE INTO ingest_state (key, value) VALUES ('corpus_passes', 'due')")

    def corpus_passes_due(self) -> bool:
        return self.conn.execute("SELECT 1 FROM ingest_state WHERE key = 'corpus_passes'").fetchone() is not None

    def corpus_passes_done(self) -> None:
        self.conn.execute("DELETE FROM ingest_state WHERE key = 'corpus_passes'")

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

    # -- the corpus passes (detente/corpus_passes/): what they read and write -----
    def original_bodies(self) -> Iterator[tuple[str, str]]:
        """(id, body) of every article that is not a copy, streamed (the rewrite index is built from them)."""
        yield from self.conn.execute("SELECT id, body FROM articles WHERE duplicate_of IS NULL")

    def duplicate_of(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row_to_article(row) if row else None

    def sentence_spans(self, article_id: str) -> list[tuple[int, int]]:
        """(char_start, char_end) of an article's sentences, in order."""
        rows = self.conn.execute("SELECT char_start, char_end FROM sentences WHERE article_id = ? ORDER BY idx",
                                 (article_id,))
        return [(r[0], r[1]) for r in rows]

    def quoted_words(self, article_id: str) -> list[str]:
        """The text of an article's quotes in quotation marks (direct and mixed; indirect speech is the writer's)."""
        rows = self.conn.execute("SELECT text FROM quotes WHERE article_id = ? AND quote_type != 'indirect'",
                                 (article_id,))
        return [r[0] for r in rows]

    def unlinked_originals(self, article_ids: list[str]) -> list[str]:
        """Those of ``article_ids`` that are neither a copy nor a rewrite, sorted."""
        marks = ",".join("?" * len(article_ids))
        rows = self.conn.execute(
            f"""SELECT id FROM articles WHERE id IN ({marks}) AND duplicate_of IS NULL AND derivative_of IS NULL
                ORDER BY id""",
            article_ids,
        )
        return [r[0] for r in rows]

    def placed_articles(self) -> Iterator[sqlite3.Row]:
        """Articles already in a story (id, title, body, publication range, links, story_id), streamed in order."""
        yield from self.conn.execute(f"SELECT {_STORY_COLUMNS}, story_id FROM articles WHERE story_id IS NOT NULL"
                                     " ORDER BY rowid")

    def unplaced_articles(self) -> Iterator[sqlite3.Row]:
        """Articles in no story yet (the ones an ingest just added), streamed in insertion order."""
        yield from self.conn.execute(f"SELECT {_STORY_COLUMNS} FROM articles WHERE story_id IS NULL ORDER BY rowid")

    def is_unplaced(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None and row[0] is None

    def placed_rewrites_of_unplaced(self) -> Iterator[tuple[str, str]]:
        """(rewrite, original) where the rewrite is in a story and its original (stored later) is not yet."""
        yield from self.conn.execute(
            """SELECT a.id, a.derivative_of FROM articles a JOIN articles o ON o.id = a.derivative_of
               WHERE a.story_id IS NOT NULL AND o.story_id IS NULL""")

    def event_outlines(self, article_id: str) -> list[tuple]:
        """(source, target, type, status, date_start, date_end, sentence_index) of an article's events, by sentence."""
        return self.conn.execute(
            "SELECT source, target, type, status, date_start, date_end, sentence_index FROM events WHERE article_id = ?"
            " ORDER BY sentence_index", (article_id,)).fetchall()

    def person_ids(self, article_id: str) -> list[str]:
        """Ids of the persons an article names."""
        return [r[0] for r in self.conn.execute(
            "SELECT x.actor_id FROM article_actors x JOIN actors a ON a.id = x.actor_id"
            " WHERE x.article_id = ? AND a.kind = 'person'", (article_id,))]

    def state_mention_texts(self, article_id: str) -> list[str]:
        """The words an article names states by ("China", "Beijing", "the Philippines"), each once."""
        return list(dict.fromkeys(text for text, _ in self.state_mention_codes(article_id)))

    def state_mention_codes(self, article_id: str) -> list[tuple[str, str]]:
        """The words an article names states by with the state each names ("Beijing", "CHN"), each pair once."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT DISTINCT m.text, m.actor_id FROM mentions m JOIN actors a ON a.id = m.actor_id"
            " WHERE m.article_id = ? AND a.kind = 'state'", (article_id,))]

    def most_mentioned_acting_states(self, article_id: str, limit: int = 2) -> list[str]:
        """The acting states an article mentions most often, most first (ties by code)."""
        rows = self.conn.execute(
            """SELECT m.actor_id, COUNT(*) AS n FROM mentions m JOIN article_actors x
                 ON x.article_id = m.article_id AND x.actor_id = m.actor_id AND x.acting = 1
               JOIN actors a ON a.id = m.actor_id AND a.kind = 'state'
               WHERE m.article_id = ? GROUP BY m.actor_id ORDER BY n DESC, m.actor_id LIMIT ?""",
            (article_id, limit),
        )
        return [r[0] for r in rows]

    def day_dated_event_keys(self) -> set[tuple[str, str, str]]:
        """(type, source, target) of every event dated to a day by an original article whose date is stated."""
        return {tuple(r) for r in self.conn.execute(
            """SELECT DISTINCT e.type, e.source, e.target FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.date_precision = 'day' AND a.pub_date IS NOT NULL AND a.duplicate_of IS NULL
                 AND e.source IS NOT NULL AND e.target IS NOT NULL""")}

    def event_days(self, other_than: str, etype: str, source: str, target: str, first: str, last: str,
                   limit: int = 2) -> list[str]:
        """Up to ``limit`` distinct days between ``first`` and ``last`` that original articles with a stated date,
        other than ``other_than``, give an event of this type and pair."""
        rows = self.conn.execute(
            """SELECT DISTINCT e.date_start FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.article_id != ? AND e.type = ? AND e.source = ? AND e.target = ? AND e.date_precision = 'day'
                 AND a.pub_date IS NOT NULL AND a.duplicate_of IS NULL AND e.date_start BETWEEN ? AND ?
               LIMIT ?""",
            (other_than, etype, source, target, first, last, limit),
        )
        return [r[0] for r in rows]

    def open_pub_ranges(self) -> list[tuple[str, str, str, str | None]]:
        """(id, start, end, basis) of articles with no stated date whose inferred range spans more than a day."""
        return [tuple(r) for r in self.conn.execute(
            """SELECT id, pub_date_start, pub_date_end, pub_date_basis FROM articles
               WHERE pub_date IS NULL AND pub_date_start IS NOT NULL AND pub_date_end IS NOT NULL
                 AND pub_date_start < pub_date_end""")]

    def pair_events_dated_by(self, article_id: str, words: str) -> list[tuple]:
        """(id, source, target, type, status, date_basis) of an article's happened or planned events between two
        actors whose date basis holds ``words``."""
        return [tuple(r) for r in self.conn.execute(
            """SELECT id, source, target, type, status, date_basis FROM events
               WHERE article_id = ? AND source IS NOT NULL AND target IS NOT NULL AND status IN ('happened', 'planned')
                 AND date_basis LIKE ?""",
            (article_id, f"%{words}%"),
        )]

    def set_pub_range(self, article_id: str, start: str, end: str, basis: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE articles SET pub_date_start = ?, pub_date_end = ?, pub_date_basis = ? WHERE id = ?",
                         (start, end, basis, article_id))

    def set_event_date(self, event_id: str, *, start: str | None, end: str | None, precision: str | None,
                       cluster_id: str, basis: str) -> None:
        """Re-date an event; its cluster follows the date."""
        with self.transaction() as conn:
            conn.execute(
                """UPDATE events SET date_start = ?, date_end = ?, date_precision = ?, cluster_id = ?,
                   date_basis = ? WHERE id = ?""",
                (start, end, precision, cluster_id, basis, event_id),
            )

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


def _statements(script: str) -> Iterator[str]:
    """A migration's SQL statements one by one (a trigger's body holds semicolons of its own)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _refuse_unread_wal(path: Path) -> None:
    """Opened immutable, SQLite ignores the -wal file: when it holds writes, refuse rather than show an older store."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(f"{path}: its latest writes are in {wal.name}, which SQLite reads only with a {path.name}-shm "
                         "file it can make, and this folder is read-only: copy the database with its -wal file to a "
                         "writable folder")


def _folder_writable(path: Path) -> bool:
    """Whether this process could make SQLite's -shm file beside ``path`` (not on a read-only mount, folder writable)."""
    try:
        read_only_mount = bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False
    return not read_only_mount and os.access(path.parent, os.W_OK)


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
