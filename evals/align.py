"""Aligning predicted attributions with gold ones, and the attribution metrics. Plain functions.

Rules (the attribution eval reports by these; tests pin them down):

* Spans are document offsets; a gold content with several pieces is the union of its pieces.
  White space at the edges of every piece is trimmed before measuring.
* Predicted pieces: the extractor may return one attribution in pieces (``"A," he said, "B."``
  -> two quotes, the second a "continuation" without cue or mention span). Before alignment,
  consecutive predictions of one paragraph with the same speaker (not None) are merged into
  one prediction whose content is the union of the pieces when the later one has the same
  non-empty cue span or is such a continuation (``merge_pieces``). Both corpora annotate these
  as one item (PolNeAR ``Content`` + ``Content2``, PDNC one quotation with several spans).
  ``--no-merge`` scores the pieces as they come.
* Alignment is one to one: candidate pairs are gold/pred pairs sharing at least one
  character; within each connected group of overlapping items the assignment maximises
  (number of pairs with ratio >= 0.5, then the summed ratio), Hungarian via scipy, where
  ratio = |chars in both| / |chars in either|.
* A pair is *matched* when ratio >= 0.5 (``MATCH_RATIO``). ``content_*_overlap`` counts matched
  pairs; ``content_*_exact`` counts aligned pairs whose texts are equal after ``norm_content``
  per piece (rag.text.normalize: NFKC, straight quotes, folded spaces, case-folded; then
  surrounding quote marks and trailing punctuation stripped, repeatedly), pieces joined by one
  space, on both sides: gold ``"A," "B."`` equals a merged prediction ``A`` + ``B``.
* Cue, source and speaker are judged on matched pairs only; precision divides by all
  predictions, recall by all gold items. A cue is right when the predicted cue span shares a
  character with the gold cue (``cue_*``); ``cue_*_strict`` asks for ratio >= 0.5.
* Source (PolNeAR), right when any of:
  1. gold has no Source (``Attribution-no-source``) and the prediction has no speaker and no mention;
  2. the predicted mention span shares a character with the gold Source span;
  3. the gold source names someone and the predicted speaker (or mention) matches that name:
     the gold name's last name token (its "surname") is among the predicted name's tokens,
     and their other name tokens do not conflict (both non-empty and disjoint = conflict, so
     "Bill Clinton" is not "Hillary Clinton"). A gold source "names someone" when it has
     capitalised tokens beyond titles and function words ("Spokeswoman Haley Morris" ->
     Haley Morris; "O'Malley's campaign" -> O'Malley). A pronoun or relative source ("He",
     "who", "they") takes the name of the nearest preceding gold source in the article that
     names someone (no gender or number check); a description without a name ("officials")
     has no name and is right only by span overlap.
* Speaker (PDNC): the predicted canonical speaker (its mention only when it has no speaker)
  resolves to the gold character when it
  equals, case-folded, the character's main name or one of its aliases; otherwise when its
  name tokens (titles and words like "this" dropped) are exactly those of one name of exactly
  one character ("this Alice" -> Alice, not "Alice's Sister"); otherwise when they all occur
  in exactly one character's names, or failing that one of them occurs in exactly one
  character's names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rag.text import normalize

from .corpora.polnear import classify_cue
from .corpora.records import GoldAttribution, GoldDocument, Span

MATCH_RATIO = 0.5


@dataclass(frozen=True)
class PredAttribution:
    """A predicted attribution in document offsets."""

    doc_id: str
    content_spans: tuple[Span, ...]
    content_text: str
    kind: str
    speaker: str | None = None
    mention: str | None = None
    mention_spans: tuple[Span, ...] = ()
    cue: str | None = None
    cue_spans: tuple[Span, ...] = ()
    paragraph: int = 0
    pieces: int = 1
    confidence: float = 0.5

    @property
    def cue_class(self) -> str | None:
        return classify_cue(self.cue)


# --- conversion and merging ----------------------------------------------------------------
def predictions_from_quotes(paragraphs: Sequence, quotes: Iterable) -> list[PredAttribution]:
    """rag Quote records (paragraph offsets) -> PredAttribution (document offsets)."""
    by_ordinal = {p.ordinal: p for p in paragraphs}
    out: list[PredAttribution] = []
    for q in quotes:
        para = by_ordinal[q.paragraph]
        base = para.start
        mention = (base + q.mention_span[0], base + q.mention_span[1]) if q.mention_span else None
        cue = (base + q.cue_span[0], base + q.cue_span[1]) if q.cue_span else None
        out.append(PredAttribution(
            doc_id=q.doc_id, content_spans=((base + q.start, base + q.end),), content_text=q.text,
            kind=q.kind, speaker=q.speaker, mention=q.mention,
            mention_spans=(mention,) if mention else (), cue=q.cue, cue_spans=(cue,) if cue else (),
            paragraph=q.paragraph, confidence=float(getattr(q, "confidence", 0.5) or 0.0),
        ))
    out.sort(key=lambda p: p.content_spans[0])
    return out


def merge_pieces(preds: Sequence[PredAttribution]) -> list[PredAttribution]:
    """Merge the pieces of one attribution (see the module doc): in text order within a
    paragraph, a prediction joins the group before it when both have the same speaker (not
    None) and it either has the same non-empty cue span or is a continuation piece (no cue
    span and no mention span, as the extractor marks the second half of "A," he said, "B.")."""
    by_para: dict[tuple, list[PredAttribution]] = defaultdict(list)
    for p in preds:
        by_para[(p.doc_id, p.paragraph)].append(p)
    out: list[PredAttribution] = []
    for group_preds in by_para.values():
        groups: list[list[PredAttribution]] = []
        for p in sorted(group_preds, key=lambda p: p.content_spans[0] if p.content_spans else (0, 0)):
            if groups:
                head = groups[-1][0]
                same_cue = bool(p.cue_spans) and p.cue_spans == head.cue_spans
                continuation = not p.cue_spans and not p.mention_spans
                if p.speaker is not None and p.speaker == head.speaker and (same_cue or continuation):
                    groups[-1].append(p)
                    continue
            groups.append([p])
        for group in groups:
            if len(group) == 1:
                out.append(group[0])
                continue
            kinds = {p.kind for p in group}
            out.append(replace(
                group[0],
                content_spans=tuple(sorted(s for p in group for s in p.content_spans)),
                content_text=" ".join(p.content_text for p in group),
                kind=kinds.pop() if len(kinds) == 1 else "mixed",
                pieces=sum(p.pieces for p in group),
            ))
    out.sort(key=lambda p: p.content_spans[0] if p.content_spans else (0, 0))
    return out


# --- spans and text ------------------------------------------------------------------------
def trim_spans(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Each piece without white space at its edges; empty pieces dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(sorted(out))


def _union(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def span_length(spans: Iterable[Span]) -> int:
    return sum(b - a for a, b in _union(spans))


def intersection(x: Iterable[Span], y: Iterable[Span]) -> int:
    """Characters covered by both span sets."""
    ux, uy = _union(x), _union(y)
    i = j = total = 0
    while i < len(ux) and j < len(uy):
        lo, hi = max(ux[i][0], uy[j][0]), min(ux[i][1], uy[j][1])
        if hi > lo:
            total += hi - lo
        if ux[i][1] < uy[j][1]:
            i += 1
        else:
            j += 1
    return total


def overlap_ratio(x: Iterable[Span], y: Iterable[Span]) -> float:
    """|x & y| / |x | y| in characters; 0.0 when either is empty."""
    x, y = list(x), list(y)
    inter = intersection(x, y)
    if not inter:
        return 0.0
    return inter / (span_length(x) + span_length(y) - inter)


def overlaps(x: Iterable[Span], y: Iterable[Span]) -> bool:
    return intersection(x, y) > 0


_EDGE_QUOTES = "\"'`"
_TRAILING_PUNCT = ".,;:!?\u2026-\u2013\u2014"


def norm_spans(text: str, spans: Iterable[Span]) -> str:
    """``norm_content`` of each piece, joined by one space: ``"A," he said, "B."`` -> ``a b``."""
    return " ".join(t for t in (norm_content(text[a:b]) for a, b in spans) if t)


def norm_content(text: str) -> str:
    """Text for exact comparison: rag.text.normalize, then surrounding quote marks and trailing
    punctuation stripped until stable (``'"Fair."'`` -> ``fair``)."""
    t = normalize(text)
    prev = None
    while t != prev:
        prev = t
        t = t.strip().strip(_EDGE_QUOTES).strip().rstrip(_TRAILING_PUNCT).strip()
    return t


# --- alignment -----------------------------------------------------------------------------
def align(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold index, pred index, ratio)`` among items sharing a character."""
    items = [(min(s[0] for s in spans), max(s[1] for s in spans), 0, i) for i, spans in enumerate(gold) if spans]
    items += [(min(s[0] for s in spans), max(s[1] for s in spans), 1, i) for i, spans in enumerate(pred) if spans]
    items.sort()
    edges: dict[tuple[int, int], float] = {}
    active: list[tuple[int, int, int, int]] = []
    for item in items:
        start = item[0]
        active = [a for a in active if a[1] > start]
        for other in active:
            if other[2] == item[2]:
                continue
            g, p = (other[3], item[3]) if other[2] == 0 else (item[3], other[3])
            r = overlap_ratio(gold[g], pred[p])
            if r > 0:
                edges[(g, p)] = r
        active.append(item)
    if not edges:
        return []
    # connected components over the bipartite overlap graph
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, p in edges:
        ra, rb = find((0, g)), find((1, p))
        if ra != rb:
            parent[ra] = rb
    comps: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for g, p in edges:
        comps[find((0, g))].append((g, p))
    pairs: list[tuple[int, int, float]] = []
    for comp in comps.values():
        if len(comp) == 1:
            g, p = comp[0]
            pairs.append((g, p, edges[(g, p)]))
            continue
        gs = sorted({g for g, _ in comp})
        ps = sorted({p for _, p in comp})
        gi = {g: k for k, g in enumerate(gs)}
        pi = {p: k for k, p in enumerate(ps)}
        from scipy.optimize import linear_sum_assignment
        import numpy as np

        w = np.zeros((len(gs), len(ps)))
        for g, p in comp:
            r = edges[(g, p)]
            w[gi[g], pi[p]] = r + (1.0 if r >= MATCH_RATIO else 0.0)
        rows, cols = linear_sum_assignment(w, maximize=True)
        for r, c in zip(rows, cols):
            if w[r, c] > 0:
                pairs.append((gs[r], ps[c], edges[(gs[r], ps[c])]))
    pairs.sort()
    return pairs


