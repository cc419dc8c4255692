"""Judging aligned pairs and the attribution metrics: per document, then summarised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..common import rate
from ..corpora.records import GoldAttribution, GoldDocument, Span
from .matching import MATCH_RATIO, align
from .names import CharacterResolver, gold_source_names, source_correct
from .predictions import PredAttribution, merge_pieces
from .spans import norm_content, norm_spans, overlap_ratio, overlaps, trim_spans


@dataclass
class Judgment:
    """What happened to one gold item."""

    gold: GoldAttribution
    pred: PredAttribution | None = None
    ratio: float = 0.0
    exact: bool = False
    matched: bool = False
    cue: bool = False
    cue_strict: bool = False
    source: bool = False
    speaker: bool = False
    predicted_speaker: str | None = None  # PDNC: the character the prediction resolved to


@dataclass
class DocScore:
    doc_id: str
    judgments: list[Judgment] = field(default_factory=list)
    preds: list[PredAttribution] = field(default_factory=list)
    pred_matched: list[bool] = field(default_factory=list)
    pred_aligned: list[bool] = field(default_factory=list)


def _inside(spans: Sequence[Span], n: int) -> bool:
    return bool(spans) and all(0 <= a <= b <= n for a, b in spans)


def score_document(doc: GoldDocument, preds: Sequence[PredAttribution], *, corpus: str) -> DocScore:
    """Align one document's predictions with its gold and judge every gold item.

    `preds` should already be merged (``merge_pieces``) and, for PDNC, filtered to direct speech.
    """
    text = doc.text
    golds = list(doc.attributions)
    g_spans = [trim_spans(text, g.content_spans) for g in golds]
    p_spans = [trim_spans(text, p.content_spans) if _inside(p.content_spans, len(text))
               else tuple(p.content_spans) for p in preds]
    pairs = align(g_spans, p_spans)
    score = DocScore(doc.doc_id, [Judgment(g) for g in golds], list(preds),
                     [False] * len(preds), [False] * len(preds))
    names = gold_source_names(doc) if corpus == "polnear" else {}
    resolver = CharacterResolver(doc.characters) if corpus == "pdnc" else None
    for gi, pi, ratio in pairs:
        j = score.judgments[gi]
        g, p = golds[gi], preds[pi]
        j.pred, j.ratio = p, ratio
        j.exact = norm_spans(text, g_spans[gi]) == (
            norm_spans(text, p_spans[pi]) if _inside(p_spans[pi], len(text)) else norm_content(p.content_text))
        j.matched = ratio >= MATCH_RATIO
        score.pred_aligned[pi] = True
        score.pred_matched[pi] = j.matched
        if resolver is not None:
            who = resolver.resolve(p.speaker) if p.speaker else resolver.resolve(p.mention)
            j.predicted_speaker = who
        if not j.matched:
            continue
        if g.cue_spans and p.cue_spans:
            j.cue = overlaps(g.cue_spans, p.cue_spans)
            j.cue_strict = overlap_ratio(trim_spans(text, g.cue_spans), p.cue_spans) >= MATCH_RATIO
        if corpus == "polnear":
            j.source = source_correct(g, p, names.get(g.gold_id), text)
        elif resolver is not None:
            j.speaker = j.predicted_speaker is not None and j.predicted_speaker == g.speaker
            j.source = j.speaker
    return score


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def summarize(scores: Sequence[DocScore], *, corpus: str) -> dict:
    """Overall metrics and breakdowns from judged documents."""
    js = [j for s in scores for j in s.judgments]
    preds = [p for s in scores for p in s.preds]
    n_gold, n_pred = len(js), len(preds)
    tp_exact = sum(j.exact for j in js)
    tp_overlap = sum(j.matched for j in js)
    out: dict = {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_aligned": sum(j.pred is not None for j in js),
        "n_matched": tp_overlap,
    }
    ex, ov = prf(tp_exact, n_pred, n_gold), prf(tp_overlap, n_pred, n_gold)
    out.update({
        "content_precision_exact": ex["precision"], "content_recall_exact": ex["recall"],
        "content_f1_exact": ex["f1"],
        "content_precision_overlap": ov["precision"], "content_recall_overlap": ov["recall"],
        "content_f1_overlap": ov["f1"],
    })
    if corpus == "polnear":
        n_gold_cue = sum(bool(j.gold.cue_spans) for j in js)
        cue, cue_s = prf(sum(j.cue for j in js), n_pred, n_gold_cue), prf(sum(j.cue_strict for j in js), n_pred, n_gold_cue)
        src = prf(sum(j.source for j in js), n_pred, n_gold)
        out.update({
            "cue_precision": cue["precision"], "cue_recall": cue["recall"], "cue_f1": cue["f1"],
            "cue_f1_strict": cue_s["f1"],
            "source_precision": src["precision"], "source_recall": src["recall"], "source_f1": src["f1"],
            "source_accuracy_matched": rate(sum(j.source for j in js), tp_overlap),
            "speaker_accuracy": None, "coverage": rate(tp_overlap, n_gold),
        })
        out["by_kind"] = _breakdown(
            js, preds, lambda g: g.kind, lambda p: p.kind, ("direct", "indirect", "mixed"))
        out["by_cue_class"] = _breakdown(
            js, preds, lambda g: _cue_group(g.cue_class), lambda p: _cue_group(p.cue_class),
            ("speech", "belief_perception", "other"))
    else:
        correct = sum(j.speaker for j in js)
        spk = prf(correct, n_pred, n_gold)
        out.update({
            "cue_precision": None, "cue_recall": None, "cue_f1": None, "cue_f1_strict": None,
            "source_precision": spk["precision"], "source_recall": spk["recall"], "source_f1": spk["f1"],
            "source_accuracy_matched": rate(correct, tp_overlap),
            "speaker_accuracy": rate(correct, n_gold) if n_gold else 0.0,
            "speaker_accuracy_covered": rate(correct, tp_overlap),
            "coverage": rate(tp_overlap, n_gold),
            "coverage_any_overlap": rate(sum(j.pred is not None for j in js), n_gold),
        })
        out["by_quote_type"] = _breakdown(
            js, preds, lambda g: g.kind, None, ("Explicit", "Anaphoric", "Implicit", "Unknown"))
    return out


def _cue_group(cls: str | None) -> str:
    if cls in ("belief", "perception"):
        return "belief_perception"
    return cls or "other"


def _breakdown(js, preds, gold_label, pred_label, labels) -> dict:
    """Per label: recall-side metrics from gold labels; precision when predictions have labels."""
    out = {}
    for label in labels:
        sub = [j for j in js if gold_label(j.gold) == label]
        if not sub and label == "Unknown":
            continue
        n = len(sub)
        row: dict = {
            "n_gold": n,
            "content_recall_exact": rate(sum(j.exact for j in sub), n),
            "content_recall_overlap": rate(sum(j.matched for j in sub), n),
        }
        if pred_label is not None:
            mine = [p for p in preds if pred_label(p) == label]
            matched_ids = {id(j.pred) for j in js if j.matched and j.pred is not None}
            tp_p = sum(id(p) in matched_ids for p in mine)
            row["n_pred"] = len(mine)
            row["content_precision_overlap"] = rate(tp_p, len(mine))
            p, r = row["content_precision_overlap"] or 0.0, row["content_recall_overlap"] or 0.0
            row["content_f1_overlap"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
            row["cue_recall"] = rate(sum(j.cue for j in sub), n)
            row["source_recall"] = rate(sum(j.source for j in sub), n)
        else:
            row["coverage"] = row["content_recall_overlap"]
            row["speaker_accuracy"] = rate(sum(j.speaker for j in sub), n)
            row["speaker_accuracy_covered"] = rate(sum(j.speaker for j in sub), sum(j.matched for j in sub))
        out[label] = row
    return out


def evaluate(docs: Sequence[GoldDocument], preds_by_doc: dict[str, Sequence[PredAttribution]], *,
             corpus: str, merge: bool = True) -> tuple[dict, list[DocScore]]:
    """Score documents: merge pieces, drop indirect predictions for PDNC, align, summarise."""
    scores = []
    for doc in docs:
        preds = list(preds_by_doc.get(doc.doc_id, ()))
        if merge:
            preds = merge_pieces(preds)
        if corpus == "pdnc":
            preds = [p for p in preds if p.kind != "indirect"]
        scores.append(score_document(doc, preds, corpus=corpus))
    return summarize(scores, corpus=corpus), scores
