"""Running one system over a question set: every answer timed and scored, with recall@5."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from .. import scoring
from .questions import query_text


def _recall_at_5(index, q: Mapping, mode: str) -> bool | None:
    evidence = [e for e in q.get("evidence") or [] if e]
    if not evidence or q.get("abstain"):
        return None
    hits = index.search(query_text(q["question"]), k=5, retrieval=mode)
    return any(any(scoring._contains(h.paragraph.text, e) for e in evidence) for h in hits[:5])


def run_system(index, questions: list[dict], name: str,
               ask: Callable[[dict], dict], mode: str,
               progress: Callable[[str], None] | None = None) -> list[dict]:
    rows = []
    try:  # warm-up, untimed: loading models must not count as the first question's latency
        ask(questions[0])
    except Exception:  # noqa: BLE001 - the timed run records it
        pass
    for i, q in enumerate(questions, start=1):
        answer, latency, error = None, None, None
        t0 = time.perf_counter()
        try:
            answer = ask(q)
            latency = (time.perf_counter() - t0) * 1000.0
        except Exception as exc:  # noqa: BLE001 - a report: record the failure and go on
            error = f"{type(exc).__name__}: {exc}"
        sc = scoring.failed_score(q, error) if error else scoring.score(q, answer)
        try:
            r5 = _recall_at_5(index, q, mode)
        except Exception as exc:  # noqa: BLE001
            r5 = False
            sc.details.setdefault("recall_at_5", f"search failed: {type(exc).__name__}: {exc}")
        row = {
            "id": q["id"],
            "question": q,
            "system": name,
            "correct": sc.correct,
            "failed": sc.failed,
            "checks": sc.checks,
            "why": {k: sc.details[k] for k in sc.failed if k in sc.details},
            "latency_ms": None if latency is None else round(latency, 1),
            "recall_at_5": r5,
            "answer": answer,
        }
        rows.append(row)
        if progress:
            progress(f"[{name}] {i}/{len(questions)} {q['id']}: "
                     f"{'ok' if sc.correct else 'FAIL ' + ','.join(sc.failed)}")
    return rows
