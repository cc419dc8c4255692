"""Retrieval: dense (FAISS) and keyword (FTS5) fused by reciprocal rank, then quote scoring."""

from __future__ import annotations

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
    alignments = _Alignments(text)
    out = []
    para_cache: dict[tuple[str, int], tuple[int, Paragraph]] = {}
    titles: dict[str, str | None] = {}
    for qid, quote in quotes.items():
        key = (quote.doc_id, quote.paragraph)
        if key not in para_cache:
            pid = db.paragraph_id(index.conn, *key)
            para_cache[key] = (pid, db.paragraphs_by_ids(index.conn, [pid])[pid])
        pid, para = para_cache[key]
        cos_q = cos_p = 0.0
        if qvec is not None:
            cos_q = float(index.quote_vectors.index.reconstruct(qid) @ qvec)
            cos_p = float(index.paragraph_vectors.index.reconstruct(pid) @ qvec) if not para.noise else 0.0
        quote_level = _reading(cos_q, _coverage(asked, quote.text))
        para_level = _reading(cos_p, _coverage(asked, para.text))
        support = max(quote_level, 0.8 * para_level)
        exact = len(phrase) > 12 and phrase in normalize(quote.text)
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


def _reading(cosine: float, coverage: float) -> float:
    """How well a text matches the asked words: the word coverage, or its mean with the cosine.

    The mean alone let a short fragment of a long quote fall under the threshold (the cosine of
    a part and its whole is low), so the lexical reading alone also counts. Without dense
    retrieval the cosine is 0 and the coverage decides.
    """
    return max(coverage, 0.5 * cosine + 0.5 * coverage)


class _Alignments:
    """Each paragraph's alignment with the asked words (locate.py), made only where it can matter.

    Aligning is the slow part of scoring, so a paragraph is aligned only when a cheap upper bound
    on the result beats the support its quote already has.
    """

    def __init__(self, text: str) -> None:
        self.asked = asked_words(text)
        self.bounds: dict[tuple[str, int], float] = {}
        self.found: dict[tuple[str, int], Located | None] = {}

    def support(self, key: tuple[str, int], para: Paragraph, quote: Quote, support: float) -> float:
        """`support`, raised to the located support when the aligned words are this quote's."""
        if key not in self.bounds:
            self.bounds[key] = best_possible(self.asked, para.text)
        if LOCATED_WEIGHT * self.bounds[key] <= support:
            return support
        if key not in self.found:
            self.found[key] = locate(self.asked, para.text)
        loc = self.found[key]
        if loc is None or not loc.covers(quote.start, quote.end):
            return support
        return max(support, LOCATED_WEIGHT * loc.score)
