"""Recover article paragraphs an extractor left behind in sibling containers.

Many sites split one article body into several containers of the same kind (an ad or a newsletter box
between them: ``<div class="body__container">…</div><aside/><div class="body__container">…</div>``), and
trafilatura sometimes keeps only the first. The containers that held the paragraphs it did keep give a
signature (the parent's tag and class); prose paragraphs in other containers with that exact signature are
the same article's and are put back after the kept paragraph that precedes them in the page. Nothing before the
first kept paragraph is taken: a box above the article (a claim, a standfirst) often shares the body's markup.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from lxml import etree

MIN_WORDS = 8
MAX_LINK_SHARE = 0.3
MIN_FOUND = 2
TOKEN = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(TOKEN.findall(text.lower()))


def _prose(p: etree._Element) -> str | None:
    """The paragraph's text when it reads as prose (long enough, mostly not links), else None."""
    text = " ".join(p.text_content().split())
    if len(text.split()) < MIN_WORDS:
        return None
    linked = sum(len(" ".join(a.text_content().split())) for a in p.iter("a"))
    return text if linked <= MAX_LINK_SHARE * len(text) else None


def _signature(el: etree._Element) -> tuple[str, str] | None:
    parent = el.getparent()
    if parent is None or not (parent.get("class") or "").strip():
        return None
    return str(parent.tag), " ".join(sorted(parent.get("class").split()))


def recover_paragraphs(html: str, text: str) -> str:
    """``text`` with the paragraphs of same-signature sibling containers inserted in page order."""
    if not text.strip() or len(html) < 200:
        return text
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return text
    kept_key = _key(text)
    paragraphs = [(p, prose) for p in tree.iter("p") if (prose := _prose(p))]
    found = [(p, prose) for p, prose in paragraphs if _key(prose) in kept_key]
    if len(found) < MIN_FOUND:
        return text
    signatures = Counter(sig for p, _ in found if (sig := _signature(p)))
    if not signatures:
        return text
    signature, count = signatures.most_common(1)[0]
    if count < 0.5 * len(found):
        return text
    kept_parents = {p.getparent() for p, prose in found}
    lines = text.split("\n")
    anchor: str | None = None
    inserted = 0
    for p, prose in paragraphs:
        key = _key(prose)
        if key in kept_key:
            anchor = key
            continue
        if anchor is None or _signature(p) != signature or p.getparent() in kept_parents:
            continue
        at = _line_after(lines, anchor)
        lines.insert(at, prose)
        anchor = key
        kept_key += " " + key
        inserted += 1
    return "\n".join(lines) if inserted else text


def _line_after(lines: list[str], anchor: str | None) -> int:
    """Index just after the line holding the anchor paragraph (the end when it cannot be found)."""
    if anchor is None:
        return len(lines)
    head = anchor[:80]
    for i, line in enumerate(lines):
        if head and head in _key(line):
            return i + 1
    return len(lines)
