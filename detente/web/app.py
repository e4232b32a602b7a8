"""The local web app: the report's views, live over the store (FastAPI + server-rendered Jinja2).

Each request opens the store read-only and closes it (WAL: an ingest can write
meanwhile). Every response, errors included, carries a strict Content-Security-Policy;
templates autoescape everything; SQL takes visitor input only as bound parameters; files
are served only from the package's ``static`` folder. Requests naming another host in
their ``Host`` header are refused, so a page elsewhere cannot reach the app through
DNS rebinding (its domain pointed at 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import jinja2
import markupsafe
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from detente.analysis.timeline import timeline
from detente.errors import StoreError
from detente.report.charts import script_json
from detente.report.views import article_view, dyad_panel, overview, sentences_of, story_map, who_said_what
from detente.store import Store, queries
from detente.store.queries import Filters, QueryError
from detente.web.cache import ViewCache

STORY_MEMBERS = 30  # articles listed per story on the stories page
PAGE = 50  # rows per page
MAX_PAGE = 2000
STATIC = Path(__file__).resolve().parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
LOG = logging.getLogger("detente.web")


def host_allowed(header: str, named: frozenset[str]) -> bool:
    """Whether a ``Host`` header is one this app answers: an IP address (a browser that typed it is not being
    rebound), ``localhost`` and ``*.localhost`` (always loopback), or a name given to ``create_app``."""
    name = header.strip().lower()
    if name.startswith("["):  # [::1]:8000
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:
        name = name.rsplit(":", 1)[0]
    name = name.rstrip(".")
    if not name or name == "localhost" or name.endswith(".localhost") or name in named:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def _plotly_js() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


def _snippet(text: str | None) -> markupsafe.Markup:
    """Escape an FTS5 snippet, then turn its \\x02/\\x03 match markers into <mark> tags."""
    escaped = markupsafe.escape(text or "")
    return markupsafe.Markup(str(escaped).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PackageLoader("detente.web", "templates"),
                                    jinja2.PackageLoader("detente.report", "templates")]),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["script_json"] = script_json
    env.filters["snippet"] = _snippet
    return Jinja2Templates(env=env)


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request, reading one snapshot, closed after it (readers never block an ingest)."""
    try:
        opened = Store(request.app.state.db_path, readonly=True)
    except StoreError as exc:  # missing, not SQLite, a newer schema: the page says which
        raise HTTPException(503, str(exc)) from None
    try:
        with opened.snapshot():
            yield opened
    finally:
        opened.close()


StoreDep = Annotated[Store, Depends(open_store)]
PageNo = Annotated[int, Query(alias="page", ge=0)]


@dataclass
class Form:
    """What the visitor typed in a page's filter form, shown back as typed; :meth:`filters` reads it."""

    q: str | None = None
    dyad: str | None = None
    type: str | None = None
    status: str | None = None
    speaker: str | None = None
    page: int = 0
    error: str | None = None

    def filters(self) -> Filters | None:
        """The parsed filters for this page of results, or None (and ``error`` set) when a value cannot be read."""
        page = max(0, min(self.page, MAX_PAGE))
        try:
            return Filters.parse(search=self.q, dyad=self.dyad, type=self.type, status=self.status, speaker=self.speaker,
                                 limit=PAGE, offset=page * PAGE)
        except QueryError as exc:
            self.error = str(exc)
            return None


