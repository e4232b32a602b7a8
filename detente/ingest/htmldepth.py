"""How deeply an HTML page nests its elements, to explain pages the parser silently empties.

libxml2 (under lxml and trafilatura) stops building the tree past 256 levels, so a page nested deeper
comes out with no text at all; saying so is clearer than "no article text found".
"""

from __future__ import annotations

import re

PARSER_DEPTH = 255
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def nesting_depth(html: str, stop_at: int | None = None) -> int:
    """The deepest open-element count seen scanning the tags (void and self-closed tags do not nest).

    Approximate (unclosed ``<p>`` and ``<li>`` count as open), which only errs towards deeper; ``stop_at``
    ends the scan early once that depth is reached.
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closed = match.groups()
        if name.lower() in _VOID or self_closed:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if stop_at is not None and deepest >= stop_at:
                break
    return deepest
