"""A learned tagger of reported contents, run over the rules' reading of each paragraph.

The rules miss contents that news annotators mark (a verb the lexicon lacks, a reading the cue
judge scored just under its threshold) and draw others wider or narrower than annotators do. A
small BiLSTM over spaCy's context vectors and `span_features` marks content tokens B/I/O; `refine`
redraws the rules' reported contents along its spans when a span is one phrase of the parse, and
adds spans the rules missed when the cue judge offers a cue and a speaker for them, vetted as the
rules vet their own. Trained on PolNeAR's ``train-tune`` fit part by
``python -m evals train-spans`` (weights: ``span_tagger.safetensors``; vocabulary and numbers:
``span_tagger.json``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from .attribution import RawQuote, content_span, judged_reading, reported_kind
from .cues import load_cue_model
from .marks import QuotedSpan, in_quotation
from .packaged import packaged_json
from .span_features import FIELDS, scored_candidates, token_features

WEIGHTS = "span_tagger.safetensors"
CONFIG = "span_tagger.json"
LABELS = ("O", "B", "I")
EMBED = 12
VECTOR = 96  # en_core_web_sm's tok2vec width
#: A span the rules missed is added only when the cue judge gives it at least this probability.
NEW_SPAN_FLOOR = 0.1


def build_model(vocab: dict[str, dict[str, int]], hidden: int, dropout: float = 0.0):
    """The network; training and loading build it the same way."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.ModuleList([nn.Embedding(len(vocab[f]), EMBED) for f in FIELDS])
            self.inp = nn.Sequential(nn.Dropout(dropout), nn.Linear(EMBED * len(FIELDS) + VECTOR, hidden),
                                     nn.ReLU())
            self.lstm = nn.LSTM(hidden, hidden, batch_first=True, bidirectional=True, num_layers=2,
                                dropout=dropout)
            self.out = nn.Linear(2 * hidden, len(LABELS))

        def forward(self, ids, vectors, lengths=None):
            x = self.inp(torch.cat([m(ids[..., k]) for k, m in enumerate(self.embed)] + [vectors], -1))
            if lengths is None:
                return self.out(self.lstm(x)[0])
            # Packed, so that padding never reaches the backward direction of a shorter paragraph.
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True,
                                                    total_length=x.shape[1])
            return self.out(h)

    return Tagger()


def encode(vocab: dict[str, dict[str, int]], feats: list[dict[str, str]], tensor):
    """(ids, vectors) tensors for one paragraph; unseen values map to 0."""
    import numpy as np
    import torch

    ids = torch.tensor([[vocab[f].get(t[f], 0) for f in FIELDS] for t in feats], dtype=torch.long)
    return ids, torch.from_numpy(np.asarray(tensor, dtype=np.float32).reshape(len(feats), VECTOR))


class SpanTagger:
    def __init__(self, model, vocab: dict[str, dict[str, int]]) -> None:
        self.model, self.vocab = model, vocab

    def spans(self, batch: list[tuple[list[dict[str, str]], object]]) -> list[list[tuple[int, int]]]:
        """Token spans (first, last) marked as contents, for each (features, doc.tensor) paragraph."""
        import torch

        out: list[list[tuple[int, int]]] = [[] for _ in batch]
        order = sorted(range(len(batch)), key=lambda k: len(batch[k][0]))
        # The steps of so small a model are too short to share: a second thread only spin-waits
        # (30 articles: 2.4 s of CPU on one thread, 13 to 15 s on two while another job runs).
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            self._tag(batch, order, out)
        finally:
            torch.set_num_threads(threads)
        return out

    def _tag(self, batch, order: list[int], out: list[list[tuple[int, int]]]) -> None:
        import torch

        # Paragraphs of similar length run together: one LSTM pass per group, little padding.
        for group in (order[i: i + 32] for i in range(0, len(order), 32)):
            encoded = [encode(self.vocab, *batch[k]) for k in group]
            width = max(len(ids) for ids, _ in encoded)
            ids = torch.zeros(len(group), width, len(FIELDS), dtype=torch.long)
            vectors = torch.zeros(len(group), width, VECTOR)
            for row, (a, b) in enumerate(encoded):
                ids[row, : len(a)], vectors[row, : len(b)] = a, b
            with torch.no_grad():
                tags = self.model(ids, vectors, [len(a) for a, _ in encoded]).argmax(-1).tolist()
            for row, k in enumerate(group):
                out[k] = decode(tags[row][: len(batch[k][0])])


