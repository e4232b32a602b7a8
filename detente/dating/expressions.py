"""Find time expressions in text: TimeML TIMEX3 extent, type and value, and for dates an interval resolved against
a reference date or range.

The extent follows TimeML: the words of the expression with their modifiers ("early December", "the past two
years", "almost seven years") but not the preposition or determiner that attaches it ("on Tuesday" -> "Tuesday",
"in 2010" -> "2010", "his 2007 campaign" -> "2007"); patterns match the attaching word (group ``pre``) for its
meaning and leave it out of the extent. Types: DATE, TIME (a clock time or part of a day), DURATION, SET.

Dates also get an interval ``[start, end]`` with a precision, against a reference that may be a range (an article
whose publication day is not known): "last Sunday" read against a week of possible publication days is a range of
Sundays, not a day picked from it. Weekday arithmetic, month names without a year and "from November 2-3" are done
here, where they can be tested directly; the direction of a relative expression (``future``) comes from the
sentence's tense (``detente.dating.tense``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from detente.dating import timex_values as tv
from detente.dating.timex_values import MONTHS, NUMBER_WORDS, WEEKDAYS, number

_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
# modifiers that are part of a date's extent (TimeML's mod START / MID / END)
_MOD = r"(?P<mod>(?i:early|earlier|mid|late|later|the end of|the beginning of|the start of|the middle of|the turn of))"
_NUM = rf"(?P<num>\d{{1,3}}(?:\.\d)?|{NUMBER_WORDS}|a|an|one|a few|a couple of|several|few|many|some)"
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)"
_APPROX = (r"(?P<approx>(?i:about|around|almost|nearly|roughly|approximately|some|over|more than|less than|"
           r"fewer than|at least|up to|a mere|only|just|barely|just over|just under|well over|the first|the last|the "
           r"past|the next|the previous|the following|the coming|the))")
# clock times: 15:00, 8 p.m., 6:40 a.m., noon; a zone; the day they are on
_CLOCK = (r"(?:(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))|"
          r"(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!:\d)|(?P<noon>noon|midnight))")
_ZONE = r"(?:\s+(?P<zone>GMT|UTC|BST|CET|EST|EDT|PST|PDT|CST|CDT|IST|JST|local time)(?:\s*[+-]\d{1,2})?)?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("clock", re.compile(
        rf"(?:\b(?P<pre>at|by|from|until|till|before|after|around|about)\s+)?\b{_CLOCK}{_ZONE}"
        rf"(?:,?\s+(?:on\s+)?{_WD}|\s+(?P<word>today|tonight|yesterday|tomorrow))?")),
    ("mdy", re.compile(rf"\b(?:{_MOD}\s+)?{_MON}\s+{_DAY}{_DAY2},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}{_DAY2}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")),
    ("numeric", re.compile(r"(?<![\d/.])(?P<mnum>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<yy>\d{4}|\d{2})(?![\d/])")),
    ("set", re.compile(
        r"\b(?:(?P<every>(?i:every|each|per))\s+(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
        r"(?P<unit>day|week|month|year|morning|afternoon|evening|night|season|quarter|summer|winter|spring|autumn))|"
        r"(?P<adverb>(?i:daily|weekly|monthly|yearly|annually|hourly|nightly|annual|biannual|quarterly))|"
        r"(?P<qty>(?:\d|billion|million|thousand|percent|times|once|twice)\S*)\s+(?P<a>a|per)\s+"
        r"(?P<aunit>day|week|month|year))\b")),
    ("md", re.compile(rf"\b(?:{_MOD}\s+)?{_MON}\s+{_DAY}{_DAY2}\b(?!,?\s+\d{{4}})(?!\s*(?:billion|million|%|percent))")),
    ("dm", re.compile(rf"\b{_DAY}{_DAY2}\s+(?:of\s+)?{_MON}\b(?!,?\s+\d{{4}})")),
    ("my", re.compile(rf"\b(?:{_MOD}[\s-]+)?{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("quarter", re.compile(
        r"\b(?:(?P<the>the)\s+)?(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter|"
        r"Q(?P<q>[1-4]))(?:,?\s+(?:of\s+)?(?:(?P<year>1[89]\d\d|20\d\d)|(?:(?P<yrel>this|last|next) year)))?\b", re.I)),
    ("part_of_day", re.compile(
        r"\b(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)\b|\b(?P<tonight>tonight)\b",
        re.I)),
    ("rel_wd", re.compile(
        rf"\b(?:(?P<pre>on|from|since|by|until|till|before|after|for|through)\s+)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
        rf"{_WD}(?:\s+{_PART})?\b", re.I)),
    ("rel_unit", re.compile(
        rf"\b(?:{_MOD}\s+)?(?:(?P<the>the)\s+)?(?P<rel>last|next|this|coming|past|previous|current|following)\s+"
        r"(?P<fiscal>fiscal\s+)?(?P<unit>week|month|year|weekend|quarter)\b(?!s)", re.I)),
    ("ago", re.compile(
        rf"\b(?P<num>\d{{1,3}}|{NUMBER_WORDS}|a|an|one|a few|a couple of|several)\s+(?P<unit>day|week|month|year|decade)s?"
        r"\s+ago(?P<today>\s+today)?\b", re.I)),
    ("coming", re.compile(
        r"\b(?:(?P<pre>in|over|within|during|for)\s+)?the (?P<rel>coming|next) (?P<few>few )?(?P<unit>days|weeks|months)\b",
        re.I)),
    ("rel_day", re.compile(
        r"\b(?P<mod2>(?i:earlier|later)\s+)?(?P<word>yesterday|today|tomorrow)\b(?!'s)|\b(?P<word2>yesterday|tomorrow)'s\b",
        re.I)),
    ("month", re.compile(
        rf"(?:\b(?P<pre>(?i:in|since|by|until|till|from|during|of|for|through|before|after))\s+)?"
        rf"(?:{_MOD}[\s-]+)?(?:(?P<rel>(?i:last|next|this))\s+)?\b{_MON}(?!\s+\d)\b")),
    ("the_day", re.compile(r"\b(?P<the>[Tt]he) (?P<same>same )?day\b(?![\s-]*(?:s\b|long|old|before|after|when|that|the|of|on which|will|would)\b)")),
    ("the_weekend", re.compile(r"\b(?:(?P<pre>over|during|at|on|for)\s+)?the weekend\b", re.I)),
    ("season", re.compile(
        r"\b(?:(?P<pre>in|during|by|through|since|until|over|for)\s+)?(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?"
        r"(?:(?P<rel>this|last|next|coming|past)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
        r"(?:\s+(?:of\s+)?(?P<year>1[89]\d\d|20\d\d))?\b", re.I)),
    ("decade", re.compile(
        r"(?:\b(?P<the>the)\s+)?(?:\b(?P<mod>early|mid|late)[\s-]+)?(?:\b(?P<decade>1[89]\d0|20\d0)|['’](?P<short>\d0)|(?<=the )(?P<short2>\d0))s\b", re.I)),
    ("century", re.compile(
        r"\b(?:(?P<the>the)\s+)?(?P<ord>1\d|20|21|nineteenth|twentieth|twenty-first)(?:st|nd|rd|th)?[\s-]+century\b",
        re.I)),
    ("year", re.compile(
        rf"(?:\b(?P<pre>(?i:in|since|by|until|till|from|during|of|before|after|the|their|its|a|an|his|her|our|through|"
        rf"to|and|for|between|fiscal|FY))[\s-]*)?(?:{_MOD}[\s-]+)?(?<![\d$.,£€]){_YEAR}(?![\d%])\b")),
    ("ref", re.compile(
        r"\b(?P<present>(?:right |just )?now|currently|nowadays|presently|at present|these days|the time being)\b|"
        r"\b(?P<past>(?:more |most |very |until )?(?:recently|lately)|(?<=\b[Ii]n )the past|at the time)\b"
        r"(?!\s+(?:few|several|\d|two|three))|"
        r"\b(?<!as )(?P<future>(?:very |quite )?(?:soon|shortly)|(?<=\b[Ii]n )the (?:near |distant )?future|"
        r"(?<=\b[Ii]n )the (?:near|short|long|medium|longer) term)\b(?!\s+(?:as|after|before))",
        re.I)),
    ("duration", re.compile(
        rf"\b(?:{_APPROX}\s+)?{_NUM}[\s-]+(?P<adj>(?:straight|consecutive|full|more|long|short|trading|working|business)\s+)?"
        rf"{_UNIT}(?P<plural>s)?(?:'|\b)(?![\s-]+(?:old|ago)\b)(?!-old)", re.I)),
    ("duration_adj", re.compile(
        rf"\b(?P<num>\d{{1,3}}|{NUMBER_WORDS}|one)-{_UNIT}(?:-long)?\b(?!-old)", re.I)),
    ("duration_vague", re.compile(
        r"\b(?:(?P<pre>for|in|over|within|after)\s+)?(?:(?P<lead>the past|the last|the next|the following|the previous|"
        r"the coming|recent|the)\s+)?(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s\b(?!')|"
        r"\b(?P<unit2>decade|year|month|week|day)s-long\b", re.I)),
    ("duration_the", re.compile(
        r"\b(?P<lead>the (?:past|last|next|following|previous|coming))\s+(?P<unit>decade|century)\b|"
        r"\b(?P<a>a|one) (?P<unit2>decade|century)\b", re.I)),
]

# A literal each pattern cannot match without (same case rules as the pattern): most sentences hold no time
# expression, and one plain search is far cheaper than the patterns' optional prefixes tried at every word.
_MONTH_WORD = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_UNIT_WORD = re.compile(r"second|minute|hour|day|week|fortnight|month|year|decade|centur", re.I)
NEEDLES: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "clock": re.compile(r"\d:\d\d|\d\s*(?:[ap]\.m\.|[ap]m\b)|noon|midnight", re.I),
    "mdy": _MONTH_WORD, "dmy": _MONTH_WORD, "md": _MONTH_WORD, "dm": _MONTH_WORD, "my": _MONTH_WORD,
    "month": _MONTH_WORD,
    "numeric": re.compile(r"\d/\d"),
    "set": re.compile(r"every|each|per\b|daily|weekly|monthly|yearly|annual|hourly|nightly|quarterly|\ba (?:day|week|month|year)\b", re.I),
    "quarter": re.compile(r"quarter|Q[1-4]", re.I),
    "part_of_day": re.compile(r"morning|afternoon|evening|night", re.I),
    "rel_wd": re.compile(r"day", re.I),
    "rel_unit": re.compile(r"week|month|year|quarter", re.I),
    "ago": re.compile(r"ago", re.I),
    "coming": re.compile(r"coming|next", re.I),
    "rel_day": re.compile(r"yesterday|today|tomorrow", re.I),
    "season": re.compile(r"spring|summer|autumn|fall|winter", re.I),
    "decade": re.compile(r"0s", re.I),
    "century": re.compile(r"century", re.I),
    "the_day": re.compile(r"he (?:same )?day"),
    "the_weekend": re.compile(r"the weekend", re.I),
    "year": re.compile(r"1[89]\d\d|20\d\d"),
    "ref": re.compile(r"now|current|present|these days|recent|lately|past|at the time|soon|shortly|future", re.I),
    "duration": _UNIT_WORD, "duration_adj": _UNIT_WORD, "duration_vague": _UNIT_WORD, "duration_the": _UNIT_WORD,
}


@dataclass(frozen=True)
class TimeSpan:
    """A resolved date: an interval, its precision and the words behind it (with their TimeML type and value)."""

    start: date
    end: date
    precision: str  # day | month | year | range
    text: str
    char_start: int = 0
    char_end: int = 0
    relative: bool = False  # depends on the publication date
    carried: bool = False  # inherited from the previous sentence, not the event's own words
    timex_type: str = "DATE"
    value: str = ""
    evidence: str = field(default="own", compare=False)  # own | sentence: whose words these are, for the basis

    @property
    def basis(self) -> str:
        return f"{self.text!r}" + (" relative to publication date" if self.relative else "")


@dataclass(frozen=True)
class Timex:
    """A TimeML TIMEX3: extent (characters), type, value and mod; ``span`` is its interval when it dates something."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    span: TimeSpan | None = None


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
        if day and (ref - candidate).days <= 14:
            return year  # "will meet on May 2" in a story of May 9: a day just gone, not a year ahead
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


