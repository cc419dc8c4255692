"""Reading a question set and a documents list; the text a question searches with."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from .. import scoring

_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{3,})[\"\u201c\u201d]")


def read_questions(path: Path) -> list[dict]:
    """The questions of a .jsonl file; raises ClickException naming the file and line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{path}: not valid UTF-8 (byte {exc.start})") from exc
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    questions: list[dict] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise click.ClickException(
                f"{path}, line {lineno}: not valid JSON ({exc.msg}, column {exc.colno})") from exc
        problems = scoring.validate_question(q)
        if problems:
            raise click.ClickException(f"{path}, line {lineno}: " + "; ".join(problems))
        if q["id"] in seen:
            raise click.ClickException(
                f"{path}, line {lineno}: id {q['id']!r} already used on line {seen[q['id']]}")
        seen[q["id"]] = lineno
        questions.append(q)
    if not questions:
        raise click.ClickException(f"{path}: holds no questions")
    return questions


def read_docs_list(path: Path) -> list[Path]:
    """Paths listed one a line (``#`` comments, blank lines skipped), relative to the list file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    out = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        p = Path(line).expanduser()
        out.append(p if p.is_absolute() else (path.parent / p))
    if not out:
        raise click.ClickException(f"{path}: lists no documents")
    return out


def set_name(path: Path) -> str:
    stem = path.name.removesuffix(".jsonl").removesuffix(".json")
    return re.sub(r"[_-]qa$", "", stem) or stem


def query_text(question: str) -> str:
    """What recall@5 searches with: the quoted fragment when the question has one, else itself."""
    found = _QUOTED.findall(question)
    return max(found, key=len).strip() if found else question
