"""Exports beside JSONL: CSV and Parquet, one file per record kind (GDELT and PLOVER: test_export_gdelt/_plover.py)."""

from __future__ import annotations

import csv


def test_csv_and_parquet_have_one_file_per_kind_with_every_record(examples_db, tmp_path):
    import pyarrow.parquet as pq

    from detente.export import tables
    from detente.store import Store

    with Store(examples_db, readonly=True) as store:
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
