"""Who a paragraph's narration is about, for its untagged quotations."""

from __future__ import annotations

from functools import partial

from spacy.tokens import Doc, Token

from .marks import QuotedSpan, in_quotation
from .mentions import Mention, mention_for


def narration_actor(doc: Doc, spans: list[QuotedSpan]) -> Mention | None:
    """The person a paragraph's narration is about, for its untagged quotations:
    'Lucy turned from the window. "Come here."' The subject nearest before the first
    quotation, else the first one after the last quotation; names and he/she only."""
    if not spans:
        return None
    first, last = spans[0].outer_start, spans[-1].outer_end

    quoted = partial(in_quotation, spans)

    before = [t for t in doc if t.idx < first and _actor(t)]
    after = [t for t in doc if t.idx >= last and _actor(t) and not quoted(t.idx)]
    for tok in (before[-1:] or after[:1]):
        mention = mention_for(tok)
        if mention is not None and (mention.kind == "name" or mention.text.lower() in ("he", "she")):
            return mention
    return None


def _actor(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and (
        tok.lower_ in ("he", "she") or tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN")
