"""Split an article body into flat, non-overlapping segments marked with the facts that cover them.

Events cover their sentence, quotes their exact span; spans overlap freely, so
the body is cut at every boundary and each piece carries the set of facts over
it. Templates then print each piece escaped inside one <span>: no nesting to
get wrong, and no article text is ever treated as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from detente.records import Event, Quote


@dataclass
class Segment:
    text: str
    start: int
    sentence: int | None = None  # sentence index, when the segment opens a sentence (an anchor goes here)
    events: list[str] = field(default_factory=list)  # event ids over this piece
    quotes: list[str] = field(default_factory=list)  # quote ids over this piece
    labels: list[str] = field(default_factory=list)  # short human labels for a tooltip

    @property
    def css(self) -> str:
        return " ".join(c for c, on in (("ev", self.events), ("qt", self.quotes)) if on)


def segments(body: str, sentences: list[tuple[int, int, int]], events: list[Event], quotes: list[Quote]) -> list[Segment]:
    """``sentences`` as (index, start, end); offsets are clamped to the body so bad spans cannot break rendering."""
    n = len(body)

    def clamp(v: int) -> int:
        return max(0, min(n, int(v)))

    spans: list[tuple[int, int, str, str, str]] = []  # start, end, kind, id, label
    for e in events:
        label = f"{e.source or '?'} {e.type}{'/' + e.mode if e.mode else ''} {e.target or '?'} ({e.status})"
        spans.append((clamp(e.char_start), clamp(e.char_end), "event", e.id, label))
    for q in quotes:
        spans.append((clamp(q.char_start), clamp(q.char_end), "quote", q.id, f"{q.quote_type} quote: {q.speaker or '?'}"))
    starts = {clamp(s): idx for idx, s, _ in sentences}
    cuts = sorted({0, n, *starts, *(s for s, _, _, _, _ in spans), *(e for _, e, _, _, _ in spans)})
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        if left >= right:
            continue
        seg = Segment(body[left:right], left, starts.get(left))
        for s, e, kind, fid, label in spans:
            if s <= left and right <= e:
                (seg.events if kind == "event" else seg.quotes).append(fid)
                if label not in seg.labels:
                    seg.labels.append(label)
        out.append(seg)
    return out
