"""Détente: a sourced, deduplicated, dated record of international relations from news articles.

    import detente
    analysis = detente.analyze("Vietnam and China signed 36 agreements on Tuesday ...")
    with detente.open("detente.db") as corpus:
        frame = corpus.events(dyad=("CHN", "VNM")).to_pandas()
"""

from __future__ import annotations

from pathlib import Path

from detente.version import __version__


def open(path: str | Path = "detente.db", *, readonly: bool = False):
    """Open a Détente database; returns a :class:`detente.api.Corpus` (the Store's methods stay available on it)."""
    from detente.api import Corpus

    return Corpus(path, readonly=readonly)


def analyze(text: str, *, title: str | None = None, date: str | None = None):
    """Analyse one article given as text, as ``detente ingest`` would; returns an :class:`detente.records.Analysis`.
    A text ingest would skip (no article text after cleaning, too long) raises :class:`detente.batch.AnalysisError`."""
    from detente.batch import analyze_text

    return analyze_text(text, title=title, date=date)


__all__ = ["__version__", "analyze", "open"]
