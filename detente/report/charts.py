"""Plotly figures for a dyad's cooperation–conflict series, as JSON-ready dicts.

Figures are data, not HTML: the report and the web app each draw them with
their own (CSP-friendly) script, so no article text ever reaches a script block.

The chart does not mislead about time: a period with no events is a gap in the
Goldstein line, not a line drawn across it; an event known only to its year is
a hatched bar over the whole year (and a flat dashed line), never a January
bar; the two y-axes share their zero; and bars keep a visible width however
long the span.
"""

from __future__ import annotations

import json
from datetime import timedelta

from detente.analysis.dyad import DyadPeriod, period_bounds, periods_between

QUAD_STYLE = {  # quad → (label, colour, sign: cooperation up, conflict down)
    "verbal-cooperation": ("verbal cooperation", "#7fb8e6", 1),
    "material-cooperation": ("material cooperation", "#1f6fb5", 1),
    "verbal-conflict": ("verbal conflict", "#f0a36b", -1),
    "material-conflict": ("material conflict", "#c2410c", -1),
}
DAY_MS = 86_400_000
MIN_BAR_SHARE = 1 / 150  # a bar is never narrower than this share of the time axis
BAR_FILL = 0.8  # a bar covers this share of its period
LEVEL_NOTE = {"year": "known only to the year", "quarter": "known only to the quarter", "years": "known only to those years"}


def period_start(period: str) -> str:
    """ISO date at which a period label (2023, 2023-Q4, 2023-12) begins, for a date axis."""
    return period_bounds(period)[0].isoformat()


def _middle(period: str) -> str:
    start, end = period_bounds(period)
    return (start + timedelta(days=(end - start).days / 2)).isoformat()


def _label(p: DyadPeriod, by: str) -> str:
    note = LEVEL_NOTE.get(p.level) if p.level != by else None
    return f"{p.period} ({note})" if note else p.period


def aligned_ranges(extents: list[tuple[float, float]], pad: float = 1.08) -> list[list[float]]:
    """Ranges for overlaid y-axes whose zeros sit at the same height: each axis keeps its own scale, and all
    share the largest share of height any one needs above zero and below it."""
    spans = [(min(lo, 0.0), max(hi, 0.0)) for lo, hi in extents]
    up = max((hi / (hi - lo) for lo, hi in spans if hi > lo), default=0.5)
    down = max((-lo / (hi - lo) for lo, hi in spans if hi > lo), default=0.5)
    ranges = []
    for lo, hi in spans:
        scale = max(hi / up if up else 0.0, -lo / down if down else 0.0) or 1.0
        ranges.append([-down * scale * pad, up * scale * pad])
    return ranges


