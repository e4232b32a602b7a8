"""The lemmatizer remembered per (word, POS, morphology): the same lemmas as the model's own component."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

from detente.lemma_lookup import LemmaMemo, use_lemma_lookup
from detente.nlp import MODEL_NAME, load_nlp
from tests.conftest import token_annotations


def test_the_memo_lemmatizes_exactly_as_the_models_lemmatizer(varied_texts):
    stock = spacy.load(MODEL_NAME)
    fast = spacy.load(MODEL_NAME)
    assert use_lemma_lookup(fast)
    assert "lemmatizer" not in fast.pipe_names and "detente_lemma_lookup" in fast.pipe_names
    texts = varied_texts + varied_texts[:5]  # the second time round, every lemma comes from the memo
    differing = [text[:60] for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts), strict=True)
                 if token_annotations(a) != token_annotations(b)]
    assert differing == []


def test_lemmas_remembered_inside_a_memory_zone_are_set_again_after_it():
    nlp = load_nlp()
    text = "The envoys were sanctioning the glorbinations of the Quixotrian ministry."
    with nlp.memory_zone():
        inside = [t.lemma_ for t in nlp(text)]  # strings first made here ("glorbination") are dropped at its end
    after = [t.lemma_ for t in nlp(text)]  # a memo of string ids would now point at a string that is gone
    assert after == inside
    assert "glorbination" in after and "sanction" in after


def test_a_full_memo_keeps_what_it_has_and_lemmatizes_the_rest_directly():
    stock = spacy.load(MODEL_NAME)
    fast = spacy.load(MODEL_NAME)
    use_lemma_lookup(fast)
    memo = fast.get_pipe("detente_lemma_lookup")
    assert isinstance(memo, LemmaMemo)
    memo.limit = 8
    text = "Ministers met, talks resumed and both sides signed agreements on trade, energy and fishing."
    assert token_annotations(fast(text)) == token_annotations(stock(text))
    kept = dict(memo.memo)
    assert len(kept) == 8  # the text has more than 8 distinct words
    again = "Agreements on fishing were signed while ministers met and trade talks resumed."
    assert token_annotations(fast(again)) == token_annotations(stock(again))
    assert memo.memo == kept
    assert len(memo.lemmatizer.cache) <= 8  # spaCy's cache of inflected forms ("resumed", "agreements") too


class SentenceLemmatizer(Lemmatizer):
    """A mode that reads more than the word, its POS and morphology: its lemmas cannot be remembered per word."""

    def sentence_lemmatize(self, token: Token) -> list[str]:
        return [token.lower_ if token.is_sent_start else token.text]


@Language.factory("test_sentence_lemmatizer")
def make_sentence_lemmatizer(nlp: Language, name: str) -> SentenceLemmatizer:
    return SentenceLemmatizer(nlp.vocab, None, name, mode="sentence")


def test_a_lemmatizer_in_another_mode_is_kept():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_sentence_lemmatizer", name="lemmatizer")
    assert not use_lemma_lookup(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
