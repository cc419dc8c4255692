"""The last pass over a document's speakers: one person, one name, whatever order the text named them in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..types import Quote
from .gender import gender_of_name
from .name_forms import is_honorific_name, surname
from .name_lookup import ESTABLISHED
from .speakers import NameBook


def one_name_each(quotes: list[Quote], book: NameBook) -> list[Quote]:
    """Every quote with its speaker's fullest name: "Brovdi" said before "Robert Brovdi" is
    named, "Mr. Crawford" kept apart from "Henry Crawford" until the end, "Anne" beside the
    "Anne Shirley" the same text has speak."""
    titled = book.titled_full_names()
    out = []
    for q in quotes:
        if q.speaker in titled:
            q = replace(q, speaker=titled[q.speaker])
        elif q.speaker and len(q.speaker.split()) == 1:
            full = book.full_name(q.speaker)
            if full and full != q.speaker:
                # "Crawford" may stand for "Mr. Crawford", itself "Henry Crawford" in the end
                q = replace(q, speaker=titled.get(full, full))
        out.append(q)
    given = given_names({q.speaker for q in out if q.speaker}, book)
    return [replace(q, speaker=given[q.speaker]) if q.speaker in given else q for q in out]


def given_names(speakers: Iterable[str], book: NameBook) -> dict[str, str]:
    """One-word speakers that are the given name of the one full-named person who also speaks:
    "Anne" -> "Anne Shirley". A text that keeps calling her "Anne" keeps that name for her
    while it reads (`NameBook.full_name`); the two are still one person."""
    speakers = set(speakers)
    # A full name the text writes once or twice may be the tagger's ("Margaret Oniton", a house
    # run into her name): it has to be written as often as a given name has to be used alone to
    # stand as a name.
    full = [name for name in speakers if len(name.split()) > 1 and not is_honorific_name(name)
            and (p := book.people.get(name)) is not None and p.proper and p.label == "person"
            and p.count >= ESTABLISHED]
    # "Monday Anne", a date the tagger ran into her name, gives no surname "Anne".
    surnames = {surname(name) for name in full if gender_of_name(name.split()[0]) is not None}
    out = {}
    for name in speakers:
        if len(name.split()) != 1 or name in surnames or gender_of_name(name) is None:
            continue  # a surname is full_name's to expand; a word that is no given name, no one's
        owners = [f for f in full if f.split()[0] == name]
        if len(owners) == 1 and gender_of_name(owners[0]) in (None, gender_of_name(name)):
            out[name] = owners[0]
    return out
