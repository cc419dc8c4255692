"""A person as a document's book of names knows them, and whom a quotation's vocatives address."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .gender import Gender, gender_of_name
from .lexicon import HONORIFICS
from .name_forms import is_honorific_name


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


def one_called(people: dict[str, Person], speaker: str | None, called: set[str]) -> Person | None:
    """The one named person a turn called out, other than its speaker; of "Small" and
    "Jonathan Small", one man, the fuller name."""
    found = [p for p in people.values() if p.proper and p.label == "person"
             and p.name != speaker and addressed_to(p, called)]
    found = [p for p in found if not any(set(p.name.split()) < set(q.name.split()) for q in found)]
    return found[0] if len(found) == 1 else None


def with_particles(people: dict[str, Person], words: list[str]) -> str | None:
    """The most used full name ending in `words` ("Bill de Blasio" for "de Blasio")."""
    found = [p for p in people.values()
             if p.proper and p.label == "person" and len(p.name.split()) > len(words)
             and p.name.split()[-len(words):] == words and not is_honorific_name(p.name)]
    return max(found, key=lambda p: p.count).name if found else None
