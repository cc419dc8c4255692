"""Relatives written as a relation to someone: '"...," cried his wife' after Mr. Bennet spoke is
Mrs. Bennet, '"...," said her husband' after Mrs. Bennet is Mr. Bennet.

Only what a name shows is used: a wife or mother is "Mrs." with the owner's surname, a husband
or father "Mr.", when the text has named exactly such a person; a given name used alone takes the
surname of its fuller form ("Lucy" of "Lucy Honeychurch"). An adoptive father (Mr. Weston of Frank
Churchill) is beyond it. Sisters, sons and friends share nothing a name shows, and are left to the
general rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from spacy.tokens import Doc, Token

from .gender import Gender, gender_of_pronoun
from .name_forms import surname
from .people import Person

# The kin words a surname settles, with the title the relative carries.
_KIN = {"wife": "Mrs.", "lady": "Mrs.", "mother": "Mrs.", "husband": "Mr.", "father": "Mr."}


def is_kin_word(word: str) -> bool:
    return word.lower() in _KIN


def relative(people: Mapping[str, Person], owner: str, kin: str) -> str | None:
    """The person the book calls "<title> <owner's surname>" for `kin` of `owner` ("wife" of
    "Mr. Bennet" -> "Mrs. Bennet"), if the owner's name has a surname and the book knows them."""
    return _one_called(_relative_name(people, owner, kin), owner,
                       [p.name for p in people.values() if p.label == "person" and p.proper])


def relative_named_later(people: Mapping[str, Person], owner: str, kin: str,
                         titled: frozenset[str]) -> str | None:
    """The "<title> <owner's surname>" the document writes somewhere further on (`titled`: its
    titled names, as written): Pride and Prejudice opens on '"...," said his lady' to Mr.
    Bennet, and names Mrs. Bennet only a hundred lines later."""
    return _one_called(_relative_name(people, owner, kin), owner, titled)


def narrated_relatives(doc: Doc, quoted: Callable[[int], bool], people: Mapping[str, Person],
                       owner_at: Callable[[int, Gender], str | None]) -> Iterator[tuple[Token, str]]:
    """'she was met by her father': each relative the narration writes as "his"/"her" and a
    kin word, with the person a surname shows it is (Mr. Bennet, for Elizabeth Bennet's
    father). `owner_at(offset, sex)` is whom a his or her at that offset stands for."""
    for tok in doc:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not is_kin_word(tok.lower_) or quoted(tok.idx):
            continue
        sex = gender_of_pronoun(owner.lower_)
        whose = None if sex is None else owner_at(owner.idx, sex)
        if whose is not None and (found := relative(people, whose, tok.lower_)) is not None:
            yield tok, found


def is_kin_title(word: str) -> bool:
    """"Mrs." or "Mr.", the titles a relative's name carries here."""
    return word.rstrip(".").lower() in _KIN_TITLES


_KIN_TITLES = frozenset(title.rstrip(".").lower() for title in _KIN.values())


def _relative_name(people: Mapping[str, Person], owner: str, kin: str) -> str | None:
    """"mrs bennet" for the wife of Mr. Bennet: the relative's name, lower case, no dots."""
    title = _KIN.get(kin.lower())
    family = _surname_of(people, owner)
    return None if title is None or family is None else f"{title} {family}".replace(".", "").lower()


def _one_called(wanted: str | None, owner: str, names) -> str | None:
    """The one name among `names`, other than the owner's, that reads `wanted`."""
    if wanted is None:
        return None
    found = [name for name in names if name != owner and name.replace(".", "").lower() == wanted]
    return found[0] if len(found) == 1 else None


def _surname_of(people: Mapping[str, Person], owner: str) -> str | None:
    """The owner's surname; for a given name used alone ("Lucy"), that of the fullest name the
    book has starting with it ("Lucy Honeychurch")."""
    if len(owner.split()) > 1:
        return surname(owner)
    fuller = [p for p in people.values() if p.proper and p.label == "person"
              and len(p.name.split()) > 1 and p.name.split()[0] == owner]
    return surname(max(fuller, key=lambda p: p.count).name) if fuller else None
