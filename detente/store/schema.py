"""Schema migrations: each entry upgrades the store by one version, in one transaction."""

MIGRATIONS: list[str] = [
    # 1: the initial schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        doc_name TEXT NOT NULL,
        raw_hash TEXT NOT NULL,
        title TEXT, outlet TEXT, byline TEXT, language TEXT, url TEXT,
        pub_date TEXT, pub_date_start TEXT, pub_date_end TEXT, pub_date_basis TEXT,
        body TEXT NOT NULL,
        boilerplate TEXT NOT NULL DEFAULT '[]',
        captions TEXT NOT NULL DEFAULT '[]',
        summary TEXT NOT NULL DEFAULT '[]',
        duplicate_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
        derivative_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
        derivative_score REAL,
        derivative_evidence TEXT,
        story_id TEXT,
        ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX articles_raw_hash ON articles(raw_hash);
    CREATE INDEX articles_doc_name ON articles(doc_name);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        country TEXT, role TEXT, affiliation TEXT, org_type TEXT
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL REFERENCES actors(id),
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        as_location INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, char_start, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_actor ON mentions(actor_id);
    CREATE TABLE article_actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL REFERENCES actors(id),
        role TEXT,
        acting INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (article_id, actor_id)
    ) WITHOUT ROWID;
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_index INTEGER NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
        source TEXT, target TEXT, source_actor TEXT, target_actor TEXT,
        type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein REAL, quad TEXT,
        status TEXT NOT NULL,
        date_start TEXT, date_end TEXT, date_precision TEXT, date_basis TEXT,
        location TEXT, text TEXT NOT NULL, trigger TEXT, cluster_id TEXT
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_dyad ON events(source, target);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
        text TEXT NOT NULL, quote_type TEXT NOT NULL,
        speaker TEXT, speaker_actor TEXT, speaker_role TEXT, speaker_affiliation TEXT, speaker_country TEXT,
        channel TEXT, anonymous INTEGER NOT NULL DEFAULT 0, sentence_index INTEGER NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        date_start TEXT, date_end TEXT,
        dyads TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        minhash BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE ingest_errors (
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='rowid');
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
    END;
    """,
    # 2: the trigger's char offsets on each event (provenance beside the sentence's)
    """
    ALTER TABLE events ADD COLUMN trigger_start INTEGER;
    ALTER TABLE events ADD COLUMN trigger_end INTEGER;
    """,
    # 3: the dating feedback looks up one event (pair, type) by its day in every other article; by dyad alone
    # it scanned every event of a busy pair (China-Vietnam) once per undated article
    """
    CREATE INDEX events_dyad_type_day ON events(source, target, type, date_start);
    """,
    # 4: the kind of source a quote's speaker is (person | group | organisation | state | document | outlet), so
    # exports and the web app can keep or drop non-person sources; older rows read NULL (kind not known)
    """
    ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;
    """,
    # 5: work an interrupted ingest still owes (stories and date refinement over the store); a store left by an
    # interrupted run of an older version, with articles in no story, owes them too
    """
    CREATE TABLE ingest_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    INSERT INTO ingest_state (key, value) SELECT 'corpus_passes', 'due' WHERE EXISTS (
        SELECT 1 FROM articles WHERE story_id IS NULL);
    """,
]
