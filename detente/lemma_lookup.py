"""The model's lemmatizer, remembered per (word, POS, morphology) instead of recomputed per token.

spaCy's rule lemmatizer caches only the words that need its suffix rules; every other token (most of running
text: singular nouns, base verbs, positive adjectives, proper names) goes through ``Token.pos_``,
``MorphAnalysis.to_dict()`` and the base-form test again each time, a Token object per word. A lemma is a
function of the word, its POS and its morphology alone (those are all the rule and lookup modes read), so this
component asks the model's own lemmatizer once per such triple and then sets the remembered lemma for the whole
doc at once. Same lemmas as the stock component, token for token (a test compares them).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# (word, POS, morphology) triples kept, ~280 bytes each: 14 MB at most. Words come in Zipf's order, the common
# ones within the first articles, so a full memo stops taking new triples (rare names and numbers, lemmatized
# directly) rather than starting over: its size then stays flat however long the run, a cleared one would not.
MEMO_LIMIT = 50_000
COLUMNS = [ORTH, POS, MORPH, LEMMA]


class LemmaMemo:
    """Lemmas the wrapped lemmatizer gave, by (orth, POS, morph) hash; lemma text, not its hash, is kept, so a
    string a memory zone dropped is added back when the lemma is set again."""

    def __init__(self, lemmatizer: Lemmatizer, limit: int = MEMO_LIMIT) -> None:
        self.lemmatizer = lemmatizer
        self.limit = limit
        self.memo: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables(Errors.E1004)
        overwrite = self.lemmatizer.overwrite
        memo, add, lemmatize = self.memo, doc.vocab.strings.add, self.lemmatizer.lemmatize
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(COLUMNS).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                text = lemmatize(doc[i])[0]
                if len(memo) < self.limit:
                    memo[key] = text
                elif len(self.lemmatizer.cache) > self.limit:  # spaCy's own, of inflected forms: unbounded
                    self.lemmatizer.cache.clear()
            lemmas.append(add(text))
        doc.from_array([LEMMA], np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1))
        return doc


@Language.factory("detente_lemma_lookup", default_config={"source": "lemmatizer"})
def make_lemma_lookup(nlp: Language, name: str, source: str) -> LemmaMemo:
    lemmatizer = nlp.get_pipe(source)
    if not memoizable(lemmatizer):
        raise ValueError(f"{source!r} is not a rule or lookup Lemmatizer: keep spaCy's component")
    return LemmaMemo(lemmatizer)


def memoizable(component: object) -> bool:
    """spaCy's own lemmatizer (or its English subclass) in a mode that reads only word, POS and morphology."""
    return isinstance(component, Lemmatizer) and component.mode in ("rule", "lookup")


def use_lemma_lookup(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put the memo in place of the model's lemmatizer; False (lemmatizer kept) if it is not memoizable."""
    if name not in nlp.pipe_names or not memoizable(nlp.get_pipe(name)):
        return False
    nlp.add_pipe("detente_lemma_lookup", after=name, config={"source": name})
    nlp.remove_pipe(name)
    return True
