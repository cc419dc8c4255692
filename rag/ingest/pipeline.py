"""Ingest: files -> documents -> paragraphs + quotes -> embeddings -> one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputFileError
from ..quotes import extract_documents
from ..store import db
from ..text import fold_spaces
from ..types import Document
from .readers import iter_documents, iter_files

if TYPE_CHECKING:
    from ..index import Index

#: Paragraphs gathered before one embedding call: big enough to keep the encoder busy.
CHUNK_PARAGRAPHS = 256


@dataclass(frozen=True)
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    paragraphs: int = 0
    quotes: int = 0
    failures: tuple[InputFileError, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "paragraphs": self.paragraphs, "quotes": self.quotes,
                "failures": [{"path": f.path, "problem": f.problem} for f in self.failures]}


def read_inputs(paths: Iterable[str | Path], failures: list[InputFileError]) -> Iterator[Document]:
    """Documents from every file; a bad file is recorded in `failures` and skipped."""
    for item in iter_files(list(paths)):
        if isinstance(item, InputFileError):
            failures.append(item)
            continue
        for doc in iter_documents(item):
            if isinstance(doc, InputFileError):
                failures.append(doc)
            else:
                yield doc


def ingest(index: Index, paths: Iterable[str | Path], nlp=None) -> IngestReport:
    """Adds new documents, replaces changed ones, skips unchanged ones; all or nothing."""
    failures: list[InputFileError] = []
    return ingest_documents(index, read_inputs(paths, failures), nlp, failures)


def ingest_documents(index: Index, docs: Iterable[Document], nlp=None,
                     failures: list[InputFileError] | None = None) -> IngestReport:
    """`ingest` for documents already read (`failures`: filled while `docs` is consumed)."""
    failures = [] if failures is None else failures
    tally = {"added": 0, "replaced": 0, "unchanged": 0, "paragraphs": 0, "quotes": 0}
    conn = index.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for chunk in _chunks(iter(docs)):
            todo = []
            for doc in chunk:
                sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
                old = db.document_sha(conn, doc.doc_id)
                if old == sha:
                    tally["unchanged"] += 1
                    continue
                if old is not None:
                    pids, qids = db.delete_document(conn, doc.doc_id)
                    index.paragraph_vectors.remove(pids)
                    index.quote_vectors.remove(qids)
                    tally["replaced"] += 1
                else:
                    tally["added"] += 1
                db.insert_document(conn, doc, sha)
                todo.append(doc)
            _store_chunk(index, todo, nlp, tally)
        index.commit_ingest()
    except BaseException:
        index.rollback_ingest()
        raise
    return IngestReport(**tally, failures=tuple(failures))


def _chunks(docs: Iterator[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += doc.text.count("\n\n") + 1
        if size >= CHUNK_PARAGRAPHS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _store_chunk(index: Index, docs: list[Document], nlp, tally: dict) -> None:
    """Extracts, embeds (one call for all paragraphs, one for all quotes) and inserts a chunk."""
    if not docs:
        return
    extracted = list(extract_documents(docs, nlp))
    prose = [p for paragraphs, _ in extracted for p in paragraphs if not p.noise]
    quotes = [q for _, qs in extracted for q in qs]
    pvecs = index.encoder.encode([fold_spaces(p.text) for p in prose])
    qvecs = index.encoder.encode([fold_spaces(q.text) for q in quotes])
    row = 0
    for paragraphs, _ in extracted:
        vectors = {}
        for i, p in enumerate(paragraphs):
            if not p.noise:
                vectors[i] = pvecs[row]
                row += 1
        ids = db.insert_paragraphs(index.conn, paragraphs, vectors)
        index.paragraph_vectors.add([ids[i] for i in vectors],
                                    pvecs[row - len(vectors): row] if vectors else pvecs[:0])
        tally["paragraphs"] += len(paragraphs)
    registry = index.speaker_registry
    for i, q in enumerate(quotes):
        if q.speaker:
            name = registry.canonical(q.speaker)
            registry.add(name)
            if name != q.speaker:
                quotes[i] = replace(q, speaker=name, speaker_as_written=q.speaker)
    qids = db.insert_quotes(index.conn, quotes, qvecs)
    index.quote_vectors.add(qids, qvecs)
    tally["quotes"] += len(quotes)
