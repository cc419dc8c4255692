"""A backward pass over a document's dialogue: untagged turns alternate back from a later tag.

The per-paragraph loop guesses an untagged turn from the turns before it. When a later turn
of the same conversation is tagged ("... said Lucy"), the turns between alternate back from
it: two turns earlier is Lucy again, one turn earlier her partner. The nearer anchor wins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import os

from ..types import Quote

_V = os.environ.get("TV", "")

# How a dialogue paragraph got its speaker.
TAGGED, CARRIED, ACTOR, GUESSED = "tagged", "carried", "actor", "guessed"

_NARRATION_PAUSE = 1000  # characters of narration after which a conversation is over


@dataclass
class Turn:
    """One dialogue paragraph: its quotes are `quotes[lo:hi]`."""

    lo: int
    hi: int
    source: str | None  # TAGGED, CARRIED, ACTOR, GUESSED, or None when no speaker was found
    first: str | None  # speaker of its first and last direct quotes
    last: str | None
    pronoun: bool = False


def turn_of(quotes: list[Quote], lo: int, source: str | None) -> Turn | None:
    """The record of a paragraph's quotes, to sit at `lo` in the document's; None without
    direct speech."""
    direct = [q for q in quotes if q.kind == "direct"]
    if not direct:
        return None
    return Turn(lo, lo + len(quotes), source if direct[0].speaker or direct[-1].speaker else None,
                direct[0].speaker, direct[-1].speaker,
                any((q.mention or "").lower() in ("he", "she", "i", "they") for q in direct))


def conversations(events: list[Turn | int]) -> list[list[Turn]]:
    """Runs of dialogue turns; an int in `events` is a narration paragraph's length."""
    runs: list[list[Turn]] = [[]]
    for event in events:
        if isinstance(event, Turn):
            runs[-1].append(event)
        elif event > int(os.environ.get("TN", _NARRATION_PAUSE)) and runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def alternate_back(quotes: list[Quote], events: list[Turn | int]) -> list[Quote]:
    """Quotes with guessed or missing turn speakers redone from the nearest later tag."""
    quotes = list(quotes)
    for run in conversations(events):
        # A paragraph continuing the previous one's open quotation is the same turn.
        position, pos = [], -1
        for turn in run:
            pos += turn.source != CARRIED
            position.append(pos)
        srcs = (TAGGED, CARRIED, ACTOR) if "A" in _V else (TAGGED, CARRIED)
        anchors = [i for i, t in enumerate(run) if t.source in srcs and t.first
                   and not ("P" in _V and t.pronoun)]
        for i, turn in enumerate(run):
            if turn.source not in (GUESSED, None):
                continue
            after = next((a for a in anchors if a > i), None)
            if after is None:
                continue
            before = next((a for a in reversed(anchors) if a < i), None)
            gap_after = position[after] - position[i]
            if before is not None and position[i] - position[before] <= gap_after + int(os.environ.get("TK", 0)) and turn.first:
                continue
            if "B" in _V and turn.first:
                continue  # the forward guess is at least as near its anchor
            guess = _back_from(run, anchors, after, gap_after)
            if guess is None or guess == turn.first:
                continue
            for k in range(turn.lo, turn.hi):
                if quotes[k].kind == "direct":
                    quotes[k] = replace(quotes[k], speaker=guess, confidence=0.45)
    return quotes


def _back_from(run: list[Turn], anchors: list[int], after: int, gap: int) -> str | None:
    """The speaker `gap` turns before the anchor `run[after]`, alternating with its partner."""
    speaker = run[after].first
    if gap % 2 == 0:
        return speaker
    # The partner: the nearest other tagged voice of the conversation, earlier first.
    for a in [a for a in reversed(anchors) if a < after] + [a for a in anchors if a > after]:
        for name in (run[a].last, run[a].first):
            if name and name != speaker:
                return name
    return None
