"""Analyse a batch of documents: the one batch function behind ``detente.analyze``, ``detente ingest`` and Ray.

Cleaning, one ``nlp.pipe`` parse per batch, then the stages after the parse (:mod:`detente.pipeline`) for each
article. A document that fails anywhere (a cleaner bug, no text, too long, a stage that raises or runs past its
time limit) is returned as a :class:`Failure` naming its source and the reason, never raised, so one bad page
cannot stop a run; the caller decides how to report it.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import DetenteError, number_setting
from detente.ingest.htmldepth import PARSER_DEPTH, nesting_depth
from detente.nlp import load_nlp, transient_strings
from detente.pipeline import Prepared, analyze_parsed, parse_captions, prepare
from detente.records import Analysis, RawDocument

ARTICLE_SECONDS = 60.0  # the default time one article may take in the cleaner, and after the parse
MIN_WORDS = 5  # a body shorter than this after cleaning is page furniture, not an article


@dataclass(frozen=True)
class Failure:
    """A document left out of a batch: its source (path, ``path#line`` or URL) and why."""

    source: str
    reason: str


@dataclass
class BatchResult:
    analyses: list[Analysis] = field(default_factory=list)  # in input order
    failures: list[Failure] = field(default_factory=list)  # in the order they happened


class AnalysisError(DetenteError, ValueError):
    """A text ``detente.analyze`` cannot analyse (no article text left after cleaning, too long, ...)."""


def analyse_batch(raws: list[RawDocument], batch_size: int = 32) -> BatchResult:
    """Clean, parse and analyse a batch; a document that fails is returned as a failure and left out."""
    nlp = load_nlp()
    seconds = article_seconds()
    result = BatchResult()

    def fail(source: str, reason: str) -> None:
        result.failures.append(Failure(source, reason))

    prepared = []
    for raw in raws:
        try:
            with time_limit(seconds):  # a pathological page must not stall the run in the cleaner either
                item = prepare(raw)
        except ArticleTimeout:
            fail(raw.source, f"cleaning took over {seconds:g} s and was skipped")
            continue
        except Exception as exc:  # a cleaner bug must not stop the run: report it against the file
            fail(raw.source, f"could not be cleaned ({exc.__class__.__name__}: {exc})")
            continue
        if len(item.cleaned.body.split()) < MIN_WORDS:
            fail(raw.source, _no_text_reason(raw))
            continue
        if len(item.cleaned.body) >= nlp.max_length:
            fail(raw.source, f"article body of {len(item.cleaned.body)} characters is too long to parse")
            continue
        prepared.append(item)
    with transient_strings(nlp, len(prepared)):  # the analyses are plain records: no Doc leaves this block
        try:
            parse_captions(nlp, prepared, batch_size)
        except Exception:  # a caption that breaks the batch parse is parsed alone later, with its article
            for item in prepared:
                item.caption_docs = None
        for item, doc in _parse(nlp, prepared, fail, batch_size):
            try:
                with time_limit(seconds):
                    result.analyses.append(analyze_parsed(item, doc))
            except ArticleTimeout:
                fail(item.raw.source, f"analysis took over {seconds:g} s and was skipped")
            except Exception as exc:
                fail(item.raw.source, f"analysis failed ({exc.__class__.__name__}: {exc})")
        for item in prepared:
            item.caption_docs = None
    return result


def analyze_text(text: str, *, title: str | None = None, date: str | None = None, kind: str = "text") -> Analysis:
    """Analyse one article given as a string (``detente.analyze``), exactly as ``detente ingest`` would; a text it
    would skip raises :class:`AnalysisError` with the reason."""
    hints = {k: v for k, v in (("title", title), ("date", date)) if v}
    raw = RawDocument(source="<text>", doc_name="text", text=text, kind=kind,
                      raw_hash=hashlib.sha256(text.encode()).hexdigest(), hints=hints)
    result = analyse_batch([raw])
    if not result.analyses:
        raise AnalysisError(f"the text cannot be analysed: {result.failures[0].reason}")
    return result.analyses[0]


def _no_text_reason(raw: RawDocument) -> str:
    """Why cleaning left nothing: a page nested past the HTML parser's depth limit loses its text silently."""
    if raw.kind == "html":
        depth = nesting_depth(raw.text, stop_at=PARSER_DEPTH + 1)
        if depth > PARSER_DEPTH:
            return f"no article text found: the HTML nests elements over {PARSER_DEPTH} deep, past the parser's limit"
    return "no article text found (empty after removing page furniture)"


def _parse(nlp: Language, prepared: list[Prepared], fail: Callable[[str, str], None], batch_size: int) -> list[tuple[Prepared, Doc]]:
    """Parse a batch with ``nlp.pipe``; if the batch fails, parse one by one so only the culprit is reported."""
    try:
        return list(zip(prepared, nlp.pipe([p.cleaned.body for p in prepared], batch_size=batch_size), strict=True))
    except Exception:
        parsed = []
        for item in prepared:
            try:
                parsed.append((item, nlp(item.cleaned.body)))
            except Exception as exc:
                fail(item.raw.source, f"could not be parsed ({exc.__class__.__name__}: {exc})")
        return parsed


def article_seconds() -> float:
    """The per-article time limit: ``DETENTE_ARTICLE_SECONDS`` (0 turns it off), checked, else the default."""
    return number_setting("DETENTE_ARTICLE_SECONDS", ARTICLE_SECONDS)


class ArticleTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Abort the stages after the parse for one article that runs too long (main thread only: signals)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