# --- names ---------------------------------------------------------------------------------
PRONOUNS = frozenset("""
he she it they we i you who whom whose which that his her its their him them us me our my your
this these those one someone somebody
""".split())
_FUNCTION = frozenset("""
the a an of and for in on at to by from with as or but said says says' 's
""".split())
TITLES = frozenset("""
mr mrs ms miss dr prof professor sir lady lord madam madame mister master rev father mother
president vice prime minister secretary general gen commander chief sen senator rep
representative gov governor mayor judge justice lt col sgt capt captain spokesman spokeswoman
spokesperson former republican democratic democrat gop candidate nominee presidential chairman
chairwoman chair ceo leader speaker house majority minority press u.s. us american aide adviser
advisor attorney u.s
""".split())
_TOKEN = re.compile(r"[\w][\w'.\-]*")


def _clean_token(tok: str) -> str:
    tok = tok.replace("\u2019", "'").rstrip(".")
    if tok.lower().endswith("'s"):
        tok = tok[:-2]
    return tok.strip("'.-")


def name_tokens(text: str | None, *, need_capital: bool = True) -> list[str]:
    """Name-like tokens of a mention, normalised: capitalised, not a title or function word."""
    if not text:
        return []
    out = []
    for raw in _TOKEN.findall(text.replace("\u2019", "'")):
        tok = _clean_token(raw)
        if not tok:
            continue
        low = normalize(tok)
        if low in PRONOUNS or low in _FUNCTION or low in TITLES:
            continue
        if need_capital and not tok[0].isupper():
            continue
        out.append(low)
    return out


