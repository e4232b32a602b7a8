"""The SQLite store: one file, WAL, foreign keys, FTS5, versioned schema."""

from detente.store.db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
