"""The rewrite scorer on what a rewrite keeps: prose alignment, direction, own quotes, names; and a part of the
development set (tests/fixtures/rewrites, written for the project; `python -m bench.rewrites_dev` scores all of it)
ingested end to end."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from detente.corpus import ingest
from detente.dedup.derivative import THRESHOLD, Side, derivative_score, direction, in_order, own_quotes
from detente.dedup.embed import AlignedPair, is_prose
from detente.dedup.near import facts
from detente.store import Store

DATA = Path(__file__).resolve().parent / "fixtures" / "rewrites"


def _links(store: Store) -> dict[str, set[tuple[str, str]]]:
    """(copy doc name, original doc name) of every stored duplicate and derivative link."""
    articles = store.articles()
    name = {a.id: a.doc_name for a in articles}
    return {"duplicates": {(a.doc_name, name[a.duplicate_of]) for a in articles if a.duplicate_of},
            "derivatives": {(a.doc_name, name[a.derivative_of]) for a in articles if a.derivative_of}}

ORIGINAL = (
    "Norway and Iceland agreed on Tuesday to share the mackerel catch in the North Atlantic for the next five years. "
    "Under the deal, Iceland will take 16.5 percent of the total, up from 12 percent last season. "
    "“We have ended a dispute that cost both fleets dearly,” said Iceland's fisheries minister, Sigrun Halldorsdottir. "
    "Norway's trade minister, Jan Christian Vestre, said the quota would be reviewed by scientists every spring. "
    "The Faroe Islands, which also fish the stock, were not part of the agreement and called it premature. "
    "Fishing crews in the port of Alesund welcomed the news but said prices had fallen by a fifth since January."
)
REWRITE = (
    "Iceland and Norway decided on Tuesday to divide the North Atlantic mackerel catch for the coming five years. "
    "Iceland's share rises to 16.5 percent of the total under the agreement, compared with 12 percent last season. "
    "Iceland's fisheries minister, Sigrun Halldorsdottir, said the dispute had been costly for both fleets and was over. "
    "Jan Christian Vestre, Norway's trade minister, said scientists would review the quota each spring. "
    "The Faroe Islands also fish the stock but were left out of the deal, which they described as premature. "
    "In the port of Alesund, fishing crews were pleased with the news but noted a fall in prices of a fifth since January."
)


def _side(text: str, byline: str | None = "A. Reporter", dates=("2025-03-04", "2025-03-04"), quotes=()) -> Side:
    return Side(text, re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", text), byline, list(quotes), dates)


def test_list_entries_are_not_prose():
    assert not is_prose("June 4 – Lisbon, PT @ Altice Arena")
    assert not is_prose("Oct. 12 -- Palau Sant Jordi, Barcelona, ES")
    assert is_prose("The minister said the talks would resume in June.")


def test_a_text_in_another_script_is_not_scored():
    russian = "Министр иностранных дел заявил, что переговоры продолжатся в июне. " * 6
    evidence = derivative_score(_side(russian), _side(ORIGINAL), facts)
    assert evidence.score == 0.0 and "not English" in evidence.reasons[0]


def test_order_is_the_longest_run_of_the_original_order():
    pairs = [AlignedPair(0, 0, 0.9), AlignedPair(1, 2, 0.9), AlignedPair(2, 1, 0.9), AlignedPair(3, 3, 0.9)]
    assert in_order(pairs) == 0.75
    assert in_order([]) == 0.0


def test_names_lose_the_leading_words_the_text_writes_in_lower_case():
    found = facts("Under the plan, President Ana Lima met the president of Chile. The Ministry said 1,200 came "
                  "under the new rules.")
    assert {b"ana lima", b"chile", b"1,200"} <= found
    assert not {b"under", b"president ana lima", b"the ministry"} & found


def test_a_sentence_by_sentence_rewrite_is_scored_high_and_directed_by_its_quotes():
    original, rewrite = _side(ORIGINAL), _side(REWRITE)
    evidence = derivative_score(rewrite, original, facts, align=True)
    assert evidence.score >= THRESHOLD and evidence.kept >= 0.8 and evidence.in_order == 1.0
    # the original quotes the minister; the rewrite reports her words: it is the copy
    assert direction(rewrite, original, evidence, facts) == (1, ["the copy quotes directly less than the original"])
    assert direction(original, rewrite, derivative_score(original, rewrite, facts, align=True), facts)[0] == -1


def test_a_certain_publication_order_decides_alone():
    original = _side(ORIGINAL, dates=("2025-03-05", "2025-03-05"))
    rewrite = _side(REWRITE, byline=None, dates=("2025-03-04", "2025-03-04"))  # every other sign says "copy"
    evidence = derivative_score(rewrite, original, facts, align=True)
    assert direction(rewrite, original, evidence, facts) == (-1, ["the original was published first"])


def test_two_texts_alike_in_every_sign_are_left_undecided():
    twin = ORIGINAL.replace("agreed on Tuesday", "reached agreement on Tuesday")
    evidence = derivative_score(_side(twin), _side(ORIGINAL), facts, align=True)
    assert evidence.score >= THRESHOLD
    assert direction(_side(twin), _side(ORIGINAL), evidence, facts)[0] == 0


def test_a_paraphrased_quote_is_not_reporting_of_its_own_but_a_new_speaker_is():
    quotes = ["Sigrun Halldorsdottir said the dispute had been costly for both fleets and was over",
              "“Nobody asked the Faroese,” said Hans Jacobsen, a skipper from Klaksvik."]
    rewrite = _side(REWRITE + " " + quotes[1], quotes=quotes)
    assert own_quotes(rewrite, _side(ORIGINAL), [], facts) == 1


def test_part_of_the_development_set_gets_exactly_its_links(tmp_path):
    names = ["e07_o", "e07_r", "e07_i", "e12_o", "e12_r", "e12_i", "e12_s", "e15_o", "e15_r", "e15_f", "w1_a", "w1_b"]
    folder = tmp_path / "set"
    folder.mkdir()
    for name in names:
        shutil.copy(DATA / "articles" / f"{name}.txt", folder / f"{name}.txt")
    gold = json.loads((DATA / "links.json").read_text(encoding="utf-8"))
    expected = {key: {(c, o) for c, o, _ in gold[key] if c in names and o in names} for key in ("derivatives", "duplicates")}
    with Store(tmp_path / "x.db") as store:
        ingest(store, [folder])
        links = _links(store)
    assert links == expected
    assert len(expected["derivatives"]) == 3 and len(expected["duplicates"]) == 1
