"""Span arithmetic in document offsets, and the text normalisation of exact content matches."""

from __future__ import annotations

from collections.abc import Iterable

from rag.text import normalize

from ..corpora.records import Span


def trim_spans(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Each piece without white space at its edges; empty pieces dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(sorted(out))


def _union(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def span_length(spans: Iterable[Span]) -> int:
    return sum(b - a for a, b in _union(spans))


def intersection(x: Iterable[Span], y: Iterable[Span]) -> int:
    """Characters covered by both span sets."""
    ux, uy = _union(x), _union(y)
    i = j = total = 0
    while i < len(ux) and j < len(uy):
        lo, hi = max(ux[i][0], uy[j][0]), min(ux[i][1], uy[j][1])
        if hi > lo:
            total += hi - lo
        if ux[i][1] < uy[j][1]:
            i += 1
        else:
            j += 1
    return total


def overlap_ratio(x: Iterable[Span], y: Iterable[Span]) -> float:
    """|x & y| / |x | y| in characters; 0.0 when either is empty."""
    x, y = list(x), list(y)
    inter = intersection(x, y)
    if not inter:
        return 0.0
    return inter / (span_length(x) + span_length(y) - inter)


def overlaps(x: Iterable[Span], y: Iterable[Span]) -> bool:
    return intersection(x, y) > 0


_EDGE_QUOTES = "\"'`"
_TRAILING_PUNCT = ".,;:!?\u2026-\u2013\u2014"


def norm_spans(text: str, spans: Iterable[Span]) -> str:
    """``norm_content`` of each piece, joined by one space: ``"A," he said, "B."`` -> ``a b``."""
    return " ".join(t for t in (norm_content(text[a:b]) for a, b in spans) if t)


def norm_content(text: str) -> str:
    """Text for exact comparison: rag.text.normalize, then surrounding quote marks and trailing
    punctuation stripped until stable (``'"Fair."'`` -> ``fair``)."""
    t = normalize(text)
    prev = None
    while t != prev:
        prev = t
        t = t.strip().strip(_EDGE_QUOTES).strip().rstrip(_TRAILING_PUNCT).strip()
    return t