def create_app(db: str | Path, hosts: Iterable[str] = ()) -> FastAPI:
    """The app over the database file ``db`` (which must exist); ``hosts``: host names it may be reached by,
    beside IP addresses and localhost (e.g. the name given to ``detente serve --host``)."""
    db_path = Path(db)
    named = frozenset(h.lower().strip("[]").rstrip(".") for h in hosts)
    app = FastAPI(title="Détente", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db_path = db_path
    templates = _templates()
    cache = ViewCache(db_path)
    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        """Refuse foreign Host headers; turn any unhandled error into a plain 500; security headers on everything."""
        if not host_allowed(request.headers.get("host", ""), named):
            response: Response = PlainTextResponse("Host not served here: open the app by its address (127.0.0.1).",
                                                   status_code=400)
        else:
            try:
                response = await call_next(request)
            except Exception:
                LOG.exception("error serving %s", request.url.path)
                response = PlainTextResponse("Internal Server Error", status_code=500)
        for key, value in SECURITY_HEADERS.items():
            response.headers[key] = value
        return response

    def page(request: Request, name: str, s: Store, **context) -> HTMLResponse:
        ids: set[str] = set(context.pop("article_ids", set()))
        doc_names = queries.names(s, ids)
        context.update(
            href=lambda aid, sentence=None: f"/article/{quote(aid, safe='')}" + ("" if sentence is None else f"#s{int(sentence)}"),
            name=lambda aid: doc_names.get(aid, aid),
            actor_href=lambda actor_id: f"/actor/{quote(actor_id, safe='')}",
        )
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, s: StoreDep):
        o, dyads, types = cache.get("index", lambda: (overview(s), queries.dyad_counts(s), queries.type_counts(s)))
        return page(request, "index.html.j2", s, o=o, dyads=dyads, types=types)

    @app.get("/articles", response_class=HTMLResponse)
    def articles(request: Request, s: StoreDep, q: str | None = None, dyad: str | None = None, type: str | None = None,
                 status: str | None = None, speaker: str | None = None, page_no: PageNo = 0):
        f = Form(q=q, dyad=dyad, type=type, status=status, speaker=speaker, page=page_no)
        filters = f.filters()
        found = queries.articles(s, filters, newest_first=True) if filters else queries.Page([], 0)
        copies = {r.article.duplicate_of or r.article.derivative_of for r in found} - {None}
        return page(request, "articles.html.j2", s, rows=found.items, total=found.total, f=f, statuses=queries.STATUSES,
                    article_ids=copies)

    @app.get("/events", response_class=HTMLResponse)
    def events(request: Request, s: StoreDep, dyad: str | None = None, type: str | None = None, status: str | None = None,
               page_no: PageNo = 0):
        f = Form(dyad=dyad, type=type, status=status, page=page_no)
        filters = f.filters()
        found = queries.events(s, filters, newest_first=True) if filters else queries.Page([], 0)
        return page(request, "events.html.j2", s, found=[r.event for r in found], total=found.total, f=f,
                    statuses=queries.STATUSES, article_ids={r.event.article_id for r in found})

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes(request: Request, s: StoreDep, speaker: str | None = None, q: str | None = None, page_no: PageNo = 0):
        f = Form(q=q, speaker=speaker, page=page_no)
        filters = f.filters()
        found = queries.quotes(s, filters) if filters else queries.Page([], 0)
        said = [r.quote for r in found]
        actors = queries.actors_by_id(s, {x.speaker_actor for x in said if x.speaker_actor})
        return page(request, "quotes.html.j2", s, said=who_said_what(said, actors), total=found.total, f=f,
                    article_ids={x.article_id for x in said})

    @app.get("/stories", response_class=HTMLResponse)
    def stories(request: Request, s: StoreDep):
        found = s.stories()
        ids = {i for story in found for i in story.article_ids[:STORY_MEMBERS]}
        by_id = queries.articles_by_id(s, ids | {a.id for a in queries.loose_copies(s)})
        linked = {a.duplicate_of or a.derivative_of for a in by_id.values()} - {None}
        return page(request, "stories.html.j2", s, smap=story_map(found, by_id), article_ids=set(by_id) | linked)

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, s: StoreDep, q: str = ""):
        hits = queries.search_snippets(s, q)
        found = [r.quote for r in queries.quotes(s, Filters(search=q, limit=30))] if q.strip() else []
        return page(request, "search.html.j2", s, q=q, hits=hits, said=who_said_what(found, {}),
                    article_ids={x.article_id for x in found})

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article(request: Request, s: StoreDep, article_id: str):
        a = queries.article(s, article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        facts = Filters(article=a.id)
        view = article_view(a, sentences_of(s, [a.id]).get(a.id, []), [r.event for r in queries.events(s, facts)],
                            [r.quote for r in queries.quotes(s, facts)])
        return page(request, "article.html.j2", s, v=view, evidence=s.link_evidence(a.id),
                    article_ids={a.id, a.duplicate_of, a.derivative_of} - {None})

    @app.get("/dyad")
    def pick_dyad(dyad: str = ""):
        """The picker's form: a pair as typed (CHN-VNM, China/Vietnam) → that pair's page."""
        try:
            pair = queries.parse_dyad(dyad)
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None
        if pair is None:
            return RedirectResponse("/", status_code=303)
        return RedirectResponse(f"/dyad/{quote(pair[0], safe='')}/{quote(pair[1], safe='')}", status_code=303)

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def dyad(request: Request, s: StoreDep, a: str, b: str, by: str | None = None):
        a, b = a.upper()[:64], b.upper()[:64]
        if by not in (None, *queries.PERIODS):
            raise HTTPException(422, "by must be month, quarter or year")
        def compute():
            found = queries.pair_events(s, a, b)
            by_id = queries.article_meta(s, {e.article_id for e in found})
            panel = dyad_panel(found, by_id, a, b, by)
            shown = {i for p in panel["periods"] for i in p.event_ids[:3]}
            named = {e.article_id for e in found if e.id in shown} | {i for t in panel["timeline"][-300:] for i in t.article_ids}
            return panel, {e.id: e for e in found if e.id in shown}, named

        panel, event_by_id, named = cache.get(("dyad", a, b, by), compute)
        pairs = cache.get("pairs", lambda: queries.dyad_counts(s, 200))
        return page(request, "dyad.html.j2", s, p=panel, event_by_id=event_by_id, article_ids=named, pairs=pairs)

    @app.get("/actor/{actor_id}", response_class=HTMLResponse)
    def actor(request: Request, s: StoreDep, actor_id: str):
        who = queries.actor(s, actor_id)
        if who is None:
            raise HTTPException(404, "no such actor")
        def compute():
            acted = queries.actor_events(s, who.id)
            return timeline(acted, queries.article_meta(s, {e.article_id for e in acted}), who.id)

        entries = cache.get(("actor", who.id), compute)
        said = queries.quotes_by(s, who.id)
        named = {i for t in entries[-300:] for i in t.article_ids} | {q.article_id for q in said}
        return page(request, "actor.html.j2", s, who=who, entries=entries, said=who_said_what(said, {who.id: who}),
                    article_ids=named)

    @app.get("/assets/plotly.js")
    def plotly_js() -> Response:
        return Response(_plotly_js(), media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/assets/style.css")
    def style() -> Response:
        css = (Path(__file__).resolve().parents[1] / "report" / "templates" / "style.css").read_bytes()
        return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})

    return app
