"""`python -m evals attribution`: score the project's quote extraction against PolNeAR or PDNC.

    python -m evals attribution --format polnear --data ../shared/data/polnear --split train-tune
    python -m evals attribution --format polnear --data ../shared/data/polnear --split train-tune --part check
    python -m evals attribution --format pdnc --data ../shared/data/pdnc --split heldout

Every gold document's raw text goes through ``rag.quotes.extract_documents`` (what ingest
runs: paragraph split, spaCy, attribution); quotes are mapped to document offsets and
scored by ``evals.align`` (alignment and metric rules are documented there). Splits are in
``evals.corpora.splits``: quote targets only on PolNeAR ``train-heldout``/``dev`` and PDNC
``heldout``.

Speed: ``extraction_seconds`` is the whole extraction; ``spacy_seconds`` is ``nlp.pipe``
alone over the same paragraph texts, run after it; ``overhead_ratio`` = (extraction - spaCy)
/ spaCy measured in CPU time of this process (``*_cpu_seconds``; the wall-clock ratio,
``overhead_ratio_wall``, swings with other load on the machine). The target is <= 1.0.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
from pathlib import Path

import click

from .align import (
    MATCH_RATIO,
    DocScore,
    PredAttribution,
    error_records,
    evaluate,
    merge_pieces,
    predictions_from_quotes,
)
from .common import RESULTS_DIR, git_short_commit
from .corpora import DEFAULT_SPLIT, load_gold
from .corpora.records import GoldDocument
from .corpora.splits import PDNC_SPLITS, POLNEAR_SPLITS, TUNE_PARTS, tune_part


def run_extraction(docs: list[GoldDocument], nlp=None) -> tuple[dict[str, list[PredAttribution]], dict]:
    """Predictions per doc_id and timing: the extractor as ingest runs it, then spaCy alone."""
    from rag import quotes as rq
    from rag.types import Document

    nlp = nlp or rq.load_nlp()
    list(nlp.pipe(["Warm-up: the pipeline said it was ready.", "\u201cYes,\u201d she said."]))
    rag_docs = [Document(doc_id=d.doc_id, text=d.text, title=d.title) for d in docs]
    preds: dict[str, list[PredAttribution]] = {}
    texts: list[str] = []
    n_quotes = 0
    t0, c0 = time.perf_counter(), time.process_time()
    if hasattr(rq, "extract_documents"):
        results = rq.extract_documents(rag_docs, nlp)
    else:
        results = (rq.extract_document(d, nlp) for d in rag_docs)
    for doc, (paragraphs, quotes) in zip(rag_docs, results):
        preds[doc.doc_id] = predictions_from_quotes(paragraphs, quotes)
        texts.extend(p.text for p in paragraphs if not p.noise)
        n_quotes += len(quotes)
    extraction, extraction_cpu = time.perf_counter() - t0, time.process_time() - c0
    parse_texts = [rq.parse_text(t) for t in texts]
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(parse_texts, batch_size=64):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - t0, time.process_time() - c0
    timing = {
        "spacy_seconds": round(spacy_s, 3),
        "extraction_seconds": round(extraction, 3),
        "spacy_cpu_seconds": round(spacy_cpu, 3),
        "extraction_cpu_seconds": round(extraction_cpu, 3),
        # CPU time of this process: steadier than wall time when other jobs share the machine
        "overhead_ratio": round((extraction_cpu - spacy_cpu) / spacy_cpu, 3) if spacy_cpu > 0 else None,
        "overhead_ratio_wall": round((extraction - spacy_s) / spacy_s, 3) if spacy_s > 0 else None,
        "paragraphs": len(texts),
        "chars": sum(len(t) for t in texts),
        "quotes": n_quotes,
    }
    return preds, timing


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{100 * v:5.1f}"
    return str(v)


def render_table(result: dict) -> str:
    fmt = result["format"]
    lines = [
        f"attribution eval: {fmt} split={result['split']} docs={result['n_docs']} "
        f"gold={result['n_gold']} pred={result['n_pred']} matched={result['n_matched']}",
        "",
        f"{'metric':<22}{'P':>7}{'R':>7}{'F1':>7}",
        f"{'content exact':<22}{_fmt(result['content_precision_exact']):>7}{_fmt(result['content_recall_exact']):>7}"
        f"{_fmt(result['content_f1_exact']):>7}",
        f"{'content overlap':<22}{_fmt(result['content_precision_overlap']):>7}"
        f"{_fmt(result['content_recall_overlap']):>7}{_fmt(result['content_f1_overlap']):>7}",
    ]
    if fmt == "polnear":
        lines.append(f"{'cue (overlap)':<22}{_fmt(result['cue_precision']):>7}{_fmt(result['cue_recall']):>7}"
                     f"{_fmt(result['cue_f1']):>7}   strict F1 {_fmt(result['cue_f1_strict'])}")
        lines.append(f"{'source':<22}{_fmt(result['source_precision']):>7}{_fmt(result['source_recall']):>7}"
                     f"{_fmt(result['source_f1']):>7}   accuracy on matched {_fmt(result['source_accuracy_matched'])}")
    else:
        lines.append(f"{'speaker':<22}{_fmt(result['source_precision']):>7}{_fmt(result['source_recall']):>7}"
                     f"{_fmt(result['source_f1']):>7}")
        lines.append(f"speaker_accuracy {_fmt(result['speaker_accuracy'])}  coverage {_fmt(result['coverage'])}"
                     f"  accuracy on covered {_fmt(result['speaker_accuracy_covered'])}"
                     f"  (indirect predictions ignored: {result.get('n_pred_indirect_ignored', 0)})")
    lines.append("")
    if fmt == "polnear":
        for title, key in (("by kind", "by_kind"), ("by cue class", "by_cue_class")):
            lines.append(f"{title:<20}{'gold':>6}{'pred':>6}{'R-ex':>7}{'R-ov':>7}{'P-ov':>7}{'F1-ov':>7}"
                         f"{'cue-R':>7}{'src-R':>7}")
            for label, row in result[key].items():
                lines.append(f"  {label:<18}{row['n_gold']:>6}{row['n_pred']:>6}{_fmt(row['content_recall_exact']):>7}"
                             f"{_fmt(row['content_recall_overlap']):>7}{_fmt(row['content_precision_overlap']):>7}"
                             f"{_fmt(row['content_f1_overlap']):>7}{_fmt(row['cue_recall']):>7}"
                             f"{_fmt(row['source_recall']):>7}")
    else:
        lines.append(f"{'by quoteType':<20}{'gold':>6}{'R-ex':>7}{'cover':>7}{'spk-acc':>8}{'acc|cov':>8}")
        for label, row in result["by_quote_type"].items():
            lines.append(f"  {label:<18}{row['n_gold']:>6}{_fmt(row['content_recall_exact']):>7}"
                         f"{_fmt(row['coverage']):>7}{_fmt(row['speaker_accuracy']):>8}"
                         f"{_fmt(row['speaker_accuracy_covered']):>8}")
    t = result["timing"]
    lines += ["", f"time: spaCy {t['spacy_seconds']:.2f}s, extraction {t['extraction_seconds']:.2f}s wall; "
                  f"spaCy {t.get('spacy_cpu_seconds', 0):.2f}s, extraction {t.get('extraction_cpu_seconds', 0):.2f}s CPU",
              f"overhead ratio (extraction - spaCy) / spaCy: {t['overhead_ratio']} CPU, "
              f"{t.get('overhead_ratio_wall')} wall ({t['paragraphs']} paragraphs, {t['chars']} chars)"]
    return "\n".join(lines)


def run(fmt: str, data: Path, split: str, limit: int | None = None, merge: bool = True, nlp=None,
        part: str | None = None) -> tuple[dict, list[GoldDocument], list[DocScore]]:
    """Load gold, extract, score: the result dict (what the JSON holds), gold docs and scores.

    `part` (``fit`` or ``check``, PolNeAR ``train-tune`` only) keeps that part of the split,
    before `limit` applies."""
    if part is None:
        docs = load_gold(fmt, data, split, limit)
    else:
        docs = [d for d in load_gold(fmt, data, split) if tune_part(d.doc_id) == part][:limit]
    if not docs:
        raise FileNotFoundError(f"no annotated {fmt} documents for split {split!r} under {data}")
    preds, timing = run_extraction(docs, nlp)
    ignored = 0
    if fmt == "pdnc":
        for ps in preds.values():
            ignored += sum(p.kind == "indirect" for p in (merge_pieces(ps) if merge else ps))
    metrics, scores = evaluate(docs, preds, corpus=fmt, merge=merge)
    result = {
        "format": fmt,
        "split": split,
        "data": str(data),
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_short_commit(),
        "n_docs": len(docs),
        "limit": limit,
        "part": part,
        "settings": {"match_ratio": MATCH_RATIO, "merge_pieces": merge,
                     "pdnc_ignores_indirect_predictions": fmt == "pdnc"},
        **metrics,
        "spacy_seconds": timing["spacy_seconds"],
        "extraction_seconds": timing["extraction_seconds"],
        "overhead_ratio": timing["overhead_ratio"],
        "timing": timing,
    }
    if fmt == "pdnc":
        result["n_pred_indirect_ignored"] = ignored
    return result, docs, scores


@click.command("attribution")
@click.option("--format", "fmt", type=click.Choice(["polnear", "pdnc"]), required=True, help="Gold corpus format.")
@click.option("--data", "data", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Corpus folder (its root or its data/ folder).")
@click.option("--split", "split", default=None,
              help="PolNeAR: train, dev, test, train-tune, train-heldout (default dev). "
                   "PDNC: tune, heldout, all (default heldout).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents / novels.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON results (default evals/results/attribution-<format>-<split>.json).")
@click.option("--errors", "errors", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write every error case as JSON lines, for error analysis.")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Merge the pieces of one predicted attribution (same paragraph and speaker; same cue "
                   "or a continuation piece) before alignment.")
@click.option("--part", type=click.Choice(TUNE_PARTS), default=None,
              help="PolNeAR train-tune only: the part learned models fit on (fit, ~80%) or are "
                   "measured on (check, ~20%), by a hash of the article id.")
def command(fmt: str, data: Path, split: str | None, limit: int | None, out: Path | None,
            errors: Path | None, merge: bool, part: str | None) -> None:
    """Score quote extraction against PolNeAR (BRAT) or PDNC (CSV) gold attributions."""
    split = split or DEFAULT_SPLIT[fmt]
    allowed = POLNEAR_SPLITS if fmt == "polnear" else PDNC_SPLITS
    if split not in allowed:
        raise click.BadParameter(f"{split!r} is not a {fmt} split; choose one of {', '.join(allowed)}",
                                 param_hint="--split")
    if part is not None and (fmt, split) != ("polnear", "train-tune"):
        raise click.BadParameter("only PolNeAR train-tune has fit and check parts", param_hint="--part")
    try:
        result, docs, scores = run(fmt, data, split, limit, merge, part=part)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(render_table(result))
    out = out or RESULTS_DIR / f"attribution-{fmt}-{split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    click.echo(f"\nwrote {out}")
    if errors:
        errors.parent.mkdir(parents=True, exist_ok=True)
        with errors.open("w", encoding="utf-8") as fh:
            for rec in error_records(docs, scores, fmt):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        click.echo(f"wrote {errors}")
