"""The `whosaid` command: thin click commands over the public API (rag.build_index, rag.ask, rag.open_index).

Each command calls one API function and formats its result. The library's typed errors
(`WhosaidError`) become a one-line message plus a hint; anything else is a bug and is left alone.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
from contextlib import closing
from pathlib import Path

import click

import rag

from .config import default_index_dir
from .errors import WhosaidError

STATS_KEYS = ("documents", "paragraphs", "quotes", "speakers", "vectors")


class _Group(click.Group):
    """A group that turns the library's typed errors into click errors (exit code 1, no traceback)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except WhosaidError as exc:
            message = exc.message + (f"\nhint: {exc.hint}" if exc.hint else "")
            raise click.ClickException(message) from exc


def _index_option(func):
    return click.option(
        "--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Index folder (default: $WHOSAID_INDEX, else the default index, built from the sample on first use).",
    )(func)


def _json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def _version() -> str:
    try:
        return importlib.metadata.version("whosaid")
    except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
        return "unknown"


def _echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(cls=_Group)
@click.version_option(_version(), prog_name="whosaid")
def cli() -> None:
    """whosaid: answers 'who said what' over documents, citing the paragraph each answer comes from."""


@cli.command(name="index")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_index_option
@click.option("--model", default=None,
              help="Embedding model for a new index: a sentence-transformers folder or installed name "
                   "(default: $WHOSAID_MODEL, else the bundled all-MiniLM-L6-v2).")
def index_command(paths: tuple[Path, ...], index_dir: Path | None, model: str | None) -> None:
    """Add files or folders (.txt, .md, .html, .jsonl) to an index.

    Files that cannot be read are reported on stderr and skipped; the others are still indexed.
    The exit code is 1 if any input failed.
    """
    report = rag.build_index(list(paths), index=index_dir, model=model)
    where = index_dir if index_dir is not None else default_index_dir()
    click.echo(
        f"Indexed into {where}: {report.added} added, {report.replaced} replaced, "
        f"{report.unchanged} unchanged documents; {report.paragraphs} paragraphs, {report.quotes} quotes."
    )
    for failure in report.failures:
        click.echo(f"error: {failure.path}: {failure.problem}", err=True)
    if report.failures:
        click.echo(f"{len(report.failures)} input(s) failed.", err=True)
        click.get_current_context().exit(1)


@cli.command()
@click.argument("question")
@_index_option
@click.option("--retrieval", type=click.Choice(["hybrid", "dense", "keyword"]), default="hybrid",
              show_default=True, help="How candidate paragraphs are found.")
@_json_option
def ask(question: str, index_dir: Path | None, retrieval: str, as_json: bool) -> None:
    """Ask a question, e.g. whosaid ask 'Who said "..."?'"""
    answer = rag.ask(question, index=index_dir, retrieval=retrieval)
    if as_json:
        _echo_json(answer.to_dict())
        return
    click.echo(answer.answer)
    if answer.citations:
        click.echo()
        for c in answer.citations:
            click.echo(f"[{c.n}] {c.title or c.doc_id}, paragraph {c.paragraph}: {c.text}")


@cli.command()
@click.option("--speaker", default=None, help="Only this speaker's quotes (any of their names).")
@_index_option
@_json_option
def quotes(speaker: str | None, index_dir: Path | None, as_json: bool) -> None:
    """List the quotes in an index: speaker, kind, cue, the words, and where they are."""
    with closing(rag.open_index(index_dir)) as ix:
        found = ix.quotes(speaker)
    if as_json:
        _echo_json([dataclasses.asdict(q) for q in found])
        return
    if not found:
        click.echo("No quotes found" + (f" for {speaker!r}." if speaker else "."), err=True)
        return
    for q in found:
        cue = f", cue: {q.cue}" if q.cue else ""
        click.echo(f"{q.shown_speaker or '(unknown speaker)'} ({q.kind}{cue}) {q.doc_id}#{q.paragraph}")
        click.echo(f"    {q.text}")


@cli.command()
@_index_option
@_json_option
def stats(index_dir: Path | None, as_json: bool) -> None:
    """Count the documents, paragraphs, quotes, speakers and vectors in an index."""
    with closing(rag.open_index(index_dir)) as ix:
        counts = ix.stats()
    counts = {key: counts[key] for key in STATS_KEYS}
    if as_json:
        _echo_json(counts)
        return
    for key, value in counts.items():
        click.echo(f"{key}: {value}")


@cli.command()
@_index_option
def upgrade(index_dir: Path | None) -> None:
    """Rebuild an index of an older format from the documents it stored (the old one is kept)."""
    report = rag.upgrade_index(index_dir)
    if report.backup is None:
        click.echo(f"{report.folder} is already in the current format.")
        return
    done = report.ingest
    click.echo(f"Upgraded {report.folder} from format {report.from_version}: {done.added} documents, "
               f"{done.paragraphs} paragraphs, {done.quotes} quotes. The old index is in {report.backup}.")


@cli.command()
@_index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", type=int, default=None, help="Port (default: Gradio's, 7860 or the next free one).")
def chat(index_dir: Path | None, host: str, port: int | None) -> None:
    """Serve the web chat (Gradio); its API endpoint is /ask."""
    from ui.app import launch

    launch(index=index_dir, host=host, port=port)


main = cli

if __name__ == "__main__":  # pragma: no cover
    main()
