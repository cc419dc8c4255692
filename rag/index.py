"""An index folder: manifest.json, whosaid.sqlite, paragraphs.faiss, quotes.faiss."""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path

from .config import default_index_dir, default_model_name, sample_corpus
from .embed import Encoder, load_encoder
from .errors import IndexFormatError, IndexNotFoundError, ModelMismatchError
from .store import db
from .store.manifest import FILENAME, Manifest, new_manifest, read_manifest, write_manifest
from .store.vectors import VectorStore
from .text import fold_spaces
from .types import Answer, Document, Paragraph, Quote, Speaker

DB_FILE = "whosaid.sqlite"
PARAGRAPH_VECTORS = "paragraphs.faiss"
QUOTE_VECTORS = "quotes.faiss"


class Index:
    """An opened index. Use `open_index`; one Index may serve many questions (thread-safe reads)."""

    def __init__(self, path: Path, manifest: Manifest, encoder: Encoder | None = None) -> None:
        self.path = path
        self.manifest = manifest
        self._encoder = encoder
        self.lock = threading.RLock()
        self.conn = db.connect(path / DB_FILE)
        self.paragraph_vectors, self.quote_vectors = self._load_vectors()
        self._folded: dict[str, str] = {}  # doc_id -> its text lower-cased, spaces folded (a few)
        self._written: dict[tuple[str, str], bool] = {}  # (doc_id, name) -> whether the text has it

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, model: str | None = None,
             create: bool = False) -> Index:
        folder = Path(path).expanduser() if path is not None else default_index_dir()
        if (folder / FILENAME).exists():
            manifest = read_manifest(folder)
            if model is not None and model != manifest.model:
                raise ModelMismatchError(folder, manifest.model, model)
            return cls(folder, manifest)
        if not create:
            raise IndexNotFoundError(folder)
        if folder.exists() and any(folder.iterdir()):
            raise IndexFormatError(
                f"{folder} is not empty and holds no whosaid index",
                "choose an empty or new folder for the index")
        folder.mkdir(parents=True, exist_ok=True)
        encoder = load_encoder(model or default_model_name())
        manifest = new_manifest(encoder.name, encoder.dim)
        write_manifest(folder, manifest)
        return cls(folder, manifest, encoder)

    def _load_vectors(self) -> tuple[VectorStore, VectorStore]:
        """Loads the FAISS files; rebuilds them from SQLite if a crash left them behind."""
        dim = self.manifest.dim
        stored = db.get_meta(self.conn, "generation")
        counts = db.counts(self.conn)
        stores = []
        for filename, table, key in ((PARAGRAPH_VECTORS, "paragraphs", "paragraph_vectors"),
                                     (QUOTE_VECTORS, "quotes", "quote_vectors")):
            file = self.path / filename
            store = None
            if file.exists() and stored == str(self.manifest.generation):
                try:
                    store = VectorStore.load(file, dim)
                except (RuntimeError, ValueError):
                    store = None
            if store is None or len(store) != counts[key]:
                store = VectorStore.from_rows(dim, db.iter_vectors(self.conn, table))
            stores.append(store)
        return stores[0], stores[1]

    # -- writing (used by ingest) --------------------------------------------------------
    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.manifest.model)
        return self._encoder

    def embed_query(self, text: str):
        """The query's vector; one question asks for the same words several times, so cache it."""
        cache = self.__dict__.setdefault("_query_vectors", {})
        key = fold_spaces(text)
        if key not in cache:
            if len(cache) >= 256:
                cache.pop(next(iter(cache)))
            cache[key] = self.encoder.encode([key])[0]
        return cache[key]

    def commit_ingest(self) -> None:
        """Commits SQLite, then writes FAISS files and the manifest under the new generation."""
        counts = self._public_counts()
        manifest = self.manifest.bumped(counts)
        db.set_meta(self.conn, "generation", str(manifest.generation))
        self.conn.execute("COMMIT")
        self.paragraph_vectors.save(self.path / PARAGRAPH_VECTORS)
        self.quote_vectors.save(self.path / QUOTE_VECTORS)
        write_manifest(self.path, manifest)
        self.manifest = manifest
        self.__dict__.pop("speaker_aliases", None)
        self._folded.clear()  # a document re-ingested under its id may read differently now
        self._written.clear()

    def rollback_ingest(self) -> None:
        self.conn.execute("ROLLBACK")
        self.__dict__.pop("speaker_registry", None)
        self.paragraph_vectors, self.quote_vectors = self._load_vectors()

    def add(self, paths, nlp=None):
        """Ingests files and folders into this index; returns an IngestReport."""
        from .ingest.pipeline import ingest

        with self.lock:
            return ingest(self, paths, nlp)

    # -- reading -------------------------------------------------------------------------
    def _public_counts(self) -> dict:
        c = db.counts(self.conn)
        return {"documents": c["documents"], "paragraphs": c["paragraphs"], "quotes": c["quotes"],
                "speakers": c["speakers"], "vectors": len(self.paragraph_vectors)}

    def stats(self) -> dict:
        with self.lock:
            return self._public_counts()

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT doc_id, text, title, source, date, url, author FROM documents "
                                "WHERE doc_id = ?", (doc_id,)).fetchone()
        return Document(*row) if row else None

    def writes(self, doc_id: str, name: str) -> bool:
        """Whether a document's text has `name` in it, in any case and across line breaks."""
        phrase = fold_spaces(name).lower()
        with self.lock:  # the chat asks from several threads; the caches are shared
            if (found := self._written.get((doc_id, phrase))) is None:
                if len(self._written) >= _WRITTEN_KEPT:
                    self._written.clear()
                found = self._written[doc_id, phrase] = self._has_phrase(doc_id, phrase)
            return found

    def _has_phrase(self, doc_id: str, phrase: str) -> bool:
        if doc_id not in self._folded:
            row = self.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if len(self._folded) >= _FOLDED_KEPT:
                self._folded.pop(next(iter(self._folded)))
            # Folded once and kept: a question may ask about hundreds of its quotes.
            self._folded[doc_id] = fold_spaces(row[0]).lower() if row else ""
        text = self._folded[doc_id]
        at = text.find(phrase) if phrase else -1
        while at >= 0:
            end = at + len(phrase)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                return True
            at = text.find(phrase, at + 1)
        return False

    def title(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT title FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def paragraph(self, doc_id: str, ordinal: int) -> Paragraph | None:
        pid = db.paragraph_id(self.conn, doc_id, ordinal)
        return db.paragraphs_by_ids(self.conn, [pid]).get(pid) if pid is not None else None

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        """Every quote, or those of one speaker (matched through names and mentions)."""
        with self.lock:
            if speaker is None:
                return [q for _, q in db.quotes_where(self.conn)]
            names = self.match_speaker(speaker)
            if not names:
                return []
            marks = ",".join("?" * len(names))
            return [q for _, q in db.quotes_where(self.conn, f"speaker IN ({marks})", tuple(names))]

    def document_speakers(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE doc_id = ? AND speaker IS NOT NULL", (doc_id,))]

    def speakers(self) -> list[Speaker]:
        out = []
        for name, aliases in sorted(self.speaker_aliases.items()):
            desc = _description(name, aliases)
            out.append(Speaker(name=name, aliases=tuple(sorted(aliases - {name})), description=desc))
        return out

    @cached_property
    def speaker_aliases(self) -> dict[str, set[str]]:
        """Canonical speaker -> every way the text named them."""
        table: dict[str, set[str]] = {}
        for speaker, mention in self.conn.execute(
                "SELECT DISTINCT speaker, mention FROM quotes WHERE speaker IS NOT NULL"):
            table.setdefault(speaker, {speaker}).add(mention or speaker)
        return table

    @cached_property
    def speaker_registry(self):
        """Speaker names across documents, so that spelling variants merge at ingest."""
        from .quotes.registry import SpeakerRegistry

        return SpeakerRegistry(r[0] for r in self.conn.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL"))

    def match_speaker(self, name: str) -> list[str]:
        from .names import match_speaker

        return match_speaker(name, self.speaker_aliases)

    def search(self, text: str, k: int = 10, retrieval: str = "hybrid"):
        from .search import search_paragraphs

        with self.lock:
            return search_paragraphs(self, text, k=k, retrieval=retrieval)

    def ask(self, question: str, retrieval: str = "hybrid", threshold: float | None = None) -> Answer:
        """`threshold` overrides the support below which the answer abstains (for calibration)."""
        from .answer import answer_question

        with self.lock:
            return answer_question(self, question, retrieval=retrieval, threshold=threshold)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_FOLDED_KEPT = 8  # documents whose folded text `Index.writes` keeps
_WRITTEN_KEPT = 50_000  # answers `Index.writes` keeps (a question asks about a few hundred)


def _description(name: str, aliases: set[str]) -> str | None:
    """The words around the name in its longest mention ("Ukrainian President")."""
    longest = max(aliases, key=len)
    rest = longest.replace(name, "").strip(" ,")
    return rest or None


def open_index(index: str | Path | Index | None = None, *, model: str | None = None,
               create: bool = False) -> Index:
    """Opens an index folder. `None` is the default index, built from the sample corpus if new."""
    if isinstance(index, Index):
        return index
    if index is None:
        folder = default_index_dir()
        if not (folder / FILENAME).exists():
            ix = Index.open(folder, model=model, create=True)
            ix.add(sample_corpus())
            return ix
    return Index.open(index, model=model, create=create)
