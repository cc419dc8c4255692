"""Finding text between quotation marks, straight or curly."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPEN_CURLY, CLOSE_CURLY = "\u201c", "\u201d"
# Two apostrophes or two backticks are a double quotation mark in some newswire text
# (the New York Times' ''...'' and LaTeX-style ``...'').
_MARK = re.compile(r"''|``|[\"\u201c\u201d]")
_OPENERS = (OPEN_CURLY, "``")
_TRIM = " \t\n\u00a0"


@dataclass(frozen=True)
class QuotedSpan:
    """Inner text of a quotation: `start`/`end` exclude the marks; `open_end` when unclosed."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_end: bool = False


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Pairs of quotation marks in a paragraph.

    Curly marks say which side they are on; a straight mark is an opener when it follows
    white space, an opening bracket or the start of the text. An opener left unclosed at the
    end of the paragraph is the news and novel convention for a quote that runs on into the
    next paragraph, so it yields a span to the end with `open_end=True`. A stage direction in
    brackets inside a quotation cuts it in two pieces that leave the direction out.
    """
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    open_len = 1
    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        if open_at is None:
            if ch == CLOSE_CURLY and not _opens_paragraph(text, i):
                continue  # a stray closer
            open_at, open_len = i, len(ch)
        else:
            if ch in _OPENERS and not _misprinted_closer(text, m.start(), m.end()):
                open_at, open_len = i, len(ch)  # an opener with no closer before it: restart here
                continue
            span = _inner(text, open_at, m.end(), open_len, len(ch))
            if span:
                spans.append(span)
            open_at = None
    if open_at is not None:
        tag = _TAG_INSIDE.search(text, open_at + open_len)
        if tag is not None:
            # '"There wasn't a lot of education ..., said Kessel, whose ...': the closer
            # was dropped before the tag; a quote that runs on carries no tag of its own.
            span = _inner(text, open_at, tag.start(), open_len, 0)
        else:
            span = _inner(text, open_at, len(text), open_len, 0, open_end=True)
        if span:
            spans.append(span)
    return [piece for span in spans for piece in _around_stage_directions(text, span)]


# "And (raising his voice still more) I do not see why ...": narration in brackets inside a
# quotation, telling in the third person what the speaker did. It opens on a participle, on
# "in a ... tone", "with a smile", "to Mrs. Bates" or "here Mr. Giles ...". A journalist's
# insertion ("by exclusively (using) a private account", "(traveling with the) wrong crowd")
# supplies the speaker's missing words: a bare participle or a phrase left open.
_BRACKETED = re.compile(r"\(([^()]{1,120})\)")
_STAGE_OPENING = re.compile(
    r"(?:in an? (?:\w+ ){0,3}(?:tone|voice|manner|whisper)\b|with an? \w+|to (?:Mr|Mrs|Miss|Ms|Dr|Sir|Lady)\b"
    r"|here (?:(?:Mr|Mrs|Miss|Ms|Dr|Sir|Lady)\.? )?[A-Z])")
_PARTICIPLE = re.compile(r"(?!(?:nothing|something|anything|everything|being|according|during)\b)[a-z]+ing\b")
_MANNERS = frozenset("smiling laughing sighing sobbing crying weeping whispering nodding pausing bowing "
                     "blushing coughing hesitating".split())
_OPEN_ENDS = frozenset("the a an of to with for and or in on at by from his her their".split())
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b")
_EDGE = " \t\n\u00a0,;:-\u2014"


def _is_stage_direction(inner: str) -> bool:
    """Whether the words in brackets tell what the speaker did rather than say something."""
    inner = inner.strip(_EDGE)
    words = inner.rstrip(".").split()
    if not words or _FIRST_OR_SECOND_PERSON.search(inner):
        return False
    if _STAGE_OPENING.match(inner):
        return True
    if not _PARTICIPLE.match(inner):
        return False
    return words[0] in _MANNERS if len(words) == 1 else words[-1].lower() not in _OPEN_ENDS


def _around_stage_directions(text: str, span: QuotedSpan) -> list[QuotedSpan]:
    """The quotation in pieces around the stage directions inside it; each piece keeps its own
    words only, so the bracketed narration is quoted of nobody."""
    pieces, start, outer_start = [], span.start, span.outer_start
    for m in _BRACKETED.finditer(text, span.start, span.end):
        if not _is_stage_direction(m.group(1)):
            continue
        end = m.start()
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        after = m.end()
        while after < span.end and text[after] in _EDGE:
            after += 1
        if not any(c.isalpha() for c in text[start:end]) or not any(c.isalpha() for c in text[after:span.end]):
            continue
        pieces.append(QuotedSpan(start, end, outer_start, m.start()))
        start, outer_start = after, m.end()
    if not pieces:
        return [span]
    return [*pieces, QuotedSpan(start, span.end, outer_start, span.outer_end, span.open_end)]


# A quotation inside a quotation, in single marks ("calling to me, 'Anne, Anne, come out to
# us'"), also right after the opening double mark. A misprinted "?" after a space stands for the
# opening mark in some e-texts. It opens on a capital, so the elisions of dialect ("I 'm goin'
# to") are not read as marks, nor "'Tis".
_INNER_QUOTATION = re.compile(
    r"(?:(?<=^)|(?<=[\s(\u2014\"\u201c-]))['\u2018?](?=[A-Z])(?!T(?:is|was|were)\b).{1,400}?(?<=\S)['\u2019](?!\w)",
    re.DOTALL)


def inner_quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in single marks that a text quotes inside its words."""
    return [m.span() for m in _INNER_QUOTATION.finditer(text)]


