"""Loaders for the gold attribution corpora (PolNeAR, PDNC) and their tuning/held-out splits."""

from .pdnc import load_pdnc, pdnc_novels
from .polnear import classify_cue, content_kind, load_polnear
from .records import GoldAttribution, GoldDocument

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "classify_cue",
    "content_kind",
    "load_pdnc",
    "load_polnear",
    "pdnc_novels",
]
