"""The GDELT 2.0 event table: tab-separated, no header, GDELT's 61 columns in GDELT's order.

One row per real-world event that happened (an event cluster: every article reporting it counts in
NumMentions/NumSources/NumArticles), read with ``pandas.read_csv(f, sep="\\t", header=None, names=COLUMNS)``
as GDELT's own files are. GDELT has no status column, so planned, hypothetical, refused and denied events stay
out (they are in the JSONL and PLOVER exports), and so do undated ones (GDELT needs a date). GDELT has no
precision column either: a date known only to its month or year is written with zeros for what is unknown
(SQLDATE 20231200 or 19790000), FractionDate is the middle of the period, and MonthYear/Year carry what is known.
The README's "GDELT export" section lists what each column holds and which stay empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TextIO
from urllib.parse import urlsplit

from detente.export.entities import Side, cameo_event_code, cameo_quad_class, side
from detente.export.rows import csv_cell
from detente.records import Article, Event
from detente.store import Store, queries

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS), *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}


def event_id(event: Event) -> int:
    """GLOBALEVENTID: the first 15 hex digits of the event's cluster id (its own id when it stands alone), as an
    integer; ``format(n, "x")`` gives them back to join with the JSONL export."""
    key = (event.cluster_id or event.id).rsplit(":", 1)[-1]
    return int(key[:15], 16)


def sql_date(event: Event) -> str:
    """YYYYMMDD with zeros for what is not known: 20231212 (a day), 20231200 (a month), 19790000 (a year)."""
    start, end = event.date_start or "", event.date_end or event.date_start or ""
    if start == end or event.date_precision == "day":
        return start.replace("-", "")
    if start[:7] == end[:7]:
        return start[:7].replace("-", "") + "00"
    return start[:4] + "0000"


def fraction_date(event: Event) -> str:
    """YYYY.FFFF, FFFF the share of the year gone by the event's middle day (GDELT's day-of-year / 365)."""
    start = date.fromisoformat(event.date_start)  # type: ignore[arg-type]
    end = date.fromisoformat(event.date_end or event.date_start)  # type: ignore[arg-type]
    middle = date.fromordinal((start.toordinal() + end.toordinal()) // 2)
    return f"{middle.year + middle.timetuple().tm_yday / 365:.4f}"


def _actor_cells(s: Side) -> list[object]:
    return [s.cameo_code or "", s.name or "", s.country or "", "", "", "", "", s.cameo_type or "", "", ""]


def _source_key(article: Article) -> str:
    """A news source: the outlet, else the web host, else the article itself."""
    return article.outlet or urlsplit(article.url or "").netloc or f"article:{article.id}"


def rows(store: Store) -> Iterator[list[object]]:
    """GDELT rows, one per event cluster that happened, in date order."""
    articles = queries.article_meta(store)
    actors = {a.id: a for a in store.actors()}
    added = queries.added_at(store)
    clusters: dict[str, list[Event]] = {}
    for e in store.events():
        if e.status == "happened" and e.date_start:
            clusters.setdefault(e.cluster_id or e.id, []).append(e)

    def first_report(e: Event) -> tuple:
        a = articles[e.article_id]
        return (queries.is_copy(a), PRECISION_RANK.get(e.date_precision or "", 4), a.pub_date or a.pub_date_range[0] or "9999",
                e.article_id, e.char_start)

    chosen = [(min(members, key=first_report), members) for members in clusters.values()]
    for e, members in sorted(chosen, key=lambda c: (c[0].date_start, event_id(c[0]))):
        a = articles[e.article_id]
        day = sql_date(e)
        code = cameo_event_code(e.cameo) or ""
        location = e.location or next((m.location for m in members if m.location), None)
        stamp = (added.get(e.article_id) or "").replace("-", "").replace(":", "").replace(" ", "")
        yield [
            event_id(e), day, day[:6], day[:4], fraction_date(e),
            *_actor_cells(side(e.source, e.source_actor, actors)), *_actor_cells(side(e.target, e.target_actor, actors)),
            int(any(m.sentence_index == 0 for m in members)), code, code[:3], code[:2], cameo_quad_class(code) or "",
            "" if e.goldstein is None else e.goldstein,
            len(members), len({_source_key(articles[m.article_id]) for m in members}), len({m.article_id for m in members}), "",
            *[""] * len(GEO_FIELDS), *[""] * len(GEO_FIELDS),
            "", location or "", *[""] * (len(GEO_FIELDS) - 2),
            stamp, a.url or a.source,
        ]


def write_gdelt(store: Store, out: TextIO) -> int:
    """Write the table; returns the number of rows."""
    count = 0
    for row in rows(store):
        out.write("\t".join(_cell(v) for v in row) + "\n")
        count += 1
    return count


def _cell(value: object) -> str:
    """GDELT's files hold no quoting: tabs and line breaks inside a value become spaces, and a double quote a
    single one (a reader would take a cell opening with one for a quoted cell); text a spreadsheet would run
    as a formula is defused as in CSV."""
    if not isinstance(value, str):
        return str(value)
    return str(csv_cell(" ".join(value.replace("\t", " ").replace('"', "'").splitlines())))


def skipped(store: Store) -> dict[str, int]:
    """Events the table leaves out, by reason."""
    found = store.events()
    return {"not happened": sum(1 for e in found if e.status != "happened"),
            "undated": sum(1 for e in found if e.status == "happened" and not e.date_start)}
