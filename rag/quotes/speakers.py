"""Within one document: turning mentions ("he", "Brovdi", "the commander") into canonical names."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .gender import Gender, gender_of_description, gender_of_name, gender_of_pronoun
from .lexicon import HONORIFICS, TITLE_WORDS
from .mentions import Mention


@dataclass
class _Person:
    name: str
    label: str
    gender: Gender = None
    descriptions: set[str] = field(default_factory=set)
    last_seen: int = 0
    count: int = 0


class NameBook:
    """The people and organisations a document names, on a timeline of document offsets.

    A pronoun resolves to the latest compatible person named *before* it; a short name to the
    longer name it abbreviates; a description to the person who carries it.
    """

    def __init__(self) -> None:
        self.people: dict[str, _Person] = {}
        self._positions: list[int] = []  # sorted offsets of the timeline
        self._timeline: list[tuple[str, str]] = []  # (name, label) at each offset

    def read_entities(self, doc: Doc, offset: int, quoted=lambda i: False) -> None:
        """Learns the people a paragraph names outside quotations, with their titles."""
        for ent in doc.ents:
            if ent.label_ != "PERSON" or quoted(ent.start_char) or not _looks_like_name(ent):
                continue
            raw = ent.text.removesuffix("'s").removesuffix("\u2019s").strip()
            name = self._canonical(clean_name(raw), position=offset + ent.start_char)
            if name:
                self._see(name, "person", _title_before(doc, ent.start), offset + ent.start_char,
                          gender_of_name(raw))

    def resolve(self, mention: Mention, position: int) -> str | None:
        """The canonical name of a mention made at document offset `position`."""
        if mention.kind == "name" and mention.name:
            label = mention.label if mention.label != "unknown" else "person"
            if label == "person" and len(mention.name.split()) > 4:
                label = "org"
            name = mention.name
            if label == "person":
                name = self._canonical(clean_name(name), position)
            self._see(name, label, mention.description, position, gender_of_name(mention.text))
            return name
        if mention.kind == "pronoun":
            return self._antecedent(position, gender_of_pronoun(mention.text), mention.plural)
        # A description: a person named earlier with that role, else the description itself.
        head = mention.head
        matches = [p for p in self.people.values()
                   if any(head in d.lower().split() for d in p.descriptions)]
        if matches:
            return max(matches, key=lambda p: p.last_seen).name
        # "said the old man", "the girl cried": a gendered description points back to a person.
        gender = gender_of_description(mention.text)
        if gender is not None and not mention.plural:
            found = self._antecedent(position, gender, plural=False)
            if found is not None:
                return found
        name = mention.description or mention.text
        name = name[:1].upper() + name[1:]
        self._see(name, mention.label, None, position, gender_of_description(mention.text))
        return name

    def full_name(self, word: str, gender: Gender = None) -> str | None:
        """The longer name a single word abbreviates ("Brovdi" -> "Robert Brovdi").

        Among several ("Minnie Beebe", "Mr. Beebe"), the one the text uses most.
        """
        lower = word.lower()
        found = [p for p in self.people.values()
                 if len(p.name.split()) > 1 and p.label == "person"
                 and (lower == p.name.split()[-1].lower()
                      or (lower == p.name.split()[0].lower() and not _is_honorific_name(p.name)))
                 and (gender is None or p.gender in (None, gender))]
        return max(found, key=lambda p: (p.count, p.last_seen)).name if found else None

    def _antecedent(self, position: int, gender: Gender, plural: bool) -> str | None:
        i = bisect.bisect_left(self._positions, position)
        for name, label in reversed(self._timeline[:i]):
            person = self.people.get(name)
            if person is None:
                continue
            if plural:
                if label != "person":
                    return name
                continue
            if label == "person" and (gender is None or person.gender in (None, gender)):
                return name
        return None

    def _see(self, name: str, label: str, desc: str | None, position: int, gender: Gender) -> None:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = _Person(name, label, gender)
        if desc:
            person.descriptions.add(desc)
            person.gender = person.gender or gender_of_description(desc)
        person.gender = person.gender or gender
        person.last_seen = max(person.last_seen, position)
        person.count += 1
        i = bisect.bisect_right(self._positions, position)
        self._positions.insert(i, position)
        self._timeline.insert(i, (name, label))

    def _canonical(self, name: str, position: int) -> str:
        words = name.split()
        if not words:
            return name
        if len(words) == 1:
            return self.full_name(words[0]) or name
        if _is_honorific_name(name) and name not in self.people:
            # "Mr. Beebe" is "Arthur Beebe" only when he is the one Beebe of that gender.
            gender = gender_of_name(name)
            same = [p for p in self.people.values() if p.label == "person"
                    and len(p.name.split()) > 1 and not _is_honorific_name(p.name)
                    and p.name.split()[-1].lower() == words[-1].lower()
                    and (gender is None or p.gender in (None, gender))]
            return same[0].name if len(same) == 1 else name
        return name


def clean_name(text: str) -> str:
    """Drops role words before a name ("Ukrainian President"), keeping an honorific when the
    rest is a bare surname ("Mr. Beebe" stays, "Mr. George Emerson" becomes "George Emerson")."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in _NAME_DETS:
        words = words[1:]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS - HONORIFICS:
        words = words[1:]
    if len(words) > 2 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _looks_like_name(ent) -> bool:
    """Rejects tagger debris: "George nor Freddy", 'Beethoven" called Cecil', "Lucy Honeychurch Drive Out"."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ in _NAME_DETS)]
    return (0 < len(toks) <= 3 and ent.root.pos_ == "PROPN"
            and all(t.is_title or t.text.rstrip(".").lower() in HONORIFICS for t in toks)
            and not any(t.is_punct and t.text != "." for t in toks))


_NAME_DETS = {"the", "this", "that", "a", "an", "poor", "dear", "little", "old", "young"}


def _is_honorific_name(name: str) -> bool:
    words = name.split()
    return len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS


def _title_before(doc: Doc, start: int) -> str | None:
    """Lower-case role words right before a name: "unit commander" in "unit commander Robert Brovdi"."""
    words = []
    i = start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and not doc[i].is_punct:
        words.append(doc[i].text)
        i -= 1
    return " ".join(reversed(words)) or None
