"""A given name that is also a month ("May Welland"), read by the tagger as a date or a modal:
written scenes, real spaCy pipeline."""

import pytest

from rag.quotes import extract_document, load_nlp
from rag.quotes.entity_mends import mend_person_entities
from rag.types import Document

_MAY = ("Archer went to see May Welland and her mother. Kate and May had racquets, and they "
        "played till dusk.")


def labels_of_may(paragraphs: list[str]) -> list[str]:
    docs = list(load_nlp().pipe(paragraphs))
    mend_person_entities(docs)
    return [t.ent_type_ for t in docs[-1] if t.text == "May"]


@pytest.mark.parametrize("sentence, person", [
    ("He glanced at May across the table.", True),
    ("Archer thought of May all the way home.", True),
    ("They were to be married in May.", False),
    ("They were to be married on the first of May.", False),
    ('"May I ask where you are going?" he said.', False),
])
def test_may_is_the_woman_the_text_names_except_as_a_month_or_a_modal(sentence, person):
    assert (labels_of_may([_MAY, sentence]) == ["PERSON"]) is person


def test_may_stays_a_month_in_a_text_that_names_nobody_so():
    assert labels_of_may(["He glanced at the calendar.", "He glanced at May in the calendar."]) != ["PERSON"]


def test_she_after_may_is_may():
    # The tagger read "May looked up" as a modal and its verb, so the "she" went to Madame
    # Olenska, the last woman named as the subject of a sentence.
    text = (_MAY + " Madame Olenska had stayed at home.\n\n"
            "Archer walked across the lawn to the archery ground. May looked up at him.\n\n"
            "\"You are late,\" she said.")
    assert extract_document(Document("novel", text))[1][-1].speaker in ("May", "May Welland")

