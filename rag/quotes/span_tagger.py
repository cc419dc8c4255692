"""A learned tagger of reported contents, cues and sources, run over the rules' reading of each paragraph.

The rules miss contents that news annotators mark (a verb the lexicon lacks, a parse that reads
"Trump claims" as a noun phrase) and draw others wider or narrower than annotators do. A small
BiLSTM over spaCy's context vectors and `span_features` marks tokens B/I/O as content, cue and
source; `refine` redraws the rules' reported contents along its content spans when a span is one
phrase of the parse, and adds contents the rules missed: with the cue judge's cue and speaker
when it has a reading of them, vetted as the rules vet their own, else with the cue and source
the tagger marks beside them. Trained on PolNeAR's ``train-tune`` fit part by
``python -m evals train-spans`` (weights: ``span_tagger.safetensors``; vocabulary and numbers:
``span_tagger.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from .askers import done_to_subject
from .attribution import judged_reading
from .contents import content_span, reported_kind
from .cues import load_cue_model
from .lexicon import HEARSAY
from .marks import QuotedSpan, in_quotation
from .mentions import mention_for
from .packaged import packaged_json
from .raw import RawQuote
from .span_features import FIELDS, lexicon_class, scored_candidates, token_features
from .windows import trim

WEIGHTS = "span_tagger.safetensors"
CONFIG = "span_tagger.json"
LABELS = ("O", "B", "I")
#: What the tagger marks, each token B/I/O in every layer: the reported content, its cue, its source.
LAYERS = ("content", "cue", "source")
EMBED = 12
VECTOR = 96  # en_core_web_sm's tok2vec width
#: A span the rules missed is added only when the cue judge gives it at least this probability.
NEW_SPAN_FLOOR = 0.1


def build_model(vocab: dict[str, dict[str, int]], hidden: int, dropout: float = 0.0, layers: int = len(LAYERS)):
    """The network, with scores of shape (batch, tokens, layers, labels); training and loading
    build it the same way."""
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
            self.out = nn.Linear(2 * hidden, layers * len(LABELS))

        def forward(self, ids, vectors, lengths=None):
            x = self.inp(torch.cat([m(ids[..., k]) for k, m in enumerate(self.embed)] + [vectors], -1))
            if lengths is None:
                return self.scores(self.lstm(x)[0])
            # Packed, so that padding never reaches the backward direction of a shorter paragraph.
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True,
                                                    total_length=x.shape[1])
            return self.scores(h)

        def scores(self, h):
            return self.out(h).unflatten(-1, (layers, len(LABELS)))

    return Tagger()


def encode(vocab: dict[str, dict[str, int]], feats: list[dict[str, str]], tensor):
    """(ids, vectors) tensors for one paragraph; unseen values map to 0."""
    import numpy as np
    import torch

    ids = torch.tensor([[vocab[f].get(t[f], 0) for f in FIELDS] for t in feats], dtype=torch.long)
    return ids, torch.from_numpy(np.asarray(tensor, dtype=np.float32).reshape(len(feats), VECTOR))


@dataclass(frozen=True)
class Tagged:
    """Token spans (first, last) one paragraph's tagger marks, per layer."""

    content: list[tuple[int, int]]
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)


class SpanTagger:
    def __init__(self, model, vocab: dict[str, dict[str, int]]) -> None:
        self.model, self.vocab = model, vocab

    def spans(self, batch: list[tuple[list[dict[str, str]], object]]) -> list[Tagged]:
        """What the tagger marks in each (features, doc.tensor) paragraph."""
        import torch

        out: list[Tagged] = [Tagged([]) for _ in batch]
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

    def _tag(self, batch, order: list[int], out: list[Tagged]) -> None:
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
                layers = [decode([t[j] for t in tags[row][: len(batch[k][0])]]) for j in range(len(tags[row][0]))]
                out[k] = Tagged(*layers)


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

    model = build_model(config["vocab"], config["hidden"], layers=len(config.get("layers", ["content"])))
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
    # The tagger can only redraw a reported content or add one near a cue word: other paragraphs
    # (much of a novel's dialogue) skip it and come out as the rules read them.
    todo = [k for k, doc in enumerate(docs)
            if len(doc) and doc.tensor is not None and doc.tensor.shape[0] == len(doc)
            and (any(r.kind != "direct" for r in raws[k]) or any(p >= NEW_SPAN_FLOOR for _, p in scored[k])
                 or any(lexicon_class(t) != "-" and not in_quotation(spans[k], t.idx) for t in doc))]
    tagged = tagger.spans([(token_features(docs[k], spans[k], raws[k], scored[k]), docs[k].tensor)
                           for k in todo])
    out = list(raws)
    for k, marks in zip(todo, tagged):
        chars = [c for c in (content_span(docs[k], span, spans[k]) for span in marks.content) if c is not None]
        out[k] = _merged(docs[k], spans[k], raws[k], chars, scored[k], marks)
    return out


