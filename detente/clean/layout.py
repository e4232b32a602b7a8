"""Where the article sits in a text dump of a whole page: its run of paragraphs, and its headline above them.

A browser's "select all" of a news page holds the article among menus, teaser lists, widgets and footers, and a
few of those lines are sentence-shaped too ("Thanks for contacting us. We've received your submission.", a
teaser's first sentence). The article is the densest long run of paragraphs: paragraphs a few widget lines apart
belong together, a lone sentence among menus does not. Its headline is the headline-shaped line above the run
that reads like the lead below it and stands over a byline or a date, not an item of a list of other headlines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from detente.clean import datelines

GAP_LINES = 12  # lines allowed between two paragraphs of one article (an in-body widget, a caption, an ad)
GAP_WORDS = 60  # and words on them (furniture, captions and separators not counted)
SKIP = frozenset({"furniture", "caption", "separator", "repeat", "pullquote"})
WORD = re.compile(r"[\w’'\-]+")
STOP = frozenset("""the a an of to in on for and or but with from by at as is are was were be been has have had
its it this that these those his her their our your who which what when where how why will would could should
can may says said new after over into than more about amid""".split())
BY_LINE = re.compile(r"^\s*by\s+[A-Z]", re.I)
NEAR = 4  # lines after a headline where its byline or date stands


class LineLike(Protocol):
    text: str
    label: str


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def body_run(lines: Sequence[LineLike]) -> tuple[int, int] | None:
    """(first, last) indices of the article's run of paragraphs: runs are split where more than ``GAP_LINES``
    lines, or ``GAP_WORDS`` words not on furniture, stand between two paragraphs; the run with the most
    paragraph words wins."""
    paragraphs = [i for i, line in enumerate(lines) if line.label == "paragraph"]
    if not paragraphs:
        return None
    runs: list[tuple[int, int]] = []
    start = prev = paragraphs[0]
    for i in paragraphs[1:]:
        gap = [line for line in lines[prev + 1 : i] if line.label not in SKIP]
        if i - prev - 1 > GAP_LINES or sum(len(_words(line.text)) for line in gap) > GAP_WORDS:
            runs.append((start, prev))
            start = i
        prev = i
    runs.append((start, prev))

    def weight(run: tuple[int, int]) -> int:
        a, b = run
        return sum(len(_words(line.text)) for line in lines[a : b + 1] if line.label == "paragraph")

    return max(runs, key=weight)


def _content(text: str) -> set[str]:
    return {w.lower() for w in _words(text) if len(w) > 2 and w.lower() not in STOP}


def _stands_over_credit(lines: Sequence[LineLike], i: int) -> bool:
    """A byline or the page's own date stands within a few lines below (a cited source's date does not count)."""
    following = [line for line in lines[i + 1 :] if line.label != "furniture"][:NEAR]
    return any(line.label in ("byline", "dateline") or BY_LINE.match(line.text) or _own_date(line.text)
               for line in following)


def _own_date(text: str) -> bool:
    return datelines.is_dateline(text) and any(d.kind != "cited" for d in datelines.dates_in_line(text))


def choose_title(lines: Sequence[LineLike], candidates: list[int], lead: str) -> int | None:
    """The index of the headline among ``candidates`` (headline-shaped lines above the body): the one that
    stands over a byline or a date, shares its words with the lead, and is not one item of a list of headlines;
    ties go to the first."""
    if not candidates:
        return None
    lead_words = _content(lead)
    chosen = set(candidates)
    keys = [" ".join(_words(line.text.lower())) for line in lines]

    def is_dek(i: int) -> bool:
        """The standfirst under a headline: a long headline-shaped line right below another (headline first)."""
        return i - 1 in chosen and len(_words(lines[i].text)) >= 12

    def score(i: int) -> float:
        mine = _content(lines[i].text)
        value = 3.0 if _stands_over_credit(lines, i) else 0.0
        value += 3.0 * (len(mine & lead_words) / len(mine) if mine else 0.0)
        value += 1.0 if keys.count(keys[i]) > 1 else 0.0
        if is_dek(i):
            value -= 3.0
        neighbours = [j for j in (i - 1, i + 1) if j in chosen and not (j == i + 1 and is_dek(j))]
        if neighbours and not _stands_over_credit(lines, i):
            value -= 1.5  # one of a list of other stories' headlines
        return value

    return max(candidates, key=lambda i: (score(i), -i))
