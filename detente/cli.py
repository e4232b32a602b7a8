"""The ``detente`` command line: display code over :mod:`detente.corpus`, the query layer and the exports.

Every filter is parsed by :mod:`detente.store.queries` (a bad value is a usage error, exit 2, that says what is
allowed); this module only turns records into tables on a terminal, or CSV, JSON and JSONL for data work.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from typer.core import TyperCommand

from detente.errors import explain, one_line
from detente.ingest import DEFAULT_MAX_BYTES
from detente.records import Article, Event
from detente.store import queries
from detente.store.queries import Filters, QueryError
from detente.version import __version__

if TYPE_CHECKING:
    from detente.store import Store

class _Command(TyperCommand):
    """Every command runs inside one error wrapper: a failure the user can act on (a bad file, a full disk, a
    database written by a newer version) is one line on stderr naming the file or value and the reason, exit 1;
    Ctrl-C says so, exit 130; nothing prints a traceback unless DETENTE_DEBUG is set."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            after = {"ingest": "; whole batches already stored are kept: run the same command again to finish",
                     "run": "; whole batches already stored are kept: run the same command again to finish"}
            err.print(f"interrupted{after.get(ctx.info_name or '', '')}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get("DETENTE_DEBUG"):
                raise
            reason = explain(exc, ctx.params.get("db"), ctx.params.get("out"))
            if reason is None:
                reason = f"unexpected {exc.__class__.__name__}: {exc} (DETENTE_DEBUG=1 shows where)"
            err.print(f"error: {one_line(reason)}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


class _App(typer.Typer):
    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _App(
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


# -- list commands: one query through detente.store.queries, shown as a table or written as data ---------------

Format = Literal["table", "csv", "json", "jsonl"]
FormatOption = Annotated[Format, typer.Option("--format", "-f", case_sensitive=False,
                                              help="table for reading; csv, json or jsonl for data work (every field, full text).")]
LimitOption = Annotated[int, typer.Option(min=0, help="Rows to show (0: all).")]
StatusChoice = Literal[queries.STATUSES]  # type: ignore[valid-type]
TypeChoice = Literal[queries.event_types()]  # type: ignore[valid-type]
KindChoice = Literal[queries.KINDS]  # type: ignore[valid-type]
PeriodChoice = Literal[queries.PERIODS]  # type: ignore[valid-type]
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _checked(parse):
    """A Typer callback: the value parsed by ``parse``, or a usage error (exit 2) that says what is allowed."""
    def check(value):
        if value is None:
            return None
        try:
            if isinstance(value, list):
                return [parse(v) for v in value]
            parse(value)
            return value
        except QueryError as exc:
            raise typer.BadParameter(str(exc)) from None
    return check


DyadOption = Annotated[str | None, typer.Option(
    callback=_checked(queries.parse_dyad),
    help="Two states, either way round: CHN-VNM, CHN/VNM, CHN,VNM or names (China-Vietnam).")]
SinceOption = Annotated[str | None, typer.Option(callback=_checked(queries.parse_date), help="On or after: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(callback=_checked(queries.parse_date), help="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")]
CountryOption = Annotated[str | None, typer.Option(callback=_checked(queries.parse_country), help="A state: ISO3 code (USA) or name.")]
OriginalsOption = Annotated[bool, typer.Option("--originals-only", help="Leave out articles that are copies or rewrites of another.")]


def _version(value: bool) -> None:
    if value:
        print(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Détente: a sourced, deduplicated, dated record of relations between states, from news articles."""


@contextmanager
def _open(db: Path) -> Iterator[Store]:
    """The store, read-only and as one snapshot: a listing or export run beside an ingest shows one state of it."""
    from detente.errors import MissingStore
    from detente.store import Store

    try:
        store = Store(db, readonly=True)
    except MissingStore as exc:
        err.print(f"error: {one_line(str(exc))}", markup=False, highlight=False, soft_wrap=True)
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
        task = progress.add_task("ingesting", total=_count_inputs(paths))

        def notify(event: str, source: str) -> None:
            if event in ("error", "note") and err.is_terminal:  # on a terminal, as they happen; else listed at the end
                mark = "[red]✗[/red]" if event == "error" else "[dim]skipped:[/dim]"
                progress.console.print(f"{mark} {escape(source)}", soft_wrap=True, highlight=False)
            progress.update(task, advance=1 if event in ("stored", "skip", "error") else 0,
                            description=f"ingesting {escape(Path(source).name[:40])}")

        report = ingest(store, paths, batch_size=batch_size, max_bytes=max_bytes, progress=notify,
                        engine=engine, ray_address=address)
        before = store.count("articles")
    if not err.is_terminal:
        for note in report.notes:
            err.print(f"skipped: {note}", soft_wrap=True, highlight=False, markup=False)
        for error in report.errors:
            err.print(f"error: {error}", soft_wrap=True, highlight=False, markup=False)
    finished = " (finished the stories and dates an interrupted run left)" if report.finished and not report.added else ""
    console.print(
        f"{report.added} added, {report.skipped} already stored, {report.duplicates} duplicates, "
        f"{report.derivatives} derivatives, {len(report.errors)} failed — {before} articles in {db}{finished}",
        soft_wrap=True, markup=False, highlight=False,
    )
    if report.engine_note:
        err.print(report.engine_note, soft_wrap=True, highlight=False, markup=False)
    if report.not_articles:
        names = [Path(p).name for p in report.not_articles]
        shown = ", ".join(names[:10]) + (f", … ({len(names) - 10} more)" if len(names) > 10 else "")
        console.print(f"{len(names)} files skipped as not articles: {escape(shown)}", highlight=False)
    return 1 if report.errors else 0


def _count_inputs(paths: list[str]) -> int | None:
    """How many documents the paths hold (files in folders, lines of JSONL and URL lists), for the progress bar;
    None when one of them cannot be known beforehand (URLs on stdin)."""
    from detente.ingest.readers import JSONL_SUFFIXES, URL_SUFFIXES, iter_files

    def in_file(path: Path) -> int:
        if path.suffix.lower() not in JSONL_SUFFIXES | URL_SUFFIXES:
            return 1
        try:
            with path.open("rb") as fh:
                return sum(1 for line in fh if line.strip() and not line.lstrip().startswith(b"#")) or 1
        except OSError:
            return 1

    total = 0
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        if given.startswith(("http://", "https://")) or not path.exists():
            total += 1
        elif path.is_dir():
            total += sum(1 if not isinstance(item, Path) else in_file(item) for item in iter_files(path))
        else:
            total += in_file(path)
    return total


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl/.json, .html, .urls lists, URLs, or - for URLs on stdin.")],
    db: DbOption = DEFAULT_DB,
    max_bytes: Annotated[int, typer.Option(help="Skip (and report) inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per parse batch and per database transaction.")] = 32,
    engine: Annotated[str, typer.Option(help="local (this process) or ray (Ray Data: a local cluster, or --address). "
                                             "Ray starts only from 200 new articles (DETENTE_RAY_MIN_ARTICLES): below "
                                             "that its start-up costs more than it saves.")] = "local",
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
    from detente.atomic import check_target

    check_target(out)  # a report that cannot be written is refused before the ingest, not after it
    code = _ingest(paths, db, max_bytes, 32)
    _write_report(db, out)
    raise typer.Exit(code)


def _write_report(db: Path, out: Path, pairs: list[tuple[str, str]] | None = None) -> None:
    from detente.atomic import replaced
    from detente.report import write_report

    with _open(db) as store, replaced(out) as partial:  # whole, or the old report left as it was
        write_report(store, partial, pairs=pairs)
    console.print(f"report written to [bold]{escape(str(out.resolve()))}[/bold] — open it in a browser", soft_wrap=True)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", help="Output HTML file (self-contained, works offline).")] = Path("report.html"),
    dyad: Annotated[list[str] | None, typer.Option(
        callback=_checked(queries.parse_dyad),
        help="A pair of states to chart (CHN-VNM, China/Vietnam); repeat for several. Default: the busiest pairs.")] = None,
) -> None:
    """Write a self-contained HTML report: overview, dyad trends, timelines, who said what, stories, articles.

    The file works offline (Plotly is inlined) and highlights each event and quote on its sentence; a picker
    shows one pair's chart at a time.

    Examples:
      detente report --out report.html
      detente report --dyad CHN-VNM --dyad USA-VNM --out vietnam.html
    """
    pairs = list(dict.fromkeys(queries.parse_dyad(d) for d in dyad)) if dyad else None
    _write_report(db, out, pairs)  # type: ignore[arg-type]


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

    from detente.errors import SettingError
    from detente.web import create_app

    if not 0 < port < 65536:
        raise SettingError(f"--port {port}: not a TCP port (1 to 65535)")
    with _open(db):  # a clear error now if the database is missing, not SQLite, or of a newer schema
        pass
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] serving on {host}: anyone who can reach this address can read the database")
    console.print(f"Détente on [bold]http://{host}:{port}/[/bold] over {escape(str(db))} — Ctrl+C to stop")
    uvicorn.run(create_app(db, hosts=[host]), host=host, port=port, log_level="warning")


def _filters(**given) -> Filters:
    try:
        return Filters.parse(**given)
    except QueryError as exc:  # the callbacks have checked each value: this is a safety net
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None


def _printable(value: object) -> str:
    """A cell as terminal text: control characters and bidi overrides (which could move the cursor, recolour
    the terminal or reorder what is shown) become spaces, line breaks too (a piped row stays one line)."""
    return _UNPRINTABLE.sub(" ", "" if value is None else str(value))


def _show(title: str, columns: list[str], rows: list[list[object]], shown: int, total: int, noun: str) -> None:
    """A table with every cell in full: folded in its column on a terminal, one line per row when piped."""
    cells = [[_printable(v) for v in row] for row in rows]
    if console.is_terminal:
        table = Table(title=Text(title), show_lines=False, expand=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in cells:
            table.add_row(*[Text(v) for v in row])
        console.print(table)
    else:
        widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
        for row in [columns, *cells]:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    console.print(_showing(shown, total, noun), soft_wrap=True, highlight=False, markup=False)


def _showing(shown: int, total: int, noun: str) -> str:
    note = f"showing {shown} of {total} {noun}"
    return note + (" (--limit 0 for all)" if shown < total else "")


def _emit(fmt: str, rows: list[dict], shown: int, total: int, noun: str) -> None:
    """Rows as data on stdout (every field in full); the count on stderr, so the data stays clean."""
    from detente.export.rows import write_rows

    if fmt == "csv" and sys.stdout.isatty():
        rows = [{k: _printable(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    write_rows(rows, fmt, sys.stdout)
    err.print(_showing(shown, total, noun), soft_wrap=True, highlight=False, markup=False)


def _when(e: Event) -> str:
    """An event's date as precisely as it is known: 1979, 2023-12, 2023-12-12, or a range."""
    if not e.date_start:
        return "undated"
    if e.date_precision == "year" and e.date_start[:4] == (e.date_end or e.date_start)[:4]:
        return e.date_start[:4]
    if e.date_precision == "month" and e.date_start[:7] == (e.date_end or e.date_start)[:7]:
        return e.date_start[:7]
    if e.date_end and e.date_end != e.date_start:
        return f"{e.date_start}…{e.date_end}"
    return e.date_start


def _published(a: Article) -> str:
    return a.pub_date or "…".join(filter(None, a.pub_date_range)) or "undated"


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words the title or body holds (each searched as written).")] = None,
    dyad: DyadOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    originals_only: OriginalsOption = False,
    limit: LimitOption = 50,
    format: FormatOption = "table",
) -> None:
    """List stored articles by publication date, with outlet, counts of facts, and copy links.

    Examples:
      detente articles
      detente articles --search "border war" --since 2023
      detente articles -s U.S. --dyad USA-VNM --format csv > articles.csv
    """
    f = _filters(search=search, dyad=dyad, since=since, until=until, originals_only=originals_only, limit=limit or None)
    with _open(db) as store:
        page = queries.articles(store, f)
        originals = queries.names(store, {r.article.duplicate_of or r.article.derivative_of for r in page} - {None})
    if format != "table":
        _emit(format, [{**asdict(r.article), "events": r.events, "quotes": r.quotes} for r in page], len(page), page.total, "articles")
        return
    rows = [[r.article.id, _published(r.article), r.article.doc_name, r.article.title, r.article.outlet, r.events, r.quotes,
             originals.get(r.article.duplicate_of or r.article.derivative_of or "", "")] for r in page]
    _show("articles", ["id", "published", "doc", "title", "outlet", "events", "quotes", "copy of"], rows, len(page), page.total, "articles")


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    type: Annotated[TypeChoice | None, typer.Option("--type", case_sensitive=False, help="PLOVER type.")] = None,
    status: Annotated[StatusChoice | None, typer.Option(case_sensitive=False, help="Status.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    originals_only: OriginalsOption = False,
    limit: LimitOption = 100,
    format: FormatOption = "table",
) -> None:
    """List events by date: who did what to whom, when, with status, article and the sentence behind it.

    Examples:
      detente events --dyad CHN-VNM
      detente events --dyad China/Vietnam --type ASSAULT --status happened
      detente events --since 2023-06 --format jsonl > events.jsonl
    """
    f = _filters(dyad=dyad, type=type, status=status, since=since, until=until, originals_only=originals_only,
                 limit=limit or None)
    with _open(db) as store:
        page = queries.events(store, f)
    if format != "table":
        _emit(format, [{**asdict(r.event), "doc_name": r.doc_name} for r in page], len(page), page.total, "events")
        return
    rows = [[_when(r.event), r.event.source, r.event.type, r.event.mode, r.event.target, r.event.status, r.doc_name,
             r.event.text] for r in page]
    _show("events", ["date", "source", "type", "mode", "target", "status", "article", "sentence"], rows, len(page), page.total, "events")


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Speaker (as written, or the resolved actor's name) contains this.")] = None,
    country: CountryOption = None,
    about: Annotated[str | None, typer.Option("--about", "--dyad", callback=_checked(queries.parse_dyad),
                                              help="Only articles with events between this pair, e.g. CHN-VNM.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words the quote or speaker holds (searched as written).")] = None,
    limit: LimitOption = 100,
    format: FormatOption = "table",
) -> None:
    """Who said what, by date: direct, indirect and mixed quotes with their speakers and articles.

    Examples:
      detente quotes --speaker Poling
      detente quotes --country USA --about CHN-VNM --since 2023-01-01
      detente quotes --search "community" --format csv > quotes.csv
    """
    f = _filters(speaker=speaker, country=country, dyad=about, since=since, until=until, search=search, limit=limit or None)
    with _open(db) as store:
        page = queries.quotes(store, f)
    if format != "table":
        _emit(format, [{**asdict(r.quote), "date": r.date, "doc_name": r.doc_name, "speaker_name": r.speaker_name}
                       for r in page], len(page), page.total, "quotes")
        return
    rows = [[r.date or "undated", r.doc_name, r.quote.speaker or r.speaker_name, r.quote.speaker_country, r.quote.quote_type,
             r.quote.channel, r.quote.text] for r in page]
    _show("quotes", ["date", "article", "speaker", "country", "kind", "channel", "text"], rows, len(page), page.total, "quotes")


@app.command()
def actors(
    name: Annotated[str | None, typer.Argument(help="Show one actor: its id, or its name or any part of it, in any case.")] = None,
    db: DbOption = DEFAULT_DB,
    kind: Annotated[KindChoice | None, typer.Option(case_sensitive=False, help="Kind of actor.")] = None,
    country: CountryOption = None,
    limit: LimitOption = 100,
    format: FormatOption = "table",
) -> None:
    """List actors (states, people, organisations) with roles and countries, or show one with its mentions.

    Examples:
      detente actors --kind person
      detente actors "xi jinping"
      detente actors Xi
    """
    if name:
        _show_actor(db, name, kind, format)
        return
    f = _filters(kind=kind, country=country, limit=limit or None)
    with _open(db) as store:
        page = queries.actors(store, f)
    _actor_list(page.items, page.total, format)


def _actor_list(found: list, total: int, fmt: str) -> None:
    if fmt != "table":
        _emit(fmt, [{**asdict(r.actor), "mentions": r.mentions} for r in found], len(found), total, "actors")
        return
    rows = [[r.actor.id, r.actor.kind, r.actor.name, r.actor.country, r.actor.role, r.mentions] for r in found]
    _show("actors", ["id", "kind", "name", "country", "role", "mentions"], rows, len(found), total, "actors")


def _show_actor(db: Path, name: str, kind: str | None, fmt: str) -> None:
    with _open(db) as store:
        found = [a for a in queries.find_actors(store, name) if kind is None or a.kind == kind]
        if len(found) != 1:
            counts = {r.actor.id: r.mentions for r in queries.actors(store, Filters(kind=kind))}
        else:
            mentioned = queries.mentions(store, found[0].id)
    if not found:
        err.print(f"no actor matches {name!r} (try part of the name, or `detente actors` to list them)", markup=False)
        raise typer.Exit(1)
    if len(found) > 1:
        err.print(f"{len(found)} actors match {name!r}; give one's id or full name to see its mentions", markup=False)
        _actor_list([queries.ActorRow(a, counts.get(a.id, 0)) for a in found], len(found), fmt)
        return
    who = found[0]
    if fmt != "table":
        _emit(fmt, [{"actor_id": who.id, **asdict(m)} for m in mentioned], len(mentioned), len(mentioned), "mentions")
        return
    console.print(_printable(f"{who.name} ({who.kind}, {who.country or 'no country'}) — {who.role or 'no role'}"),
                  markup=False, highlight=False, soft_wrap=True)
    rows = [[m.date or "undated", m.doc_name, m.sentence_index, m.char_start, m.text] for m in mentioned]
    _show("mentions", ["date", "article", "sentence", "offset", "text"], rows, len(rows), len(rows), "mentions")


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="One state: ISO3 code (CHN) or name (China).")],
    b: Annotated[str, typer.Argument(help="The other, e.g. VNM or Vietnam.")],
    db: DbOption = DEFAULT_DB,
    by: Annotated[PeriodChoice, typer.Option(case_sensitive=False, help="Period of the series.")] = "year",
    top: Annotated[int, typer.Option(min=0, help="Events shown behind each period.")] = 3,
    format: FormatOption = "table",
) -> None:
    """The cooperation–conflict index of a pair of states over time, with the events behind each figure.

    Each real-world event counts once however many articles report it; copies and rewrites are excluded;
    planned, hypothetical, refused and denied events are shown apart, never counted as done. An event known
    only to its year is counted in that year (a row of its own), never in its January.

    Examples:
      detente dyad CHN VNM
      detente dyad USA Russia --by quarter
    """
    from detente.analysis import dyad_index

    try:
        pair = queries.parse_dyad((a, b))
    except QueryError as exc:
        raise typer.BadParameter(str(exc), param_hint="A B") from None
    with _open(db) as store:
        found = queries.pair_events(store, *pair)
        periods = dyad_index(found, *pair, by, queries.copy_ids(store))
        doc_names = queries.names(store, {e.article_id for e in found})
    if not periods:
        console.print(f"no dated events between {pair[0]} and {pair[1]}", markup=False, soft_wrap=True)
        return
    by_id = {e.id: e for e in found}
    if format != "table":
        _emit(format, [{"period": p.period, "level": p.level, "events": p.events, "goldstein": p.goldstein, "mean": p.mean,
                        **p.quads, "not_happened": p.not_happened, "event_ids": p.event_ids} for p in periods],
              len(periods), len(periods), "periods")
        return
    rows = []
    for p in periods:
        behind = "; ".join(f"{_when(by_id[i])} {by_id[i].source} {by_id[i].type} {by_id[i].target} [{doc_names[by_id[i].article_id]}]"
                           for i in p.event_ids[:top])
        aside = ", ".join(f"{n} {status}" for status, n in sorted(p.not_happened.items()))
        label = p.period if p.level == by else f"{p.period} (whole {p.level})"
        rows.append([label, p.events, f"{p.goldstein:+.1f}", f"{p.mean:+.2f}", " ".join(str(v) for v in p.quads.values()),
                     aside, behind])
    _show(f"{pair[0]}–{pair[1]} by {by}", ["period", "events", "Goldstein", "mean", "VC MC VK MK", "not done", "behind it"],
          rows, len(rows), len(rows), "periods")


@app.command()
def stories(
    db: DbOption = DEFAULT_DB,
    dyad: DyadOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    format: FormatOption = "table",
) -> None:
    """Stories by date: articles grouped by the real-world development they report.

    Examples:
      detente stories
      detente stories --dyad CHN-VNM --format json
    """
    f = _filters(dyad=dyad, since=since, until=until, limit=limit or None)
    with _open(db) as store:
        page = queries.stories(store, f)
    if format != "table":
        _emit(format, [asdict(s) for s in page], len(page), page.total, "stories")
        return
    rows = [[s.id, " – ".join(filter(None, s.date_range)), s.label, ", ".join(s.dyads), len(s.article_ids)] for s in page]
    _show("stories", ["id", "dates", "label", "dyads", "articles"], rows, len(page), page.total, "stories")


ExportFormat = Literal["jsonl", "csv", "parquet", "gdelt", "plover"]


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", help="Output file (jsonl, gdelt, plover; - for stdout) or folder (csv, parquet).")] = "-",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every record (article, event, quote, actor, story).

    jsonl is the stable contract of docs/design.md; csv and parquet write one file per record kind into a folder;
    gdelt writes GDELT 2.0's event table (61 tab-separated columns, no header; events that happened, one row
    per real-world event); plover writes PLOVER event records (JSONL, the PLOVER manual's field names).

    Examples:
      detente export --format jsonl --out records.jsonl
      detente export --format jsonl --out - | head
      detente export --format parquet --out warehouse/
      detente export --format gdelt --out events.tsv
      detente export --format plover --out events.plover.jsonl
    """
    from detente.atomic import open_replaced
    from detente.export import gdelt, plover, tables, write_jsonl

    if out == "-" and format in ("csv", "parquet"):
        err.print(f"[red]error:[/red] --format {format} writes a folder: give --out FOLDER")
        raise typer.Exit(2)
    with _open(db) as store:
        if format in ("csv", "parquet"):
            writer = tables.write_csv if format == "csv" else tables.write_parquet
            for path in writer(store, Path(out)):
                console.print(f"wrote {path}", markup=False, highlight=False, soft_wrap=True)
            return
        write = {"jsonl": write_jsonl, "gdelt": gdelt.write_gdelt, "plover": plover.write_plover}[format]
        left_out = {"gdelt": gdelt.skipped, "plover": plover.skipped}.get(format, lambda _: {})(store)
        if out == "-":
            count = write(store, sys.stdout)
        else:
            with open_replaced(out, "w", encoding="utf-8", newline="") as fh:  # whole, or the old file left as it was
                count = write(store, fh)
    noun = "rows" if format == "gdelt" else "records"
    aside = ", ".join(f"{n} {why}" for why, n in left_out.items() if n)
    note = f"{count} {noun} written to {'stdout' if out == '-' else out}" + (f" (left out, as the format requires: {aside} events)" if aside else "")
    (err if out == "-" else console).print(note, markup=False, highlight=False, soft_wrap=True)


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
