"""Find time expressions in text and resolve each to an interval, given a reference range.

dateparser reads a single absolute date well; weekday arithmetic, "last
Sunday" against a range of possible publication days, month names without a
year and "from November 2-3" are done here, where they can be tested directly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "a": 1, "an": 1, "a hundred": 100})
_NUMBER_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|" \
    r"zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" \
    r"eighteen|nineteen"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}{_DAY2},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}{_DAY2}\s+{_MON}\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}{_DAY2}\b(?!,?\s+\d{{4}})")),
    ("dm", re.compile(rf"\b{_DAY}{_DAY2}\s+{_MON}\b(?!,?\s+\d{{4}})")),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("rel_wd", re.compile(rf"\b(?P<rel>last|next|this|on|from|since|by|until|till|before|after|coming|past)?\s*{_WD}\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>last|next|this|coming|past|previous|earlier this|later this)\s+(?P<unit>week|month|year|weekend)\b", re.I)),
    ("ago", re.compile(rf"\b(?P<num>\d{{1,3}}|{_NUMBER_WORDS}|a|an|one)\s+(?P<unit>day|week|month|year)s?\s+ago(?P<today>\s+today)?\b", re.I)),
    ("coming", re.compile(r"\b(?:in|over|within|during) the (?:coming|next) (?:few )?(?P<unit>days|weeks|months)\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("month", re.compile(rf"\b(?P<prep>(?i:in|since|by|until|from|during|of|early|late|mid|mid-|last|next|this))\s+{_MON}(?!\s+\d)\b")),
    ("season", re.compile(r"\b(?P<rel>in the|this|last|next|in|during the|by the|early this|later this)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I)),
    ("decade", re.compile(r"\b(?i:in|during|since) the (?P<decade>1[89]\d0|20\d0)s\b")),
    ("year", re.compile(rf"\b(?P<prep>(?i:in|since|by|until|from|during|of|early|late|mid|mid-|before|after|the|their|its|a|an|his|her))?\s*(?<![\d$.,]){_YEAR}(?![\d%])\b")),
]


@dataclass(frozen=True)
class TimeSpan:
    """A resolved time expression: an interval, its precision and the words behind it."""

    start: date
    end: date
    precision: str  # day | month | year | range
    text: str
    char_start: int = 0
    char_end: int = 0
    relative: bool = False  # depends on the publication date
    carried: bool = False  # inherited from the previous sentence, not the event's own words

    @property
    def basis(self) -> str:
        return f"{self.text!r}" + (" relative to publication date" if self.relative else "")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _clamp_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year_for(month: int, day: int | None, ref: date, future: bool) -> int:
    """The year that puts ``month``/``day`` nearest to ``ref`` on the right side of it."""
    year = ref.year
    candidate = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
    if future and candidate < ref.replace(day=1) if day is None else future and candidate < ref:
        return year + 1
    if not future and (candidate > ref if day else date(year, month, 1) > ref):
        if day and (candidate - ref).days <= 14:
            return year  # "on May 1" in a story of April 28: days ahead, not a year back
        return year - 1
    return year


def _weekday_from(ref: date, weekday: int, direction: int, allow_same: bool) -> date:
    if direction < 0:
        delta = (ref.weekday() - weekday) % 7
        if delta == 0 and not allow_same:
            delta = 7
        return ref - timedelta(days=delta)
    delta = (weekday - ref.weekday()) % 7
    if delta == 0 and not allow_same:
        delta = 7
    return ref + timedelta(days=delta)


def resolve_expression(
    kind: str, groups: dict[str, str | None], text: str, ref: tuple[date, date], future: bool
) -> tuple[date, date, str, bool] | None:
    """Interval for one matched expression; ``ref`` is the publication range, ``future`` the tense."""
    lo, hi = ref
    g = {k: v for k, v in groups.items() if v is not None}
    if kind == "iso":
        d = _clamp_day(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return (d, d, "day", False) if d else None
    if kind in ("mdy", "dmy"):
        year, month = int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")]
        d1 = _clamp_day(year, month, int(g["day"]))
        d2 = _clamp_day(year, month, int(g["day2"])) if g.get("day2") else d1
        if not d1 or not d2 or d2 < d1:
            return None
        return (d1, d2, "day" if d1 == d2 else "range", False)
    if kind in ("md", "dm"):
        month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
        day2 = int(g["day2"]) if g.get("day2") else day
        starts = []
        for ref_day in (lo, hi):
            year = _nearest_year_for(month, day, ref_day, future)
            d1, d2 = _clamp_day(year, month, day), _clamp_day(year, month, day2)
            if not d1 or not d2 or d2 < d1:
                return None
            starts.append((d1, d2))
        (a1, a2), (b1, b2) = starts
        if a1 == b1:
            return (a1, a2, "day" if a1 == a2 else "range", True)
        return (min(a1, b1), max(a2, b2), "range", True)
    if kind == "my":
        year, month = int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")]
        return (date(year, month, 1), _month_end(year, month), "month", False)
    if kind == "month":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        prep = (g.get("prep") or "").lower()
        fut = future or prep == "next"
        if prep == "last":
            fut = False
        spans = []
        for ref_day in (lo, hi):
            year = _nearest_year_for(month, None, ref_day, fut)
            if prep == "last":  # "last November" said in November is a year back: the last one before this month
                year = ref_day.year if month < ref_day.month else ref_day.year - 1
            spans.append((date(year, month, 1), _month_end(year, month)))
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        return (start, end, "month" if spans[0] == spans[1] else "range", True)
    if kind == "season":
        return _season(g["rel"].lower(), g["season"].lower(), lo, hi, future)
    if kind == "year":
        year = int(g["year"])
        return (date(year, 1, 1), date(year, 12, 31), "year", False)
    if kind == "decade":
        decade = int(g["decade"])
        return (date(decade, 1, 1), date(decade + 9, 12, 31), "range", False)
    if kind == "coming":  # "in the coming weeks": from tomorrow to a few units ahead (three by convention)
        ahead = {"days": 7, "weeks": 21, "months": 92}[g["unit"].lower()]
        return (lo + timedelta(days=1), hi + timedelta(days=ahead), "range", True)
    if kind == "rel_day":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        start, end = lo + timedelta(days=offset), hi + timedelta(days=offset)
        return (start, end, "day" if start == end else "range", True)
    if kind == "ago":
        return _ago(g, lo, hi)
    if kind == "rel_unit":
        return _relative_unit(g["rel"].lower(), g["unit"].lower(), lo, hi)
    if kind == "rel_wd":
        weekday = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel in ("next", "coming", "until", "till", "by") or (future and rel not in ("last", "past", "since", "before")):
            direction, allow_same = 1, rel not in ("next",)
        else:
            direction, allow_same = -1, rel not in ("last", "past")
        a = _weekday_from(lo, weekday, direction, allow_same)
        b = _weekday_from(hi, weekday, direction, allow_same)
        start, end = min(a, b), max(a, b)
        return (start, end, "day" if start == end else "range", True)
    return None


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season(rel: str, season: str, lo: date, hi: date, future: bool) -> tuple[date, date, str, bool]:
    """Northern-hemisphere seasons: "in the autumn" is the next one ahead in a future sentence, else the last one."""
    first, last = SEASONS[season]
    step = 1 if rel == "next" or (future and rel != "last") else -1 if rel == "last" or not future else 0

    def bounds(ref: date) -> tuple[date, date]:
        year = ref.year
        start = date(year, first, 1)
        if step > 0 and _month_end(year + (first > last), last) < ref:
            year += 1
        elif step < 0 and start > ref:
            year -= 1
        end_year = year + (1 if first > last else 0)
        return date(year, first, 1), _month_end(end_year, last)

    (a, _), (_, b) = bounds(lo), bounds(hi)
    return (a, b, "range", True)


def _number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, ones = word.split("-")
        return NUMBERS[tens] + NUMBERS[ones]
    return NUMBERS[word]


def _ago(g: dict[str, str], lo: date, hi: date) -> tuple[date, date, str, bool] | None:
    """"four days ago", "forty years ago today" (the same calendar day, N years back)."""
    n, unit = _number(g["num"]), g["unit"].lower()
    if unit == "day":
        start, end = lo - timedelta(days=n), hi - timedelta(days=n)
        return (start, end, "day" if start == end else "range", True)
    if unit == "week":  # the calendar week n weeks back
        start, end = lo - timedelta(weeks=n), hi - timedelta(weeks=n)
        return (start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday()), "range", True)
    months = n * (12 if unit == "year" else 1)

    def back(d: date) -> date:
        year, month = divmod(d.year * 12 + d.month - 1 - months, 12)
        return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))

    if g.get("today"):
        start, end = back(lo), back(hi)
        return (start, end, "day" if start == end else "range", True)
    if unit == "month":
        start, end = back(lo).replace(day=1), back(hi)
        end = _month_end(end.year, end.month)
        return (start, end, "month" if (start.year, start.month) == (end.year, end.month) else "range", True)
    start, end = date(lo.year - n, 1, 1), date(hi.year - n, 12, 31)
    return (start, end, "year" if start.year == end.year else "range", True)


def _relative_unit(rel: str, unit: str, lo: date, hi: date) -> tuple[date, date, str, bool]:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit in ("week", "weekend"):
        def bounds(d: date) -> tuple[date, date]:
            monday = d - timedelta(days=d.weekday()) + timedelta(weeks=step)
            if unit == "weekend":
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        (a, _), (_, b) = bounds(lo), bounds(hi)
        return (a, b, "range", True)
    if unit == "month":
        def month_bounds(d: date) -> tuple[date, date]:
            index = d.year * 12 + d.month - 1 + step
            year, month = divmod(index, 12)
            return date(year, month + 1, 1), _month_end(year, month + 1)
        (a, _), (_, b) = month_bounds(lo), month_bounds(hi)
        return (a, b, "month" if (a.year, a.month) == (b.year, b.month) else "range", True)
    a, b = date(lo.year + step, 1, 1), date(hi.year + step, 12, 31)
    return (a, b, "year" if a.year == b.year else "range", True)


# A literal each pattern cannot match without (same case rules as the pattern): most sentences hold no time
# expression, and one plain search is far cheaper than the patterns' optional prefixes tried at every word.
_MONTH_WORD = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_YEAR_DIGITS = re.compile(r"1[89]\d\d|20\d\d")
NEEDLES: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "mdy": _MONTH_WORD, "dmy": _MONTH_WORD, "md": _MONTH_WORD, "dm": _MONTH_WORD, "my": _MONTH_WORD, "month": _MONTH_WORD,
    "rel_wd": re.compile(r"day", re.I),
    "rel_unit": re.compile(r"week|month|year", re.I),
    "ago": re.compile(r"ago", re.I),
    "rel_day": re.compile(r"yesterday|today|tomorrow|tonight", re.I),
    "season": re.compile(r"spring|summer|autumn|fall|winter", re.I),
    "decade": re.compile(r"\d0s"),
    "year": _YEAR_DIGITS,
    "coming": re.compile(r"coming|next", re.I),
}


@dataclass(frozen=True)
class _Candidate:
    """A pattern match before resolution: what the text says, whatever the reference date."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]
    words: str


