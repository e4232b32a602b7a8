"""The Python API: detente.open returns a Corpus with filtered record lists that become DataFrames;
detente.analyze analyses one text."""

from __future__ import annotations

import pytest

import detente
from detente.api import Corpus, Records
from detente.records import Analysis, Event

pytestmark = pytest.mark.seeds


def test_open_filters_and_to_pandas(seeds_db):
    with detente.open(seeds_db, readonly=True) as corpus:
        assert isinstance(corpus, Corpus)
        everything = corpus.events()
        pair = corpus.events(dyad=("CHN", "VNM"))
        assert isinstance(pair, Records) and 0 < len(pair) < len(everything)
        assert all({e.source, e.target} == {"CHN", "VNM"} for e in pair)
        assert len(corpus.events(dyad="vnm-chn")) == len(pair)
        assert all(e.status == "planned" for e in corpus.events(status="planned"))
        assert all(e.date_start >= "2023" for e in corpus.events(dyad=("CHN", "VNM"), since="2023-01-01"))
        frame = pair.to_pandas()
        assert len(frame) == len(pair) and {"source", "target", "type", "status", "date_start", "text"} <= set(frame.columns)
        assert len(corpus.articles()) == 5 and corpus.articles(search="Guangdong")
        assert len(corpus.articles(originals_only=True)) < 5
        assert corpus.quotes(speaker="Zhang") and corpus.actors(kind="state") and corpus.stories()
        assert corpus.dyad("CHN", "VNM", by="year")[0].period == "1979"
        # the Store's API is still there
        assert corpus.count("articles") == 5 and corpus.conn.execute("SELECT 1").fetchone()[0] == 1


def test_bad_dyad_is_a_clear_error(seeds_db):
    with detente.open(seeds_db, readonly=True) as corpus, pytest.raises(ValueError, match="not two known states"):
        corpus.events(dyad="CHN")


def test_open_read_write_and_report(tmp_path):
    with detente.open(tmp_path / "new.db") as corpus:
        assert corpus.count("articles") == 0 and corpus.events() == []
        assert corpus.report(tmp_path / "r.html").exists()


def test_analyze_one_text():
    analysis = detente.analyze("Vietnam and China signed a trade agreement in Hanoi on Tuesday, officials said.",
                               title="Pact", date="2024-03-05")
    assert isinstance(analysis, Analysis) and analysis.article.body.startswith("Vietnam and China")
    assert any(isinstance(e, Event) and {e.source, e.target} == {"CHN", "VNM"} for e in analysis.events)


def test_filters_read_names_and_dates_and_refuse_bad_values(seeds_db):
    with detente.open(seeds_db, readonly=True) as corpus:
        assert [e.id for e in corpus.events(dyad="China/Viet Nam")] == [e.id for e in corpus.events(dyad=("VNM", "CHN"))]
        dated = [e.date_start for e in corpus.events() if e.date_start]
        assert dated == sorted(dated)  # by date
        assert all(e.date_start[:4] == "2023" for e in corpus.events(since="2023", until="2023"))
        assert corpus.actors(name="xi") and all("Xi" in a.name for a in corpus.actors(name="xi"))
        assert all(q.speaker_country == "USA" for q in corpus.quotes(country="United States"))
        for bad in ({"status": "done"}, {"type": "CONSLT"}, {"since": "last year"}):
            with pytest.raises(ValueError, match="not"):
                corpus.events(**bad)
