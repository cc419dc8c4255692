"""`python -m evals train-cues`: fit the learned cue judge (``rag/quotes/cue_model.json``) on PolNeAR.

    python -m evals train-cues --data ../shared/data/polnear --split train-tune

Every candidate reading that ``rag.quotes.cues.candidates`` proposes in the split's articles
(parsed exactly as ingest parses them) is labelled positive when a gold attribution has a cue
overlapping the candidate's cue and a content overlapping its content by ratio >= 0.5. A
logistic regression (scikit-learn, L2) is fitted on 80% of the articles and its threshold
picked for F1 on the other 20% (split by a hash of the article id); then the model is refitted
on all of them with that threshold. Only tuning text is read: never ``dev`` or ``train-heldout``.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import click

from .align.spans import norm_spans, overlap_ratio
from .common import git_short_commit
from .corpora import load_gold
from .corpora.records import GoldDocument
from .corpora.splits import tune_part

MODEL_PATH = Path(__file__).resolve().parent.parent / "rag" / "quotes" / "cue_model.json"


def labelled_candidates(docs: list[GoldDocument], nlp) -> list[tuple[str, tuple[str, ...], int, int]]:
    """(doc_id, features, label, exact) for every candidate in `docs`.

    `label`: a gold attribution shares the cue and overlaps the content (ratio >= 0.5);
    `exact`: its content is also the same text, as the attribution eval compares them.
    """
    from rag.ingest.paragraphs import split_paragraphs
    from rag.quotes import parse_text
    from rag.quotes.contents import content_span
    from rag.quotes.cues import parsed_candidates
    from rag.quotes.marks import quoted_spans
    from rag.types import Document

    rows = []
    for gold in docs:
        prose = [p for p in split_paragraphs(Document(doc_id=gold.doc_id, text=gold.text, title=gold.title))
                 if not p.noise]
        parsed = nlp.pipe([parse_text(p.text) for p in prose], batch_size=64)
        for para, sdoc in zip(prose, parsed):
            readings: dict[tuple[int, int], list[list]] = {}  # a verb's readings, by cue
            spans = quoted_spans(sdoc.text)
            golds = [g for g in gold.attributions if g.cue_spans and para.start <= g.start < para.end]
            for cand in parsed_candidates(sdoc):
                if any(s.outer_start <= sdoc[cand.cue[0]].idx < s.outer_end for s in spans):
                    continue
                found = content_span(sdoc, cand.content, spans)
                if found is None:
                    continue
                first, last = sdoc[cand.cue[0]], sdoc[cand.cue[1]]
                cue = ((para.start + first.idx, para.start + last.idx + len(last)),)
                content = ((para.start + found[0], para.start + found[1]),)
                text = norm_spans(gold.text, content)
                label = exact = 0
                for g in golds:
                    if overlap_ratio(cue, g.cue_spans) > 0 and overlap_ratio(content, g.content_spans) >= 0.5:
                        label = 1
                        exact = max(exact, int(text == norm_spans(gold.text, g.content_spans)))
                readings.setdefault(cand.cue, []).append([gold.doc_id, cand.features, label, exact])
            rows += [tuple(row) for group in readings.values() for row in prefer_exact(group)]
    return rows


def prefer_exact(readings: list[list]) -> list[list]:
    """One verb's readings, [doc, features, label, exact] each: when one of them is the gold
    content exactly, a reading that merely overlaps it ("said A and highlighted B" beside
    "said A") is no longer positive, so the judge learns where a content ends."""
    if any(r[3] for r in readings):
        for r in readings:
            if r[2] and not r[3]:
                r[2] = 0
    return readings


def _held(doc_id: str) -> bool:
    return tune_part(doc_id) == "check"


def fit(rows, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in row[1]} for row in rows])
    y = [row[2] for row in rows]
    clf = LogisticRegression(C=c, max_iter=2000, solver="lbfgs", fit_intercept=False)
    clf.fit(x, y)
    return vec, clf


def _weights(vec, clf) -> dict[str, float]:
    # Features seen once or twice end with tiny weights; dropping them keeps the file small.
    return {name: round(float(w), 3) for name, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) >= 0.02}


def _prf(pairs: list[tuple[float, int]], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for p, y in pairs if p >= threshold and y)
    fp = sum(1 for p, y in pairs if p >= threshold and not y)
    fn = sum(1 for p, y in pairs if p < threshold and y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


@click.command("train-cues")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="PolNeAR folder.")
@click.option("--split", default="train-tune", show_default=True, help="Tuning split to learn from.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles.")
@click.option("--c", "c", type=float, default=0.5, show_default=True, help="Inverse L2 strength.")
@click.option("--fit-part-only", is_flag=True,
              help="Refit on the fit part alone, so that `attribution --part check` measures the "
                   "model on articles it never saw.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=MODEL_PATH, show_default=True)
def command(data: Path, split: str, limit: int | None, c: float, fit_part_only: bool, out: Path) -> None:
    """Fit the learned cue judge on a PolNeAR tuning split."""
    if split in ("dev", "test", "train-heldout"):
        raise click.BadParameter(f"{split!r} is held out for reporting; train on train-tune", param_hint="--split")
    from rag.quotes import load_nlp
    from rag.quotes.cues import CueModel

    docs = load_gold("polnear", data, split, limit)
    rows = labelled_candidates(docs, load_nlp())
    train = [r for r in rows if not _held(r[0])]
    val = [r for r in rows if _held(r[0])]
    vec, clf = fit(train, c)
    probs = clf.predict_proba(vec.transform([{f: 1 for f in row[1]} for row in val]))[:, 1]
    pairs = list(zip(probs, [row[2] for row in val]))
    grid = [round(0.2 + 0.05 * i, 2) for i in range(13)]
    scores = {t: _prf(pairs, t) for t in grid}
    threshold = max(grid, key=lambda t: scores[t][2])
    for t in grid:
        p, r, f = scores[t]
        click.echo(f"threshold {t:.2f}: P {100 * p:5.1f} R {100 * r:5.1f} F1 {100 * f:5.1f}")
    weights = _weights(*fit(train if fit_part_only else rows, c))
    model = CueModel(weights=weights, threshold=threshold)
    meta = {
        "trained_on": f"polnear {split}" + (f" (first {limit})" if limit else "")
                      + (" (fit part only)" if fit_part_only else ""),
        "date": _dt.date.today().isoformat(), "commit": git_short_commit(), "c": c,
        "articles": len(docs), "candidates": len(rows), "positives": sum(row[2] for row in rows),
        "exact": sum(row[3] for row in rows),
        "validation": {"articles": len({r[0] for r in val}), "threshold": threshold,
                       "precision": round(scores[threshold][0], 4), "recall": round(scores[threshold][1], 4),
                       "f1": round(scores[threshold][2], 4)},
    }
    out.write_text(json.dumps({**meta, **model.to_json()}, indent=0) + "\n", encoding="utf-8")
    click.echo(f"{len(rows)} candidates, {meta['positives']} positive; threshold {threshold}; "
               f"{len(weights)} weights -> {out}")