@lru_cache(maxsize=8192)
def _candidates(text: str) -> tuple[_Candidate, ...]:
    """Every pattern match in ``text``, in pattern order. Cached: the dating stages read the same sentence
    against several references (a weekday pin, the publication window, the event's own time)."""
    found: list[_Candidate] = []
    present: dict[re.Pattern[str], bool] = {}
    for kind, pattern in PATTERNS:
        needle = NEEDLES.get(kind)  # a pattern without a prefilter is always tried
        if needle is not None:
            if needle not in present:
                present[needle] = needle.search(text) is not None
            if not present[needle]:
                continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind in ("rel_wd", "year", "month") and match.group(0)[:1].isspace():
                start += len(match.group(0)) - len(match.group(0).lstrip())
            if kind == "year" and not _plausible_year(text, match):
                continue
            found.append(_Candidate(kind, start, end, match.groupdict(), match.group(0)))
    return tuple(found)


def find_time_expressions(text: str, ref: tuple[date, date], future: bool = False, offset: int = 0) -> list[TimeSpan]:
    """All time expressions in ``text`` (longest first, no overlaps), resolved against ``ref``."""
    taken: list[tuple[int, int]] = []
    found: list[TimeSpan] = []
    for candidate in _candidates(text):
        start, end = candidate.start, candidate.end
        if any(start < e and s < end for s, e in taken):
            continue
        try:
            resolved = resolve_expression(candidate.kind, candidate.groups, candidate.words, ref, future)
        except (OverflowError, ValueError):  # a reference at the calendar's ends (year 1, 9999): unresolvable
            continue
        if resolved is None:
            continue
        taken.append((start, end))
        d1, d2, precision, relative = resolved
        found.append(TimeSpan(d1, d2, precision, text[start:end].strip(), offset + start, offset + end, relative))
    return sorted(found, key=lambda t: t.char_start)


def _plausible_year(text: str, match: re.Match[str]) -> bool:
    """"in 1979" yes; "$175 billion in 2019" yes; "2,019 people" or "the 2019 figure" with a prep only."""
    prep = match.group("prep")
    following = text[match.end() : match.end() + 12].lower()
    if following.strip().startswith(("people", "troops", "km", "miles", "tons", "tonnes", "%", "percent")):
        return False
    return bool(prep) or bool(re.match(r"\s*[,.;)]|\s*$", text[match.end() : match.end() + 2]))
