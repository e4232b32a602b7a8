"""TimeML values, types and mods for matched time expressions, and the checks that keep look-alikes out.

Values follow the TimeML 1.2 guidelines: a calendar date at the precision the words give (``2013-03-22``,
``2013-03``, ``2013``, ``2013-W11``, ``2013-Q1``, ``2012-SU``, ``199`` for the 1990s, ``19`` for the 20th century),
a clock time on its day (``2013-03-23T15:00``, ``Z`` for UTC), a part of a day (``2013-03-22TAF``), a duration
(``P3D``, ``PT2H``, ``PXY`` when the number is vague), a set by its period (``P1Y`` for "annually",
``XXXX-WXX-1`` for "every Monday"), and ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` for "now", "recently",
"soon".
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
NUMBERS: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS)}
NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90, "hundred": 100, "a hundred": 100, "a": 1, "an": 1, "a couple of": 2, "half a": 0.5,
                "half an": 0.5})
NUMBER_WORDS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|"
                r"eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|(?:a )?hundred|half an?)(?: and a half)?")
VAGUE = {"several", "few", "a few", "many", "some"}


def number(word: str) -> float | None:
    """"three" 3, "twenty-five" 25, "2.5", "two and a half" 2.5; None for a vague number ("several")."""
    word = word.lower().strip()
    half = word.endswith(" and a half")
    word = word.removesuffix(" and a half")
    if word in VAGUE:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        value = float(word)
    elif "-" in word and all(p in NUMBERS for p in word.split("-")):
        tens, ones = word.split("-")
        value = NUMBERS[tens] + NUMBERS[ones]
    elif word in NUMBERS:
        value = NUMBERS[word]
    else:
        return None
    return value + 0.5 if half else value


def _count(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else str(value)


UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W", "month": "M",
              "year": "Y", "decade": "Y", "century": "Y", "centurie": "Y", "quarter": "M", "season": "M"}
UNIT_SCALE = {"fortnight": 2, "decade": 10, "century": 100, "centurie": 100, "quarter": 3, "season": 3}


def duration(n: float | None, unit: str) -> str:
    """``P3D``, ``PT2H``, ``P10Y`` for a decade, ``PXW`` for "several weeks"."""
    unit = unit.lower().rstrip("s") if unit.lower() not in ("centuries",) else "century"
    code = UNIT_CODES.get(unit, "D")
    scaled = None if n is None else n * UNIT_SCALE.get(unit, 1)
    clock = unit in ("second", "minute", "hour")
    return f"P{'T' if clock else ''}{_count(scaled)}{code}"


MODS = {"early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
        "mid": "MID", "the middle of": "MID", "the turn of": "MID", "late": "END", "later": "END", "the end of": "END",
        "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
        "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
        "barely": "LESS_THAN", "just under": "LESS_THAN", "over": "MORE_THAN", "more than": "MORE_THAN",
        "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS"}


def _mod(word: str | None) -> str | None:
    return MODS.get((word or "").lower().strip("- "))


SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


def decade_start(g: dict[str, str]) -> int:
    if g.get("decade"):
        return int(g["decade"])
    short = int(g.get("short") or g["short2"])
    return 1900 + short if short >= 30 else 2000 + short


ORDINAL_CENTURIES = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def century(word: str) -> int:
    return ORDINAL_CENTURIES.get(word.lower()) or int(word)


QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                    "final": 4}


def quarter_number(g: dict[str, str]) -> int:
    return int(g["q"]) if g.get("q") else QUARTER_ORDINALS[g["ord"].lower()]


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def date_value(kind: str, g: dict[str, str | None], start: date, end: date, words: str) -> tuple[str, str, str | None]:
    """(type, value, mod) of a date expression resolved to ``[start, end]`` (against the creation day)."""
    mod = _mod(g.get("mod") or g.get("mod2"))
    if kind in ("iso", "numeric", "mdy", "dmy", "md", "dm", "rel_day", "the_day"):
        return "DATE", start.isoformat(), mod
    if kind in ("my", "month"):
        return "DATE", start.strftime("%Y-%m"), mod
    if kind == "year":
        fiscal = (g.get("pre") or "").lower() in ("fiscal", "fy")
        return "DATE", ("FY" if fiscal else "") + str(start.year), mod
    if kind == "season":
        return "DATE", f"{start.year}-{SEASON_CODES[(g.get('season') or '').lower()]}", mod
    if kind == "quarter":
        return "DATE", f"{start.year}-Q{(start.month - 1) // 3 + 1}", mod
    if kind == "decade":
        return "DATE", str(start.year)[:3], mod
    if kind == "century":
        return "DATE", str(century(g.get("ord") or "20") - 1), mod
    if kind == "part_of_day":
        part = (g.get("part") or g.get("tonight") or "").lower()
        return "TIME", f"{start.isoformat()}T{PARTS[part]}", mod
    if kind == "rel_wd":
        part = (g.get("part") or "").lower()
        if part:
            return "TIME", f"{start.isoformat()}T{PARTS[part]}", mod
        return "DATE", start.isoformat(), mod
    if kind == "clock":
        return "TIME", f"{start.isoformat()}T{_clock(g)}", mod
    if kind == "rel_unit":
        unit = (g.get("unit") or "").lower()
        if unit == "week":
            return "DATE", _week(start), mod
        if unit == "weekend":
            return "DATE", _week(start) + "-WE", mod
        if unit == "month":
            return "DATE", start.strftime("%Y-%m"), mod
        if unit == "quarter":
            return "DATE", f"{start.year}-Q{(start.month - 1) // 3 + 1}", mod
        return "DATE", str(start.year), mod
    if kind == "the_weekend":
        return "DATE", _week(start) + "-WE", mod
    if kind == "ago":
        unit = (g.get("unit") or "").lower()
        if unit == "day" or g.get("today"):
            return "DATE", start.isoformat(), mod
        if unit == "week":
            return "DATE", _week(start), mod
        if unit == "month":
            return "DATE", start.strftime("%Y-%m"), mod
        return "DATE", str(start.year), mod
    return "DATE", start.isoformat(), mod


def _clock(g: dict[str, str | None]) -> str:
    if g.get("noon"):
        hour, minute = (12, 0) if g["noon"].lower() == "noon" else (0, 0)
    elif g.get("hour24"):
        hour, minute = int(g["hour24"]), int(g.get("minute24") or 0)
    else:
        hour, minute = int(g.get("hour") or 0), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    zone = "Z" if (g.get("zone") or "").upper() == "UTC" else ""
    return f"{hour:02d}:{minute:02d}{zone}"


SET_UNITS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
             "biannual": "P6M", "quarterly": "P3M", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI"}


def _set_value(g: dict[str, str | None]) -> str:
    if g.get("adverb"):
        return SET_UNITS[g["adverb"].lower()]
    if g.get("wd"):
        return f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}"
    unit = (g.get("unit") or g.get("aunit") or "").lower()
    if unit in PARTS:
        return f"XXXX-XX-XXT{PARTS[unit]}"
    if unit in SEASON_CODES:
        return f"XXXX-{SEASON_CODES[unit]}"
    return duration(1, unit)


def describe(kind: str, g: dict[str, str | None], words: str) -> tuple[str, str, str | None] | None:
    """(type, value, mod) of an expression that is no calendar date (durations, sets, now/recently/soon); None for
    a date, whose value needs its resolution."""
    if kind == "duration":
        return "DURATION", duration(number(g.get("num") or ""), g.get("unit") or "day"), _mod(g.get("approx"))
    if kind == "duration_adj":
        return "DURATION", duration(number(g.get("num") or ""), g.get("unit") or "day"), None
    if kind == "duration_vague":
        return "DURATION", duration(None, g.get("unit") or g.get("unit2") or "day"), None
    if kind == "duration_the":
        return "DURATION", duration(1, g.get("unit") or g.get("unit2") or "decade"), None
    if kind == "coming":
        return "DURATION", duration(None, g.get("unit") or "day"), None
    if kind == "set":
        return "SET", _set_value(g), None
    if kind == "ref":
        return "DATE", "PRESENT_REF" if g.get("present") else "PAST_REF" if g.get("past") else "FUTURE_REF", None
    if kind == "ago" and number(g.get("num") or "") is None:
        return "DATE", "PAST_REF", None
    if kind == "rel_unit" and (g.get("the") or "").lower() == "the" and (g.get("rel") or "").lower() == "past":
        return "DURATION", duration(1, g.get("unit") or "year"), None  # "over the past year": the year up to now
    return None


_UNIT_AFTER_YEAR = ("people", "troops", "km", "miles", "tons", "tonnes", "%", "percent", "soldiers", "dollars", "euros")
_AGE_BEFORE = re.compile(r"(?:\bag(?:ed?|es)|\bage of)\s+$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:-?old\b|and (?:older|over|younger|under)|or (?:older|more)|of age\b)", re.I)


def plausible(kind: str, text: str, match: re.Match[str]) -> bool:
    """False for look-alikes: "2,019 people", a bare "May", "a second term", ages, an unmarked "3:07"."""
    g = match.groupdict()
    before, after = text[: match.start()], text[match.end() :]
    if kind == "year":
        if after.lstrip().lower().startswith(_UNIT_AFTER_YEAR):
            return False
        return bool(g.get("pre") or g.get("mod")) or bool(re.match(r"\s*[,.;:)'’]|\s*$|\s+(?:and|to|-|–)\s", after))
    if kind == "month":
        if g.get("pre") or g.get("mod") or g.get("rel"):
            return True
        mon = (g.get("mon") or "").rstrip(".")
        if mon == "May" or len(mon) < 3:
            return False  # "May" alone is the modal verb as often as the month
        return not re.match(r"\s+(?:on|against|to|through|for)\b", after) or mon != "March"
    if kind == "clock":
        if g.get("hour24") and not (g.get("zone") or g.get("pre") or g.get("wd") or g.get("word")):
            return False
        return not (g.get("hour") and g.get("ampm") and int(g["hour"]) > 12)
    if kind in ("duration", "duration_adj"):
        unit = (g.get("unit") or "").lower()
        num = (g.get("num") or "").lower()
        if unit == "second" and num in ("a", "an", "one", "") and not g.get("plural"):
            return False  # "a second term", "one second round"
        if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
            return False
        if num in ("a", "an", "one") and g.get("plural"):
            return False
        return not (num == "some" and not g.get("plural"))
    if kind == "ref":  # "now that ..." is a conjunction
        return not ((g.get("present") or "").lower() == "now" and re.match(r"\s+that\b", after))
    if kind == "duration_vague":
        return bool(g.get("pre") or g.get("lead") or g.get("unit2"))
    return True