def _merged(doc: Doc, spans: list[QuotedSpan], raws: list[RawQuote], found: list[tuple[int, int]],
            scored, marks: Tagged) -> list[RawQuote]:
    cues = [(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in marks.cue] + [r.cue_span for r in raws if r.cue_span]
    out = [_redrawn(doc, raw, found, cues, spans) for raw in raws]
    taken = [(r.start, r.end) for r in raws] + [r.cue_span for r in raws if r.cue_span]
    for chars in found:
        if any(_overlap(chars, t) > 0 for t in taken):
            continue
        # A reading the judge has decides, kept or refused: its refusals stand.
        reading = _judges_reading(doc, chars, spans, scored)
        new = (_attach(doc, chars, spans, reading) if reading is not None
               else _tagged_reading(doc, chars, spans, marks, [r.cue_span for r in raws if r.cue_span]))
        if new is not None:
            out.append(new)
            taken.append((new.start, new.end))
    return sorted(out, key=lambda r: r.start)


def _redrawn(doc: Doc, raw: RawQuote, found: list[tuple[int, int]], cues: list[tuple[int, int]],
             spans: list[QuotedSpan]) -> RawQuote:
    """A reported content along the tagger's span that covers it, when that span is one phrase."""
    best = max(found, key=lambda s: _overlap(s, (raw.start, raw.end)), default=None)
    if raw.kind == "direct" or best is None or _overlap(best, (raw.start, raw.end)) < 0.5 \
            or not _phrase(doc, best) or (raw.mention is not None and best[0] <= raw.mention.start < best[1]):
        return raw
    # "records show [the money ...], according to the Post": a report inside the content is
    # part of what the Post says; the tagger's span is only the inner report's content.
    if any(raw.start <= a and b <= raw.end and not (best[0] <= a and b <= best[1]) for a, b in cues):
        return raw
    # Nor does it take in a quotation that was not in it: that is someone's direct speech.
    if any(q.start < best[1] and q.end > best[0] and not (q.start < raw.end and q.end > raw.start) for q in spans):
        return raw
    if raw.cue_span is not None and best[0] > raw.start and any(
            t.dep_ in ("dobj", "dative") and raw.cue_span[0] <= t.head.idx < raw.cue_span[1]
            for t in doc if raw.start <= t.idx < best[0]):
        return raw  # "criticizing [him] for his votes": the one the cue is aimed at is in it
    if best[0] > raw.start and _after_first_conjunct(doc, raw.start, best[0]):
        return raw  # "told them that A but that B": the tagger's B alone drops A
    if _unbalanced(doc.text[best[0]: best[1]]) and not _unbalanced(doc.text[raw.start: raw.end]):
        return raw  # "(her campaign said [the margin was 10 points) and moved on]"
    if raw.cue_span is not None and raw.cue_span[0] <= best[0] < raw.cue_span[1]:
        best = trim(doc.text, raw.cue_span[1], best[1])  # "expressed concern about [about] the cost"
    if len(doc.text[best[0]: best[1]].split()) < 2:
        return raw
    return replace(raw, start=best[0], end=best[1], kind=reported_kind(*best, spans))


def _after_first_conjunct(doc: Doc, start: int, cut: int) -> bool:
    """Whether the words before `cut` (from `start`) are a clause and the "and"/"but" joining
    the next one to it."""
    before = [t for t in doc if start <= t.idx < cut and not t.is_space]
    return (len(before) > 2 and before[-1].pos_ == "CCONJ"
            and any(t.pos_ in ("VERB", "AUX") for t in before))


def _unbalanced(text: str) -> bool:
    return text.count("(") != text.count(")")


_FUNCTION = {"ADP", "SCONJ", "CCONJ", "DET"}
# Dependents a word needs to be whole: its object or attribute. (A clause it takes may be left
# out: "adding [that ...]" often begins a second report.)
_ARGUMENTS = {"dobj", "attr", "acomp", "oprd", "pobj", "dative", "agent"}


def _phrase(doc: Doc, chars: tuple[int, int]) -> bool:
    """Whether the words are phrases of the parse hanging on one head, none cut at its start and
    none left hanging at its end: a redrawn content must not run into the next clause ("that the
    vote was rigged drew")."""
    span = doc.char_span(chars[0], chars[1], alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if not t.is_punct and not (span.start <= t.head.i < span.end and t.head.i != t.i)]
    if len({t.head.i for t in roots}) != 1:
        return False
    # "rose sharply in [March]", "reckless with the budget and [criticized]": a span that stops
    # after a word which only leads into what follows is cut short; so is one whose last word's
    # object or attribute lies past it ("Eric Fanning, who was [his chief of staff]").
    last = next((t for t in reversed(span) if not t.is_punct), span[-1])
    if last.pos_ in _FUNCTION or any(c.i >= span.end and c.dep_ in _ARGUMENTS for c in last.rights):
        return False
    # A trailing adjunct may be left out ("... at a rally"); a phrase cut before its start may not.
    return all(t.i >= span.end or t.is_punct for r in roots for t in r.subtree if not span.start <= t.i < span.end)


def _judges_reading(doc: Doc, chars: tuple[int, int], spans: list[QuotedSpan], scored):
    """The cue judge's likeliest reading (candidate, probability) of these words, if it has one."""
    for cand, p in sorted(scored, key=lambda s: -s[1]):
        if p < NEW_SPAN_FLOOR:
            break
        found = content_span(doc, cand.content, spans)
        if found is not None and _overlap(found, chars) >= 0.5:
            return cand, p
    return None


def _attach(doc: Doc, chars: tuple[int, int], spans: list[QuotedSpan], reading) -> RawQuote | None:
    """A content the rules missed, with the cue and speaker of the judge's reading of it."""
    if in_quotation(spans, chars[0]) and in_quotation(spans, chars[1] - 1):
        return None
    cand, p = reading
    # The rules' own checks on the reading (a hedged verb, a subject that cannot speak).
    raw = judged_reading(doc, cand, p, spans)
    if raw is None or (raw.mention is not None and chars[0] <= raw.mention.start < chars[1]):
        return None
    return replace(raw, start=chars[0], end=chars[1], kind=reported_kind(*chars, spans),
                   confidence=round(0.3 + 0.4 * p, 3))


def _tagged_reading(doc: Doc, chars: tuple[int, int], spans: list[QuotedSpan], marks: Tagged,
                    taken: list[tuple[int, int]]) -> RawQuote | None:
    """A content the judge has no reading of ("Trump claims he's worth $10 billion", parsed as a
    noun phrase), with the cue and the source the tagger marks nearest to it in its sentence.

    Only a whole phrase of the parse with a source that can speak is taken: the tagger's pieces of
    a longer content and its guesses with nobody behind them cost more precision than they bring.
    """
    if in_quotation(spans, chars[0]) and in_quotation(spans, chars[1] - 1) or not _phrase(doc, chars):
        return None
    words = doc.char_span(chars[0], chars[1], alignment_mode="expand")
    sent = words[0].sent
    cues = [s for s in marks.cue if sent.start <= s[0] and s[1] < sent.end and _apart(s, words)]
    if not cues:
        return None
    cue = min(cues, key=lambda s: words.start - s[1] if s[1] < words.start else s[0] - words.end)
    start, end = doc[cue[0]].idx, doc[cue[1]].idx + len(doc[cue[1]])
    if any(_overlap((start, end), t) > 0 for t in taken):
        return None  # '"A knot!" said Alice, to make herself useful': the cue has its content
    if any(doc[i].lower_ in HEARSAY for i in range(cue[0], cue[1] + 1)):
        return None  # "reportedly": the writer relays a report that nobody named made
    sources = [s for s in marks.source if sent.start <= s[0] and s[1] < sent.end and _apart(s, words)
               and (s[1] < cue[0] or s[0] > cue[1])]
    if not sources:
        return None
    first, last = min(sources, key=lambda s: min(abs(s[0] - cue[1]), abs(cue[0] - s[1])))
    if any(t.dep_ == "acl" and t.pos_ == "VERB" and not first <= t.head.i <= last and mention_for(t.head) is not None
           for t in doc[cue[0]: cue[1] + 1]):
        # "candidates proposing [tax cuts]": the ones proposing are the candidates ("a speech
        # attacking X" is its maker's, whom the tagger may well mark)
        return None
    head = next(t for t in doc[first: last + 1] if not first <= t.head.i <= last or t.head.i == t.i)
    mention = None if in_quotation(spans, head.idx) else mention_for(head, trusted=True)
    if mention is None or chars[0] <= mention.start < chars[1]:
        return None
    if any(done_to_subject(t, head) for t in doc[cue[0]: cue[1] + 1] if t.pos_ == "VERB"):
        mention = None  # "Residents were asked whether ...": the tagger's source was asked; who asked is unsaid
    return RawQuote(chars[0], chars[1], reported_kind(*chars, spans), "cue", mention, (start, end), None, 0.3)


def _apart(tokens: tuple[int, int], words) -> bool:
    """Whether the token span (first, last) lies wholly outside the span `words`."""
    return tokens[1] < words.start or tokens[0] >= words.end
