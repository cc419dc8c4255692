"""Who is in view in a dialogue: speakers found through pronouns and descriptions count as
speakers named outright. Written scenes through the real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.types import Document


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_document(Document("t", text))[1]]


def test_a_speaker_found_through_a_description_is_the_one_she_then_points_back_at():
    # "asked the countess" found the countess, but left no trace on the timeline, so the next
    # "she asked" went past her to Lady Pell, the last woman the narration named.
    text = ("Tom was taking tea with the Countess of Cardigan, who had driven over from the abbey. "
            "By the fire sat Lady Pell, pretending to read.\n\n"
            "\"Is it raining still?\" asked the countess, putting down her cup.\n\n"
            "\"Only a little,\" said Tom. \"It will pass before four.\"\n\n"
            "\"Then we shall walk after all?\" she asked.")
    assert speakers(text) == ["Countess of Cardigan", "Tom", "Tom", "Countess of Cardigan"]


def test_her_ladyship_is_the_titled_woman_herself_not_a_new_speaker():
    # "her Ladyship" came out as a speaker called "Ladyship" (or "Her ladyship"), and every
    # "she said" after it followed her there.
    text = ("Elizabeth sat down opposite Lady Catherine, who looked at her coldly.\n\n"
            "\"Upon my word,\" said her Ladyship, \"you give your opinion very decidedly.\"\n\n"
            "\"I am not one and twenty,\" replied Elizabeth.\n\n"
            "\"Yes, indeed,\" added her ladyship, \"I thought as much.\"")
    assert speakers(text) == ["Lady Catherine", "Lady Catherine", "Elizabeth",
                              "Lady Catherine", "Lady Catherine"]


def test_his_companion_is_the_other_one_of_the_scene():
    text = ("Lord Henry laughed and looked at the painter.\n\n"
            "\"I will tell you,\" said Hallward; but an expression of doubt came over his face.\n\n"
            "\"I am all expectation, Basil,\" continued his companion, glancing at him.")
    assert speakers(text)[-1] == "Lord Henry"


def test_an_adverb_the_tagger_reads_as_a_name_is_not_the_speaker():
    text = ("\"Yes, and well I know it,\" admitted Anne mournfully. \"But have you noticed one "
            "thing about me?\"\n\n"
            "Mrs. Allan smiled at Marilla.\n\n"
            "\"That was the fever, my dear,\" said the old lady mildly.")
    assert speakers(text) == ["Anne", "Anne", "Mrs. Allan"]  # "the old lady" points back


def test_the_one_a_paragraph_ending_in_to_say_introduces_is_not_the_one_the_words_address():
    text = ("Emma sat by the window, and Harriet read the letter through once more. At last she "
            "thought it best to say,\n\n"
            "\"I lay it down as a general rule, Harriet, that a woman who doubts ought to refuse him.\"")
    assert speakers(text)[-1] == "Emma"


@pytest.mark.parametrize("before", [
    "Jonathan Small sat opposite the inspector with his wooden leg cocked over his sound one.",
    # "Small" named first and "Jonathan Small" after: two entries in the book of names, one man.
    "The inspector looked hard at Small, who sat with his wooden leg cocked over his sound one.\n\n"
    "On his knee lay the papers of one Jonathan Small, convict.",
])
def test_a_new_role_answering_a_turn_is_the_one_that_turn_called_by_name(before):
    # "the ex-convict" was a new speaker, and his long story after it went to "Convict".
    text = (before + "\n\n"
            "\"This is a very serious matter, Small,\" said the inspector. \"You would have had a "
            "better chance at your trial.\"\n\n"
            "\"Justice!\" snarled the ex-convict. \"A pretty justice!\"")
    assert speakers(text) == ["Inspector", "Inspector", "Jonathan Small", "Jonathan Small"]
