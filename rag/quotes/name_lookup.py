"""What a document's names stand for: the longer name a short one abbreviates, the full
name behind a title."""

from __future__ import annotations

from collections import Counter

from .gender import Gender, gender_of_name
from .name_forms import NAME_PARTICLES, clean_name, is_female_honorific, is_honorific_name, surname
from .people import Person, full_name_of_title, full_named, given_after_miss, with_particles


class NameForms:
    """The people a document has named so far, and the counts that tell one name form from
    another ("Lucy" used alone, "Mr. Frank Churchill" written with a title)."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self._alone: Counter[str] = Counter()  # lower-cased words used as a whole name ("Lucy")
        self._written: Counter[str] = Counter()  # names of two words or more as written
        self._titled_names: set[str] = set()  # full names written after a title ("Mr. Frank Churchill")
        self._counted: set[int] = set()  # offsets of the names `_alone` and `_written` have counted
        self._knighted: set[str] = set()  # given names the text writes after "Sir" ("Sir Thomas")
        self._unmarried: set[str] = set()  # given names the text writes after "Miss" ("Miss Sibyl Vane")

    def knows(self, name: str) -> bool:
        """Whether `name` is a person the text has named ("Fanny" after "Fanny Price")."""
        return self._knows(clean_name(name))

    def _knows(self, name: str) -> bool:
        person = self.people.get(name)
        words = name.split()
        if person is not None and (person.label == "person" or len(words) > 1):
            return person.proper and person.label == "person"
        # "Rubio disagreed." after "Marco Rubio": a surname the tagger once read as a firm's
        # is still the person's.
        return len(words) == 1 and self.full_name(words[0]) is not None

    def person_named(self, text: str) -> str | None:
        """The person a name as written stands for ("Signor Carella", "Fanny"), if the text has
        named them; None for anyone else."""
        name = clean_name(text)
        person = self.people.get(name)
        if person is not None:
            return name if person.proper and person.label == "person" else None
        return self.full_name(name) if len(name.split()) == 1 else None

    def person_called(self, word: str, gender: Gender = None) -> str | None:
        """The named person a name called out stands for ("Basil" -> "Basil Hallward"), if
        any. A title is part of the name: "Mrs. Maylie" is Mrs. Maylie, whoever else the text
        calls Maylie (Rose)."""
        name = clean_name(word)
        person = self.people.get(name)
        if len(name.split()) > 1 and person is not None and person.proper and person.label == "person":
            return name if gender in (None, person.sex) else None
        word = name.split()[-1] if name else word
        person = self.people.get(word.capitalize())
        if person is not None and person.proper and person.label == "person":
            found = self.full_name(person.name) or person.name
        else:
            found = self.full_name(word)
        if found is None or gender not in (None, self.people[found].sex):
            return None
        return found

    def full_name(self, word: str, gender: Gender = None) -> str | None:
        """The longer name a single word abbreviates ("Brovdi" -> "Robert Brovdi").

        Among several ("Minnie Beebe", "Mr. Beebe"), the one the text uses most; a bare
        surname is a man's before a "Miss" or "Mrs." ("Tilbury" is not "Miss Tilbury"). A
        given name the text keeps using alone ("Margaret") is that person's name as it is.
        """
        lower = word.lower()
        given = self._alone[lower] < _ESTABLISHED
        # "Jane" is not "Flora Jane" when a "Jane Andrews" is about: a common given name is
        # taken for a surname only when nobody has it as a given name ("George Will").
        as_surname = gender_of_name(word) is None or not any(
            p.proper and len(p.name.split()) > 1 and p.name.split()[0].lower() == lower
            for p in self.people.values())
        found = [p for p in self.people.values()
                 if p.proper and p.label == "person" and len(p.name.split()) > 1
                 and ((as_surname and lower == surname(p.name).lower())
                      or (given and lower == p.name.split()[0].lower() and not is_honorific_name(p.name)))
                 and (gender is None or p.gender in (None, gender))]
        if not found:
            return None
        # "Trump" is Donald Trump, not "Trump Turnberry": a surname outranks a given name.
        surnames = [p for p in found if lower == surname(p.name).lower()]
        found = surnames or found
        # "Jones said" right after "Mary Jones, mother of victim David Jones, rejected the claim":
        # between two named as often, the voice just heard goes on, though the other was named
        # last.
        last = self._last_voice()
        return max(found, key=lambda p: (not is_female_honorific(p.name), p.count, p.name == last,
                                         p.last_seen)).name

    def _last_voice(self) -> str | None:
        """The latest tagged speaker, for a reader that keeps them (`Timeline`)."""
        return None

    def called_forms(self, called: set[str]) -> set[str]:
        """The names a quotation calls out, with the given name behind "Miss" and a surname:
        "Miss Honeychurch" is also "Lucy Honeychurch" and "Lucy", when she is the one woman of
        that surname the text names in full. ("Mr. Emerson" may be the father of the George
        Emerson named, and "Mrs." a married name: neither is read so.)"""
        out = set(called)
        for name in called:
            words = name.split()
            if len(words) != 2 or words[0].lower().rstrip(".") != "miss":
                continue
            full = [p.name for p in full_named(self.people, words[-1]) if p.proper and p.sex in (None, "f")]
            if len(full) == 1:
                out |= {full[0], full[0].split()[0]}
        return out

    def _canonical(self, name: str, position: int) -> str:
        words = name.split()
        if not words:
            return name
        # A tag read for each of a paragraph's quotes is one use of the name, not several.
        fresh = position not in self._counted
        self._counted.add(position)
        if len(words) == 1:
            self._alone[words[0].lower()] += fresh
            return self.full_name(words[0]) or name
        self._written[name] += fresh
        if all(w in NAME_PARTICLES for w in words[:-1]):
            # "de Blasio" after "Bill de Blasio": a surname with its particle.
            return with_particles(self.people, words) or name
        title = words[0].lower().rstrip(".")
        if title == "sir" and len(words) == 2:
            self._knighted.add(words[1].lower())
        self._note_unmarried(words)
        if is_honorific_name(name) and name not in self.people:
            return full_name_of_title(self.people, name, self._alone, self._knighted, self._unmarried) or name
        return name

    def _note_unmarried(self, words: list[str]) -> None:
        """"Miss Sibyl Vane", "Miss Sibyl": whoever "Mrs. Vane" is, she is not Sibyl."""
        if (given := given_after_miss(words)) and (len(words) > 2 or self.full_name(given)):
            self._unmarried.add(given.lower())


_ESTABLISHED = 3  # uses alone after which a given name is not expanded to a full name
