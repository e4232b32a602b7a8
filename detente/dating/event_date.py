"""An event's date, decided in one place from the evidence the article gives, strongest first.

1. the event's own time expression (in its phrase or clause: "signed the accord on Tuesday");
2. the sentence's (another clause of the same sentence);
3. the paragraph's (the previous sentence's time, carried: "... on Wednesday. The two ministers agreed ...");
4. the story's peg (the day of the article's lead event, for its undated reactions: see ``events.timing.is_peg``);
5. the publication date: an act with no time expression that is the article's own news or is ongoing at
   publication is dated to the publication day when that is known, else to the publication month or the short
   range of possible days (REAL-DEV section 10 dates such acts to the publication month; the day lies inside it,
   and measured on real-dev it is right more often: the article's own news is mostly the day's); undated
   background (a perfect relative clause, a pluperfect, "to have signed") is not dated at all.

A relative expression ("on Thursday", "last year") read against a publication date known only within more than
a month dates nothing: the result would be a range as wide as the guess, and its edge is no day. A week is
given as the month holding most of its days ("last week" of 24 Feb - 1 Mar is February), the precision news
gold uses. ``date_basis`` always says which evidence was used and why a date is missing.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from detente.dating.expressions import TimeSpan

PUBLICATION_BASIS = "publication date"
WIDE_PUBLICATION_DAYS = 31  # a publication range wider than this is not a date
EVIDENCE_NOTES = {"own": "", "sentence": " (same sentence)", "paragraph": "", "story": "", "another article": ""}


@dataclass(frozen=True)
class EventDate:
    """The date fields of an event: ISO start and end, precision (day | month | year | range), and the basis."""

    start: str | None
    end: str | None
    precision: str | None
    basis: str | None


UNDATED = EventDate(None, None, None, None)


def wide(pub_range: tuple[date, date]) -> bool:
    return (pub_range[1] - pub_range[0]).days > WIDE_PUBLICATION_DAYS


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def within_publication(time: TimeSpan, status: str, pub_range: tuple[date, date]) -> TimeSpan:
    """A relative time clipped to what the tense allows: a planned event does not start before the earliest
    publication day, a past one does not end after the latest ("are scheduled to visit this week", published in
    December: not November's last days)."""
    lo, hi = pub_range
    start, end = time.start, time.end
    if status == "planned" and start < lo <= end:
        start = lo
    elif status == "happened" and start <= hi < end:
        end = hi
    if (start, end) == (time.start, time.end):
        return time
    precision = "day" if start == end else "month" if (start.year, start.month) == (end.year, end.month) and \
        start.day == 1 and (end + timedelta(days=1)).day == 1 else "range"
    return replace(time, start=start, end=end, precision=precision)


def _week_as_month(time: TimeSpan) -> tuple[date, date, str]:
    """A week ("last week", "this weekend", "two weeks ago") as the month holding most of its days."""
    if "-W" not in time.value or (time.end - time.start).days > 13:
        return time.start, time.end, time.precision
    days = [time.start + timedelta(days=i) for i in range((time.end - time.start).days + 1)]
    months = [(d.year, d.month) for d in days]
    year, month = max(set(months), key=lambda m: (months.count(m), m))
    first = date(year, month, 1)
    return first, _month_end(first), "month"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def decide_event_date(time: TimeSpan | None, status: str, pub_range: tuple[date, date] | None,
                      background: bool = False, evidence: str | None = None,
                      decided: bool = False, other_times: bool = False) -> tuple[EventDate, str]:
    """(the event's date, its status): ``time`` is the strongest time expression found for the event and
    ``evidence`` where it was found (own | sentence | paragraph | story | another article; by default what the
    time says of itself: carried from the previous sentence, or its ``evidence``); a happened event
    whose own time lies after publication is a plan; another clause's time after publication does not date a
    past act; with ``decided``, an act a past decision set for a day that has come is in force. Without a time, the
    publication day (or month, or short range) for the article's news; nothing for background, for plans and
    possibilities, or when the publication date is not known to a month. A denied act ("did not cross the border")
    is dated like its denial, the article's news, unless ``other_times``: the sentence dates other words, or the
    denial is itself background ("had denied in recent months that it planned to invade")."""
    if time is not None:
        evidence = evidence or ("paragraph" if time.carried else time.evidence)
        if time.relative and pub_range is not None and wide(pub_range):
            lo, hi = pub_range
            return EventDate(None, None, None, f"{time.basis}, known only within {lo}..{hi}: not dated"), status
        if evidence == "sentence" and status == "happened" and pub_range and time.start > pub_range[1]:
            time = None  # another clause's coming time ("continue to negotiate and could finalize it in the next
            # few weeks") is not this act's: a past act is not dated after publication
    if time is not None:
        if time.relative and pub_range is not None:
            time = within_publication(time, status, pub_range)
        if evidence == "own" and status == "happened" and pub_range and time.start > pub_range[1]:
            status = "planned"
        if decided and status == "planned" and pub_range and time.end <= pub_range[1]:
            status = "happened"  # "decided to introduce border controls from Monday", published that Monday
        start, end, precision = _week_as_month(time)
        basis = time.basis + EVIDENCE_NOTES.get(evidence, f" ({evidence})")
        return EventDate(_iso(start), _iso(end), precision, basis), status
    if status not in ("happened", "refused", "denied"):  # a refusal is dated when it is made, like a REJECT
        return UNDATED, status
    if status == "denied" and other_times:
        return EventDate(None, None, None, "denied act: the sentence dates other words, or the denial is background"), status
    if background:
        return EventDate(None, None, None, "undated background (no time expression; a relative clause or an earlier "
                                           "act)"), status
    if pub_range is None:
        return UNDATED, status
    lo, hi = pub_range
    if wide(pub_range):
        return EventDate(None, None, None, f"no time expression, and the publication date is known only within "
                                           f"{lo}..{hi}: not dated"), status
    if lo == hi:
        start, end, precision, which = lo, hi, "day", "day"
    elif (lo.year, lo.month) == (hi.year, hi.month):
        start, end, precision, which = lo.replace(day=1), _month_end(lo), "month", "month"
    else:
        start, end, precision, which = lo, hi, "range", "range"
    basis = f"{PUBLICATION_BASIS} {which} (no time expression in or before the sentence: the article's news)"
    return EventDate(_iso(start), _iso(end), precision, basis), status


def story_date(peg: EventDate, peg_sentence: int) -> EventDate:
    """The date an undated reaction takes from the story's lead event ("A task force condemned the Chinese
    actions" after "fired water cannon ... on Sunday"): that event's, still marked as weak evidence (evidence 4)."""
    return replace(peg, basis=f"{PUBLICATION_BASIS}, news peg {peg.basis} (sentence {peg_sentence + 1})")
