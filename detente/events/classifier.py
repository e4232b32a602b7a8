"""The learned event classifier: which words of a sentence name an act of which PLOVER type, and which parties are
its source and target.

Two multinomial logistic regressions over features of the parse (:mod:`detente.events.features`): one types each
candidate trigger (NONE or one of the 16 types), one gives each party mention its role toward a typed trigger (none,
source, target). Trained by ``training/events/train.py`` on sentences written for it (``training/events/corpus``),
never on a measuring set. The weights ship in ``detente/data/models/events.npz``; running them needs only numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

MODEL_FILE = "data/models/events.npz"
NONE = "NONE"
ROLES = ("none", "source", "target")


@dataclass(frozen=True)
class LinearModel:
    """Softmax over ``labels`` from a bag of feature strings and an optional dense vector."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]  # feature string → row of ``sparse_weights``
    sparse_weights: np.ndarray  # (n_features, n_labels)
    dense_weights: np.ndarray  # (dense_dim, n_labels); (0, n_labels) when the model reads no vector
    dense_scale: float  # vectors are multiplied by this before the dot product (as in training)
    bias: np.ndarray  # (n_labels,)

    def probabilities(self, features: list[str], vector: np.ndarray | None = None) -> np.ndarray:
        rows = [self.vocabulary[f] for f in set(features) if f in self.vocabulary]
        logits = self.bias.copy()
        if rows:
            logits += self.sparse_weights[rows].sum(axis=0)
        if self.dense_weights.shape[0] and vector is not None:
            logits += (vector.astype(np.float32) * self.dense_scale) @ self.dense_weights
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()


@dataclass(frozen=True)
class EventModel:
    triggers: LinearModel  # NONE or a PLOVER type, per candidate word
    roles: LinearModel  # none / source / target, per (typed trigger, party mention)
    nouns: frozenset[str]  # noun lemmas that may name an act (the lexicon's are added at run time)
    trigger_threshold: float  # a type is kept when its probability reaches this
    role_threshold: float  # a party takes a role when its probability reaches this

    def knows(self, feature: str) -> bool:
        return feature in self.roles.vocabulary


def _pack(prefix: str, model: LinearModel) -> dict[str, np.ndarray]:
    vocab = sorted(model.vocabulary, key=model.vocabulary.get)
    return {f"{prefix}_labels": np.array(model.labels), f"{prefix}_vocabulary": np.array(vocab),
            f"{prefix}_sparse": model.sparse_weights.astype(np.float16),
            f"{prefix}_dense": model.dense_weights.astype(np.float16),
            f"{prefix}_scale": np.array(model.dense_scale), f"{prefix}_bias": model.bias.astype(np.float32)}


def _unpack(prefix: str, data) -> LinearModel:
    vocab = [str(v) for v in data[f"{prefix}_vocabulary"]]
    return LinearModel(tuple(str(v) for v in data[f"{prefix}_labels"]), {v: i for i, v in enumerate(vocab)},
                       data[f"{prefix}_sparse"].astype(np.float32), data[f"{prefix}_dense"].astype(np.float32),
                       float(data[f"{prefix}_scale"]), data[f"{prefix}_bias"].astype(np.float32))


def save_model(path, model: EventModel) -> None:
    np.savez_compressed(path, **_pack("trigger", model.triggers), **_pack("role", model.roles),
                        nouns=np.array(sorted(model.nouns)), trigger_threshold=np.array(model.trigger_threshold),
                        role_threshold=np.array(model.role_threshold))


def read_model(source) -> EventModel:
    with np.load(source, allow_pickle=False) as data:
        return EventModel(_unpack("trigger", data), _unpack("role", data), frozenset(str(n) for n in data["nouns"]),
                          float(data["trigger_threshold"]), float(data["role_threshold"]))


@lru_cache(maxsize=1)
def event_model() -> EventModel:
    """The shipped model, read once per process."""
    resource = resources.files("detente").joinpath(MODEL_FILE)
    if not resource.is_file():
        raise RuntimeError(f"the event model {MODEL_FILE} is missing from the package: "
                           "rebuild it with `python training/events/train.py`")
    with resource.open("rb") as handle:
        return read_model(handle)
