"""The weight files the learned parts ship beside their code."""

from __future__ import annotations

import json
from importlib import resources


def packaged_json(filename: str) -> dict | None:
    """A JSON file of this package, or None when it is absent (the part was never trained)."""
    try:
        return json.loads(resources.files(__package__).joinpath(filename).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
