import numpy as np
import pytest

from evals.calibrate import ece, fit_platt
from rag.answer import CALIBRATION, raw_score


def test_ece_is_zero_when_confidence_matches_accuracy_and_large_when_not():
    probs = np.array([0.8] * 10)
    assert ece(probs, np.array([1] * 8 + [0] * 2)) == pytest.approx(0.0)
    assert ece(probs, np.array([0] * 10)) == pytest.approx(0.8)


def test_platt_fit_orders_scores_and_matches_base_rates():
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 1, 4000)
    correct = rng.uniform(0, 1, 4000) < scores  # P(correct) = score
    a, b = fit_platt(scores, correct)
    probs = 1 / (1 + np.exp(-(a * scores + b)))
    assert a > 0
    assert ece(probs, correct) < 0.05


def test_raw_score_inverts_the_confidence_map():
    a, b = CALIBRATION
    for raw in (0.2, 0.5, 0.9):
        conf = 1 / (1 + np.exp(-(a * raw + b)))
        assert raw_score(float(conf)) == pytest.approx(raw, abs=1e-6)
    assert np.isnan(raw_score(0.0))


def test_a_threshold_one_question_better_is_a_tie_broken_by_abstention_f1():
    from evals.calibrate import choose_threshold

    sweep = [{"threshold": 0.5, "accuracy": 0.7581, "abstention_f1": 0.843},
             {"threshold": 0.55, "accuracy": 0.7597, "abstention_f1": 0.8408},
             {"threshold": 0.6, "accuracy": 0.70, "abstention_f1": 0.9}]
    assert choose_threshold(sweep)["threshold"] == 0.5
    sweep[0]["accuracy"] = 0.70
    assert choose_threshold(sweep)["threshold"] == 0.55
