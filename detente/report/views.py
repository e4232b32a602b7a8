"""View models shared by the HTML report and the web app: plain dicts and records, no markup.

Everything here reads the store with parameterized SQL and returns article
text untouched; escaping is the templates' job (Jinja2 autoescape).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from detente.analysis.dyad import dyad_index
from detente.analysis.timeline import granularity, main_dyads, timeline
from detente.records import Actor, Article, Event, Quote, Story
from detente.report.charts import dyad_figure
from detente.report.highlight import segments
from detente.store import Store, queries


def narrow(span: list[str | None], days: int = 31) -> bool:
    """A publication range precise enough to report (open-ended or multi-year estimates are not)."""
    if not (span[0] and span[1]):
        return False
    return (date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days <= days


def overview(store: Store) -> dict:
    """Corpus figures: articles, outlets, publication dates, copies set aside, records found."""
    o = queries.overview_counts(store)
    dates = sorted(d for s, e in o.pub_spans if narrow([s, e]) for d in (s, e))
    return {
        "articles": o.articles, "events": o.events, "quotes": o.quotes, "actors": o.actors, "stories": o.stories,
        "duplicates": o.duplicates,
        "derivatives": o.derivatives,
        "outlets": o.outlets,
        "date_span": (dates[0], dates[-1]) if dates else None,
        "imprecise_dates": o.articles - sum(1 for s, e in o.pub_spans if narrow([s, e])),
    }


def excluded_ids(articles: dict[str, Article]) -> set[str]:
    return {a.id for a in articles.values() if queries.is_copy(a)}


def dyad_panel(events: list[Event], articles: dict[str, Article], a: str, b: str, by: str | None = None) -> dict:
    """One dyad: its period size, index, chart figure and timeline (background history at its own dates)."""
    pair_events = [e for e in events if {e.source, e.target} == {a, b}]
    by = by or granularity(pair_events, articles)
    periods = dyad_index(pair_events, a, b, by, excluded_ids(articles))
    title = f"{a}–{b} by {by}: events per quad class and Goldstein-weighted sum"
    return {
        "a": a, "b": b, "by": by, "periods": periods,
        "figure": dyad_figure(periods, title, by) if periods else None,
        "timeline": timeline(pair_events, articles, a, b),
    }


def dyad_panels(events: list[Event], articles: dict[str, Article], limit: int = 6,
                pairs: list[tuple[str, str]] | None = None) -> list[dict]:
    """Panels of the given pairs, or of the ``limit`` pairs with most distinct events."""
    chosen = pairs if pairs else main_dyads(events, excluded_ids(articles), limit)
    return [dyad_panel(events, articles, a, b) for a, b in chosen]


def actor_timelines(events: list[Event], articles: dict[str, Article], actors: dict[str, Actor], limit: int = 10) -> list[dict]:
    """Timelines of the people and organisations behind most distinct events (states have their dyads)."""
    excluded = excluded_ids(articles)
    clusters: dict[str, set[str]] = defaultdict(set)
    for e in events:
        if e.article_id not in excluded:
            for who in {e.source_actor, e.target_actor} - {None}:
                clusters[who].add(e.cluster_id or e.id)  # type: ignore[index]
    ranked = sorted(clusters, key=lambda k: (-len(clusters[k]), k))[:limit]
    return [{"actor": actors.get(k), "id": k, "timeline": timeline(events, articles, k)} for k in ranked]


def who_said_what(quotes: list[Quote], actors: dict[str, Actor]) -> list[dict]:
    """Quotes with the speaker's role and affiliation, falling back to the resolved actor's."""
    rows = []
    for q in quotes:
        actor = actors.get(q.speaker_actor or "")
        rows.append({
            "quote": q,
            "speaker": q.speaker or (actor.name if actor else None),
            "role": q.speaker_role or (actor.role if actor else None),
            "affiliation": q.speaker_affiliation or (actor.affiliation if actor else None),
            "country": q.speaker_country or (actor.country if actor else None),
        })
    return rows


def story_map(stories: list[Story], articles: dict[str, Article]) -> dict:
    """Stories with their member articles (copies and rewrites marked), plus copy links outside any story."""
    mapped = []
    in_story: set[str] = set()
    for story in stories:
        members = [articles[i] for i in story.article_ids if i in articles]
        in_story.update(a.id for a in members)
        mapped.append({"story": story, "members": members, "total": len(story.article_ids)})
    loose = [a for a in articles.values() if a.id not in in_story and queries.is_copy(a)]
    return {"stories": mapped, "loose_copies": loose}


def sentences_of(store: Store, article_ids: list[str] | None = None) -> dict[str, list[tuple[int, int, int]]]:
    """article id → [(index, start, end)]."""
    return queries.sentences(store, article_ids)


def article_view(article: Article, sentences: list[tuple[int, int, int]], events: list[Event], quotes: list[Quote]) -> dict:
    """The body cut into highlighted segments, with the facts listed in reading order."""
    return {
        "article": article,
        "segments": segments(article.body, sentences, events, quotes),
        "events": sorted(events, key=lambda e: (e.char_start, e.id)),
        "quotes": sorted(quotes, key=lambda q: (q.char_start, q.id)),
        "sentence_text": {i: article.body[s:e] for i, s, e in sentences},
    }


def group_by_article(items: list) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        grouped[item.article_id].append(item)
    return grouped


def type_counts(events: list[Event]) -> list[tuple[str, int]]:
    return Counter(e.type for e in events).most_common()
