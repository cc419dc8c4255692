"""Predicted attributions: rag quotes in document offsets, and their pieces merged into one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rag.types import Quote

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
            doc_id=q.doc_id, content_spans=without_own_tag(para.text, q, base), content_text=q.text,
            kind=q.kind, speaker=q.speaker, mention=q.mention,
            mention_spans=(mention,) if mention else (), cue=q.cue, cue_spans=(cue,) if cue else (),
            paragraph=q.paragraph, confidence=float(getattr(q, "confidence", 0.5) or 0.0),
        ))
    out.sort(key=lambda p: p.content_spans[0])
    return out


_DASHES = ("\u2014", "\u2013", "--")
_SET_OFF = " \t\n,;-" + "".join(_DASHES[:2])


def without_own_tag(text: str, quote: Quote, base: int = 0) -> tuple[Span, ...]:
    """A quote's content in document offsets, without a tag set inside it.

    A quote is one slice of its paragraph, so "The plan, he says, will fail" keeps its tag; the
    corpora mark what was said without it. The cue (and the mention, when the tag holds it) and
    the commas or dashes around them are cut out when there are words on both sides. Reported
    speech only: a cue inside a direct quotation is a word of it.
    """
    start, end = quote.start, quote.end
    cue = quote.cue_span
    if quote.kind == "direct" or not cue or not (start < cue[0] and cue[1] < end):
        return ((base + start, base + end),)
    cut = list(cue)
    mention = quote.mention_span
    if mention and start < mention[0] and mention[1] < end:
        cut = [min(cut[0], mention[0]), max(cut[1], mention[1])]
    left, right = cut[0], cut[1]
    while left > start and text[left - 1] in _SET_OFF:
        left -= 1
    if text[left:cut[0]].strip() in (",", *_DASHES):
        # Set off by commas or dashes: the tag runs to the next one ("the partner told them,").
        found = [i for i in (text.find(m, cut[1], end) for m in (",", *_DASHES)) if i >= 0]
        if found:
            right = min(found)
    while right < end and text[right] in _SET_OFF:
        right += 1
    if left <= start or right >= end or text[cut[0] - 1] not in _SET_OFF or text[cut[1]] not in _SET_OFF:
        return ((base + start, base + end),)
    return ((base + start, base + left), (base + right, base + end))


def merge_pieces(preds: Sequence[PredAttribution]) -> list[PredAttribution]:
    """Merge the pieces of one attribution (see the module doc): in text order within a
    paragraph, a prediction joins the group before it when both have the same speaker (not
    None) and it either has the same non-empty cue span or is a continuation piece (no cue
    span and no mention span, as the extractor marks the second half of "A," he said, "B.").
    A continuation joins the last group that is not indirect speech: it continues a quotation,
    and only one with a cue (the tag between is what makes two pieces one quotation)."""
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
                if continuation and target is not None and not any(q.cue_spans for q in target):
                    # '"A." He waved a hand. "B."': with no tag to join them, two quotations.
                    target = None
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
