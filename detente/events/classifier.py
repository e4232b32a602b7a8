"""The learned event classifier: P(PLOVER type | candidate) for an ordered pair of parties in a sentence.

A multinomial logistic regression over the candidate's sparse features (a vocabulary of feature strings) and its
dense parse vectors, trained by ``training/events/train.py`` on sentences written for it (``training/events/corpus``),
never on a measuring set. The weights ship in ``detente/data/models/events.npz``; running it needs only numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from detente.events.candidates import Candidate

MODEL_FILE = "data/models/events.npz"
NONE = "NONE"


@dataclass(frozen=True)
class EventModel:
    labels: tuple[str, ...]  # class names, NONE included
    vocabulary: dict[str, int]  # sparse feature string → column
    sparse_weights: np.ndarray  # (n_features, n_classes)
    dense_weights: np.ndarray  # (dense_dim, n_classes)
    dense_scale: float  # dense vectors are multiplied by this before the dot product (as in training)
    bias: np.ndarray  # (n_classes,)
    threshold: float  # a type is kept when its probability reaches this

    def scores(self, sparse: list[str], dense: np.ndarray) -> np.ndarray:
        columns = [self.vocabulary[f] for f in set(sparse) if f in self.vocabulary]
        logits = self.bias + dense.astype(np.float32) * self.dense_scale @ self.dense_weights
        if columns:
            logits = logits + self.sparse_weights[columns].sum(axis=0)
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def knows(self, feature: str) -> bool:
        return feature in self.vocabulary

    def predict(self, candidate: Candidate) -> dict[str, float]:
        """Types whose probability reaches the threshold (NONE left out), most probable first."""
        probs = self.scores(candidate.sparse, candidate.dense)
        order = np.argsort(-probs)
        return {self.labels[i]: float(probs[i]) for i in order
                if self.labels[i] != NONE and probs[i] >= self.threshold}


def save_model(path, model: EventModel) -> None:
    vocab = sorted(model.vocabulary, key=model.vocabulary.get)
    np.savez_compressed(path, labels=np.array(model.labels), vocabulary=np.array(vocab),
                        sparse_weights=model.sparse_weights.astype(np.float16),
                        dense_weights=model.dense_weights.astype(np.float32),
                        dense_scale=np.array(model.dense_scale), bias=model.bias.astype(np.float32),
                        threshold=np.array(model.threshold))


def read_model(source) -> EventModel:
    with np.load(source, allow_pickle=False) as data:
        vocab = [str(v) for v in data["vocabulary"]]
        return EventModel(
            labels=tuple(str(v) for v in data["labels"]),
            vocabulary={v: i for i, v in enumerate(vocab)},
            sparse_weights=data["sparse_weights"].astype(np.float32),
            dense_weights=data["dense_weights"].astype(np.float32),
            dense_scale=float(data["dense_scale"]),
            bias=data["bias"].astype(np.float32),
            threshold=float(data["threshold"]),
        )


@lru_cache(maxsize=1)
def event_model() -> EventModel:
    """The shipped model, read once per process."""
    resource = resources.files("detente").joinpath(MODEL_FILE)
    if not resource.is_file():
        raise RuntimeError(f"the event model {MODEL_FILE} is missing from the package: "
                           "rebuild it with `python training/events/train.py`")
    with resource.open("rb") as handle:
        return read_model(handle)
