"""What a description of a person tells: whether it points back at someone named ("the Florida
senator") or brings in someone new ("a stout lady"), the role it names, a rank."""

from __future__ import annotations

from .gender import Gender, gender_of_pronoun
from .lexicon import NOBLE_TITLES


#: Public roles a news story calls its people by once named ("the Florida senator").
_EPITHET_HEADS = frozenset("""senator congressman congresswoman governor mayor candidate nominee
billionaire businessman businesswoman mogul frontrunner front-runner lawmaker hopeful contender
challenger incumbent""".split())


def is_epithet(description: str) -> bool:
    """"the Florida senator", "the former governor": a role with a place, party or "former"
    before it, by which a story points back at someone it has named; not "the spokesman"."""
    words = description.split()
    if len(words) < 3 or words[0].lower() != "the" or words[-1].lower() not in _EPITHET_HEADS:
        return False
    return any(w[:1].isupper() or w.lower() in ("former", "presumptive", "likely") for w in words[1:-1])


def role_words(description: str) -> list[str]:
    """The words of a description up to what it hangs on: "director" but not "A.F.L.-C.I.O."
    in "a former political director of the A.F.L.-C.I.O.", which names someone else."""
    words = []
    for word in description.lower().replace(",", " , ").split():
        if word in _ROLE_ENDS:
            break
        words.append(word)
    return words


_ROLE_ENDS = {"of", "for", "at", "in", "with", "to", "from", "on", ",", "and", "who", "which", "that"}


def introduces_someone(text: str) -> bool:
    """"the Duchess", "the White Rabbit" (a capitalised role after its article) or "a little
    old woman" (an indefinite article): a description that does not point back."""
    words = text.split()
    if len(words) < 2:
        return False
    return words[-1][:1].isupper() or words[0].lower() in INDEFINITE


INDEFINITE = {"a", "an", "another", "one", "some"}


_ADDRESS_TITLES = {"ladyship", "lordship", "majesty", "highness", "grace", "excellency", "worship"}
_TITLED = NOBLE_TITLES | {"lady", "lord", "sir", "dame"}


def title_of_address(text: str) -> Gender:
    """The sex of "her ladyship", "his lordship": a titled person called by their title, herself
    and not someone of hers ("her mother")."""
    words = text.lower().split()
    return gender_of_pronoun(words[0]) if len(words) == 2 and words[1] in _ADDRESS_TITLES else None


def is_titled(name: str) -> bool:
    """"Lady Catherine", "Sir Thomas", "Duchess of Monmouth": a name that carries a rank."""
    words = name.lower().replace(".", "").split()
    return len(words) > 1 and words[0] in _TITLED
