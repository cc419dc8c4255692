"""`python -m evals train-spans`: fit the content tagger (``rag/quotes/span_tagger.*``) on PolNeAR.

    python -m evals train-spans --data ../shared/data/polnear

Every prose paragraph of ``train-tune`` is parsed as ingest parses it; each token gets
``span_features`` and three gold labels, B/I/O of an annotated content, cue and source (the
longest span wins where two nest). The tagger learns on the ``fit`` part; after each epoch it is
scored on the ``check`` part (content F1 exact and overlap, cue and source F1 overlap, per
paragraph, aligned as the attribution eval aligns) and the best epoch is kept. Only tuning text
is read: never ``dev`` or ``train-heldout``.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import time
from pathlib import Path

import click

from .align.matching import MATCH_RATIO, align
from .align.spans import norm_spans
from .common import git_short_commit
from .corpora import load_gold
from .corpora.splits import tune_part

PACKAGE = Path(__file__).resolve().parent.parent / "rag" / "quotes"


def paragraph_examples(docs, nlp) -> list[dict]:
    """One example per prose paragraph: text, token offsets, features, vectors, labels (content,
    cue, source per token), gold spans of each layer, and the rules' contents."""
    from rag.ingest.paragraphs import split_paragraphs
    from rag.quotes import parse_text
    from rag.quotes.attribution import paragraph_quotes
    from rag.quotes.cues import load_cue_model
    from rag.quotes.marks import quoted_spans
    from rag.quotes.span_features import scored_candidates, token_features
    from rag.quotes.span_tagger import LAYERS
    from rag.types import Document

    judge = load_cue_model()
    out = []
    for gold in docs:
        prose = [p for p in split_paragraphs(Document(doc_id=gold.doc_id, text=gold.text, title=gold.title))
                 if not p.noise]
        for para, sdoc in zip(prose, nlp.pipe([parse_text(p.text) for p in prose], batch_size=64)):
            if not len(sdoc):
                continue
            spans = quoted_spans(sdoc.text)
            raws = paragraph_quotes(sdoc, spans)
            inside = [g for g in gold.attributions if para.start <= g.start < para.end]
            content, cue, source = ([s for g in inside if (s := _local(getattr(g, f"{layer}_spans"), para))]
                                    for layer in LAYERS)
            out.append({"part": tune_part(gold.doc_id), "text": sdoc.text,
                        "tokens": [(t.idx, t.idx + len(t)) for t in sdoc],
                        "features": token_features(sdoc, spans, raws, scored_candidates(sdoc, judge)),
                        "vectors": sdoc.tensor.copy(),
                        "labels": [list(t) for t in zip(*(_labels(sdoc, g) for g in (content, cue, source)))],
                        "gold": content, "gold_cues": cue, "gold_sources": source,
                        "rules": [((r.start, r.end),) for r in raws]})
    return out


def _local(spans, para) -> tuple:
    """Document spans as offsets into the paragraph, cut to it."""
    n = len(para.text)
    return tuple((max(0, a - para.start), min(n, b - para.start)) for a, b in spans
                 if min(n, b - para.start) > max(0, a - para.start))


def _labels(sdoc, golds) -> list[int]:
    labels = [0] * len(sdoc)
    for pieces in sorted(golds, key=lambda ps: ps[0][0] - ps[-1][1]):  # longest first
        for a, b in pieces:
            inside = [t.i for t in sdoc if t.idx < b and t.idx + len(t) > a]
            for j, i in enumerate(inside):
                if labels[i] == 0:
                    labels[i] = 1 if j == 0 else 2
    return labels


def content_scores(examples: list[dict], predicted: list[list[tuple]]) -> dict[str, float]:
    """Content F1, exact and overlap, of per-paragraph predictions (span tuples) against gold."""
    n_gold = n_pred = exact = overlap = 0
    for ex, pred in zip(examples, predicted):
        n_gold += len(ex["gold"])
        n_pred += len(pred)
        for g, p, ratio in align(ex["gold"], pred):
            if ratio >= MATCH_RATIO:
                overlap += 1
                exact += norm_spans(ex["text"], ex["gold"][g]) == norm_spans(ex["text"], pred[p])
    f1 = (lambda tp: round(2 * tp / (n_gold + n_pred), 4) if n_gold + n_pred else 0.0)
    return {"content_f1_exact": f1(exact), "content_f1_overlap": f1(overlap), "n_gold": n_gold, "n_pred": n_pred}


def _predict(tagger, examples: list[dict], layer: str = "content") -> list[list[tuple]]:
    """Each paragraph's spans of one layer as character pieces; contents of one word are dropped."""
    tagger.model.eval()
    out = []
    for ex, tagged in zip(examples, tagger.spans([(ex["features"], ex["vectors"]) for ex in examples])):
        spans = []
        for first, last in getattr(tagged, layer):
            a, b = ex["tokens"][first][0], ex["tokens"][last][1]
            if layer != "content" or len(ex["text"][a:b].split()) >= 2:
                spans.append(((a, b),))
        out.append(spans)
    return out


