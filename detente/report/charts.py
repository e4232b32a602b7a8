"""Plotly figures for a dyad's cooperation–conflict series, as JSON-ready dicts.

Figures are data, not HTML: the report and the web app each draw them with
their own (CSP-friendly) script, so no article text ever reaches a script block.
"""

from __future__ import annotations

import json

from detente.analysis.dyad import DyadPeriod

QUAD_STYLE = {  # quad → (label, colour, sign: cooperation up, conflict down)
    "verbal-cooperation": ("verbal cooperation", "#7fb8e6", 1),
    "material-cooperation": ("material cooperation", "#1f6fb5", 1),
    "verbal-conflict": ("verbal conflict", "#f0a36b", -1),
    "material-conflict": ("material conflict", "#c2410c", -1),
}


def period_start(period: str) -> str:
    """ISO date at which a period label (2023, 2023-Q4, 2023-12) begins, for a date axis."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return f"{year}-{(int(quarter) - 1) * 3 + 1:02d}-01"
    if len(period) == 4:
        return f"{period}-01-01"
    return f"{period[:7]}-01"


BAR_DAYS = {"year": 300, "quarter": 75, "month": 25}  # bar width in days on the date axis


def dyad_figure(periods: list[DyadPeriod], title: str, by: str) -> dict:
    """Bars: events per quad class (conflict drawn below zero); line: summed Goldstein score per period (right axis).

    Written as plain Plotly JSON: building it through plotly.graph_objects costs ~50 ms of validation per chart,
    too slow for a web page or a report with many dyads.
    """
    x = [period_start(p.period) for p in periods]
    labels = [p.period for p in periods]
    width = BAR_DAYS.get(by, 25) * 86_400_000
    data: list[dict] = [
        {"type": "bar", "name": label, "x": x, "y": [sign * p.quads.get(quad, 0) for p in periods], "width": width,
         "marker": {"color": colour}, "customdata": labels, "hovertemplate": "%{customdata}: %{y} events<extra>" + label + "</extra>"}
        for quad, (label, colour, sign) in QUAD_STYLE.items()
    ]
    aside = [", ".join(f"{n} {s}" for s, n in sorted(p.not_happened.items())) or "none" for p in periods]
    data.append({"type": "scatter", "mode": "lines+markers", "name": "Goldstein sum", "x": x, "yaxis": "y2",
                 "y": [round(p.goldstein, 2) for p in periods], "line": {"color": "#111827", "width": 2},
                 "customdata": [[lab, a] for lab, a in zip(labels, aside, strict=True)],
                 "hovertemplate": "%{customdata[0]}: %{y:+.1f} (not done: %{customdata[1]})<extra></extra>"})
    grid = {"gridcolor": "#eceef2", "zerolinecolor": "#9ca3af"}
    layout = {
        "title": {"text": title}, "barmode": "relative", "height": 360, "plot_bgcolor": "white", "paper_bgcolor": "white",
        "margin": {"l": 50, "r": 60, "t": 50, "b": 40}, "legend": {"orientation": "h", "y": -0.18},
        "xaxis": {"type": "date", "title": {"text": by}, **grid},
        "yaxis": {"title": {"text": "events (conflict below 0)"}, **grid},
        "yaxis2": {"title": {"text": "sum of Goldstein"}, "overlaying": "y", "side": "right", "showgrid": False,
                   "zerolinecolor": "#111827"},
    }
    return {"data": data, "layout": layout}


def script_json(value: object) -> str:
    """JSON safe inside a <script type="application/json"> block: no '<', '>' or '&' can close or open a tag."""
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
