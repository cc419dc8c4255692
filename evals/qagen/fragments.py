"""Fragments of a quotation's content: its tokens per paragraph and the MIN..MAX word windows a
question quotes, preferring those that start and end on clause boundaries."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import DOUBLE_QUOTES, LEAD_STRIP, PARA_BREAK, TRAIL_STRIP

MIN_WORDS, MAX_WORDS = 8, 15
_TOKEN = re.compile(r"\S+")


@dataclass
class Run:
    """Consecutive content tokens inside one paragraph: (start, end) doc offsets each."""

    tokens: list[tuple[int, int]] = field(default_factory=list)


def content_runs(text: str, spans: Iterable[tuple[int, int]]) -> list[Run]:
    runs: list[Run] = []
    for a, b in spans:
        current = Run()
        prev_end = None
        for m in _TOKEN.finditer(text, a, b):
            s, e = m.start(), min(m.end(), b)
            if prev_end is not None and PARA_BREAK.search(text[prev_end:s]):
                if current.tokens:
                    runs.append(current)
                current = Run()
            current.tokens.append((s, e))
            prev_end = e
        if current.tokens:
            runs.append(current)
    return runs


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Outer quotation marks, brackets and dashes off; a closing . ! ? stays."""
    while start < end and (text[start] in LEAD_STRIP or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in TRAIL_STRIP or text[end - 1].isspace()):
        end -= 1
    return start, end


_ENDS_CLAUSE = re.compile(r"[.,;:!?\u2014)\"\u201d\u2019]$")


def windows(text: str, run: Run, size: int) -> list[tuple[float, tuple[int, int]]]:
    """Every `size`-token window of the run, trimmed of outer marks, without inner double
    quotation marks, that still holds MIN_WORDS..MAX_WORDS words: (score, (start, end)).

    The score counts the window's ends that fall on a clause boundary (0-2): fragments that
    read like a phrase someone would remember."""
    out = []
    toks = run.tokens
    for i in range(0, len(toks) - size + 1):
        s, e = _trimmed(text, toks[i][0], toks[i + size - 1][1])
        frag = text[s:e]
        if any(ch in DOUBLE_QUOTES for ch in frag):
            continue
        n = len(frag.split())
        if MIN_WORDS <= n <= MAX_WORDS and re.search(r"\w", frag):
            first = i == 0 or bool(_ENDS_CLAUSE.search(text[toks[i - 1][0]:toks[i - 1][1]]))
            end_tok = toks[i + size - 1]
            after = text[end_tok[1]:end_tok[1] + 3].lstrip(" \t\u00a0")
            last = bool(_ENDS_CLAUSE.search(text[end_tok[0]:end_tok[1]])) or (
                i + size == len(toks) and (not after or after[0] in ".,;:!?\u2014)\"\u201d\n"))
            out.append((int(first) + int(last), (s, e)))
    return out


def pick_fragment(text: str, runs: list[Run], rng: random.Random) -> tuple[int, int] | None:
    """A random window among those that best keep to clause boundaries."""
    cands = [w for size in range(MIN_WORDS, MAX_WORDS + 1) for run in runs
             for w in windows(text, run, size)]
    if not cands:
        return None
    best = max(score for score, _ in cands)
    spans = sorted({span for score, span in cands if score == best})
    if best < 2:  # no whole clause: take the longest windows, they read least chopped
        longest = max(len(text[a:b].split()) for a, b in spans)
        spans = [sp for sp in spans if len(text[sp[0]:sp[1]].split()) >= longest - 1]
    return rng.choice(spans)


def window_around(text: str, runs: list[Run], word: str) -> tuple[int, int] | None:
    """A MIN..MAX word window of a run containing `word` (as a whole word)."""
    pat = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    for run in runs:
        for i, (s, e) in enumerate(run.tokens):
            if not pat.search(text[s:e]):
                continue
            for size in (12, 10, 14, 9, 15, 8, 11, 13):
                lo = max(0, min(i - size // 2, len(run.tokens) - size))
                if lo + size > len(run.tokens):
                    continue
                a, b = _trimmed(text, run.tokens[lo][0], run.tokens[lo + size - 1][1])
                frag = text[a:b]
                if pat.search(frag) and not any(ch in DOUBLE_QUOTES for ch in frag) and \
                        MIN_WORDS <= len(frag.split()) <= MAX_WORDS:
                    return a, b
    return None
