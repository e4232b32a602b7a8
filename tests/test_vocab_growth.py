"""A long ingest does not grow spaCy's vocabulary with every new name: warm parses run in memory zones."""

from __future__ import annotations

import pytest

import detente.nlp
from detente.actors.gazetteer import _gazetteer_for
from detente.batch import analyse_batch
from detente.nlp import load_nlp
from detente.records import RawDocument

# invented surnames and a made-up number: words the model's vocabulary has never seen
STORY = ("Vietnamese Foreign Minister {a} {b} met Chinese Ambassador {c} in Hanoi on Monday, the ministry said. "
         "They signed {n} agreements on trade and border management, {a} told reporters after the talks.")


def _batch(tag: str) -> list[RawDocument]:
    names = [f"Zor{tag}vath", f"Quil{tag}beck", f"Mirox{tag}ane"]
    text = STORY.format(a=names[0], b=names[1], c=names[2], n=f"{len(tag) + 17}{tag.count('x') + 3}9")
    return [RawDocument(source=f"{tag}.txt", doc_name=tag, text=text, raw_hash=tag)]


def _states(analyses) -> set[str]:
    return {a.id for analysis in analyses for a in analysis.actors if a.kind == "state"}


def test_warm_parses_leave_no_new_strings_and_keep_finding_actors(monkeypatch):
    monkeypatch.setattr(detente.nlp, "WARM_ARTICLES", 0)
    _gazetteer_for.cache_clear()  # built inside the first zone, as it is in a fresh worker
    nlp = load_nlp()
    first = analyse_batch(_batch("ka")).analyses
    size = len(nlp.vocab.strings)
    second = analyse_batch(_batch("lu")).analyses
    assert len(nlp.vocab.strings) == size
    assert "Zorluvath" not in nlp.vocab.strings
    assert _states(first) == _states(second) == {"VNM", "CHN"}
    assert any("Zorluvath" in (a.name or "") for a in second[0].actors)


@pytest.mark.parametrize("warm", [10**9])
def test_cold_parses_keep_their_strings(monkeypatch, warm):
    """The contrast: outside a zone every new word stays in the vocabulary."""
    monkeypatch.setattr(detente.nlp, "WARM_ARTICLES", warm)
    nlp = load_nlp()
    analyse_batch(_batch("po"))
    assert "Zorpovath" in nlp.vocab.strings
