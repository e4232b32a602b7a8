"""Tense and day of events the syntax leaves open: a present-tense time clause under a future one, a noun that
names the previous sentence's planned event, and a week-wide date beside a dated event of the same pair.

Constructed sentences (written for these tests), not taken from the gold sets.
"""

from __future__ import annotations

from datetime import date

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.nlp import load_nlp


def _events(text: str, pub):
    doc = load_nlp()(text)
    return extract_events(doc, "a1", resolve_actors(doc), pub)


def test_present_tense_time_clause_of_a_future_clause_is_planned():
    text = "India will seek closer trade ties with Brazil when Prime Minister Modi visits the country next week."
    visits = [e for e in _events(text, (date(2024, 4, 11), date(2024, 4, 11))) if e.type == "CONSULT"]
    assert visits and visits[0].status == "planned"


def test_a_noun_naming_the_previous_sentences_planned_event_is_planned():
    text = ("Modi will visit Brazil this week. Both Delhi and Brasilia have confirmed Modi's state visit to Brazil.")
    visits = [e for e in _events(text, (date(2024, 4, 8), date(2024, 4, 8))) if e.type == "CONSULT"]
    assert visits and all(e.status == "planned" for e in visits)


def test_a_week_wide_date_takes_the_pegged_day_of_the_same_pair():
    text = ("Brazil signed 20 cooperation documents with India on Tuesday. Brazil agreed to expand trade with India "
            "during a two-day visit this week by Prime Minister Modi.")
    pub = (date(2024, 4, 11), date(2024, 4, 12))
    found = [e for e in _events(text, pub) if e.type == "CONSULT"]
    assert found and (found[0].date_start, found[0].date_end) == ("2024-04-09", "2024-04-09")
