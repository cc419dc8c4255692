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


def test_a_wrong_answer_costs_more_than_a_wrong_abstention():
    from evals.calibrate import mean_cost

    answered_wrong = [{"correct": False, "abstained": False}, {"correct": True, "abstained": False}]
    abstained_wrong = [{"correct": False, "abstained": True}, {"correct": True, "abstained": False}]
    assert mean_cost(answered_wrong) > mean_cost(abstained_wrong) > 0


def test_the_cheapest_threshold_wins_and_a_tie_goes_to_the_more_cautious_one():
    from evals.calibrate import choose_threshold

    sweep = [{"threshold": 0.45, "cost": 0.300}, {"threshold": 0.5, "cost": 0.298},
             {"threshold": 0.55, "cost": 0.302}, {"threshold": 0.6, "cost": 0.33}]
    assert choose_threshold(sweep)["threshold"] == 0.55
    sweep[2]["cost"] = 0.31
    assert choose_threshold(sweep)["threshold"] == 0.5
