"""Writing a question set: FILE.jsonl (one question a line) and FILE.docs.txt (the documents to index)."""

from __future__ import annotations

import json
from pathlib import Path


def docs_list_path(out: Path) -> Path:
    name = out.name.removesuffix(".jsonl")
    return out.with_name(name + ".docs.txt")


def write_question_set(out: Path, questions: list[dict], selected: list) -> tuple[Path, list[str]]:
    """Write the questions to `out` and the selected documents' paths beside it; returns the
    documents list's path and the paths it holds."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for q in questions:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    listing = docs_list_path(out)
    paths = [str(Path(d.source).resolve()) if d.source else d.doc_id for d in selected]
    listing.write_text("".join(p + "\n" for p in paths), encoding="utf-8")
    return listing, paths


def detail_counts(questions: list[dict]) -> dict[str, int]:
    """How many questions of each ``intent_detail``."""
    counts: dict[str, int] = {}
    for q in questions:
        counts[q["intent_detail"]] = counts.get(q["intent_detail"], 0) + 1
    return counts
