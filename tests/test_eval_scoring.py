"""The scoring rules of ../shared/eval/README.md, on hand-written answer dicts."""

from __future__ import annotations

import pytest

from evals import scoring

ZEL = ["Volodymyr Zelenskyy", "Zelenskyy"]
PARA_ZEL = ("\u201cMoscow has dragged another nation into this war and to\u00a0the fullest extent "
            "possible,\u201d Ukrainian President Volodymyr Zelenskyy said on\u00a0December 14.")
PARA_OTHER = "Brovdi said the cycle of poorly executed assaults played out repeatedly."


def cit(n: int, text: str, paragraph: int = 0) -> dict:
    return {"n": n, "doc_id": "d", "title": None, "paragraph": paragraph, "text": text,
            "start": None, "end": None}


def answer(**kw) -> dict:
    base = {"question": "q", "intent": "who_said", "answer": "", "abstained": False,
            "verdict": None, "speaker": None, "speakers": [], "confidence": 0.5, "quotes": [],
            "citations": []}
    base.update(kw)
    return base


def who_said(**kw) -> dict:
    q = {"id": "t", "question": 'Who said "Moscow has dragged another nation into this war"?',
         "intent": "who_said", "speaker": ZEL,
         "evidence": ["Moscow has dragged another nation into this war"]}
    q.update(kw)
    return q


def good_answer(**kw) -> dict:
    a = answer(speaker="Volodymyr Zelenskyy", speakers=["Volodymyr Zelenskyy"],
               answer="Volodymyr Zelenskyy said it [1]",
               quotes=[{"speaker": "Volodymyr Zelenskyy", "kind": "direct", "cue": "said",
                        "text": "Moscow has dragged another nation into this war", "citation": 1}],
               citations=[cit(1, PARA_ZEL)])
    a.update(kw)
    return a


# --------------------------------------------------------------------------- normalisation


def test_norm_folds_quotes_spaces_case():
    assert scoring.norm("\u201cIf\u00a0this is\u00a0not escalation\u201d") == '"if this is not escalation"'
    assert scoring.norm("  Don\u2019t \t\n  STOP ") == "don't stop"
    assert scoring.norm("\ufb01ne") == "fine"  # NFKC: the "fi" ligature
    assert scoring.norm(None) == ""


def test_curly_and_nbsp_evidence_matches_straight():
    q = who_said(evidence=['"Moscow has dragged another nation into this war and to the fullest'])
    s = scoring.score(q, good_answer())
    assert s.checks["evidence"] is True


def test_speaker_match_is_normalised():
    assert scoring.score(who_said(), good_answer(speaker="  volodymyr\u00a0ZELENSKYY ")).checks[
        "speaker"] is True
    # an accepted short form
    assert scoring.score(who_said(), good_answer(speaker="Zelenskyy")).checks["speaker"] is True


# --------------------------------------------------------------------------- each check


def test_correct_answer_passes_every_check():
    s = scoring.score(who_said(), good_answer())
    assert s.correct
    assert set(s.checks) == {"speaker", "evidence", "abstain", "fidelity"}
    assert s.failed == []


def test_wrong_speaker_fails():
    s = scoring.score(who_said(), good_answer(speaker="Vladimir Putin"))
    assert s.failed == ["speaker"]
    assert "Vladimir Putin" in s.to_dict()["why"]["speaker"]


def test_missing_speaker_fails():
    assert scoring.score(who_said(), good_answer(speaker=None)).failed == ["speaker"]


def test_top_speaker_is_the_speaker_field_not_the_list():
    a = good_answer(speaker="Robert Brovdi", speakers=["Robert Brovdi", "Volodymyr Zelenskyy"])
    assert "speaker" in scoring.score(who_said(), a).failed


def test_evidence_only_in_second_citation_fails_for_who_said():
    a = good_answer(citations=[cit(1, PARA_OTHER), cit(2, PARA_ZEL)],
                    quotes=[{"speaker": "Volodymyr Zelenskyy", "kind": "direct", "cue": None,
                             "text": "Moscow has dragged", "citation": 2}])
    s = scoring.score(who_said(), a)
    assert s.failed == ["evidence"]
    assert "[2]" in s.details["evidence"]


