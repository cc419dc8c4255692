"""Splitting a document into paragraphs with stable ordinals and character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text import normalize
from ..types import Document, Paragraph

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# A label never ends in a comma or a dash; a novel's 'Emma laughed, and replied,' does.
_TERMINAL = re.compile(r"[.!?:;,\-\u2014\"\u201d\u2019)\]]\s*$")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
_NOISE_LINE = re.compile(r"^\s*(\d+\s*min(ute)?s?\s+read|see all|share( this)?|advertisement)\s*$", re.I)


def split_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Blank-line separated blocks, ordinals from 0, offsets into `doc.text`, trimmed.

    Nothing is dropped; page furniture is marked `noise=True` instead.
    """
    seen: set[str] = set()
    ordinal = 0
    pos = 0
    text = doc.text
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        for a, b in _pieces(text, pos, end):
            block = text[a:b]
            lead = len(block) - len(block.lstrip())
            body = block.strip()
            if body:
                start = a + lead
                key = normalize(body)
                # A block seen before is page furniture (a title or a caption printed twice),
                # unless it is a line of dialogue: a novel's '"Yes," said Emma.' recurs.
                repeated = key in seen and not _QUOTE_MARK.search(body)
                yield Paragraph(doc_id=doc.doc_id, ordinal=ordinal, text=body, start=start,
                                end=start + len(body), noise=repeated or is_page_noise(body))
                seen.add(key)
                ordinal += 1
        pos = match.end() if match else len(text)


_WRAP = 100  # hard-wrapped text (books, e-mail) keeps its lines shorter than this


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block is one paragraph when hard-wrapped; when a line runs past any wrapping width,
    its line breaks are paragraph breaks (web copy often puts one newline between paragraphs)."""
    lines = text[start:end].split("\n")
    if len(lines) < 2 or all(len(line) <= _WRAP for line in lines):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    for line in lines:
        if out and line[:1].islower() and not _ENDS_SENTENCE.search(text[out[-1][0]:out[-1][1]]):
            # "... a danger to the \ncoast, repeated her objections ...": a stray break inside a
            # sentence, not a paragraph break.
            out[-1] = (out[-1][0], pos + len(line))
        else:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# Unlike `_TERMINAL` (what a label never ends in), a comma or a dash ends no sentence here.
_ENDS_SENTENCE = re.compile(r"[.!?:;\"\u201d\u2019)\]]\s*$")


def is_page_noise(block: str) -> bool:
    """Short label-like blocks ("4 min read", "Category\\nWar in Ukraine", "See all").

    Every line is at most four words, none ends like a sentence and none holds a quote mark;
    or a line is a known piece of page furniture. Headings of five words or more are kept.
    """
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    if any(_NOISE_LINE.match(ln) for ln in lines):
        return True
    return all(
        len(ln.split()) <= 4 and not _TERMINAL.search(ln) and not _QUOTE_MARK.search(ln)
        for ln in lines
    )
