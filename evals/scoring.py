"""The scoring rules of the question sets (``../shared/eval/README.md``) as plain functions.

A question is a dict in the question-set format (``id``, ``question``, ``intent``, ``speaker``,
``speakers``, ``evidence``, ``verdict``, ``abstain``, ``answer_contains``); an answer is the dict
``Answer.to_dict()`` returns. Everything is compared after :func:`norm` (NFKC, straight quotes, white
space runs folded, trimmed, case-folded).

Checks, each applying only when the question asks for it:

- ``speaker``: the answer's top speaker (``answer["speaker"]``) equals one of the accepted names
  (applies when ``speaker`` is a non-empty list);
- ``evidence``: at most 5 citations, and for ``who_said``/``did_say`` the first cited paragraph
  (lowest ``n``), for the other intents any cited paragraph, contains one of the evidence strings
  (applies when ``evidence`` is non-empty);
- ``verdict``: equals the expected one (applies when ``verdict`` is given);
- ``abstain``: the answer abstains exactly when ``abstain`` is true (missing = false; always applies);
- ``answer_contains``: each string occurs in the answer text (applies when non-empty);
- ``fidelity``: every quote the answer presents occurs verbatim in the text of the citation it points
  to (applies when the answer presents quotes);
- ``speakers``: for ``speakers`` questions, every group has a name among ``answer["speakers"]``
  (applies when ``speakers`` is a non-empty list).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .common import rate

try:  # the library's own normaliser: one definition of "the same text"
    from rag.text import normalize as _normalize
except ImportError:  # pragma: no cover - only when evals is used without the library
    import re
    import unicodedata

    _QUOTES = str.maketrans({
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2033": '"',
    })
    _SPACE = re.compile(r"\s+")

    def _normalize(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
        return _SPACE.sub(" ", text).strip().casefold()


INTENTS = ("who_said", "what_said", "did_say", "speakers", "when")
VERDICTS = ("yes", "no", "not_found")
#: Intents whose evidence must be in the FIRST cited paragraph.
FIRST_CITATION_INTENTS = ("who_said", "did_say")
MAX_CITATIONS = 5
#: Order in which checks are reported.
CHECKS = ("speaker", "speakers", "evidence", "verdict", "abstain", "answer_contains", "fidelity")


def norm(text: object) -> str:
    """The scoring normalisation; ``None`` becomes ``""``."""
    if text is None:
        return ""
    return _normalize(str(text))


def _contains(haystack: object, needle: object) -> bool:
    n = norm(needle)
    return bool(n) and n in norm(haystack)


def _names(value: object) -> list[str]:
    """A list of accepted names from a question field (a list, a single string or null)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [str(v) for v in value if v is not None and str(v).strip()]


def _citations(answer: Mapping) -> list[dict]:
    cits = [c for c in answer.get("citations") or [] if isinstance(c, Mapping)]
    return sorted(cits, key=lambda c: (c.get("n") is None, c.get("n") or 0))


# --------------------------------------------------------------------------- single checks
# Each returns None when the check does not apply, else (passed, detail).

Check = tuple[bool, str] | None


def check_speaker(question: Mapping, answer: Mapping) -> Check:
    accepted = _names(question.get("speaker"))
    if not accepted:
        return None
    got = answer.get("speaker")
    ok = bool(norm(got)) and norm(got) in {norm(a) for a in accepted}
    return ok, f"expected one of {accepted}, got {got!r}"


def check_speakers(question: Mapping, answer: Mapping) -> Check:
    groups = [g for g in (question.get("speakers") or []) if _names(g)]
    if not groups:
        return None
    named = {norm(s) for s in answer.get("speakers") or []}
    missing = [_names(g)[0] for g in groups if not any(norm(n) in named for n in _names(g))]
    return not missing, (f"missing {missing}; answer named {list(answer.get('speakers') or [])}"
                         if missing else "every group named")


