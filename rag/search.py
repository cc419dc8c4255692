"""Retrieval: dense (FAISS) and keyword (FTS5) fused by reciprocal rank, then quote scoring."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from .locate import Located, asked_words, best_possible, locate
from .store import db
from .text import normalize, words
from .types import Paragraph, Quote

if TYPE_CHECKING:
    from .index import Index

Retrieval = Literal["hybrid", "dense", "keyword"]
RRF_K = 60
#: A quote the asked words align with (see locate.py) gets this times the alignment score as
#: support: below an exact phrase (0.95), since some words were not found.
LOCATED_WEIGHT = 0.9
#: ... and this when the asked words are found, nearly as asked, in the quote's own sentence.
SENTENCE_WEIGHT = 0.85
#: From this alignment score the asked words are taken to be found where locate() puts them,
#: and from the second, found nearly as asked.
FOUND_SCORE = 0.75
WORDS_AS_ASKED = 0.9
#: Below this cosine with the asked words, a text's share of them counts only averaged with the
#: cosine: "quite", "see" and "again" in Alice's long speech do not make her the speaker of "it
#: was quite uncertain when we might see him again" (cosine 0.06). True fragments of a long
#: quote measure 0.4 and more; 0.1, 0.2 and 0.3 were tried on the tuning question sets.
UNRELATED_COSINE = 0.15
# A sentence ends at . ! ? (and any closing marks) before white space, except after a title or
# an initial ("Mr. Kasich", "Donald J. Trump").
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)"
                           r"(?<!\bGov)(?<!\bGen)(?<!\bLt)(?<!\bJr)(?<!\bSr)[.!?][\"'\u201d\u2019)\]]*\s")
_STOP = frozenset("""a an the of to in on and or but is are was were be been being that this these those it its
for with as at by from who whom what did does do say said says about when which whose has have had
their there they he she his her him them we our you your i my not no so if then than into out up
would will could can should may might must also just very""".split())


@dataclass(frozen=True)
class Hit:
    """A retrieved paragraph with its fused rank score."""

    paragraph: Paragraph
    title: str | None
    score: float


@dataclass(frozen=True)
class Candidate:
    """A quote weighed against a query: `support` in [0, 1] says how well it matches."""

    quote_id: int
    quote: Quote
    paragraph: Paragraph
    title: str | None
    support: float
    exact: bool


def _check(retrieval: str) -> None:
    if retrieval not in ("hybrid", "dense", "keyword"):
        raise ValueError(f"retrieval must be hybrid, dense or keyword, not {retrieval!r}")


def _rrf(*rankings: list[int]) -> dict[int, float]:
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, rid in enumerate(ranking):
            fused[rid] = fused.get(rid, 0.0) + 1.0 / (RRF_K + rank + 1)
    return fused


def search_paragraphs(index: Index, text: str, k: int = 10, retrieval: str = "hybrid") -> list[Hit]:
    """The k paragraphs nearest to `text`; exact phrase matches first."""
    _check(retrieval)
    depth = max(k * 3, 30)
    dense = keyword = []
    if retrieval in ("hybrid", "dense"):
        vec = index.embed_query(text)
        dense = [i for i, _ in index.paragraph_vectors.search(vec, depth)]
    if retrieval in ("hybrid", "keyword"):
        keyword = [i for i, _ in db.fts_search(index.conn, "paragraph_fts", text, depth)]
    fused = _rrf(dense, keyword)
    paras = db.paragraphs_by_ids(index.conn, fused)
    phrase = normalize(text)
    for pid, para in paras.items():
        if len(phrase) > 12 and phrase in normalize(para.text):
            fused[pid] += 1.0
    best = sorted(fused, key=fused.get, reverse=True)[:k]
    return [Hit(paras[i], index.title(paras[i].doc_id), fused[i]) for i in best if i in paras]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOP and len(w) > 1]


def _query_words(text: str) -> tuple[list[str], bool]:
    """The words a match is scored on, and whether they include the small ones: a quotation
    made of small words ("it was 'Who does she think she is?'") is not just "think"."""
    content = content_words(text)
    every = [w for w in words(text) if len(w) > 1]
    if len(content) < 3 and len(every) >= 5:
        return every, True
    return content, False


def _coverage(query: tuple[list[str], bool], text: str) -> float:
    """Share of the query's words found in `text` (a shared 5-letter stem counts)."""
    query_words, every = query
    if not query_words:
        return 0.0
    have = set(words(text)) if every else set(content_words(text))
    stems = {w[:5] for w in have if len(w) >= 5}
    hits = sum(1 for w in query_words if w in have or (len(w) >= 5 and w[:5] in stems))
    return hits / len(query_words)


