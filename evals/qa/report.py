"""The qa report: the printed tables and failures, and the JSON record of a run."""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Mapping
from pathlib import Path

from .. import scoring
from ..common import git_commit


def summaries(rows: list[dict]) -> dict:
    """Metrics over all rows and per group (``intent_detail``, else ``intent``)."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(scoring.group_key(r["question"]), []).append(r)
    return {
        "overall": scoring.summarize(rows),
        "by_group": {g: scoring.summarize(rs) for g, rs in sorted(groups.items())},
    }


def question_record(row: Mapping) -> dict:
    """What the JSON keeps of one scored question."""
    q = row["question"]
    return {
        "id": row["id"],
        "question": q["question"],
        "intent": q.get("intent"),
        "intent_detail": q.get("intent_detail"),
        "correct": row["correct"],
        "failed": row["failed"],
        "why": row["why"],
        "checks": row["checks"],
        "expected": {k: v for k, v in q.items() if k not in ("id", "question")},
        "latency_ms": row["latency_ms"],
        "recall_at_5": row["recall_at_5"],
        "answer": row["answer"],
    }


def build_report(name: str, qa_file: Path, index_info: dict, systems: Mapping[str, list[dict]]) -> dict:
    """The JSON record of a run: the set, date, commit, index, and per system its summaries and
    every question's checks and answer."""
    report = {
        "set": name,
        "qa_file": str(qa_file),
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "git": git_commit(),
        "index": index_info,
        "python": sys.version.split()[0],
        "systems": {},
    }
    for sys_name, rows in systems.items():
        report["systems"][sys_name] = {
            **summaries(rows),
            "questions": [question_record(r) for r in rows],
        }
    report["summary"] = {k: v["overall"] for k, v in report["systems"].items()}
    report["git_commit"] = report["git"].get("commit")
    return report


_COLUMNS = (("n", 4), ("acc", 6), ("spk@1", 6), ("evid", 6), ("verd", 6), ("absP", 6),
            ("absR", 6), ("R@5", 6), ("fid", 6), ("p50ms", 8), ("p95ms", 8))


def _pct(metric: Mapping | float | None) -> str:
    value = metric.get("value") if isinstance(metric, Mapping) else metric
    return "-" if value is None else f"{100 * value:.0f}%"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _row_cells(s: Mapping) -> list[str]:
    return [str(s["n"]), _pct(s["accuracy"]), _pct(s["speaker_at_1"]), _pct(s["evidence"]),
            _pct(s["verdict"]), _pct(s["abstention_precision"]), _pct(s["abstention_recall"]),
            _pct(s["recall_at_5"]), _pct(s["fidelity"]), _ms(s["latency_ms"]["p50"]),
            _ms(s["latency_ms"]["p95"])]


def format_table(title: str, summary: Mapping) -> str:
    width = max([len("overall"), *(len(g) for g in summary["by_group"])]) + 2
    head = "".ljust(width) + "".join(name.rjust(w) for name, w in _COLUMNS)
    lines = [title, head, "-" * len(head)]
    for g, s in summary["by_group"].items():
        lines.append(g.ljust(width) + "".join(c.rjust(w) for c, (_, w) in
                                              zip(_row_cells(s), _COLUMNS)))
    lines.append("-" * len(head))
    lines.append("overall".ljust(width) + "".join(
        c.rjust(w) for c, (_, w) in zip(_row_cells(summary["overall"]), _COLUMNS)))
    return "\n".join(lines)


def format_side_by_side(overall: Mapping[str, Mapping]) -> str:
    width = max(len("system"), *(len(k) for k in overall)) + 2
    head = "system".ljust(width) + "".join(name.rjust(w) for name, w in _COLUMNS)
    lines = ["\n== side by side (overall) ==", head, "-" * len(head)]
    for name, s in overall.items():
        lines.append(name.ljust(width) + "".join(c.rjust(w) for c, (_, w) in
                                                 zip(_row_cells(s), _COLUMNS)))
    return "\n".join(lines)


def format_failures(name: str, rows: list[dict], limit: int = 40) -> str:
    bad = [r for r in rows if not r["correct"]]
    if not bad:
        return f"[{name}] every question correct"
    lines = [f"[{name}] {len(bad)} failed:"]
    for r in bad[:limit]:
        a = r["answer"] or {}
        got = (f"speaker={a.get('speaker')!r} verdict={a.get('verdict')!r} "
               f"abstained={a.get('abstained')!r}") if a else "no answer"
        lines.append(f"  {r['id']} ({', '.join(r['failed'])}): {r['question']['question']}")
        lines.append(f"      got {got}")
        for check, why in r["why"].items():
            lines.append(f"      {check}: {why}")
    if len(bad) > limit:
        lines.append(f"  ... and {len(bad) - limit} more (see the JSON)")
    return "\n".join(lines)
