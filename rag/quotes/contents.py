"""Where a reported content begins and ends, given the tokens a reading of the parse gives it."""

from __future__ import annotations

from functools import partial
from typing import Literal

from spacy.tokens import Doc, Token

from .clauses import after_comma, fronted_clause
from .lexicon import CUES, SPEECH_CUES
from .marks import QuotedSpan, in_quotation
from .mentions import is_speaker_like
from .windows import RELATIVE_WORDS, opens_sentence, trim


def content_span(doc: Doc, tokens: tuple[int, int], spans: list[QuotedSpan]) -> tuple[int, int] | None:
    """Character span of a content given by token indices: trimmed, quotations taken whole."""
    first, last = tokens
    if last < first:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    start, end = trim(doc.text, start, end)
    # A quotation that opens a new sentence is its own ("... who advised Mrs. Clinton. ''He
    # would ...''"), even when the parser runs the two sentences together.
    for s in spans:
        if start < s.outer_start < end and opens_sentence(doc.text, s.outer_start, partial(in_quotation, spans)):
            start, end = trim(doc.text, start, s.outer_start)
            break
    start = _after_introduced_quotation(doc, start, end, spans)
    # A parse may cut through a quotation: take the quotation whole.
    for s in spans:
        if s.outer_start < start < s.outer_end:
            start = s.outer_start
        if s.outer_start < end < s.outer_end:
            end = s.outer_end
    end = _before_aside(doc, start, end, spans)
    end = _before_gloss(doc, start, end, spans)
    end = _before_closing_source(doc, start, end, spans)
    end = _before_second_report(doc, start, end, spans)
    end = _before_own_report(doc, start, end, spans)
    end = _before_doing(doc, start, end, spans)
    if end - start < 3 or len(doc.text[start:end].split()) < 2:
        return None
    return start, end


