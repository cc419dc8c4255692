"""The index folder: manifest, idempotent and replacing ingest, errors, transactions."""

import json

import pytest
import spacy
from spacy.language import Language

import rag
from rag.config import SPACY_MODEL, sample_corpus
from rag.errors import IndexFormatError, IndexNotFoundError, ModelMismatchError

ARTICLE = ("Mayor Jane Ortiz opened the new bridge on Monday.\n\n"
           "\u201cThis bridge will carry the city for a hundred years,\u201d Ortiz said.\n\n"
           "The transport minister said that the project came in under budget.\n")


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_manifest_describes_the_index(tmp_path):
    rag.build_index(sample_corpus(), index=tmp_path / "ix")
    manifest = json.loads((tmp_path / "ix" / "manifest.json").read_text())
    assert manifest["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert manifest["dim"] == 384 and manifest["version"] == 2
    assert manifest["counts"]["documents"] == 1
    assert {p.name for p in (tmp_path / "ix").iterdir()} >= {
        "manifest.json", "whosaid.sqlite", "paragraphs.faiss", "quotes.faiss"}


def test_same_file_twice_adds_nothing_and_a_changed_file_replaces(tmp_path):
    doc = write(tmp_path / "bridge.txt", ARTICLE)
    first = rag.build_index([doc], index=tmp_path / "ix")
    assert (first.added, first.quotes) == (1, 2)
    before = rag.open_index(tmp_path / "ix").stats()
    again = rag.build_index([doc, doc], index=tmp_path / "ix")
    assert (again.added, again.unchanged) == (0, 2)
    assert rag.open_index(tmp_path / "ix").stats() == before

    write(doc, ARTICLE.replace("under budget", "over budget") + "\nOrtiz said she was proud.\n")
    changed = rag.build_index([doc], index=tmp_path / "ix")
    assert (changed.added, changed.replaced) == (0, 1)
    ix = rag.open_index(tmp_path / "ix")
    stats = ix.stats()
    assert stats["documents"] == 1 and stats["paragraphs"] == before["paragraphs"] + 1
    assert stats["vectors"] == stats["paragraphs"]
    texts = [q.text for q in ix.quotes()]
    assert "that the project came in over budget" in texts
    assert "that the project came in under budget" not in texts


def test_opening_with_another_model_is_refused(tmp_path):
    rag.build_index(sample_corpus(), index=tmp_path / "ix")
    with pytest.raises(ModelMismatchError) as err:
        rag.open_index(tmp_path / "ix", model="some/other-model")
    assert "all-MiniLM-L6-v2" in str(err.value) and err.value.hint


def test_an_index_of_an_older_format_asks_to_be_rebuilt(tmp_path):
    folder = tmp_path / "ix"
    folder.mkdir()
    write(folder / "manifest.json", json.dumps({"format": "whosaid-index", "version": 1,
                                                  "model": "m", "dim": 384}))
    with pytest.raises(IndexFormatError) as err:
        rag.open_index(folder)
    assert "version 1" in str(err.value) and str(folder) in err.value.hint


def test_missing_index_and_foreign_folder(tmp_path):
    with pytest.raises(IndexNotFoundError):
        rag.open_index(tmp_path / "nothing")
    write(tmp_path / "notes.txt", "mine")
    with pytest.raises(IndexFormatError):
        rag.build_index(sample_corpus(), index=tmp_path)


def test_bad_inputs_are_reported_and_the_rest_is_indexed(tmp_path):
    good = write(tmp_path / "bridge.txt", ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "latin.txt").write_bytes("Se\u00f1or Ortiz said so.".encode("latin-1"))
    report = rag.build_index([good, tmp_path / "empty.txt", tmp_path / "binary.txt",
                              tmp_path / "latin.txt", tmp_path / "missing.txt"],
                             index=tmp_path / "ix")
    assert not report.ok and report.added == 1
    problems = {f.path.rsplit("/", 1)[-1]: f.problem for f in report.failures}
    assert set(problems) == {"empty.txt", "binary.txt", "latin.txt", "missing.txt"}
    assert "UTF-8" in problems["latin.txt"] and "no such" in problems["missing.txt"]
    assert rag.open_index(tmp_path / "ix").stats()["documents"] == 1


@Language.component("explode_on_marker")
def _explode(doc):
    if "EXPLODE" in doc.text:
        raise RuntimeError("simulated crash in the middle of an ingest")
    return doc


def test_a_failed_ingest_leaves_the_index_as_it_was(tmp_path):
    rag.build_index(sample_corpus(), index=tmp_path / "ix")
    ix = rag.open_index(tmp_path / "ix")
    before = ix.stats()
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("explode_on_marker", last=True)
    ok = write(tmp_path / "a.txt", ARTICLE)
    bad = write(tmp_path / "b.txt", "Ortiz said EXPLODE was the word.\n")
    with pytest.raises(RuntimeError):
        ix.add([ok, bad], nlp=nlp)
    assert ix.stats() == before
    assert rag.open_index(tmp_path / "ix").stats() == before
    assert ix.ask('Who said "This bridge will carry the city"?').abstained


def test_lost_vector_files_are_rebuilt_from_the_database(tmp_path):
    rag.build_index(sample_corpus(), index=tmp_path / "ix")
    stats = rag.open_index(tmp_path / "ix").stats()
    (tmp_path / "ix" / "paragraphs.faiss").unlink()
    ix = rag.open_index(tmp_path / "ix")
    assert ix.stats() == stats
    assert ix.ask('Who said "Moscow has dragged another nation into this war"?').speaker == \
        "Volodymyr Zelenskyy"


def test_html_and_jsonl_documents_are_indexed(tmp_path):
    write(tmp_path / "page.html", "<html><head><title>Bridge</title><script>x()</script></head><body>"
          "<p>Mayor Jane Ortiz opened the bridge.</p><p>\u201cIt will last a century,\u201d "
          "Ortiz said.</p></body></html>")
    write(tmp_path / "feed.jsonl", json.dumps({"id": "n1", "title": "Budget", "date": "2024-05-01",
                                               "text": "Finance chief Omar Haddad said that taxes "
                                                       "would not rise this year."}) + "\n")
    report = rag.build_index([tmp_path], index=tmp_path / "ix")
    assert report.ok and report.added == 2
    ix = rag.open_index(tmp_path / "ix")
    assert {q.speaker for q in ix.quotes()} == {"Jane Ortiz", "Omar Haddad"}
    assert ix.document("n1").date == "2024-05-01"


def test_one_speaker_across_documents_but_two_smiths_stay_two(tmp_path):
    write(tmp_path / "a.txt", "Volodymyr Zelenskyy said that the front was holding.\n\n"
                              "John Smith said that prices would fall.\n")
    write(tmp_path / "b.txt", "Volodymyr Zelensky said that more air defence was needed.\n\n"
                              "Anna Smith said that prices would rise.\n")
    rag.build_index([tmp_path / "a.txt", tmp_path / "b.txt"], index=tmp_path / "ix")
    ix = rag.open_index(tmp_path / "ix")
    speakers = [q.speaker for q in ix.quotes()]
    assert speakers.count("Volodymyr Zelenskyy") == 2
    assert {"John Smith", "Anna Smith"} <= set(speakers)
    assert len(ix.quotes("Zelensky")) == 2


def test_an_answer_names_the_speaker_as_the_cited_document_does(tmp_path):
    write(tmp_path / "a.txt", "Donald J. Trump said that the economy needed new factories.\n")
    write(tmp_path / "b.txt", "Donald Trump said that rural hospitals were closing at an alarming rate.\n")
    rag.build_index([tmp_path / "a.txt", tmp_path / "b.txt"], index=tmp_path / "ix")
    ix = rag.open_index(tmp_path / "ix")
    # One person in the index, so "What did Trump say" finds both documents ...
    assert {q.speaker for q in ix.quotes()} == {"Donald J. Trump"}
    # ... but an answer citing b.txt names him as b.txt does.
    answer = ix.ask('Who said "rural hospitals were closing at an alarming rate"?')
    assert answer.speaker == "Donald Trump"
    assert answer.citations[0].doc_id.startswith("b")
    assert answer.quotes[0].speaker == "Donald Trump"
    assert "**Donald Trump**" in answer.answer


def test_a_bad_jsonl_line_is_reported_and_the_other_lines_are_indexed(tmp_path):
    lines = [json.dumps({"id": "n1", "text": "Omar Haddad said that taxes would not rise."}),
             "{not json",
             json.dumps({"id": "n3", "text": "Lena Park said that the port would reopen."})]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe broken bytes\n")
    report = rag.build_index([feed], index=tmp_path / "ix")
    assert report.added == 2
    problems = sorted(f.problem for f in report.failures)
    assert problems == ["line 2 is not valid JSON: Expecting property name enclosed in double quotes",
                        "line 4 is not valid UTF-8"]
    assert {q.speaker for q in rag.open_index(tmp_path / "ix").quotes()} == {"Omar Haddad", "Lena Park"}