# Only a tag with a name: "said I" or "he said" inside a quotation that runs on is more often
# a story told in it, whose inner marks some texts drop.
_TAG_VERBS = r"(?:said|says|added|adds|wrote|writes|explained|continued|noted|recalled|told)"
_NOT_NAMES = r"(?!(?:I|But|And|Or|So|Then|Yet|Nor|For|As|If|When|While|Because)\b)"
_NAME = r"[A-Z][\w.'\u2019-]*"
# The tag ends where the sentence or a comma does: ", Kerry said that ..." reports inside the quote.
_TAG_INSIDE = re.compile(
    rf",\s+(?:{_TAG_VERBS}\s+{_NOT_NAMES}{_NAME}(?:\s+{_NAME}){{0,2}}|{_NOT_NAMES}{_NAME}(?:\s+{_NAME}){{0,2}}"
    rf"\s+{_TAG_VERBS})[,.;]")


def _opens_paragraph(text: str, i: int) -> bool:
    """A closing curly mark with nothing before it but space or invisible formatting
    (U+202A and the like, left over from pasted posts) can only open."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text[:i])


def _misprinted_closer(text: str, start: int, end: int) -> bool:
    """An opening curly mark glued to the word before it and not to the word after it.

    Typesetting slips print the closer as an opener ("the best in the world“ and ..."). Read
    as an opener, it would swallow the text up to the next quotation.
    """
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return text[start:end] == OPEN_CURLY and not before.isspace() and before not in "([{\u2014-" \
        and (after.isspace() or after in ".,;:!?)")


def _inner(text: str, outer_start: int, outer_end: int, open_len: int, close_len: int,
           open_end: bool = False) -> QuotedSpan | None:
    start = outer_start + open_len
    end = outer_end - close_len
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    # A trailing comma belongs to the sentence around the quote, not to the quote.
    if end > start and text[end - 1] == ",":
        end -= 1
    if end <= start:
        return None
    return QuotedSpan(start, end, outer_start, outer_end, open_end)


def in_quotation(spans: list[QuotedSpan], offset: int) -> bool:
    """Whether a character offset lies inside one of the quotations, marks included."""
    return any(s.outer_start <= offset < s.outer_end for s in spans)


def closing_right_before(text: str, spans: list[QuotedSpan], offset: int) -> list[QuotedSpan]:
    """The quotations that close right before a character offset, a comma or spaces between
    ('"...," he said' at "he")."""
    return [s for s in spans if 0 <= offset - s.outer_end <= 3 and not text[s.outer_end: offset].strip(" ,")]


def owned_title(text: str, qs: QuotedSpan) -> bool:
    """'an appearance on CBS's "Face the Nation," Sanders was asked': a show's or a book's
    name after its owner, even with the comma set inside the quote marks."""
    words = text[: qs.outer_start].split()
    return (len(text[qs.start: qs.end].split()) <= 5 and bool(words) and words[-1][:1].isupper()
            and words[-1].endswith(("'s", "\u2019s")) and words[-1].lower() not in _NOT_OWNERS)


_NOT_OWNERS = {w + s for w in ("it", "that", "he", "she", "there", "what", "who", "here", "let")
               for s in ("'s", "\u2019s")}


def program_title(text: str, qs: QuotedSpan) -> bool:
    """'he said on "Meet the Press."', 'wrote in his book, "An American Son."': words in title
    case right after "on" or "in", or after the kind of work they name, name a show, a paper or
    a book, whatever cue is near."""
    before = text[: qs.outer_start].split()
    words = text[qs.start: qs.end].strip().rstrip(".,!?").split()
    return (bool(before) and (before[-1] in ("on", "in") or before[-1].rstrip(",").lower() in _WORKS)
            and 0 < len(words) <= 7 and words[0][:1].isupper()
            and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words))


_TITLE_SMALL_WORDS = {"the", "of", "a", "an", "and", "with", "for", "to", "in", "on", "at", "by", "&"}
# Works whose name may follow them; not the statements, letters and posts that hold speech.
_WORKS = frozenset("""book memoir memoirs autobiography novel album song film movie documentary
play poem essay column podcast""".split())


def bylined_title(text: str, qs: QuotedSpan) -> bool:
    """'"Pop-up art show strives to confront gentrification," by DNAinfo’s Eddie Small': a
    piece's headline with its byline, as round-ups list them; nobody says it."""
    return _BYLINE.match(text, qs.outer_end) is not None


_BYLINE = re.compile(r"\s*,?\s*by\s+(?:the\s+)?[A-Z]")


def is_term(text: str, qs: QuotedSpan) -> bool:
    """A few quoted words inside a running sentence, with no cue: a title or a scare quote
    ("the so-called "undercard""), not something someone said."""
    inner = text[qs.start: qs.end].strip()
    before = text[: qs.outer_start].rstrip()
    # A title that ends the sentence takes its period inside the marks ('the podcast "So, That
    # Happened."'): the period is the sentence's, not a sign of a sentence quoted. After a
    # comma or a semicolon it is the sign ('Her only answer was, "Certainly not."', '"No,"
    # replied the voice; "God forbid."').
    closes_sentence = not text[qs.outer_end: qs.outer_end + 1].strip()
    if inner.endswith(".") and closes_sentence and not before.endswith((",", ";")):
        inner = inner[:-1]
    return (len(inner.split()) <= 4 and not inner.endswith((".", "!", "?", ",", "\u2026", ":", ";"))
            and bool(before) and before[-1] not in ".!?:\u2014-")
