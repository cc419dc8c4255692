"""Transcript lines: "JAKE TAPPER: Donald Trump released a video on Friday ..."

Broadcast and hearing transcripts open each turn with the speaker's name in capitals and a
colon, and give the words without quote marks. The rest of such a paragraph is that
person's speech, verbatim.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import KICKERS
from .mentions import Mention
from .name_forms import clean_name

_MAX_LABEL = 6  # tokens before the colon: "SEN. ELIZABETH WARREN"


def transcript_turn(doc: Doc) -> tuple[Mention, int] | None:
    """(the speaker's mention, where their words start) when the paragraph opens with a
    capitalised name and a colon; None otherwise."""
    colon = next((t for t in doc[: _MAX_LABEL + 1] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    label = doc[: colon.i]
    words = [t.text for t in label if t.is_alpha]
    if (not words or not all(w.isupper() for w in words) or max(map(len, words)) < 2
            or any(not (t.is_alpha or t.text in (".", "-", "'")) for t in label)
            or KICKERS & {w.lower() for w in words}):
        return None
    start = colon.idx + 1
    while start < len(doc.text) and doc.text[start].isspace():
        start += 1
    said = doc.text[start:]
    if len(said.split()) < 2 or said.isupper():
        return None  # a heading in capitals throughout
    name = clean_name(label.text.title())
    return Mention(0, len(label.text), label.text, "name", name=name, label="person"), start
