"""Loaders for the gold attribution corpora (PolNeAR, PDNC) and their tuning/held-out splits."""

from __future__ import annotations

from pathlib import Path

from .pdnc import load_pdnc, pdnc_novels
from .polnear import classify_cue, content_kind, load_polnear
from .records import GoldAttribution, GoldDocument

#: The split an eval reads when none is given.
DEFAULT_SPLIT = {"polnear": "dev", "pdnc": "heldout"}


def load_gold(fmt: str, data: Path, split: str, limit: int | None = None) -> list[GoldDocument]:
    """The gold documents of a split of ``polnear`` or ``pdnc``: at most `limit` documents or novels."""
    if fmt == "polnear":
        return list(load_polnear(data, split, limit=limit))
    novels = pdnc_novels(data, split)
    if limit is not None:
        novels = novels[:limit]
    return list(load_pdnc(data, novels))


__all__ = [
    "DEFAULT_SPLIT",
    "GoldAttribution",
    "GoldDocument",
    "classify_cue",
    "content_kind",
    "load_gold",
    "load_pdnc",
    "load_polnear",
    "pdnc_novels",
]
