"""The gold attributions of a document that questions can be made from, with their speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fragments import MIN_WORDS, Run, content_runs
from .speakers import Speaker, document_names, pdnc_speaker, polnear_speaker


@dataclass
class Item:
    """One gold attribution usable for questions."""

    speaker: Speaker
    runs: list[Run]
    kind: str


_INNER_CUE = re.compile(r"\b(?:said|says|told|tells|reports|reported|according to|claims|claimed|"
                        r"stated|added|wrote|writes|announced|tweeted)\b", re.I)


def _outside_quotes(text: str) -> str:
    return re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", text)


def _whole_words(text: str, att) -> str | None:
    """The source as annotated, with a last word the annotation cut short made whole
    ("The Wall Street Journa" -> "The Wall Street Journal")."""
    if not att.source_spans or att.source_text is None:
        return att.source_text
    end = att.source_spans[-1][1]
    if end == 0 or end >= len(text) or not text[end - 1].isalnum():
        return att.source_text
    return att.source_text + re.match(r"\w*", text[end:]).group()


def doc_items(doc, fmt: str) -> list[Item]:
    text = doc.text
    items: list[Item] = []
    names = document_names(text) if fmt == "polnear" else []
    title_end = text.find("\n") if fmt == "polnear" else 0
    for att in doc.attributions:
        if fmt == "polnear":
            if att.cue_class not in ("speech", None):
                continue
            if att.start < title_end:
                continue  # the headline: page furniture, often repeated
            if any(o is not att and any(att.start <= a < att.end for a, _ in o.cue_spans)
                   for o in doc.attributions):
                continue  # nested: someone else is quoted inside this content
            if att.kind != "direct" and _INNER_CUE.search(_outside_quotes(att.content_text)):
                continue  # "Bloomberg reports that ...": an unannotated speaker inside
            sp = polnear_speaker(_whole_words(text, att), names, text)
        else:
            sp = pdnc_speaker(att.speaker, doc.characters, text)
        if sp is None:
            continue
        runs = content_runs(text, att.content_spans)
        if not any(len(r.tokens) >= MIN_WORDS for r in runs):
            continue
        items.append(Item(speaker=sp, runs=runs, kind=att.kind))
    return items
