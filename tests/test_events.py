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


def test_each_event_of_a_sentence_takes_its_own_year():
    text = ("Peru and Ecuador have a long dispute. The two countries fought a short war in 1941, "
            "clashed again along the river in 1995 and signed a peace accord in 1998.")
    found = {(e.type, e.date_start[:4]) for e in _events(text) if e.date_start}
    assert {("ASSAULT", "1941"), ("ASSAULT", "1995"), ("AGREE", "1998")} <= found


def test_two_sources_make_two_events():
    events = _events("Poland and Lithuania condemned Belarus on Tuesday for the border incident.")
    assert {(e.source, e.target, e.type) for e in events} >= {("POL", "BLR", "ACCUSE"), ("LTU", "BLR", "ACCUSE")}


def test_a_relative_clause_antecedent_is_the_source():
    event = _one("German Chancellor Olaf Scholz, who visited Beijing on Friday, said little about trade.")
    assert (event.source, event.target, event.type, event.date_start) == ("DEU", "CHN", "CONSULT", "2024-04-05")


def test_a_clause_with_its_own_subject_does_not_take_the_refusal():
    text = "While the two neighbours signed four accords, Chile refused to sign the fishing pact with Peru."
    statuses = {(e.type, e.status) for e in _events(text)}
    assert ("AGREE", "happened") in statuses and ("REJECT", "happened") in statuses


def test_repeated_mentions_of_one_visit_are_one_event():
    text = ("Indian Prime Minister Narendra Modi visited Japan on Monday. "
            "Modi's visit to Japan was his third as prime minister.")
    visits = [e for e in _events(text) if e.type == "CONSULT"]
    assert len(visits) == 1 and visits[0].date_start == "2024-04-08"


def test_planned_events_are_dated_only_by_their_own_words():
    text = "France and Italy signed a migration pact on Monday. Their interior ministers will meet again to review it."
    planned = [e for e in _events(text) if e.status == "planned"]
    assert planned and all(e.date_start is None for e in planned)


def test_a_summit_organisation_and_a_venue_are_not_parties():
    events = _events("Mexican President Andrés Manuel López Obrador met Joe Biden at the APEC summit in Peru on Monday.")
    assert {(e.source, e.target) for e in events} == {("MEX", "USA")}


def test_cluster_id_links_mentions_across_articles():
    a = _one("Brazil and Argentina signed a trade agreement on Tuesday.")
    b = _one("Argentina signed a trade agreement with Brazil on Tuesday.")
    assert a.cluster_id and a.cluster_id == b.cluster_id


def test_the_host_city_of_a_summit_is_not_a_party_but_a_visited_capital_is():
    at_summit = _events("At a NATO summit in Vilnius last July, Erdogan agreed to send the bid to parliament.")
    assert all("LTU" not in (e.source, e.target) for e in at_summit), at_summit
    visit = _one("Chinese President Xi Jinping arrived in Hanoi on Tuesday for a two-day state visit to Vietnam.")
    assert {visit.source, visit.target} == {"CHN", "VNM"}