def is_pronoun(text: str | None) -> bool:
    return bool(text) and normalize(text).strip(" ,.") in PRONOUNS


def names_match(gold_name: Sequence[str], predicted: str | None) -> bool:
    """Surname rule: the gold's last token is among the prediction's name tokens and the
    remaining tokens are not disjoint when both sides have some."""
    if not gold_name or not predicted:
        return False
    pred = name_tokens(predicted, need_capital=False)
    surname = gold_name[-1]
    if surname not in pred:
        return False
    g_rest = set(gold_name[:-1]) - {surname}
    p_rest = set(pred) - {surname}
    return not (g_rest and p_rest and not (g_rest & p_rest))


def gold_source_names(doc: GoldDocument) -> dict[str, tuple[str, ...] | None]:
    """gold_id -> the name its source resolves to (see module doc), or None."""
    out: dict[str, tuple[str, ...] | None] = {}
    by_source = sorted(doc.attributions, key=lambda g: (g.source_spans[0] if g.source_spans else (g.start, g.start)))
    last_name: tuple[str, ...] | None = None
    for g in by_source:
        if not g.source_spans:
            out[g.gold_id] = None
            continue
        toks = tuple(name_tokens(g.source_text))
        if toks:
            out[g.gold_id] = toks
            last_name = toks
        elif is_pronoun(g.source_text):
            out[g.gold_id] = last_name
        else:
            out[g.gold_id] = None
    return out


