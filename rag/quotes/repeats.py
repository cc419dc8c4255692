"""A quotation printed twice in one article, once untagged: a pull quote set above the
paragraph that quotes it, or a lead that repeats a line quoted further down.

The tagged copy says whose words they are; the untagged one only had a guess (turn-taking,
the narration's actor) or nothing. Words inside a longer quotation are the longer one's only
when they make up most of it: a report quoted inside someone's quotation stays theirs.
"""

from __future__ import annotations

from dataclasses import replace

from ..text import words
from ..types import Quote

_MIN_WORDS = 6  # shorter phrases ("the best in the world") recur in different mouths
_MOSTLY = 0.8  # share of the untagged copy's words the tagged one must have, when shorter


def speakers_of_repeats(quotes: list[Quote]) -> list[Quote]:
    """Untagged direct quotations with the speaker of a tagged copy elsewhere in the document."""
    tagged = [(q, _words(q.text)) for q in quotes if q.mention is not None and q.speaker]
    out = []
    for q in quotes:
        said = _words(q.text) if q.mention is None and q.kind == "direct" else ""
        if len(said.split()) >= _MIN_WORDS:
            owners = {r.speaker for r, rw in tagged if r.paragraph != q.paragraph and (
                said in rw or (rw in said and len(rw) >= _MOSTLY * len(said)))}
            if len(owners) == 1:
                q = replace(q, speaker=owners.pop(), confidence=0.75)
        out.append(q)
    return out


def _words(text: str) -> str:
    """The words, spaced at both ends too, so that one copy holds another only word for word."""
    return f" {' '.join(words(text))} "