def _days(a: date, b: date, relative: bool) -> tuple[date, date, str, bool]:
    return (a, b, "day" if a == b else "range", relative)


def resolve_expression(
    kind: str, groups: dict[str, str | None], text: str, ref: tuple[date, date], future: bool
) -> tuple[date, date, str, bool] | None:
    """Interval for one matched date expression; ``ref`` is the publication range, ``future`` the tense."""
    lo, hi = ref
    g = {k: v for k, v in groups.items() if v is not None}
    if kind == "iso":
        d = _clamp_day(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return (d, d, "day", False) if d else None
    if kind == "numeric":
        yy = int(g["yy"])
        year = yy if yy > 999 else (2000 + yy if yy < 50 else 1900 + yy)
        d = _clamp_day(year, int(g["mnum"]), int(g["day"]))
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
        return _month(g, lo, hi, future)
    if kind == "season":
        return _season(g, lo, hi, future)
    if kind == "quarter":
        return _quarter(g, lo, hi)
    if kind == "year":
        year = int(g["year"])
        return (date(year, 1, 1), date(year, 12, 31), "year", False)
    if kind == "decade":
        decade = tv.decade_start(g)
        return (date(decade, 1, 1), date(decade + 9, 12, 31), "range", False)
    if kind == "century":
        first = (tv.century(g["ord"]) - 1) * 100 + 1
        return (date(first, 1, 1), date(first + 99, 12, 31), "range", False)
    if kind == "coming":  # "in the coming weeks": from tomorrow to a few units ahead (three by convention)
        ahead = {"days": 7, "weeks": 21, "months": 92}[g["unit"].lower()]
        return (lo + timedelta(days=1), hi + timedelta(days=ahead), "range", True)
    if kind == "rel_day":
        word = (g.get("word") or g.get("word2") or "").lower()
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
        return _days(lo + timedelta(days=offset), hi + timedelta(days=offset), True)
    if kind == "part_of_day":
        rel = (g.get("rel") or "").lower()
        offset = -1 if rel == "yesterday" or (rel == "last" and (g.get("part") or "").lower() == "night") else \
            1 if rel == "tomorrow" else 0
        return _days(lo + timedelta(days=offset), hi + timedelta(days=offset), True)
    if kind == "ago":
        return _ago(g, lo, hi)
    if kind == "the_day":  # "shares fell 3% on the day": the day of the report (anaphoric: no interval of its own)
        return _days(lo, hi, True)
    if kind == "the_weekend":
        def weekend(d: date) -> date:
            saturday = d + timedelta(days=(5 - d.weekday()) % 7) if future else d - timedelta(days=(d.weekday() - 5) % 7)
            return saturday
        return (weekend(lo), weekend(hi) + timedelta(days=1), "range", True)
    if kind == "rel_unit":
        return _relative_unit(g["rel"].lower(), g["unit"].lower(), lo, hi)
    if kind in ("rel_wd", "clock"):
        return _weekday_or_clock(kind, g, lo, hi, future)
    return None


def _weekday_or_clock(kind: str, g: dict[str, str], lo: date, hi: date, future: bool) -> tuple[date, date, str, bool] | None:
    if kind == "clock" and not g.get("wd"):
        word = (g.get("word") or "today").lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return _days(lo + timedelta(days=offset), hi + timedelta(days=offset), True)
    weekday = WEEKDAYS[g["wd"].lower()]
    rel = (g.get("rel") or "").lower()
    pre = (g.get("pre") or "").lower()
    if rel in ("next", "coming") or pre in ("until", "till", "by") or (future and rel not in ("last", "past")
                                                                       and pre not in ("since", "before")):
        direction, allow_same = 1, rel != "next"
    else:
        direction, allow_same = -1, rel not in ("last", "past")
    a = _weekday_from(lo, weekday, direction, allow_same)
    b = _weekday_from(hi, weekday, direction, allow_same)
    return _days(min(a, b), max(a, b), True)


def _month(g: dict[str, str], lo: date, hi: date, future: bool) -> tuple[date, date, str, bool]:
    month = MONTHS[g["mon"].lower().rstrip(".")]
    rel = (g.get("rel") or g.get("pre") or "").lower()
    fut = (future or rel == "next") and rel != "last"
    spans = []
    for ref_day in (lo, hi):
        year = _nearest_year_for(month, None, ref_day, fut)
        if rel == "last":  # "last November" said in November is a year back: the last one before this month
            year = ref_day.year if month < ref_day.month else ref_day.year - 1
        elif rel == "this":
            year = ref_day.year
        spans.append((date(year, month, 1), _month_end(year, month)))
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return (start, end, "month" if spans[0] == spans[1] else "range", True)


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season(g: dict[str, str], lo: date, hi: date, future: bool) -> tuple[date, date, str, bool] | None:
    """Northern-hemisphere seasons: "in the autumn" is the next one ahead in a future sentence, else the last one."""
    season = g["season"].lower()
    first, last = SEASONS[season]
    if g.get("year"):
        year = int(g["year"])
        return (date(year, first, 1), _month_end(year + (first > last), last), "range", False)
    rel = (g.get("rel") or "").lower()
    if not (rel or g.get("pre") or g.get("the")):
        return None  # a bare "spring" or "fall" is as often no time at all
    step = 1 if rel in ("next", "coming") or (future and rel not in ("last", "past")) else \
        0 if rel == "this" else -1

    def bounds(ref: date) -> tuple[date, date]:
        year = ref.year
        if step > 0 and _month_end(year + (first > last), last) < ref:
            year += 1
        elif step < 0 and date(year, first, 1) > ref:
            year -= 1
        if rel == "last" and date(year, first, 1) <= ref <= _month_end(year + (first > last), last):
            year -= 1  # "last summer" said in summer is the one before
        end_year = year + (1 if first > last else 0)
        return date(year, first, 1), _month_end(end_year, last)

    (a, _), (_, b) = bounds(lo), bounds(hi)
    return (a, b, "range", True)


def _quarter(g: dict[str, str], lo: date, hi: date) -> tuple[date, date, str, bool]:
    q = tv.quarter_number(g)
    if g.get("year"):
        year = int(g["year"])
        return (date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "range", False)
    yrel = (g.get("yrel") or "").lower()

    def year_for(ref: date) -> int:
        """The nearest quarter of that number: news speaks of the quarter just reported or the one coming."""
        if yrel:
            return ref.year + {"this": 0, "last": -1, "next": 1}[yrel]
        index = ref.year * 4 + (ref.month - 1) // 3
        return min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: (abs(y * 4 + q - 1 - index), -y))

    y1, y2 = year_for(lo), year_for(hi)
    return (date(y1, 3 * q - 2, 1), _month_end(y2, 3 * q), "range", True)


