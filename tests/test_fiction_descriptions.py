"""People a novel knows only by a description ("the gentleman in the white waistcoat"): written
scenes, real spaCy pipeline."""

from rag.quotes import extract_document
from rag.types import Document


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_document(Document("novel", text))[1]]


def test_what_tells_a_gentleman_apart_names_him():
    # "the gentleman" alone went to the latest man named: Mr. Bumble, then Oliver.
    text = ("Mr. Bumble led Oliver into the room, where eight or ten fat gentlemen sat round a "
            "table.\n\n"
            "\"Bow to the board,\" said Bumble.\n\n"
            "\"The boy is a fool,\" said the gentleman in the white waistcoat.\n\n"
            "\"What are you crying for?\" inquired the gentleman in the white waistcoat.")
    assert speakers(text) == ["Mr. Bumble", "Gentleman in the white waistcoat",
                              "Gentleman in the white waistcoat"]


def test_someone_described_in_passing_does_not_take_the_next_he():
    # Only a tag on someone's own words makes a character of "the man in the chair"; here he
    # asks in reported speech, and the "he" after is still Joe.
    text = ("Joe went to the barber-shop that afternoon. At the very thought of Minty his hand "
            "trembled, and the man in the chair asked him if he had been drinking.\n\n"
            "\"I am all right,\" he said.")
    assert speakers(text)[-1] == "Joe"
