"""Quotations with no quotation marks whose speaker the paragraph before or after names:
written articles through the real spaCy pipeline."""

from rag.quotes import extract_document
from rag.quotes.blocks import signature
from rag.types import Document


def quotes(text: str):
    return extract_document(Document("t", text))[1]


def by_paragraph(text: str) -> dict[int, list[tuple[str | None, str]]]:
    out: dict[int, list[tuple[str | None, str]]] = {}
    for q in quotes(text):
        out.setdefault(q.paragraph, []).append((q.speaker, q.text))
    return out


BLOCK = (
    "Senator Dana Whitfield spoke to farmers in Ames on Monday. In a letter to supporters, "
    "Whitfield wrote:\n\n"
    "I believe the farm bill will pass before the harvest, and I think the Senate knows it "
    "has waited long enough.\n\n"
    "We cannot ask growers to plant another season without an answer.\n\n"
    "Her opponent, Mark Oduya, said the bill was dead.\n\n"
    "The vote is set for Thursday."
)


def test_a_block_announced_by_wrote_and_a_colon_is_the_writers_words():
    found = by_paragraph(BLOCK)
    text = BLOCK.split("\n\n")[1]
    # One quotation, the whole paragraph, not the first person's "I believe" reports.
    assert found[1] == [("Dana Whitfield", text)]


def test_the_block_goes_on_until_a_paragraph_attributes_to_someone_else():
    found = by_paragraph(BLOCK)
    assert found[2] == [("Dana Whitfield", BLOCK.split("\n\n")[2])]
    assert [s for s, _ in found[3]] == ["Mark Oduya"]
    assert 4 not in found  # narration after a report is no one's


def test_a_colon_after_what_was_noted_announces_no_block():
    text = ("CNN also noted the sparse attendance at the rally:\n\n"
            "Even friendly columnists pointed out the empty seats in the hall.")
    assert all(q.paragraph == 0 or q.speaker != "CNN" for q in quotes(text))


def test_a_paragraph_opening_with_a_quotation_mark_is_read_as_a_quotation_not_a_block():
    text = ("Whitfield wrote:\n\n"
            "\u201cThe farm bill will pass,\u201d Mark Oduya said on Tuesday.")
    assert [q.speaker for q in quotes(text)] == ["Mark Oduya"]


FACT_CHECK = (
    "The candidates traded claims about taxes during the debate in Des Moines.\n\n"
    "\"Three of the largest companies in this state pay nothing in federal taxes.\"\n\n"
    "- Sen. Maria Gonzalez.\n\n"
    "The claim leaves out the taxes the companies pay to the state.\n\n"
    "\"My plan cuts taxes for every family that earns less than $90,000.\"\n\n"
    "- Gonzalez.\n\n"
    "The plan does cut rates, but only for two years.\n\n"
    "\"We will balance the budget in my first term.\"\n\n"
    "- Gonzalez."
)


def test_a_signature_line_under_an_untagged_quotation_names_its_speaker():
    speakers = [q.speaker for q in quotes(FACT_CHECK)]
    # The third signature repeats the second word for word: the splitter marks it as page
    # furniture, and it still signs the quotation above it.
    assert speakers == ["Maria Gonzalez"] * 3


def test_a_signature_signs_no_quotation_that_has_a_tag_or_narration_around_it():
    text = ("\"Taxes will rise,\" Governor Alan Price said on Monday.\n\n"
            "- Maria Gonzalez.\n\n"
            "Voters heard the plan \"would cut taxes\" for families.\n\n"
            "- Maria Gonzalez.")
    speakers = [q.speaker for q in quotes(text)]
    assert speakers[0] == "Alan Price" and "Maria Gonzalez" not in speakers


def test_what_a_signature_line_is():
    assert signature("- Sanders.").name == "Sanders"
    assert signature("\u2014 Sen. Marco Rubio (R-Fla.), in a debate, Feb. 6, 2016").name == "Sen. Marco Rubio"
    assert signature("-Bernie Sanders won 84 percent of young voters. [WashPost.]") is None
    assert signature("\u2013 Old hands \u2013.") is None
    assert signature("\u2014 Carol Lee of the Wall Street Journal, winner of the award") is None


def test_a_pull_quote_takes_the_speaker_of_its_tagged_copy():
    text = ("Progressive groups pressed the campaign on trade this week.\n\n"
            "\"A vote on the trade deal during the lame duck session must not happen.\n\n"
            "Ellen Marsh, the group's director, praised the speech on Thursday.\n\n"
            "\u201cA vote on the trade deal during the lame duck session must not happen,\u201d "
            "Marsh said in a statement.")
    assert [q.speaker for q in quotes(text) if q.kind == "direct"] == ["Ellen Marsh", "Ellen Marsh"]


def test_a_report_quoted_inside_a_longer_quotation_stays_the_quoters():
    text = ("\"On Sunday, Sanders announced that he had raised twenty million dollars, and "
            "nobody in this party saw it coming,\" said Joe Madison, a radio host.\n\n"
            "Sanders announced that he had raised twenty million dollars in January.")
    found = quotes(text)
    assert found[0].speaker == "Joe Madison"


def test_an_announced_statement_whose_opening_mark_the_reader_cannot_pair_is_the_speakers():
    # A straight mark opens, curly ones quote inside, and the statement runs on past the
    # paragraph: the opening mark pairs with nothing, and the words are still Ward's.
    text = ("Dr. Kelli Ward stated:\n\n"
            "\"The Department of Justice isn\u2019t about \u201cEqual Justice Under Law\u201d anymore. "
            "It is about an extreme vision of transforming our nation.\n\n"
            "The vote is set for Thursday.")
    found = [(q.speaker, q.text[:14]) for q in quotes(text)]
    assert found[0] == ("Kelli Ward", "The Department")
