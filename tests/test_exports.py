"""Exports beside JSONL: CSV and Parquet (one file per record kind), a GDELT-style event table, PLOVER JSON records."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytestmark = pytest.mark.seeds


def test_csv_and_parquet_have_one_file_per_kind_with_every_record(seeds_db, tmp_path):
    import pyarrow.parquet as pq

    from detente.export import tables
    from detente.store import Store

    with Store(seeds_db, readonly=True) as store:
        counts = {table: store.count(table) for table in ("articles", "events", "quotes", "actors", "stories")}
        csv_files = {p.stem: p for p in tables.write_csv(store, tmp_path / "csv")}
        parquet_files = {p.stem: p for p in tables.write_parquet(store, tmp_path / "pq")}
    expected = {table for table, n in counts.items() if n}
    assert set(csv_files) == expected and set(parquet_files) == expected
    for name, path in parquet_files.items():
        assert pq.read_table(path).num_rows == counts[name], name
    for name, path in csv_files.items():
        assert sum(1 for _ in csv.DictReader(path.open(encoding="utf-8"))) == counts[name], name
    rows = list(csv.DictReader(csv_files["events"].open(encoding="utf-8")))
    assert {"source", "target", "type", "status"} <= set(rows[0])


def test_gdelt_table_uses_gdelt_column_names(seeds_db):
    from detente.export import tables
    from detente.store import Store

    out = io.StringIO()
    with Store(seeds_db, readonly=True) as store:
        n = tables.write_gdelt(store, out)
        events = store.count("events")
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert n == len(rows) == events
    assert {"GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "EventCode", "EventRootCode", "QuadClass",
            "GoldsteinScale", "SOURCEURL"} <= set(rows[0])
    dated = [r for r in rows if r["SQLDATE"]]
    assert dated and all(len(r["SQLDATE"]) == 8 and r["SQLDATE"].isdigit() for r in dated)
    assert {r["QuadClass"] for r in rows} <= {"1", "2", "3", "4", ""}


def test_plover_records(seeds_db):
    from detente.export import tables
    from detente.store import Store

    out = io.StringIO()
    with Store(seeds_db, readonly=True) as store:
        tables.write_plover(store, out)
        bodies = {a.id: a.body for a in store.articles()}
    records = json.loads(out.getvalue())
    plover = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
              "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert records and all(r["event"] in plover for r in records)
    for r in records:
        assert r["source"][0]["code"] and r["target"][0]["code"]
        start, end = r["offsets"]
        assert bodies[r["article"]["id"]][start:end].strip() == r["text"].strip()
