"""Questions made of small words, answered from a real index over text written for the test."""

import rag


def test_a_remembered_line_of_small_words_goes_to_the_quote_holding_them_in_order(tmp_path):
    # Most small words asked ("was", "one", "of", "to", "that") are somewhere in Ward's remark,
    # so their bag matched it nearly fully, above Hale's long answer, which is about something
    # else but holds the line; where the words stand now decides.
    text = ("Ward wrote that Bell \u201csaid he has been impressed that he can always call on you and "
            "that he would do it again. He said the delay was one of them, and that was one of "
            "his regrets about the first deal.\u201d\n\n"
            "\u201cI think she will,\u201d Hale replied. \u201cI think she has been clear that she is "
            "going to. Yes, I would. I post my taxes online. I was one of the first senators to do that. I like "
            "openness and accountability. I know the governor does as well. She wants accountability "
            "in government, above all on foreign policy and national security, and I think she will "
            "release them at the right time.\u201d\n")
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    rag.build_index([tmp_path / "doc.txt"], index=tmp_path / "ix")
    with rag.open_index(tmp_path / "ix") as ix:
        answer = ix.ask('Who said "I was one of first to do that."?')
    assert answer.speaker == "Hale"
    assert "I was one of the first senators to do that." in answer.quotes[0].text
