"""Answers: pick attributed quotes, verify them verbatim, decide verdicts, or abstain."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import QuestionError
from .names import joined_name, pet_form_of, short_form_of
from .question import Question, parse_question
from .search import Candidate, candidate_quotes, search_paragraphs
from .text import fold_spaces, normalize
from .types import Answer, Citation, CitedQuote, Quote

if TYPE_CHECKING:
    from .index import Index

#: Support (see search._score) from which a quote counts as the words asked about.
#: Chosen on the tuning question sets by `python -m evals calibrate` (see the README).
SUPPORT_THRESHOLD = 0.7
#: Lower bar for "what did X say about T" and "who commented on T": a topic, not a quote.
TOPIC_THRESHOLD = 0.3
MAX_CITATIONS = 5
#: Logistic map (a, b) from an answer's raw score to the probability that it is right,
#: fitted on the tuning question sets by `python -m evals calibrate`.
CALIBRATION = (8.109, -4.382)  # evals/results/calibration.json: ECE 0.053 -> 0.005 on tuning answers


@dataclass(frozen=True)
class Options:
    retrieval: str = "hybrid"
    threshold: float = SUPPORT_THRESHOLD
    topic_threshold: float = TOPIC_THRESHOLD


def answer_question(index: Index, text: str, retrieval: str = "hybrid",
                    threshold: float | None = None) -> Answer:
    if not text or not text.strip():
        raise QuestionError("the question is empty", "ask e.g. 'Who said \"...\"?'")
    opts = Options(retrieval, SUPPORT_THRESHOLD if threshold is None else threshold)
    q = parse_question(text)
    if q.intent == "what_said":
        return _what_said(index, q, opts)
    if q.intent == "speakers":
        return _speakers(index, q, opts)
    if q.intent in ("did_say", "when"):
        return _did_or_when(index, q, opts)
    return _who_said(index, q, opts)


class _Builder:
    """Numbers citations as quotes are added and checks each quote against its paragraph."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self.quotes: list[CitedQuote] = []

    def cite(self, c: Candidate) -> int | None:
        para, quote = c.paragraph, c.quote
        # The guarantee: a quote shown as someone's words is a slice of the cited paragraph.
        if para.text[quote.start: quote.end] != quote.text or normalize(quote.text) not in normalize(para.text):
            return None
        for cit in self.citations:
            if (cit.doc_id, cit.paragraph) == (para.doc_id, para.ordinal):
                n = cit.n
                break
        else:
            if len(self.citations) >= MAX_CITATIONS:
                return None
            n = len(self.citations) + 1
            self.citations.append(Citation(n, para.doc_id, c.title, para.ordinal, para.text,
                                           quote.start, quote.end))
        self.quotes.append(CitedQuote(quote.shown_speaker or "unknown", quote.text, quote.kind, quote.cue, n))
        return n

    def cite_passage(self, hit) -> int:
        n = len(self.citations) + 1
        self.citations.append(Citation(n, hit.paragraph.doc_id, hit.title, hit.paragraph.ordinal,
                                       hit.paragraph.text))
        return n


def _quote_line(c: Candidate, n: int) -> str:
    """Direct speech in quotation marks; reported speech in italics, as the source words it."""
    text = fold_spaces(c.quote.text)
    if c.quote.kind == "direct":
        words = f"\u201c{text}\u201d [{n}]"
    else:
        words = f"_{text}_ (reported speech) [{n}]"
    # A transcript's label has its colon for a cue: the speaker said it.
    cue = c.quote.cue if c.quote.cue and any(ch.isalpha() for ch in c.quote.cue) else "said"
    if cue.lower().startswith("according"):
        return f"According to **{c.quote.shown_speaker}**: {words}"
    return f"**{c.quote.shown_speaker}** {cue}: {words}"


def _attributed(cands: list[Candidate]) -> list[Candidate]:
    return [c for c in cands if c.quote.speaker]


def _abstain(index: Index, q: Question, opts: Options, reason: str, verdict=None) -> Answer:
    b = _Builder()
    hits = search_paragraphs(index, q.quote or q.topic or q.text, k=3, retrieval=opts.retrieval)
    # "Nobody is quoted saying that" would mislead when the very words are in a passage that
    # attributes them to no one we could identify (narration, or a quote the extractor missed).
    asked = normalize(q.quote) if q.quote and len(q.quote.split()) >= 3 else None
    if asked and any(asked in normalize(hit.paragraph.text) for hit in hits):
        hits = sorted(hits, key=lambda hit: asked not in normalize(hit.paragraph.text))
        reason = ("These words are in the corpus [1], but the passage does not attribute them to anyone "
                  "I could identify, so I name no speaker.")
    lines = [reason]
    if hits:
        lines.append("\nClosest passages (shown as context, not as anyone's words):")
        for hit in hits:
            n = b.cite_passage(hit)
            lines.append(f"[{n}] {fold_spaces(hit.paragraph.text)[:200]}")
    return Answer(question=q.text, intent=q.intent, answer="\n".join(lines), abstained=True,
                  verdict=verdict, confidence=0.0, citations=tuple(b.citations))


