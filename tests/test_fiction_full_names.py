"""The one name a novel's character ends with, whatever form the tag used: written scenes
through the real spaCy pipeline."""

from rag.quotes import extract_document
from rag.types import Document


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_document(Document("novel", text))[1]]


def test_a_bare_surname_ends_as_the_full_name_its_title_turned_out_to_be():
    # "Crawford" expands to "Mr. Crawford"; once the whole text is read "Mr. Crawford" is
    # Henry Crawford, and the surname alone has to follow it there.
    text = ("Henry Crawford and his sister Mary Crawford came to Mansfield. Henry was tired.\n\n"
            "Henry Crawford sat down. Mr. Crawford was agreeable, and Mr. Crawford was handsome. "
            "Mr. Crawford smiled.\n\n"
            "\"We shall stay the summer,\" said Mr. Crawford.\n\n"
            "\"It is a fine house,\" said Crawford.")
    assert speakers(text) == ["Henry Crawford", "Henry Crawford"]
