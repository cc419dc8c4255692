"""Where the words of a question sit in a paragraph, when a reader remembers them loosely.

People quote from memory: words dropped, one swapped, a clause left off. Embeddings of a long quote
and a short half-remembered piece of it are far apart, so the answer also aligns the asked words
with the paragraph word by word (a local alignment, as in Smith-Waterman) and reports how much of
them it found there, in order, and the span they cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize

#: Cost of a paragraph word between two matched words (the asker dropped it) and of an asked
#: word with no match (the asker swapped or added it), against 1 for a matched word.
SKIP_PARAGRAPH_WORD = 0.2
SKIP_ASKED_WORD = 0.1
#: Fewer asked words than this say too little to be located.
MIN_WORDS = 4

_TOKEN = re.compile(r"[\w'\u2018\u2019]+")


@dataclass(frozen=True)
class Located:
    """The best match of the asked words in a text: `score` in [0, 1], and its span [start, end)."""

    score: float
    start: int
    end: int

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(end, self.end) - max(start, self.start))

    def covers(self, start: int, end: int) -> bool:
        """Whether the piece [start, end) is what the match is about.

        Either the match lies inside the piece (a long quote, a remembered part of it), or the
        piece lies mostly inside the match and fills a fair share of it (the parser split one
        statement into two quotes, and this is one of them).
        """
        span = self.end - self.start
        if span <= 0 or end <= start:
            return False
        ov = self.overlap(start, end)
        return ov >= 0.8 * span or (ov >= 0.5 * (end - start) and ov >= 0.2 * span)


def _fold(token: str) -> str:
    return normalize(token).strip("'")


def asked_words(text: str) -> list[str]:
    return [t for t in (_fold(m) for m in _TOKEN.findall(text)) if t]


def best_possible(asked: list[str], text: str) -> float:
    """An upper bound on `locate(...).score`, cheap to compute: the share of asked words in `text`."""
    if len(asked) < MIN_WORDS:
        return 0.0
    have = {_fold(m) for m in _TOKEN.findall(text)}
    return sum(1 for w in asked if w in have) / len(asked)


def locate(asked: list[str], text: str) -> Located | None:
    """The best local alignment of `asked` (from `asked_words`) with `text`, or None."""
    n = len(asked)
    if n < MIN_WORDS:
        return None
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in _TOKEN.finditer(text)]
    tokens = [t for t in tokens if t[2]]
    # prev[i]: the best score of an alignment ending at asked word i and the previous text token;
    # prev_start[i]: the text token where that alignment began. One row at a time keeps it O(n).
    prev = [0.0] * (n + 1)
    prev_start = [0] * (n + 1)
    best, best_span = 0.0, (0, 0)
    for j, (_, end, word) in enumerate(tokens):
        cur = [0.0] * (n + 1)
        cur_start = [j] * (n + 1)
        for i in range(1, n + 1):
            score, begin = 0.0, j
            if asked[i - 1] == word:
                score = prev[i - 1] + 1.0
                begin = prev_start[i - 1] if prev[i - 1] > 0 else j
            if prev[i] - SKIP_PARAGRAPH_WORD > score:
                score, begin = prev[i] - SKIP_PARAGRAPH_WORD, prev_start[i]
            if cur[i - 1] - SKIP_ASKED_WORD > score:
                score, begin = cur[i - 1] - SKIP_ASKED_WORD, cur_start[i - 1]
            cur[i], cur_start[i] = score, begin
            if score > best:
                best, best_span = score, (tokens[begin][0], end)
        prev, prev_start = cur, cur_start
    if best <= 0:
        return None
    return Located(best / n, *best_span)
