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
