"""The query layer under the CLI, the API and the web app: what a user types is parsed once, and a bad value is an
error naming it; listings come sorted by date with the total beside the page. Runs on examples/ (no ../shared)."""

from __future__ import annotations

import pytest

from detente.store import Store, queries
from detente.store.queries import Filters, QueryError


@pytest.mark.parametrize("typed", ["CHN-VNM", "CHN/VNM", "CHN,VNM", "chn vnm", "VNM-CHN", "China-Vietnam",
                                   "china / viet nam", "the People's Republic of China, Vietnam", ("CHN", "Vietnam")])
def test_a_dyad_is_read_however_it_is_written(typed):
    assert set(queries.parse_dyad(typed)) == {"CHN", "VNM"}


def test_dyads_with_names_that_hold_a_separator():
    assert queries.parse_dyad("Guinea-Bissau-Senegal") == ("GNB", "SEN")
    assert queries.parse_dyad("United States/North Korea") == ("USA", "PRK")
    assert queries.parse_dyad("United States North Korea") == ("USA", "PRK")
    assert queries.parse_dyad("") is None and queries.parse_dyad(None) is None


@pytest.mark.parametrize("typed", ["CHN", "CHN-XYZ", "China", "CHN-VNM-USA", "-", "CHN-", ("CHN",), ("CHN", "Atlantis")])
def test_a_malformed_dyad_is_an_error_that_shows_the_form(typed):
    with pytest.raises(QueryError, match=r"CHN-VNM|two states|unknown state"):
        queries.parse_dyad(typed)


def test_dates_take_a_year_a_month_or_a_day():
    assert queries.parse_date("2023") == "2023-01-01" and queries.parse_date("2023", end=True) == "2023-12-31"
    assert queries.parse_date("2024-02", end=True) == "2024-02-29" and queries.parse_date("2023-02", end=True) == "2023-02-28"
    assert queries.parse_date("2023-12-05", end=True) == "2023-12-05" and queries.parse_date(" ") is None
    for bad in ("2023-13", "2023-02-30", "23-01-01", "yesterday", "2023/01/01"):
        with pytest.raises(QueryError, match="YYYY-MM-DD"):
            queries.parse_date(bad)


def test_choices_ignore_case_and_a_bad_one_lists_what_is_allowed():
    assert queries.parse_choice("Happened", queries.STATUSES, "status") == "happened"
    assert Filters.parse(type="consult").type == "CONSULT"
    with pytest.raises(QueryError, match="happened, planned, refused, hypothetical, denied"):
        Filters.parse(status="done")
    with pytest.raises(QueryError, match="CONSULT"):
        Filters.parse(type="CONSLT")
    with pytest.raises(QueryError, match="person"):
        Filters.parse(kind="people")
    assert Filters.parse(country="viet nam").country == "VNM"


def test_search_words_are_searched_for_not_obeyed():
    assert queries.fts_query("U.S. talks") == '"U.S." "talks"'
    assert queries.fts_query('NEAR( "a') == '"NEAR(" """a"'
    assert queries.fts_query("defen*") == '"defen"*'
    assert queries.fts_query("\x00 ") is None


@pytest.fixture(scope="module")
def store(examples_db):
    with Store(examples_db, readonly=True) as s:
        yield s


def test_events_come_by_date_with_the_total(store):
    page = queries.events(store, Filters(limit=5))
    everything = queries.events(store, Filters())
    assert len(page) == 5 and page.total == len(everything) == store.count("events")
    days = [r.event.date_start for r in everything]
    dated = [d for d in days if d]
    assert dated == sorted(dated) and days[: len(dated)] == dated  # undated last
    assert all(r.doc_name for r in everything)


def test_dyad_filter_takes_either_direction_and_originals_only_drops_copies(store):
    pair = queries.events(store, Filters.parse(dyad="Philippines-China"))
    assert pair.total and all({r.event.source, r.event.target} == {"CHN", "PHL"} for r in pair)
    copies = queries.copy_ids(store)
    assert copies, "examples/ holds copies and rewrites"
    originals = queries.events(store, Filters.parse(dyad="CHN-PHL", originals_only=True))
    assert 0 < originals.total < pair.total and not {r.event.article_id for r in originals} & copies


def test_quotes_carry_their_article_date_and_come_by_it(store):
    page = queries.quotes(store, Filters())
    assert page.total == store.count("quotes")
    days = [r.date for r in page if r.date]
    assert days == sorted(days) and all(r.doc_name for r in page)


def test_actor_lookup_ignores_case_and_takes_any_part_of_a_name(store):
    (xi,) = queries.find_actors(store, "xi jinping")
    assert xi.name == "Xi Jinping"
    assert queries.find_actors(store, "XI") == [xi] and queries.find_actors(store, "Jinping") == [xi]
    assert queries.find_actors(store, xi.id) == [xi]
    assert queries.find_actors(store, "no such person anywhere") == []


def test_dates_filter_events_by_when_they_happened(store):
    recent = queries.events(store, Filters.parse(since="2018", until="2018"))
    assert recent.total and all(r.event.date_start <= "2018-12-31" and (r.event.date_end or "") >= "2018-01-01"
                                for r in recent)
