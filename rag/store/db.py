"""The SQLite half of an index: documents, paragraphs, quotes, speakers, FTS5 and the vectors' source."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from ..text import fold_spaces, normalize
from ..types import Document, Paragraph, Quote

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT, source TEXT, date TEXT, url TEXT, author TEXT,
    sha256 TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    noise INTEGER NOT NULL DEFAULT 0, vector BLOB, UNIQUE (doc_id, ordinal));
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, mention TEXT, mention_start INTEGER, mention_end INTEGER,
    cue TEXT, cue_start INTEGER, cue_end INTEGER, confidence REAL NOT NULL, "when" TEXT,
    speaker_as_written TEXT, vector BLOB);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);
CREATE INDEX IF NOT EXISTS quotes_para ON quotes (doc_id, paragraph);
-- Speakers are derived from the quotes, so the two can never disagree.
CREATE VIEW IF NOT EXISTS speakers AS
    SELECT speaker AS name, COUNT(*) AS quotes, COUNT(DISTINCT doc_id) AS documents,
           GROUP_CONCAT(DISTINCT mention) AS mentions
    FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker;
CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_fts USING fts5(text);
CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(text, speaker);
"""

_QUOTE_COLS = ('doc_id, paragraph, start, "end", text, kind, speaker, mention, mention_start, '
               'mention_end, cue, cue_start, cue_end, confidence, "when", speaker_as_written')


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(SCHEMA)
    return conn


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def document_sha(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def delete_document(conn: sqlite3.Connection, doc_id: str) -> tuple[list[int], list[int]]:
    """Removes a document and everything under it; returns the freed (paragraph, quote) vector ids."""
    pids = [r[0] for r in conn.execute("SELECT id FROM paragraphs WHERE doc_id = ?", (doc_id,))]
    qids = [r[0] for r in conn.execute("SELECT id FROM quotes WHERE doc_id = ?", (doc_id,))]
    conn.executemany("DELETE FROM paragraph_fts WHERE rowid = ?", [(i,) for i in pids])
    conn.executemany("DELETE FROM quote_fts WHERE rowid = ?", [(i,) for i in qids])
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
    return pids, qids


def insert_document(conn: sqlite3.Connection, doc: Document, sha: str) -> None:
    conn.execute(
        "INSERT INTO documents (doc_id, title, source, date, url, author, sha256, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.doc_id, doc.title, doc.source, doc.date, doc.url, doc.author, sha, doc.text))


def insert_paragraphs(conn: sqlite3.Connection, paragraphs: list[Paragraph],
                      vectors: dict[int, np.ndarray]) -> list[int]:
    """Inserts paragraphs; `vectors` maps a paragraph's position in the list to its vector."""
    ids = []
    for i, p in enumerate(paragraphs):
        vec = vectors.get(i)
        cur = conn.execute(
            'INSERT INTO paragraphs (doc_id, ordinal, text, start, "end", noise, vector) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (p.doc_id, p.ordinal, p.text, p.start, p.end, int(p.noise),
             None if vec is None else vec.tobytes()))
        ids.append(cur.lastrowid)
        if not p.noise:
            conn.execute("INSERT INTO paragraph_fts (rowid, text) VALUES (?, ?)",
                         (cur.lastrowid, normalize(p.text)))
    return ids


def insert_quotes(conn: sqlite3.Connection, quotes: list[Quote], vectors: np.ndarray) -> list[int]:
    ids = []
    for q, vec in zip(quotes, vectors):
        ms, me = q.mention_span or (None, None)
        cs, ce = q.cue_span or (None, None)
        cur = conn.execute(
            f"INSERT INTO quotes ({_QUOTE_COLS}, vector) VALUES ({', '.join('?' * 17)})",
            (q.doc_id, q.paragraph, q.start, q.end, q.text, q.kind, q.speaker, q.mention, ms, me,
             q.cue, cs, ce, q.confidence, q.when, q.speaker_as_written, vec.tobytes()))
        ids.append(cur.lastrowid)
        conn.execute("INSERT INTO quote_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                     (cur.lastrowid, normalize(q.text), normalize(q.speaker or "")))
    return ids


def row_to_quote(row: tuple) -> Quote:
    (doc_id, paragraph, start, end, text, kind, speaker, mention, ms, me, cue, cs, ce,
     confidence, when, as_written) = row
    return Quote(doc_id=doc_id, paragraph=paragraph, start=start, end=end, text=text, kind=kind,
                 speaker=speaker, mention=mention,
                 mention_span=(ms, me) if ms is not None else None, cue=cue,
                 cue_span=(cs, ce) if cs is not None else None, confidence=confidence, when=when,
                 speaker_as_written=as_written)


def quotes_by_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Quote]:
    ids = list(ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, {_QUOTE_COLS} FROM quotes WHERE id IN ({marks})", ids)
    return {r[0]: row_to_quote(r[1:]) for r in rows}


def quotes_where(conn: sqlite3.Connection, where: str = "1", args: tuple = (),
                 limit: int = -1) -> list[tuple[int, Quote]]:
    rows = conn.execute(f"SELECT id, {_QUOTE_COLS} FROM quotes WHERE {where} "
                        "ORDER BY doc_id, paragraph, start LIMIT ?", (*args, limit))
    return [(r[0], row_to_quote(r[1:])) for r in rows]


def paragraphs_by_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Paragraph]:
    ids = list(ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute('SELECT id, doc_id, ordinal, text, start, "end", noise FROM paragraphs '
                        f"WHERE id IN ({marks})", ids)
    return {r[0]: Paragraph(r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows}


def paragraph_id(conn: sqlite3.Connection, doc_id: str, ordinal: int) -> int | None:
    row = conn.execute("SELECT id FROM paragraphs WHERE doc_id = ? AND ordinal = ?",
                       (doc_id, ordinal)).fetchone()
    return row[0] if row else None


def fts_search(conn: sqlite3.Connection, table: str, query: str, k: int) -> list[tuple[int, float]]:
    """BM25 over normalised text; any word may match (OR), rarer words weigh more."""
    terms = [t for t in _fts_terms(query)]
    if not terms:
        return []
    match = " OR ".join(f'"{t}"' for t in terms)
    rows = conn.execute(f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ? "
                        f"ORDER BY bm25({table}) LIMIT ?", (match, k))
    return [(r[0], -float(r[1])) for r in rows]


_STOP = frozenset("""a an the of to in on and or but is are was were be been that this it its for with as
at by from who whom what did does do say said says about when which whose""".split())


def _fts_terms(query: str) -> Iterator[str]:
    seen = set()
    for word in fold_spaces(normalize(query)).replace('"', " ").split():
        word = "".join(ch for ch in word if ch.isalnum())
        if word and word not in _STOP and word not in seen:
            seen.add(word)
            yield word


def iter_vectors(conn: sqlite3.Connection, table: str) -> Iterator[tuple[int, np.ndarray]]:
    for rid, blob in conn.execute(f"SELECT id, vector FROM {table} WHERE vector IS NOT NULL"):
        yield rid, np.frombuffer(blob, dtype="float32")


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "paragraphs": one("SELECT COUNT(*) FROM paragraphs"),
        "quotes": one("SELECT COUNT(*) FROM quotes"),
        "speakers": one("SELECT COUNT(*) FROM speakers"),
        "paragraph_vectors": one("SELECT COUNT(*) FROM paragraphs WHERE vector IS NOT NULL"),
        "quote_vectors": one("SELECT COUNT(*) FROM quotes WHERE vector IS NOT NULL"),
    }
