"""The plain-torch MiniLM gives what transformers' BertModel gives on the same package weights: the same word pieces
and offsets, the same hidden states (to float rounding). The event classifier's trained layers rest on that."""

from __future__ import annotations

import torch
from transformers import AutoModel, AutoTokenizer

from detente.events.encoder import MAX_PIECES
from detente.minilm import PieceTokenizer, build_minilm, package_path, sentence_embeddings

SENTENCES = [
    "Russia invaded Ukraine in February 2022, officials said.",
    "Short one.",
    "Les négociations à Genève reprendront — selon l'AFP, « très bientôt ».",
    "The ministers met in Hanoi on Dec. 12-13 and signed 36 cooperation documents " * 12,  # longer than MAX_PIECES
]


def test_pieces_and_hidden_states_match_transformers():
    path = package_path()
    ours = PieceTokenizer(path, MAX_PIECES)(SENTENCES)
    theirs = AutoTokenizer.from_pretrained(path)(SENTENCES, return_offsets_mapping=True, truncation=True,
                                                 max_length=MAX_PIECES, padding=True, return_tensors="pt")
    assert torch.equal(ours.input_ids, theirs["input_ids"])
    assert torch.equal(ours.attention_mask, theirs["attention_mask"])
    assert ours.offsets == [[tuple(o) for o in row] for row in theirs["offset_mapping"].tolist()]
    assert ours.input_ids.shape[1] == MAX_PIECES  # the long sentence is cut

    reference = AutoModel.from_pretrained(path).eval()
    with torch.inference_mode():
        hidden = build_minilm(path)(ours.input_ids, ours.attention_mask)
        expected = reference(input_ids=ours.input_ids, attention_mask=ours.attention_mask).last_hidden_state
    real = ours.attention_mask.bool()
    assert hidden.shape == expected.shape
    assert (hidden - expected)[real].abs().max().item() < 1e-4


def test_sentence_embeddings_match_sentence_transformers():
    """The rewrite detector's vectors: mean-pooled and normalised as the package's sentence-transformers model."""
    from sentence_transformers import SentenceTransformer

    path = package_path()
    ours = sentence_embeddings(build_minilm(path), PieceTokenizer(path, 256), SENTENCES)
    theirs = SentenceTransformer(path, device="cpu").encode(SENTENCES, normalize_embeddings=True)
    assert ours.shape == theirs.shape == (len(SENTENCES), 384)
    assert abs(ours - theirs).max() < 1e-5
