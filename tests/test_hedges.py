"""The writer's hedges ("is expected to", "appeared", "it seems that"): attributions with no source."""

import pytest

import rag
from rag.quotes import extract_document
from rag.types import Document


def readings(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(q.speaker, q.text, q.cue) for q in extract_document(Document("t", text))[1]]


@pytest.mark.parametrize("text,reading", [
    # The subject and what is expected of it; no one named expects it.
    ("The senator is expected to announce her decision on Friday.",
     (None, "The senator is expected to announce her decision on Friday", "is expected")),
    ("The mayor appeared tired and irritable.", (None, "The mayor appeared tired and irritable", "appeared")),
    # After an empty "it", the clause alone.
    ("It appears that the vote was delayed again.", (None, "that the vote was delayed again", "appears")),
    ("There seems to be little appetite for a second vote.",
     (None, "There seems to be little appetite for a second vote", "seems")),
])
def test_a_hedge_of_the_writer_has_no_speaker(text, reading):
    assert readings(text) == [reading]


@pytest.mark.parametrize("text", [
    "The governor appeared on television on Sunday.",  # a showing up, not an impression
    "He just can't seem to convince the voters.",  # a failure, not an impression
])
def test_an_appearance_or_a_failure_is_no_hedge(text):
    assert readings(text) == []


def test_an_expectation_someone_holds_is_theirs():
    assert readings("Ms. Lane expects to win the primary.") == [("Ms. Lane", "to win the primary", "expects")]


def test_a_feeling_someone_seemed_to_have_stays_theirs():
    [(speaker, text, cue)] = readings("Mr. Ortiz seemed to feel that the plan was doomed.")
    assert (speaker, text, cue) == ("Mr. Ortiz", "that the plan was doomed", "seemed to feel")


def test_a_hedge_gives_no_one_words_in_an_answer(tmp_path):
    (tmp_path / "story.txt").write_text("Trump is expected to deliver a victory speech later tonight.\n\n"
                                        "\"We will win Nevada,\" Trump said at the rally.\n", encoding="utf-8")
    rag.build_index([tmp_path / "story.txt"], index=tmp_path / "ix")
    with rag.open_index(tmp_path / "ix") as index:
        answer = index.ask('Who said "deliver a victory speech later tonight"?')
    assert answer.abstained and answer.speaker is None
