"""A reading of one paragraph before its speaker is resolved (RawQuote), and the fitting of
its content to the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from .chains import descend
from .clauses import short_of_timed_report
from .contents import content_span, reported_kind
from .marks import QuotedSpan, in_quotation
from .mention import Mention
from .parentheses import clip_to_parenthesis
from .windows import trim

How = Literal["cue", "according", "as_cue", "label", "continuation", "none"]


@dataclass(frozen=True)
class RawQuote:
    """One attribution in a paragraph, before speaker resolution. Offsets into paragraph text."""

    start: int
    end: int
    kind: Literal["direct", "indirect", "mixed"]
    how: How
    mention: Mention | None = None
    cue_span: tuple[int, int] | None = None
    when: str | None = None
    confidence: float = 0.5
    open_end: bool = False


def make_raw(doc: Doc, tokens: tuple[int, int] | None, spans: list[QuotedSpan], how: How,
             mention: Mention | None, cue_span: tuple[int, int], when: str | None,
             confidence: float, tag: tuple[int, int] | None = None) -> RawQuote | None:
    """A reading's RawQuote once its content (token span) is fitted to the text, or None when
    nothing of it is left to attribute."""
    if how in ("according", "as_cue") and tokens is not None:
        tokens = (_past_opening_connective(doc, tokens), tokens[1])
    if how == "cue" and tokens is not None and cue_span[1] <= doc[tokens[0]].idx and (
            deeper := descend(doc, tokens)) is not None:
        # "declined to discuss [the report]": the chain joins the cue.
        first, last = deeper
        tokens = (first, tokens[1])
        cue_span = (cue_span[0], max(cue_span[1], doc[last].idx + len(doc[last])))
    if how == "cue" and tokens is not None:
        tokens = clip_to_parenthesis(doc, short_of_timed_report(doc, tokens), cue_span[0])
    found = content_span(doc, tokens, spans) if tokens is not None else None
    if found is None:
        return None
    start, end = found
    if mention is not None and start < mention.start < end and not (tag and tag[0] <= mention.start < tag[1]):
        # A parse that runs the content over its own source ("Citing X as Y, Will urged ..."):
        # what was said ends before who said it.
        start, end = trim(doc.text, start, mention.start)
        if len(doc.text[start:end].split()) < 2:
            return None
    # A content that opens with a quotation and is mostly quoted is direct speech: the
    # quotation rules attribute it. Unquoted words first make it mixed.
    quoted = sum(max(0, min(end, s.outer_end) - max(start, s.outer_start)) for s in spans)
    opens_quoted = in_quotation(spans, start)
    if opens_quoted and quoted >= 0.6 * (end - start):
        return None
    return RawQuote(start, end, reported_kind(start, end, spans), how, mention, cue_span, when, confidence)


# Discourse words that link a statement to the text before it; annotators leave them out
# of an according-to content, but keep a scene setter ("In 2014, ...", "On Tuesday, ...").
_CONNECTIVES = frozenset({
    "in fact", "even so", "of course", "by contrast", "in addition", "in turn", "for now", "still",
    "however", "meanwhile", "but", "and", "yet", "indeed", "also", "instead", "nonetheless",
    "nevertheless", "moreover", "so", "then", "again"})


def _past_opening_connective(doc: Doc, tokens: tuple[int, int]) -> int:
    """"In fact, records show X, according to Y": a connective before the comma links the
    statement to what came before; annotators start it after the comma."""
    first, last = tokens
    for _ in range(2):
        tok = doc[first]
        opener = next((c for c in tok.sent.root.lefts if c.left_edge.i == first), None)
        after = opener.right_edge.i + 1 if opener is not None else None
        if after is None or after >= last or doc[after].text != "," or (
                doc[first: after].text.lower() not in _CONNECTIVES):
            break
        first = after + 1
    return first
