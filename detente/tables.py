"""Load the package's data tables (``detente/data/``) once per process, with the user's additions.

Every table is read here, so every table can be extended the same way: a file of the same name in the folder named
by ``DETENTE_DATA`` adds its rows after the package's own (its path is named in any error about it). Two shapes:
TSV tables (a header row, ``|`` between the values of a multi-valued cell) through :func:`load_table`, and line lists
(one entry per line, such as the furniture patterns) through :func:`load_lines`. In both, ``#`` lines are comments.
The folder is read when a table is first loaded, so set ``DETENTE_DATA`` before the first ingest of a process.
"""

from __future__ import annotations

import os
import re
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


def _sources(name: str) -> list[tuple[str, str]]:
    """(label, text) of ``data/NAME`` in the package, then of the user's file of that name, if there is one."""
    out: list[tuple[str, str]] = []
    packaged = resources.files("detente").joinpath(f"data/{name}")
    if packaged.is_file():
        out.append((f"detente/data/{name}", packaged.read_text(encoding="utf-8")))
    extra_dir = os.environ.get("DETENTE_DATA")
    if extra_dir and (Path(extra_dir) / name).is_file():
        user = Path(extra_dir) / name
        try:
            out.append((str(user), user.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{user}: cannot read this DETENTE_DATA table ({exc})") from None
    if not out:
        raise ValueError(f"no data table named {name!r} in detente/data or DETENTE_DATA")
    return out


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/NAME`` (plus the user's extension file, if any) as dicts of strings."""
    return tuple(row for label, text in _sources(name) for row in _parse_tsv(text, label))


@cache
def load_lines(name: str, regex: bool = False) -> tuple[str, ...]:
    """Entries of a one-per-line list ``data/NAME`` (plus the user's file, if any): stripped, without comments.

    With ``regex``, every entry must compile as a regular expression; one that does not is an error naming its file
    and line (a user's typo would otherwise surface as an error about the whole combined pattern)."""
    entries: list[str] = []
    for label, text in _sources(name):
        for number, line in enumerate(text.splitlines(), 1):
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            if regex:
                try:
                    re.compile(entry)
                except re.error as exc:
                    raise ValueError(f"{label}, line {number}: {entry!r} is not a regular expression ({exc})") from None
            entries.append(entry)
    return tuple(entries)


def split_multi(cell: str) -> list[str]:
    """A ``|``-separated cell as a list of its non-empty values."""
    return [part.strip() for part in cell.split("|") if part.strip()]
