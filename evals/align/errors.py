"""Every error of a scored run as a record, for error analysis (``attribution --errors``)."""

from __future__ import annotations

import bisect

from ..corpora.records import GoldDocument
from .metrics import DocScore
from .spans import overlaps


def _context(text: str, start: int, end: int, pad: int = 80) -> str:
    return text[max(0, start - pad): min(len(text), end + pad)].replace("\n", " ")


def error_records(docs: list[GoldDocument], scores: list[DocScore], fmt: str) -> list[dict]:
    """One record per error: missed, boundary (aligned, ratio < .5), inexact (matched, not
    exact), cue, source (PolNeAR) / speaker (PDNC), split (an unaligned prediction overlapping
    gold taken by another prediction) and spurious (overlapping no gold)."""
    out: list[dict] = []
    for doc, s in zip(docs, scores):
        for j in s.judgments:
            g, p = j.gold, j.pred
            base = {"doc": doc.doc_id, "gold_id": g.gold_id, "gold_kind": g.kind, "cue_class": g.cue_class,
                    "gold": g.content_text, "gold_cue": g.cue_text, "gold_source": g.source_text,
                    "gold_speaker": g.speaker}
            pinfo = {} if p is None else {"pred": p.content_text, "pred_kind": p.kind, "pred_cue": p.cue,
                                          "pred_speaker": p.speaker, "pred_mention": p.mention,
                                          "ratio": round(j.ratio, 3)}
            if p is None:
                out.append({"error": "missed", **base, "context": _context(doc.text, g.start, g.end)})
                continue
            if not j.matched:
                out.append({"error": "boundary", **base, **pinfo})
                continue
            if not j.exact:
                out.append({"error": "inexact", **base, **pinfo})
            if fmt == "polnear":
                if g.cue_spans and not j.cue:
                    out.append({"error": "cue", **base, **pinfo})
                if not j.source:
                    out.append({"error": "source", **base, **pinfo})
            elif not j.speaker:
                out.append({"error": "speaker", **base, **pinfo, "pred_resolved": j.predicted_speaker,
                            "referring_expression": g.referring_expression})
        starts = [g.start for g in doc.attributions]
        for p, aligned in zip(s.preds, s.pred_aligned):
            if not aligned:
                a, b = p.content_spans[0][0], p.content_spans[-1][1]
                # "split": it overlaps a gold item that another prediction took (a piece left over)
                k = bisect.bisect_left(starts, b)
                near = doc.attributions[max(0, k - 8): k]
                split = any(overlaps(g.content_spans, p.content_spans) for g in near)
                out.append({"error": "split" if split else "spurious", "doc": doc.doc_id, "pred": p.content_text, "pred_kind": p.kind,
                            "pred_cue": p.cue, "pred_speaker": p.speaker, "pred_mention": p.mention,
                            "context": _context(doc.text, a, b)})
    return out
