"""Output files written whole or not at all: into a temporary file beside the target, renamed over it at the end.

A full disk, a kill or an error half-way leaves the earlier file (if any) untouched and no truncated one (a JSONL
export ending in ``{"record"``) for another tool to read as complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from detente.errors import DetenteError


def check_target(path: Path) -> None:
    """Refuse, before any work, an output whose folder is missing or which names a folder."""
    folder = path.parent
    if not folder.exists():
        raise DetenteError(f"{path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise DetenteError(f"{path}: {folder} is not a folder")
    if path.is_dir():
        raise DetenteError(f"{path}: is a folder; give a file name")


@contextmanager
def replaced(path: str | Path) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; it replaces ``path`` only if the block succeeds."""
    target = Path(path)
    check_target(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    temp = Path(tmp)
    try:
        yield temp
        with open(temp, "rb") as fh:  # on disk before the rename, so a crash cannot leave an empty file in its place
            os.fsync(fh.fileno())
        _keep_mode(target, temp)
        os.replace(temp, target)
    finally:
        with suppress(FileNotFoundError):
            temp.unlink()


@contextmanager
def open_replaced(path: str | Path, mode: str = "w", **kwargs) -> Iterator[IO]:
    """``open(path, mode)``, writing to a temporary file that replaces ``path`` when the block succeeds."""
    with replaced(path) as temp, open(temp, mode, **kwargs) as fh:
        yield fh


def _keep_mode(target: Path, temp: Path) -> None:
    """The new file gets the old one's permissions, or the usual ones (mkstemp makes it private)."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)