def candidate_quotes(index: Index, text: str, retrieval: str = "hybrid",
                     speakers: list[str] | None = None, k: int = 30) -> list[Candidate]:
    """Quotes that may be the words `text` asks about, best supported first.

    Candidates come from dense and keyword search over quotes and from the quotes inside the
    best paragraphs; `speakers` adds the quotes of those speakers (up to 500 each call), so a
    question about someone weighs all they said. Callers filter; one search serves both the
    "anyone" and the "this speaker" view of a question.
    """
    _check(retrieval)
    qvec = index.embed_query(text) if retrieval != "keyword" else None
    ids: set[int] = set()
    if qvec is not None:
        ids.update(i for i, _ in index.quote_vectors.search(qvec, k))
    if retrieval != "dense":
        ids.update(i for i, _ in db.fts_search(index.conn, "quote_fts", text, k))
    hits = search_paragraphs(index, text, k=10, retrieval=retrieval)
    keys = [(h.paragraph.doc_id, h.paragraph.ordinal) for h in hits]
    for doc_id, ordinal in keys:
        ids.update(r[0] for r in index.conn.execute(
            "SELECT id FROM quotes WHERE doc_id = ? AND paragraph = ?", (doc_id, ordinal)))
    quotes = db.quotes_by_ids(index.conn, ids)
    if speakers:
        marks = ",".join("?" * len(speakers))
        quotes.update(db.quotes_where(index.conn, f"speaker IN ({marks})", tuple(speakers), limit=500))
    return _score(index, text, qvec, quotes)


def _score(index: Index, text: str, qvec: np.ndarray | None, quotes: dict[int, Quote]) -> list[Candidate]:
    asked = _query_words(text)
    phrase = normalize(text)
    alignments = _Alignments(text, index)
    out = []
    para_cache: dict[tuple[str, int], tuple[int, Paragraph]] = {}
    titles: dict[str, str | None] = {}
    for quote in quotes.values():
        key = (quote.doc_id, quote.paragraph)
        if key not in para_cache:
            pid = db.paragraph_id(index.conn, *key)
            para_cache[key] = (pid, db.paragraphs_by_ids(index.conn, [pid])[pid])
    alignments.survey({key: para for key, (_, para) in para_cache.items()})
    for qid, quote in quotes.items():
        key = (quote.doc_id, quote.paragraph)
        pid, para = para_cache[key]
        cos_q = cos_p = 0.0
        if qvec is not None:
            cos_q = float(index.quote_vectors.index.reconstruct(qid) @ qvec)
            cos_p = float(index.paragraph_vectors.index.reconstruct(pid) @ qvec) if not para.noise else 0.0
        dense = qvec is not None
        # Small words are in every long text: a question made of them ("I was one of the first
        # to do that") is matched by where its words stand (the alignment below), not by their bag.
        quote_level = _reading(cos_q, _coverage(asked, quote.text), dense, asked[1])
        para_level = 0.8 * _reading(cos_p, _coverage(asked, para.text), dense, asked[1])
        exact = len(phrase) > 12 and phrase in normalize(quote.text)
        if para_level > quote_level and not exact and alignments.owned_elsewhere(key, para, quote):
            # The paragraph matches because of words that are another quote's, or that another
            # paragraph holds as asked: "Trump reported A, most of it money he lent. Kasich
            # reported B" is no support for Kasich saying "most of it money he lent".
            para_level = 0.0
        support = max(quote_level, para_level)
        if exact:
            support = max(support, 0.95)
        else:
            support = alignments.support(key, para, quote, support)
        if quote.doc_id not in titles:
            titles[quote.doc_id] = index.title(quote.doc_id)
        out.append(Candidate(qid, quote, para, titles[quote.doc_id],
                             round(min(1.0, max(0.0, support)), 4), exact))
    # Between equal supports the quote holding the asked words as written (punctuation too) first.
    out.sort(key=lambda c: (c.support, c.exact, c.quote.confidence), reverse=True)
    return out