def source_correct(gold: GoldAttribution, pred: PredAttribution, gold_name: Sequence[str] | None) -> bool:
    if not gold.source_spans:
        return pred.speaker is None and not pred.mention_spans
    if pred.mention_spans and overlaps(gold.source_spans, pred.mention_spans):
        return True
    if gold_name:
        return names_match(gold_name, pred.speaker) or names_match(gold_name, pred.mention)
    return False


class CharacterResolver:
    """Maps a predicted name to a PDNC character (main name) of one novel; see module doc."""

    def __init__(self, characters: dict[str, tuple[str, ...]]):
        self.exact: dict[str, str] = {}
        self.tokens: dict[str, set[str]] = {}
        self.name_sets: dict[str, set[frozenset[str]]] = {}
        for main, aliases in characters.items():
            for name in (*aliases, main):
                self.exact.setdefault(normalize(name), main)
            toks: set[str] = set()
            sets: set[frozenset[str]] = set()
            for name in (*aliases, main):
                these = name_tokens(name, need_capital=False)
                toks.update(these)
                sets.add(frozenset(these))
            self.tokens[main] = toks
            self.name_sets[main] = sets
        for main in characters:  # a main name always wins over another's alias
            self.exact[normalize(main)] = main

    def resolve(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        key = normalize(name)
        if key in self.exact:
            return self.exact[key]
        toks = set(name_tokens(name, need_capital=False))
        if not toks:
            return None
        same = [m for m, sets in self.name_sets.items() if frozenset(toks) in sets]
        if len(same) == 1:
            return same[0]
        every = [m for m, t in self.tokens.items() if toks <= t]
        if len(every) == 1:
            return every[0]
        if every:
            return None
        some = [m for m, t in self.tokens.items() if toks & t]
        return some[0] if len(some) == 1 else None


# --- scoring -------------------------------------------------------------------------------
@dataclass
class Judgment:
    """What happened to one gold item."""

    gold: GoldAttribution
    pred: PredAttribution | None = None
    ratio: float = 0.0
    exact: bool = False
    matched: bool = False
    cue: bool = False
    cue_strict: bool = False
    source: bool = False
    speaker: bool = False
    predicted_speaker: str | None = None  # PDNC: the character the prediction resolved to


@dataclass
class DocScore:
    doc_id: str
    judgments: list[Judgment] = field(default_factory=list)
    preds: list[PredAttribution] = field(default_factory=list)
    pred_matched: list[bool] = field(default_factory=list)
    pred_aligned: list[bool] = field(default_factory=list)


def _inside(spans: Sequence[Span], n: int) -> bool:
    return bool(spans) and all(0 <= a <= b <= n for a, b in spans)


def score_document(doc: GoldDocument, preds: Sequence[PredAttribution], *, corpus: str) -> DocScore:
    """Align one document's predictions with its gold and judge every gold item.

    `preds` should already be merged (``merge_pieces``) and, for PDNC, filtered to direct speech.
    """
    text = doc.text
    golds = list(doc.attributions)
    g_spans = [trim_spans(text, g.content_spans) for g in golds]
    p_spans = [trim_spans(text, p.content_spans) if _inside(p.content_spans, len(text))
               else tuple(p.content_spans) for p in preds]
    pairs = align(g_spans, p_spans)
    score = DocScore(doc.doc_id, [Judgment(g) for g in golds], list(preds),
                     [False] * len(preds), [False] * len(preds))
    names = gold_source_names(doc) if corpus == "polnear" else {}
    resolver = CharacterResolver(doc.characters) if corpus == "pdnc" else None
    for gi, pi, ratio in pairs:
        j = score.judgments[gi]
        g, p = golds[gi], preds[pi]
        j.pred, j.ratio = p, ratio
        j.exact = norm_spans(text, g_spans[gi]) == (
            norm_spans(text, p_spans[pi]) if _inside(p_spans[pi], len(text)) else norm_content(p.content_text))
        j.matched = ratio >= MATCH_RATIO
        score.pred_aligned[pi] = True
        score.pred_matched[pi] = j.matched
        if resolver is not None:
            who = resolver.resolve(p.speaker) if p.speaker else resolver.resolve(p.mention)
            j.predicted_speaker = who
        if not j.matched:
            continue
        if g.cue_spans and p.cue_spans:
            j.cue = overlaps(g.cue_spans, p.cue_spans)
            j.cue_strict = overlap_ratio(trim_spans(text, g.cue_spans), p.cue_spans) >= MATCH_RATIO
        if corpus == "polnear":
            j.source = source_correct(g, p, names.get(g.gold_id))
        elif resolver is not None:
            j.speaker = j.predicted_speaker is not None and j.predicted_speaker == g.speaker
            j.source = j.speaker
    return score


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def summarize(scores: Sequence[DocScore], *, corpus: str) -> dict:
    """Overall metrics and breakdowns from judged documents."""
    js = [j for s in scores for j in s.judgments]
    preds = [p for s in scores for p in s.preds]
    n_gold, n_pred = len(js), len(preds)
    tp_exact = sum(j.exact for j in js)
    tp_overlap = sum(j.matched for j in js)
    out: dict = {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_aligned": sum(j.pred is not None for j in js),
        "n_matched": tp_overlap,
    }
    ex, ov = prf(tp_exact, n_pred, n_gold), prf(tp_overlap, n_pred, n_gold)
    out.update({
        "content_precision_exact": ex["precision"], "content_recall_exact": ex["recall"],
        "content_f1_exact": ex["f1"],
        "content_precision_overlap": ov["precision"], "content_recall_overlap": ov["recall"],
        "content_f1_overlap": ov["f1"],
    })
    if corpus == "polnear":
        n_gold_cue = sum(bool(j.gold.cue_spans) for j in js)
        cue, cue_s = prf(sum(j.cue for j in js), n_pred, n_gold_cue), prf(sum(j.cue_strict for j in js), n_pred, n_gold_cue)
        src = prf(sum(j.source for j in js), n_pred, n_gold)
        out.update({
            "cue_precision": cue["precision"], "cue_recall": cue["recall"], "cue_f1": cue["f1"],
            "cue_f1_strict": cue_s["f1"],
            "source_precision": src["precision"], "source_recall": src["recall"], "source_f1": src["f1"],
            "source_accuracy_matched": _rate(sum(j.source for j in js), tp_overlap),
            "speaker_accuracy": None, "coverage": _rate(tp_overlap, n_gold),
        })
        out["by_kind"] = _breakdown(
            js, preds, lambda g: g.kind, lambda p: p.kind, ("direct", "indirect", "mixed"))
        out["by_cue_class"] = _breakdown(
            js, preds, lambda g: _cue_group(g.cue_class), lambda p: _cue_group(p.cue_class),
            ("speech", "belief_perception", "other"))
    else:
        correct = sum(j.speaker for j in js)
        spk = prf(correct, n_pred, n_gold)
        out.update({
            "cue_precision": None, "cue_recall": None, "cue_f1": None, "cue_f1_strict": None,
            "source_precision": spk["precision"], "source_recall": spk["recall"], "source_f1": spk["f1"],
            "source_accuracy_matched": _rate(correct, tp_overlap),
            "speaker_accuracy": _rate(correct, n_gold) if n_gold else 0.0,
            "speaker_accuracy_covered": _rate(correct, tp_overlap),
            "coverage": _rate(tp_overlap, n_gold),
            "coverage_any_overlap": _rate(sum(j.pred is not None for j in js), n_gold),
        })
        out["by_quote_type"] = _breakdown(
            js, preds, lambda g: g.kind, None, ("Explicit", "Anaphoric", "Implicit", "Unknown"))
    return out


def _cue_group(cls: str | None) -> str:
    if cls in ("belief", "perception"):
        return "belief_perception"
    return cls or "other"


def _breakdown(js, preds, gold_label, pred_label, labels) -> dict:
    """Per label: recall-side metrics from gold labels; precision when predictions have labels."""
    out = {}
    for label in labels:
        sub = [j for j in js if gold_label(j.gold) == label]
        if not sub and label == "Unknown":
            continue
        n = len(sub)
        row: dict = {
            "n_gold": n,
            "content_recall_exact": _rate(sum(j.exact for j in sub), n),
            "content_recall_overlap": _rate(sum(j.matched for j in sub), n),
        }
        if pred_label is not None:
            mine = [p for p in preds if pred_label(p) == label]
            matched_ids = {id(j.pred) for j in js if j.matched and j.pred is not None}
            tp_p = sum(id(p) in matched_ids for p in mine)
            row["n_pred"] = len(mine)
            row["content_precision_overlap"] = _rate(tp_p, len(mine))
            p, r = row["content_precision_overlap"] or 0.0, row["content_recall_overlap"] or 0.0
            row["content_f1_overlap"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
            row["cue_recall"] = _rate(sum(j.cue for j in sub), n)
            row["source_recall"] = _rate(sum(j.source for j in sub), n)
        else:
            row["coverage"] = row["content_recall_overlap"]
            row["speaker_accuracy"] = _rate(sum(j.speaker for j in sub), n)
            row["speaker_accuracy_covered"] = _rate(sum(j.speaker for j in sub), sum(j.matched for j in sub))
        out[label] = row
    return out


def evaluate(docs: Sequence[GoldDocument], preds_by_doc: dict[str, Sequence[PredAttribution]], *,
             corpus: str, merge: bool = True) -> tuple[dict, list[DocScore]]:
    """Score documents: merge pieces, drop indirect predictions for PDNC, align, summarise."""
    scores = []
    for doc in docs:
        preds = list(preds_by_doc.get(doc.doc_id, ()))
        if merge:
            preds = merge_pieces(preds)
        if corpus == "pdnc":
            preds = [p for p in preds if p.kind != "indirect"]
        scores.append(score_document(doc, preds, corpus=corpus))
    return summarize(scores, corpus=corpus), scores
