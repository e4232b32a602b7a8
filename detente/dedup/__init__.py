"""Duplicates and derivatives: nothing counted twice.

Exact duplicates share a normalized-body hash; near duplicates (syndicated
copies with small edits) are found with MinHash + LSH over word shingles, so
candidate search never compares all pairs; derivatives (paraphrased rewrites)
are scored on signals that survive rewording among same-story candidates.
"""

from detente.dedup.derivative import derivative_score
from detente.dedup.near import NearDuplicateIndex, minhash_of

__all__ = ["NearDuplicateIndex", "derivative_score", "minhash_of"]
