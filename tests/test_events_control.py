"""Who does an infinitive's act, whom a one-sided act of a story's state is aimed at, how dates carry and merge,
and intentions that are no acts. Constructed sentences (written for these tests), not taken from the gold sets."""

from __future__ import annotations

from datetime import date

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.events.candidates import Candidate
from detente.events.coder import _object_as_doer
from detente.events.mentions import PartyMention
from detente.nlp import load_nlp

PUB = (date(2024, 4, 11), date(2024, 4, 11))  # a Thursday


def _events(text: str, pub=PUB):
    doc = load_nlp()(text)
    return extract_events(doc, "a1", resolve_actors(doc), pub)


def test_the_object_of_force_does_what_the_infinitive_says():
    text = "A blockade would force Taipei to decide whether to ask Tokyo to send supplies."
    asks = [e for e in _events(text) if e.type == "REQUEST"]
    assert asks and (asks[0].source, asks[0].target, asks[0].status) == ("TWN", "JPN", "hypothetical")


def test_a_hostile_act_of_one_main_state_is_aimed_at_the_other():
    text = ("Greece and Turkey have argued over the islet for months. An Athens official said Turkey could impose a "
            "naval blockade on the islet, which would force Greece to seek help from France.")
    coerce = [e for e in _events(text) if e.type == "COERCE"]
    assert coerce and (coerce[0].source, coerce[0].target) == ("TUR", "GRC")


def test_a_background_year_does_not_absorb_this_weeks_agreement():
    text = ("Chile and Peru agreed on Wednesday to open a new border crossing. Chile also agreed with Peru to share "
            "river data. Their partnership rests on a water treaty the two countries signed in 1985.")
    agree = [e for e in _events(text) if e.type == "AGREE"]
    assert {e.date_start for e in agree} >= {"2024-04-10", "1985-01-01"}
    assert len(agree) == 3


def test_shuttling_between_two_leaders_is_mediation():
    text = ("Egypt and Israel held talks in 1978 after Egypt and Israel had fought four wars. US President Jimmy Carter "
            "shuttled between the two leaders for days.")
    found = {(e.source, e.target) for e in _events(text) if e.type == "CONSULT" and e.source == "USA"}
    assert found == {("USA", "EGY"), ("USA", "ISR")}


def test_a_carried_day_carries_on_through_the_paragraph():
    text = ("Also on Wednesday, the Chilean and Peruvian foreign ministers spoke by telephone. Chile voiced its "
            "protest, while Peru urged calm. The two ministers agreed that the dispute should be handled calmly.")
    agree = [e for e in _events(text) if e.type == "AGREE"]
    assert agree and agree[0].date_start == "2024-04-10"


def test_what_is_needed_or_opposed_in_general_did_not_happen():
    needed = "The communiqué stressed the need to increase high-level meetings between Chile and Peru."
    assert all(e.status != "happened" for e in _events(needed) if e.type == "CONSULT")
    opposed = ("Canada and Mexico declared their firm opposition to any effort by Venezuela to change the border "
               "through force or pressure.")
    assert not any(e.type == "REQUEST" for e in _events(opposed))


def test_co_subjects_get_no_inferred_counterpart():
    text = ("Greece and Turkey argued over the islet. An official said the plan had support from Turkey and Cyprus, which "
            "have resisted taking a harder line, but Greece remained silent.")
    assert not any(e.type == "REJECT" and e.target == "GRC" for e in _events(text))


def test_a_plan_placed_after_the_previous_event_takes_its_day():
    text = ("Chile's president Gabriel Boric is due to address the Peruvian congress on Friday. Following that, Boric is "
            "expected to meet Peruvian President Dina Boluarte. Boric will then host Bolivian President Luis Arce for a "
            "three-way summit.")
    planned = [e for e in _events(text) if e.type == "CONSULT" and e.sentence_index > 0]
    assert planned and all(e.date_start == "2024-04-12" for e in planned)


def test_the_classifier_may_not_make_a_verbs_object_its_doer():
    doc = load_nlp()("We should be supporting Moldova's democracy and its struggle against Russia.")
    verb = next(t for t in doc if t.lower_ == "supporting")
    moldova, russia = (next(t for t in doc if t.text == name) for name in ("Moldova", "Russia"))
    sent = next(iter(doc.sents))

    def pair(source, target):
        return Candidate(0, sent, PartyMention(source[0], source[1].i, source[1].i + 1, source[1].i, "state"),
                         PartyMention(target[0], target[1].i, target[1].i + 1, target[1].i, "state"))

    assert _object_as_doer(verb, pair(("MDA", moldova), ("RUS", russia)))  # Moldova is what is supported
    subject_doc = load_nlp()("Moldova supported Romania's bid on Tuesday.")
    verb = next(t for t in subject_doc if t.lower_ == "supported")
    sent = next(iter(subject_doc.sents))
    assert not _object_as_doer(verb, Candidate(0, sent, PartyMention("MDA", 0, 1, 0, "state"),
                                               PartyMention("ROU", 2, 3, 2, "state")))