def check_evidence(question: Mapping, answer: Mapping) -> Check:
    evidence = _names(question.get("evidence"))
    if not evidence:
        return None
    cits = _citations(answer)
    if len(cits) > MAX_CITATIONS:
        return False, f"{len(cits)} citations, at most {MAX_CITATIONS} allowed"
    if not cits:
        return False, "no citations"
    intent = question.get("intent")
    pool = cits[:1] if intent in FIRST_CITATION_INTENTS else cits
    for c in pool:
        if any(_contains(c.get("text"), e) for e in evidence):
            return True, f"citation [{c.get('n')}] holds the evidence"
    where = "first citation" if intent in FIRST_CITATION_INTENTS else "no citation"
    cited = ", ".join(f"[{c.get('n')}] {c.get('doc_id')}#{c.get('paragraph')}" for c in cits)
    if intent in FIRST_CITATION_INTENTS:
        later = [c for c in cits[1:] if any(_contains(c.get("text"), e) for e in evidence)]
        if later:
            return False, (f"evidence is in citation [{later[0].get('n')}], not in the first "
                           f"citation (cited: {cited})")
    return False, f"{where} holds any of {evidence} (cited: {cited})"


def check_verdict(question: Mapping, answer: Mapping) -> Check:
    expected = question.get("verdict")
    if expected is None:
        return None
    got = answer.get("verdict")
    return norm(got) == norm(expected), f"expected {expected!r}, got {got!r}"


def check_abstain(question: Mapping, answer: Mapping) -> Check:
    expected = bool(question.get("abstain", False))
    got = bool(answer.get("abstained", False))
    return got == expected, f"expected abstained={expected}, got {got}"


def check_answer_contains(question: Mapping, answer: Mapping) -> Check:
    wanted = _names(question.get("answer_contains"))
    if not wanted:
        return None
    missing = [w for w in wanted if not _contains(answer.get("answer"), w)]
    return not missing, (f"answer text lacks {missing}" if missing else "all present")


def quote_fidelity(answer: Mapping) -> tuple[int, int, list[str]]:
    """(verbatim quotes, all quotes, problems) for the quotes an answer presents."""
    by_n = {c.get("n"): c for c in answer.get("citations") or [] if isinstance(c, Mapping)}
    quotes = [q for q in answer.get("quotes") or [] if isinstance(q, Mapping)]
    good, problems = 0, []
    for q in quotes:
        cit = by_n.get(q.get("citation"))
        text = q.get("text")
        if cit is None:
            problems.append(f"quote {text!r} points to citation [{q.get('citation')}], "
                            "which the answer does not have")
        elif not _contains(cit.get("text"), text):
            problems.append(f"quote {text!r} is not verbatim in citation [{q.get('citation')}]")
        else:
            good += 1
    return good, len(quotes), problems


def check_fidelity(question: Mapping, answer: Mapping) -> Check:
    good, total, problems = quote_fidelity(answer)
    if total == 0:
        return None
    return good == total, ("; ".join(problems) if problems else f"{total} quotes verbatim")


_CHECKERS = {
    "speaker": check_speaker,
    "speakers": check_speakers,
    "evidence": check_evidence,
    "verdict": check_verdict,
    "abstain": check_abstain,
    "answer_contains": check_answer_contains,
    "fidelity": check_fidelity,
}


@dataclass
class Score:
    """The checks that applied to one question, and how they went."""

    checks: dict[str, bool] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        return all(self.checks.values())

    @property
    def failed(self) -> list[str]:
        return [name for name, ok in self.checks.items() if not ok]

    def to_dict(self) -> dict:
        return {
            "correct": self.correct,
            "failed": self.failed,
            "checks": dict(self.checks),
            "why": {k: self.details[k] for k in self.failed if k in self.details},
        }


def score(question: Mapping, answer: Mapping) -> Score:
    """Every check that applies to `question`, run on `answer` (an ``Answer.to_dict()``)."""
    result = Score()
    for name in CHECKS:
        outcome = _CHECKERS[name](question, answer)
        if outcome is not None:
            result.checks[name], result.details[name] = outcome
    return result


def failed_score(question: Mapping, message: str) -> Score:
    """A question whose answer could not be produced: one failing ``error`` check."""
    return Score(checks={"error": False}, details={"error": message})


# --------------------------------------------------------------------------- validation


