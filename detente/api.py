"""The Python API behind ``detente.open``: a Corpus over a store, with record lists that turn into DataFrames.

    corpus = detente.open("detente.db")
    corpus.events(dyad=("CHN", "VNM"), status="happened").to_pandas()

A Corpus keeps the Store's own methods (``conn``, ``count``, ``search``,
``add_analyses`` ...) by delegation; only the record readers gain keyword filters.
pandas is imported lazily: it is needed for ``to_pandas`` only.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from detente.store import Store


class Records(list):
    """A list of records (dataclasses) that can become a pandas DataFrame."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [asdict(r) for r in self]

    def to_pandas(self):
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame(self.to_dicts())


def _pair(dyad: tuple[str, str] | str) -> tuple[str, str]:
    if isinstance(dyad, str):
        a, _, b = dyad.replace(" ", "-").partition("-")
    else:
        a, b = dyad
    if not (a and b):
        raise ValueError(f"a dyad is two state codes, e.g. ('CHN', 'VNM'), not {dyad!r}")
    return a.upper(), b.upper()


class Corpus:
    """An opened Détente database with filtered readers. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = "detente.db", *, readonly: bool = False) -> None:
        self.store = Store(path, readonly=readonly)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:  # the Store's API stays reachable: corpus.conn, corpus.search(...)
        return getattr(self.store, name)

    def close(self) -> None:
        self.store.close()

    def events(self, *, dyad: tuple[str, str] | str | None = None, type: str | None = None, status: str | None = None,
               article: str | None = None, since: str | None = None, until: str | None = None,
               originals_only: bool = False) -> Records:
        """Events, optionally of one dyad (either direction), PLOVER type, status, article, or date window (ISO)."""
        where, params = [], []
        if dyad:
            a, b = _pair(dyad)
            where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
            params += [a, b, b, a]
        for column, value in (("type", type and type.upper()), ("status", status), ("article_id", article)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if since:
            where.append("COALESCE(date_end, date_start) >= ?")
            params.append(since)
        if until:
            where.append("date_start <= ?")
            params.append(until)
        if originals_only:
            where.append("article_id IN (SELECT id FROM articles WHERE duplicate_of IS NULL AND derivative_of IS NULL)")
        return Records(self.store.events(("WHERE " + " AND ".join(where)) if where else "", tuple(params)))

    def quotes(self, *, speaker: str | None = None, article: str | None = None) -> Records:
        """Quotes, optionally by a speaker whose name contains ``speaker``, or from one article."""
        where, params = [], []
        if speaker:
            where.append("speaker LIKE ?")
            params.append(f"%{speaker}%")
        if article:
            where.append("article_id = ?")
            params.append(article)
        return Records(self.store.quotes(("WHERE " + " AND ".join(where)) if where else "", tuple(params)))

    def articles(self, *, search: str | None = None, originals_only: bool = False, limit: int = 100) -> Records:
        """Articles in ingest order; ``search`` runs an FTS5 query over titles and bodies (best first, ``limit`` hits)."""
        if search:
            return Records(self.store.search(search, limit))
        where = "WHERE duplicate_of IS NULL AND derivative_of IS NULL" if originals_only else ""
        return Records(self.store.articles(where))

    def actors(self, *, kind: str | None = None) -> Records:
        return Records(self.store.actors("WHERE kind = ?", (kind,)) if kind else self.store.actors())

    def stories(self) -> Records:
        return Records(self.store.stories())

    def dyad(self, a: str, b: str, by: str = "year") -> Records:
        """The dyad's cooperation–conflict index (one DyadPeriod per period), copies excluded, each event once."""
        from detente.analysis import dyad_index

        excluded = {x.id for x in self.store.articles("WHERE duplicate_of IS NOT NULL OR derivative_of IS NOT NULL")}
        return Records(dyad_index(self.events(dyad=(a, b)), a, b, by, excluded))

    def report(self, out: str | Path = "report.html") -> Path:
        """Write the self-contained HTML report."""
        from detente.report import write_report

        return write_report(self.store, out)
