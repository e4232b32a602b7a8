"""Errors a user can act on, and the one line the command line prints for any failure.

Code that finds a problem with the user's files, settings or environment raises :class:`DetenteError` (its
message names the file or value and says what is wrong); :func:`explain` turns that, and the SQLite and
operating-system errors that reach the top, into one line naming the database or output file involved.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path


class DetenteError(Exception):
    """A problem the user can fix; the message is shown as it is, without a traceback."""


class StoreError(DetenteError):
    """A database that cannot be opened, read or written as asked."""


class MissingStore(StoreError, FileNotFoundError):
    """No database at the path given (a ``FileNotFoundError`` too, for callers that test for that)."""


class SettingError(DetenteError, ValueError):
    """An environment variable or option whose value cannot be used."""


def number_setting(name: str, default: float, *, minimum: float = 0.0) -> float:
    """A number of seconds (or the like) from the environment variable ``name``, checked, else ``default``."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r}: not a number (give seconds, e.g. {name}={default:g})") from None
    if not value >= minimum or value == float("inf"):
        raise SettingError(f"{name}={raw!r}: must be a finite number ≥ {minimum:g}")
    return value


_SQLITE_REASONS = {  # SQLite's message → what it means for the user
    "file is not a database": "not a Détente database (not an SQLite file)",
    "attempt to write a readonly database": "read-only: the file or its folder cannot be written (check permissions)",
    "database or disk is full": "the disk is full: what was committed before stays stored; free space and run again",
    "disk I/O error": "disk I/O error (a full disk or a file-size limit, or a failing disk)",
    "unable to open database file": "cannot be opened (a folder, a missing parent folder, or no permission)",
    "database is locked": "locked by another program for too long; try again when it has finished",
    "database disk image is malformed": "the database file is damaged (malformed)",
}


def sqlite_reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    for known, reason in _SQLITE_REASONS.items():
        if known in text:
            return reason
    return text


def explain(exc: BaseException, db: object = None, out: object = None) -> str | None:
    """The one-line reason for an expected failure, naming the file it concerns; None for a bug."""
    if isinstance(exc, DetenteError):
        return str(exc)
    if isinstance(exc, sqlite3.Error) and not isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
        return f"{db}: {sqlite_reason(exc)}" if db is not None else sqlite_reason(exc)
    if isinstance(exc, OSError) and exc.errno is not None:
        where = exc.filename if exc.filename is not None else out
        reason = exc.strerror or os.strerror(exc.errno)
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            reason += ": nothing was written there"
        if exc.errno == errno.ENOENT and where is not None and not Path(str(where)).parent.exists():
            reason = f"the folder {Path(str(where)).parent} does not exist"
        return f"{where}: {reason}" if where is not None else reason
    return None


def one_line(text: str) -> str:
    """Control characters (a newline in a file name) escaped, so a message stays one line of a log."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)
