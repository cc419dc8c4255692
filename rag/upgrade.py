"""Bringing an index of an older format up to date from the documents it stored.

An index keeps every document's text, so a new format never needs the original files: the
documents are extracted and embedded again, with the same ids and the same model, into a new
folder that then takes the old one's place. The old folder is kept beside it, renamed.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .config import default_index_dir
from .errors import IndexFormatError, IndexNotFoundError
from .index import DB_FILE, Index
from .ingest.pipeline import IngestReport, ingest_documents
from .store.manifest import FILENAME, VERSION, manifest_data
from .types import Document


@dataclass(frozen=True)
class UpgradeReport:
    folder: Path
    from_version: int
    backup: Path | None  # where the old index now is; None when it was already current
    ingest: IngestReport | None = None


def upgrade_index(folder: str | Path | None = None) -> UpgradeReport:
    """Rebuilds the index in `folder` (default: the default index) in this version's format."""
    folder = Path(folder).expanduser() if folder is not None else default_index_dir()
    version, model = _old_manifest(folder)
    if version == VERSION:
        return UpgradeReport(folder, version, None)
    if not isinstance(version, int) or version > VERSION:
        raise IndexFormatError(f"{folder}: index format version {version}, this whosaid reads {VERSION}",
                               "use the whosaid version that built it")
    docs = _stored_documents(folder / DB_FILE)
    staging = folder.with_name(folder.name + ".upgrading")
    if staging.exists():
        shutil.rmtree(staging)  # a previous upgrade that did not finish; the original is intact
    ix = Index.open(staging, model=model, create=True)
    try:
        report = ingest_documents(ix, docs)
    finally:
        ix.close()
    backup = _free_name(folder.with_name(f"{folder.name}.v{version}"))
    folder.rename(backup)
    staging.rename(folder)
    return UpgradeReport(folder, version, backup, report)


def _old_manifest(folder: Path) -> tuple[object, str]:
    if not (folder / FILENAME).exists():
        raise IndexNotFoundError(folder)
    data = manifest_data(folder)
    if not data.get("model"):
        raise IndexFormatError(f"{folder / FILENAME}: names no embedding model")
    return data.get("version"), data["model"]


def _stored_documents(path: Path) -> list[Document]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT doc_id, text, title, source, date, url, author "
                                "FROM documents ORDER BY rowid").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise IndexFormatError(f"{path}: cannot read the stored documents ({exc})") from exc
    return [Document(*row) for row in rows]


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate
