"""The dyad index counts each real-world event once, leaves copies out and keeps planned events apart."""

from __future__ import annotations

from detente.analysis import dyad_index, period_of
from detente.events.extract import cluster_key
from detente.records import Event


def _event(eid, article, etype="ASSAULT", status="happened", day="1979-02-17", precision="year", goldstein=-9.0):
    return Event(id=eid, article_id=article, sentence_index=0, char_start=0, char_end=1, source="CHN", target="VNM",
                 type=etype, status=status, date_start=day, date_end=day, date_precision=precision, goldstein=goldstein,
                 quad="material-conflict", cluster_id=cluster_key("CHN", "VNM", etype, status, day, precision))


def test_one_war_reported_twice_counts_once_and_copies_are_excluded():
    events = [
        _event("e1", "a1"),
        _event("e2", "a2", day="1979-01-01"),  # the same war from another article
        _event("e3", "copy", etype="CONSULT", day="2023-12-12", precision="day", goldstein=4.0),
        _event("e4", "a3", etype="CONSULT", status="planned", day="2023-12-12", precision="day", goldstein=4.0),
    ]
    periods = {p.period: p for p in dyad_index(events, "VNM", "CHN", "year", excluded_articles={"copy"})}
    assert periods["1979"].events == 1 and periods["1979"].goldstein == -9.0
    assert periods["2023"].events == 0 and periods["2023"].not_happened == {"planned": 1}


def test_periods():
    assert period_of("2023-12-12", "month") == "2023-12"
    assert period_of("2023-12-12", "quarter") == "2023-Q4"
    assert period_of("2023-12-12", "year") == "2023"
