"""Quote fields: locating gold quotes in the predicted body, then speaker and kind agreement.

Gold gives only the opening words of each quote (`text_start`), so a predicted quote matches when its span overlaps
where those words sit in the predicted body; offsets come from the normalized search mapped back to the original body.
"""

from __future__ import annotations

from typing import Any

from detente.eval.index import Record, RecordIndex
from detente.eval.metrics import Tally, clip
from detente.eval.normalize import find_all, norm
from detente.eval.textutil import content, head_word, jaccard, tokens

Gold = dict[str, Any]
Span = tuple[int, int]
_PARTICLES = frozenset("de da di van von der den bin binti al el le la du dos".split())
_TITLES = frozenset(
    "president vice prime minister premier mr mrs ms dr prof professor general gen secretary chairman chairwoman "
    "ambassador senator king queen sir".split()
)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pred_span(q: Record, body: str) -> Span | None:
    """The predicted quote's [char_start, char_end); located by its text when offsets are missing."""
    s, e = q.get("char_start"), q.get("char_end")
    if isinstance(s, int) and isinstance(e, int) and e > s:
        return s, e
    hits = find_all(body, q.get("text") or "")
    return hits[0] if hits else None


def match_quotes(gold_spans: list[list[Span]], pred_spans: list[Span | None]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) by largest overlap; each gold quote may sit at several places."""
    cands = []
    for gi, spans in enumerate(gold_spans):
        for pi, ps in enumerate(pred_spans):
            if ps is None:
                continue
            ov = max((_overlap(s, ps) for s in spans), default=0)
            if ov > 0:
                cands.append((ov, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def is_name(s: str) -> bool:
    """A person's name rather than a description: every word capitalized (bar particles like "van"), no article."""
    words = norm(s).split()
    if not words or words[0].casefold() in ("a", "an", "the"):
        return False
    return all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words if w[:1].isalpha())


def _name_ok(gold: str, pred: str) -> bool:
    """Same last token ("Poling" for "Greg Poling"), or the predicted name minus titles is part of it ("President Xi")."""
    gt, pt = tokens(gold), tokens(pred)
    if not gt or not pt:
        return False
    if gt[-1] in pt:
        return True
    core = {t for t in pt if t not in _TITLES}
    return bool(core) and core <= set(gt)


def _description_ok(gold: str, pred: str) -> bool:
    """Descriptions agree on content words (Jaccard ≥ 0.4) or share the head noun ("spokesperson", "researcher")."""
    if jaccard(content(gold), content(pred)) >= 0.4:
        return True
    head = head_word(gold)
    return head is not None and head in set(tokens(pred))


def speaker_ok(gold: str | None, candidates: list[str]) -> bool:
    """Whether any predicted speaker string (speaker text, resolved actor's name) matches the gold speaker."""
    if gold is None:
        return not candidates
    for pred in candidates:
        if norm(gold).casefold() == norm(pred).casefold():
            return True
        if _name_ok(gold, pred) if is_name(gold) else _description_ok(gold, pred):
            return True
    return False


def _speakers(q: Record, idx: RecordIndex) -> list[str]:
    out = [str(q["speaker"])] if q.get("speaker") else []
    actor = idx.actors.get(str(q.get("speaker_actor"))) if q.get("speaker_actor") else None
    if actor is not None and actor.get("name"):
        out.append(str(actor["name"]))
    return out


def score_quotes(gold_articles: list[Gold], idx: RecordIndex) -> list[Tally]:
    """quotes P/R/F1; quote_speakers and quote_kinds accuracy over matched quotes."""
    qt = Tally("quotes", extra={"not_located": 0})
    sp = Tally("quote_speakers", prf=False, accuracy=True)
    kd = Tally("quote_kinds", prf=False, accuracy=True)
    for ga in gold_articles:
        if "quotes" not in ga:
            continue
        doc, rec = ga["id"], idx.article(ga["id"])
        gold = ga["quotes"]
        qt.support += len(gold)
        if rec is None:
            for g in gold:
                qt.miss(doc, f"«{clip(g['text_start'], 60)}» (no article record)")
            continue
        body = rec.get("body") or ""
        pred = idx.quotes.get(str(rec.get("id")), [])
        gold_spans = [find_all(body, g["text_start"]) for g in gold]
        pairs = match_quotes(gold_spans, [_pred_span(q, body) for q in pred])
        qt.hit(len(pairs))
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi in (i for i in range(len(gold)) if i not in mg):
            located = bool(gold_spans[gi])
            qt.extra["not_located"] += not located
            why = "no predicted quote overlaps it" if located else "text_start not found in predicted body"
            qt.miss(doc, f"«{clip(gold[gi]['text_start'], 60)}» ({gold[gi].get('speaker')}): {why}")
        for pi in (i for i in range(len(pred)) if i not in mp):
            qt.spurious(doc, f"«{clip(pred[pi].get('text'), 60)}» ({pred[pi].get('speaker')})")
        for gi, pi in pairs:
            g, q = gold[gi], pred[pi]
            got = _speakers(q, idx)
            sp.judge(speaker_ok(g.get("speaker"), got), doc,
                     f"«{clip(g['text_start'], 40)}»: gold «{g.get('speaker')}», got «{' / '.join(got) or None}»")
            kd.judge(g.get("kind") == q.get("quote_type"), doc,
                     f"«{clip(g['text_start'], 40)}»: gold {g.get('kind')}, got {q.get('quote_type')}")
    sp.support, kd.support = sp.total, kd.total
    return [qt, sp, kd]
