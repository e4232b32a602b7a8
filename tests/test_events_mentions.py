"""Which words of a sentence stand for an event party, and which party (detente/events/mentions.py).

Sentences written for these tests.
"""

from __future__ import annotations

from detente.actors import resolve_actors
from detente.actors.codes import igo_codes
from detente.events.candidates import article_mentions, candidates
from detente.nlp import load_nlp
from detente.quotes import extract_quotes


def _mentions(text: str) -> list[list[tuple[str, str, str]]]:
    """Per sentence: (code, kind, words) of each party mention."""
    doc = load_nlp()(text)
    actors = resolve_actors(doc)
    found = article_mentions(doc, actors, extract_quotes(doc, "t", actors))
    return [[(m.code, m.kind, doc[m.start : m.end].text) for m in sent] for sent in found]


def _codes(text: str) -> list[set[str]]:
    return [{code for code, _, _ in sent} for sent in _mentions(text)]


def test_intergovernmental_bodies_carry_their_event_code():
    codes = igo_codes()
    assert codes["org:united-nations"] == "UNO" and codes["org:un-security-council"] == "UNO"
    assert codes["org:european-commission"] == "EU" and codes["org:arab-league"] == "ARL"
    assert _codes("The Arab League urged Sudan to open the border crossings.")[0] == {"ARL", "SDN"}


def test_experts_companies_and_media_are_not_parties():
    text = ("Analysts at the Brookings Institution said Ghana would struggle, while Reuters reported that "
            "Samsung had opened a factory in Vietnam.")
    sent = _mentions(text)[0]
    assert {code for code, _, _ in sent} == {"GHA", "VNM"}
    assert {kind for _, kind, _ in sent} == {"state"}


def test_an_official_stands_for_their_state():
    sent = _mentions("Brazilian Foreign Minister Mauro Vieira criticised the Argentine decision.")[0]
    assert ("BRA", "person") in {(code, kind) for code, kind, _ in sent}
    assert "ARG" in {code for code, _, _ in sent}


def test_a_pronoun_stands_for_the_official_named_before_it():
    text = ("Kenyan President William Ruto arrived in Kampala on Monday. "
            "He urged Uganda to lift the fuel restrictions.")
    second = _mentions(text)[1]
    assert ("KEN", "pronoun", "He") in second and "UGA" in {code for code, _, _ in second}


def test_a_pronoun_without_an_official_before_it_is_nobody():
    text = "The storm hit the coast on Monday. He urged Uganda to lift the fuel restrictions."
    assert _codes(text)[1] == {"UGA"}


def test_the_two_countries_are_the_pair_the_sentence_or_article_names():
    text = ("Chile and Bolivia resumed talks on Tuesday. The two countries agreed to meet again in May.")
    assert _codes(text)[1] == {"CHL", "BOL"}


def test_we_in_a_quotation_is_the_speakers_state():
    text = '"We will not let Serbia dictate the terms," Kosovo Prime Minister Albin Kurti said on Sunday.'
    assert ("XKX", "pronoun", "We") in _mentions(text)[0]


def test_a_summit_and_its_host_city_are_not_parties():
    text = "Leaders met at the Asean summit in Jakarta, where Malaysia pressed Myanmar to end the violence."
    assert _codes(text)[0] == {"MYS", "MMR"}


def test_candidates_are_both_orders_of_every_pair():
    doc = load_nlp()("Norway and Iceland signed a fisheries accord, and Denmark welcomed it.")
    actors = resolve_actors(doc)
    pairs = {(p.source.code, p.target.code) for sent in candidates(doc, actors, []) for p in sent.pairs}
    assert pairs == {(a, b) for a in ("NOR", "ISL", "DNK") for b in ("NOR", "ISL", "DNK") if a != b}


def test_a_sentence_with_one_party_and_no_context_has_no_candidate():
    doc = load_nlp()("Portugal's economy grew by two percent last year.")
    assert candidates(doc, resolve_actors(doc), []) == []


def test_the_bloc_or_the_alliance_is_the_body_named_before_it():
    codes = _codes("NATO foreign ministers gathered in Brussels on Tuesday. The alliance invited Finland to join.")
    assert "NATO" in codes[1]
    assert "NATO" not in _codes("Finland applied on Tuesday. The alliance will decide next year.")[1]


def test_a_paragraphs_first_it_takes_up_the_state_of_the_paragraph_before():
    text = ("Turkey, which has backed rebels fighting Assad for years, stepped up its intervention last week.\n\n"
            "On Sunday it shot down two Syrian planes.")
    assert "TUR" in _codes(text)[1]


def test_a_pronoun_reaches_back_only_inside_its_paragraph_or_to_the_sentence_before():
    """The newline that ends a paragraph is the last token of its last sentence: the break is seen there."""
    text = ("Kenyan President William Ruto arrived in Kampala on Monday.\n\n"
            "The storm hit the coast on Tuesday.\n\n"
            "He urged Uganda to lift the fuel restrictions.")
    assert "KEN" not in _codes(text)[2]
    text = ("Kenyan President William Ruto arrived in Kampala on Monday. The storm hit the coast on Tuesday. "
            "He urged Uganda to lift the fuel restrictions.")
    assert "KEN" in _codes(text)[2]


def test_paragraph_starts_follow_the_newlines():
    from detente.nlp import paragraph_starts

    doc = load_nlp()("Russia attacked on Monday.\n\nThe strikes hit Kyiv. Officials said so.\nFrance protested. Spain too.")
    assert paragraph_starts(doc) == [0, 1, 1, 3, 3]
