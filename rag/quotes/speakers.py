"""Within one document: turning mentions ("he", "Brovdi", "the commander") into canonical names."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .lexicon import TITLE_WORDS
from .mentions import Mention


@dataclass
class _Person:
    name: str
    label: str
    descriptions: set[str] = field(default_factory=set)
    last_seen: int = 0


class NameBook:
    """The people and organisations a document has named so far, in reading order.

    Positions are document character offsets, so "the most recent person" is well defined.
    """

    def __init__(self) -> None:
        self.people: dict[str, _Person] = {}
        self.last_person: str | None = None
        self.last_group: str | None = None

    def read_entities(self, doc: Doc, offset: int) -> None:
        """Learns the names a paragraph mentions, with their titles ("unit commander Robert Brovdi")."""
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = ent.text.split()
            if len(words) < 2 and self._full_name(words[0]) is None and not ent.root.pos_ == "PROPN":
                continue
            name = self._canonical(_strip_titles(ent.text))
            if not name:
                continue
            desc = _title_before(doc, ent.start)
            self._see(name, "person", desc, offset + ent.start_char)

    def resolve(self, mention: Mention, position: int) -> tuple[str | None, str | None]:
        """(canonical name, description) of a mention made at document offset `position`."""
        if mention.kind == "name" and mention.name:
            label = mention.label if mention.label != "unknown" else "person"
            if label == "person" and len(mention.name.split()) > 4:
                label = "org"
            name = self._canonical(mention.name)
            self._see(name, label, mention.description, position)
            return name, mention.description
        if mention.kind == "pronoun":
            if mention.plural:
                return (self.last_group or self.last_person), None
            return self.last_person, None
        # A description: a person named earlier with that role, else the description itself.
        head = mention.head
        matches = [p for p in self.people.values()
                   if any(head in d.lower().split() for d in p.descriptions)]
        if matches:
            best = max(matches, key=lambda p: p.last_seen)
            return best.name, mention.description
        name = mention.description or mention.text
        name = name[:1].upper() + name[1:]
        self._see(name, mention.label, None, position)
        return name, None

    def _see(self, name: str, label: str, desc: str | None, position: int) -> None:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = _Person(name, label)
        if desc:
            person.descriptions.add(desc)
        person.last_seen = position
        if label == "person":
            self.last_person = name
        else:
            self.last_group = name

    def _full_name(self, word: str) -> str | None:
        """The most recent longer name ending in (or starting with) this word: "Brovdi" -> "Robert Brovdi"."""
        lower = word.lower()
        found = [p for p in self.people.values()
                 if len(p.name.split()) > 1 and lower in (p.name.split()[-1].lower(), p.name.split()[0].lower())]
        return max(found, key=lambda p: p.last_seen).name if found else None

    def _canonical(self, name: str) -> str:
        words = name.split()
        if len(words) == 1:
            return self._full_name(words[0]) or name
        # A longer form seen later ("Robert Brovdi" after "Brovdi") takes over the short one.
        short = self.people.get(words[-1])
        if short is not None and short.label == "person":
            del self.people[words[-1]]
        return name


def _strip_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words).removesuffix("'s").removesuffix("\u2019s")


def _title_before(doc: Doc, start: int) -> str | None:
    """Lower-case role words right before a name: "unit commander" in "unit commander Robert Brovdi"."""
    words = []
    i = start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and not doc[i].is_punct:
        words.append(doc[i].text)
        i -= 1
    return " ".join(reversed(words)) or None
