"""Readers for the TimeML peer suites (../shared/peer-suites/time/): documents with their text, creation time and
gold TIMEX3 as character spans, and the MEANTIME event mentions with their factuality attributes.

TempEval-3 platinum ``*.tml``: inline TimeML; the text is ``<TEXT>`` with every tag removed and entities decoded.
MEANTIME ``*.xml.gz`` (CAT XML): tokens with sentence numbers and markables anchored to token ids; the text is the
tokens detokenised (no space before closing punctuation and clitics, none after opening brackets), sentences on
their own lines, and only sentences 0-5 are annotated, so only those are scored.
"""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SUITES = Path(__file__).resolve().parents[2] / "shared" / "peer-suites"
TE3 = SUITES / "time" / "tempeval3-platinum"
MEANTIME = SUITES / "time" / "meantime-en"
MEANTIME_SCORED_SENTENCES = 6  # sentences 0-5 are annotated, nothing after


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class GoldEvent:
    """A MEANTIME event mention: the character span of its head token and its three factuality axes."""

    start: int
    end: int
    text: str
    certainty: str
    polarity: str
    time: str
    pos: str


@dataclass
class TimeDoc:
    name: str
    text: str
    dct: date
    timexes: list[GoldTimex]
    scored_until: int | None = None  # characters after this are not annotated (MEANTIME)
    events: list[GoldEvent] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _strip_inline(markup: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Text with the tags removed and the (start, end, attributes) of every TIMEX3 in it."""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    for match in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos : match.start()])
        out.append(chunk)
        length += len(chunk)
        pos = match.end()
        closing, name, attrs = match.group(1), match.group(2), match.group(3)
        if name != "TIMEX3":
            continue
        if closing:
            start, attributes = open_timex.pop()
            spans.append((start, length, attributes))
        else:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
    out.append(html.unescape(markup[pos:]))
    return "".join(out), spans


def read_te3(folder: Path = TE3) -> list[TimeDoc]:
    docs = []
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_value = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw).group(1)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
        text, spans = _strip_inline(body)
        timexes = [GoldTimex(s, e, a.get("type", ""), a.get("value", ""), text[s:e]) for s, e, a in spans]
        docs.append(TimeDoc(path.stem, text, date.fromisoformat(dct_value[:10]), timexes))
    return docs


NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|'|’s|''|\.\.\.)$")
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "``", "“"}


def detokenise(tokens: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]], list[int]]:
    """(text, char span of each token, char offset of each sentence start) from (word, sentence) pairs."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    starts: list[int] = []
    length = 0
    previous: tuple[str, int] | None = None
    for word, sentence in tokens:
        if previous is None:
            sep = ""
        elif sentence != previous[1]:
            sep = "\n"
        elif NO_SPACE_BEFORE.match(word) or previous[0] in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        if previous is None or sentence != previous[1]:
            starts.append(length + len(sep))
        parts.append(sep + word)
        length += len(sep)
        spans.append((length, length + len(word)))
        length += len(word)
        previous = (word, sentence)
    return "".join(parts), spans, starts


_TOKEN = re.compile(r'<token number="\d+" sentence="(\d+)" t_id="(\d+)">(.*?)</token>', re.S)
_MARKABLE = re.compile(r"<(TIMEX3|EVENT_MENTION) ([^>]*)>(.*?)</\1>", re.S)
_ANCHOR = re.compile(r'<token_anchor t_id="(\d+)"/>')
_DATELINE = re.compile(r"^(\w+ \d{1,2}, \d{4})$")


def read_meantime(folder: Path = MEANTIME) -> list[TimeDoc]:
    docs = []
    for path in sorted(folder.glob("*/*.xml.gz")):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        tokens = [(html.unescape(m.group(3)), int(m.group(1)), m.group(2)) for m in _TOKEN.finditer(raw)]
        text, spans, starts = detokenise([(w, s) for w, s, _ in tokens])
        where = {tid: (spans[i], sentence) for i, (_, sentence, tid) in enumerate(tokens)}
        timexes: list[GoldTimex] = []
        events: list[GoldEvent] = []
        dct: date | None = None
        for match in _MARKABLE.finditer(raw):
            kind, attrs = match.group(1), dict(_ATTR.findall(match.group(2)))
            anchors = [where[t] for t in _ANCHOR.findall(match.group(3)) if t in where]
            if kind == "TIMEX3" and attrs.get("functionInDocument") == "CREATION_TIME":
                dct = _iso_day(attrs.get("value", "")) or dct
            if not anchors:
                continue
            start, end = min(a[0][0] for a in anchors), max(a[0][1] for a in anchors)
            if kind == "TIMEX3":
                timexes.append(GoldTimex(start, end, attrs.get("type", ""), attrs.get("value", ""), text[start:end]))
            else:
                head = _event_head(anchors, attrs.get("pred", ""), text)
                events.append(GoldEvent(head[0], head[1], text[head[0] : head[1]], attrs.get("certainty", ""),
                                        attrs.get("polarity", ""), attrs.get("time", ""), attrs.get("pos", "")))
        if dct is None:  # no readable creation time: the dateline (sentence 1) says it
            line = text[starts[1] : starts[2] - 1] if len(starts) > 2 else ""
            match = _DATELINE.match(line.strip())
            dct = _dateline_day(match.group(1)) if match else None
        if dct is None:
            continue
        scored_until = starts[MEANTIME_SCORED_SENTENCES] if len(starts) > MEANTIME_SCORED_SENTENCES else len(text)
        docs.append(TimeDoc(path.name.removesuffix(".xml.gz"), text, dct, timexes, scored_until, events, starts))
    return docs


def _event_head(anchors: list[tuple[tuple[int, int], int]], pred: str, text: str) -> tuple[int, int]:
    """The anchor token that is the predicate ("take" of "take off"), else the last one (a noun phrase's head)."""
    spans = [a[0] for a in anchors]
    for start, end in spans:
        if pred and text[start:end].lower().startswith(pred.lower()[:4]):
            return start, end
    return spans[-1]


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _dateline_day(words: str) -> date | None:
    from datetime import datetime

    try:
        return datetime.strptime(words, "%B %d, %Y").date()
    except ValueError:
        return None
