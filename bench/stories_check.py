"""Story labels and dates against a gold file: is each gold story labelled with its dominant dyad?

    python -m bench.stories_check ../shared/gold/real-dev.json --db rd.db
    python -m bench.stories_check examples/gold.json --db ex.db

A gold story's dominant dyad is the pair of states (ISO3 codes on both sides) with the most gold events over
its articles (ties: any of the tied pairs counts as right). The predicted story of a gold story is the one
holding most of its articles; its label must start with that dyad. The gold events' dates near publication
(within 31 days of a gold pub_date) are printed beside the story's date range for reading, not scored.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from detente.store import Store

_STATE = re.compile(r"^[A-Z]{3}$")


def gold_dyads(articles: list[dict]) -> dict[str, set[str]]:
    """Per gold story: its dominant state dyads (all of them when tied), empty when it has no state events."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        story = article.get("story")
        if not story:
            continue
        counts.setdefault(story, Counter())
        for event in article.get("events") or []:
            if _STATE.match(event["source"] or "") and _STATE.match(event["target"] or "") and event["source"] != event["target"]:
                counts[story]["-".join(sorted((event["source"], event["target"])))] += 1
    return {s: {d for d, n in c.items() if n == max(c.values())} if c else set() for s, c in counts.items()}


def gold_news_dates(articles: list[dict]) -> dict[str, tuple[str, str] | None]:
    """Per gold story: first and last gold event date within 31 days of its articles' pub_date."""
    found: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        story, pub = article.get("story"), article.get("pub_date")
        if not story:
            continue
        found.setdefault(story, [])
        for event in article.get("events") or []:
            when = event.get("date")
            if pub and when and len(when) == 10 and abs((date.fromisoformat(when) - date.fromisoformat(pub)).days) <= 31:
                found[story].append(when)
    return {s: (min(d), max(d)) if d else None for s, d in found.items()}


def check(gold: dict, store: Store) -> list[dict]:
    articles = gold["articles"]
    by_doc = {a.doc_name: a.story_id for a in store.articles()}
    stories = {s.id: s for s in store.stories()}
    members: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.get("story"):
            members[article["story"]].append(article["id"])
    dyads, news = gold_dyads(articles), gold_news_dates(articles)
    rows = []
    for story, docs in sorted(members.items()):
        ids = Counter(by_doc.get(d) for d in docs if by_doc.get(d))
        predicted = stories.get(ids.most_common(1)[0][0]) if ids else None
        label = predicted.label if predicted else None
        got = label.split(",")[0] if label else None
        rows.append({"story": story, "gold_dyads": sorted(dyads[story]), "label": label,
                     "right": bool(got and got in dyads[story]) or not dyads[story],
                     "dates": list(predicted.date_range) if predicted else None,
                     "gold_news_dates": news[story]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with Store(args.db, readonly=True) as store:
        rows = check(gold, store)
    right = sum(r["right"] for r in rows)
    print(f"story labels naming the gold dominant dyad: {right}/{len(rows)}")
    for r in rows:
        mark = "ok  " if r["right"] else "MISS"
        print(f"{mark} {r['story']:36s} gold {'/'.join(r['gold_dyads']) or '-':16s} dates {r['dates']} "
              f"(gold news {r['gold_news_dates']})  label «{(r['label'] or '')[:70]}»")


if __name__ == "__main__":
    main()
