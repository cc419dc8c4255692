"""Shared fixtures. The sample index is built once per session and only read by tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import rag
from rag.config import sample_corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def sample_index_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "index"
    report = rag.build_index(sample_corpus(), index=path)
    assert report.ok and report.added == 1
    return path


@pytest.fixture(scope="session")
def sample_index(sample_index_path):
    ix = rag.open_index(sample_index_path)
    yield ix
    ix.close()


@pytest.fixture
def gold_attribution():
    """Builds a one-piece gold attribution by finding its content, cue and source in `text`."""
    from evals.corpora.records import GoldAttribution

    def make(text: str, content: str, cue: str, source: str, cue_class: str = "speech") -> GoldAttribution:
        start, cstart, sstart = text.index(content), text.index(cue), text.index(source)
        return GoldAttribution(
            doc_id="d", content_spans=((start, start + len(content)),), content_text=content,
            source_spans=((sstart, sstart + len(source)),), source_text=source,
            cue_spans=((cstart, cstart + len(cue)),), cue_text=cue, speaker=None, kind="indirect",
            cue_class=cue_class)

    return make