def test_evidence_only_in_second_citation_fails_for_did_say():
    q = who_said(intent="did_say", verdict="yes")
    a = good_answer(verdict="yes", citations=[cit(1, PARA_OTHER), cit(2, PARA_ZEL)], quotes=[])
    assert scoring.score(q, a).failed == ["evidence"]


def test_evidence_in_any_citation_counts_for_what_said():
    q = who_said(intent="what_said", question="What did Zelenskyy say?")
    a = good_answer(citations=[cit(1, PARA_OTHER), cit(2, PARA_ZEL)], quotes=[])
    assert scoring.score(q, a).checks["evidence"] is True


def test_first_citation_is_lowest_n_not_list_order():
    a = good_answer(citations=[cit(2, PARA_OTHER), cit(1, PARA_ZEL)])
    assert scoring.score(who_said(), a).checks["evidence"] is True


def test_more_than_five_citations_fails_evidence():
    cits = [cit(1, PARA_ZEL)] + [cit(n, PARA_OTHER, n) for n in range(2, 7)]
    q = who_said(intent="what_said")
    assert scoring.score(q, good_answer(citations=cits)).checks["evidence"] is False
    assert scoring.score(q, good_answer(citations=cits[:5])).checks["evidence"] is True


def test_no_citations_fails_evidence():
    assert "evidence" in scoring.score(who_said(), good_answer(citations=[], quotes=[])).failed


def test_empty_evidence_means_no_evidence_check():
    s = scoring.score(who_said(evidence=[]), good_answer(citations=[], quotes=[]))
    assert "evidence" not in s.checks and s.correct


def test_verdict():
    q = who_said(intent="did_say", verdict="no")
    assert scoring.score(q, good_answer(verdict="no")).checks["verdict"] is True
    assert scoring.score(q, good_answer(verdict="yes")).failed == ["verdict"]
    assert scoring.score(q, good_answer(verdict=None)).failed == ["verdict"]
    assert "verdict" not in scoring.score(who_said(), good_answer(verdict="yes")).checks


def test_abstain_expected_with_null_speaker():
    q = {"id": "t", "question": 'Who said "we will all be home by Christmas"?', "intent": "who_said",
         "abstain": True, "speaker": None, "evidence": []}
    s = scoring.score(q, answer(abstained=True, answer="Nobody in these documents said that."))
    assert s.correct and set(s.checks) == {"abstain"}
    s = scoring.score(q, good_answer())
    assert s.failed == ["abstain"]


def test_abstain_missing_means_false():
    s = scoring.score(who_said(), good_answer(abstained=True))
    assert "abstain" in s.failed


def test_answer_contains():
    q = who_said(intent="when", answer_contains=["December\u00a014"])
    assert scoring.score(q, good_answer(answer="He said it on December 14 [1].")).checks[
        "answer_contains"] is True
    assert scoring.score(q, good_answer(answer="He said it in December [1].")).failed == [
        "answer_contains"]


def test_fidelity_fails_for_non_verbatim_quote():
    a = good_answer(quotes=[{"speaker": "Volodymyr Zelenskyy", "kind": "direct", "cue": "said",
                             "text": "Moscow dragged another nation into the war",
                             "citation": 1}])
    s = scoring.score(who_said(), a)
    assert s.failed == ["fidelity"]
    assert "not verbatim" in s.details["fidelity"]


def test_fidelity_checks_the_citation_the_quote_points_to():
    # the words are in citation [1], but the quote claims citation [2]
    a = good_answer(citations=[cit(1, PARA_ZEL), cit(2, PARA_OTHER)],
                    quotes=[{"speaker": "Volodymyr Zelenskyy", "kind": "direct", "cue": None,
                             "text": "Moscow has dragged another nation", "citation": 2}])
    assert scoring.score(who_said(), a).failed == ["fidelity"]
    a["quotes"][0]["citation"] = 9  # a citation the answer does not have
    assert scoring.score(who_said(), a).failed == ["fidelity"]


def test_fidelity_normalises_curly_quotes_and_nbsp():
    a = good_answer(quotes=[{"speaker": "Volodymyr Zelenskyy", "kind": "direct", "cue": "said",
                             "text": '"Moscow has dragged another nation into this war and to the '
                                     'fullest extent possible,"',
                             "citation": 1}])
    assert scoring.score(who_said(), a).checks["fidelity"] is True


