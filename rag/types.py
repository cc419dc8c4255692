"""The records that travel along the data path: documents -> paragraphs -> quotes -> answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
Intent = Literal["who_said", "what_said", "did_say", "speakers", "when", "other"]
Verdict = Literal["yes", "no", "not_found"]


@dataclass(frozen=True)
class Document:
    """One source file (or one line of a .jsonl file), its text as read."""

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A block of a document; `start`/`end` are offsets into `Document.text`.

    `noise` marks page furniture ("4 min read", a repeated title): kept for the
    record, but never embedded or mined for quotes.
    """

    doc_id: str
    ordinal: int
    text: str
    start: int
    end: int
    noise: bool = False

    @property
    def id(self) -> str:
        return f"{self.doc_id}#{self.ordinal}"


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker; all spans are offsets into the paragraph's text.

    `text` is always `paragraph.text[start:end]`, so it is verbatim by construction.
    `speaker` is the index-wide name (one person, one name across documents); `speaker_as_written`
    is the form this document uses when it differs ("Hillary Clinton" where the index says
    "Hillary Rodham Clinton"), so an answer names people as the cited source does.
    """

    doc_id: str
    paragraph: int
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    mention: str | None = None
    mention_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    confidence: float = 0.5
    when: str | None = None
    speaker_as_written: str | None = None

    @property
    def shown_speaker(self) -> str | None:
        """The speaker's name as the cited document gives it."""
        return self.speaker_as_written or self.speaker


@dataclass(frozen=True)
class Speaker:
    """A canonical speaker within an index: one person or organisation."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    kind: Literal["person", "org", "unknown"] = "unknown"


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str | None
    paragraph: int
    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "paragraph": self.paragraph,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class CitedQuote:
    """A quote as an answer presents it: `citation` is the [n] it points to."""

    speaker: str
    text: str
    kind: QuoteKind
    cue: str | None
    citation: int

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "citation": self.citation,
        }


@dataclass(frozen=True)
class Answer:
    question: str
    intent: Intent
    answer: str
    abstained: bool
    verdict: Verdict | None = None
    speaker: str | None = None
    speakers: tuple[str, ...] = ()
    confidence: float = 0.0
    quotes: tuple[CitedQuote, ...] = ()
    citations: tuple[Citation, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The JSON contract shared by the CLI, the web endpoint and the evals."""
        return {
            "question": self.question,
            "intent": self.intent,
            "answer": self.answer,
            "abstained": self.abstained,
            "verdict": self.verdict,
            "speaker": self.speaker,
            "speakers": list(self.speakers),
            "confidence": round(float(self.confidence), 4),
            "quotes": [q.to_dict() for q in self.quotes],
            "citations": [c.to_dict() for c in self.citations],
        }
