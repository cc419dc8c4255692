"""manifest.json: what an index folder holds and which model made its vectors."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from ..errors import IndexFormatError

FORMAT = "whosaid-index"
VERSION = 2  # 2: quotes keep the speaker's name as their document writes it
FILENAME = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    model: str
    dim: int
    generation: int = 0
    counts: dict = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    format: str = FORMAT
    version: int = VERSION

    def bumped(self, counts: dict) -> Manifest:
        return replace(self, generation=self.generation + 1, counts=counts, updated=_now())


def new_manifest(model: str, dim: int) -> Manifest:
    now = _now()
    return Manifest(model=model, dim=dim, created=now, updated=now)


def read_manifest(folder: Path) -> Manifest:
    data = manifest_data(folder)
    if data.get("version") != VERSION:
        raise IndexFormatError(
            f"{folder / FILENAME}: index format version {data.get('version')}, this whosaid reads {VERSION}",
            f"rebuild it from its stored documents: `whosaid upgrade --index {folder}` (or rag.upgrade_index)")
    known = {k: data[k] for k in Manifest.__dataclass_fields__ if k in data}
    return Manifest(**known)


def manifest_data(folder: Path) -> dict:
    """The manifest as stored, of any format version (an upgrade reads older ones)."""
    path = folder / FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IndexFormatError(f"{path}: cannot read the index manifest ({exc})",
                               "rebuild the index in an empty folder") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise IndexFormatError(f"{path}: not a whosaid index manifest")
    return data


def write_manifest(folder: Path, manifest: Manifest) -> None:
    path = folder / FILENAME
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