def span_f1(gold: list[list[tuple]], predicted: list[list[tuple]]) -> float:
    """Overlap F1 of one layer's spans (cue, source), per paragraph."""
    n_gold = sum(map(len, gold))
    n_pred = sum(map(len, predicted))
    hits = sum(ratio >= MATCH_RATIO for g, p in zip(gold, predicted) for *_, ratio in align(g, p))
    return round(2 * hits / (n_gold + n_pred), 4) if n_gold + n_pred else 0.0


def _batches(items, size: int, rng: random.Random):
    import torch

    items = sorted(items, key=lambda it: len(it[2]))  # similar lengths pad little
    groups = [items[i: i + size] for i in range(0, len(items), size)]
    rng.shuffle(groups)
    for group in groups:
        width = max(len(it[2]) for it in group)
        ids = torch.zeros(len(group), width, group[0][0].shape[1], dtype=torch.long)
        vec = torch.zeros(len(group), width, group[0][1].shape[1])
        y = torch.full((len(group), width, group[0][2].shape[1]), -100, dtype=torch.long)
        for k, (a, b, c) in enumerate(group):
            ids[k, : len(c)], vec[k, : len(c)], y[k, : len(c)] = a, b, c
        yield ids, vec, y, [len(it[2]) for it in group]


def train(examples: list[dict], hidden: int, dropout: float, epochs: int, seed: int, log=print):
    """The tagger at its best epoch on the check part, with that epoch's scores."""
    import copy

    import torch

    from rag.quotes.span_features import FIELDS
    from rag.quotes.span_tagger import LABELS, SpanTagger, build_model, encode

    torch.manual_seed(seed)
    rng = random.Random(seed)
    fit = [ex for ex in examples if ex["part"] == "fit"]
    check = [ex for ex in examples if ex["part"] == "check"]
    vocab = {f: {"<unk>": 0} for f in FIELDS}
    for ex in fit:
        for tok in ex["features"]:
            for f in FIELDS:
                vocab[f].setdefault(tok[f], len(vocab[f]))
    items = [(*encode(vocab, ex["features"], ex["vectors"]), torch.tensor(ex["labels"])) for ex in fit]
    model = build_model(vocab, hidden, dropout)
    tagger = SpanTagger(model, vocab)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.8)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    best = None
    for epoch in range(epochs):
        model.train()
        started, total = time.time(), 0.0
        for ids, vec, y, lengths in _batches(items, 32, rng):
            opt.zero_grad()
            loss = loss_fn(model(ids, vec, lengths).reshape(-1, len(LABELS)), y.reshape(-1))
            loss.backward()
            opt.step()
            total += loss.item()
        sched.step()
        scores = content_scores(check, _predict(tagger, check))
        scores["cue_f1"] = span_f1([ex["gold_cues"] for ex in check], _predict(tagger, check, "cue"))
        scores["source_f1"] = span_f1([ex["gold_sources"] for ex in check], _predict(tagger, check, "source"))
        log(f"epoch {epoch}: loss {total:.1f}, {time.time() - started:.0f} s, check {scores}")
        # The tagger's cues and sources place the contents it adds: they count as much as the contents.
        key = scores["content_f1_exact"] + scores["content_f1_overlap"] + scores["cue_f1"] + scores["source_f1"]
        if best is None or key > best[0]:
            best = (key, copy.deepcopy(model.state_dict()), epoch, scores)
    model.load_state_dict(best[1])
    model.eval()
    return tagger, best[2], best[3], content_scores(check, [ex["rules"] for ex in check])


@click.command("train-spans")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="PolNeAR folder.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles.")
@click.option("--hidden", type=int, default=128, show_default=True)
@click.option("--dropout", type=float, default=0.2, show_default=True)
@click.option("--epochs", type=int, default=12, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=PACKAGE, show_default=True,
              help="Folder for span_tagger.safetensors and span_tagger.json.")
def command(data: Path, limit: int | None, hidden: int, dropout: float, epochs: int, seed: int,
            out: Path) -> None:
    """Fit the content tagger on PolNeAR train-tune (fit part), keeping the best epoch on its check part."""
    from safetensors.torch import save_file

    from rag.quotes import load_nlp
    from rag.quotes.span_tagger import CONFIG, LAYERS, WEIGHTS

    docs = load_gold("polnear", data, "train-tune", limit)
    examples = paragraph_examples(docs, load_nlp())
    tagger, epoch, scores, rules = train(examples, hidden, dropout, epochs, seed, log=click.echo)
    out.mkdir(parents=True, exist_ok=True)
    # Half precision halves the file; the check part scores the same with it (exact, overlap, cue, source).
    save_file({k: v.half().contiguous() for k, v in tagger.model.state_dict().items()}, str(out / WEIGHTS))
    meta = {
        "trained_on": "polnear train-tune, fit part" + (f" (first {limit} articles)" if limit else ""),
        "date": _dt.date.today().isoformat(), "commit": git_short_commit(), "seed": seed,
        "layers": list(LAYERS), "hidden": hidden, "dropout": dropout, "epochs": epochs, "best_epoch": epoch,
        "articles": len(docs), "paragraphs": sum(ex["part"] == "fit" for ex in examples),
        "check": {"tagger": scores, "rules": rules}, "vocab": tagger.vocab,
    }
    (out / CONFIG).write_text(json.dumps(meta, indent=0) + "\n", encoding="utf-8")
    click.echo(f"best epoch {epoch}: check {scores} (rules alone {rules}) -> {out / WEIGHTS}")
