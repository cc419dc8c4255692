import pytest

from rag.errors import InputFileError
from rag.ingest.paragraphs import is_page_noise, split_paragraphs
from rag.ingest.readers import guess_title, html_to_text, read_documents
from rag.config import sample_corpus
from rag.types import Document


def test_paragraph_offsets_point_into_the_original_text():
    doc = read_documents(sample_corpus()[0])[0]
    paragraphs = list(split_paragraphs(doc))
    assert [p.ordinal for p in paragraphs] == list(range(len(paragraphs)))
    for p in paragraphs:
        assert doc.text[p.start:p.end] == p.text
    # Non-breaking spaces stay in the stored text: quotes must be verbatim.
    assert any("\u00a0" in p.text for p in paragraphs)


def test_page_noise_is_marked_not_dropped():
    doc = read_documents(sample_corpus()[0])[0]
    paragraphs = list(split_paragraphs(doc))
    noise = {p.text for p in paragraphs if p.noise}
    assert "4 min read\nAuthors" in noise and "See all" in noise
    titles = [p for p in paragraphs if p.text.startswith("Tactics of")]
    assert [t.noise for t in titles] == [False, True]  # the repeated title only
    assert not any(p.noise for p in paragraphs if "said Brovdi" in p.text)
    assert doc.title.startswith("Tactics of")


def test_a_dialogue_line_said_twice_is_not_page_furniture():
    text = ('"Well now, I dunno," said Matthew.\n\n"Do you like it, Matthew?"\n\n'
            '"Well now, I dunno," said Matthew.\n\nChapter Two\n\nChapter Two')
    paragraphs = list(split_paragraphs(Document("novel", text)))
    assert [p.noise for p in paragraphs] == [False, False, False, True, True]


@pytest.mark.parametrize("text,title", [
    # A book's title in capitals is its title, not the byline under it.
    ("EMMA\n\nBy Jane Austen\n\n\n\nVOLUME I\n\nCHAPTER I\n\nThe morning was grey and the house quiet.",
     "EMMA"),
    ("The Gambler\n\nby Fyodor Dostoyevsky\n\nTranslated by C. J. Hogarth\n\nI\n\nAt length I came home.", None),
    ("PART ONE\n\nChapter I: The Bertolini\n\n\"The rooms face north,\" said Miss Bartlett.", None),
    # Body text ends the search: a line further down that leads into a quote is no title.
    ("Senators Clash Over Budget.\n\nThe senators argued for three hours on Tuesday about the cuts, "
     "and neither side gave way.\n\nThe Times reports:", None),
    ("Category\nWar in Ukraine\n\nPart of the Front Line Falls Quiet", "Part of the Front Line Falls Quiet"),
    ("# Notes from Kyiv\n\nBody.", "Notes from Kyiv"),
])
def test_guess_title(text, title):
    assert guess_title(text) == title


def test_a_novel_file_is_titled_by_its_title_page(tmp_path):
    f = tmp_path / "novel_text.txt"
    f.write_text("HOWARDS END\n\nby E. M. Forster\n\nCHAPTER I\n\n\"One may as well begin,\" said Helen.\n",
                 encoding="utf-8")
    assert read_documents(f)[0].title == "HOWARDS END"


@pytest.mark.parametrize("block,noise", [
    ("4 min read", True), ("See all", True), ("Category\nWar in Ukraine", True),
    ("When North Korea last fought", False), ("He refused.", False), ("\u201cNo.\u201d", False),
])
def test_is_page_noise(block, noise):
    assert is_page_noise(block) is noise


def test_html_drops_scripts_and_styles_and_keeps_blocks():
    title, text = html_to_text(
        "<html><head><title>T</title><style>p{}</style></head><body><script>var x='said';</script>"
        "<p>First &amp; one.</p><div>Second\n  line</div></body></html>")
    assert title == "T"
    assert text == "First & one.\n\nSecond line"


def test_jsonl_documents_keep_their_fields(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "a1", "text": "He said so.", "title": "A", "date": "2024-01-02"}\n'
                 '\n{"text": "Second one."}\n', encoding="utf-8")
    docs = read_documents(f)
    assert [d.doc_id for d in docs][0] == "a1" and docs[0].date == "2024-01-02"
    assert len(docs) == 2 and docs[1].text == "Second one."


@pytest.mark.parametrize("name,data,problem", [
    ("empty.txt", b"", "empty"),
    ("blob.txt", b"\x00\x01\x02binary", "binary"),
    ("latin1.txt", "caf\u00e9 said".encode("latin-1"), "UTF-8"),
    ("bad.jsonl", b'{"text": "ok"}\n{not json\n', "line 2"),
    ("notext.jsonl", b'{"title": "x"}\n', "text"),
])
def test_bad_files_raise_errors_naming_file_and_problem(tmp_path, name, data, problem):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputFileError) as err:
        read_documents(f)
    assert name in str(err.value) and problem in str(err.value)


def test_paragraph_splitting_on_written_text():
    doc = Document("d", "First para.\n\n\n  Second para.\nStill second.\n \nThird.")
    ps = list(split_paragraphs(doc))
    assert [p.text for p in ps] == ["First para.", "Second para.\nStill second.", "Third."]
    assert all(doc.text[p.start:p.end] == p.text for p in ps)


def test_single_line_breaks_split_paragraphs_only_when_lines_are_not_hard_wrapped():
    web = ("Title of the story\n\n"
           "\u201cThat is a problem for the party,\u201d said Rep. Jim Clyburn, a member of the House "
           "Democratic leadership, on Wednesday afternoon.\n"
           "Rep. Steve Israel said Clinton called on members to be \u201cclosely coordinated\u201d in the "
           "weeks before the convention in Philadelphia.")
    book = ("It was the best of times, it was the worst of times, it was the age of\n"
            "wisdom, it was the age of foolishness, it was the epoch of belief.\n\n"
            "There were a king with a large jaw and a queen with a plain face.")
    ps = list(split_paragraphs(Document("w", web)))
    assert [p.text[:12] for p in ps] == ["Title of the", "\u201cThat is a p", "Rep. Steve I"]
    assert all(web[p.start:p.end] == p.text for p in ps)
    assert len(list(split_paragraphs(Document("b", book)))) == 2


def test_a_line_break_inside_a_sentence_of_web_copy_does_not_split_the_paragraph():
    text = ("The senator, who has called the plan both a waste of money and a danger to the \n"
            "coast, repeated her objections on Tuesday in a long speech to the chamber, which sat late "
            "into the night.\n"
            "The vote is expected next week, after the committee has met twice more to hear from the "
            "fishing towns.")
    ps = list(split_paragraphs(Document("w", text)))
    assert [p.text[:13] for p in ps] == ["The senator, ", "The vote is e"]
    assert all(text[p.start:p.end] == p.text for p in ps)
