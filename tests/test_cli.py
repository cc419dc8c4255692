"""The `whosaid` CLI end to end, on a real index built in a temporary folder (real models)."""

from __future__ import annotations

import json
import re
import traceback

import pytest
from click.testing import CliRunner

import rag.config
from rag.text import fold_spaces
from rag.cli import main

ANSWER_KEYS = {"question", "intent", "answer", "abstained", "verdict", "speaker", "speakers",
               "confidence", "quotes", "citations"}
STATS_KEYS = ["documents", "paragraphs", "quotes", "speakers", "vectors"]
ZELENSKYY_QUESTION = 'Who said "Moscow has dragged another nation into this war"?'
ZELENSKYY_WORDS = "Moscow has dragged another nation into this war"


def run(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args])
    # A clean exit is None or SystemExit; any other exception is a crash, shown with its traceback.
    assert result.exception is None or isinstance(result.exception, SystemExit), "".join(
        traceback.format_exception(*result.exc_info))
    return result


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    binary = folder / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    latin1 = folder / "latin1.txt"
    latin1.write_bytes("Le ministre a d\u00e9clar\u00e9 \u00ab\u00a0\u00e7a suffit\u00a0\u00bb.\n".encode("latin-1"))
    missing = folder / "missing.txt"
    return {"empty": empty, "binary": binary, "latin1": latin1, "missing": missing}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, bad_inputs):
    """`whosaid index SAMPLE BAD... --index DIR`, run once: (the click result, the index folder)."""
    sample = rag.config.sample_corpus()
    assert len(sample) == 1 and sample[0].is_file()
    index_dir = tmp_path_factory.mktemp("cli") / "ix"
    result = run("index", *sample, *bad_inputs.values(), "--index", index_dir)
    return result, index_dir


def test_index_reports_each_bad_input_and_exits_1(indexed, bad_inputs):
    result, _ = indexed
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad_inputs), result.stderr
    for path in bad_inputs.values():
        assert any(line.startswith(f"error: {path}: ") and len(line) > len(f"error: {path}: ") + 3
                   for line in errors), (path, result.stderr)
    assert "kursk-north-koreans" not in result.stderr  # the good file is not reported as failed
    assert "1 added" in result.stdout


def test_good_file_still_indexed(indexed):
    _, index_dir = indexed
    counts = json.loads(run("stats", "--index", index_dir, "--json").stdout)
    assert list(counts) == STATS_KEYS
    assert counts["documents"] == 1
    assert counts["paragraphs"] > 10
    assert counts["quotes"] >= 2
    assert counts["speakers"] >= 2
    assert counts["vectors"] > 0


def test_stats_text(indexed):
    _, index_dir = indexed
    result = run("stats", "--index", index_dir)
    assert result.exit_code == 0
    assert "documents: 1" in result.stdout.splitlines()
    for key in STATS_KEYS:
        assert re.search(rf"^{key}: \d+$", result.stdout, re.M), result.stdout


def test_reindex_unchanged_file_exits_0(indexed):
    _, index_dir = indexed
    result = run("index", *rag.config.sample_corpus(), "--index", index_dir)
    assert result.exit_code == 0, result.output
    assert "error:" not in result.stderr
    assert "0 added" in result.stdout and "1 unchanged" in result.stdout
    assert json.loads(run("stats", "--index", index_dir, "--json").stdout)["documents"] == 1


