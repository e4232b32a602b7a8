"""Outputs are written whole or not at all: a failure half-way leaves the earlier file as it was and no partial file."""

from __future__ import annotations

import os

import pytest

from detente.atomic import open_replaced, replaced
from detente.errors import DetenteError


def test_a_failure_half_way_leaves_the_earlier_file_and_nothing_else(tmp_path):
    out = tmp_path / "records.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    with pytest.raises(OSError), open_replaced(out, "w", encoding="utf-8") as fh:
        fh.write('{"record"')
        raise OSError(28, "No space left on device")
    assert out.read_text(encoding="utf-8") == "earlier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def test_a_finished_file_replaces_the_old_one_with_the_usual_permissions(tmp_path):
    out = tmp_path / "report.html"
    with replaced(out) as partial:
        assert partial != out and partial.parent == tmp_path and not out.exists()
        partial.write_text("<html></html>", encoding="utf-8")
    umask = os.umask(0)
    os.umask(umask)
    assert out.read_text(encoding="utf-8") == "<html></html>" and (out.stat().st_mode & 0o777) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_missing_folder_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(DetenteError, match=r"no-such-folder.*does not exist"), replaced(tmp_path / "no-such-folder" / "x.csv"):
        pytest.fail("the block must not run")
