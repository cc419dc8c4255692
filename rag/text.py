"""Text normalisation for matching. Stored text is never normalised: quotes stay verbatim."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2033": '"',
})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, straight quotes, one space for any run of white space, trimmed, case-folded.

    The same rules the question sets are scored by (see the evals' README).
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def fold_spaces(text: str) -> str:
    """Only white space folded (NBSP included), case and quotes kept: for display and embedding."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


# An apostrophe inside a word ("don't", "Clinton's") and never at its edge: a quotation nested
# in single quotes ("had me at 'independence'") is still about independence.
_WORD = re.compile(r"\w+(?:'\w+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def contains_verbatim(haystack: str, needle: str) -> bool:
    """True when `needle` occurs in `haystack` once both are normalised."""
    n = normalize(needle)
    return bool(n) and n in normalize(haystack)
