"""`python -m evals train-antecedents`: fit the pronoun ranking (``rag/quotes/antecedent_model.json``) on PDNC.

    python -m evals train-antecedents --data ../shared/data/pdnc

Each novel of the tuning split is read exactly as ingest reads it. Every time a quotation's
tag is a singular "he" or "she", or a gendered description no role links ("said the old man"),
the people it may refer to (``NameBook.pronoun_candidates``) are recorded; a candidate is right
when it is the gold speaker of that quotation (through PDNC's aliases). A logistic model over candidate features is fitted on the novels outside a
validation set (a hash of the novel's name), its strength picked for how often the top-scored
candidate is right there, then refitted on every tuning novel. Held-out novels are never read.
The narration's own he and she, which put people on the timeline the tags look back over, are
read with the model packaged at the time (see ``NameBook._narrated``).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from .align.names import CharacterResolver
from .common import git_short_commit
from .corpora import load_gold
from .corpora.records import GoldDocument
from .corpora.splits import PDNC_HELDOUT

MODEL_PATH = Path(__file__).resolve().parent.parent / "rag" / "quotes" / "antecedent_model.json"


@dataclass(frozen=True)
class Event:
    """One pronoun (or description) tag: its candidates' features, which are right, and which
    the rule chose."""

    novel: str
    features: list[tuple[str, ...]]
    labels: list[int]
    rule: int | None  # index of the rule's choice among the candidates


def recorded_events(docs: list[GoldDocument], parse: Callable[[list[str]], Iterable]) -> list[Event]:
    """Every quotation in `docs` tagged by a pronoun or a description whose gold speaker is
    among its candidates; `parse` turns paragraph texts into spaCy Docs. The hand rule
    resolves the tags while recording, so their data do not depend on an earlier model (the
    narration's pronouns do: see the module doc)."""
    from rag.ingest.paragraphs import split_paragraphs
    from rag.quotes import parse_text, quotes_from_parsed
    from rag.quotes.speakers import NameBook
    from rag.types import Document

    class RecordingBook(NameBook):
        def __init__(self) -> None:
            super().__init__()
            self.seen: dict[int, list] = {}

        def choose_antecedent(self, position, gender, addressed, rule, described=False):
            self.seen[position] = self.pronoun_candidates(position, gender, addressed, rule, described)
            return rule

    events = []
    for gold in docs:
        if gold.doc_id in PDNC_HELDOUT:
            raise click.ClickException(f"{gold.doc_id} is held out; train on the tuning novels")
        resolver = CharacterResolver(gold.characters)
        prose = [p for p in split_paragraphs(Document(doc_id=gold.doc_id, text=gold.text, title=gold.title))
                 if not p.noise]
        book = RecordingBook()
        quotes = quotes_from_parsed(prose, parse([parse_text(p.text) for p in prose]), book)
        starts = {p.ordinal: p.start for p in prose}
        for q in quotes:
            if q.mention_span is None:
                continue
            cands = book.seen.get(starts[q.paragraph] + q.mention_span[0])
            a, b = starts[q.paragraph] + q.start, starts[q.paragraph] + q.end
            speaker = next((g.speaker for g in gold.attributions
                            if any(s < b and e > a for s, e in g.content_spans)), None)
            if not cands or speaker is None:
                continue
            labels = [int(resolver.resolve(c.name) == speaker) for c in cands]
            if any(labels):
                rule = next((i for i, c in enumerate(cands) if "rule=1" in c.features), None)
                events.append(Event(gold.doc_id, [c.features for c in cands], labels, rule))
    return events


def _validation(novel: str) -> bool:
    return int(hashlib.sha1(f"whosaid-antecedents:{novel}".encode()).hexdigest(), 16) % 4 == 0


def fit(events: list[Event], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(f, y) for e in events for f, y in zip(e.features, e.labels)]
    vec = DictVectorizer()
    x = vec.fit_transform([{name: 1 for name in f} for f, _ in rows])
    clf = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    clf.fit(x, [y for _, y in rows])
    return {name: round(float(w), 3) for name, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) >= 0.01}


def accuracy(events: list[Event], weights: dict[str, float] | None) -> float:
    """How often the top candidate is right: the model's when `weights`, else the rule's."""
    right = 0
    for e in events:
        if weights is None:
            pick = e.rule
        else:
            scores = [sum(weights.get(f, 0.0) for f in feats) for feats in e.features]
            pick = max(range(len(scores)), key=scores.__getitem__)
        right += pick is not None and e.labels[pick] == 1
    return right / len(events) if events else 0.0


@click.command("train-antecedents")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="PDNC folder.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=MODEL_PATH, show_default=True)
def command(data: Path, out: Path) -> None:
    """Fit the pronoun ranking on PDNC's tuning novels."""
    from rag.quotes import load_nlp

    docs = load_gold("pdnc", data, "tune", None)
    nlp = load_nlp()
    events = recorded_events(docs, lambda texts: nlp.pipe(texts, batch_size=64))
    train = [e for e in events if not _validation(e.novel)]
    val = [e for e in events if _validation(e.novel)]
    grid = (0.03, 0.1, 0.3, 1.0, 3.0)
    scores = {c: accuracy(val, fit(train, c)) for c in grid}
    for c in grid:
        click.echo(f"C {c:<5}: validation accuracy {100 * scores[c]:5.1f}")
    best = max(grid, key=lambda c: (scores[c], -c))
    weights = fit(events, best)
    meta = {
        "trained_on": "pdnc tune", "date": _dt.date.today().isoformat(), "commit": git_short_commit(),
        "c": best, "novels": len(docs), "events": len(events),
        "validation": {"novels": sorted({e.novel for e in val}), "events": len(val),
                       "rule_accuracy": round(accuracy(val, None), 4),
                       "model_accuracy": round(scores[best], 4)},
    }
    out.write_text(json.dumps({**meta, "weights": weights}, indent=0) + "\n", encoding="utf-8")
    click.echo(f"{len(events)} pronoun and description tags; validation: rule {100 * accuracy(val, None):.1f}, "
               f"model {100 * scores[best]:.1f} (C {best}); {len(weights)} weights -> {out}")
