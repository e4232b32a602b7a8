"""Time expressions of a whole text as TimeML TIMEX3, each resolved against the document creation time in the
direction its clause's tense gives (used by the TimeML bench and by anyone who wants TIMEX3 out of a text)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from detente.dating.expressions import Timex, find_timexes
from detente.dating.tense import future_at, future_sentence


def tag_doc(doc: Doc, dct: date) -> list[Timex]:
    """TIMEX3 of a parsed text, sentence by sentence."""
    out: list[Timex] = []
    text = doc.text
    for sent in doc.sents:
        words = text[sent.start_char : sent.end_char]
        whole = future_sentence(sent)
        out.extend(find_timexes(words, (dct, dct), lambda a, b, s=sent, w=whole: future_at(s, a, b, w),
                                offset=sent.start_char))
    return out


def tag_text(text: str, dct: date) -> list[Timex]:
    """TIMEX3 of a plain text (parsed here with the project's model)."""
    from detente.nlp import load_nlp

    return tag_doc(load_nlp()(text), dct)
