"""`python -m evals calibrate`: choose the abstention threshold and fit the confidence map.

    python -m evals calibrate /tmp/qa/polnear-train-tune.jsonl /tmp/qa/pdnc-tune.jsonl

Run it on tuning question sets only (never on a set you report as held out). For each set an
index of its documents (`FILE.docs.txt` beside it) is built once; every question is asked at
each candidate threshold and scored by the shared rules. Each threshold is charged a cost per
question: a wrong answer (a wrong speaker, or words given to someone for a quote nobody in the index
said) costs WRONG_ANSWER_COST, a wrong abstention costs 1. The product promises never to put words in
anyone's mouth, so a wrong answer is the worse error. The cheapest threshold wins; costs within
TIE of the cheapest count as ties (one question in a few hundred is noise), and a tie goes to the
higher, more cautious threshold. Then, at that threshold, a logistic map from the
answer's raw score to P(correct) is fitted on the answered questions (Platt scaling) and its
reliability (expected calibration error, ECE) is printed before and after.
The chosen values are to be copied into `rag/answer.py` (SUPPORT_THRESHOLD, CALIBRATION).
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import click
import numpy as np

from .common import RESULTS_DIR, git_commit
from .qa.questions import read_docs_list, read_questions
from .scoring import score

TIE = 0.005  # mean costs this close to the cheapest are ties
#: A wrong answer puts words in someone's mouth; a wrong abstention only fails to find them.
WRONG_ANSWER_COST = 2.0

THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def choose_threshold(sweep: list[dict]) -> dict:
    """The sweep row with the lowest mean cost; among ties (within TIE), the highest threshold."""
    low = min(s["cost"] for s in sweep)
    return max((s for s in sweep if s["cost"] <= low + TIE), key=lambda s: s["threshold"])


def mean_cost(rows: list[dict]) -> float:
    """Mean cost per question: WRONG_ANSWER_COST per wrong answer, 1 per wrong abstention."""
    wrong_answers = sum(1 for r in rows if not r["correct"] and not r["abstained"])
    wrong_abstentions = sum(1 for r in rows if not r["correct"] and r["abstained"])
    return (WRONG_ANSWER_COST * wrong_answers + wrong_abstentions) / len(rows)


def ece(probs: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: |accuracy - mean confidence| weighted over equal-width bins."""
    if len(probs) == 0:
        return float("nan")
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (probs >= lo) & ((probs < hi) if hi < 1 else (probs <= hi))
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - probs[mask].mean())
    return float(total / len(probs))


def fit_platt(scores: np.ndarray, correct: np.ndarray, steps: int = 5000, lr: float = 0.5
              ) -> tuple[float, float]:
    """Logistic regression of correctness on one score, by gradient descent (no extra deps)."""
    a, b = 1.0, 0.0
    y = correct.astype(float)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a * scores + b)))
        grad_a = float(((p - y) * scores).mean())
        grad_b = float((p - y).mean())
        a -= lr * grad_a * 4
        b -= lr * grad_b * 4
    return round(a, 3), round(b, 3)


def _abstention_f1(rows: list[dict]) -> float:
    tp = sum(1 for r in rows if r["abstained"] and r["should_abstain"])
    fp = sum(1 for r in rows if r["abstained"] and not r["should_abstain"])
    fn = sum(1 for r in rows if not r["abstained"] and r["should_abstain"])
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@click.command()
@click.argument("qa_files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="JSON results [default: evals/results/calibration.json].")
def command(qa_files: tuple[Path, ...], out: Path | None) -> None:
    """Sweep the abstention threshold and fit the confidence map on tuning QA sets."""
    import rag
    from rag.answer import raw_score

    rows: dict[float, list[dict]] = {t: [] for t in THRESHOLDS}
    with tempfile.TemporaryDirectory() as tmp:
        for n, qa_file in enumerate(qa_files):
            questions = read_questions(qa_file)
            docs = read_docs_list(qa_file.with_suffix(".docs.txt"))
            ix = rag.open_index(Path(tmp) / f"ix{n}", create=True)
            ix.add(docs)
            for q in questions:
                for t in THRESHOLDS:
                    answer = ix.ask(q["question"], threshold=t).to_dict()
                    rows[t].append({"correct": score(q, answer).correct,
                                    "abstained": answer["abstained"],
                                    "should_abstain": bool(q.get("abstain")),
                                    "raw": raw_score(answer["confidence"])})
            ix.close()
    sweep = []
    for t in THRESHOLDS:
        acc = sum(r["correct"] for r in rows[t]) / len(rows[t])
        sweep.append({"threshold": t, "cost": round(mean_cost(rows[t]), 4), "accuracy": round(acc, 4),
                      "abstention_f1": round(_abstention_f1(rows[t]), 4)})
        click.echo(f"threshold {t:.2f}: cost {sweep[-1]['cost']:.3f}  accuracy {acc:.3f}  "
                   f"abstention F1 {sweep[-1]['abstention_f1']:.3f}")
    best = choose_threshold(sweep)
    answered = [r for r in rows[best["threshold"]] if not r["abstained"] and math.isfinite(r["raw"])]
    scores = np.array([r["raw"] for r in answered])
    correct = np.array([r["correct"] for r in answered])
    a, b = fit_platt(scores, correct)
    before = ece(np.clip(scores, 0, 1), correct)  # the raw score read as a probability
    after = ece(1 / (1 + np.exp(-(a * scores + b))), correct)
    click.echo(f"chosen threshold {best['threshold']} (cost {best['cost']:.3f}, accuracy {best['accuracy']:.3f}); "
               f"confidence map a={a}, b={b}; ECE on the tuning answers {before:.3f} -> {after:.3f}")
    result = {"qa_files": [str(p) for p in qa_files], "n_questions": len(rows[THRESHOLDS[0]]),
              "wrong_answer_cost": WRONG_ANSWER_COST, "sweep": sweep, "chosen_threshold": best["threshold"],
              "calibration": {"a": a, "b": b, "n_answered": len(answered),
                              "ece_uncalibrated": round(before, 4), "ece_calibrated": round(after, 4)},
              **git_commit()}
    out = out or RESULTS_DIR / "calibration.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    click.echo(f"wrote {out}")