def _who_said(index: Index, q: Question, opts: Options) -> Answer:
    words = q.quote or q.text
    cands = _attributed(candidate_quotes(index, words, opts.retrieval))
    if not cands or cands[0].support < opts.threshold:
        return _abstain(index, q, opts, "Nobody in the corpus is quoted saying that.")
    best = cands[0]
    b = _Builder()
    n = b.cite(best)
    if n is None:
        return _abstain(index, q, opts, "No quote could be verified against its source.")
    lines = [_quote_line(best, n)]
    # Others who said nearly the same thing are worth showing, marked as such.
    for c in cands[1:3]:
        if c.quote.speaker != best.quote.speaker and c.support >= max(opts.threshold, best.support - 0.05):
            if (m := b.cite(c)) is not None:
                lines.append("Also close: " + _quote_line(c, m))
    return _finish(q, b, "\n\n".join(lines), None, best)


def _did_or_when(index: Index, q: Question, opts: Options) -> Answer:
    words = q.quote or q.text
    names = index.match_speaker(q.speaker) if q.speaker else []
    cands = _attributed(candidate_quotes(index, words, opts.retrieval, speakers=names))
    own = next((c for c in cands if c.quote.speaker in names or _called_so(index, c.quote, q.speaker)), None)
    best_own = own if own is not None and own.support >= opts.threshold else None
    best_any = cands[0] if cands and cands[0].support >= opts.threshold else None
    if q.intent == "when":
        chosen = best_own or (best_any if not names else None)
        if chosen is None:
            return _abstain(index, q, opts, f"I found no quote by {q.speaker} saying that.")
        return _when_answer(index, q, chosen, opts)
    b = _Builder()
    # The asked one's words come first when nearly as close as anyone's, but not when someone
    # else said the words as asked and the asked one only something like them.
    if best_own is not None and (best_any is None or best_own.support >= best_any.support - 0.1
                                 and not (best_any.exact and not best_own.exact)):
        if (n := b.cite(best_own)) is not None:
            return _finish(q, b, f"Yes. {_quote_line(best_own, n)}", "yes", best_own)
    elif best_any is not None and (n := b.cite(best_any)) is not None:
        text = (f"No: {q.speaker} is not quoted saying that; it was {best_any.quote.shown_speaker}. "
                f"{_quote_line(best_any, n)}")
        return _finish(q, b, text, "no", best_any)
    return _abstain(index, q, opts,
                    f"Not found: nobody in the corpus, {q.speaker} included, is quoted saying that.",
                    verdict="not_found")


def _called_so(index: Index, quote: Quote, asked: str | None) -> bool:
    """Whether a quote's speaker is the asked person as its document writes them: "Sanders" in a
    document that only ever says "Sanders"; "Anne" in a novel that writes "Anne Shirley", "Philip"
    asked as "Mr. Herriton" where it writes "Philip Herriton"; "Elizabeth" asked as "Lizzy" in a
    novel that calls her so."""
    if not asked or not quote.speaker:
        return False
    return short_form_of(quote.speaker, asked) or (
        (full := joined_name(quote.speaker, asked)) is not None and index.writes(quote.doc_id, full)) or (
        pet_form_of(quote.speaker, asked) and index.writes(quote.doc_id, asked))


def _when_answer(index: Index, q: Question, c: Candidate, opts: Options) -> Answer:
    b = _Builder()
    if (n := b.cite(c)) is None:
        return _abstain(index, q, opts, "No quote could be verified against its source.")
    doc = index.document(c.quote.doc_id)
    if c.quote.when:
        when = f"on {c.quote.when}" if c.quote.when[:1].isupper() else c.quote.when
        text = f"{c.quote.shown_speaker} said it {when} [{n}]."
    elif doc is not None and doc.date:
        text = f"The source does not say when; the document is dated {doc.date} [{n}]."
    else:
        text = f"The source does not say when {c.quote.shown_speaker} said it [{n}]."
    return _finish(q, b, text + "\n\n" + _quote_line(c, n), None, c)


def _quotes_by(index: Index, query: str, opts: Options, speakers: list[str]) -> list[Candidate]:
    """Candidate quotes for `query` said by one of `speakers` (none when no one is given)."""
    if not speakers:
        return []
    return [c for c in candidate_quotes(index, query, opts.retrieval, speakers=speakers)
            if c.quote.speaker in speakers]