def test_fidelity_does_not_apply_without_quotes():
    assert "fidelity" not in scoring.score(who_said(), good_answer(quotes=[])).checks


def test_speakers_every_group_named():
    q = {"id": "t", "question": "Who is quoted?", "intent": "speakers", "evidence": [],
         "speakers": [ZEL, ["Robert Brovdi", "Brovdi"], ["Gideon Rachman", "Rachman"]]}
    a = answer(intent="speakers", speakers=["Zelenskyy", "Robert Brovdi", "gideon rachman",
                                             "Ministry of Defense"])
    s = scoring.score(q, a)
    assert s.correct and set(s.checks) == {"speakers", "abstain"}
    a["speakers"] = ["Zelenskyy", "Robert Brovdi"]
    s = scoring.score(q, a)
    assert s.failed == ["speakers"] and "Gideon Rachman" in s.details["speakers"]


def test_only_applicable_checks_count():
    q = {"id": "t", "question": "Who is quoted?", "intent": "speakers", "speaker": None,
         "evidence": [], "speakers": [["A"]]}
    s = scoring.score(q, answer(speakers=["A"], speaker="Someone else"))
    assert s.correct and "speaker" not in s.checks and "evidence" not in s.checks


# --------------------------------------------------------------------------- validation, summary


@pytest.mark.parametrize("bad, problem", [
    ({"question": "q", "intent": "who_said"}, "'id'"),
    ({"id": "a", "question": "q", "intent": "why"}, "unknown intent"),
    ({"id": "a", "question": "q", "intent": "who_said", "speaker": "X"}, "'speaker'"),
    ({"id": "a", "question": "q", "intent": "did_say", "verdict": "maybe"}, "'verdict'"),
    ({"id": "a", "question": "q", "intent": "who_said", "abstain": "yes"}, "'abstain'"),
    ([1, 2], "JSON object"),
])
def test_validate_question(bad, problem):
    assert any(problem in p for p in scoring.validate_question(bad))


def test_validate_seed_questions_are_well_formed():
    import json
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "seed_qa.jsonl"
    if not seed.exists():
        pytest.skip("shared eval folder not present")
    for line in seed.read_text(encoding="utf-8").splitlines():
        assert scoring.validate_question(json.loads(line)) == []


def test_percentile():
    assert scoring.percentile([], 50) is None
    assert scoring.percentile([5.0], 95) == 5.0
    assert scoring.percentile([1, 2, 3, 4], 50) == 2.5
    assert scoring.percentile(list(range(1, 101)), 95) == pytest.approx(95.05)


def test_summarize_rates_and_abstention():
    abst_q = {"id": "a", "question": "q", "intent": "who_said", "abstain": True, "speaker": None}
    rows = []
    for q, a in [(who_said(), good_answer()),
                 (who_said(), good_answer(speaker="X")),
                 (abst_q, answer(abstained=True)),
                 (who_said(), answer(abstained=True))]:
        s = scoring.score(q, a)
        rows.append({"question": q, "answer": a, "checks": s.checks, "correct": s.correct,
                     "latency_ms": 10.0, "recall_at_5": None if q is abst_q else True})
    out = scoring.summarize(rows)
    assert out["n"] == 4 and out["correct"] == 2 and out["accuracy"] == 0.5
    assert out["speaker_at_1"] == {"value": pytest.approx(1 / 3, abs=1e-4), "n": 3}
    assert out["abstention_precision"] == {"value": 0.5, "n": 2}
    assert out["abstention_recall"] == {"value": 1.0, "n": 1}
    assert out["recall_at_5"] == {"value": 1.0, "n": 3}
    assert out["fidelity"] == {"value": 1.0, "n": 2}
    assert out["latency_ms"]["p50"] == 10.0


def test_group_key_prefers_intent_detail():
    assert scoring.group_key({"intent": "who_said"}) == "who_said"
    assert scoring.group_key({"intent": "who_said", "intent_detail": "who_said_verbatim"}) == \
        "who_said_verbatim"
