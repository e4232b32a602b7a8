"""Actor fields: countries acting in an article, persons (name + country) and their roles."""

from __future__ import annotations

from typing import Any

from detente.eval.index import Record, RecordIndex
from detente.eval.metrics import Tally
from detente.eval.normalize import norm
from detente.eval.textutil import content, head_word, jaccard, tokens

Gold = dict[str, Any]


def score_countries(gold_articles: list[Gold], idx: RecordIndex) -> Tally:
    """Set P/R/F1 per article, micro-averaged; predicted = state actors whose article_ids include the article."""
    t = Tally("countries")
    for ga in gold_articles:
        if "countries" not in ga:
            continue
        doc, aid = ga["id"], idx.article_id(ga["id"])
        gold = set(ga["countries"])
        pred = idx.states(aid) if aid else set()
        t.support += len(gold)
        t.hit(len(gold & pred))
        for c in sorted(gold - pred):
            t.miss(doc, c if aid else f"{c} (no article record)")
        for c in sorted(pred - gold):
            t.spurious(doc, c)
    return t


def name_match(a: str, b: str) -> int:
    """2 when names are equal after normalization, 1 when one's tokens are a subset of the other's, else 0."""
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return 0
    if norm(a).casefold() == norm(b).casefold():
        return 2
    return 1 if ta <= tb or tb <= ta else 0


def _person_pairs(gold: list[Gold], pred: list[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs: exact names first, then token-subset names; countries must agree."""
    cands = [
        (score, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if g.get("country") == p.get("country") and (score := name_match(g["name"], str(p.get("name") or "")))
    ]
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def pred_role(actor: Record, article_id: str | None) -> str | None:
    """The role the actor had in this article (from `roles`), else its overall role."""
    for r in actor.get("roles") or []:
        if isinstance(r, dict) and r.get("article_id") == article_id and r.get("role"):
            return str(r["role"])
    role = actor.get("role")
    return str(role) if role else None


def role_match(gold: str, pred: str | None) -> bool:
    """Content-word Jaccard ≥ 0.5, or the predicted role contains the gold role's head title word.

    "Defence Minister" vs "Vietnamese Defence Minister" passes on the head "minister"; extra modifiers are fine.
    """
    if not pred:
        return False
    if jaccard(content(gold), content(pred)) >= 0.5:
        return True
    head = head_word(gold)
    return head is not None and head in set(tokens(pred))


def _who(name: Any, country: Any) -> str:
    return f"{name} ({country or 'no country'})"


def score_persons(gold_articles: list[Gold], idx: RecordIndex) -> list[Tally]:
    """persons P/R/F1 over (name, country); person_roles accuracy over matched gold persons with a role.

    A predicted person whose name matches an already matched gold person ("Xi" beside "Xi Jinping") is an unmerged
    alias: neither a hit nor a false positive, counted in extra["unmerged"].
    """
    persons = Tally("persons", extra={"unmerged": 0})
    roles = Tally("person_roles", prf=False, accuracy=True)
    for ga in gold_articles:
        if "persons" not in ga:
            continue
        doc, aid = ga["id"], idx.article_id(ga["id"])
        gold, pred = ga["persons"], idx.persons(aid) if aid else []
        persons.support += len(gold)
        pairs = _person_pairs(gold, pred)
        persons.hit(len(pairs))
        matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                persons.miss(doc, _who(g["name"], g.get("country")) + ("" if aid else " (no article record)"))
        for pi, p in enumerate(pred):
            if pi in matched_p:
                continue
            if any(name_match(gold[gi]["name"], str(p.get("name") or "")) and gold[gi].get("country") == p.get("country")
                   for gi in matched_g):
                persons.extra["unmerged"] += 1
            else:
                persons.spurious(doc, _who(p.get("name"), p.get("country")))
        for gi, pi in pairs:
            g_role = gold[gi].get("role")
            if not g_role:
                continue
            roles.support += 1
            got = pred_role(pred[pi], aid)
            roles.judge(role_match(g_role, got), doc, f"{gold[gi]['name']}: gold «{g_role}», got «{got}»")
    return [persons, roles]
