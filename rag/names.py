"""Matching a name as a user types it ("Zelensky", "the Ukrainian president") to index speakers."""

from __future__ import annotations

from difflib import SequenceMatcher

from .quotes.lexicon import TITLE_WORDS
from .text import normalize

_SKIP = {"the", "a", "an", "of"}


def _tokens(text: str) -> list[str]:
    return [t.strip(".,'\"") for t in normalize(text).replace("'s", "").split()
            if t.strip(".,'\"") not in _SKIP]


def _close(a: str, b: str) -> bool:
    """Spelling variants of one name: "zelensky" / "zelenskyy", "defence" / "defense"."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


def match_speaker(query: str, aliases: dict[str, set[str]]) -> list[str]:
    """Canonical names that `query` can mean, best first; empty when none fits.

    A match is an exact name or alias, else every query word found (allowing spelling
    variants) in one of the speaker's names, e.g. "Brovdi" in "Robert Brovdi".
    """
    q = _tokens(query)
    # Titles in the question ("Fr.", "Sen.", "President") need not be part of the stored name.
    core = [w for w in q if w.rstrip(".") not in TITLE_WORDS] or q
    if not q:
        return []
    exact, partial = [], []
    for name, forms in aliases.items():
        norm_forms = [_tokens(f) for f in forms]
        if any(f == q for f in norm_forms):
            exact.append(name)
        elif any(all(any(_close(w, t) for t in f) for w in core) for f in norm_forms):
            partial.append(name)
    return exact or partial