def _what_said(index: Index, q: Question, opts: Options) -> Answer:
    names = index.match_speaker(q.speaker or "")
    query = q.topic or q.speaker or q.text
    cands = _quotes_by(index, query, opts, names)
    if q.speaker and (not cands or (q.topic and cands[0].support < opts.topic_threshold)):
        # "Tom" in a novel that writes "Tom Bertram", then "Mr. Obama" in an article that never
        # writes "Barack Obama": looked for only when the full name's own quotes say nothing on
        # the topic. The given name first: "Mr. Price" may be William Price's father.
        others = [n for n in index.speaker_aliases if n not in names]
        given = [n for n in others if joined_name(n, q.speaker) is not None or pet_form_of(n, q.speaker)]
        short = [n for n in others if short_form_of(n, q.speaker) and n not in given]
        pool = [c for c in _quotes_by(index, query, opts, given + short) if _called_so(index, c.quote, q.speaker)]
        for forms in (given, short):
            found = [c for c in pool if c.quote.speaker in forms]
            if found and (not q.topic or found[0].support >= opts.topic_threshold):
                names, cands = forms, found
                break
    if not names:
        return _abstain(index, q, opts, f"No one called {q.speaker!r} is quoted in the corpus.")
    if q.topic and (not cands or cands[0].support < opts.topic_threshold):
        return _abstain(index, q, opts, f"{names[0]} is not quoted about {q.topic}.")
    b = _Builder()
    lines = []
    for c in cands:
        if len(b.quotes) >= MAX_CITATIONS or (q.topic and c.support < opts.topic_threshold):
            break
        if (n := b.cite(c)) is not None:
            lines.append("- " + _quote_line(c, n))
    if not lines:
        return _abstain(index, q, opts, f"No verified quote by {names[0]} was found.")
    name = cands[0].quote.shown_speaker
    head = f"{name}, on {q.topic}:" if q.topic else f"{name} is quoted saying:"
    return _finish(q, b, head + "\n" + "\n".join(lines), None, cands[0])


def _speakers(index: Index, q: Question, opts: Options) -> Answer:
    b = _Builder()
    ranked: dict[str, Candidate] = {}
    if q.document_scope or not q.topic:
        # "Who is quoted in the article about X": everyone quoted in the best matching document,
        # each with their quote nearest to the topic.
        hits = search_paragraphs(index, q.topic or q.text, k=1, retrieval=opts.retrieval)
        doc_id = hits[0].paragraph.doc_id if hits else None
        names = index.document_speakers(doc_id) if doc_id else []
        pool = [c for c in _attributed(candidate_quotes(index, q.topic or q.text, opts.retrieval,
                                                        speakers=names))
                if c.quote.doc_id == doc_id]
    else:
        pool = [c for c in _attributed(candidate_quotes(index, q.topic, opts.retrieval, k=50))
                if c.support >= opts.topic_threshold]
    for c in pool:
        if c.quote.speaker not in ranked:
            ranked[c.quote.speaker] = c
    if not ranked:
        return _abstain(index, q, opts, "No one in the corpus is quoted on that.")
    lines = []
    for c in ranked.values():
        n = b.cite(c)
        lines.append(f"- **{c.quote.shown_speaker}**" + (f" [{n}]" if n else ""))
    shown = tuple(c.quote.shown_speaker for c in ranked.values())
    return Answer(question=q.text, intent=q.intent, answer="Quoted:\n" + "\n".join(lines),
                  abstained=False, speaker=shown[0], speakers=shown,
                  confidence=_confidence(next(iter(ranked.values()))), quotes=tuple(b.quotes),
                  citations=tuple(b.citations))


def _finish(q: Question, b: _Builder, text: str, verdict, best: Candidate) -> Answer:
    return Answer(question=q.text, intent=q.intent, answer=text, abstained=False, verdict=verdict,
                  speaker=best.quote.shown_speaker, speakers=_unique(c.speaker for c in b.quotes),
                  confidence=_confidence(best), quotes=tuple(b.quotes), citations=tuple(b.citations))


def _confidence(c: Candidate) -> float:
    """P(the answer is right), from the raw score by the fitted logistic map."""
    a, b = CALIBRATION
    return round(1.0 / (1.0 + math.exp(-(a * _raw(c) + b))), 4)


def _raw(c: Candidate) -> float:
    return c.support * (0.5 + 0.5 * c.quote.confidence)


def raw_score(confidence: float) -> float:
    """Inverse of `_confidence`: the raw score behind a reported confidence (for calibration)."""
    if not 0.0 < confidence < 1.0:
        return float("nan")
    a, b = CALIBRATION
    return (math.log(confidence / (1.0 - confidence)) - b) / a


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))
