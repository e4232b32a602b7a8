"""User data tables: a file of the same name in $DETENTE_DATA extends every table, TSV or line list, the same way."""

from __future__ import annotations

import pytest

from detente.clean.lines import furniture_patterns, is_furniture
from detente.tables import load_lines, load_table

WIDGET = "Tune in to the Harbour Hour podcast every Friday"  # an invented site widget, in no package pattern


@pytest.fixture
def fresh_tables():
    """Empty the per-process table caches before and after, so the test's $DETENTE_DATA neither sees nor leaks rows."""
    caches = (load_table, load_lines, furniture_patterns)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


def test_furniture_and_tsv_tables_take_the_users_rows(tmp_path, monkeypatch, fresh_tables):
    assert not is_furniture(WIDGET)
    packaged = len(load_table("cities.tsv"))
    for cached in (load_table, load_lines, furniture_patterns):
        cached.cache_clear()
    (tmp_path / "furniture.txt").write_text("# my site's widgets\ntune in to the [\\w ]+ podcast every \\w+\n",
                                            encoding="utf-8")
    (tmp_path / "cities.tsv").write_text("city\tcountry\tpopulation\nPort Quillon\tFRA\t300000\n", encoding="utf-8")
    monkeypatch.setenv("DETENTE_DATA", str(tmp_path))
    assert is_furniture(WIDGET)
    assert is_furniture("Share on Facebook")  # the package's own patterns are still there
    rows = load_table("cities.tsv")
    assert len(rows) == packaged + 1 and rows[-1] == {"city": "Port Quillon", "country": "FRA", "population": "300000"}


def test_a_bad_user_pattern_names_its_file_and_line(tmp_path, monkeypatch, fresh_tables):
    (tmp_path / "furniture.txt").write_text("# fine\nshare this\n(unclosed\n", encoding="utf-8")
    monkeypatch.setenv("DETENTE_DATA", str(tmp_path))
    with pytest.raises(ValueError, match=r"furniture\.txt, line 3: '\(unclosed' is not a regular expression"):
        furniture_patterns()
    with pytest.raises(ValueError, match=r"no data table named 'nope\.tsv'"):
        load_table("nope.tsv")
