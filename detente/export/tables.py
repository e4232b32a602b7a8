"""Tabular exports built from the same records as JSONL: CSV and Parquet (one file per record kind),
a GDELT-style event table and PLOVER-style JSON event records."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from detente.export.records import iter_records
from detente.store import Store

FILE_NAMES = {"article": "articles", "event": "events", "quote": "quotes", "actor": "actors", "story": "stories"}
QUAD_CLASS = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3, "material-conflict": 4}


def _flat(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _by_kind(store: Store) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in iter_records(store):
        grouped[record["record"]].append(record)
    return grouped


def _write_csv(path: Path, rows: Iterable[dict], columns: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(row.get(k)) for k in columns})


def write_csv(store: Store, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, rows in _by_kind(store).items():
        path = folder / f"{FILE_NAMES[kind]}.csv"
        _write_csv(path, rows, [c for c in rows[0] if c != "record"])
        written.append(path)
    return written


def write_parquet(store: Store, folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, rows in _by_kind(store).items():
        columns = [c for c in rows[0] if c != "record"]
        table = pa.table({c: [_flat(r.get(c)) for r in rows] for c in columns})
        path = folder / f"{FILE_NAMES[kind]}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written


def gdelt_rows(store: Store) -> list[dict]:
    """Events in GDELT 2.0 event-table columns where they apply (one row per event mention, copies flagged)."""
    articles = {a.id: a for a in store.articles()}
    actors = {a.id: a for a in store.actors()}
    rows = []
    for e in store.events():
        a = articles[e.article_id]
        day = (e.date_start or "").replace("-", "")
        rows.append({
            "GLOBALEVENTID": e.id,
            "SQLDATE": day,
            "MonthYear": day[:6],
            "Year": day[:4],
            "Actor1Code": e.source,
            "Actor1Name": actors[e.source_actor].name if e.source_actor in actors else (actors[e.source].name if e.source in actors else e.source),
            "Actor1CountryCode": e.source,
            "Actor2Code": e.target,
            "Actor2Name": actors[e.target_actor].name if e.target_actor in actors else (actors[e.target].name if e.target in actors else e.target),
            "Actor2CountryCode": e.target,
            "EventCode": e.cameo,
            "EventRootCode": (e.cameo or "")[:2],
            "QuadClass": QUAD_CLASS.get(e.quad or "", ""),
            "GoldsteinScale": e.goldstein,
            "ActionGeo_FullName": e.location,
            "SOURCEURL": a.url or a.source,
            # Détente additions that GDELT lacks:
            "PLOVERType": e.type,
            "PLOVERMode": e.mode,
            "Status": e.status,
            "DateEnd": e.date_end,
            "DatePrecision": e.date_precision,
            "DateBasis": e.date_basis,
            "IsCopy": int(bool(a.duplicate_of or a.derivative_of)),
            "ClusterId": e.cluster_id,
            "Sentence": e.text,
            "TriggerOffsets": f"{e.trigger_start}-{e.trigger_end}" if e.trigger_start is not None else "",
        })
    return rows


def write_gdelt(store: Store, out: TextIO) -> int:
    rows = gdelt_rows(store)
    columns = list(rows[0]) if rows else ["GLOBALEVENTID"]
    writer = csv.DictWriter(out, fieldnames=columns, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def plover_records(store: Store) -> list[dict]:
    """PLOVER-style event records (source/target lists with actor text and code, event, mode, context)."""
    articles = {a.id: a for a in store.articles()}
    actors = {a.id: a for a in store.actors()}
    records = []
    for e in store.events():
        a = articles[e.article_id]

        def side(code: str | None, actor_id: str | None) -> list[dict]:
            actor = actors.get(actor_id or "") or actors.get(code or "")
            return [{"actorText": actor.name if actor else code, "code": code, "sector": actor.kind if actor else None}]

        records.append({
            "id": e.id,
            "date": e.date_start,
            "date_end": e.date_end,
            "date_precision": e.date_precision,
            "event": e.type,
            "mode": e.mode or "",
            "context": "",
            "status": e.status,
            "source": side(e.source, e.source_actor),
            "target": side(e.target, e.target_actor),
            "eventLoc": e.location,
            "text": e.text,
            "cameo": e.cameo,
            "goldstein": e.goldstein,
            "quad": e.quad,
            "article": {"id": a.id, "doc_name": a.doc_name, "url": a.url or a.source, "outlet": a.outlet},
            "offsets": [e.char_start, e.char_end],
            "trigger_offsets": [e.trigger_start, e.trigger_end] if e.trigger_start is not None else None,
        })
    return records


def write_plover(store: Store, out: TextIO) -> int:
    records = plover_records(store)
    json.dump(records, out, ensure_ascii=False, indent=1)
    return len(records)
