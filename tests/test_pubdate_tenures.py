"""Office holders bound an undated article's publication: titles as written match the table's wording, and
someone who held an office twice bounds it by the spells the rest of the evidence allows."""

from __future__ import annotations

from datetime import date

from detente.actors.roles import role_matches
from detente.dating import infer_pub_range


def test_titles_match_with_country_possessives_and_short_forms():
    table = "Vice-Chairman of the Central Military Commission"
    assert role_matches(table, "vice-chairman of China's Central Military Commission")
    assert role_matches(table, "Vice-Chairman of China’s Central Military Commission")
    assert role_matches("President", "US President")
    assert not role_matches(table, "chairman of the Joint Chiefs of Staff")


def test_two_spells_keep_the_one_the_other_evidence_allows():
    trump = [(date(2017, 1, 20), date(2021, 1, 20), "US President Trump"), (date(2025, 1, 20), None, "US President Trump")]
    body = "The summit will take place on November 10, 2017, in Da Nang."
    rng, basis = infer_pub_range(None, [], body, trump)
    assert rng == ["2017-01-20", "2017-11-09"]
    assert "in office from 2017-01-20" in basis
    # with nothing else to go on, the hull of both spells: from the first term's start, no upper bound from office
    rng, _ = infer_pub_range(None, [], "Trade talks continued.", trump)
    assert rng[0] == "2017-01-20"


def test_a_single_spell_bounds_both_ends():
    rng, basis = infer_pub_range(None, [], "Talks continued.", [(date(2012, 11, 15), date(2017, 10, 25), "Fan")])
    assert rng == ["2012-11-15", "2017-10-25"] and "until 2017-10-25" in basis


def test_a_deputy_or_vice_office_is_another_office():
    assert not role_matches("Vice President", "President")
    assert not role_matches("President", "Vice President")
    assert not role_matches("First Deputy Prime Minister", "Deputy Prime Minister")
    assert role_matches("Deputy Prime Minister", "Turkey's deputy prime minister")


def test_one_persons_tenure_rules_out_anothers_earlier_spell():
    lula = [(date(2003, 1, 1), date(2011, 1, 1), "President Lula"), (date(2023, 1, 1), None, "President Lula")]
    xi = [(date(2013, 3, 14), None, "President Xi")]
    rng, basis = infer_pub_range(None, [], "The two presidents held talks.", lula + xi)
    assert rng[0] == "2023-01-01" and "President Lula in office from 2023-01-01" in basis


def test_a_dateline_without_a_year_keeps_that_day_of_the_possible_years():
    xi = [(date(2023, 1, 1), date(2025, 12, 31), "President X")]
    body = "HAVANA, May 3 (Prensa Latina) -- The two foreign ministers met on Friday."
    rng, basis = infer_pub_range(None, [], body, xi)
    assert rng == ["2023-05-03", "2025-05-03"] and "dateline" in basis
    # a dateline with its year is a stated date elsewhere; here it adds nothing, and prose is no dateline
    assert infer_pub_range(None, [], "Officials said on May 3 that talks went well.", xi)[0] == ["2023-01-01", "2025-12-31"]
