"""The Python API: detente.open returns a Corpus with filtered record lists that become DataFrames;
detente.analyze analyses one text."""

from __future__ import annotations

import pytest

import detente
from detente.api import Corpus, Records
from detente.records import Analysis, Event


def test_open_filters_and_to_pandas(examples_db):
    with detente.open(examples_db, readonly=True) as corpus:
        assert isinstance(corpus, Corpus)
        everything = corpus.events()
        pair = corpus.events(dyad=("CHN", "PHL"))
        assert isinstance(pair, Records) and 0 < len(pair) < len(everything)
        assert all({e.source, e.target} == {"CHN", "PHL"} for e in pair)
        assert len(corpus.events(dyad="phl-chn")) == len(pair)
        planned = corpus.events(status="planned")
        assert planned and all(e.status == "planned" for e in planned) and len(planned) < len(everything)
        since = corpus.events(dyad=("RUS", "UKR"), since="2022-01-01")
        assert since and all(e.date_start >= "2022" for e in since) and len(since) < len(corpus.events(dyad="RUS-UKR"))
        frame = pair.to_pandas()
        assert len(frame) == len(pair) and {"source", "target", "type", "status", "date_start", "text"} <= set(frame.columns)
        assert len(corpus.articles()) == 13 and [a.doc_name for a in corpus.articles(search="Galwan")] == [
            "103_india_china_galwan"]
        originals = corpus.articles(originals_only=True)
        assert len(originals) == 11 and all(not a.duplicate_of and not a.derivative_of for a in originals)
        assert corpus.quotes(speaker="Albanese") and corpus.actors(kind="state") and corpus.stories()
        years = sorted({e.date_start[:4] for e in corpus.events(dyad="RUS-UKR", status="happened", originals_only=True)
                        if e.date_start})
        assert [p.period for p in corpus.dyad("RUS", "UKR", by="year")] == years
        # the Store's API is still there
        assert corpus.count("articles") == 13 and corpus.conn.execute("SELECT 1").fetchone()[0] == 1


def test_bad_dyad_is_a_clear_error(examples_db):
    with detente.open(examples_db, readonly=True) as corpus, pytest.raises(ValueError, match="not two known states"):
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


def test_filters_read_names_and_dates_and_refuse_bad_values(examples_db):
    with detente.open(examples_db, readonly=True) as corpus:
        by_name = [e.id for e in corpus.events(dyad="China/the Philippines")]
        assert by_name and by_name == [e.id for e in corpus.events(dyad=("PHL", "CHN"))]
        dated = [e.date_start for e in corpus.events() if e.date_start]
        assert dated == sorted(dated) and dated[0] < dated[-1]  # by date
        in_2023 = corpus.events(since="2023", until="2023")
        assert in_2023 and all(e.date_start[:4] == "2023" for e in in_2023)
        assert corpus.actors(name="xi") and all("Xi" in a.name for a in corpus.actors(name="xi"))
        american = corpus.quotes(country="United States")
        assert american and all(q.speaker_country == "USA" for q in american)
        for bad in ({"status": "done"}, {"type": "CONSLT"}, {"since": "last year"}):
            with pytest.raises(ValueError, match="not"):
                corpus.events(**bad)
