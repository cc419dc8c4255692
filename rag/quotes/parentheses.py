"""A report made inside a parenthesis is about what the parenthesis holds: in "Sales rose
(the best month since 2008, the company said)" the company said only "the best month"."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def within_parentheses(sent: Span, i: int) -> Span:
    """The inside of the parenthesis around token `i`, or the sentence when there is none."""
    opened = next((t for t in reversed(sent.doc[sent.start: i]) if t.text in "()"), None)
    if opened is None or opened.text == ")":
        return sent
    closed = next((t for t in sent.doc[i: sent.end] if t.text == ")"), None)
    return sent.doc[opened.i + 1: closed.i if closed is not None else sent.end]


def clip_to_parenthesis(doc: Doc, tokens: tuple[int, int], cue_at: int) -> tuple[int, int]:
    """A content (token indices, inclusive) cut to the parenthesis its cue (at character
    `cue_at`) stands in; unchanged when the cue stands in none or the content lies wholly
    outside it ("Sales rose (the company said) by 4 percent")."""
    at = doc.char_span(cue_at, cue_at + 1, alignment_mode="expand")
    if not at:
        return tokens
    cue = at[0]
    scope = within_parentheses(cue.sent, cue.i)
    first, last = max(tokens[0], scope.start), min(tokens[1], scope.end - 1)
    return (first, last) if first <= last else tokens
