"""How far a report reaches: written sentences, real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.types import Document


def readings(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(q.speaker, q.text, q.cue) for q in extract_document(Document("t", text))[1]]


@pytest.mark.parametrize("text,reading", [
    # The source in the parenthesis vouches for the figure in it, not for the sentence around
    # it (which was read as Factcheck.org's, up to the parenthesis mark).
    ("Trump, in turn, cites his Twitter followers as the source for some of his own claims, such "
     "as his recent claim that African Americans killed 81 percent of white homicide victims (the "
     "actual number is closer to 15 percent, according to Factcheck.org).",
     ("Factcheck.org", "the actual number is closer to 15 percent", "according to")),
    ("Unemployment fell to 4.9 percent last month (the lowest since 2008, according to the Labor "
     "Department), and wages rose.",
     ("Labor Department", "the lowest since 2008", "according to")),
    # A speech verb in a parenthesis, its content before it or after it.
    ("Sales rose 4 percent last month (the best month since 2008, the company said), and profits "
     "rose too.",
     ("Company", "the best month since 2008", "said")),
    ("Clinton won the state (her campaign said the margin was 10 points) and moved on to Ohio.",
     ("Her campaign", "the margin was 10 points", "said")),
])
def test_a_report_inside_a_parenthesis_keeps_to_it(text, reading):
    assert reading in readings(text)


def test_a_parenthesis_holding_only_the_source_sources_the_sentence():
    text = "The economy grew 3 percent (according to the Commerce Department) in the third quarter."
    assert readings(text) == [("Commerce Department", "The economy grew 3 percent", "according to")]
