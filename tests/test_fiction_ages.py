"""A description's age against the age the narration writes before a name: written scenes,
real spaCy pipeline."""

from collections import Counter

import pytest

from rag.quotes import extract_document
from rag.quotes.ages import ADULT, CHILD, OLD, YOUNG, age_of_description, ages_apart, too_far_in_age
from rag.types import Document


def last_speaker(text: str) -> str | None:
    return extract_document(Document("novel", text))[1][-1].speaker


def test_the_old_gentleman_is_not_little_oliver():
    # Oliver was the latest man named, and the subject, so the old gentleman was taken for him.
    text = ("Mr. Brownlow walked slowly to the window. By the fire sat little Oliver; he was "
            "reading a book, and Oliver did not look up.\n\n"
            "\"What are you reading, my dear?\" asked the old gentleman.")
    assert last_speaker(text) == "Mr. Brownlow"


def test_the_girl_is_not_old_sally():
    text = ("Rose Maylie stood at the window. Behind her, old Sally raised her head, and she "
            "looked about the room.\n\n"
            "\"Who is there?\" asked the girl.")
    assert last_speaker(text) == "Rose Maylie"


@pytest.mark.parametrize("description,age", [
    ("the old gentleman", OLD), ("the elderly lady", OLD), ("the boy", CHILD),
    ("the little girl", CHILD), ("the young man", YOUNG), ("the gentleman", ADULT),
    ("the clerk", None),
])
def test_the_age_a_description_tells(description, age):
    assert age_of_description(description) == age


def test_which_ages_are_too_far_apart():
    little, old, young = Counter({CHILD: 2}), Counter({OLD: 1}), Counter({YOUNG: 1})
    assert too_far_in_age(OLD, little) and too_far_in_age(ADULT, little)
    assert too_far_in_age(CHILD, old) and too_far_in_age(YOUNG, old)
    # "the old lady" is not one the text wrote young ("the young lady").
    assert too_far_in_age(OLD, young) and not too_far_in_age(OLD, Counter({YOUNG: 1, OLD: 1}))
    # "young Mr. Emerson" may be "the gentleman"; someone written both ways is left alone.
    assert not too_far_in_age(ADULT, young)
    assert not too_far_in_age(CHILD, Counter({OLD: 1, CHILD: 1}))
    assert not too_far_in_age(OLD, Counter())
    # A grown man known by his description ("the gentleman in the white waistcoat") is no
    # boy, though a young man may still be him.
    grown = Counter({ADULT: 1})
    assert too_far_in_age(CHILD, grown) and not too_far_in_age(YOUNG, grown)


def test_the_old_lady_is_not_the_young_lady_who_spoke_before():
    # Both ladies are known only by description; "the old lady" went to "Young lady", the
    # latest woman, though a young one is no old lady.
    text = ("Two ladies sat at the breakfast-table, and Giles waited upon them.\n\n"
            "\"Is the poor creature much hurt?\" asked the young lady.\n\n"
            "\"Shockingly, miss,\" replied Giles.\n\n"
            "\"He gets worse instead of better, I think,\" said the old lady.")
    assert last_speaker(text) == "Old lady"


def test_the_young_gentleman_is_not_the_one_described_as_the_old_gentleman():
    # "the young gentleman" matched Mr. Brownlow by the head word of his description, and the
    # age his description gave him was not kept.
    text = ("Harry Maylie stood by the window. Oliver was shown into the study, where Mr. "
            "Brownlow sat by the fire.\n\n"
            "\"Come in, my dear,\" said Mr. Brownlow, the old gentleman in the bottle-green coat.\n\n"
            "\"Thank you, sir,\" said Oliver.\n\n"
            "\"You had better sit down, I think,\" said the young gentleman, turning from the window.")
    assert last_speaker(text) == "Harry Maylie"


def test_which_ages_one_person_cannot_have_been_described_with():
    assert ages_apart(OLD, YOUNG) and ages_apart(CHILD, OLD)
    assert not ages_apart(YOUNG, CHILD) and not ages_apart(OLD, None) and not ages_apart(ADULT, OLD)
    # The same line as `too_far_in_age` draws: a boy is not the one described as a gentleman.
    assert ages_apart(CHILD, ADULT) and not ages_apart(YOUNG, ADULT)
