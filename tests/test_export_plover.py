"""PLOVER records validated against the PLOVER manual's "Data Fields" chapter: JSONL, its field names and types,
entity objects for actor and recipient, lists for event/mode/context; our own fields under names it does not use."""

from __future__ import annotations

import io
import json
import re

import pytest

from detente.export import plover
from detente.export.entities import sector
from detente.records import Actor
from detente.store import Store, queries

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# the manual's table "PLOVER JSON": field → type (Y = required)
MANUAL_FIELDS = {"id": (str, True), "has_event": (bool, False), "date": (str, True), "time": (str, False),
                 "enddate": (str, False), "endtime": (str, False), "actor": (list, True), "recipient": (list, False),
                 "event": (list, True), "event_loc": (dict, False), "event_text": (list, False), "quad_code": (int, False),
                 "event_scale": ((int, float), False), "mode": (list, False), "context": (list, False),
                 "link": (str, False), "text": (str, False), "text_info": (dict, False), "cite_info": (dict, False),
                 "coder": (str, False), "coded_date": (str, False), "coded_time": (str, False), "comment": (str, False)}
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity", "office",
                 "gender", "age"}
CITE_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
               "codebook", "version"}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def exported(examples_db):
    out = io.StringIO()
    with Store(examples_db, readonly=True) as store:
        n = plover.write_plover(store, out)
        events = store.events()
        bodies = {a.id: a.body for a in store.articles()}
    lines = out.getvalue().splitlines()
    return n, [json.loads(line) for line in lines], events, bodies


def test_one_json_object_per_line_for_every_dated_event(exported):
    n, records, events, _ = exported
    assert n == len(records) == sum(1 for e in events if e.date_start) > 20
    assert {r["id"] for r in records} == {e.id for e in events if e.date_start}


def test_fields_have_the_manuals_names_and_types(exported):
    _, records, _, _ = exported
    ours = {"status", "date_precision", "date_basis", "cameo", "article_id"}
    for r in records:
        for name, (kind, required) in MANUAL_FIELDS.items():
            if required:
                assert name in r, name
            if name in r and r[name] is not None:
                assert isinstance(r[name], kind), (name, r[name])
        assert set(r) <= set(MANUAL_FIELDS) | ours, set(r) - set(MANUAL_FIELDS) - ours
        assert not {"source", "target", "date_end", "quad", "goldstein"} & set(r)  # the old, non-PLOVER names


def test_values_are_what_the_manual_says(exported):
    _, records, _, bodies = exported
    for r in records:
        assert DAY.match(r["date"]) and DAY.match(r["enddate"]) and r["date"] <= r["enddate"]
        assert r["actor"] and all(isinstance(x, dict) and set(x) <= ENTITY_FIELDS and x["code"] for x in r["actor"])
        assert all(isinstance(x, dict) and set(x) <= ENTITY_FIELDS for x in r["recipient"])
        assert len(r["event"]) == 1 and r["event"][0] in PLOVER_TYPES
        assert all(isinstance(m, str) for m in r["mode"]) and set(r["context"]) <= {"future", "hypothetical", "negation"}
        assert r["quad_code"] in (1, 2, 3, 4) and -10 <= r["event_scale"] <= 10
        info = r["text_info"]
        assert {"sequence", "start", "end"} <= set(info) and all(isinstance(info[k], int) for k in ("sequence", "start", "end"))
        assert r["text"].strip() in bodies[r["article_id"]][info["start"]:info["end"]]
        assert set(r["cite_info"]) <= CITE_FIELDS and r["cite_info"]["url"]
        assert r["status"] in queries.STATUSES and r["date_precision"] in ("day", "month", "year", "range")


def test_status_reaches_the_manuals_auxiliary_modes(exported):
    _, records, _, _ = exported
    planned = [r for r in records if r["status"] == "planned"]
    assert planned and all(r["context"] == ["future"] for r in planned if r["event"][0] not in ("AGREE", "CONCEDE"))
    assert all(r["context"] == [] for r in records if r["status"] == "happened")


def test_mentions_of_one_event_share_a_link(exported):
    _, records, events, _ = exported
    cluster = {e.id: e.cluster_id or e.id for e in events}
    assert all(r["link"] == cluster[r["id"]] for r in records)
    assert len({r["link"] for r in records}) < len(records)


@pytest.mark.parametrize(("actor", "codes"), [
    (Actor("p:a", "person", "A", role="Deputy Foreign Minister"), ("GOV", "GOV")),
    (Actor("p:b", "person", "B", role="commander of the northern fleet's army"), ("MIL", "MIL")),
    (Actor("p:c", "person", "C", role="former prime minister"), ("ELI", "ELI")),
    (Actor("p:d", "person", "D", role="columnist"), (None, None)),
    (Actor("o:e", "org", "E", org_type="media"), ("MED", "JRN")),
    (Actor("o:f", "org", "F", org_type="igo"), ("IGO", None)),
    (Actor("CHN", "state", "China"), (None, None)),
])
def test_sectors_come_from_the_role_or_the_organisation_type(actor, codes):
    assert sector(actor) == codes


def test_future_cooperation_is_the_single_category_the_manual_names(exported):
    """The manual codes a cooperative act reported as future (CONSULT, SUPPORT, COOPERATE, AID) as AGREE and an
    announced retreat as CONCEDE, with no auxiliary mode; the JSONL keeps our type and status."""
    _, records, events, _ = exported
    by_id = {e.id: e for e in events}
    future = [r for r in records if r["status"] == "planned" and by_id[r["id"]].type in ("CONSULT", "SUPPORT", "COOPERATE", "AID")]
    assert future, "examples/ has planned visits"
    assert all(r["event"] == ["AGREE"] and r["context"] == [] and r["quad_code"] == 1 for r in future)
    assert plover.plover_category("RETREAT", "planned") == "CONCEDE"
    assert plover.plover_category("CONSULT", "happened") == "CONSULT"
    assert plover.plover_category("ASSAULT", "planned") == "ASSAULT"
