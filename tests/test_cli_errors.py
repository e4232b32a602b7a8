"""How failures read on the command line: each bad input once on a non-terminal stderr, symlinks that are read
elsewhere skipped rather than failed, and any command's failure one line without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ARTICLE = ("Talks resume\n\nThe foreign ministers of the two neighbouring states met in the capital on Monday and agreed "
           "to resume talks on the disputed border, officials from both governments said.\n")


def detente(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, timeout=600)


def test_a_bad_file_is_reported_once_on_a_pipe(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = detente("ingest", str(folder), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1
    assert result.stderr.count("empty.txt") == 1, result.stderr
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        f"error: {folder / 'empty.txt'}: empty file"]


def test_a_symlink_to_a_folder_inside_the_tree_is_skipped_not_failed(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "also").symlink_to(folder / "sub", target_is_directory=True)
    result = detente("ingest", str(folder), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 0 and "1 added" in result.stdout and "0 failed" in result.stdout, result
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith(f"skipped: {folder / 'also'}: symlink to")


def test_a_missing_database_is_one_line(tmp_path: Path):
    result = detente("events", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        f"error: no Détente database at {tmp_path / 'none.db'} (run `detente ingest` first)"]
