"""Pages that carry more than one article: keep the one under the headline, drop the others' paragraphs.

Infinite-scroll news pages append the next story, blogs list other posts with their excerpts, and archive
pages show many; each sits in its own ``<article>``. When an extractor's text mixes paragraphs from several of
them, the article the page is about is the ``<article>`` whose heading is the page's headline (else the one
holding most of the extracted text); paragraphs found only in the other ``<article>`` elements are left out.
"""

from __future__ import annotations

import re

from lxml import etree

MIN_WORDS = 8
TOKEN = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(TOKEN.findall(text.lower()))


def _prose_keys(article: etree._Element) -> set[str]:
    keys = set()
    for p in article.iter("p"):
        text = " ".join(p.text_content().split())
        if len(text.split()) >= MIN_WORDS:
            keys.add(_key(text))
    return keys


def _innermost(root: etree._Element) -> list[etree._Element]:
    """<article> elements with prose that hold no other such <article>."""
    with_prose = [a for a in root.iter("article") if _prose_keys(a)]
    inner = []
    for article in with_prose:
        if not any(other is not article and article in other.iterancestors() for other in with_prose):
            inner.append(article)
    return inner


def _heading_matches(article: etree._Element, title_key: str) -> bool:
    for tag in ("h1", "h2"):
        for h in article.iter(tag):
            if title_key and _key(h.text_content()) == title_key:
                return True
    return False


def drop_other_articles(root: etree._Element | None, text: str, title: str | None) -> str:
    """``text`` without the lines that belong only to ``<article>`` elements other than the page's own."""
    if root is None or not text.strip():
        return text
    articles = _innermost(root)
    if len(articles) < 2:
        return text
    lines = text.split("\n")
    line_keys = [_key(line) for line in lines]
    title_key = _key(title or "")
    own = [a for a in articles if _heading_matches(a, title_key)]
    keys = [_prose_keys(a) for a in articles]
    if len(own) == 1:
        main = articles.index(own[0])
    else:
        kept = set(line_keys)
        main = max(range(len(articles)), key=lambda i: sum(len(k) for k in keys[i] if k in kept))
    others = set().union(*(k for i, k in enumerate(keys) if i != main)) - keys[main]
    if not others:
        return text
    out = [line for line, key in zip(lines, line_keys, strict=True) if key not in others]
    # never leave the page without its article: a wrong guess of the main <article> keeps the text as it was
    return "\n".join(out) if any(k in keys[main] for k in line_keys) else text
