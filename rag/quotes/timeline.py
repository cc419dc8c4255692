"""Where a document names each person, in order, and whom a "he" or "she" at a given offset can be."""

from __future__ import annotations

import bisect
from collections import Counter

from .ages import CHILD, OLD, YOUNG, age_of_person_described
from .antecedents import Candidate, Sighting, candidate, load_antecedent_model
from .gender import Gender, gender_of_description, gender_of_name
from .descriptions import is_titled
from .name_forms import is_proper
from .name_lookup import NameForms
from .people import Person, addressed_to, honorifics_of_full_names, inherit_from_surname


class Timeline(NameForms):
    """The names a document has given so far, each at its document offset, and the voices heard.

    A pronoun looks back along it for the latest compatible person; the ranking model, when
    packaged, chooses among the candidates it lists.
    """

    def __init__(self) -> None:
        super().__init__()
        self._positions: list[int] = []  # sorted offsets of the timeline
        self._timeline: list[tuple[str, str]] = []  # (name, label) at each offset
        self._objects: set[int] = set()  # offsets where a name is not a subject ("looked at Basil")
        self._marks: set[int] = set()  # offsets where a resolved pronoun keeps someone in view
        self._voices: list[tuple[int, str]] = []  # (offset, speaker) of tagged turns, in order
        self._paragraph = 0  # offset of the paragraph being read
        self._turn: tuple[str | None, set[str]] = (None, set())  # the turn before: speaker, names it called

    def _last_voice(self) -> str | None:
        return self._voices[-1][1] if self._voices else None

    def hear(self, speaker: str | None, called: set[str]) -> None:
        """The dialogue turn just before the paragraph being read: who spoke it (None after
        narration) and the names it called out."""
        self._turn = (speaker, called)

    def choose_antecedent(self, position: int, gender: Gender, addressed: set[str],
                          rule: str | None, described: bool = False) -> str | None:
        """The person a singular "he"/"she" (or, `described`, "the old man") at `position`
        is: the ranking model's pick among the candidates, else the hand rule's `rule`."""
        return self._ranked(position, gender, addressed, rule, described)

    def _ranked(self, position: int, gender: Gender, addressed: set[str], rule: str | None,
                described: bool = False) -> str | None:
        model = load_antecedent_model()
        if model is None:
            return rule
        return model.pick(self.pronoun_candidates(position, gender, addressed, rule, described)) or rule

    def pronoun_candidates(self, position: int, gender: Gender, addressed: set[str],
                           rule: str | None, described: bool = False) -> list[Candidate]:
        """Everyone a singular "he"/"she" (or a gendered description) at `position` may be,
        latest named first, described for the ranking model; `rule` is the hand rule's choice."""
        i = bisect.bisect_left(self._positions, position)
        latest: dict[str, int] = {}  # name -> timeline index of its latest mention
        near: Counter[str] = Counter()
        for k in range(i - 1, max(0, i - _LOOKBACK) - 1, -1):
            name, label = self._timeline[k]
            person = self.people.get(name)
            if label != "person" or person is None or addressed_to(person, addressed):
                continue
            fits = person.sex == gender or (person.sex is None and (person.spoke or person.role == gender))
            if not fits and name != rule:
                continue
            latest.setdefault(name, k)
            near[name] += position - self._positions[k] <= _NEAR
        last = before = None  # the two latest distinct voices before `position`
        for at, voice in reversed(self._voices):
            if at >= position or voice == last:
                continue
            if last is not None:
                before = voice
                break
            last = voice
        sightings, subjects = [], 0
        for order, (name, k) in enumerate(latest.items()):
            at, person = self._positions[k], self.people[name]
            as_object = at in self._objects
            sightings.append(candidate(Sighting(
                name, order, position - at, as_object, at in self._marks,
                None if as_object else subjects, near[name], person.sex is not None,
                person.role == gender and position - at <= _ROLE_REACH, person.spoke,
                name == last, name == before, name == rule, at >= self._paragraph,
                name == self._turn[0], addressed_to(person, self._turn[1]), described)))
            subjects += not as_object
        return sightings

    def titled_full_names(self) -> dict[str, str]:
        """The titles that, the whole text read, name a full-named person ("Mr. Crawford")."""
        first: dict[str, int] = {}
        for at, (name, _) in zip(self._positions, self._timeline):
            first.setdefault(name, at)
        return honorifics_of_full_names(self.people, first, self._alone, self._written, self._titled_names)

    def _antecedent(self, position: int, gender: Gender, plural: bool,
                    besides: str | None = None, addressed: set[str] = frozenset(),
                    roles: bool = False) -> str | None:
        """The latest person of the pronoun's gender before `position`. A person of unknown
        gender is only a fallback, and only one who has spoken: the tagger also calls
        places and things ("Millford", "Letter") persons. With `roles`, a calling the
        narration has just made a subject ("the clerk") comes first."""
        i = bisect.bisect_left(self._positions, position)
        fallback, latest, since = None, None, 0  # since: where `latest` was named
        for k in range(i - 1, max(0, i - _LOOKBACK) - 1, -1):
            name, label = self._timeline[k]
            person = self.people.get(name)
            if person is None or name == besides or addressed_to(person, addressed):
                continue
            if plural:
                if label != "person":
                    return name
                continue
            if label != "person":
                continue
            if (roles and person.role == (person.sex or gender) == gender
                    and position - self._positions[k] <= _ROLE_REACH):
                return name  # "The clerk looked him over. '...,' he said"
            if gender is None or person.sex == gender:
                at = self._positions[k]
                if latest is not None and since - at > _SUBJECT_REACH:
                    return latest
                if at not in self._objects:
                    return name
                # "The lad looked over at Basil. 'I must go,' he said": a subject named
                # close before outranks the object named last.
                if latest is None:
                    latest, since = name, at
                continue
            if fallback is None and person.sex is None and person.spoke:
                fallback = name
        return latest or fallback

    def _titled(self, position: int, gender: Gender) -> str | None:
        """The latest person of that sex before `position` whose name carries a rank."""
        i = bisect.bisect_left(self._positions, position)
        return next((name for name, label in reversed(self._timeline[max(0, i - _LOOKBACK): i])
                     if label == "person" and is_titled(name) and gender_of_name(name) == gender), None)

    def _see(self, name: str, label: str, desc: str | None, position: int, gender: Gender) -> None:
        person = self.people.get(name)
        if label != "person" and len(name.split()) > 1 and gender_of_name(name) is not None:
            label = "person"  # a given name the tagger read as a firm's: "Trump" is him, not Ivanka
        if person is None:
            person = self.people[name] = Person(name, label, gender, proper=is_proper(name))
            inherit_from_surname(self.people, person)
        elif label == "person":
            person.label = "person"
        if desc:
            person.descriptions.add(desc)
            person.gender = person.gender or gender_of_description(desc)
            if (age := age_of_person_described(desc)) in (OLD, YOUNG, CHILD):
                person.ages[age] += 1  # "Mr. Brownlow, the old gentleman": no young gentleman
        person.gender = person.gender or gender
        person.last_seen = max(person.last_seen, position)
        person.count += 1
        i = bisect.bisect_right(self._positions, position)
        self._positions.insert(i, position)
        self._timeline.insert(i, (name, label))

    def _heard(self, name: str | None, position: int) -> str | None:
        """A speaker found through a pronoun or a description ("rejoined the duchess") is the
        latest voice and stays in view: a woman named in passing ("He thought of May") does
        not take over the next "she said"."""
        if name is None:
            return None
        self._voices.append((position, name))
        self._sighted(name, position)
        return name

    def _narrated(self, position: int, gender: Gender) -> str | None:
        """Who a he or she of the narration at `position` is: the packaged ranking model's pick,
        else the hand rule's, which puts a calling just made a subject first ("The maid came
        in ... When she had gone"). Not through `choose_antecedent`: that is where the model's
        training records the tags it learns from."""
        return self._ranked(position, gender, set(), self._antecedent(position, gender, plural=False, roles=True))

    def _sighted(self, name: str, position: int) -> None:
        """Puts `name` on the timeline at `position` as a pronoun resolved to them; a tag
        resolved where the narration's pronoun stands replaces the narration's reading."""
        i = bisect.bisect_right(self._positions, position)
        if i and self._positions[i - 1] == position:
            self._timeline[i - 1] = (name, "person")
        else:
            self._positions.insert(i, position)
            self._timeline.insert(i, (name, "person"))
        self._marks.add(position)


_LOOKBACK = 80  # timeline entries a pronoun looks back over
_ROLE_REACH = 200  # characters back over which a calling ("the clerk") outranks a named person
_SUBJECT_REACH = 1000  # characters back from a named object over which a subject outranks it
_NEAR = 1500  # characters back over which the ranking model counts a person's mentions
