"""Dyad charts that do not mislead: gaps stay gaps, a year-only event is drawn over its year (never in January),
the two y-axes share their zero, and bars keep a visible width over a long span."""

from __future__ import annotations

from datetime import date

from detente.analysis import dyad_index
from detente.analysis.dyad import event_period, period_bounds, periods_between
from detente.records import Event
from detente.report.charts import DAY_MS, MIN_BAR_SHARE, aligned_ranges, dyad_figure


def _event(eid, start, end, precision, etype="CONSULT", goldstein=2.5, quad="verbal-cooperation", status="happened"):
    return Event(id=eid, article_id="a", sentence_index=0, char_start=0, char_end=1, source="CHN", target="VNM",
                 type=etype, status=status, date_start=start, date_end=end, date_precision=precision,
                 goldstein=goldstein, quad=quad)


WAR = _event("war", "1979-01-01", "1979-12-31", "year", "ASSAULT", -9.0, "material-conflict")
VISIT = _event("visit", "2023-12-12", "2023-12-12", "day", goldstein=4.0)
TALKS = _event("talks", "2023-10-01", "2023-10-31", "month")


def test_an_event_goes_in_the_finest_period_that_holds_it_whole():
    assert event_period(WAR, "month") == "1979" and event_period(WAR, "quarter") == "1979"
    assert event_period(TALKS, "month") == "2023-10" and event_period(TALKS, "quarter") == "2023-Q4"
    assert event_period(_event("s", "2023-03-20", "2023-04-02", "range"), "month") == "2023"
    assert event_period(_event("y", "2019-06-01", "2021-05-31", "range"), "month") == "2019/2021"
    # a year-only event stored with one day still counts in its year
    assert event_period(_event("d", "1979-02-17", "1979-02-17", "year"), "month") == "1979"
    assert event_period(_event("u", None, None, None), "month") is None


def test_dyad_by_month_counts_a_year_only_event_in_its_year_not_its_january():
    periods = {p.period: p for p in dyad_index([WAR, VISIT, TALKS], "CHN", "VNM", "month")}
    assert set(periods) == {"1979", "2023-10", "2023-12"}
    assert periods["1979"].events == 1 and periods["1979"].level == "year" and periods["2023-12"].level == "month"
    assert [p.period for p in dyad_index([VISIT, WAR, TALKS], "CHN", "VNM", "month")] == ["1979", "2023-10", "2023-12"]


def test_periods_between_and_bounds():
    assert periods_between("2023-11-15", "2024-02-01", "month") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert periods_between("2023-05-01", "2024-01-01", "quarter") == ["2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]
    assert period_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_bounds("2023-Q4") == (date(2023, 10, 1), date(2023, 12, 31))


def _figure(events, by):
    return dyad_figure(dyad_index(events, "CHN", "VNM", by), "t", by)


def _trace(figure, name):
    return next(t for t in figure["data"] if t["name"] == name)


def test_a_decades_gap_is_a_gap_in_the_line():
    war = _event("war", "1979-02-17", "1979-02-17", "day", "ASSAULT", -9.0, "material-conflict")
    line = _trace(_figure([war, VISIT], "year"), "Goldstein sum")
    assert len(line["y"]) == 2023 - 1979 + 1 and line["connectgaps"] is False
    assert line["y"][0] == -9.0 and line["y"][-1] == 4.0 and all(y is None for y in line["y"][1:-1])


def test_a_year_only_event_is_drawn_over_its_year():
    figure = _figure([WAR, VISIT, TALKS], "month")
    bars = _trace(figure, "material conflict")
    (i,) = [k for k, y in enumerate(bars["y"]) if y]
    assert bars["y"][i] == -1 and not bars["x"][i].startswith("1979-01")  # not a January bar
    assert bars["width"][i] >= 0.8 * 365 * DAY_MS and bars["marker"]["pattern"]["shape"][i] == "/"
    assert "known only to the year" in bars["customdata"][i]
    line = _trace(figure, "Goldstein sum")
    assert not any(x.startswith("1979") for x in line["x"])  # the month line does not claim a month of 1979
    spread = _trace(figure, "Goldstein sum, coarse dates")
    assert spread["x"][:2] == ["1979-01-01", "1979-12-31"] and spread["y"][:2] == [-9.0, -9.0]


def test_both_axes_put_zero_at_the_same_height():
    layout = _figure([WAR, VISIT, TALKS], "month")["layout"]
    (lo1, hi1), (lo2, hi2) = layout["yaxis"]["range"], layout["yaxis2"]["range"]
    assert lo1 < 0 < hi1 and lo2 < 0 < hi2
    assert abs(-lo1 / (hi1 - lo1) - -lo2 / (hi2 - lo2)) < 1e-9
    for extents in ([(0, 5), (-9, 0)], [(-3, 1), (0, 20)], [(0, 0), (0, 0)], [(-2, 2), (-1, 7)]):
        ranges = aligned_ranges(extents)
        zeros = {round(-lo / (hi - lo), 9) for lo, hi in ranges}
        assert len(zeros) == 1
        assert all(lo <= min(e[0], 0) and hi >= max(e[1], 0) for (lo, hi), e in zip(ranges, extents, strict=True))


def test_bars_stay_visible_over_a_long_span():
    old = _event("old", "1979-02-17", "1979-02-17", "day", "ASSAULT", -9.0, "material-conflict")
    figure = _figure([old, VISIT], "month")
    span_ms = (date(2023, 12, 31) - date(1979, 2, 1)).days * DAY_MS
    for trace in figure["data"][:4]:
        assert all(w >= MIN_BAR_SHARE * span_ms * 0.99 for w in trace["width"])
    short = _figure([VISIT, TALKS], "month")
    assert all(w <= 31 * DAY_MS for w in short["data"][0]["width"])  # a short span keeps bars within their month
