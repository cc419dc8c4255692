"""The one name a novel's character ends with, whatever form the tag used: written scenes
through the real spaCy pipeline."""

from rag.quotes import extract_document
from rag.quotes.canonical import given_names
from rag.quotes.people import Person
from rag.quotes.speakers import NameBook
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


def test_a_given_name_used_alone_from_the_start_is_the_full_name_that_speaks_later():
    # The text calls her "Anne" so often that the name stands alone while it reads; when
    # "Anne Shirley" speaks later, both are one person and the index has one speaker.
    text = ("Anne looked out of the window. Anne was tired, and Anne was hungry.\n\n"
            "\"I can't stay here,\" said Anne.\n\n"
            "\"Nobody asked you to,\" said Marilla Cuthbert.\n\n"
            "Anne Shirley stood up. Anne Shirley was not afraid.\n\n"
            "\"My name is Anne Shirley and I shall not forget it,\" said Anne Shirley.")
    assert speakers(text) == ["Anne Shirley", "Marilla Cuthbert", "Anne Shirley"]


def test_a_given_name_two_speakers_share_stays_as_it_is():
    text = ("Anne looked out of the window. Anne was tired, and Anne was hungry.\n\n"
            "\"I can't stay here,\" said Anne.\n\n"
            "\"Nor I,\" said Anne Shirley.\n\n"
            "\"Nor I,\" said Anne Elliot.")
    assert speakers(text) == ["Anne", "Anne Shirley", "Anne Elliot"]



def test_a_date_the_tagger_runs_into_a_given_name_makes_no_surname_of_it():
    # Anne of Green Gables: "The following Monday Anne" came out as a speaker "Monday Anne",
    # whose last word kept "Anne" from being Anne Shirley.
    book = NameBook()
    for name in ("Anne Shirley", "Monday Anne", "Hillary Clinton", "Clinton Smith"):
        book.people[name] = Person(name, "person", proper=True, count=5)
    found = given_names({"Anne", "Anne Shirley", "Monday Anne", "Clinton", "Hillary Clinton", "Clinton Smith"}, book)
    # "Clinton" is Hillary Clinton's surname as well as Clinton Smith's given name: left as it is.
    assert found == {"Anne": "Anne Shirley"}


def test_a_full_name_written_once_is_not_the_name_of_a_given_name_that_speaks():
    # Howards End: "Margaret Oniton" (a house the tagger ran into her name) spoke once, and
    # Margaret Schlegel's 965 lines went to it.
    book = NameBook()
    book.people["Margaret Oniton"] = Person("Margaret Oniton", "person", proper=True, count=1)
    assert given_names({"Margaret", "Margaret Oniton"}, book) == {}
    book.people["Margaret Oniton"].count = 3
    assert given_names({"Margaret", "Margaret Oniton"}, book) == {"Margaret": "Margaret Oniton"}
