"""Quotations set off as their own paragraph with no quotation marks, whose speaker is named in
the paragraph before or after: a block after 'Hewitt writes:', and a quotation signed on the
line under it ('- Bernie Sanders.', as fact-checks print the claims they check).

Pages lose the block-quote formatting when saved as text, so the words are all that is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .lexicon import SPEECH_CUES
from .marks import QuotedSpan
from .mentions import Mention


def announces_block(doc: Doc, quoted: Callable[[int], bool] = lambda i: False) -> bool:
    """The paragraph ends by announcing the next one as someone's words: 'Wallnau wrote:',
    'In a speech last July, he said:', 'Trump told reporters:', 'she said in a statement:'.
    'CNN also noted the relatively sparse attendance:' names what was noted, so it does not."""
    if not doc.text.rstrip().endswith(":"):
        return False
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not words or quoted(words[-1].idx):
        return False
    last = words[-1]
    if _speech_verb(last):
        return True
    if last.dep_ == "pobj" and last.head.dep_ == "prep" and _speech_verb(last.head.head):
        return True  # "said in a statement:", "wrote on Facebook:"
    return last.dep_ in ("dobj", "dative") and last.head.lemma_.lower() == "tell"


def _speech_verb(tok: Token) -> bool:
    return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_CUES
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children))


def block_span(text: str, spans: list[QuotedSpan]) -> tuple[int, int] | None:
    """The whole paragraph, when it can be an announced block: no quotation opens it (a
    quotation that has marks is read as one; one inside is part of the block), nor markup, and
    it is a sentence or more of prose."""
    lead = len(text) - len(text.lstrip())
    if any(s.outer_start <= lead for s in spans) or text[lead: lead + 1] in ("<", "\u2018", "'"):
        return None
    # A mark the quotation reader could not pair still opens the words, not part of them.
    start = len(text) - len(text.lstrip(" \u00a0\"\u201c"))
    end = len(text.rstrip())
    return (start, end) if len(text[start:end].split()) >= 4 else None


# A block goes on over paragraphs whose only reports are the writer's own ("I believe ...").
FIRST_PERSONS = frozenset({"i", "we"})

# "- Bernie Sanders." / "— Sen. Marco Rubio (R-Fla.), in a debate, Feb. 6, 2016": a dash, a
# name of one to five capitalised words, then at most a comma or a bracket and details.
_SIGNATURE = re.compile(
    r"^\s*[\u2014\u2013-]{1,2}\s*(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4}?)"
    r"\.?\s*(?:[,(].*)?$")


def signature(text: str) -> Mention | None:
    """The person a paragraph that is only a signature line names."""
    if len(text.split()) > 25 or (m := _SIGNATURE.match(text.rstrip())) is None:
        return None
    name = m.group("name").rstrip(".")
    if name.split()[-1].endswith(("'s", "\u2019s")):
        return None
    return Mention(m.start("name"), m.start("name") + len(name), name, "name", name=name)