def decode(tags: list[int]) -> list[tuple[int, int]]:
    """B/I/O label ids to (first, last) token spans; an I after O opens a span."""
    out: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate(tags):
        if tag == 1 or (tag == 2 and start is None):
            if start is not None:
                out.append((start, i - 1))
            start = i
        elif tag == 0 and start is not None:
            out.append((start, i - 1))
            start = None
    if start is not None:
        out.append((start, len(tags) - 1))
    return out


@lru_cache(maxsize=1)
def load_span_tagger() -> SpanTagger | None:
    """The packaged tagger, or None when it has not been trained (the rules then stand alone)."""
    config = packaged_json(CONFIG)
    path = resources.files(__package__).joinpath(WEIGHTS)
    if config is None or not path.is_file():
        return None
    from safetensors.torch import load_file

    model = build_model(config["vocab"], config["hidden"])
    model.load_state_dict(load_file(str(path)))
    model.eval()
    return SpanTagger(model, config["vocab"])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


def refine(docs: list[Doc], spans: list[list[QuotedSpan]],
           raws: list[list[RawQuote]]) -> list[list[RawQuote]]:
    """Each paragraph's attributions with the tagger's contents: reported ones redrawn, missed ones added."""
    tagger = load_span_tagger()
    if tagger is None:
        return raws
    judge = load_cue_model()
    scored = [scored_candidates(doc, judge) for doc in docs]
    # The tagger can only redraw a reported content or add one the judge can attribute: other
    # paragraphs (much of a novel's dialogue) skip it and come out as the rules read them.
    todo = [k for k, doc in enumerate(docs)
            if len(doc) and doc.tensor is not None and doc.tensor.shape[0] == len(doc)
            and (any(r.kind != "direct" for r in raws[k]) or any(p >= NEW_SPAN_FLOOR for _, p in scored[k]))]
    tagged = tagger.spans([(token_features(docs[k], spans[k], raws[k], scored[k]), docs[k].tensor)
                           for k in todo])
    out = list(raws)
    for k, found in zip(todo, tagged):
        chars = [c for c in (content_span(docs[k], span, spans[k]) for span in found) if c is not None]
        out[k] = _merged(docs[k], spans[k], raws[k], chars, scored[k])
    return out


def _merged(doc: Doc, spans: list[QuotedSpan], raws: list[RawQuote], found: list[tuple[int, int]],
            scored) -> list[RawQuote]:
    out = []
    for raw in raws:
        best = max(found, key=lambda s: _overlap(s, (raw.start, raw.end)), default=None)
        if raw.kind != "direct" and best is not None and _overlap(best, (raw.start, raw.end)) >= 0.5 \
                and _phrase(doc, best) and not (raw.mention is not None and best[0] <= raw.mention.start < best[1]):
            raw = replace(raw, start=best[0], end=best[1], kind=reported_kind(*best, spans))
        out.append(raw)
    taken = [(r.start, r.end) for r in raws] + [r.cue_span for r in raws if r.cue_span]
    for chars in found:
        if any(_overlap(chars, t) > 0 for t in taken):
            continue
        if (new := _attach(doc, chars, spans, scored)) is not None:
            out.append(new)
            taken.append((new.start, new.end))
    return sorted(out, key=lambda r: r.start)


def _phrase(doc: Doc, chars: tuple[int, int]) -> bool:
    """Whether the words are phrases of the parse hanging on one head, none cut at its start: a
    redrawn content must not run into the next clause ("that the vote was rigged drew")."""
    span = doc.char_span(chars[0], chars[1], alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if not t.is_punct and not (span.start <= t.head.i < span.end and t.head.i != t.i)]
    if len({t.head.i for t in roots}) != 1:
        return False
    # A trailing adjunct may be left out ("... at a rally"); a phrase cut before its start may not.
    return all(t.i >= span.end or t.is_punct for r in roots for t in r.subtree if not span.start <= t.i < span.end)


def _attach(doc: Doc, chars: tuple[int, int], spans: list[QuotedSpan], scored) -> RawQuote | None:
    """A content the rules missed, with the cue and speaker of the judge's likeliest reading of it."""
    if in_quotation(spans, chars[0]) and in_quotation(spans, chars[1] - 1):
        return None
    for cand, p in sorted(scored, key=lambda s: -s[1]):
        if p < NEW_SPAN_FLOOR:
            break
        found = content_span(doc, cand.content, spans)
        if found is None or _overlap(found, chars) < 0.5:
            continue
        # The rules' own checks on the reading (a hedged verb, a subject that cannot speak).
        raw = judged_reading(doc, cand, p, spans)
        if raw is None or (raw.mention is not None and chars[0] <= raw.mention.start < chars[1]):
            return None
        return replace(raw, start=chars[0], end=chars[1], kind=reported_kind(*chars, spans),
                       confidence=round(0.3 + 0.4 * p, 3))
    return None
