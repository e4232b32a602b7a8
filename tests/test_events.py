"""Event extraction on constructed sentences (written for these tests): type, direction, status, dates."""

from __future__ import annotations

from datetime import date

from detente.actors import resolve_actors
from detente.events import extract_events, plover_info
from detente.nlp import load_nlp

PUB = (date(2024, 4, 11), date(2024, 4, 11))  # a Thursday


def _events(text: str, pub=PUB):
    doc = load_nlp()(text)
    return extract_events(doc, "a1", resolve_actors(doc), pub)


def _one(text: str, pub=PUB):
    events = _events(text, pub)
    assert len(events) >= 1, events
    return events[0]


def test_a_visit_is_consult_from_visitor_to_host_dated_by_its_weekday():
    event = _one("Japanese Prime Minister Fumio Kishida visited Washington on Wednesday for talks with the United States.")
    assert (event.source, event.target, event.type) == ("JPN", "USA", "CONSULT")
    assert event.date_start == "2024-04-10" and event.status == "happened"
    assert event.cameo and event.quad == "verbal-cooperation"


def test_planned_hypothetical_and_denied_are_not_happened():
    assert _one("India will host Pakistan for talks next week.").status == "planned"
    assert _one("The European Union could impose sanctions on Belarus if the crackdown continues.").status == "hypothetical"
    assert _one("Turkey did not attack Greece.").status == "denied"


def test_refusal_is_a_reject_that_happened():
    types = {(e.type, e.status) for e in _events("Vietnam refused to sign the agreement with China on Tuesday.")}
    assert ("REJECT", "happened") in types


def test_background_history_gets_its_own_year():
    event = _one("India and China have fought over their border before. The two countries fought a war in 1962.")
    assert event.type == "ASSAULT" and event.date_start == "1962-01-01" and event.date_precision == "year"
    assert {event.source, event.target} == {"IND", "CHN"}


def test_comment_verbs_produce_no_event():
    assert _events("The French minister said Germany and Italy were important partners.") == []


def test_plover_mapping_comes_from_data():
    info = plover_info("ASSAULT")
    assert info.goldstein < 0 and info.quad == "material-conflict"
    assert plover_info("CONSULT", "visit").goldstein > plover_info("CONSULT").goldstein
