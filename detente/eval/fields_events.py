"""Event fields: matching gold events to predicted ones, then status and date agreement on the matched pairs.

docs/design.md: events match by (source, target, type) within the same article, `sentence` breaks ties, CONSULT/AGREE/
COOPERATE match in either direction, and a refusal may be coded as a REJECT that happened or as the declined action with
status `refused` ("evaluation accepts either").
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from detente.eval.index import Record, RecordIndex, as_list
from detente.eval.metrics import Tally, clip
from detente.eval.normalize import norm, words
from detente.eval.textutil import period

Gold = dict[str, Any]
UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Matching weights: a pair counts first (more than any kind and tie-breaker sum), then the kind (2 same type, 1 a
# refusal coded the other accepted way), then the sentence tie-breaker (at most 2)
PAIR_WEIGHT = 1000.0
KIND_WEIGHT = 10.0


def _codes(value: Any, idx: RecordIndex) -> set[str]:
    """Codes an event side can be matched on: the values themselves plus the country of any actor id among them."""
    out: set[str] = set()
    for v in as_list(value):
        if v is None:
            continue
        out.add(str(v))
        actor = idx.actors.get(str(v))
        if actor is not None and actor.get("country"):
            out.add(str(actor["country"]))
    return out


def _sides_match(g: Gold, p: Record, idx: RecordIndex, either_way: bool) -> bool:
    ps, pt = _codes(p.get("source"), idx), _codes(p.get("target"), idx)
    if g["source"] in ps and g["target"] in pt:
        return True
    return either_way and g["source"] in pt and g["target"] in ps


def _is_refusal_pair(g: Gold, p: Record) -> bool:
    """Gold REJECT/happened vs predicted declined action (status refused), or the other way round."""
    g_status, p_status = g.get("status", "happened"), p.get("status")
    return (g["type"] == "REJECT" and g_status == "happened" and p_status == "refused") or (
        g_status == "refused" and p.get("type") == "REJECT" and p_status == "happened"
    )


def match_kind(g: Gold, p: Record, idx: RecordIndex) -> int:
    """2: same type and sides; 1: a refusal coded the other accepted way; 0: no match."""
    if p.get("type") == g["type"] and _sides_match(g, p, idx, g["type"] in UNDIRECTED):
        return 2
    if _is_refusal_pair(g, p) and _sides_match(g, p, idx, g["type"] in UNDIRECTED or p.get("type") in UNDIRECTED):
        return 1
    return 0


def sentence_score(sentence: str | None, text: str | None) -> float:
    """Tie-breaker: 2 when the predicted sentence contains the gold snippet, else the share of its words it has."""
    if not sentence:
        return 0.0
    if norm(sentence).casefold() in norm(text).casefold():
        return 2.0
    gw = set(words(sentence))
    return len(gw & set(words(text))) / len(gw) if gw else 0.0


def match_events(gold: list[Gold], pred: list[Record], idx: RecordIndex) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): as many pairs as possible, then the closer kind of match, then the
    sentence tie-breaker (an optimal assignment: a greedy pass could give a refusal coded as the declined act to a
    gold record of that act's own type and leave the gold REJECT it answers, and another act, unmatched)."""
    weights = np.zeros((len(gold), len(pred)))
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            kind = match_kind(g, p, idx)
            if kind:
                weights[gi, pi] = PAIR_WEIGHT + KIND_WEIGHT * kind + sentence_score(g.get("sentence"), p.get("text"))
    if not weights.size:
        return []
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(gi), int(pi)) for gi, pi in zip(rows, cols, strict=True) if weights[gi, pi] > 0)


def status_ok(g: Gold, p: Record) -> bool:
    return g.get("status", "happened") == p.get("status") or _is_refusal_pair(g, p)


def date_ok(gold_date: str | None, p: Record) -> bool:
    """The predicted [date_start, date_end] lies inside the gold period (gold "2023-12" is the whole month).

    date_end defaults to date_start, widened by date_precision when that says only the month or year is known.
    """
    if gold_date is None:
        return p.get("date_start") is None
    gp = period(gold_date)
    precision = p.get("date_precision")
    start = period(p.get("date_start"), None if p.get("date_end") else precision)
    end = period(p.get("date_end"), precision if precision in ("month", "year") else None) if p.get("date_end") else start
    return gp is not None and start is not None and end is not None and gp[0] <= start[0] and end[1] <= gp[1]


def describe_gold(g: Gold) -> str:
    arrow = "↔" if g["type"] in UNDIRECTED else "→"
    return f"{g['source']}{arrow}{g['target']} {g['type']} {g.get('status', 'happened')} {g.get('date')} " \
           f"«{clip(g.get('sentence'), 70)}»"


def describe_pred(p: Record) -> str:
    src = "+".join(str(s) for s in as_list(p.get("source"))) or "?"
    tgt = "+".join(str(s) for s in as_list(p.get("target"))) or "?"
    return f"{src}→{tgt} {p.get('type')} {p.get('status')} {p.get('date_start')} «{clip(p.get('text'), 70)}»"


def _dates(p: Record) -> str:
    return f"{p.get('date_start')}..{p.get('date_end') or p.get('date_start')} ({p.get('date_precision')})"


def score_events(gold_articles: list[Gold], idx: RecordIndex) -> list[Tally]:
    """events P/R/F1; event_status and event_dates accuracy over matched pairs."""
    ev = Tally("events")
    st = Tally("event_status", prf=False, accuracy=True)
    dt = Tally("event_dates", prf=False, accuracy=True)
    for ga in gold_articles:
        if "events" not in ga:
            continue
        doc, aid = ga["id"], idx.article_id(ga["id"])
        gold, pred = ga["events"], idx.events.get(aid, []) if aid else []
        ev.support += len(gold)
        pairs = match_events(gold, pred, idx)
        ev.hit(len(pairs))
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi in (i for i in range(len(gold)) if i not in mg):
            ev.miss(doc, describe_gold(gold[gi]))
        for pi in (i for i in range(len(pred)) if i not in mp):
            ev.spurious(doc, describe_pred(pred[pi]))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            st.judge(status_ok(g, p), doc, f"{describe_gold(g)}: got {p.get('type')} {p.get('status')}")
            dt.judge(date_ok(g.get("date"), p), doc, f"{describe_gold(g)}: got {_dates(p)}")
    st.support, dt.support = st.total, dt.total
    return [ev, st, dt]
