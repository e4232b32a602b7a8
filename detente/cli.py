"""The ``detente`` command line: a thin layer over :mod:`detente.corpus`, the store and the exports."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from detente.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from detente.store import Store

app = typer.Typer(
    name="detente",
    help=(
        "Détente turns a pile of news articles about relations between states into a sourced, deduplicated,\n"
        "dated record of events, quotes and actors.\n\n"
        "Start with:  detente run examples/corpus      (ingest, analyse, write report.html)\n"
        "Then look:   detente events --dyad CHN-VNM    detente quotes --speaker Poling"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file (created if missing).", envvar="DETENTE_DB")]
DEFAULT_DB = Path("detente.db")


@contextmanager
def _open(db: Path) -> Iterator[Store]:
    """The store, read-only and as one snapshot: a listing or export run beside an ingest shows one state of it."""
    from detente.store import Store

    try:
        store = Store(db, readonly=True)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    with store, store.snapshot():
        yield store


def _ingest(paths: list[str], db: Path, max_bytes: int, batch_size: int, engine: str = "local", address: str | None = None) -> int:
    from detente.corpus import ingest
    from detente.store import Store

    with Store(db) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=False, disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def notify(event: str, source: str) -> None:
            if event == "error":
                progress.console.print(f"[red]✗[/red] {escape(source)}")
            progress.update(task, advance=1 if event in ("stored", "skip", "error") else 0,
                            description=f"ingesting {escape(Path(source).name[:40])}")

        try:
            report = ingest(store, paths, batch_size=batch_size, max_bytes=max_bytes, progress=notify,
                            engine=engine, ray_address=address)
        except ValueError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        before = store.count("articles")
    if not err.is_terminal:
        for error in report.errors:
            err.print(f"error: {error}", soft_wrap=True, highlight=False, markup=False)
    console.print(
        f"{report.added} added, {report.skipped} already stored, {report.duplicates} duplicates, "
        f"{report.derivatives} derivatives, {len(report.errors)} failed — {before} articles in {db}"
    )
    if report.not_articles:
        names = [Path(p).name for p in report.not_articles]
        shown = ", ".join(names[:10]) + (f", … ({len(names) - 10} more)" if len(names) > 10 else "")
        console.print(f"{len(names)} files skipped as not articles: {escape(shown)}", highlight=False)
    return 1 if report.errors else 0


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl/.json, .html, .urls lists, URLs, or - for URLs on stdin.")],
    db: DbOption = DEFAULT_DB,
    max_bytes: Annotated[int, typer.Option(help="Skip (and report) inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per parse batch and per database transaction.")] = 32,
    engine: Annotated[str, typer.Option(help="local (this process) or ray (Ray Data: a local cluster, or --address).")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster address for --engine ray, e.g. auto or ray://head:10001.")] = None,
) -> None:
    """Read articles into the database, analysing each one (clean, actors, events, quotes, dates).

    Re-running on the same inputs adds nothing. A bad file is reported with its
    name and the reason and the run goes on; the exit code is 1 if any failed.

    A file named on its own is read whatever its extension. In a folder (read
    recursively), articles are the .txt .text .html .htm .xhtml .json .jsonl
    .ndjson and .urls files and files without an extension; other files (.md,
    .csv, images) and README, LICENSE or SOURCES files are skipped, and the
    summary lists them.

    Examples:
      detente ingest examples/corpus
      detente ingest dump/*.txt pages/ feed.jsonl --db news.db
      cat urls.txt | detente ingest -
      detente ingest big-corpus/ --engine ray --address auto
    """
    raise typer.Exit(_ingest(paths, db, max_bytes, batch_size, engine, address))


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="What to ingest (as for `detente ingest`).")],
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", help="Where to write the HTML report.")] = Path("report.html"),
    max_bytes: Annotated[int, typer.Option(help="Skip inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Ingest, analyse and write the HTML report in one go.

    Example:
      detente run examples/corpus --out report.html
    """
    code = _ingest(paths, db, max_bytes, 32)
    _write_report(db, out)
    raise typer.Exit(code)


def _write_report(db: Path, out: Path) -> None:
    from detente.report import write_report

    with _open(db) as store:
        write_report(store, out)
    console.print(f"report written to [bold]{escape(str(out.resolve()))}[/bold] — open it in a browser")


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", help="Output HTML file (self-contained, works offline).")] = Path("report.html"),
) -> None:
    """Write a self-contained HTML report: overview, dyad trends, timelines, who said what, stories, articles.

    The file works offline (Plotly is inlined) and highlights each event and quote on its sentence.

    Example:
      detente report --out china-vietnam.html
    """
    _write_report(db, out)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to bind; keep 127.0.0.1 unless you mean to share it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Browse the database in a local web app: search, filters, articles with their facts, dyad charts.

    The store is opened read-only per request, so `detente ingest` can run meanwhile.

    Examples:
      detente serve
      detente serve --db news.db --port 8080
    """
    import uvicorn

    from detente.web import create_app

    with _open(db):  # a clear error now if the database is missing
        pass
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] serving on {host}: anyone who can reach this address can read the database")
    console.print(f"Détente on [bold]http://{host}:{port}/[/bold] over {escape(str(db))} — Ctrl+C to stop")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def _table(title: str, columns: list[str], rows: list[list[object]]) -> None:
    """Cells are plain Text, never Rich markup: a title or quote holding "[/]" or "[link=...]" is shown as written."""
    table = Table(title=Text(title), show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[Text("" if v is None else str(v)) for v in row])
    console.print(table)


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Full-text search (SQLite FTS5 syntax).")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
) -> None:
    """List stored articles with outlet, date, and copy links.

    Examples:
      detente articles
      detente articles --search "border war"
    """
    with _open(db) as store:
        try:
            items = store.search(search, limit) if search else store.articles()[:limit]
        except sqlite3.OperationalError as exc:
            err.print(f"bad --search expression {search!r}: {exc}", markup=False)
            raise typer.Exit(2) from None
        rows = [
            [a.id, a.doc_name, (a.title or "")[:60], a.outlet, a.pub_date or "–".join(filter(None, a.pub_date_range)),
             a.duplicate_of or a.derivative_of or ""]
            for a in items
        ]
    _table("articles", ["id", "doc", "title", "outlet", "published", "copy of"], rows)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    dyad: Annotated[str | None, typer.Option(help="Only events between two states, e.g. CHN-VNM.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    status: Annotated[str | None, typer.Option(help="happened | planned | refused | hypothetical | denied")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 100,
) -> None:
    """List events: who did what to whom, when, with status and the sentence behind it.

    Examples:
      detente events --dyad CHN-VNM
      detente events --type ASSAULT --status happened
    """
    where, params = [], []
    if dyad:
        a, _, b = dyad.upper().partition("-")
        where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
        params += [a, b, b, a]
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if status:
        where.append("status = ?")
        params.append(status.lower())
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    with _open(db) as store:
        rows = [
            [e.date_start if e.date_start == e.date_end else f"{e.date_start}…{e.date_end}", e.source, e.type,
             e.mode, e.target, e.status, e.text[:90]]
            for e in store.events(clause, tuple(params))[:limit]
        ]
    _table("events", ["date", "source", "type", "mode", "target", "status", "sentence"], rows)


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Speaker (as written, or the resolved actor's name) contains this.")] = None,
    country: Annotated[str | None, typer.Option(help="Speaker's country, ISO3 (e.g. USA).")] = None,
    about: Annotated[str | None, typer.Option(help="Only articles with events between this pair, e.g. CHN-VNM.")] = None,
    since: Annotated[str | None, typer.Option(help="Articles published on or after this date (YYYY-MM-DD).")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Full-text search over quote text and speaker.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 100,
) -> None:
    """Who said what: direct, indirect and mixed quotes with their speakers.

    Examples:
      detente quotes --speaker Poling
      detente quotes --country USA --about CHN-VNM --since 2023-01-01
      detente quotes --search "community"
    """
    from datetime import date as _date


    where, params = [], []
    if speaker:
        where.append("(speaker LIKE ? OR speaker_actor IN (SELECT id FROM actors WHERE name LIKE ?))")
        params += [f"%{speaker}%"] * 2
    if country:
        where.append("speaker_country = ?")
        params.append(country.upper())
    if about:
        pair = [c.strip().upper() for c in about.replace("/", "-").split("-") if c.strip()]
        if len(pair) != 2:
            raise typer.BadParameter("expected two ISO3 codes such as CHN-VNM", param_hint="--about")
        where.append("article_id IN (SELECT article_id FROM events WHERE (source = ? AND target = ?) OR (source = ? AND target = ?))")
        params += [pair[0], pair[1], pair[1], pair[0]]
    if since:
        try:
            _date.fromisoformat(since)
        except ValueError:
            raise typer.BadParameter("expected a date such as 2023-12-01", param_hint="--since") from None
        where.append("article_id IN (SELECT id FROM articles WHERE COALESCE(pub_date, pub_date_end) >= ?)")
        params.append(since)
    if search:
        where.append("rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(search)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    with _open(db) as store:
        try:
            found = store.quotes(clause, tuple(params))
        except sqlite3.OperationalError as exc:
            err.print(f"bad --search expression {search!r}: {exc}", markup=False)
            raise typer.Exit(2) from None
        rows = [[q.speaker, q.speaker_country, q.quote_type, q.channel, q.text[:120]] for q in found[:limit]]
    _table("quotes", ["speaker", "country", "kind", "channel", "text"], rows)


@app.command()
def actors(
    name: Annotated[str | None, typer.Argument(help="Show one actor (name or id) with its mentions.")] = None,
    db: DbOption = DEFAULT_DB,
    kind: Annotated[str | None, typer.Option(help="state | person | org | igo")] = None,
) -> None:
    """List actors (states, people, organisations) with roles and countries, or show one.

    Examples:
      detente actors --kind person
      detente actors "Xi Jinping"
    """
    with _open(db) as store:
        if name:
            rows = store.conn.execute(
                "SELECT a.*, m.article_id, m.text, m.char_start FROM actors a JOIN mentions m ON m.actor_id = a.id "
                "WHERE a.name = ? OR a.id = ? ORDER BY m.article_id, m.char_start", (name, name)
            ).fetchall()
            if not rows:
                err.print(f"no actor named {name!r}")
                raise typer.Exit(1)
            head = f"{rows[0]['name']} ({rows[0]['kind']}, {rows[0]['country']}) — {rows[0]['role'] or ''}"
            console.print(head, markup=False, highlight=False)
            _table("mentions", ["article", "offset", "text"], [[r["article_id"], r["char_start"], r["text"]] for r in rows])
            return
        where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        counts = dict(store.conn.execute("SELECT actor_id, COUNT(*) FROM mentions GROUP BY actor_id").fetchall())
        rows = [[a.id, a.kind, a.name, a.country, a.role, counts.get(a.id, 0)] for a in store.actors(where, params)]
    _table("actors", ["id", "kind", "name", "country", "role", "mentions"], rows)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="ISO3 code of one state, e.g. CHN.")],
    b: Annotated[str, typer.Argument(help="ISO3 code of the other, e.g. VNM.")],
    db: DbOption = DEFAULT_DB,
    by: Annotated[str, typer.Option(help="month | quarter | year")] = "year",
    top: Annotated[int, typer.Option(help="Events shown behind each period.")] = 3,
) -> None:
    """The cooperation–conflict index of a pair of states over time, with the events behind each figure.

    Each real-world event counts once however many articles report it; copies and rewrites are excluded;
    planned, hypothetical, refused and denied events are shown apart, never counted as done.

    Examples:
      detente dyad CHN VNM
      detente dyad USA RUS --by quarter
    """
    from detente.analysis import dyad_index

    if by not in ("month", "quarter", "year"):
        err.print("[red]error:[/red] --by must be month, quarter or year")
        raise typer.Exit(2)
    with _open(db) as store:
        events = store.events()
        excluded = {x.id for x in store.articles("WHERE duplicate_of IS NOT NULL OR derivative_of IS NOT NULL")}
        names = {x.id: x for x in store.articles()}
    by_id = {e.id: e for e in events}
    periods = dyad_index(events, a, b, by, excluded)
    if not periods:
        console.print(f"no events between {a.upper()} and {b.upper()}", markup=False)
        return
    rows = []
    for p in periods:
        behind = "; ".join(
            f"{by_id[i].date_start} {by_id[i].source} {by_id[i].type} {by_id[i].target} [{names[by_id[i].article_id].doc_name}]"
            for i in p.event_ids[:top]
        )
        aside = ", ".join(f"{n} {status}" for status, n in sorted(p.not_happened.items()))
        rows.append([p.period, p.events, f"{p.goldstein:+.1f}", f"{p.mean:+.2f}",
                     " ".join(str(v) for v in p.quads.values()), aside, behind])
    _table(f"{a.upper()}–{b.upper()} by {by}", ["period", "events", "Goldstein", "mean", "VC MC VK MK", "not done", "behind it"], rows)


@app.command()
def stories(db: DbOption = DEFAULT_DB) -> None:
    """Stories: articles grouped by the real-world development they report.

    Example:
      detente stories
    """
    with _open(db) as store:
        rows = [[s.id, s.label[:70], " – ".join(filter(None, s.date_range)), ", ".join(s.dyads), len(s.article_ids)]
                for s in store.stories()]
    _table("stories", ["id", "label", "dates", "dyads", "articles"], rows)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet | gdelt | plover")] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", help="Output file (jsonl, gdelt, plover; - for stdout) or folder (csv, parquet).")] = "-",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every record (article, event, quote, actor, story).

    jsonl is the stable contract of DESIGN.md; csv and parquet write one file per record kind into a folder;
    gdelt writes a tab-separated event table with GDELT's column names; plover writes PLOVER-style JSON events.

    Examples:
      detente export --format jsonl --out records.jsonl
      detente export --format jsonl --out - | head
      detente export --format parquet --out warehouse/
      detente export --format gdelt --out events.tsv
    """
    from detente.export import tables, write_jsonl

    formats = ("jsonl", "csv", "parquet", "gdelt", "plover")
    if format not in formats:
        err.print(f"[red]error:[/red] unknown format {format!r}; available: {', '.join(formats)}")
        raise typer.Exit(2)
    if out == "-" and format in ("csv", "parquet"):
        err.print(f"[red]error:[/red] --format {format} writes a folder: give --out FOLDER")
        raise typer.Exit(2)
    with _open(db) as store:
        if format in ("csv", "parquet"):
            writer = tables.write_csv if format == "csv" else tables.write_parquet
            for path in writer(store, Path(out)):
                console.print(f"wrote {path}")
            return
        write = {"jsonl": write_jsonl, "gdelt": tables.write_gdelt, "plover": tables.write_plover}[format]
        if out == "-":
            write(store, sys.stdout)
            return
        with open(out, "w", encoding="utf-8", newline="") as fh:
            count = write(store, fh)
        console.print(f"{count} records written to {out}")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file in the schema of ../shared/gold/seeds.json.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")] = False,
) -> None:
    """Score the database against a gold file: precision, recall, F1 per field, and every miss.

    Examples:
      detente ingest ../shared/corpus/seeds && detente eval ../shared/gold/seeds.json
      detente eval examples/gold.json --db examples.db --json
    """
    from detente.eval import evaluate as score
    from detente.eval import load_gold, read_raw, render_table
    from detente.export import iter_records

    try:
        gold_data = load_gold(gold)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    with _open(db) as store:
        records = list(iter_records(store))
    result = score(gold_data, records, read_raw=read_raw)
    if as_json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_table(result, console)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
