"""TF-IDF for feature blocks, written out so that one message costs a few dict look-ups.

scikit-learn's vectorizers and `predict` spend ~2 ms per call on input validation; for one chat message the
whole job is: look up each feature, weight it by sublinear tf x idf, L2-normalise per block. The same code
builds the training matrix, so training and parsing can never disagree about features.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Blocks = tuple[Counter[str], ...]
SparseRow = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]


@dataclass(frozen=True)
class Vectorizer:
    """Vocabulary and idf per block; `offsets[b]` is where block b starts in the joint feature space."""

    vocabularies: tuple[dict[str, int], ...]
    idf: npt.NDArray[np.float32]
    offsets: tuple[int, ...]
    block_weights: tuple[float, ...]

    @property
    def size(self) -> int:
        """Number of features (columns)."""
        return int(self.idf.shape[0])

    def row(self, blocks: Blocks) -> SparseRow:
        """The feature indices and values of one message; unknown features are dropped.

        Only the vocabulary lookups run in Python; weighting and normalising happen in numpy (a long message
        is scored in many windows by the crisis model, so this runs a dozen times per message).
        """
        indices: list[npt.NDArray[np.int32]] = []
        values: list[npt.NDArray[np.float64]] = []
        for vocabulary, offset, weight, counts in zip(
            self.vocabularies, self.offsets, self.block_weights, blocks, strict=True
        ):
            found = [
                (column, count)
                for gram, count in counts.items()
                if (column := vocabulary.get(gram)) is not None
            ]
            if not found:
                continue
            columns = np.fromiter((offset + column for column, _ in found), dtype=np.int32, count=len(found))
            tf = 1.0 + np.log(np.fromiter((count for _, count in found), dtype=np.float64, count=len(found)))
            weighted = tf * self.idf[columns].astype(np.float64)
            norm = math.sqrt(float(np.dot(weighted, weighted)))
            indices.append(columns)
            values.append(weighted * (weight / norm) if norm > 0 else weighted)
        if not indices:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        return np.concatenate(indices), np.concatenate(values).astype(np.float32)

    def matrix(self, rows: Sequence[Blocks]) -> Any:
        """The CSR matrix of many messages, built row by row with `row` (training only: scipy is imported
        here so that a serving process never loads it)."""
        from scipy import sparse

        data, indices, indptr = [], [], [0]
        for blocks in rows:
            columns, values = self.row(blocks)
            indices.append(columns)
            data.append(values)
            indptr.append(indptr[-1] + len(columns))
        return sparse.csr_matrix(
            (
                np.concatenate(data or [np.zeros(0, np.float32)]),
                np.concatenate(indices or [np.zeros(0, np.int32)]),
                np.asarray(indptr),
            ),
            shape=(len(rows), self.size),
        )


def fit_vectorizer(rows: Sequence[Blocks], block_weights: Sequence[float], min_df: int = 1) -> Vectorizer:
    """Learn vocabularies (features seen in at least `min_df` messages) and smoothed idf."""
    n_blocks = len(block_weights)
    vocabularies: list[dict[str, int]] = []
    idf_parts: list[npt.NDArray[np.float32]] = []
    offsets: list[int] = []
    total = 0
    for block in range(n_blocks):
        document_frequency: Counter[str] = Counter()
        for blocks in rows:
            document_frequency.update(blocks[block].keys())
        kept = sorted(gram for gram, df in document_frequency.items() if df >= min_df)
        vocabularies.append({gram: i for i, gram in enumerate(kept)})
        df = np.asarray([document_frequency[g] for g in kept], dtype=np.float64)
        idf_parts.append((np.log((1 + len(rows)) / (1 + df)) + 1.0).astype(np.float32))
        offsets.append(total)
        total += len(kept)
    return Vectorizer(tuple(vocabularies), np.concatenate(idf_parts), tuple(offsets), tuple(block_weights))
