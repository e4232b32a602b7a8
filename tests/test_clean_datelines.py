"""Dates stated in a page's lines, with their kind; the header between the headline and the body."""

from __future__ import annotations

from datetime import date

from detente.clean.datelines import dates_in_line, first_published, is_dateline, stated_dates
from detente.clean.header import find_body_start, header_zones


def _kinds(line: str, **kw) -> list[tuple[date, str]]:
    return [(d.day, d.kind) for d in dates_in_line(line, **kw)]


def test_first_date_and_update_on_one_line():
    assert _kinds("April 3, 2021 | 6:10am | Updated April 4, 2021 | 8:02pm") == [
        (date(2021, 4, 3), "plain"), (date(2021, 4, 4), "updated")]
    assert _kinds("Published March 2nd, 2021 - 07:29 GMT") == [(date(2021, 3, 2), "published")]
    assert _kinds("LISBON, Portugal | Updated: 05.03.2021, 15:45 GMT") == [(date(2021, 3, 5), "updated")]


def test_a_cue_alone_on_a_line_carries_to_the_date_below():
    found = stated_dates(["Updated", "6:15 am CST, Friday, April 9, 2021"])
    assert [(d.day, d.kind) for d in found] == [(date(2021, 4, 9), "updated")]
    assert first_published(found) is None


def test_cited_dates_asides_and_spans_are_not_the_pages():
    assert _kinds("Source: Ministry of Fisheries, February 11, 2021") == [(date(2021, 2, 11), "cited")]
    assert _kinds("Member since June 2, 2015") == [(date(2015, 6, 2), "cited")]
    assert _kinds("Harbour report (2021/4/11-12, nine boats)") == []
    assert not is_dateline("2021.04.05 ~ 2021.05.30")
    assert not is_dateline("The ministers met on April 3, 2021 in a hotel near the old harbour to settle the long "
                           "dispute over fishing quotas, officials from both sides said later that evening.")


def test_numeric_dates_follow_the_page_convention():
    assert _kinds("05/04/2021 10:00") == [(date(2021, 5, 4), "plain")]
    assert _kinds("05/04/2021 10:00", day_first=True) == [(date(2021, 4, 5), "plain")]
    assert _kinds("25/04/2021") == [(date(2021, 4, 25), "plain")]  # no month 25: day first whatever the page


def test_header_zones_run_from_each_printing_of_the_headline_to_the_body():
    lines = ["Menu", "Tuesday, June 8, 2021", "Ferry talks stall", "World", "Ferry talks stall",
             "By Mira Okonjo", "May 4, 2021", "Delegations from both ports met again on Monday without a deal."]
    body_start = find_body_start(lines, "Delegations from both ports met again on Monday without a deal.\n\nMore.")
    assert body_start == 7
    zones = header_zones(lines, "Ferry talks stall", body_start)
    assert zones[0] == ["By Mira Okonjo", "May 4, 2021"] and zones[1] == ["World"]
    assert zones[-1] == ["Menu", "Tuesday, June 8, 2021"]  # just above the headline, tried last


def test_a_story_dateline_is_the_place_agency_and_dash_opening_a_sentence():
    from detente.clean.datelines import story_dateline_end

    for sentence, dateline in [("HANOI, Vietnam (AP) — U.S. officials met.", "HANOI, Vietnam (AP) — "),
                               ("MOSCOW (Reuters) - Russia said.", "MOSCOW (Reuters) - "),
                               ("BEIJING—China said.", "BEIJING—"),
                               ("BRUSSELS, June 23 (Reuters) - The EU said.", "BRUSSELS, June 23 (Reuters) - "),
                               ("ISTANBUL/MOSCOW (Reuters) - Turkey said.", "ISTANBUL/MOSCOW (Reuters) - "),
                               ("Hanoi (VNA) – Vietnam said.", "Hanoi (VNA) – ")]:
        assert sentence[: story_dateline_end(sentence)] == dateline
    for sentence in ["US-China talks resumed.", "U.S. Defense Secretary Mark Esper said.", "Vietnam and China — both "
                     "claimants — met.", "EU-US trade grew."]:
        assert story_dateline_end(sentence) == 0, sentence
