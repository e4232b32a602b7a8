"""Quote fields: gold quotes located in the predicted body by their opening words, matched to predicted spans."""

from __future__ import annotations

from typing import Any

from detente.eval.index import Record, RecordIndex
from detente.eval.metrics import Issue, Tally, clip
from detente.eval.normalize import find_all, norm
from detente.eval.textutil import content, head_word, jaccard, tokens

Gold = dict[str, Any]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_ok(gold: str, predicted: str | None, actor_name: str | None) -> bool:
    """Same person (full name, or surname), or the same described speaker (head noun, content words)."""
    for candidate in (predicted, actor_name):
        if not candidate:
            continue
        if norm(gold).casefold() == norm(candidate).casefold():
            return True
        gt, ct = tokens(gold), tokens(candidate)
        if gt and ct and gold[:1].isupper() and gt[-1] == ct[-1]:
            return True
        if gt and ct and set(ct) <= set(gt) and gold[:1].isupper():
            return True
        if not gold[:1].isupper() or gold.lower().startswith(("a ", "an ", "the ")):
            if head_word(gold) and head_word(gold) == head_word(candidate):
                return True
            if jaccard(content(gold), content(candidate)) >= 0.4:
                return True
    return False


def score_quotes(gold_articles: list[Gold], idx: RecordIndex) -> list[Tally]:
    """quotes P/R/F1 by span overlap; quote_speakers and quote_kinds accuracy over matched pairs."""
    qt = Tally("quotes")
    sp = Tally("quote_speakers", prf=False, accuracy=True)
    kd = Tally("quote_kinds", prf=False, accuracy=True)
    for ga in gold_articles:
        if "quotes" not in ga:
            continue
        doc, aid = ga["id"], idx.article_id(ga["id"])
        gold = ga["quotes"]
        qt.support += len(gold)
        article = idx.article(doc)
        body = str(article.get("body") or "") if article else ""
        pred = idx.quotes.get(aid, []) if aid else []
        cands = []
        for gi, g in enumerate(gold):
            spans = find_all(body, g["text_start"])
            for pi, p in enumerate(pred):
                span = (int(p.get("char_start") or 0), int(p.get("char_end") or 0))
                best = max((_overlap(s, span) for s in spans), default=0)
                if best > 0:
                    cands.append((best, gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = gold[gi], pred[pi]
            qt.hit()
            actor = idx.actors.get(str(p.get("speaker_actor"))) if p.get("speaker_actor") else None
            actor_name = str(actor.get("name")) if actor else None
            sp.judge(speaker_ok(g["speaker"], p.get("speaker"), actor_name), doc,
                     f"«{clip(g['text_start'], 50)}» by {g['speaker']}: got {p.get('speaker')} ({actor_name})")
            kd.judge(g.get("kind") == p.get("quote_type"), doc,
                     f"«{clip(g['text_start'], 50)}» is {g.get('kind')}: got {p.get('quote_type')}")
        for gi in (i for i in range(len(gold)) if i not in used_g):
            where = "" if find_all(body, gold[gi]["text_start"]) else " (text not in the body)"
            qt.miss(doc, f"{gold[gi]['speaker']}: «{clip(gold[gi]['text_start'], 60)}»{where}")
        for pi in (i for i in range(len(pred)) if i not in used_p):
            qt.spurious(doc, f"{pred[pi].get('speaker')}: «{clip(pred[pi].get('text'), 60)}»")
    sp.support, kd.support = sp.total, kd.total
    return [qt, sp, kd]


def _record_pairs(key: str, gold_articles: list[Gold], idx: RecordIndex, gold_ids: set[str]) -> set[tuple[str, str]]:
    pairs = set()
    for ga in gold_articles:
        rec: Record | None = idx.article(ga["id"])
        if rec is None:
            continue
        original = idx.resolve_doc(rec.get(key), gold_ids)
        if original:
            pairs.add((ga["id"], original))
    return pairs


def score_links(gold_articles: list[Gold], idx: RecordIndex) -> list[Tally]:
    """duplicates and derivatives: pairwise P/R/F1 over (copy, original) doc pairs."""
    gold_ids = {ga["id"] for ga in gold_articles}
    tallies = []
    for key, name in (("duplicate_of", "duplicates"), ("derivative_of", "derivatives")):
        t = Tally(name)
        gold = {(ga["id"], ga[key]) for ga in gold_articles if ga.get(key)}
        pred = _record_pairs(key, gold_articles, idx, gold_ids)
        t.support = len(gold)
        t.hit(len(gold & pred))
        for copy, original in sorted(gold - pred):
            t.miss(copy, f"{key} {original}")
        for copy, original in sorted(pred - gold):
            t.spurious(copy, f"{key} {original}")
        tallies.append(t)
    return tallies


def score_stories(gold_articles: list[Gold], idx: RecordIndex) -> Tally:
    """B-cubed precision and recall over gold articles (a missing story id is a singleton)."""
    t = Tally("stories", prf=False)
    labelled = [ga for ga in gold_articles if ga.get("story")]
    gold_of = {ga["id"]: ga["story"] for ga in labelled}
    pred_of = {}
    for ga in labelled:
        rec = idx.article(ga["id"])
        pred_of[ga["id"]] = (rec or {}).get("story_id") or f"singleton:{ga['id']}"
    if not labelled:
        return t
    precision = recall = 0.0
    for doc in gold_of:
        same_pred = {d for d in gold_of if pred_of[d] == pred_of[doc]}
        same_gold = {d for d in gold_of if gold_of[d] == gold_of[doc]}
        precision += len(same_pred & same_gold) / len(same_pred)
        recall += len(same_pred & same_gold) / len(same_gold)
    n = len(gold_of)
    t.extra["b3_precision"], t.extra["b3_recall"] = precision / n, recall / n
    t.support = n
    for doc in sorted(gold_of):
        for other in sorted(gold_of):
            if doc < other and (gold_of[doc] == gold_of[other]) != (pred_of[doc] == pred_of[other]):
                what = "should share a story with" if gold_of[doc] == gold_of[other] else "should not share a story with"
                (t.misses if gold_of[doc] == gold_of[other] else t.false_positives).append(Issue(doc, f"{what} {other}"))
    return t
