"""Reports whose parse hides the speaker or the content: written sentences, real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.types import Document


def readings(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(q.speaker, q.text, q.cue) for q in extract_document(Document("t", text))[1]]


@pytest.mark.parametrize("text,reading", [
    # A participle after "after" is done by the subject of the clause it explains.
    ("Mr. Sanders, after initially saying he would not advertise on television in the state, has "
     "started running ads.",
     ("Mr. Sanders", "he would not advertise on television in the state", "saying")),
    # A long aside in brackets between the name and the verb; the parser makes the name the
    # subject of a word inside it, and takes the clause before "but" for a second complement.
    ("Few politicians would ever admit this, but Sen. Chris Murphy (a Connecticut Democrat so "
     "boyish he has been mistaken for a junior staffer) says he was unfocused in his first weeks.",
     ("Chris Murphy", "he was unfocused in his first weeks", "says")),
    # A report set off by commas inside the sentence it sources.
    ("The nationwide campaign, first reported by The Washington Post, is a key element of the "
     "administration's response.",
     ("Washington Post", "is a key element of the administration's response", "reported")),
])
def test_reports_the_parser_hides(text, reading):
    assert readings(text) == [reading]
