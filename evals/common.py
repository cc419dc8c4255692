"""What every eval shares: where results go, and the git commit a result was made at."""

from __future__ import annotations

import subprocess
from pathlib import Path

#: Default folder of the JSON results (``qa-<set>.json``, ``attribution-<format>-<split>.json``).
RESULTS_DIR = Path(__file__).resolve().parent / "results"
REPO_ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str) -> str | None:
    """``git ARGS`` run in the repository: its stripped output, None when git fails."""
    try:
        out = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                             timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def git_commit() -> dict:
    """``{"commit": full hash or None, "dirty": uncommitted changes? (None when unknown)}``."""
    status = _git("status", "--porcelain")
    return {"commit": _git("rev-parse", "HEAD"), "dirty": bool(status) if status is not None else None}


def git_short_commit() -> str | None:
    """The short hash of HEAD, or None."""
    return _git("rev-parse", "--short", "HEAD") or None


def rate(num: int, den: int) -> float | None:
    """``num / den`` rounded to 4 places; None when ``den`` is 0."""
    return round(num / den, 4) if den else None