def _ago(g: dict[str, str], lo: date, hi: date) -> tuple[date, date, str, bool] | None:
    """"four days ago", "forty years ago today" (the same calendar day, N years back)."""
    count, unit = number(g["num"]), g["unit"].lower()
    if count is None or count != int(count):
        return None
    n = int(count)
    if unit == "day":
        return _days(lo - timedelta(days=n), hi - timedelta(days=n), True)
    if unit == "week":  # the calendar week n weeks back
        start, end = lo - timedelta(weeks=n), hi - timedelta(weeks=n)
        return (start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday()), "range", True)
    months = n * {"year": 12, "decade": 120}.get(unit, 1)

    def back(d: date) -> date:
        year, month = divmod(d.year * 12 + d.month - 1 - months, 12)
        return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))

    if g.get("today"):
        return _days(back(lo), back(hi), True)
    if unit == "month":
        start, end = back(lo).replace(day=1), back(hi)
        end = _month_end(end.year, end.month)
        return (start, end, "month" if (start.year, start.month) == (end.year, end.month) else "range", True)
    start, end = date(lo.year - months // 12, 1, 1), date(hi.year - months // 12, 12, 31)
    return (start, end, "year" if start.year == end.year else "range", True)


def _relative_unit(rel: str, unit: str, lo: date, hi: date) -> tuple[date, date, str, bool]:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
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
    if unit == "quarter":
        def quarter_bounds(d: date) -> tuple[date, date]:
            index = d.year * 4 + (d.month - 1) // 3 + step
            year, q = divmod(index, 4)
            return date(year, 3 * q + 1, 1), _month_end(year, 3 * q + 3)
        (a, _), (_, b) = quarter_bounds(lo), quarter_bounds(hi)
        return (a, b, "range", True)
    a, b = date(lo.year + step, 1, 1), date(hi.year + step, 12, 31)
    return (a, b, "year" if a.year == b.year else "range", True)


@dataclass(frozen=True)
class _Candidate:
    """A pattern match before resolution: what the text says, whatever the reference date."""

    kind: str
    start: int  # the extent (TimeML), without the attaching preposition or determiner
    end: int
    groups: dict[str, str | None]
    words: str  # the whole match, attaching word included


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
            if not tv.plausible(kind, text, match):
                continue
            start, end = _extent(kind, match)
            if start >= end:
                continue
            found.append(_Candidate(kind, start, end, match.groupdict(), match.group(0)))
    order = {kind: i for i, (kind, _) in enumerate(PATTERNS)}
    return tuple(sorted(found, key=lambda c: (c.start - c.end, order[c.kind], c.start)))  # longest extent first


_NOT_IN_EXTENT = {"pre", "the", "qty"}


def _extent(kind: str, match: re.Match[str]) -> tuple[int, int]:
    """The match without its attaching word (``pre``; a leading "the" of a year, quarter or decade) and spaces."""
    start, end = match.span()
    for name in _NOT_IN_EXTENT:
        if name in match.re.groupindex and match.group(name) is not None and match.start(name) == start:
            if name == "the" and kind in ("rel_unit", "season", "duration_the", "quarter", "the_day"):
                continue  # "the last week", "the summer": TimeML keeps the determiner of a relative unit
            start = match.end(name)
    text = match.string
    while start < end and text[start] in " \t\n-":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


Direction = bool | Callable[[int, int], bool]  # the sentence's tense, or the tense at each expression's offsets


def find_timexes(text: str, ref: tuple[date, date], future: Direction = False, offset: int = 0) -> list[Timex]:
    """All TIMEX3 in ``text`` (the longest wins an overlap, then the earlier pattern), with values and, for dates,
    intervals against ``ref``. ``future`` is the sentence's tense, or a function of an expression's offsets (in the
    whole text: ``offset`` added) that gives the tense of the clause it sits in."""
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    for candidate in _candidates(text):
        start, end = candidate.start, candidate.end
        if any(start < e and s < end for s, e in taken):
            continue
        timex = _timex(candidate, text, ref, future, offset)
        if timex is None:
            continue
        taken.append((start, end))
        found.append(timex)
    return sorted(found, key=lambda t: t.start)


def _timex(candidate: _Candidate, text: str, ref: tuple[date, date], direction: Direction, offset: int) -> Timex | None:
    kind, g = candidate.kind, candidate.groups
    words = text[candidate.start : candidate.end]
    start, end = offset + candidate.start, offset + candidate.end
    future = direction(start, end) if callable(direction) else direction
    described = tv.describe(kind, g, words)
    if described is not None:  # durations, sets, now/recently/soon: a value, no interval of their own
        ttype, value, mod = described
        span = None
        if kind == "coming":
            span = _span(candidate, text, ref, future, offset, ttype, value)
            if span is None:
                return None
        return Timex(start, end, words, ttype, value, mod, span)
    try:
        resolved = resolve_expression(kind, g, words, ref, future)
        at_lo = resolve_expression(kind, g, words, (ref[0], ref[0]), future) if ref[0] != ref[1] else resolved
    except (OverflowError, ValueError):  # a reference at the calendar's ends (year 1, 9999): unresolvable
        return None
    if resolved is None or at_lo is None:
        return None
    ttype, value, mod = tv.date_value(kind, g, at_lo[0], at_lo[1], words)
    d1, d2, precision, relative = resolved
    span = TimeSpan(d1, d2, precision, words, start, end, relative, timex_type=ttype, value=value)
    return Timex(start, end, words, ttype, value, mod, None if kind in ANAPHORIC else span)


ANAPHORIC = {"the_day"}  # TIMEX3 whose value is the creation day only by default: they date no event


def _span(candidate: _Candidate, text: str, ref: tuple[date, date], future: bool, offset: int, ttype: str,
          value: str) -> TimeSpan | None:
    try:
        resolved = resolve_expression(candidate.kind, candidate.groups, candidate.words, ref, future)
    except (OverflowError, ValueError):
        return None
    if resolved is None:
        return None
    d1, d2, precision, relative = resolved
    words = text[candidate.start : candidate.end]
    return TimeSpan(d1, d2, precision, words, offset + candidate.start, offset + candidate.end, relative,
                    timex_type=ttype, value=value)


def find_time_expressions(text: str, ref: tuple[date, date], future: Direction = False, offset: int = 0) -> list[TimeSpan]:
    """The time expressions in ``text`` that place something in time (dates and clock times, not durations or
    sets), each with its interval resolved against ``ref``."""
    return [t.span for t in find_timexes(text, ref, future, offset) if t.span is not None]
