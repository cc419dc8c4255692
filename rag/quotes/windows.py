"""Windows on a sentence: where a quotation's sentence starts and ends, the side of it left
once a phrase is cut out, the relative clause a source after it vouches for, and a character
span trimmed of the punctuation around it."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

_TRIM = " \t\n\u00a0,;:\u2014-"


def opens_sentence(text: str, at: int, quoted) -> bool:
    """Whether a quotation opening at `at` follows a full stop outside quotation marks."""
    before = text[:at].rstrip()
    return not before or (before.endswith((".", "!", "?")) and not quoted(len(before) - 1))


def until_sentence_end(tokens: list[Token]) -> list[Token]:
    out = []
    for tok in tokens:
        out.append(tok)
        if tok.text in (".", "!", "?") and len(out) > 1:
            break
    return out


def from_sentence_start(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in reversed(tokens):
        if tok.text in (".", "!", "?"):
            break  # a full stop right before the quotation ends the sentence before it too
        out.append(tok)
    return list(reversed(out))


def sentence_without(sent: Span, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The larger side of a sentence once a phrase (token indices, inclusive) is cut out."""
    left = (sent.start, phrase[0] - 1)
    right = (phrase[1] + 1, sent.end - 1)
    best = max((left, right), key=lambda r: r[1] - r[0])
    return best if best[1] >= best[0] else None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    # A bracket the words do not open or close is the sentence's ("(As X reported, A.)").
    while start < end and (text[start] in _TRIM or text[start] == "(" and _unclosed(text, start, end) > 0):
        start += 1
    while end > start and (text[end - 1] in _TRIM + "." or text[end - 1] == ")" and _unclosed(text, start, end) < 0):
        if _ABBREVIATION_END.search(text, start, end):
            break  # "about 9:42 p.m.", "in the U.S.": the full stop is the word's
        end -= 1
    return start, end


_ABBREVIATION_END = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]\.){2,}$")


def _unclosed(text: str, start: int, end: int) -> int:
    return text.count("(", start, end) - text.count(")", start, end)


#: The words that open a relative clause about someone or something.
RELATIVE_WORDS = {"which", "who", "whom", "whose"}


def relative_clause_before(according: Token) -> tuple[int, int] | None:
    """The relative clause set off by commas right before "according to X" ("the budget, which
    raises school spending by 4 percent, according to the mayor's office"): X vouches for that
    clause, though the parser hangs the phrase on the main verb. Token indices, inclusive."""
    i = according.i - 1
    if i >= 0 and according.doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    last = according.doc[i]
    for clause in [last, *last.ancestors]:
        if clause.dep_ == "relcl" and clause.right_edge.i == i and clause.i < according.i:
            first = clause.left_edge
            # Set off by a comma: a restrictive clause ("31 percent who view him favorably") is
            # part of what the whole sentence says.
            if first.i > 0 and according.doc[first.i - 1].text == "," and any(
                    t.lower_ in RELATIVE_WORDS for t in according.doc[first.i: clause.i]):
                return first.i, i
    return None
