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