def validate_question(q: object) -> list[str]:
    """Problems with one question record ([] when it is well formed)."""
    if not isinstance(q, Mapping):
        return ["a question must be a JSON object"]
    problems = []
    for key in ("id", "question", "intent"):
        if not isinstance(q.get(key), str) or not q.get(key).strip():
            problems.append(f"'{key}' must be a non-empty string")
    if isinstance(q.get("intent"), str) and q["intent"] not in INTENTS:
        problems.append(f"unknown intent {q['intent']!r} (expected one of {', '.join(INTENTS)})")
    for key in ("speaker", "evidence", "answer_contains"):
        v = q.get(key)
        if v is not None and not (isinstance(v, list) and all(isinstance(s, str) for s in v)):
            problems.append(f"'{key}' must be a list of strings or null")
    v = q.get("speakers")
    if v is not None and not (isinstance(v, list) and all(
            isinstance(g, list) and all(isinstance(s, str) for s in g) for g in v)):
        problems.append("'speakers' must be a list of lists of strings")
    if q.get("verdict") is not None and q.get("verdict") not in VERDICTS:
        problems.append(f"'verdict' must be one of {', '.join(VERDICTS)}")
    if "abstain" in q and not isinstance(q["abstain"], bool):
        problems.append("'abstain' must be true or false")
    return problems


# --------------------------------------------------------------------------- summaries


def percentile(values: Sequence[float], p: float) -> float | None:
    """Linear-interpolated percentile (as numpy's default); None for no values."""
    xs = sorted(values)
    if not xs:
        return None
    k = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summarize(rows: Iterable[Mapping]) -> dict:
    """Aggregate metrics over per-question rows.

    Each row holds ``question`` (the question dict), ``answer`` (dict or None), ``checks``
    (name -> bool), ``correct``, ``latency_ms`` (float or None) and ``recall_at_5`` (bool or None).
    """
    rows = list(rows)

    def check_rate(name: str) -> dict:
        outs = [r["checks"][name] for r in rows if name in r.get("checks", {})]
        return {"value": rate(sum(outs), len(outs)), "n": len(outs)}

    expected_abst = [r for r in rows if bool(r["question"].get("abstain", False))]
    answered_abst = [r for r in rows if r.get("answer") and r["answer"].get("abstained")]
    recall5 = [r["recall_at_5"] for r in rows if r.get("recall_at_5") is not None]
    lat = [r["latency_ms"] for r in rows if r.get("latency_ms") is not None]
    good_q = all_q = 0
    for r in rows:
        if r.get("answer"):
            g, t, _ = quote_fidelity(r["answer"])
            good_q, all_q = good_q + g, all_q + t
    p50, p95 = percentile(lat, 50), percentile(lat, 95)
    return {
        "n": len(rows),
        "correct": sum(bool(r.get("correct")) for r in rows),
        "accuracy": rate(sum(bool(r.get("correct")) for r in rows), len(rows)),
        "speaker_at_1": check_rate("speaker"),
        "speakers": check_rate("speakers"),
        "evidence": check_rate("evidence"),
        "verdict": check_rate("verdict"),
        "answer_contains": check_rate("answer_contains"),
        "abstention_precision": {
            "value": rate(sum(bool(r["question"].get("abstain", False)) for r in answered_abst),
                           len(answered_abst)),
            "n": len(answered_abst),
        },
        "abstention_recall": {
            "value": rate(sum(bool(r.get("answer") and r["answer"].get("abstained"))
                               for r in expected_abst), len(expected_abst)),
            "n": len(expected_abst),
        },
        "recall_at_5": {"value": rate(sum(recall5), len(recall5)), "n": len(recall5)},
        "fidelity": {"value": rate(good_q, all_q), "n": all_q},
        "latency_ms": {
            "p50": None if p50 is None else round(p50, 1),
            "p95": None if p95 is None else round(p95, 1),
            "n": len(lat),
        },
    }


def group_key(question: Mapping) -> str:
    """How the report groups questions: ``intent_detail`` when present, else ``intent``."""
    return str(question.get("intent_detail") or question.get("intent") or "?")
