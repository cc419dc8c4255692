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

Modules: ``questions`` (reading the set and a documents list), ``runner`` (answering and scoring),
``baseline`` (the nearest-PERSON baseline), ``report`` (summaries, tables, the JSON record); this
module is the command.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from ..common import RESULTS_DIR
from .baseline import NerBaseline
from .questions import query_text, read_docs_list, read_questions, set_name
from .report import build_report, format_failures, format_side_by_side, format_table
from .runner import run_system

MODES = ("hybrid", "dense", "keyword")

__all__ = ["MODES", "NerBaseline", "command", "query_text", "read_docs_list", "read_questions",
           "run_system", "set_name"]


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
    report = build_report(name, qa_file, index_info, systems)
    for sys_name, rows in systems.items():
        click.echo(format_table(f"\n== {name}: {sys_name} ({len(rows)} questions) ==",
                                report["systems"][sys_name]))
    if len(systems) > 1:
        click.echo(format_side_by_side(report["summary"]))
    for sys_name, rows in systems.items():
        click.echo("\n" + format_failures(sys_name, rows))

    out = out or RESULTS_DIR / f"qa-{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    click.echo(f"\nwrote {out}")
