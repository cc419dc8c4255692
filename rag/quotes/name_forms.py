"""How names are written: role words before them, honorifics, and the tagger's debris."""

from __future__ import annotations

from spacy.tokens import Doc

from .gender import gender_of_name
from .lexicon import HONORIFICS, TITLE_WORDS
from .mentions import NAME_PARTICLES


def clean_name(text: str) -> str:
    """Drops role words before a name ("Ukrainian President"), keeping an honorific when the
    rest is a bare surname ("Mr. Beebe" stays, "Mr. George Emerson" becomes "George Emerson")."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in _NAME_DETS:
        words = words[1:]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS - HONORIFICS:
        words = words[1:]
    if len(words) > 2 and words[0].lower().rstrip(".") in HONORIFICS and not is_honorific_name(text):
        words = words[1:]
    if is_honorific_name(" ".join(words)) and words[0].lower() in _ABBREVIATED:
        words[0] += "."  # "Mr Marsh" and "Mr. Marsh" are one name
    return " ".join(words)


_ABBREVIATED = {"mr", "mrs", "ms", "dr"}


def with_honorific(doc: Doc, ent) -> str:
    """The entity's text, with the honorific the tagger left out of a bare surname
    ("Mr." of "Mr. Fairley": without it father, mother and daughters are all "Fairley")."""
    if len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
        return doc[ent.start - 1].text_with_ws + ent.text
    return ent.text


def looks_like_name(ent) -> bool:
    """Rejects tagger debris: "George nor Freddy", 'Beethoven" called Cecil', "Lucy Honeychurch Drive Out"."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ in _NAME_DETS)]
    return (0 < len(toks) <= 3 and ent.root.pos_ == "PROPN"
            and all(t.is_title or t.text.rstrip(".").lower() in HONORIFICS
                    or (t.text in NAME_PARTICLES and t.i > ent.start) for t in toks)
            and not any(t.is_punct and t.text != "." for t in toks)
            and any(len(t.text.rstrip(".")) > 1 for t in toks))  # not "I." or "A."


_NAME_DETS = {"the", "this", "that", "a", "an", "poor", "dear", "little", "old", "young"}


def is_proper(name: str) -> bool:
    """Capitalised words only: a name, not a description like "Tom to Jenny" nor a
    heading like "THE MERRY OLD GENTLEMAN"."""
    return not name.isupper() and all(w[:1].isupper() or w in NAME_PARTICLES for w in name.split())


def is_female_honorific(name: str) -> bool:
    return is_honorific_name(name) and gender_of_name(name) == "f"


def is_honorific_name(name: str) -> bool:
    """"Mr. Beebe", "Mrs. van der Luyden": an honorific and a bare surname."""
    words = [w for w in name.split() if w not in NAME_PARTICLES]
    return len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS


def title_before(doc: Doc, start: int) -> str | None:
    """Lower-case role words right before a name: "unit commander" in "unit commander Robert Brovdi"."""
    words = []
    i = start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and not doc[i].is_punct:
        words.append(doc[i].text)
        i -= 1
    return " ".join(reversed(words)) or None
