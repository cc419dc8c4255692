"""The FAISS half of an index: exact inner product over normalised vectors, with stable ids."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np


class VectorStore:
    """IndexIDMap2 over IndexFlatIP: ids are the SQLite row ids, so deletes are exact."""

    def __init__(self, dim: int, index: faiss.Index | None = None) -> None:
        self.dim = dim
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    @classmethod
    def load(cls, path: Path, dim: int) -> VectorStore:
        index = faiss.read_index(str(path))
        if index.d != dim:
            raise ValueError(f"{path} holds {index.d}-dimensional vectors, expected {dim}")
        return cls(dim, index)

    @classmethod
    def from_rows(cls, dim: int, rows: Iterable[tuple[int, np.ndarray]], batch: int = 4096) -> VectorStore:
        store = cls(dim)
        ids: list[int] = []
        vecs: list[np.ndarray] = []
        for rid, vec in rows:
            ids.append(rid)
            vecs.append(vec)
            if len(ids) >= batch:
                store.add(ids, np.vstack(vecs))
                ids, vecs = [], []
        if ids:
            store.add(ids, np.vstack(vecs))
        return store

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype="float32"),
                                    np.asarray(ids, dtype="int64"))

    def remove(self, ids: list[int]) -> None:
        if ids:
            self.index.remove_ids(np.asarray(ids, dtype="int64"))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if len(self) == 0 or k <= 0:
            return []
        scores, ids = self.index.search(vector.reshape(1, -1).astype("float32"), min(k, len(self)))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i != -1]

    def save(self, path: Path) -> None:
        """Writes beside the target and renames, so a crash never leaves half a file."""
        tmp = path.with_suffix(path.suffix + ".tmp")
        faiss.write_index(self.index, str(tmp))
        os.replace(tmp, path)
