"""Grammatical gender of names, pronouns and descriptions, used only to rule out antecedents."""

from __future__ import annotations

from typing import Literal, Optional

Gender = Optional[Literal["m", "f"]]

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f"}
_HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "master": "m", "monsieur": "m",
               "mrs": "f", "miss": "f", "ms": "f", "lady": "f", "madam": "f", "madame": "f",
               "dame": "f", "mme": "f", "mlle": "f"}
_NOUNS = {
    "m": set("""man men boy son father husband brother gentleman king prince lord uncle nephew
             grandfather sir fellow lad chap monk priest duke count baron emperor waiter clergyman
             vicar rector curate squire youth""".split()),
    "f": set("""woman women girl daughter mother wife sister lady queen princess aunt niece
             grandmother maid widow duchess countess baroness empress waitress mistress""".split()),
}
# Common given names, for telling "Mrs. Honeychurch" from "Freddy Honeychurch".
_GIVEN = {
    "m": set("""john george william henry edward charles frank robert james thomas arthur richard fred
             freddy frederick edmund tom oliver dorian basil harry david michael joseph paul peter
             mark donald bernie barack mike ted marco jeb ben chris rand joe bill alan
             daniel matthew andrew steven stephen kevin brian jason eric jeff ryan gary larry scott
             walter samuel simon philip alexander victor hugh ralph cecil lawrence gabriel newland
             julius ebenezer pooh christopher volodymyr vladimir robert gideon sergei dmitry""".split()),
    "f": set("""elizabeth jane mary anne anna emma lucy charlotte catherine harriet fanny marianne
             elinor margaret edith alice ellen may edna adele hillary nancy sarah susan karen lisa
             linda barbara patricia jennifer maria laura julia helen dorothy ruth kate katherine
             kathleen diana carly nikki kellyanne melania ivanka michelle chelsea huma sally minnie
             isabella olivia sophia emily amelia grace lydia kitty georgiana caroline louisa maud
             marian sibyl agnes clara hannah rachel rebecca""".split()),
}


def gender_of_pronoun(word: str) -> Gender:
    return _PRONOUNS.get(word.lower())


def gender_of_name(name: str) -> Gender:
    words = name.replace(".", " ").split()
    if not words:
        return None
    first = words[0].lower()
    if first in _HONORIFICS:
        return _HONORIFICS[first]  # type: ignore[return-value]
    for gender, names in _GIVEN.items():
        if first in names and len(words) > 1 or (len(words) == 1 and first in names):
            return gender  # type: ignore[return-value]
    return None


def gender_of_description(text: str) -> Gender:
    for word in reversed(text.lower().split()):
        for gender, nouns in _NOUNS.items():
            if word in nouns:
                return gender  # type: ignore[return-value]
    return None
