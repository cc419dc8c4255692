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


def test_the_old_lady_answering_a_call_is_the_woman_called():
    # "the old lady" went to whoever the narration named last ("Old lady" when none); the turn
    # before called "Mrs. Maylie", whom the narration had not yet named.
    text = ("Mr. Losberne went upstairs with Giles, and was gone a long while. At length he came "
            "down again and closed the door carefully.\n\n"
            "\"This is a very extraordinary thing, Mrs. Maylie,\" said the doctor.\n\n"
            "\"He is not in danger, I hope?\" said the old lady.")
    assert speakers(text)[-1] == "Mrs. Maylie"


def test_a_lady_is_not_a_tinker_of_unknown_sex():
    # With no woman named, "the old lady" fell back on the one person of unknown sex who had
    # spoken: the tinker.
    text = ("The travellers stopped at the inn, where a tinker sat mending a kettle by the door.\n\n"
            "\"A fine evening,\" said the tinker, without looking up.\n\n"
            "Inside, two ladies sat at a breakfast-table, and Giles waited upon them.\n\n"
            "\"And Brittles has been gone upwards of an hour, has he?\" asked the old lady.")
    assert speakers(text)[-1] == "Old lady"
