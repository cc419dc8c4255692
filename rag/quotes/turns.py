"""A backward pass over a document's dialogue: untagged turns alternate back from a later tag.

The per-paragraph loop guesses an untagged turn from the turns before it, across lines of
narration, so the first turns after a passage of narration often inherit the wrong
conversation. When a later turn of the same exchange is tagged by name ("... said Lucy"),
the untagged turns before it alternate back from it: two turns earlier is Lucy again, one
turn earlier her partner. Turns after a named tag keep the forward guess, which knows the
vocatives and who spoke last.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..types import Quote

# How a dialogue paragraph got its speaker.
TAGGED, CARRIED, ACTOR, GUESSED = "tagged", "carried", "actor", "guessed"
#: Confidence of a speaker guessed from turn-taking alone.
GUESS_CONFIDENCE = 0.45

_PRONOUNS = {"he", "she", "i", "they", "we", "you"}


@dataclass
class Turn:
    """One dialogue paragraph: its quotes are `quotes[lo:hi]` of the document's."""

    lo: int
    hi: int
    source: str | None  # TAGGED, CARRIED, ACTOR, GUESSED; None when no speaker was found
    first: str | None  # speakers of its first and last direct quotes
    last: str | None
    named: bool  # a direct quote tagged by a name or description, not a pronoun


def turn_of(quotes: list[Quote], lo: int, source: str | None) -> Turn | None:
    """The record of a paragraph's quotes, which sit at `lo` in the document's; None when
    the paragraph has no direct speech."""
    direct = [q for q in quotes if q.kind == "direct"]
    if not direct:
        return None
    named = any(q.mention and q.mention.lower() not in _PRONOUNS for q in direct)
    return Turn(lo, lo + len(quotes), source if direct[0].speaker or direct[-1].speaker else None,
                direct[0].speaker, direct[-1].speaker, named)


def exchanges(events: list[Turn | None]) -> list[list[Turn]]:
    """Runs of consecutive dialogue paragraphs; None in `events` is a narration paragraph,
    which may bring a new speaker in, so alternation does not reach back across it."""
    runs: list[list[Turn]] = [[]]
    for event in events:
        if event is not None:
            runs[-1].append(event)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def alternate_back(quotes: list[Quote], events: list[Turn | None]) -> list[Quote]:
    """Quotes of untagged turns that precede an exchange's first named tag, redone by
    alternating back from it; untagged turns left without a speaker, filled from the next."""
    quotes = list(quotes)
    for run in exchanges(events):
        anchors = [i for i, t in enumerate(run) if t.source in (TAGGED, CARRIED) and t.first and t.named]
        if not anchors:
            continue
        first = anchors[0]
        # A paragraph continuing the previous one's open quotation is the same turn.
        position, pos = [], -1
        for turn in run:
            pos += turn.source != CARRIED
            position.append(pos)
        for i, turn in enumerate(run):
            if turn.source not in (GUESSED, None) or (i > first and turn.first):
                continue  # after a named tag only an empty turn is filled
            after = next((a for a in anchors if a > i), None)
            if after is None:
                break
            guess = _back_from(run, anchors, after, position[after] - position[i])
            if guess is None or guess == turn.first:
                continue
            for k in range(turn.lo, turn.hi):
                if quotes[k].kind == "direct":
                    quotes[k] = replace(quotes[k], speaker=guess, confidence=GUESS_CONFIDENCE)
    return quotes


def _back_from(run: list[Turn], anchors: list[int], anchor: int, gap: int) -> str | None:
    """The speaker `gap` turns before `run[anchor]`: its speaker, or the nearest other named
    voice of the exchange, earlier ones first."""
    speaker = run[anchor].first
    if gap % 2 == 0:
        return speaker
    for a in [a for a in reversed(anchors) if a < anchor] + [a for a in anchors if a > anchor]:
        for name in (run[a].last, run[a].first):
            if name and name != speaker:
                return name
    # No other named voice: the other party is whoever else the exchange's turns were given
    # to, nearest first, so the odd turns do not keep a forward guess that is the anchor's.
    for k in sorted(range(len(run)), key=lambda k: abs(k - anchor)):
        for name in (run[k].first, run[k].last):
            if name and name != speaker:
                return name
    return None
