"""whosaid: who said what, with the paragraph it comes from.

    import rag
    rag.build_index(["articles/"])                   # into the default index
    answer = rag.ask('Who said "..."?')
    print(answer.answer, answer.to_dict())
"""

from __future__ import annotations

from pathlib import Path

from .errors import (IndexFormatError, IndexNotFoundError, InputFileError, ModelLoadError,
                     ModelMismatchError, QuestionError, WhosaidError)
from .index import Index, open_index
from .ingest.pipeline import IngestReport
from .search import Hit
from .types import Answer, Citation, CitedQuote, Document, Paragraph, Quote, Speaker
from .upgrade import UpgradeReport, upgrade_index

__all__ = [
    "build_index", "ask", "open_index", "upgrade_index", "Index", "IngestReport", "UpgradeReport", "Hit",
    "Answer", "Citation", "CitedQuote", "Document", "Paragraph", "Quote", "Speaker",
    "WhosaidError", "InputFileError", "IndexNotFoundError", "IndexFormatError",
    "ModelMismatchError", "ModelLoadError", "QuestionError",
]


def build_index(paths, index: str | Path | Index | None = None, *, model: str | None = None
                ) -> IngestReport:
    """Indexes files and folders (.txt, .md, .html, .jsonl); creates the index if needed.

    Bad files are reported in `IngestReport.failures`; the others are indexed.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if isinstance(index, Index):
        return index.add(paths)
    from .config import default_index_dir

    ix = Index.open(index if index is not None else default_index_dir(), model=model, create=True)
    try:
        return ix.add(paths)
    finally:
        ix.close()


def ask(question: str, index: str | Path | Index | None = None, *, retrieval: str = "hybrid") -> Answer:
    """Answers one question from an index (`None`: the default index)."""
    ix = open_index(index)
    try:
        return ix.ask(question, retrieval=retrieval)
    finally:
        if ix is not index:
            ix.close()
