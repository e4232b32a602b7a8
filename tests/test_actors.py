"""Actors on constructed sentences: states from names, adjectives and metonyms; people with roles and
countries; short names linked to full names; places told apart from actors."""

from __future__ import annotations

from detente.actors import resolve_actors
from detente.nlp import load_nlp


def _resolve(text: str):
    return resolve_actors(load_nlp()(text))


def test_states_from_names_adjectives_capitals_and_metonyms():
    result = _resolve("Hanoi agreed with the Kremlin. Sino-Indian talks resumed as the U.S. and Japanese envoys watched.")
    ids = {m.actor_id for m in result.mentions}
    assert {"VNM", "RUS", "CHN", "IND", "USA", "JPN"} <= ids


def test_a_place_is_not_an_actor():
    result = _resolve("The Indonesian president flew to Hanoi on Monday.")
    hanoi = next(m for m in result.mentions if m.text == "Hanoi")
    assert hanoi.as_location


def test_people_get_roles_and_countries_from_titles_and_appositions():
    result = _resolve(
        "Brazilian Foreign Minister Carla Mendes met Tomas Reyes, a senior fellow at the Brookings Institution, "
        "in Brasilia on Tuesday."
    )
    people = {a.name: a for a in result.actors if a.kind == "person"}
    assert people["Carla Mendes"].country == "BRA" and "Foreign Minister" in people["Carla Mendes"].role
    assert people["Tomas Reyes"].role.startswith("senior fellow")


def test_short_names_link_to_the_full_name_in_either_naming_order():
    result = _resolve(
        "Chinese President Xi Jinping met Vietnamese scholar Nguyen Van Long. Xi smiled. Long said little."
    )
    by_text = {m.text: m.actor_id for m in result.mentions}
    assert by_text["Xi"] == by_text["Xi Jinping"]
    assert by_text.get("Long") in (None, by_text["Nguyen Van Long"])


def test_known_media_are_organisations_not_people():
    result = _resolve("Xinhua reported the visit, and Nhan Dan printed the speech in full.")
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds.get("Xinhua") == "org" and kinds.get("Nhan Dan") == "org"
    assert not any(a.kind == "person" for a in result.actors)


def test_spouse_takes_the_country_of_the_person_before():
    result = _resolve("Chinese President Xi Jinping will travel on Tuesday. His wife Peng Liyuan will accompany him.")
    peng = next(a for a in result.actors if a.name == "Peng Liyuan")
    assert peng.country == "CHN"
