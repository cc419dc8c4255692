"""Age in a novel's descriptions: "the old gentleman" is not the boy the narration calls
"little Oliver", and "the boy" is not "old Sally".

The narration sets a person's age once in a while by a word before the name ("little
Oliver", "young Oliver", "old Mr. Emerson"); a tag's description carries one too ("said the
old lady", "cried the boy"). A he or she of the right sex who is written the other age is
not what the description points back to.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .lexicon import HONORIFICS

CHILD, YOUNG, OLD, ADULT = "child", "young", "old", "adult"

_BEFORE_NAME = {"little": CHILD, "young": YOUNG, "old": OLD}
_CHILD_NOUNS = {"boy", "girl", "child", "lad", "lass", "kid", "urchin", "infant", "baby"}
_ADULT_NOUNS = {"man", "woman", "gentleman", "lady"}
_OLD_WORDS = {"old", "elderly", "aged"}


def age_before_name(ent: Span) -> str | None:
    """The age a word just before a name gives it: "little Oliver", "young Mr. Emerson"."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        i -= 1  # "old Mr. Emerson"
    # Lower case only: a capital "Little" may be part of the name ("Little Nell").
    return _BEFORE_NAME.get(doc[i].text) if i >= 0 else None


def age_of_person_described(description: str) -> str | None:
    """The age told by the words that describe the person themselves: "the old man" of "the
    old man in the cloak"."""
    return age_of_description(description.split(" in ")[0].split(" with ")[0])


def age_of_description(text: str) -> str | None:
    """The age a description tells: "the old gentleman" OLD, "the boy" CHILD, "the young
    man" YOUNG, "the gentleman" ADULT; None when it says nothing of age."""
    words = text.lower().split()
    if any(w in _OLD_WORDS for w in words):
        return OLD
    if any(w in _CHILD_NOUNS for w in words):
        return CHILD
    if "young" in words:
        return YOUNG
    if words and words[-1] in _ADULT_NOUNS:
        return ADULT
    return None


def too_far_in_age(described: str, written: Counter) -> bool:
    """Whether a person the narration wrote with these ages (`written`: "little" twice) is
    not one a description of age `described` points to: a child is no gentleman nor old
    lady, an old man no boy, young man or girl."""
    if not written:
        return False
    if described == OLD:
        return (written[CHILD] > 0 or written[YOUNG] > 0) and not written[OLD]
    if described == ADULT:
        return written[CHILD] > 0 and not written[OLD]
    if described in (CHILD, YOUNG):
        # A grown man known only by a description ("the gentleman in the white waistcoat")
        # is no boy either.
        grown = written[OLD] > 0 or described == CHILD and written[ADULT] > 0
        return grown and not (written[CHILD] or written[YOUNG])
    return False


def ages_apart(one: str | None, other: str | None) -> bool:
    """Whether two ages descriptions tell cannot be one person's: "the old lady" is not the one
    the text called "the young lady"."""
    return one is not None and other is not None and too_far_in_age(one, Counter({other: 1}))
