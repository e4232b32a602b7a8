"""Tabular exports built from the same records as JSONL: CSV and Parquet, one file per record kind.
(The GDELT and PLOVER event formats are in :mod:`detente.export.gdelt` and :mod:`detente.export.plover`.)"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from detente.atomic import open_replaced, replaced
from detente.export.records import iter_records
from detente.export.rows import flat
from detente.export.rows import write_csv as write_rows_csv
from detente.store import Store

FILE_NAMES = {"article": "articles", "event": "events", "quote": "quotes", "actor": "actors", "story": "stories"}


def _by_kind(store: Store) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in iter_records(store):
        grouped[record["record"]].append(record)
    return grouped


def write_csv(store: Store, folder: Path) -> list[Path]:
    """One CSV per record kind; nested values as JSON text, formula-like text defused (see :mod:`export.rows`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, rows in _by_kind(store).items():
        path = folder / f"{FILE_NAMES[kind]}.csv"
        with open_replaced(path, "w", newline="", encoding="utf-8") as fh:  # whole files only, even on a full disk
            write_rows_csv(rows, [c for c in rows[0] if c != "record"], fh)
        written.append(path)
    return written


def write_parquet(store: Store, folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, rows in _by_kind(store).items():
        columns = [c for c in rows[0] if c != "record"]
        table = pa.table({c: [flat(r.get(c)) for r in rows] for c in columns})
        path = folder / f"{FILE_NAMES[kind]}.parquet"
        with replaced(path) as partial:
            pq.write_table(table, partial)
        written.append(path)
    return written