def _reading(cosine: float, coverage: float, dense: bool, small_words: bool = False) -> float:
    """How well a text matches the asked words: the word coverage, or its mean with the cosine.

    The mean alone let a short fragment of a long quote fall under the threshold (the cosine of
    a part and its whole is low), so the lexical reading alone also counts, unless the cosine
    says the text is about something else, or the asked words are small ones (`small_words`).
    Without dense retrieval the coverage decides.
    """
    mean = 0.5 * cosine + 0.5 * coverage
    if dense and (cosine < UNRELATED_COSINE or small_words):
        return mean
    return max(coverage, mean)


class _Alignments:
    """Each paragraph's alignment with the asked words (locate.py), made only where it can matter.

    Aligning is the slow part of scoring, so a paragraph is aligned only when a cheap upper bound
    on the result beats the support its quote already has.
    """

    def __init__(self, text: str, index: Index) -> None:
        self.asked = asked_words(text)
        self.index = index
        self.bounds: dict[tuple[str, int], float] = {}
        self.found: dict[tuple[str, int], Located | None] = {}
        self.quote_spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self.best_found = 0.0

    def survey(self, paragraphs: dict[tuple[str, int], Paragraph]) -> None:
        """Align the paragraphs that may hold the asked words nearly as asked."""
        for key, para in paragraphs.items():
            if self._bound(key, para) >= WORDS_AS_ASKED and (loc := self._located(key, para)) is not None:
                self.best_found = max(self.best_found, loc.score)

    def _bound(self, key: tuple[str, int], para: Paragraph) -> float:
        if key not in self.bounds:
            self.bounds[key] = best_possible(self.asked, para.text)
        return self.bounds[key]

    def _located(self, key: tuple[str, int], para: Paragraph) -> Located | None:
        if key not in self.found:
            self.found[key] = locate(self.asked, para.text)
        return self.found[key]

    def support(self, key: tuple[str, int], para: Paragraph, quote: Quote, support: float) -> float:
        """`support`, raised to the located support when the aligned words are this quote's, or
        to a little less when they are found as asked in its sentence (a statement the
        extractor cut short: "invited Russia to dig up ... emails from Clinton's time [at the
        U.S. State Department]"), above quotes elsewhere that merely share the asked words."""
        if LOCATED_WEIGHT * self._bound(key, para) <= support:
            return support
        loc = self._located(key, para)
        if loc is None:
            return support
        if loc.covers(quote.start, quote.end):
            return max(support, LOCATED_WEIGHT * loc.score)
        if loc.score >= WORDS_AS_ASKED and (loc.overlap(quote.start, quote.end) or not _apart(
                para.text, (loc.start, loc.end), (quote.start, quote.end))):
            return max(support, SENTENCE_WEIGHT * loc.score)
        return support

    def owned_elsewhere(self, key: tuple[str, int], para: Paragraph, quote: Quote) -> bool:
        """Whether the asked words belong somewhere else than with this quote: another
        paragraph holds them as asked while this one does not, or this paragraph holds them
        in another sentence that attributes words of its own (another quote is in it)."""
        loc = self._located(key, para) if self._bound(key, para) >= FOUND_SCORE else None
        if loc is None or loc.score < FOUND_SCORE:
            return self.best_found >= WORDS_AS_ASKED
        if loc.overlap(quote.start, quote.end) or not _apart(para.text, (loc.start, loc.end), (quote.start, quote.end)):
            return False
        if key not in self.quote_spans:
            self.quote_spans[key] = self.index.conn.execute(
                "SELECT start, end FROM quotes WHERE doc_id = ? AND paragraph = ?", key).fetchall()
        return any((start, end) != (quote.start, quote.end)
                   and (loc.overlap(start, end) or not _apart(para.text, (loc.start, loc.end), (start, end)))
                   for start, end in self.quote_spans[key])


def _apart(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a sentence ends between two pieces of a paragraph."""
    # Searched in place, so that a title just before the gap ("Gov. Mitt Romney") is seen.
    gap = (min(a[1], b[1]), max(a[0], b[0]))
    return gap[0] < gap[1] and _SENTENCE_END.search(text, *gap) is not None
