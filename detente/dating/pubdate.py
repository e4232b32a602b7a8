"""Bound the publication date of an article that does not state one.

Evidence, each giving a bound: dated photo captions (published on or after),
absolute dates in past-tense sentences (on or after) and in future-tense ones
(before), "this week" next to a dated event (same week), and the tenure of
office holders named with their titles (within the tenure). The range is the
intersection of all bounds; the basis names the sentence behind each.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from detente.dating.datable import any_keyword, bounds_from_meetings, datable_events
from detente.dating.expressions import find_time_expressions

FUTURE = re.compile(
    r"\b(will|shall|is expected to|are expected to|is scheduled to|are scheduled to|is set to|are set to|plans? to|"
    r"ahead of|upcoming|is due to|are due to|to attend|would)\b",
    re.I,
)
ABBREVIATIONS = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|St|No|vs)|"
    r"\b[A-Z]|\b[A-Z]\.[A-Z])\.$")


def split_sentences(text: str) -> list[str]:
    """Sentences for date evidence; "Dec. 13" and "U.S." do not end one (the body is not parsed here)."""
    out: list[str] = []
    for line in text.splitlines():
        for piece in re.split(r"(?<=[.!?])\s+", line):
            if out and out[-1] and not out[-1].endswith("\n") and ABBREVIATIONS.search(out[-1]):
                out[-1] += " " + piece
            else:
                out.append(piece)
        if out:
            out[-1] += "\n"
    return [s.strip() for s in out if s.strip()]
FAR_PAST = date(1900, 1, 1)


WEEKDAY = re.compile(r"\b(?:on|last|this|from|since|next)?\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def weekday_pins(sentences: list[str]) -> list[tuple[date, date, str]]:
    """A weekday named with its date ("on Tuesday, Dec. 12", "signed Tuesday (Dec 12)") pins the week.

    News names a past day by its weekday only within the week after it ("on Tuesday" is at most six days ago) and a
    coming day within the week before it, so a sentence that gives both the weekday and the date of one event bounds
    publication to [day, day + 6] (past) or [day - 6, day] (future).
    """
    dummy = (date(2000, 1, 1), date(2000, 1, 1))
    pins: list[tuple[date, date, str]] = []
    for sentence in sentences:
        named = {m.group(1).lower() for m in WEEKDAY.finditer(sentence)}
        if not named:
            continue
        for span in find_time_expressions(sentence, dummy):
            if span.relative or span.precision != "day" or span.start.strftime("%A").lower() not in named:
                continue
            why = f"{span.start.strftime('%A')} {span.start} named by its weekday ({sentence.strip()[:50]}…)"
            if is_future(sentence):
                pins.append((span.start - timedelta(days=6), span.start, why))
            else:
                pins.append((span.start, span.start + timedelta(days=6), why))
    return pins


def meeting_weekday_pins(sentences: list[str], lo: date, hi: date) -> list[tuple[date, date, str]]:
    """A known meeting or incident named with the weekday it fell on pins the week, as a dated weekday does.

    "Biden and Kishida met at the White House on Wednesday": of the meetings the sentence names (a keyword and a
    place from ``data/datable_events.tsv``, within the bounds known so far), keep those with a day on that weekday;
    exactly one must remain. Past: publication within the six days after that day; coming: within the six before.
    """
    pins: list[tuple[date, date, str]] = []
    for sentence in sentences:
        named = {m.group(1).lower() for m in WEEKDAY.finditer(sentence)}
        if not named or not any_keyword().search(sentence):  # one search rules out most sentences
            continue
        days = {
            (event.name, day)
            for event in datable_events()
            if event.keywords.search(sentence) and event.places.search(sentence)
            and lo - timedelta(days=400) <= event.start <= hi + timedelta(days=400)
            for day in _days(event.start, event.end)
            if day.strftime("%A").lower() in named
        }
        if len(days) != 1:
            continue
        (name, day), = days
        why = f"{name} on {day.strftime('%A')} {day} named by its weekday ({sentence.strip()[:60]}…)"
        if is_future(sentence):
            pins.append((day - timedelta(days=6), day, why))
        else:
            pins.append((day, day + timedelta(days=6), why))
    return pins


# "BEIJING, April 14 (Xinhua) --": a wire dateline with the day and month of publication but no year
DATELINE_DAY = re.compile(
    r"^[A-Z][A-Z .,'’/-]{1,40},\s+(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def dateline_days(body: str, lo: date, hi: date) -> list[tuple[date, date, str]]:
    """A yearless dateline opening the body: publication falls on that day and month of a year within [lo, hi],
    so the range shrinks to run from the first such day to the last."""
    match = DATELINE_DAY.match(body.lstrip())
    if not match:
        return []
    month, day = _MONTHS.index(match.group("month")[:3].lower()) + 1, int(match.group("day"))
    days = []
    for year in range(max(lo.year, 1900), hi.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if lo <= candidate <= hi:
            days.append(candidate)
    if not days:
        return []
    return [(days[0], days[-1], f"dateline '{match.group(0).strip()}' without a year")]


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range(min((end - start).days, 13) + 1)]


def is_future(sentence: str) -> bool:
    return bool(FUTURE.search(sentence))


def _narrow(lo: date, hi: date, start: date, end: date, reason: str, why: list[str]) -> tuple[date, date]:
    """Intersect [lo, hi] with [start, end], noting the reason when it tightens either end."""
    if start > lo:
        lo = start
        why.append(reason)
    if end < hi:
        hi = end
        why.append(reason)
    return lo, hi


def _tenure_bounds(
    tenures: list[tuple[date, date | None, str]], lo: date, hi: date
) -> list[tuple[date, date | None, str]]:
    """One bound per person: a single spell as it is; several spells of one person (two terms) reduced to those
    that overlap [lo, hi], then to their hull (the article fits one of them, we may not know which)."""
    by_who: dict[str, list[tuple[date, date | None]]] = {}
    for start, end, who in tenures:
        by_who.setdefault(who, []).append((start, end))
    bounds = []
    for who, spells in by_who.items():
        fitting = [(s, e) for s, e in spells if s <= hi and (e is None or e >= lo)] or spells
        ends = [e for _, e in fitting]
        bounds.append((min(s for s, _ in fitting), None if None in ends else max(e for e in ends if e), who))
    return bounds


def infer_pub_range(
    stated: str | None,
    captions: list[str],
    body: str,
    tenures: list[tuple[date, date | None, str]] | None = None,
) -> tuple[list[str | None], str]:
    """([earliest, latest] ISO dates, basis). With a stated date both ends are that date."""
    if stated:
        return [stated, stated], "stated"
    lo, hi = FAR_PAST, date.today()
    caption_day: date | None = None
    why: list[str] = []
    dummy = (date(2000, 1, 1), date(2000, 1, 1))  # absolute expressions do not use the reference
    for caption in captions:
        for span in find_time_expressions(caption, dummy):
            if not span.relative and span.precision == "day" and span.start > lo:
                lo = caption_day = span.start
                why.append(f"caption dated {span.text}")
    for sentence in split_sentences(body):
        for span in find_time_expressions(sentence, dummy):
            if span.relative or span.precision not in ("day", "range"):
                continue
            if is_future(sentence):
                if span.start - timedelta(days=1) < hi and span.start > lo:
                    hi = span.start - timedelta(days=1)
                    why.append(f"before {span.text} ({sentence.strip()[:60]}…)")
            elif span.end > lo:
                lo = span.end
                why.append(f"after {span.text} ({sentence.strip()[:60]}…)")
    sentences = split_sentences(body)
    for start, end, reason in weekday_pins(sentences + list(captions)):
        lo, hi = _narrow(lo, hi, start, end, reason, why)
    for _ in range(2):  # a second pass: one person's bound can rule out another's other spell (Lula 2003-10)
        for start, end, who in _tenure_bounds(tenures or [], lo, hi):
            lo, hi = _narrow(lo, hi, start, hi, f"{who} in office from {start}", why)
            lo, hi = _narrow(lo, hi, lo, end or hi, f"{who} in office until {end}", why)
    for start, end, reason in dateline_days(body, lo, hi):
        lo, hi = _narrow(lo, hi, start, end, reason, why)
    for start, end, reason in meeting_weekday_pins(sentences, lo, hi) + bounds_from_meetings(sentences, lo, hi):
        lo, hi = _narrow(lo, hi, start, end, reason, why)
    if caption_day and re.search(r"\bthis week'?s?\b", body, re.I):
        week_end = caption_day + timedelta(days=6 - caption_day.weekday())
        if week_end < hi:
            hi = week_end
            why.append("'this week' with the dated caption")
    if lo > hi:
        return [None, None], "inferred: conflicting evidence (" + "; ".join(dict.fromkeys(why)) + ")"
    if lo == FAR_PAST:
        return [None, hi.isoformat() if why else None], ("inferred: " + "; ".join(dict.fromkeys(why))) if why else "unknown"
    return [lo.isoformat(), hi.isoformat()], "inferred: " + "; ".join(dict.fromkeys(why))
