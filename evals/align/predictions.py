"""Predicted attributions: rag quotes in document offsets, and their pieces merged into one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..corpora.polnear import classify_cue
from ..corpora.records import Span


@dataclass(frozen=True)
class PredAttribution:
    """A predicted attribution in document offsets."""

    doc_id: str
    content_spans: tuple[Span, ...]
    content_text: str
    kind: str
    speaker: str | None = None
    mention: str | None = None
    mention_spans: tuple[Span, ...] = ()
    cue: str | None = None
    cue_spans: tuple[Span, ...] = ()
    paragraph: int = 0
    pieces: int = 1
    confidence: float = 0.5

    @property
    def cue_class(self) -> str | None:
        return classify_cue(self.cue)


def predictions_from_quotes(paragraphs: Sequence, quotes: Iterable) -> list[PredAttribution]:
    """rag Quote records (paragraph offsets) -> PredAttribution (document offsets)."""
    by_ordinal = {p.ordinal: p for p in paragraphs}
    out: list[PredAttribution] = []
    for q in quotes:
        para = by_ordinal[q.paragraph]
        base = para.start
        mention = (base + q.mention_span[0], base + q.mention_span[1]) if q.mention_span else None
        cue = (base + q.cue_span[0], base + q.cue_span[1]) if q.cue_span else None
        out.append(PredAttribution(
            doc_id=q.doc_id, content_spans=((base + q.start, base + q.end),), content_text=q.text,
            kind=q.kind, speaker=q.speaker, mention=q.mention,
            mention_spans=(mention,) if mention else (), cue=q.cue, cue_spans=(cue,) if cue else (),
            paragraph=q.paragraph, confidence=float(getattr(q, "confidence", 0.5) or 0.0),
        ))
    out.sort(key=lambda p: p.content_spans[0])
    return out


def merge_pieces(preds: Sequence[PredAttribution]) -> list[PredAttribution]:
    """Merge the pieces of one attribution (see the module doc): in text order within a
    paragraph, a prediction joins the group before it when both have the same speaker (not
    None) and it either has the same non-empty cue span or is a continuation piece (no cue
    span and no mention span, as the extractor marks the second half of "A," he said, "B.").
    A continuation joins the last group that is not indirect speech: it continues a quotation."""
    by_para: dict[tuple, list[PredAttribution]] = defaultdict(list)
    for p in preds:
        by_para[(p.doc_id, p.paragraph)].append(p)
    out: list[PredAttribution] = []
    for group_preds in by_para.values():
        groups: list[list[PredAttribution]] = []
        for p in sorted(group_preds, key=lambda p: p.content_spans[0] if p.content_spans else (0, 0)):
            continuation = not p.cue_spans and not p.mention_spans
            if groups and p.speaker is not None:
                target = groups[-1]
                if continuation:
                    # It continues a quotation, so it skips indirect speech in between
                    # ('"A," X said, referring to Y. "B."'), and joins none when no quotation
                    # came before: 'X said that A. "B."' is a report and a quotation.
                    target = next((g for g in reversed(groups) if g[0].kind != "indirect"), None)
                same_cue = target is not None and bool(p.cue_spans) and p.cue_spans == target[0].cue_spans
                if target is not None and p.speaker == target[0].speaker and (same_cue or continuation):
                    target.append(p)
                    continue
            groups.append([p])
        for group in groups:
            if len(group) == 1:
                out.append(group[0])
                continue
            kinds = {p.kind for p in group}
            out.append(replace(
                group[0],
                content_spans=tuple(sorted(s for p in group for s in p.content_spans)),
                content_text=" ".join(p.content_text for p in group),
                kind=kinds.pop() if len(kinds) == 1 else "mixed",
                pieces=sum(p.pieces for p in group),
            ))
    out.sort(key=lambda p: p.content_spans[0] if p.content_spans else (0, 0))
    return out
