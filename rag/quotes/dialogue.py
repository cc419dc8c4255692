"""Turn-taking in dialogue: who speaks an untagged line."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..types import Quote
from .gender import gender_of_name, married_and_unmarried
from .hypocorisms import is_pet_name_of
from .marks import inner_quotations

# "Charlotte, don't ..." / "... me, Lucy." / "Oh, Mr. Beebe!" / "my dearest Mary.": a name set
# off by commas.
_VOCATIVE = re.compile(
    r"(?:^|[\"\u201c,;]\s*|\b(?:oh|dear|dearest|my dear|my dearest)\s+)"
    r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    r"(?=\s*[,.!?;\u201d\"])")
# "... for you to behave. Anne! Aren't you ashamed?": a name exclaimed as a sentence of its own.
# The full stop of "Mr." ends no sentence: "quite like Mr. Knightley!" calls nobody.
_EXCLAIMED = re.compile(
    r"(?<=[.!?])(?<!\b(?:Mr|Ms|Dr|St)\.)(?<!\bMrs\.)\s+"
    r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+)?[A-Z][a-z]+)(?=!)")


def _calls(text: str) -> list[re.Match]:
    # A call quoted inside the words ("calling to me, 'Anne, Anne, come out'") reports a
    # call: its speaker may be the Anne it names.
    for a, b in inner_quotations(text):
        text = text[:a] + " " * (b - a) + text[b:]
    return [*_VOCATIVE.finditer(text), *_EXCLAIMED.finditer(text)]


# Words the pattern catches that name nobody: honorifics on their own, interjections.
_NOT_NAMES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "oh", "yes", "no", "i",
              "well", "why", "ah", "now", "come", "here", "there", "so", "then", "what"}


def addressed(text: str) -> set[str]:
    """The names a quotation calls out, as written ("Mr. Weston", "Basil"): its speaker is
    not one of them."""
    return {match.group(1) for match in _calls(text)
            if {w.lower().rstrip(".") for w in match.group(1).split()} - _NOT_NAMES}


def calls(name: str, called: set[str], pet: bool = False) -> bool:
    """Whether one of the names a turn `called` out ("Miss Woodhouse", "Edith") is `name`:
    a word in common, and no title of the other sex ("Miss Woodhouse" is not Mr. Woodhouse).
    With `pet`, a pet form of the given name counts too ("Lizzy" for Elizabeth Bennet)."""
    words = {w.lower().rstrip(".") for w in name.split()} - _NOT_NAMES
    sex = gender_of_name(name)
    for vocative in called:
        said = {w.lower().rstrip(".") for w in vocative.split()}
        if not (any(is_pet_name_of(w, name) for w in said) if pet else (said - _NOT_NAMES) & words):
            continue
        if married_and_unmarried(vocative, name) or not pet and _other_given_name(vocative, name):
            continue
        # A given name tells a sex as a title does: "Philip Herriton" is not Mrs. Herriton.
        told = gender_of_name(vocative)
        if told is None or sex is None or told == sex:
            return True
    return False


def _other_given_name(vocative: str, name: str) -> bool:
    """"George Knightley" called out is not John Knightley: each starts with a given name, and
    they differ. ("Mistah Oakley" is Mr. Oakley in dialect, not a given name.)"""
    said, own = ([w for w in n.split() if w.lower().rstrip(".") not in _NOT_NAMES] for n in (vocative, name))
    return len(said) > 1 and len(own) > 1 and said[0].lower() != own[0].lower() \
        and gender_of_name(said[0]) is not None and gender_of_name(own[0]) is not None


_KEEPS_QUIET = re.compile(r"\b(?:nodded|bowed|shrugged|(?:was|were|remained|kept|sat|stood) silent|"
                          r"said nothing|made no (?:answer|reply)|did not (?:answer|reply)|no (?:answer|reply))\b",
                          re.IGNORECASE)
_ASIDE = 150  # characters of a line of narration after which the speaker no longer goes on
_NARRATION_PAUSE = 1000  # characters of narration after which a conversation is over


class Turns:
    """The speakers of recent dialogue paragraphs and the people the narration between them
    shows, most recent last."""

    def __init__(self) -> None:
        self.previous: str | None = None  # last speaker of the previous paragraph, if it spoke
        self.recent: list[str] = []
        self.called: set[str] = set()  # names the previous turn addressed ("Edith", "Miss Woodhouse")
        self.going_on = False  # a short line of narration came after the previous speaker

    def update(self, quotes: list[Quote], text: str = "", listeners: set[str] = frozenset(),
               present: Callable[[], list[str]] = list, unnamed: bool = False,
               named: Callable[[str], str | None] = lambda name: None) -> None:
        """Takes in a paragraph: its quotes, its text, the people its tags speak to and (asked
        for narration only) those its narration shows doing something; `unnamed`: it names
        no one; `named`: the person a name called out stands for, if the text knows them."""
        direct = [q for q in quotes if q.kind == "direct"]
        if not direct:
            # A line of narration between turns ("The rain had stopped.") keeps the
            # conversation going; a longer passage ends it. The people it shows at something
            # ("Emma had never heard him praise her") are in the conversation, ahead of
            # earlier speakers.
            if len(text) > _NARRATION_PAUSE:
                self.previous = None
            # "He was silent." / "She nodded.": a short line that names nobody and shows the one
            # spoken to answering without words; the speaker goes on.
            self.going_on = (unnamed and len(text) <= _ASIDE and self.previous is not None
                             and _KEEPS_QUIET.search(text) is not None)
            for name in present():
                if name in self.recent:
                    self.recent.remove(name)
                self.recent.append(name)
            return
        last = direct[-1].speaker
        self.previous = last
        self.going_on = False
        self.called = addressed(text) | listeners
        # "I shall not try, Signor Carella.": the one called is in the conversation, though the
        # narration only named him as the one she was left with.
        for name in filter(None, map(named, sorted(self.called))):
            if name != last and name not in self.recent:
                self.recent.append(name)
        if last:
            if last in self.recent:
                self.recent.remove(last)
            self.recent.append(last)

    def guess(self, addressed: set[str] = frozenset()) -> str | None:
        """Right after a speaking paragraph, the other party of the conversation answers."""
        if self.previous is None:
            return None
        if self.going_on and not calls(self.previous, addressed):
            return self.previous
        others = [name for name in reversed(self.recent) if name != self.previous
                  and not calls(name, addressed) and not calls(name, addressed, pet=True)]
        # The one the last turn spoke to ("Edith, shall we walk?") answers it; by a pet name
        # ("Lizzy") only when no one answers to the name as it was said.
        called = ([name for name in others if calls(name, self.called)]
                  or [name for name in others if calls(name, self.called, pet=True)])
        return (called or others or [None])[0]
