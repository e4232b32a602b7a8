"""Dates a page states in its lines, each with what it is: the first publication, an update, or a bare date.

Pages print their date in many shapes: "Published November 20th, 2019 - 07:29 GMT", "Nov 20 2019, 11:06am ist",
"5:27 am CST, Wednesday, November 20, 2019" under a lone "Updated", "November 19, 2019 | 4:20am | Updated
November 19, 2019 | 9:32pm", "WASHINGTON | Updated: 18.07.2020 16:01". The words before a date (on its line, or
a cue alone on the line above) say which kind it is; the reader of the page takes the first published or bare
date as the article's, never an update when the first date is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detente.clean.pagedate import MONTH_NUMBER

DATE = re.compile(
    r"(?i)(?<![\w/.\-])(?:"
    r"(?P<m1>[a-zéûä]{3,10})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<m2>[a-zéûä]{3,10})\.?,?\s+(?:de\s+)?(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)[\-/.](?P<mo3>\d{1,2})[\-/.](?P<d3>\d{1,2})"
    r"|(?P<a4>\d{1,2})(?P<sep>[./\-])(?P<b4>\d{1,2})(?P=sep)(?P<y4>(?:19|20)\d\d)"
    r")(?![\w])"
)
UPDATED_CUE = re.compile(
    r"\b(?:updated|modified|edited|revised|atualizad[oa]|actualizad[oa]|aggiornat[oa]|aktualisiert|mis à jour)\b", re.I
)
PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|created|released|first\s+published|issued|date|publicad[oa]|publié|pubblicat[oa]"
    r"|veröffentlicht)\b", re.I
)
# A date that is not the page's: a cited document's, a member's join date, a birthday.
CITED_CUE = re.compile(
    r"\b(?:source|sources|according to|via|cited|citing|report(?:ed)? by|joined|member since|born|since|until)\b", re.I
)
RANGE_AFTER = re.compile(r"^\s*[\-–—~]\s*(?:\d{4}|\d{1,2}(?![\d:h])|open\b|today\b|present\b|now\b)", re.I)
TIME = re.compile(r"\b\d{1,2}(?:[:h.]\d\d)+\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
ZONE = re.compile(r"\b(?:[A-Z]{1,4}T|UTC|GMT|IST|ist|et|ET)(?:\s*[+\-]\s*\d{1,2}(?::?\d\d)?)?\b")
WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\b\.?", re.I
)
MAX_DATELINE_CHARS = 140
MAX_OTHER_WORDS = 10
CUE_ALONE = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|published|posted|first\s+published)\s*:?\s*(?:on|at)?\s*$", re.I)


@dataclass(frozen=True)
class StatedDate:
    day: date
    kind: str  # "published" | "updated" | "plain" | "cited" (a source's date: "Source: Ministry, May 2, 2020")
    line: str


def _day(m: re.Match[str], day_first: bool) -> date | None:
    try:
        if m.group("y3"):
            return date(int(m.group("y3")), int(m.group("mo3")), int(m.group("d3")))
        if m.group("y4"):
            a, b, y = int(m.group("a4")), int(m.group("b4")), int(m.group("y4"))
            if m.group("sep") == "." or a > 12:
                day_first = True
            elif b > 12:
                day_first = False
            return date(y, b, a) if day_first else date(y, a, b)
        name = (m.group("m1") or m.group("m2")).lower()
        month = MONTH_NUMBER.get(name)
        if month is None:
            return None
        return date(int(m.group("y1") or m.group("y2")), month, int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None


def is_dateline(line: str) -> bool:
    """A line that states when, not a sentence or a teaser with a date in it: short, and little left besides its
    dates, times, zones, weekdays and a few words (a cue, a byline, a place)."""
    first = DATE.search(line)
    if len(line) > MAX_DATELINE_CHARS or not first or RANGE_AFTER.match(line[first.end() :]):
        return False  # no date, or a span ("2018.04.05 ~ 2018.05.01"): a schedule, not when the page was written
    rest = WEEKDAY.sub(" ", ZONE.sub(" ", TIME.sub(" ", DATE.sub(" ", line))))
    return len(re.findall(r"\w+", rest)) <= MAX_OTHER_WORDS


def dates_in_line(line: str, cue: str | None = None, day_first: bool = False) -> list[StatedDate]:
    """Every date written in ``line``, each kind read from the words since the previous date (or ``cue``, a
    lone "Updated" on the line above, for the first). A date in parentheses or opening a range ("2020/7/11-12")
    is an aside, not the line's date."""
    found: list[StatedDate] = []
    start = 0
    for m in DATE.finditer(line):
        day = _day(m, day_first)
        prefix = line[: m.start()]
        if day is None or prefix.count("(") > prefix.count(")") or RANGE_AFTER.match(line[m.end() :]):
            continue
        before = line[start : m.start()]
        if not found and cue and not WEEKDAY.sub(" ", ZONE.sub(" ", TIME.sub(" ", before))).strip(" |,:-–—"):
            before = cue
        if CITED_CUE.search(prefix):
            kind = "cited"
        elif UPDATED_CUE.search(before):
            kind = "updated"
        else:
            kind = "published" if PUBLISHED_CUE.search(before) else "plain"
        found.append(StatedDate(day, kind, line))
        start = m.end()
    return found


def stated_dates(lines: list[str], day_first: bool = False) -> list[StatedDate]:
    """The dates stated on the datelines among ``lines``, in order; a cue alone on a line carries to the next."""
    out: list[StatedDate] = []
    cue: str | None = None
    for line in lines:
        if is_dateline(line):
            out += dates_in_line(line, cue, day_first)
        cue = line if CUE_ALONE.match(line) else None
    return out


def first_published(dates: list[StatedDate]) -> StatedDate | None:
    """The article's own date among ``dates``: the first marked published, else the first bare one (an update or
    a cited date never)."""
    for kind in ("published", "plain"):
        for stated in dates:
            if stated.kind == kind:
                return stated
    return None


# A story's dateline opening its first sentence: the place it was filed from, with an optional country or state, day
# and agency, then a dash: "BRUSSELS, June 23 (Reuters) -", "HANOI, Vietnam (AP) —", "MOSCOW (Reuters) -", "BEIJING—", "Kabul, Afghanistan (AFP) --".
# The place is in capitals, or any case when an agency in parentheses follows; a hyphen needs a space after it, so
# "US-China talks" is no dateline.
STORY_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'’.\-/]+(?:\s+[A-Z][A-Z'’.\-/]+)*(?:,\s*[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,2})?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?"
    r"|[A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+)*(?:,\s*[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,2})?\s*\([^)]{1,40}\))"
    r"\s*(?:[—–]+|--?(?=\s))\s*"
)


def story_dateline_end(sentence: str) -> int:
    """Characters of the story dateline opening ``sentence`` (0 if none): the place a story was filed from is
    neither a speaker nor a party to what the sentence reports."""
    found = STORY_DATELINE.match(sentence)
    return found.end() if found else 0
