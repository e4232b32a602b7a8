"""What the issue-26 reliability cases share: running `detente` as a user would, judging its errors, one row per case."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

# Root ignores file modes: the read-only cases drop the capabilities that let it (setpriv, util-linux).
WITHOUT_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


@dataclass
class Row:
    """One case of the table: ``ok`` says whether the goal was met."""

    group: str
    case: str
    ok: bool
    goal: str
    detail: str


@dataclass
class Ran:
    code: int
    out: str
    err: str
    peak_mb: float = 0.0  # the process's peak resident memory (ru_maxrss)


def command(*args: str, unprivileged: bool = False) -> list[str]:
    """The command line of `detente ARGS`; ``unprivileged``: as root, without the right to ignore file modes."""
    prefix = WITHOUT_OVERRIDE if unprivileged and os.geteuid() == 0 else []
    return [*prefix, sys.executable, "-m", "detente.cli", *args]


def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, unprivileged: bool = False,
        limit_file_bytes: int | None = None, timeout: float = 900, cwd: Path | None = None) -> Ran:
    """`detente ARGS` in a subprocess: its exit code, output, and its own peak memory (reaped with wait4)."""
    proc = subprocess.Popen(command(*args, unprivileged=unprivileged),
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})},
                            preexec_fn=limited(limit_file_bytes), cwd=cwd)
    chunks: dict[str, bytes] = {}

    def drain(key: str, stream) -> None:
        chunks[key] = stream.read()

    def feed() -> None:
        try:
            proc.stdin.write(stdin)
            proc.stdin.close()
        except (BrokenPipeError, OSError):  # the command stopped reading (a size limit): that is allowed
            pass

    threads = [threading.Thread(target=drain, args=("out", proc.stdout)), threading.Thread(target=drain, args=("err", proc.stderr))]
    if stdin is not None:
        threads.append(threading.Thread(target=feed))
    for thread in threads:
        thread.start()
    timer = threading.Timer(timeout, lambda: os.kill(proc.pid, signal.SIGKILL))
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    for thread in threads:
        thread.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Ran(proc.returncode, chunks["out"].decode("utf-8", "replace"), chunks["err"].decode("utf-8", "replace"),
               usage.ru_maxrss / 1024)


def limited(limit_file_bytes: int | None):
    """A preexec function capping the size of any file the process writes (a stand-in for a full disk)."""
    if limit_file_bytes is None:
        return None

    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return apply


def one_line_error(ran: Ran, *names: str) -> tuple[bool, str]:
    """The contract for a refused command: non-zero exit, no traceback, one stderr line naming each of ``names``."""
    lines = [line for line in ran.err.splitlines() if line.strip()]
    problems = []
    if ran.code == 0:
        problems.append("exit 0")
    if "Traceback" in ran.err:
        problems.append(f"traceback of {len(lines)} lines")
    elif len(lines) != 1:
        problems.append(f"{len(lines)} stderr lines")
    missing = [n for n in names if n not in ran.err]
    if missing:
        problems.append(f"does not name {', '.join(missing)}")
    first = lines[-1][:110] if lines else "(no stderr)"
    return not problems, (f"exit {ran.code}: {first}" if not problems else f"{'; '.join(problems)}: {first}")


def count(db: Path, sql: str = "SELECT COUNT(*) FROM articles") -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
