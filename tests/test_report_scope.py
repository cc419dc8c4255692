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


def test_a_participle_saying_how_a_line_was_said_is_not_what_was_said():
    # The parser makes "smiling" the complement of "added"; it was read as her words.
    text = ('He made no answer, and she added, still more confidently smiling:\n'
            '"Tell my cousin yourself: I give you leave."')
    assert [(q.text, q.cue) for q in extract_document(Document("t", text))[1]] == [
        ("Tell my cousin yourself: I give you leave.", "added")]


def test_a_quotation_the_reported_clause_runs_into_keeps_the_words_before_it():
    # The tagger reads "amount" as a noun, so no reported clause was found, and the quotation
    # alone was taken, without the subject the annotators count as part of what was said.
    text = "Cruz said Obama\u2019s words and actions \u201camount to a form of intimidation that undermines liberty.\u201d"
    [quote] = extract_document(Document("t", text))[1]
    assert (quote.speaker, quote.kind) == ("Cruz", "mixed")
    assert quote.text.startswith("Obama\u2019s words and actions \u201camount")
