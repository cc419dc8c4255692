"""Posts embedded in articles: the words above a signature are the account holder's."""

from rag.quotes import extract_document
from rag.quotes.embeds import embedded_posts
from rag.types import Document

RYAN = ('<tweet id="750366792434978816" author="@SpeakerRyan">While I respect the professionals at the '
        'FBI, this announcement defies explanation. No one should be above the law. '
        'pic.twitter.com/OqctxglquI \u2014 Paul Ryan (@SpeakerRyan) July 5, 2016</tweet>.')


def test_the_words_before_a_signature_are_the_posters_without_markup_or_links():
    [(start, end, signed, who)] = embedded_posts(RYAN)
    assert RYAN[start:end] == ("While I respect the professionals at the FBI, this announcement defies "
                               "explanation. No one should be above the law.")
    assert who.name == "Paul Ryan" and RYAN[who.start: who.end] == "Paul Ryan"
    assert RYAN[signed:] == "</tweet>."


def test_an_organisations_post_is_signed_without_the_article():
    text = ("BREAKING: More than half those who met Clinton gave money to the Clinton Foundation. "
            "\u2014 The Associated Press (@AP) August 23, 2016")
    [(_, _, _, who)] = embedded_posts(text)
    assert who.name == "Associated Press"


def test_a_date_after_a_dash_in_prose_is_no_signature():
    assert embedded_posts("The senator - who was in Ohio on May 3, 2016 - said the plan was bad.") == []


def test_an_embedded_post_is_a_direct_quotation_of_its_author():
    _, quotes = extract_document(Document("t", RYAN))
    assert [(q.speaker, q.kind) for q in quotes] == [("Paul Ryan", "direct")]
    assert quotes[0].text.endswith("above the law.")
