"""Minor characters known by their calling ("the maid", "the host"): whom the narration's he
or she after them is. Written scenes, real spaCy pipeline."""

from rag.quotes import extract_document, load_nlp
from rag.quotes.speakers import NameBook
from rag.types import Document


def last_speaker(text: str) -> str | None:
    return extract_document(Document("novel", text))[1][-1].speaker


def test_the_she_after_the_maid_is_the_maid_not_the_woman_thought_of_before():
    # The narration's "When she had gone" was read before the maid was seen, so it went to
    # Mary Welland; that kept Mary in view, and "she asked" on the last line was hers, not
    # that of the Ellen Olenska who had just arrived.
    text = ("Newland Archer thought of Mary Welland. She would want a house like her mother's, "
            "and she would never ask him what he liked.\n\n"
            "The round-bosomed maid came in, drew the curtains and pushed back a log. When she "
            "had gone Archer stood up and began to wander about the room. Should he wait any "
            "longer? Perhaps he had misunderstood Ellen Olenska; perhaps she had not invited "
            "him after all.\n\n"
            "Down the quiet street came the ring of hoofs, and a carriage stopped before the "
            "house. He saw Beaufort helping out Ellen Olenska; then they shook hands, and he "
            "drove off while she mounted the steps.\n\n"
            "\"How do you like my funny house?\" she asked.")
    assert last_speaker(text) == "Ellen Olenska"


def test_a_calling_paired_with_someone_else_is_not_the_next_he():
    # "the host and the lady on his right" are two people; the "He" after them is Archer.
    text = ("At dinner Newland Archer sat beside Ellen Olenska. It was evident that the host and "
            "the lady on his right could not sit through the whole meal in silence. He turned to "
            "Ellen Olenska, and her pale smile met him.\n\n"
            "\"Did you find the journey tiring?\" he asked.")
    assert last_speaker(text) == "Newland Archer"


def test_a_title_called_out_is_part_of_the_name_it_stands_for():
    # name_roles looked the words of "Mrs. Maylie" up one by one, and "maylie" was Rose Maylie.
    book = NameBook()
    book.read_entities(load_nlp()("Mrs. Maylie sat at breakfast with Rose Maylie and Harry Maylie."), 0)
    assert book.person_called("Mrs. Maylie", "f") == "Mrs. Maylie"
    assert book.person_called("Rose", "f") == "Rose Maylie"
    assert book.person_called("Mrs. Maylie", "m") is None
