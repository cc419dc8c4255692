"""A person as a document's book of names knows them, and whom a quotation's vocatives address."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .gender import Gender, gender_of_name
from .lexicon import HONORIFICS


@dataclass
class Person:
    """What a document has said of one person (or organisation) so far."""

    name: str
    label: str
    gender: Gender = None
    descriptions: set[str] = field(default_factory=set)
    last_seen: int = 0
    count: int = 0
    votes: Counter = field(default_factory=Counter)  # he/she-words seen right after the name
    spoke: int = 0  # times named as a speaker
    proper: bool = False  # written as a name, not a description ("Anne to Diana")
    role: str = ""  # "m" or "f" for a calling the narration uses as a subject ("the clerk")

    @property
    def sex(self) -> Gender:
        """The gender the name or role says, else the one the text's pronouns mostly say."""
        if self.gender is not None or not self.votes:
            return self.gender
        (top, n), *rest = self.votes.most_common(2) + [(None, 0)]
        return top if n > rest[0][1] else None


def addressed_to(person: Person, addressed: set[str]) -> bool:
    """Whether one of the names a quotation calls out is this person: "Mr. Weston" is Mr.
    Weston and not Mrs. Weston; "Basil" is Basil Hallward."""
    words = person.name.replace(".", "").lower().split()
    for name in addressed:
        called = name.replace(".", "").lower().split()
        if called[0] in HONORIFICS and len(called) > 1:
            if called[-1] == words[-1] and gender_of_name(name) in (None, person.sex):
                return True
        elif set(called) <= set(words):
            return True
    return False
