"""Training data for the cue judge: candidates labelled against gold spans, and the split guard."""

from __future__ import annotations

from click.testing import CliRunner

from evals.corpora.records import GoldDocument
from evals.train_cues import command, labelled_candidates
from rag.quotes import load_nlp

TEXT = "Rubio wants to emerge as the candidate of mainstream Republicans. The bus carried the delegates to Des Moines."


def test_a_candidate_matching_the_gold_cue_and_content_is_positive_and_exact(gold_attribution):
    gold = GoldDocument(doc_id="d", text=TEXT, title=None,
                        attributions=(gold_attribution(TEXT, "to emerge as the candidate of mainstream Republicans", "wants",
                                                         "Rubio", "other"),))
    rows = labelled_candidates([gold], load_nlp())
    positives = [r for r in rows if r[2]]
    assert positives and all("lem=want" in r[1] for r in positives)
    assert any(r[3] for r in positives)
    # "carried the delegates" proposes a reading too; no gold attribution covers it.
    assert any("lem=carry" in r[1] and r[2] == 0 for r in rows)


def test_training_refuses_a_held_out_split(tmp_path):
    result = CliRunner().invoke(command, ["--data", str(tmp_path), "--split", "dev", "--out", str(tmp_path / "m.json")])
    assert result.exit_code != 0
    assert "held out" in result.output


def test_a_reading_that_only_overlaps_the_gold_yields_to_the_exact_one():
    from evals.train_cues import prefer_exact

    full = ["d", ("pat=ccomp",), 1, 0]
    cut = ["d", ("pat=ccomp_cut",), 1, 1]
    assert [r[2] for r in prefer_exact([full, cut])] == [0, 1]
    # With no exact reading, every overlapping one stays positive.
    assert [r[2] for r in prefer_exact([["d", (), 1, 0], ["d", (), 1, 0]])] == [1, 1]
