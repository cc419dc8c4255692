"""`python -m evals qa QA.jsonl`: answer a question set and score it by ``../shared/eval/README.md``.

    python -m evals qa ../shared/eval/seed_qa.jsonl                      # the default index
    python -m evals qa QA.jsonl --index DIR                               # an existing index
    python -m evals qa QA.jsonl --docs a.txt b.txt                        # a fresh index of these files
    python -m evals qa QA.jsonl --docs-list QA.docs.txt                   # ... of the files listed there
    python -m evals qa QA.jsonl --retrieval all --baseline                # compare retrieval modes

Prints a table per intent (per ``intent_detail`` when the set has it) and overall, then the failed
questions; writes JSON (default ``evals/results/qa-<set>.json``) with every question's checks and
answer, the summaries, the date and the git commit. The exit code is 0 however many questions fail;
it is non-zero only for bad input (a missing file, a line that is not a valid question).

Latency is the wall time of one ``Index.ask`` (ms), after one untimed warm-up question so that
model loading is not counted; recall@5 searches with the question's quoted fragment when it has
one (else the question) and counts a hit whose paragraph holds an evidence string.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import click

from . import scoring

RESULTS_DIR = Path(__file__).resolve().parent / "results"
REPO_ROOT = Path(__file__).resolve().parent.parent
MODES = ("hybrid", "dense", "keyword")
_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{3,})[\"\u201c\u201d]")


# --------------------------------------------------------------------------- input


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


def git_commit() -> dict:
    def run(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                                 timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip() if out.returncode == 0 else None

    status = run("status", "--porcelain")
    return {"commit": run("rev-parse", "HEAD"), "dirty": bool(status) if status is not None else None}


# --------------------------------------------------------------------------- baseline


_DID = re.compile(r"^\s*did\s+(.+?)\s+(?:say|tell|claim|write|ask|describe|call|note|report|"
                  r"state|admit|warn|argue|insist|suggest)\b", re.I)


class NerBaseline:
    """A naive baseline: the PERSON entity nearest the question's words in the top paragraph.

    No quote attribution at all: retrieve (hybrid), run spaCy NER on the top paragraph, answer with
    the PERSON nearest the matched fragment (the first PERSON when it cannot be placed). It is given
    the gold intent; `did_say` compares the named speaker with that PERSON; `speakers` lists the
    PERSONs of the top 5 paragraphs. Abstains only when it finds no PERSON.
    """

    def __init__(self, index) -> None:
        from rag.quotes import load_nlp

        self.index = index
        self.nlp = load_nlp()

    def ask(self, q: Mapping) -> dict:
        text = q["question"]
        query = query_text(text)
        hits = self.index.search(query, k=5, retrieval="hybrid")
        intent = q.get("intent", "who_said")
        if not hits:
            return self._answer(text, intent, None, [], [])
        top = hits[0].paragraph
        speaker = self._nearest_person(top.text, query)
        speakers: list[str] = []
        cited = [hits[0]]
        if intent == "speakers":
            cited = hits[:5]
            for h in cited:
                for ent in self.nlp(h.paragraph.text).ents:
                    name = " ".join(ent.text.split())
                    if ent.label_ == "PERSON" and name not in speakers:
                        speakers.append(name)
            speaker = speakers[0] if speakers else None
        elif speaker:
            speakers = [speaker]
        verdict = None
        if intent == "did_say":
            m = _DID.match(text)
            if speaker is None:
                verdict = "not_found"
            elif m and _same_person(m.group(1), speaker):
                verdict = "yes"
            else:
                verdict = "no"
        return self._answer(text, intent, speaker, speakers, cited, verdict)

    def _nearest_person(self, paragraph: str, query: str) -> str | None:
        persons = [e for e in self.nlp(paragraph).ents if e.label_ == "PERSON"]
        if not persons:
            return None
        words = re.findall(r"\w+", query)
        anchor = None
        for size in (len(words), 6, 4, 2):
            if size <= 0 or size > len(words):
                continue
            for i in range(0, len(words) - size + 1):
                pat = r"\W+".join(re.escape(w) for w in words[i:i + size])
                m = re.search(pat, paragraph, re.I)
                if m:
                    anchor = (m.start(), m.end())
                    break
            if anchor:
                break
        if anchor is None:
            return " ".join(persons[0].text.split())
        outside = [e for e in persons if e.end_char <= anchor[0] or e.start_char >= anchor[1]]
        pool = outside or persons

        def dist(e) -> int:
            return max(anchor[0] - e.end_char, e.start_char - anchor[1], 0)

        return " ".join(min(pool, key=dist).text.split())

    @staticmethod
    def _answer(question, intent, speaker, speakers, hits, verdict=None) -> dict:
        cits = [{"n": i, "doc_id": h.paragraph.doc_id, "title": h.title,
                 "paragraph": h.paragraph.ordinal, "text": h.paragraph.text,
                 "start": None, "end": None} for i, h in enumerate(hits, start=1)]
        abstained = speaker is None
        return {
            "question": question,
            "intent": intent,
            "answer": "I could not find who said that." if abstained else f"{speaker} [1]",
            "abstained": abstained,
            "verdict": verdict,
            "speaker": speaker,
            "speakers": list(speakers),
            "confidence": 0.0,
            "quotes": [],
            "citations": [] if abstained else cits,
        }


def _same_person(a: str, b: str) -> bool:
    wa, wb = set(scoring.norm(a).split()), set(scoring.norm(b).split())
    return bool(wa & wb)


# --------------------------------------------------------------------------- running


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


def summaries(rows: list[dict]) -> dict:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(scoring.group_key(r["question"]), []).append(r)
    return {
        "overall": scoring.summarize(rows),
        "by_group": {g: scoring.summarize(rs) for g, rs in sorted(groups.items())},
    }


def _question_record(row: Mapping) -> dict:
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


# --------------------------------------------------------------------------- report


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


# --------------------------------------------------------------------------- command


def _open(index_dir: str | None, docs: list[Path], tmp: Path | None):
    import rag
    from rag.errors import WhosaidError

    try:
        if docs:
            assert tmp is not None
            report = rag.build_index([str(p) for p in docs], index=tmp / "index")
            for failure in getattr(report, "failures", ()) or ():
                click.echo(f"warning: not indexed: {failure}", err=True)
            return rag.open_index(tmp / "index"), {
                "source": "docs", "docs": [str(p) for p in docs],
                "ingest": report.to_dict() if hasattr(report, "to_dict") else None}
        if index_dir:
            return rag.open_index(Path(index_dir)), {"source": "index", "path": index_dir}
        idx = rag.open_index(None)
        return idx, {"source": "default", "path": str(getattr(idx, "path", ""))}
    except WhosaidError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("qa")
@click.argument("qa_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("more_docs", nargs=-1, type=click.Path(path_type=Path), metavar="")
@click.option("--index", "index_dir", type=click.Path(file_okay=False),
              help="Answer from this index folder.")
@click.option("--docs", "docs", multiple=True, type=click.Path(path_type=Path),
              help="Build a fresh index of these files or folders (in a temp folder) and answer "
                   "from it; give several after one --docs.")
@click.option("--docs-list", "docs_list", type=click.Path(exists=True, dir_okay=False,
                                                             path_type=Path),
              help="A text file listing document paths, one a line (e.g. make-qa's FILE.docs.txt).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the JSON results [default: evals/results/qa-<set>.json].")
@click.option("--retrieval", type=click.Choice([*MODES, "all"]), default="hybrid",
              show_default=True, help="Retrieval mode; 'all' runs the three side by side.")
@click.option("--baseline", is_flag=True, help="Also run the naive nearest-PERSON baseline.")
@click.option("-v", "--verbose", is_flag=True, help="Print each question as it is scored.")
def command(qa_file: Path, more_docs: tuple[Path, ...], index_dir: str | None,
            docs: tuple[Path, ...], docs_list: Path | None, out: Path | None, retrieval: str,
            baseline: bool, verbose: bool) -> None:
    """Answer the questions of QA_FILE (.jsonl) and score them; print and save the report."""
    questions = read_questions(qa_file)
    if more_docs and not docs:
        raise click.UsageError(f"unexpected extra arguments {[str(p) for p in more_docs]} "
                               "(documents go after --docs)")
    doc_paths = [*docs, *more_docs]
    if docs_list:
        doc_paths += read_docs_list(docs_list)
    if doc_paths and index_dir:
        raise click.UsageError("give either --index or --docs/--docs-list, not both")
    for p in doc_paths:
        if not p.exists():
            raise click.ClickException(f"{p}: no such file or folder (given to --docs)")

    modes = list(MODES) if retrieval == "all" else [retrieval]
    echo_progress = (lambda m: click.echo(m, err=True)) if verbose else None
    with tempfile.TemporaryDirectory(prefix="whosaid-qa-") as tmp:
        index, index_info = _open(index_dir, doc_paths, Path(tmp))
        try:
            try:
                index_info["stats"] = index.stats()
            except Exception:  # noqa: BLE001 - stats are informative only
                pass
            systems: dict[str, list[dict]] = {}
            for mode in modes:
                systems[mode] = run_system(
                    index, questions, mode,
                    lambda q, m=mode: index.ask(q["question"], retrieval=m).to_dict(),
                    mode, echo_progress)
            if baseline:
                base = NerBaseline(index)
                systems["baseline"] = run_system(index, questions, "baseline", base.ask,
                                                 "hybrid", echo_progress)
        finally:
            close = getattr(index, "close", None)
            if close:
                close()

    name = set_name(qa_file)
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
        s = summaries(rows)
        report["systems"][sys_name] = {
            **s,
            "questions": [_question_record(r) for r in rows],
        }
        click.echo(format_table(f"\n== {name}: {sys_name} ({len(rows)} questions) ==", s))
    report["summary"] = {k: v["overall"] for k, v in report["systems"].items()}
    git = report["git"]
    report["git_commit"] = git.get("commit")

    if len(systems) > 1:
        click.echo(format_side_by_side({k: v["overall"] for k, v in report["systems"].items()}))
    for sys_name, rows in systems.items():
        click.echo("\n" + format_failures(sys_name, rows))

    out = out or RESULTS_DIR / f"qa-{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    click.echo(f"\nwrote {out}")
