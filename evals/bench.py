"""`python -m evals bench`: ingest throughput, question latency, index size and memory.

    python -m evals bench                       # the bundled sample corpus
    python -m evals bench --docs ../shared/data/polnear/data/dev/text --questions 50

Numbers, not pass/fail: speed goals are read off this output, never asserted in tests.
"""

from __future__ import annotations

import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

import click

from .common import RESULTS_DIR, git_commit

_QUESTIONS = ("Who said that the losses were heavy?", "What did the president say about the economy?",
              "Did the minister say that taxes would rise?", "Who commented on the election?")


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@click.command()
@click.option("--docs", "docs", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Files or folders to index [default: the bundled sample corpus].")
@click.option("--questions", "n_questions", default=40, show_default=True,
              help="How many distinct questions to time (quotes of the corpus, its speakers, a fixed list).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="JSON results [default: evals/results/bench.json].")
def command(docs: tuple[Path, ...], n_questions: int, out: Path | None) -> None:
    """Time ingest (and spaCy alone on the same text) and questions; print numbers and ratios."""
    import rag
    from rag.config import sample_corpus
    from rag.embed import load_encoder
    from rag.ingest.paragraphs import split_paragraphs
    from rag.ingest.pipeline import read_inputs
    from rag.quotes import load_nlp, parse_text

    paths = list(docs) or sample_corpus()
    t0 = time.perf_counter()
    nlp, encoder = load_nlp(), load_encoder()
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        ix = rag.open_index(Path(tmp) / "ix", create=True)
        t0 = time.perf_counter()
        report = ix.add(paths)
        ingest_s = time.perf_counter() - t0
        stats = ix.stats()
        texts = [parse_text(p.text) for d in read_inputs(paths, [])
                 for p in split_paragraphs(d) if not p.noise]
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        spacy_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        encoder.encode(texts)
        embed_s = time.perf_counter() - t0
        quotes = ix.quotes()[:n_questions]
        asks = [f'Who said "{q.text}"?' for q in quotes] + list(_QUESTIONS)
        asks += [f"What did {q.speaker} say?" for q in quotes if q.speaker]
        latencies = []
        # Each question once: a repeated question would only time the query-vector cache.
        for question in list(dict.fromkeys(asks))[:n_questions]:
            t0 = time.perf_counter()
            ix.ask(question)
            latencies.append((time.perf_counter() - t0) * 1000)
        size = _folder_bytes(Path(tmp) / "ix")
        ix.close()
    latencies.sort()
    result = {
        "documents": stats["documents"], "paragraphs": stats["paragraphs"], "quotes": stats["quotes"],
        "failures": len(report.failures), "model_load_seconds": round(load_s, 2),
        "ingest_seconds": round(ingest_s, 2),
        "paragraphs_per_second": round(stats["paragraphs"] / ingest_s, 1),
        "spacy_seconds": round(spacy_s, 2), "embed_seconds": round(embed_s, 2),
        "ingest_over_spacy_plus_embed": round(ingest_s / max(spacy_s + embed_s, 1e-9), 2),
        "questions_timed": len(latencies), "ask_ms_p50": round(statistics.median(latencies), 1),
        "ask_ms_p95": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "index_bytes": size, "index_bytes_per_paragraph": round(size / max(stats["paragraphs"], 1)),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        **git_commit(),
    }
    for key, value in result.items():
        click.echo(f"{key:32} {value}")
    out = out or RESULTS_DIR / "bench.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    click.echo(f"wrote {out}")
