"""`python -m evals qa`: the seed set end to end on the real library, and the command's behaviour
(input errors, report, retrieval modes, baseline) on a stand-in index."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from evals import qa
from evals.__main__ import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_QA = SHARED / "eval" / "seed_qa.jsonl"


def run(*args: str):
    return CliRunner().invoke(main, ["qa", *args], catch_exceptions=False)


# --------------------------------------------------------------------------- end to end (required)


@pytest.mark.skipif(not SEED_QA.exists(), reason="shared eval folder not present")
def test_seed_questions_all_correct_on_sample_corpus(tmp_path):
    """Acceptance: a fresh index of the sample corpus answers all 15 seed questions correctly."""
    from rag.config import sample_corpus

    out = tmp_path / "seed.json"
    result = run(str(SEED_QA), "--docs", *[str(p) for p in sample_corpus()], "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = report["systems"]["hybrid"]["questions"]
    assert len(rows) == 15
    failures = [
        f"{r['id']} {r['question']!r}: failed {r['failed']} {r['why']}; got speaker="
        f"{(r['answer'] or {}).get('speaker')!r} verdict={(r['answer'] or {}).get('verdict')!r} "
        f"abstained={(r['answer'] or {}).get('abstained')!r}"
        for r in rows if not r["correct"]
    ]
    assert not failures, "seed questions failed:\n" + "\n".join(failures)
    summary = report["summary"]["hybrid"]
    assert summary["accuracy"] == 1.0
    assert summary["recall_at_5"]["value"] == 1.0
    assert report["index"]["source"] == "docs" and report["date"]


# --------------------------------------------------------------------------- a stand-in index


PARAS = [
    "\u201cWe will win,\u201d said Anna Berg on Monday.",
    "The weather was fine and nobody spoke.",
    "Tom Lind said the bridge would open in May.",
]


def para(i: int):
    return SimpleNamespace(doc_id="doc", ordinal=i, text=PARAS[i])


class FakeAnswer:
    def __init__(self, d):
        self.d = d

    def to_dict(self):
        return self.d


class FakeIndex:
    """Answers `Who said "We will win"?` right and everything else wrong."""

    def __init__(self):
        self.asked: list[tuple[str, str]] = []
        self.closed = False

    def ask(self, question, retrieval="hybrid"):
        self.asked.append((question, retrieval))
        right = "We will win" in question
        cites = [{"n": 1, "doc_id": "doc", "title": None, "paragraph": 0 if right else 1,
                  "text": PARAS[0] if right else PARAS[1], "start": None, "end": None}]
        return FakeAnswer({
            "question": question, "intent": "who_said", "answer": "Anna Berg [1]",
            "abstained": False, "verdict": None, "speaker": "Anna Berg" if right else "Nobody",
            "speakers": ["Anna Berg"], "confidence": 0.9,
            "quotes": [{"speaker": "Anna Berg", "text": "We will win", "kind": "direct",
                        "cue": "said", "citation": 1}],
            "citations": cites,
        })

    def search(self, text, k=10, retrieval="hybrid"):
        order = [0, 2, 1] if "win" in text else [1, 2, 0]
        return [SimpleNamespace(paragraph=para(i), title=None, score=1.0, quote=None)
                for i in order][:k]

    def stats(self):
        return {"documents": 1, "paragraphs": 3, "quotes": 2, "speakers": 2, "vectors": 3}

    def close(self):
        self.closed = True


@pytest.fixture
def fake_index(monkeypatch):
    ix = FakeIndex()
    monkeypatch.setattr(qa, "_open", lambda index_dir, docs, tmp: (ix, {"source": "fake"}))
    return ix


def write_qa(path: Path, questions: list[dict]) -> Path:
    path.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    return path


QUESTIONS = [
    {"id": "q1", "question": 'Who said "We will win"?', "intent": "who_said",
     "intent_detail": "who_said_verbatim", "speaker": ["Anna Berg", "Berg"],
     "evidence": ["We will win"]},
    {"id": "q2", "question": "Who said the bridge would open in May?", "intent": "who_said",
     "intent_detail": "who_said_misremembered", "speaker": ["Tom Lind", "Lind"],
     "evidence": ["the bridge would open in May"]},
]


def test_report_json_and_exit_code_zero_with_failures(tmp_path, fake_index):
    qa_file = write_qa(tmp_path / "mini_qa.jsonl", QUESTIONS)
    out = tmp_path / "r.json"
    result = run(str(qa_file), "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["set"] == "mini" and report["date"] and "commit" in report["git"]
    rows = {r["id"]: r for r in report["systems"]["hybrid"]["questions"]}
    assert rows["q1"]["correct"] and rows["q1"]["failed"] == []
    assert not rows["q2"]["correct"]
    assert set(rows["q2"]["failed"]) == {"speaker", "evidence", "fidelity"}
    assert rows["q2"]["answer"]["speaker"] == "Nobody"
    assert rows["q1"]["recall_at_5"] is True and rows["q2"]["recall_at_5"] is True
    # grouped by intent_detail
    groups = report["systems"]["hybrid"]["by_group"]
    assert set(groups) == {"who_said_verbatim", "who_said_misremembered"}
    assert report["summary"]["hybrid"]["accuracy"] == 0.5
    assert "who_said_misremembered" in result.output and "overall" in result.output
    assert "q2" in result.output  # failures are listed
    assert fake_index.closed


def test_retrieval_all_runs_three_modes(tmp_path, fake_index):
    qa_file = write_qa(tmp_path / "mini.jsonl", QUESTIONS[:1])
    out = tmp_path / "r.json"
    assert run(str(qa_file), "--retrieval", "all", "--out", str(out)).exit_code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert list(report["systems"]) == ["hybrid", "dense", "keyword"]
    assert {m for _, m in fake_index.asked} == {"dense", "hybrid", "keyword"}


def test_bad_json_line_names_file_and_line(tmp_path, fake_index):
    qa_file = tmp_path / "broken.jsonl"
    qa_file.write_text(json.dumps(QUESTIONS[0]) + "\n{not json\n", encoding="utf-8")
    result = run(str(qa_file), "--out", str(tmp_path / "r.json"))
    assert result.exit_code != 0
    assert "broken.jsonl" in result.output and "line 2" in result.output
    assert not (tmp_path / "r.json").exists()


def test_invalid_question_names_line(tmp_path, fake_index):
    qa_file = write_qa(tmp_path / "bad.jsonl", [QUESTIONS[0], {"id": "x", "question": "q",
                                                               "intent": "gossip"}])
    result = run(str(qa_file))
    assert result.exit_code != 0 and "line 2" in result.output and "gossip" in result.output


def test_duplicate_ids_rejected(tmp_path, fake_index):
    qa_file = write_qa(tmp_path / "dup.jsonl", [QUESTIONS[0], QUESTIONS[0]])
    result = run(str(qa_file))
    assert result.exit_code != 0 and "already used on line 1" in result.output


def test_missing_files_are_errors(tmp_path, fake_index):
    assert run(str(tmp_path / "nope.jsonl")).exit_code != 0
    qa_file = write_qa(tmp_path / "ok.jsonl", QUESTIONS)
    result = run(str(qa_file), "--docs", str(tmp_path / "missing.txt"))
    assert result.exit_code != 0 and "missing.txt" in result.output
    result = run(str(qa_file), "--index", str(tmp_path), "--docs", str(qa_file))
    assert result.exit_code != 0 and "not both" in result.output


def test_docs_list_resolves_relative_paths(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    listing = tmp_path / "set.docs.txt"
    listing.write_text("# the docs\na.txt\n\n/abs/b.txt\n", encoding="utf-8")
    assert qa.read_docs_list(listing) == [tmp_path / "a.txt", Path("/abs/b.txt")]


def test_several_docs_after_one_flag(tmp_path, monkeypatch):
    seen = {}

    def fake_open(index_dir, docs, tmp):
        seen["docs"] = docs
        return FakeIndex(), {"source": "fake"}

    monkeypatch.setattr(qa, "_open", fake_open)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text("text", encoding="utf-8")
    qa_file = write_qa(tmp_path / "q.jsonl", QUESTIONS[:1])
    result = run(str(qa_file), "--docs", str(a), str(b), "--out", str(tmp_path / "r.json"))
    assert result.exit_code == 0, result.output
    assert seen["docs"] == [a, b]


def test_query_text_uses_the_quoted_fragment():
    assert qa.query_text('Who said "We will win"?') == "We will win"
    assert qa.query_text("Who asked \u201cIf this is not escalation, then what is?\u201d") == \
        "If this is not escalation, then what is?"
    assert qa.query_text("What did Brovdi say?") == "What did Brovdi say?"


def test_set_name():
    assert qa.set_name(Path("x/seed_qa.jsonl")) == "seed"
    assert qa.set_name(Path("polnear-dev.jsonl")) == "polnear-dev"


def test_baseline_answers_nearest_person(tmp_path, fake_index):
    base = qa.NerBaseline(fake_index)
    a = base.ask(QUESTIONS[0])
    assert a["speaker"] == "Anna Berg" and not a["abstained"]
    assert a["citations"][0]["text"] == PARAS[0] and a["quotes"] == []
    d = base.ask({"id": "d", "question": 'Did Tom Lind say "We will win"?', "intent": "did_say"})
    assert d["verdict"] == "no"
    qa_file = write_qa(tmp_path / "mini.jsonl", QUESTIONS)
    out = tmp_path / "r.json"
    assert run(str(qa_file), "--baseline", "--out", str(out)).exit_code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert list(report["systems"]) == ["hybrid", "baseline"]
