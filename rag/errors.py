"""Typed errors. The library raises these; only the CLI and the UI turn them into messages."""

from __future__ import annotations

from pathlib import Path


class WhosaidError(Exception):
    """Base of every error whosaid raises on purpose. `hint` says how to fix it."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputFileError(WhosaidError):
    """A file given to ingest cannot be read as a document."""

    def __init__(self, path: str | Path, problem: str, hint: str | None = None):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}", hint)


class IndexNotFoundError(WhosaidError):
    def __init__(self, path: str | Path):
        self.path = str(path)
        super().__init__(
            f"no whosaid index at {self.path}",
            "build one with `whosaid index PATH... --index " + self.path + "`",
        )


class IndexFormatError(WhosaidError):
    """The folder holds something that is not a usable index (wrong version, corrupt files)."""


class ModelMismatchError(WhosaidError):
    def __init__(self, index_path: str | Path, index_model: str, wanted_model: str):
        self.index_path = str(index_path)
        self.index_model = index_model
        self.wanted_model = wanted_model
        super().__init__(
            f"the index at {self.index_path} was built with the embedding model "
            f"'{index_model}', not '{wanted_model}'",
            "open it without choosing a model, or build a new index with the model you want "
            "in another folder",
        )


class ModelLoadError(WhosaidError):
    """An embedding or spaCy model could not be loaded offline."""


class QuestionError(WhosaidError):
    """The question is empty or cannot be asked."""
