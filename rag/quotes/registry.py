"""Across documents: one speaker, one name ("Zelensky" in one article, "Zelenskyy" in another)."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from ..text import normalize
from .name_forms import generation


def _same_word(a: str, b: str) -> bool:
    """Equal, or a transliteration variant of a long word ("zelensky" / "zelenskyy")."""
    return a == b or (min(len(a), len(b)) >= 5 and a[:3] == b[:3]
                      and SequenceMatcher(None, a, b).ratio() >= 0.85)


def _without_initials(words: list[str]) -> list[str]:
    """The words of a name without middle initials ("donald j. trump" -> "donald trump")."""
    return [w for i, w in enumerate(words)
            if i in (0, len(words) - 1) or len(w.rstrip(".")) > 1]


def _words(name: str) -> list[str]:
    """A name's normalised words, a generational suffix dropped: "Joseph R. Biden Jr." files
    under Biden. (Two names that both carry one keep it: Griffey Jr. is not Griffey Sr.)"""
    words = normalize(name).split()
    return words[:-1] if generation(words) else words


def _suffix(name: str) -> str | None:
    return generation(normalize(name).split())


class SpeakerRegistry:
    """The speaker names an index already holds, looked up by the first letters of the surname."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._buckets: dict[str, list[str]] = {}
        for name in names:
            self.add(name)

    @staticmethod
    def _key(words: list[str]) -> str:
        return words[-1][:3] if words else ""

    def add(self, name: str) -> None:
        words = _words(name)
        bucket = self._buckets.setdefault(self._key(words), [])
        if name not in bucket:
            bucket.append(name)

    def canonical(self, name: str) -> str:
        """An existing name this one is a spelling variant of, else the name itself.

        Full names merge only when every word matches ("John Smith" never becomes
        "Anna Smith"); a lone surname merges only into the one full name it can mean.
        """
        words = _words(name)
        suffix = _suffix(name)
        bucket = [n for n in self._buckets.get(self._key(words), [])
                  if suffix is None or _suffix(n) in (None, suffix)]
        if name in bucket or not words:
            return name
        same_length = [n for n in bucket if len(_words(n)) == len(words)
                       and all(_same_word(a, b) for a, b in zip(words, _words(n)))]
        if same_length:
            return same_length[0]
        # "Donald J. Trump" and "Donald Trump": a middle initial more or less, same person.
        core = _without_initials(words)
        initialled = [n for n in bucket if len(words) >= 2
                      and _without_initials(_words(n)) == core]
        if initialled:
            return initialled[0]
        if len(words) == 1:
            longer = [n for n in bucket if _same_word(words[0], _words(n)[-1])]
            if len(longer) == 1:
                return longer[0]
        return name
