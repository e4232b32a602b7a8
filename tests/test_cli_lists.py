"""The list commands as an analyst uses them (a real subprocess over a store of examples/; no ../shared needed):
every format, full rows, 'showing N of M', date order, the article and date columns, values checked by the
command line, dyads however written, actors by any part of the name, search words taken literally."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from detente import __version__
from detente.store import Store


def detente(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": ""}
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, env=env, timeout=300)


def rows_of(result: subprocess.CompletedProcess, fmt: str) -> list[dict]:
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        return json.loads(result.stdout)
    if fmt == "jsonl":
        return [json.loads(line) for line in result.stdout.splitlines()]
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture(scope="module")
def db(examples_db) -> str:
    return str(examples_db)


@pytest.fixture(scope="module")
def counts(examples_db) -> dict[str, int]:
    with Store(examples_db, readonly=True) as store:
        return {t: store.count(t) for t in ("articles", "events", "quotes", "actors", "stories")}


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "actors", "stories"])
@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_every_list_command_writes_data_formats_with_every_row(db, counts, command, fmt):
    result = detente(command, "--db", db, "--format", fmt, "--limit", "0")
    rows = rows_of(result, fmt)
    assert len(rows) == counts[command]
    assert f"showing {counts[command]} of {counts[command]}" in result.stderr  # the count stays off the data


def test_data_rows_hold_the_full_text(db, examples_db):
    with Store(examples_db, readonly=True) as store:
        longest = max(store.events(), key=lambda e: len(e.text))
        quote = max(store.quotes(), key=lambda q: len(q.text))
    assert len(longest.text) > 120 and len(quote.text) > 120
    events = rows_of(detente("events", "--db", db, "--format", "jsonl", "--limit", "0"), "jsonl")
    assert longest.text in {r["text"] for r in events}
    quotes = rows_of(detente("quotes", "--db", db, "--format", "csv", "--limit", "0"), "csv")
    assert quote.text in {r["text"] for r in quotes}


def test_a_piped_table_is_one_plain_line_per_row_with_nothing_cut(db, examples_db):
    with Store(examples_db, readonly=True) as store:
        longest = max(store.events(), key=lambda e: len(e.text))
    result = detente("events", "--db", db, "--limit", "0")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "\x1b[" not in result.stdout  # no colour when not a terminal
    assert lines[0].split()[:8] == ["date", "source", "type", "mode", "target", "status", "article", "sentence"]
    assert len(lines) == 1 + len(Store(examples_db, readonly=True).events()) + 1  # header, rows, the count
    assert any(line.endswith(longest.text) for line in lines)  # the sentence whole, on its row's line


def test_limit_says_how_many_of_how_many(db, counts):
    result = detente("events", "--db", db, "--limit", "3")
    assert result.stdout.splitlines()[-1] == f"showing 3 of {counts['events']} events (--limit 0 for all)"
    assert len(rows_of(detente("articles", "--db", db, "--limit", "2", "--format", "json"), "json")) == 2


def test_events_have_an_article_and_quotes_a_date(db, examples_db):
    with Store(examples_db, readonly=True) as store:
        names = {a.doc_name for a in store.articles()}
    events = rows_of(detente("events", "--db", db, "--format", "json", "--limit", "0"), "json")
    assert {r["doc_name"] for r in events} <= names
    table = detente("events", "--db", db, "--limit", "0").stdout
    assert any(name in table for name in names)
    quotes = rows_of(detente("quotes", "--db", db, "--format", "json", "--limit", "0"), "json")
    assert all(r["date"] for r in quotes)
    assert detente("quotes", "--db", db).stdout.split()[:2] == ["date", "article"]


@pytest.mark.parametrize(("command", "key"), [("events", "date_start"), ("quotes", "date"), ("stories", "date_range")])
def test_lists_come_in_date_order(db, command, key):
    rows = rows_of(detente(command, "--db", db, "--format", "json", "--limit", "0"), "json")
    days = [r[key][0] if isinstance(r[key], list) else r[key] for r in rows]
    dated = [d for d in days if d]
    assert dated and dated == sorted(dated) and days[: len(dated)] == dated


@pytest.mark.parametrize(("args", "allowed"), [
    (["events", "--status", "done"], "'happened', 'planned', 'refused', 'hypothetical', 'denied'"),
    (["events", "--type", "CONSLT"], "'CONSULT'"),
    (["actors", "--kind", "people"], "'person'"),
    (["events", "--format", "xlsx"], "'jsonl'"),
    (["dyad", "CHN", "PHL", "--by", "week"], "'month'"),
])
def test_a_bad_choice_is_a_usage_error_listing_the_choices(db, args, allowed):
    result = detente(*args, "--db", db)
    assert result.returncode == 2 and result.stdout == ""
    assert allowed.lower() in " ".join(result.stderr.split()).replace("│ ", "").lower()


def test_choices_ignore_case(db):
    upper = rows_of(detente("events", "--db", db, "--status", "PLANNED", "--format", "json", "--limit", "0"), "json")
    assert upper and all(r["status"] == "planned" for r in upper)


@pytest.mark.parametrize("dyad", ["CHN-PHL", "CHN/PHL", "CHN,PHL", "phl-chn", "China-Philippines", "Philippines/China"])
def test_dyad_however_written_gives_the_same_events(db, dyad):
    rows = rows_of(detente("events", "--db", db, "--dyad", dyad, "--format", "json", "--limit", "0"), "json")
    assert rows and all({r["source"], r["target"]} == {"CHN", "PHL"} for r in rows)
    reference = rows_of(detente("events", "--db", db, "--dyad", "CHN-PHL", "--format", "json", "--limit", "0"), "json")
    assert [r["id"] for r in rows] == [r["id"] for r in reference]


@pytest.mark.parametrize("dyad", ["CHN", "CHN-XYZ", "China"])
def test_a_malformed_dyad_is_an_error_not_an_empty_table(db, dyad):
    result = detente("events", "--db", db, "--dyad", dyad)
    assert result.returncode == 2 and "CHN-VNM" in result.stderr and "showing" not in result.stdout


@pytest.mark.parametrize("name", ["xi jinping", "XI JINPING", "Xi", "jinping"])
def test_actor_lookup_ignores_case_and_takes_part_of_a_name(db, name):
    result = detente("actors", name, "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Xi Jinping (person, CHN)") and "showing" in result.stdout


def test_an_unknown_actor_is_an_error(db):
    result = detente("actors", "Nobody Atall", "--db", db)
    assert result.returncode == 1 and "no actor matches" in result.stderr


def test_search_words_are_searched_as_written(db, examples_db):
    with Store(examples_db, readonly=True) as store:
        holding = {a.doc_name for a in store.articles() if "post-war" in a.body.lower() or "post-war" in (a.title or "").lower()}
    assert holding, "examples/ holds the word post-war (which FTS5 alone reads as a column filter)"
    result = detente("articles", "--db", db, "-s", "post-war", "--format", "json", "--limit", "0")
    assert {r["doc_name"] for r in rows_of(result, "json")} == holding
    for odd in ("U.S.", '"unbalanced', "NEAR(", "a OR", "*", "title:x"):
        assert detente("articles", "--db", db, "-s", odd).returncode == 0, odd
        assert detente("quotes", "--db", db, "-s", odd).returncode == 0, odd


def test_version():
    result = detente("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"detente {__version__}"


def test_hostile_text_cannot_drive_the_terminal_or_a_spreadsheet(examples_db, tmp_path):
    db = tmp_path / "hostile.db"
    with sqlite3.connect(examples_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET title = ? WHERE rowid = 1",
                     ("=HYPERLINK(\"http://x\") \x1b]0;owned\x07\x1b[31mred\u202egnp.exe\nsecond line",))
    table = detente("articles", "--db", str(db), "--limit", "0")
    with Store(db, readonly=True) as store:
        assert len(table.stdout.splitlines()) == 1 + store.count("articles") + 1  # header, one line per article, count
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout and "\u202e" not in table.stdout
    assert "red" in table.stdout
    rows = rows_of(detente("articles", "--db", str(db), "--limit", "0", "--format", "csv"), "csv")
    assert any(r["title"].startswith("'=HYPERLINK") for r in rows)
    as_json = detente("articles", "--db", str(db), "--limit", "0", "--format", "json")
    assert "\u202e" not in as_json.stdout and "\\u202e" in as_json.stdout
    assert any("\u202e" in (r["title"] or "") for r in rows_of(as_json, "json"))  # the same text once read


def test_dyad_by_month_counts_a_year_only_event_in_its_year(db):
    result = detente("dyad", "North Korea", "South Korea", "--db", db, "--by", "month")
    assert result.returncode == 0, result.stderr
    periods = [line.split()[0] for line in result.stdout.splitlines()[1:-1]]
    assert "1950" in periods and not any(p.startswith("1950-") for p in periods)
    assert "1950 (whole year)" in result.stdout and "2018-04" in periods


def test_report_takes_the_dyads_asked_for(db, tmp_path):
    out = tmp_path / "r.html"
    result = detente("report", "--db", db, "--dyad", "KOR-PRK", "--dyad", "Japan/United States", "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert 'id="dyad-picker"' in html and html.count('class="dyad-panel"') == 2
    assert 'id="dyad-KOR-PRK"' in html and 'id="dyad-JPN-USA"' in html
    bad = detente("report", "--db", db, "--dyad", "KOR", "--out", str(tmp_path / "x.html"))
    assert bad.returncode == 2 and not (tmp_path / "x.html").exists()


def test_progress_counts_the_documents_before_reading_them(tmp_path):
    from detente.cli import _count_inputs

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("x")
    (folder / "sub" / "b.html").write_text("<p>x</p>")
    (folder / "skip.png").write_bytes(b"\x89PNG")
    (folder / "feed.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    single = tmp_path / "one.txt"
    single.write_text("y")
    assert _count_inputs([str(folder), str(single)]) == 1 + 1 + 3 + 1
    assert _count_inputs([str(folder), "-"]) is None


def test_ingest_summary_is_one_line_when_piped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Vietnam and China signed a trade agreement in Hanoi on Tuesday, officials said.")
    result = detente("ingest", str(folder), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1 and result.stdout.startswith("1 added")


def test_a_plain_table_lines_up_its_columns(capsys):
    from detente.cli import _show

    _show("t", ["a", "bb"], [["long value", 1], ["x", "yy"]], 2, 2, "rows")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].index("bb") == lines[1].index("1") == lines[2].index("yy")
    assert lines[-1] == "showing 2 of 2 rows"


def test_quotes_take_a_dyad_too(db):
    about = rows_of(detente("quotes", "--db", db, "--about", "CHN-PHL", "--format", "json", "--limit", "0"), "json")
    dyad = rows_of(detente("quotes", "--db", db, "--dyad", "Philippines/China", "--format", "json", "--limit", "0"), "json")
    everything = rows_of(detente("quotes", "--db", db, "--format", "json", "--limit", "0"), "json")
    assert about and [q["id"] for q in about] == [q["id"] for q in dyad] and len(about) < len(everything)


def test_stories_take_a_dyad_either_way_round(db, examples_db):
    with Store(examples_db, readonly=True) as store:
        pair = store.stories()[0].dyads[0]
        expected = {s.id for s in store.stories() if pair in s.dyads}
    a, b = pair.split("-")
    rows = rows_of(detente("stories", "--db", db, "--dyad", f"{b}/{a}", "--format", "json"), "json")
    assert {s["id"] for s in rows} == expected and len(expected) < len(rows_of(detente("stories", "--db", db, "--format", "json"), "json"))