def dyad_figure(periods: list[DyadPeriod], title: str, by: str) -> dict:
    """Bars: events per quad class (conflict drawn below zero); line: summed Goldstein score per period (right axis).

    Written as plain Plotly JSON: building it through plotly.graph_objects costs ~50 ms of validation per chart,
    too slow for a web page or a report with many dyads.
    """
    first = min(period_bounds(p.period)[0] for p in periods)
    last = max(period_bounds(p.period)[1] for p in periods)
    span_days = (last - first).days + 1
    min_days = span_days * MIN_BAR_SHARE
    drawn = sorted(periods, key=lambda p: p.level != by)  # coarse periods last: the legend shows a plain bar
    coarse = [p.level != by for p in drawn]
    x = [_middle(p.period) for p in drawn]
    labels = [_label(p, by) for p in drawn]
    widths = [max((period_bounds(p.period)[1] - period_bounds(p.period)[0]).days + 1, 1) * BAR_FILL for p in drawn]
    widths = [max(w, min_days) * DAY_MS for w in widths]
    data: list[dict] = [
        {"type": "bar", "name": label, "x": x, "y": [sign * p.quads.get(quad, 0) for p in drawn], "width": widths,
         "marker": {"color": colour, "opacity": [0.45 if c else 1.0 for c in coarse],
                    "pattern": {"shape": ["/" if c else "" for c in coarse]}},
         "customdata": labels, "hovertemplate": "%{customdata}: %{y} events<extra>" + label + "</extra>"}
        for quad, (label, colour, sign) in QUAD_STYLE.items()
    ]
    data.append(_goldstein_line(periods, by))
    spread = _coarse_goldstein(periods, by)
    if spread:
        data.append(spread)
    ups = [sum(p.quads.get(q, 0) for q, (_, _, s) in QUAD_STYLE.items() if s > 0) for p in periods]
    downs = [-sum(p.quads.get(q, 0) for q, (_, _, s) in QUAD_STYLE.items() if s < 0) for p in periods]
    scores = [p.goldstein for p in periods if p.events]
    bars_range, line_range = aligned_ranges([(min(downs, default=0), max(ups, default=0)),
                                             (min(scores, default=0), max(scores, default=0))])
    grid = {"gridcolor": "#eceef2", "zerolinecolor": "#9ca3af"}
    pad = timedelta(days=max(span_days * 0.02, 1))
    layout = {
        "title": {"text": title}, "barmode": "relative", "height": 360, "plot_bgcolor": "white", "paper_bgcolor": "white",
        "margin": {"l": 50, "r": 60, "t": 50, "b": 40}, "legend": {"orientation": "h", "y": -0.18},
        "xaxis": {"type": "date", "title": {"text": by}, "range": [(first - pad).isoformat(), (last + pad).isoformat()], **grid},
        "yaxis": {"title": {"text": "events (conflict below 0)"}, "range": bars_range, **grid},
        "yaxis2": {"title": {"text": "sum of Goldstein"}, "overlaying": "y", "side": "right", "showgrid": False,
                   "range": line_range, "zerolinecolor": "#111827"},
    }
    return {"data": data, "layout": layout}


def _goldstein_line(periods: list[DyadPeriod], by: str) -> dict:
    """The summed score on every ``by`` period from the first to the last that has one; None (a gap) where
    nothing happened."""
    fine = {p.period: p for p in periods if p.level == by}
    grid = periods_between(period_bounds(min(fine))[0].isoformat(), period_bounds(max(fine))[0].isoformat(), by) if fine else []
    y: list[float | None] = []
    custom: list[list[str]] = []
    for period in grid:
        p = fine.get(period)
        y.append(round(p.goldstein, 2) if p and p.events else None)
        aside = ", ".join(f"{n} {s}" for s, n in sorted(p.not_happened.items())) if p else ""
        custom.append([period, aside or "none"])
    return {"type": "scatter", "mode": "lines+markers", "name": "Goldstein sum", "x": [_middle(g) for g in grid],
            "y": y, "yaxis": "y2", "connectgaps": False, "line": {"color": "#111827", "width": 2},
            "customdata": custom, "hovertemplate": "%{customdata[0]}: %{y:+.1f} (not done: %{customdata[1]})<extra></extra>"}


def _coarse_goldstein(periods: list[DyadPeriod], by: str) -> dict | None:
    """Events known only to a coarser period: their summed score as a flat dashed segment over that period."""
    x: list[str | None] = []
    y: list[float | None] = []
    custom: list[str | None] = []
    for p in periods:
        if p.level == by or not p.events:
            continue
        start, end = period_bounds(p.period)
        label = _label(p, by)
        x += [start.isoformat(), end.isoformat(), None]
        y += [round(p.goldstein, 2), round(p.goldstein, 2), None]
        custom += [label, label, None]
    if not x:
        return None
    return {"type": "scatter", "mode": "lines", "name": "Goldstein sum, coarse dates", "x": x, "y": y, "yaxis": "y2",
            "connectgaps": False, "line": {"color": "#111827", "width": 2, "dash": "dash"}, "customdata": custom,
            "hovertemplate": "%{customdata}: %{y:+.1f}<extra></extra>"}


def script_json(value: object) -> str:
    """JSON safe inside a <script type="application/json"> block: no '<', '>' or '&' can close or open a tag."""
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
