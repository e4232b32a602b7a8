"""Load the package's data tables (``detente/data/*.tsv``) once per process.

Tables are TSV with a header row; ``#`` lines are comments; multi-valued cells
use ``|``. Users extend a table by putting a file of the same name in the
folder named by ``DETENTE_DATA`` — its rows are added after the package's own.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path


def _parse_tsv(text: str, name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append({key: cell.strip() for key, cell in zip(header, cells, strict=False)})
    if header is None:
        raise ValueError(f"data table {name} has no header row")
    return rows


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/NAME`` (plus the user's extension file, if any) as dicts of strings."""
    packaged = resources.files("detente").joinpath(f"data/{name}")
    rows = _parse_tsv(packaged.read_text(encoding="utf-8"), name) if packaged.is_file() else []
    extra_dir = os.environ.get("DETENTE_DATA")
    if extra_dir and (Path(extra_dir) / name).is_file():
        rows += _parse_tsv((Path(extra_dir) / name).read_text(encoding="utf-8"), str(Path(extra_dir) / name))
    return tuple(rows)


def split_multi(cell: str) -> list[str]:
    """A ``|``-separated cell as a list of its non-empty values."""
    return [part.strip() for part in cell.split("|") if part.strip()]


@cache
def load_text(name: str) -> str:
    return resources.files("detente").joinpath(f"data/{name}").read_text(encoding="utf-8")