def _after_introduced_quotation(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The start of a quotation a report of its own introduces with a colon ("Rhimes declared the
    need for drive: 'Change the world,' she said"): the tag after it speaks the quotation, not
    the sentence the parser hangs on it."""
    for s in spans:
        if not start < s.outer_start < end or not doc.text[start: s.outer_start].rstrip().endswith(":"):
            continue
        lead = doc.char_span(start, s.outer_start, alignment_mode="contract") or ()
        # A named subject: "what his parents told him: '...'" may be the content's own words.
        if any(t.lemma_.lower() in CUES and t.pos_ == "VERB"
               and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.lefts) for t in lead):
            return s.outer_start
    return start


def _closing_clauses(doc: Doc, start: int, end: int, spans: list[QuotedSpan], dep: str):
    """The clauses of dependency `dep` that close a content, hung on a word of it before them,
    outside quotation marks; each with its first token."""
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        if (start < tok.idx < end and tok.dep_ == dep and not in_quotation(spans, tok.idx)
                and tok.right_edge.idx + len(tok.right_edge) >= end and start <= tok.head.idx < tok.idx):
            yield tok, doc[tok.left_edge.i]


def _before_aside(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The end of a content before a closing aside on its last name or thing (", which votes on
    March 1", ", who was his chief of staff"): the reporter's gloss, not the source's words."""
    for tok, first in _closing_clauses(doc, start, end, spans, "relcl"):
        comma = doc[first.i - 1] if first.i > 0 else None
        if (first.lower_ in RELATIVE_WORDS and comma is not None and comma.text == ","
                and start < comma.idx and tok.head.idx < comma.idx):
            return trim(doc.text, start, comma.idx)[1]
    return end


def _before_gloss(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The end of a content before a closing noun phrase set off by a comma that glosses what
    came before ("promised to extend the tram line, a project that has stalled for a decade"):
    the reporter's explanation, as a closing relative clause is."""
    for tok, first in _closing_clauses(doc, start, end, spans, "appos"):
        comma = doc[first.i - 1] if first.i > 0 else None
        # Two in a row, or one after a conjunct with no "and" yet, are a list the parser misread
        # ("a flat tax, a smaller army, a balanced budget").
        if (tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.lefts)
                and not any(t.dep_ == "appos" for t in tok.subtree if t.i > tok.i)
                and not any(t.dep_ == "appos" for t in tok.ancestors)
                and not _open_list(tok.head)
                and sum(c.dep_ == "appos" for c in tok.head.children) == 1
                and comma is not None and comma.text == "," and start < comma.idx):
            return trim(doc.text, start, comma.idx)[1]
    return end


def _before_closing_source(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The end of a content before '..., The Boston Globe reported in 2003', which the parser
    hangs on the content's last noun: that source reports the whole sentence, this one included."""
    for tok, _ in _closing_clauses(doc, start, end, spans, "acl"):
        if tok.lemma_.lower() not in SPEECH_CUES or (fronted := fronted_clause(tok)) is None:
            continue
        last = doc[fronted[1]]  # the statement's last word, or the closing mark after its comma
        if start < last.idx:
            return last.idx + len(last) if last.is_quote else trim(doc.text, start, last.idx + len(last))[1]
    return end


def _open_list(noun: Token) -> bool:
    """Whether `noun` is in a list of conjuncts that no "and" or "or" has closed yet."""
    first = noun.head if noun.dep_ == "conj" else noun
    return (noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)) and not any(
        c.dep_ == "cc" for c in first.children)


_CONTRASTS = {"while", "whereas", "although", "though"}


def _before_second_report(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The end of a content before a second report set against it ("70 percent said they are
    set on him, while 22 percent said they might change their mind"): a clause with a subject
    and a cue verb of its own is another source's statement, not more of the first one's. One
    joined by "and" is not cut: annotators keep "said A and that B thought C" whole."""
    for tok, link in _closing_clauses(doc, start, end, spans, "advcl"):
        if (tok.lemma_.lower() not in CUES or not any(c.dep_ == "nsubj" for c in tok.lefts)
                or link.lower_ not in _CONTRASTS or link.i == 0):
            continue  # "he left because his wife said so" is all one statement
        comma = doc[link.i - 1]
        cut = comma.idx if comma.text == "," else link.idx
        if start < cut:
            return trim(doc.text, start, cut)[1]
    return end


def reported_kind(start: int, end: int, spans: list[QuotedSpan]) -> Literal["indirect", "mixed"]:
    """A reported content is mixed when quoted words run into it."""
    return "mixed" if any(s.start < end and s.end > start for s in spans) else "indirect"


def _before_own_report(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The end of a content before a second verb of reporting its subject is given ("he first
    heard gunfire and suspected immediately that ..."): what that verb takes is a report of its
    own, not more of the first one."""
    for tok, _ in _closing_clauses(doc, start, end, spans, "conj"):
        first = tok.head
        # Both verbs the content's own clause, with a subject who can speak, and the second with
        # a clause of its own: "asked her to sit and say why" stays whole, and so does "the goal
        # is X but conceded Y", whose second verb the parser took from the cue.
        if (tok.pos_ != "VERB" or tok.lemma_.lower() not in CUES or first.pos_ not in ("VERB", "AUX")
                or start <= first.head.idx < end and first.head.i != first.i
                or not any(c.dep_ == "nsubj" and is_speaker_like(c) for c in first.children)
                or not any(c.dep_ == "ccomp" for c in tok.children)
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)):
            continue
        cc = next((c for c in first.children if c.dep_ == "cc" and first.i < c.i < tok.i), None)
        if cc is not None and start < cc.idx:
            return trim(doc.text, start, cc.idx)[1]
    return end


def _before_doing(doc: Doc, start: int, end: int, spans: list[QuotedSpan]) -> int:
    """The end of a content before a participle set off after the cue's object: in 'called Cruz
    the "ultimate hypocrite," linking to a story', the linking is what Trump did besides."""
    for tok, _ in _closing_clauses(doc, start, end, spans, "acl"):
        if (tok.tag_ == "VBG" and tok.left_edge.i == tok.i and after_comma(doc, tok.i)
                and tok.head.dep_ in ("oprd", "dobj", "attr") and not start <= tok.head.head.idx < end):
            mark = doc[tok.i - 1]  # the comma, or a closing mark after it
            return mark.idx + len(mark) if mark.is_quote else trim(doc.text, start, mark.idx)[1]
    return end
