"""Render the store as one self-contained HTML file (Plotly JS inlined, no CDN, works offline).

All article-derived text goes through Jinja2 autoescaping: articles are hostile
input. The file's Content-Security-Policy allows only the two scripts we wrote
(by their SHA-256 hash), so even a markup slip in a stored article could not
run a script; chart data travel as JSON blocks that browsers never execute.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources
from pathlib import Path

import jinja2
from plotly.offline import get_plotlyjs

from detente.report.charts import script_json
from detente.report.views import (
    actor_timelines,
    article_view,
    dyad_panels,
    group_by_article,
    overview,
    sentences_of,
    story_map,
    type_counts,
    who_said_what,
)
from detente.store import Store

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("detente.report", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["script_json"] = script_json

# Draws every chart from its JSON block and opens the <details> around a linked fragment.
# The web app's own script, inlined: one source for chart drawing and fragment opening in both outputs.
INIT_JS = (resources.files("detente.web") / "static" / "app.js").read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def write_report(store: Store, out: str | Path, *, dyads: int = 12, pairs: list[tuple[str, str]] | None = None) -> Path:
    """Write the report for everything in ``store`` to ``out``; returns the path.

    Its dyad panels are ``pairs`` (state pairs, e.g. ``[("CHN", "VNM")]``) when given, else the ``dyads`` pairs with
    most distinct events; a picker on the page shows one panel at a time.
    """
    articles = store.articles()
    by_article = {a.id: a for a in articles}
    events = store.events()
    quotes = store.quotes()
    actors = {a.id: a for a in store.actors()}
    events_by_article = group_by_article(events)
    quotes_by_article = group_by_article(quotes)
    sentences = sentences_of(store)
    plotly_js = get_plotlyjs()
    html = _ENV.get_template("report.html.j2").render(
        overview=overview(store),
        by_article=by_article,
        panels=dyad_panels(events, by_article, dyads, pairs),
        event_by_id={e.id: e for e in events},
        types=type_counts(events),
        said=who_said_what(quotes, actors),
        story_map=story_map(store.stories(), by_article),
        views=(article_view(a, sentences.get(a.id, []), events_by_article.get(a.id, []), quotes_by_article.get(a.id, []))
               for a in articles),
        href=lambda article_id, sentence=None: f"#a-{article_id}" + ("" if sentence is None else f"-s{sentence}"),
        actor_href=lambda actor_id: None,
        actor_timelines=actor_timelines(events, by_article, actors),
        name=lambda article_id: by_article[article_id].doc_name if article_id in by_article else article_id,
        plotly_js=plotly_js,
        init_js=INIT_JS,
        csp=(f"default-src 'none'; script-src {_sha256(plotly_js)} {_sha256(INIT_JS)}; "
             "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"),
    )
    path = Path(out)
    path.write_text(html, encoding="utf-8")
    return path
