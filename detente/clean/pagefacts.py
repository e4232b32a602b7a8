"""What an HTML page says about itself outside the article text: its visible lines, headings, meta tags, JSON-LD.

Trafilatura isolates the article's text; the page's own furniture still tells the reader the headline as shown
(the ``<h1>``), the site's name (``og:site_name``, ``application-name``, the ``<title>`` suffix) and the byline
and date printed between the headline and the first paragraph. These facts are read once, here, from the markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

HIDDEN = ("script", "style", "noscript", "template", "svg", "head")
BLOCK = frozenset("p div article section header footer aside nav main li ul ol h1 h2 h3 h4 h5 h6 blockquote figure "
                  "figcaption table tr td th pre br hr title dd dt dl form".split())
LD_SCRIPT = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)


@dataclass
class PageFacts:
    lines: list[str] = field(default_factory=list)  # the visible text, one block per line
    h1: list[str] = field(default_factory=list)  # visible <h1> texts in page order
    title_tag: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents in page order
    ld_authors: list[str] = field(default_factory=list)  # JSON-LD author names of the page's article
    ld_publishers: list[str] = field(default_factory=list)
    root: etree._Element | None = None  # the parsed page (scripts, styles and the head removed)

    def first(self, *keys: str) -> str | None:
        """The first non-empty meta content under any of ``keys``."""
        for key in keys:
            for value in self.meta.get(key, []):
                if value.strip():
                    return " ".join(value.split())
        return None


def _text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def visible_lines(root: etree._Element) -> list[str]:
    """The readable text of a parsed page, one block per line; scripts, styles and the head are removed from
    ``root`` in place."""
    etree.strip_elements(root, *HIDDEN, etree.Comment, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCK:
                parts.append("\n")
            parts.append(element.text or "")
        else:
            if tag in BLOCK:
                parts.append("\n")
            parts.append(element.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return [line for line in lines if line]


def markup_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block per line (the markup itself if it does not parse)."""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return markup
    return "\n".join(visible_lines(root))


def _ld_objects(markup: str) -> list[dict]:
    found: list[dict] = []
    for block in LD_SCRIPT.findall(markup):
        try:
            stack = [json.loads(block)]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph" and isinstance(v, list))
    return found


def _names(value: object) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, an object with a name, or a list of either."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            out.append(" ".join(name.split()))
    return out


ARTICLE_TYPES = re.compile(r"(?:News)?Article|Report|BlogPosting|WebPage|LiveBlogPosting|OpinionNewsArticle", re.I)


def page_facts(markup: str) -> PageFacts:
    """Parse ``markup`` once and collect the page's self-description (empty facts when it does not parse)."""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return PageFacts()
    facts = PageFacts()
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = meta.get("content") if meta.get("content") is not None else meta.get("value")
        if key and value:
            facts.meta.setdefault(key, []).append(value)
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        facts.title_tag = _text(title)
    for item in _ld_objects(markup):
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and ARTICLE_TYPES.fullmatch(k) for k in kinds):
            facts.ld_authors += [n for n in _names(item.get("author")) if n not in facts.ld_authors]
            facts.ld_publishers += [n for n in _names(item.get("publisher")) if n not in facts.ld_publishers]
    facts.lines = visible_lines(root)
    facts.root = root
    facts.h1 = [text for h in root.iter("h1") if (text := _text(h))]
    return facts
