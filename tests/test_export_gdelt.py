"""The GDELT 2.0 event table, read as GDELT's own files are read (pandas, tab-separated, no header, the 61 names
of GDELT's codebook): every value in its column; one row per real-world event that happened."""

from __future__ import annotations

import io

import pytest

from detente.export import gdelt
from detente.export.entities import side as event_side
from detente.records import Actor, Event
from detente.store import Store
from detente.store.queries import is_state, state_code

# GDELT 2.0 Event Codebook, in order; written out here (not imported) so the test checks the module against it
GDELT_2_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code "
    "Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code "
    "Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat "
    "Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
    "Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
ROOT_QUAD = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2), **dict.fromkeys(range(9, 14), 3),
             **dict.fromkeys(range(14, 21), 4)}


def test_the_columns_are_gdelt_2s_61_in_order():
    assert len(GDELT_2_COLUMNS) == 61 and tuple(GDELT_2_COLUMNS) == gdelt.COLUMNS


@pytest.fixture(scope="module")
def table(examples_db):
    import pandas as pd

    out = io.StringIO()
    with Store(examples_db, readonly=True) as store:
        n = gdelt.write_gdelt(store, out)
        events = store.events()
        sources = {a.id: (a.url or a.source) for a in store.articles()}
    text = out.getvalue()
    frame = pd.read_csv(io.StringIO(text), sep="\t", header=None, names=GDELT_2_COLUMNS, dtype=str, keep_default_na=False)
    return text, frame, n, events, sources


def test_every_line_has_61_fields_and_no_header(table):
    text, frame, n, _, _ = table
    lines = text.splitlines()
    assert n == len(lines) == len(frame) > 20
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")


def test_one_row_per_event_that_happened(table):
    _, frame, _, events, _ = table
    clusters = {e.cluster_id or e.id for e in events if e.status == "happened" and e.date_start}
    assert len(frame) == len(clusters)
    assert frame["GLOBALEVENTID"].str.fullmatch(r"\d+").all() and frame["GLOBALEVENTID"].is_unique
    happened = {gdelt.event_id(e) for e in events if e.status == "happened" and e.date_start}
    assert set(frame["GLOBALEVENTID"].astype(int)) == happened


def test_dates_sit_in_their_columns(table):
    _, frame, _, _, _ = table
    assert frame["SQLDATE"].str.fullmatch(r"\d{8}").all()
    assert (frame["MonthYear"] == frame["SQLDATE"].str[:6]).all() and (frame["Year"] == frame["SQLDATE"].str[:4]).all()
    fractions = frame["FractionDate"].astype(float)
    assert ((fractions.astype(int).astype(str) == frame["Year"]) & (fractions % 1 > 0)).all()
    assert frame["DATEADDED"].str.fullmatch(r"\d{14}").all()
    assert frame["SQLDATE"].str.endswith("0000").any(), "examples/ holds events known only to their year"


def test_actors_are_coded_by_country_and_sector(table):
    _, frame, _, _, _ = table
    for side in ("Actor1", "Actor2"):
        countries = frame[f"{side}CountryCode"]
        assert countries.map(lambda c: c == "" or is_state(c)).all()
        assert (frame[f"{side}Code"] == countries + frame[f"{side}Type1Code"]).all()
        assert frame[f"{side}Name"].ne("").all() and not frame[f"{side}Code"].str.contains(":").any()
    assert frame["Actor1Type1Code"].isin({"GOV", "MIL", "LEG", "PTY"}).any()  # a named official behind a state


def test_event_codes_quad_class_and_counts(table):
    _, frame, _, _, _ = table
    assert frame["EventCode"].str.fullmatch(r"\d{3,4}").all()
    assert (frame["EventBaseCode"] == frame["EventCode"].str[:3]).all()
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()
    assert (frame["QuadClass"].astype(int) == frame["EventRootCode"].astype(int).map(ROOT_QUAD)).all()
    assert frame["GoldsteinScale"].astype(float).between(-10, 10).all()
    mentions, sources, articles = (frame[c].astype(int) for c in ("NumMentions", "NumSources", "NumArticles"))
    assert ((1 <= sources) & (sources <= articles) & (articles <= mentions)).all() and (mentions > 1).any()
    assert frame["IsRootEvent"].isin({"0", "1"}).all() and frame["AvgTone"].eq("").all()


def test_sourceurl_is_our_source(table):
    _, frame, _, _, sources = table
    assert frame["SOURCEURL"].isin(set(sources.values())).all()


def _event(day_start, day_end, precision):
    return Event(id="0123456789abcdef", article_id="a", sentence_index=0, char_start=0, char_end=1, source="CHN",
                 target="VNM", type="CONSULT", date_start=day_start, date_end=day_end, date_precision=precision)


@pytest.mark.parametrize(("start", "end", "precision", "sqldate", "fraction"), [
    ("2023-12-12", "2023-12-12", "day", "20231212", "2023.9479"),
    ("2023-12-01", "2023-12-31", "month", "20231200", "2023.9589"),
    ("1979-01-01", "1979-12-31", "year", "19790000", "1979.5014"),
    ("2023-11-28", "2023-12-03", "range", "20230000", "2023.9151"),
    ("2023-12-04", "2023-12-08", "range", "20231200", "2023.9315"),
])
def test_precision_is_carried_by_zeros_and_the_middle_of_the_period(start, end, precision, sqldate, fraction):
    event = _event(start, end, precision)
    assert gdelt.sql_date(event) == sqldate and gdelt.fraction_date(event) == fraction


def test_state_names_resolve_for_the_country_columns():
    assert state_code("Viet Nam") == "VNM" and state_code("the United States") == "USA" and state_code("Narnia") is None


def test_a_body_referred_to_without_its_name_is_still_named():
    nato = Actor(id="org:north-atlantic-treaty-organization", kind="igo", name="NATO", org_type="igo")
    assert event_side("NATO", None, {nato.id: nato}).name == "NATO"
    assert event_side("UNO", None, {}).name == "UNO"  # no actor record at all: the code names it
    assert event_side("SWE", None, {}).name == "SWE"
