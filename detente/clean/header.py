"""The article's header on the page: the lines between the headline and the first paragraph of the body.

That is where a page prints the byline and the date of its article; the same kinds of lines elsewhere belong to
something else (a site's today-banner above the masthead, a related story's date in a sidebar, a photo credit).
A headline may be printed more than once (in the navigation, over a gallery); each run of lines from a printing
of the headline to the next one, or to the body, is a candidate header, nearest the body first.
"""

from __future__ import annotations

import re
from itertools import pairwise

WORD = re.compile(r"\w+")
ABOVE = 3  # lines just above the headline that may still be its header (a kicker with the date)
MAX_ZONE = 80


def _key(text: str | None) -> str:
    return " ".join(WORD.findall((text or "").lower()))


def find_body_start(lines: list[str], body: str) -> int | None:
    """Index of the line where the body's first paragraph begins, or None."""
    first = body.strip().split("\n", 1)[0]
    head = _key(first)[:60]
    if len(head) < 12:
        return None
    for i, line in enumerate(lines):
        if _key(line).startswith(head) or (len(_key(line)) >= 40 and head.startswith(_key(line)[:60])):
            return i
    return None


def is_headline(line: str, title: str | None) -> bool:
    key, wanted = _key(line), _key(title)
    return bool(wanted) and (key == wanted or (len(wanted) > 20 and key.endswith(wanted) and len(key) < len(wanted) + 40))


def header_zones(lines: list[str], title: str | None, body_start: int | None) -> list[list[str]]:
    """Candidate headers, nearest the body first: the lines after each printing of the headline up to the next
    one (or the body), then the few lines just above the first printing. Without a headline on the page, the
    lines just before the body."""
    end = body_start if body_start is not None else len(lines)
    heads = [i for i in range(end) if is_headline(lines[i], title)]
    if not heads:
        return [lines[max(0, end - 12) : end]] if body_start is not None else []
    zones = []
    bounds = [*heads, end]
    for a, b in reversed(list(pairwise(bounds))):
        zones.append(lines[a + 1 : min(b, a + 1 + MAX_ZONE)])
    zones.append(lines[max(0, heads[0] - ABOVE) : heads[0]])
    return zones
