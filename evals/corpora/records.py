"""Gold records shared by the corpus loaders and the attribution eval.

All spans are ``(start, end)`` Python ``str`` offsets into ``GoldDocument.text``; a
discontinuous mention has several pieces, sorted by start.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution (PolNeAR) or quotation (PDNC)."""

    doc_id: str
    content_spans: tuple[Span, ...]
    content_text: str
    source_spans: tuple[Span, ...]
    source_text: str | None
    cue_spans: tuple[Span, ...]
    cue_text: str | None
    speaker: str | None  # canonical name when the corpus gives one (PDNC main name); PolNeAR None
    kind: str  # PolNeAR direct|indirect|mixed; PDNC Explicit|Anaphoric|Implicit|Unknown
    cue_class: str | None  # PolNeAR speech|belief|perception|other; PDNC None
    gold_id: str = ""  # the corpus's own id: BRAT event id ("E3") or PDNC quoteID ("Q12")
    referring_expression: str | None = None  # PDNC only: the speech tag ("said his lady")

    @property
    def start(self) -> int:
        return self.content_spans[0][0] if self.content_spans else 0

    @property
    def end(self) -> int:
        return self.content_spans[-1][1] if self.content_spans else 0


@dataclass(frozen=True)
class GoldDocument:
    """One article or novel with its gold attributions, sorted by content start."""

    doc_id: str
    text: str
    title: str | None
    attributions: tuple[GoldAttribution, ...]
    characters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # PDNC: main name -> aliases
    source: str | None = None  # the file the text came from
    annotator: str | None = None  # PolNeAR: the annotator whose .ann was used

    def __hash__(self) -> int:  # the dict field would make the generated hash fail
        return hash((self.doc_id, self.source))
