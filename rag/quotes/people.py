"""A person as a document's book of names knows them, and whom a quotation's vocatives address."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .gender import Gender, gender_of_name, married_and_unmarried
from .hypocorisms import is_pet_name_of
from .lexicon import HONORIFICS
from .name_forms import clean_name, is_honorific_name, surname


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
    ages: Counter = field(default_factory=Counter)  # words of age before the name ("little Oliver")

    @property
    def sex(self) -> Gender:
        """The gender the name or role says, else the one the text's pronouns mostly say."""
        if self.gender is not None or not self.votes:
            return self.gender
        (top, n), *rest = self.votes.most_common(2) + [(None, 0)]
        return top if n > rest[0][1] else None


def addressed_to(person: Person, addressed: set[str], pet: bool = True) -> bool:
    """Whether one of the names a quotation calls out is this person: "Mr. Weston" is Mr.
    Weston and not Mrs. Weston; "Basil" is Basil Hallward."""
    words = person.name.replace(".", "").lower().split()
    for name in addressed:
        called = name.replace(".", "").lower().split()
        if called[0] in HONORIFICS and len(called) > 1:
            if called[-1] == words[-1] and gender_of_name(name) in (None, person.sex) \
                    and not married_and_unmarried(name, person.name):
                return True
        elif set(called) <= set(words) or (pet and len(called) == 1 and is_pet_name_of(called[0], person.name)):
            return True  # with `pet`, "Lizzy" is Elizabeth Bennet
    return False


def one_called(people: dict[str, Person], speaker: str | None, called: set[str]) -> Person | None:
    """The one named person a turn called out, other than its speaker; of "Small" and
    "Jonathan Small", one man, the fuller name."""
    named = [p for p in people.values() if p.proper and p.label == "person" and p.name != speaker]
    # By a pet name ("Lizzy") only when nobody answers to the name as it was said ("Kitty").
    found = [p for p in named if addressed_to(p, called, pet=False)] or [
        p for p in named if addressed_to(p, called)]
    found = [p for p in found if not any(set(p.name.split()) < set(q.name.split()) for q in found)]
    return found[0] if len(found) == 1 else None


def with_particles(people: dict[str, Person], words: list[str]) -> str | None:
    """The most used full name ending in `words` ("Bill de Blasio" for "de Blasio")."""
    found = [p for p in people.values()
             if p.proper and p.label == "person" and len(p.name.split()) > len(words)
             and p.name.split()[-len(words):] == words and not is_honorific_name(p.name)]
    return max(found, key=lambda p: p.count).name if found else None


def inherit_from_surname(people: dict[str, Person], person: Person) -> None:
    """"Rowan Ashworth" named after "Ashworth": what the text said of Ashworth was of her."""
    words = person.name.split()
    short = people.get(words[-1]) if len(words) > 1 and person.label == "person" else None
    if short is not None and short.label == "person" and not is_honorific_name(person.name):
        person.votes.update(short.votes)
        person.gender = person.gender or short.gender


def hear_quoted_name(people: dict[str, Person], raw: str, title: str | None) -> None:
    """A name said in a quotation is no sighting, but its title tells of the text's one person
    of that surname: "Mr. Holmes" is a man (a vote), "Doctor Losberne" is "the doctor"."""
    words, gender = clean_name(raw).split(), gender_of_name(raw)
    same = [p for p in people.values()
            if p.label == "person" and words and surname(p.name).lower() == words[-1].lower()]
    if len(same) != 1:
        return
    if len(words) > 1 and gender and words[0].lower().rstrip(".") in HONORIFICS and same[0].gender is None:
        same[0].votes[gender] += 1
    if title and title.istitle() and " " not in title and title.lower().rstrip(".") not in HONORIFICS:
        same[0].descriptions.add(title.lower())


def full_name_of_title(people: dict[str, Person], name: str, alone: Counter, knighted: set[str],
                       unmarried: set[str] = frozenset()) -> str | None:
    """"Mr. Beebe" is "Arthur Beebe" if he is the one Beebe of that sex and not one the text
    calls by a given name alone ("George" is the son, "Mr. Marsh" his father; "Kitty" the
    daughter, "Mrs. Fairley" her mother); a "Mr." is not the knight ("Sir Thomas"), a "Mrs."
    not a woman the text calls "Miss" ("Miss Sibyl Vane" is the daughter of Mrs. Vane)."""
    words = name.split()
    title, gender = words[0].lower().rstrip("."), gender_of_name(name)
    same = [p for p in full_named(people, words[-1])
            if p.name.split()[0].lower() not in alone
            and not (title == "mr" and p.name.split()[0].lower() in knighted)
            and not (title == "mrs" and p.name.split()[0].lower() in unmarried)
            and (gender is None or p.gender in (None, gender))]
    return same[0].name if len(same) == 1 else None


def full_named(people: dict[str, Person], last: str) -> list[Person]:
    """The people named with a given name (or more) and the surname `last`: "Henry Crawford"."""
    return [p for p in people.values() if p.label == "person" and len(p.name.split()) > 1
            and not is_honorific_name(p.name) and surname(p.name).lower() == last.lower()]


def honorifics_of_full_names(people: dict[str, Person], first: dict[str, int], alone: Counter,
                             written: Counter, titled: set[str]) -> dict[str, str]:
    """"Mr. Crawford" -> "Henry Crawford", decided once the whole text is read.

    A "Mr." first met after its given name was used alone was kept apart ("George" the son,
    "Mr. Emerson" his father). It is the one full-named man of that surname after all when the
    text, having named him first, names him in full more often than by his given name alone
    and never writes a title before his full name (Emma's "Mr. John Knightley" is there to tell
    him from Mr. Knightley). `first`: where each name is first on the timeline.
    """
    out: dict[str, str] = {}
    for title in people.values():
        if title.label != "person" or not is_honorific_name(title.name) or gender_of_name(title.name) != "m":
            continue
        full = [p for p in full_named(people, title.name.split()[-1]) if p.proper and p.sex in (None, "m")]
        if len(full) != 1 or full[0].name in titled or first.get(full[0].name, 0) > first.get(title.name, 0):
            continue
        if alone[full[0].name.split()[0].lower()] < written[full[0].name]:
            out[title.name] = full[0].name
    return out


def shared_surname(people: dict[str, Person], word: str) -> bool:
    """Whether a single word is only ever a surname here ("Weston" for Mr. and Mrs. Weston),
    so it does not pick out one person."""
    lower = word.lower()
    names = [p.name.split() for p in people.values() if p.label == "person"]
    return any(len(w) > 1 and surname(" ".join(w)).lower() == lower for w in names) and not any(
        w[0].lower() == lower for w in names)


def given_after_miss(words: list[str]) -> str | None:
    """The given name in "Miss Sibyl Vane" or "Miss Sibyl"; `words` may start with the word
    before the name."""
    start = next((i for i, w in enumerate(words[:2]) if w.lower().rstrip(".") == "miss"), None)
    rest = words[start + 1:] if start is not None else []
    return rest[0] if rest and rest[0][:1].isupper() else None


def last_two_voices(voices: list[tuple[int, str]], position: int) -> tuple[str | None, str | None]:
    """The latest voice before `position` and the different one that spoke before it."""
    before = [voice for at, voice in reversed(voices) if at < position]
    if not before:
        return None, None
    return before[0], next((voice for voice in before[1:] if voice != before[0]), None)
