"""The Python API behind ``detente.open``: a Corpus over a store, with record lists that turn into DataFrames.

    corpus = detente.open("detente.db")
    corpus.events(dyad=("CHN", "VNM"), status="happened").to_pandas()

A Corpus keeps the Store's own methods (``count``, ``search``, ``link_evidence``,
``add_analyses`` ...) by delegation; only the record readers gain keyword filters.
pandas is imported lazily: it is needed for ``to_pandas`` only.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from detente.store import Store, queries
from detente.store.queries import Filters


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


class Corpus:
    """An opened Détente database with filtered readers. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = "detente.db", *, readonly: bool = False) -> None:
        self.store = Store(path, readonly=readonly)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:  # the Store's API stays reachable: corpus.count, corpus.search(...)
        return getattr(self.store, name)

    def close(self) -> None:
        self.store.close()

    def events(self, *, dyad: tuple[str, str] | str | None = None, type: str | None = None, status: str | None = None,
               article: str | None = None, since: str | None = None, until: str | None = None,
               originals_only: bool = False) -> Records:
        """Events by date: of one dyad (either direction; codes or names), PLOVER type, status, article, date window
        (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``). A value that cannot be read raises ValueError naming it."""
        f = Filters.parse(dyad=dyad, type=type, status=status, article=article, since=since, until=until,
                          originals_only=originals_only)
        return Records(row.event for row in queries.events(self.store, f))

    def quotes(self, *, speaker: str | None = None, article: str | None = None, country: str | None = None,
               about: tuple[str, str] | str | None = None, since: str | None = None, search: str | None = None) -> Records:
        """Quotes by date: by a speaker whose name contains ``speaker``, of a speaker's country, in articles about a
        dyad, from one article, published since a date, or holding the words of ``search``."""
        f = Filters.parse(speaker=speaker, article=article, country=country, dyad=about, since=since, search=search)
        return Records(row.quote for row in queries.quotes(self.store, f))

    def articles(self, *, search: str | None = None, originals_only: bool = False, limit: int | None = None) -> Records:
        """Articles by publication date; ``search`` keeps those holding every word given (searched as written)."""
        f = Filters.parse(search=search, originals_only=originals_only, limit=limit)
        return Records(row.article for row in queries.articles(self.store, f))

    def actors(self, *, kind: str | None = None, name: str | None = None) -> Records:
        """Actors of one kind (state, person, org, igo, group), or those a ``name`` means (any case, any part)."""
        if name:
            found = queries.find_actors(self.store, name)
            chosen = Filters.parse(kind=kind).kind
            return Records(a for a in found if chosen is None or a.kind == chosen)
        return Records(row.actor for row in queries.actors(self.store, Filters.parse(kind=kind)))

    def stories(self) -> Records:
        return Records(queries.stories(self.store, Filters()))

    def dyad(self, a: str, b: str, by: str = "year") -> Records:
        """The dyad's cooperation–conflict index (one DyadPeriod per period), copies excluded, each event once;
        an event known only to its year is counted in its year, whatever ``by``."""
        from detente.analysis import dyad_index

        pair = queries.parse_dyad((a, b))
        period = queries.parse_choice(by, queries.PERIODS, "by") or "year"
        return Records(dyad_index(queries.pair_events(self.store, *pair), *pair, period, queries.copy_ids(self.store)))

    def report(self, out: str | Path = "report.html") -> Path:
        """Write the self-contained HTML report."""
        from detente.report import write_report

        return write_report(self.store, out)
