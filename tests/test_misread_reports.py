"""Reports whose source the parse misleads: a passive's subject (asked, not asking), "has"
read as a passive, a colon's lead-in, a name made the root or read as a firm. Written
sentences, real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.types import Document


def readings(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(q.speaker, q.text, q.cue) for q in extract_document(Document("t", text))[1]]


@pytest.mark.parametrize("text,reading", [
    # The parser hangs "when asked" on the name as a relative clause: Trump was asked.
    ("Trump, when asked about the wall, shrugged.", (None, "the wall", "asked about")),
    # A passive with no agent: the subject is the one asked, and who asked is not said.
    ("Residents were asked whether the new bridge should carry a toll.",
     (None, "whether the new bridge should carry a toll", "were asked")),
    ("Lopez was once asked which of her rivals she was most glad to have beaten.",
     (None, "which of her rivals she was most glad to have beaten", "was once asked")),
])
def test_the_one_asked_is_not_the_source(text, reading):
    assert readings(text) == [reading]


def test_a_view_the_subject_is_split_on_stays_theirs():
    text = "Council members are split on whether they would vote for the toll."
    assert readings(text) == [("Council members", "whether they would vote for the toll", "are split on")]


def test_the_s_of_has_read_as_a_passive_keeps_the_speaker():
    text = ("Mitch McConnell said on Tuesday that the seat would stay empty until the election.\n\n"
            "He's also said much over the years about the Senate's duty to confirm judges.")
    assert readings(text)[-1][:2] == ("Mitch McConnell", "the Senate's duty to confirm judges")


def test_a_surname_the_tagger_once_read_as_a_firm_still_names_the_person():
    # "Rubio said ..." is read with Rubio as an organisation; "Rubio disagreed." must still put
    # Marco Rubio in view, or the "he said" after it goes to Christie, who spoke last.
    text = ("Marco Rubio defended his record on farm subsidies at the forum in Ames on Tuesday.\n\n"
            "Rubio said the real radical on trade is Hillary Clinton, and he complained that the "
            "moderators had failed to raise farm exports during any of the three forums so far.\n\n"
            "But Chris Christie, keen all night to needle senators for missing votes, went after "
            "Rubio for dodging the question.\n\n"
            "\"It is plain that he never fought for the farm bill,\" Christie said.\n\n"
            "Rubio disagreed.\n\n"
            "\"Leadership is about getting the bill through,\" he said.")
    last = readings(text)[-1]
    assert last[:2] == ("Marco Rubio", "Leadership is about getting the bill through")


def test_a_lead_in_before_a_colon_is_no_label_and_not_part_of_the_quotation():
    # "For example:" was read as a speaker's label ("Example"), and the "he told" reading
    # took the lead-in into what was told.
    text = 'For example: "We never should have built that bridge," he told a radio host in March.'
    assert [r[1:] for r in readings(text)] == [("We never should have built that bridge", "told")]


def test_a_name_the_parser_makes_the_root_of_its_sentence_is_still_its_subject():
    # The parser, lost in "steam-rolls", makes "Abbott" the root; the "he told" after it is
    # his, not that of Carson, the subject named before.
    text = ("Ben Carson has tried to turn the questions to his advantage, calling them proof of "
            "media bias.\n\n"
            "John Abbott, when pressed about his own past claims, often steam-rolls through the "
            "interview and never admits a thing.\n\n"
            "Then he told a radio host in March that the bridge had been a mistake.")
    assert readings(text)[-1] == ("John Abbott", "that the bridge had been a mistake", "told")


def test_a_quotation_set_off_by_dashes_is_not_taken_by_a_verb_with_its_own_clause_after_it():
    # The parser makes the quotation a second complement of "said"; "said" reports "they were
    # unmoved", and the quotation is the senator's, whose criticism it glosses.
    text = ("Although Senator Ruth Adler criticized her rival's tendency to make promises - \"does he "
            "have to keep giving them so many reasons to doubt?\" - Republicans in Ohio who watched "
            "the debate said they were unmoved by the exchange.")
    assert readings(text)[1:] == [
        ("Ruth Adler", "does he have to keep giving them so many reasons to doubt?", "criticized"),
        ("Republicans", "they were unmoved by the exchange", "said")]


@pytest.mark.parametrize("text,day", [
    # The verb tagged as a modifier of "nominee", the day after it was read as an inverted subject.
    ('"Will the governor finally answer the question about the budget?" the presumptive Democratic '
     'nominee, Maria Lopez, tweeted Sunday after an angry meeting at the town hall.', "Sunday"),
    ("As Tuesday began, the senator was hoping for a quiet vote on the bill.", "Tuesday"),
])
def test_a_day_is_never_a_speaker(text, day):
    assert readings(text) and all(speaker != day for speaker, _, _ in readings(text))