def test_ask_json_has_exactly_the_answer_keys(indexed):
    _, index_dir = indexed
    result = run("ask", ZELENSKYY_QUESTION, "--index", index_dir, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert set(answer) == ANSWER_KEYS
    assert answer["question"] == ZELENSKYY_QUESTION
    assert answer["abstained"] is False
    assert "Zelenskyy" in (answer["speaker"] or "")
    assert "Zelenskyy" in answer["answer"]
    assert any(ZELENSKYY_WORDS in fold_spaces(c["text"]) for c in answer["citations"]), answer["citations"]
    assert {"n", "doc_id", "title", "paragraph", "text", "start", "end"} == set(answer["citations"][0])


def test_ask_prints_answer_then_citations(indexed):
    _, index_dir = indexed
    result = run("ask", ZELENSKYY_QUESTION, "--index", index_dir)
    assert result.exit_code == 0, result.output
    assert "Zelenskyy" in result.stdout.split("\n[1] ")[0]  # the answer comes before the citations
    assert re.search(rf"^\[1\] .+, paragraph \d+: .*{ZELENSKYY_WORDS}", result.stdout, re.M), result.stdout


def test_quotes_for_one_speaker(indexed):
    _, index_dir = indexed
    everyone = json.loads(run("quotes", "--index", index_dir, "--json").stdout)
    brovdi = json.loads(run("quotes", "--speaker", "Brovdi", "--index", index_dir, "--json").stdout)
    assert brovdi, "no quotes for Brovdi"
    assert all("Brovdi" in (q["speaker"] or "") for q in brovdi)
    # the seed has non-breaking spaces inside phrases: compare with white space folded
    assert any("cycle of poorly executed assaults" in fold_spaces(q["text"]) for q in brovdi), brovdi
    assert any("Zelenskyy" in (q["speaker"] or "") for q in everyone)  # the filter really filters
    assert len(brovdi) < len(everyone)
    for q in brovdi:
        assert {"doc_id", "paragraph", "text", "kind", "speaker", "cue"} <= set(q)


def test_quotes_text_listing(indexed):
    _, index_dir = indexed
    result = run("quotes", "--speaker", "Brovdi", "--index", index_dir)
    assert result.exit_code == 0
    assert "Zelenskyy" not in result.stdout
    assert re.search(r"^\S.*Brovdi \((direct|indirect|mixed)(, cue: [^)]+)?\) \S+#\d+$", result.stdout, re.M), result.stdout
    assert "cycle of poorly executed assaults" in fold_spaces(result.stdout)


def test_typed_error_is_a_message_not_a_traceback(tmp_path):
    missing = tmp_path / "no-index-here"
    result = run("stats", "--index", missing, "--json")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert str(missing) in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_empty_question_is_a_typed_error(indexed):
    _, index_dir = indexed
    result = run("ask", "   ", "--index", index_dir)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


def test_index_with_a_model_path_and_a_mismatch_is_refused(tmp_path):
    from rag.embed import model_location

    path = model_location(rag.config.DEFAULT_MODEL_NAME)  # the bundled model, named by its folder
    sample = rag.config.sample_corpus()[0]
    first = run("index", sample, "--index", tmp_path / "ix", "--model", path)
    assert first.exit_code == 0, first.output
    manifest = json.loads((tmp_path / "ix" / "manifest.json").read_text())
    assert manifest["model"] == path and manifest["dim"] == 384
    again = run("index", sample, "--index", tmp_path / "ix", "--model", "another/model")
    assert again.exit_code == 1
    assert "another/model" in again.stderr and "Traceback" not in again.output


def _as_format_1(folder):
    """Turns a current index into what whosaid wrote before format 2 (no speaker_as_written)."""
    import sqlite3

    conn = sqlite3.connect(folder / "whosaid.sqlite")
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_as_written")
    conn.commit()
    conn.close()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "manifest.json").write_text(json.dumps({**manifest, "version": 1}), encoding="utf-8")


def test_an_old_index_is_refused_then_upgraded_from_its_stored_documents(tmp_path):
    folder = tmp_path / "ix"
    run("index", *rag.config.sample_corpus(), "--index", folder)
    before = json.loads(run("stats", "--index", folder, "--json").stdout)
    quotes_before = json.loads(run("quotes", "--index", folder, "--json").stdout)
    _as_format_1(folder)
    refused = run("ask", ZELENSKYY_QUESTION, "--index", folder)
    assert refused.exit_code == 1 and f"whosaid upgrade --index {folder}" in refused.stderr

    upgraded = run("upgrade", "--index", folder)
    assert upgraded.exit_code == 0 and "from format 1" in upgraded.stdout
    assert (tmp_path / "ix.v1" / "manifest.json").exists()  # the old index is kept, not lost
    assert json.loads(run("stats", "--index", folder, "--json").stdout) == before
    # Same documents under the same ids, so the same quotes in the same places.
    assert json.loads(run("quotes", "--index", folder, "--json").stdout) == quotes_before
    answer = json.loads(run("ask", ZELENSKYY_QUESTION, "--index", folder, "--json").stdout)
    assert answer["speaker"] == "Volodymyr Zelenskyy"
    assert "already in the current format" in run("upgrade", "--index", folder).stdout
