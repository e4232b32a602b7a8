"""Render the store as one self-contained HTML file (Plotly JS inlined, no CDN, works offline).

All article-derived text goes through Jinja2 autoescaping: articles are hostile input.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import jinja2
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from detente.store import Store

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("detente.report", "templates"),
    autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def dyad_series(store: Store) -> dict[str, dict[str, float]]:
    """dyad → {year: summed Goldstein} over happened events, each event cluster counted once; copies excluded."""
    series: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    rows = store.conn.execute(
        """SELECT e.source, e.target, e.goldstein, e.date_start, COALESCE(e.cluster_id, e.id) AS cluster
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE e.status = 'happened' AND a.duplicate_of IS NULL AND a.derivative_of IS NULL AND e.date_start IS NOT NULL"""
    ).fetchall()
    seen: set[str] = set()
    for r in rows:
        if r["cluster"] in seen:
            continue
        seen.add(r["cluster"])
        dyad = "-".join(sorted((r["source"], r["target"])))
        series[dyad][r["date_start"][:4]] += r["goldstein"] or 0.0
    return {k: dict(sorted(v.items())) for k, v in series.items()}


def _chart(series: dict[str, dict[str, float]]) -> str:
    if not series:
        return ""
    fig = go.Figure()
    for dyad, points in sorted(series.items(), key=lambda kv: -len(kv[1]))[:8]:
        fig.add_trace(go.Scatter(x=[int(year) for year in points], y=list(points.values()), mode="lines+markers", name=dyad))
    fig.update_xaxes(type="linear", tickformat="d")
    fig.update_layout(title="Cooperation (+) / conflict (−) by year, Goldstein-weighted", height=380,
                      margin={"l": 40, "r": 20, "t": 50, "b": 40}, xaxis_title="year", yaxis_title="sum of Goldstein")
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id="dyad-chart")


def write_report(store: Store, out: str | Path) -> Path:
    articles = store.articles()
    events = store.events()
    quotes = store.quotes()
    stories = store.stories()
    by_article = {a.id: a for a in articles}
    outlets = Counter(a.outlet or "unknown" for a in articles)
    copies = sum(1 for a in articles if a.duplicate_of or a.derivative_of)
    dates = sorted(d for a in articles if _narrow(a.pub_date_range) for d in a.pub_date_range)
    html = _ENV.get_template("report.html.j2").render(
        articles=articles,
        by_article=by_article,
        events=sorted(events, key=lambda e: (e.date_start or "9999", e.article_id)),
        quotes=quotes,
        stories=stories,
        outlets=outlets.most_common(),
        copies=copies,
        date_span=(dates[0], dates[-1]) if dates else None,
        chart=_chart(dyad_series(store)),
        plotly_js=get_plotlyjs(),
        events_by_article=_group(events),
        quotes_by_article=_group(quotes),
    )
    path = Path(out)
    path.write_text(html, encoding="utf-8")
    return path


def _narrow(span: list[str | None], days: int = 31) -> bool:
    """A publication range precise enough to report (open-ended or multi-year estimates are not)."""
    from datetime import date

    if not (span[0] and span[1]):
        return False
    return (date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days <= days


def _group(items: list) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        grouped[item.article_id].append(item)
    return grouped
