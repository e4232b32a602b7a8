"""Article-level fields: the clean body (tokens, start, end, clutter) and the metadata (title, dates, ...)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from detente.eval.index import Record, RecordIndex
from detente.eval.metrics import Issue, Tally, clip
from detente.eval.normalize import norm, norm_spans, words
from detente.eval.textutil import period

ReadRaw = Callable[[Record], "str | None"]
Gold = dict[str, Any]
_BOUNDARY_BEFORE = re.compile(r"""(^|[.!?:;|"')\]–—-])\s*$""")


def gold_body(raw: str, ga: Gold) -> str | None:
    """The gold clean body: raw text from the first to the last body sentence, without clutter.

    The last sentence is searched after the first one (and its last occurrence taken) because captions often repeat
    the closing sentence above the body (seed 000). Text gold lists whole clutter lines (`clutter_lines`); HTML gold
    lists visible strings (`clutter_snippets`), which may be part of a line: see `strip_snippets`.
    """
    first, last = norm(ga.get("body_first_sentence")), norm(ga.get("body_last_sentence"))
    normalized, starts, ends = norm_spans(raw)
    i = normalized.find(first) if first else -1
    j = normalized.rfind(last, i) if last and i >= 0 else -1
    if i < 0 or j < 0:
        return None
    body = raw[starts[i]: ends[j + len(last) - 1]]
    clutter = {norm(c) for c in ga.get("clutter_lines") or []}
    kept = [line for line in body.splitlines() if norm(line) not in clutter]
    return "\n".join(strip_snippets(kept, ga.get("clutter_snippets") or []))


def strip_snippets(lines: list[str], snippets: list[str]) -> list[str]:
    """Lines without the clutter snippets in them: a line that is mostly a snippet (a caption cut short in the gold,
    a credit line) goes whole; a snippet that is a small part of a longer line is cut out of it."""
    wanted = [c for c in (norm(s) for s in snippets) if c]
    if not wanted:
        return lines
    out = []
    for line in lines:
        text = norm(line)
        for c in wanted:
            if c in text:
                text = text.replace(c, " ") if len(c) < 0.5 * len(text) else ""
        text = " ".join(text.split())
        if text:
            out.append(text)
    return out


def _long(line: str) -> bool:
    """Long enough to be searched inside prose without false hits ("Slow" is not; "Reading Time:3 minutes" is)."""
    return len(line.split()) >= 3 or len(line) >= 15


def clutter_left(body: str, clutter_lines: list[str]) -> list[str]:
    """Gold clutter lines still present in the predicted body.

    A clutter line counts when it is a whole line of the body, or (if long) when it starts at a line or sentence
    boundary and ends at a word boundary, so a pull quote repeated inside its own paragraph ("Subsequently, in May,
    ...") is not mistaken for leftover clutter.
    """
    lines = [norm(line) for line in body.splitlines()]
    whole = set(lines)
    found = []
    for raw_line in clutter_lines:
        c = norm(raw_line)
        if not c:
            continue
        if c in whole or (_long(c) and any(_inside(line, c) for line in lines)):
            found.append(raw_line)
    return found


def snippets_left(body: str, snippets: list[str]) -> list[str]:
    """Gold clutter snippets still in the predicted body: anywhere, between word boundaries (an HTML page's visible
    strings need not be whole lines of the body the pipeline made, so they are searched inside lines too)."""
    text = norm(body)
    found = []
    for snippet in snippets:
        c = norm(snippet)
        if c and re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", text):
            found.append(snippet)
    return found


def _inside(line: str, needle: str) -> bool:
    start = line.find(needle)
    while start >= 0:
        end = start + len(needle)
        if _BOUNDARY_BEFORE.search(line[:start]) and (end == len(line) or not line[end].isalnum()):
            return True
        start = line.find(needle, start + 1)
    return False


def _sample(ordered: list[str], extra: Counter[str], limit: int = 10) -> str:
    """The first run of tokens from `ordered` that are in `extra`: a readable hint of what was missed or added."""
    left, run, started = Counter(extra), [], False
    for w in ordered:
        if left[w] > 0:
            left[w] -= 1
            run.append(w)
            started = True
            if len(run) >= limit:
                break
        elif started:
            break
    return " ".join(run)


def _score_tokens(t: Tally, doc: str, gold_text: str, pred_text: str) -> None:
    g, p = words(gold_text), words(pred_text)
    gc, pc = Counter(g), Counter(p)
    tp = sum((gc & pc).values())
    t.hit(tp)
    if (missing := gc - pc):
        t.miss(doc, f"{sum(missing.values())} gold tokens missing, e.g. «{_sample(g, missing)}»", sum(missing.values()))
    if (added := pc - gc):
        t.spurious(doc, f"{sum(added.values())} extra tokens, e.g. «{_sample(p, added)}»", sum(added.values()))


def _raw_for(read_raw: ReadRaw | None, rec: Record | None, doc: str) -> str | None:
    """Raw text for the gold body; a missing article is asked for with a stub record so its tokens still count as missed.

    The stub may lack fields a reader needs, so its lookup failures mean "unknown", not a crash.
    """
    if read_raw is None:
        return None
    if rec is not None:
        return read_raw(rec)
    try:
        return read_raw({"record": "article", "doc_name": doc, "id": None, "source": None})
    except (KeyError, TypeError, ValueError, OSError):
        return None


def _body_problems(s_ok: bool, e_ok: bool, left: list[str]) -> str:
    bad = [what for what, wrong in (("start", not s_ok), ("end", not e_ok), ("clutter left", bool(left))) if wrong]
    return "body wrong: " + ", ".join(bad)


def score_body(gold_articles: list[Gold], idx: RecordIndex, read_raw: ReadRaw | None, notes: list[str]) -> list[Tally]:
    """body (token P/R/F1; accuracy = starts and ends right with no clutter left), body_start, body_end, clutter_left."""
    body = Tally("body", accuracy=True)
    start, end = Tally("body_start", prf=False, accuracy=True), Tally("body_end", prf=False, accuracy=True)
    clutter = Tally("clutter_left", prf=False, accuracy=True, extra={"left": 0})
    unscored = []
    for ga in gold_articles:
        if not (ga.get("body_first_sentence") and ga.get("body_last_sentence")):
            continue
        doc, rec = ga["id"], idx.article(ga["id"])
        body.support += 1
        raw = _raw_for(read_raw, rec, doc)
        gbody = gold_body(raw, ga) if raw else None
        pred = (rec.get("body") or "") if rec is not None else ""
        if gbody is not None:
            _score_tokens(body, doc, gbody, pred)
        else:
            unscored.append(doc)
        if rec is None:
            for t in (body, start, end):
                t.judge(False, doc, "no article record")
            continue
        pn, first, last = norm(pred), norm(ga["body_first_sentence"]), norm(ga["body_last_sentence"])
        s_ok, e_ok = pn.startswith(first), pn.endswith(last)
        start.judge(s_ok, doc, f"starts «{clip(pn[:70])}», gold «{clip(first, 70)}»")
        end.judge(e_ok, doc, f"ends «{clip(pn[-70:])}», gold «{clip(last, 70)}»")
        listed = [*(ga.get("clutter_lines") or []), *(ga.get("clutter_snippets") or [])]
        left = clutter_left(pred, ga.get("clutter_lines") or []) + snippets_left(pred, ga.get("clutter_snippets") or [])
        for line in listed:
            clutter.support += 1
            clutter.judge(line not in left, doc, f"clutter left in body: «{clip(line, 70)}»")
        clutter.extra["left"] += len(left)
        body.judge(s_ok and e_ok and not left, doc, _body_problems(s_ok, e_ok, left))
    if unscored:
        notes.append("body tokens not scored (no raw text, or gold sentences not found in it) for: " + ", ".join(unscored))
    body.extra["token_scored_articles"] = body.support - len(unscored)
    start.support = end.support = body.support
    return [body, start, end, clutter]


def _present(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def score_value(name: str, gold_articles: list[Gold], idx: RecordIndex,
                same: Callable[[Any, Any], bool] | None = None) -> Tally:
    """Accuracy (null == null; no record is wrong) plus P over non-null predictions and R over non-null gold.

    A wrong value where gold has one is listed once as a miss; a value where gold has none is a false positive.
    """
    same = same or (lambda a, b: norm(a) == norm(b))
    t = Tally(name, accuracy=True)
    for ga in gold_articles:
        if name not in ga:
            continue
        doc, g, rec = ga["id"], ga[name], idx.article(ga["id"])
        t.support += 1
        p = rec.get(name) if rec is not None else None
        g_on, p_on = _present(g), _present(p)
        right = g_on and p_on and same(g, p)
        t.total += 1
        t.correct += rec is not None and (right or not (g_on or p_on))
        t.tp += right
        t.fp += p_on and not right
        if right:
            continue
        if rec is None or g_on:
            t.miss(doc, "no article record" if rec is None else f"gold «{clip(g)}», got «{clip(p)}»", int(g_on))
        elif p_on:
            t.false_positives.append(Issue(doc, f"got «{clip(p)}», gold null"))
    return t


def _same_day(g: Any, p: Any) -> bool:
    return str(g)[:10] == str(p)[:10]


def score_pub_date_range(gold_articles: list[Gold], idx: RecordIndex) -> Tally:
    """ok when the predicted range overlaps gold and is at most max(31 days, gold width) wide."""
    t = Tally("pub_date_range", prf=False, accuracy=True)
    widths: list[int] = []
    for ga in gold_articles:
        if "pub_date_range" not in ga:
            continue
        doc, rec = ga["id"], idx.article(ga["id"])
        t.support += 1
        g0, g1 = period(ga["pub_date_range"][0]), period(ga["pub_date_range"][1])
        if rec is None or g0 is None or g1 is None:
            t.judge(False, doc, "no article record")
            continue
        rng = rec.get("pub_date_range") or [rec.get("pub_date"), rec.get("pub_date")]
        p0, p1 = (period(rng[0]), period(rng[1])) if len(rng) == 2 else (None, None)
        if p0 is None or p1 is None:
            t.judge(False, doc, f"no usable predicted range ({rng!r})")
            continue
        width, gold_width = (p1[1] - p0[0]).days, (g1[1] - g0[0]).days
        widths.append(width)
        ok = p0[0] <= g1[1] and g0[0] <= p1[1] and width <= max(31, gold_width)
        t.judge(ok, doc, f"got [{p0[0]}, {p1[1]}] ({width} d), gold [{g0[0]}, {g1[1]}]")
    t.extra["mean_width_days"] = round(sum(widths) / len(widths), 1) if widths else None
    return t


def score_metadata(gold_articles: list[Gold], idx: RecordIndex) -> list[Tally]:
    """title, outlet, byline, pub_date, pub_date_range."""
    out = [score_value(name, gold_articles, idx) for name in ("title", "outlet", "byline")]
    out.append(score_value("pub_date", gold_articles, idx, _same_day))
    out.append(score_pub_date_range(gold_articles, idx))
    return out
