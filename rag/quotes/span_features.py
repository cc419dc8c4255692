"""What the content tagger reads about each token of a parsed paragraph.

Categorical features (parse, lexicon, the rules' own reading, the cue judge's scores) plus
spaCy's context vectors (``doc.tensor``). Training (``python -m evals train-spans``) and
ingest call the same function, so the model sees at ingest exactly what it learned from.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import CueCandidate, CueModel, parsed_candidates
from .lexicon import BELIEF_CUES, NOMINAL_CUES, SPEECH_CUES
from .marks import QuotedSpan, in_quotation
from .raw import RawQuote

FIELDS = ("pos", "dep", "tag", "ent", "iob", "quoted", "lex", "head_lex", "head_dep", "cue_above",
          "rule", "rule_cue", "cand", "cand_start", "cand_cue", "sent", "punct", "word")


def lexicon_class(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_CUES:
        return "speech"
    if lemma in BELIEF_CUES:
        return "belief"
    return "noun" if lemma in NOMINAL_CUES else "-"


def _bucket(p: float) -> str:
    # Coarse steps: the judge's scores are calibrated only roughly, and a fine grid overfits.
    for limit, name in ((1e-4, "none"), (0.1, "<.1"), (0.2, "<.2"), (0.3, "<.3"), (0.5, "<.5"), (0.7, "<.7")):
        if p < limit:
            return name
    return ">=.7"


def scored_candidates(doc: Doc, judge: CueModel | None) -> list[tuple[CueCandidate, float]]:
    """Every cue reading of the paragraph with the judge's probability (none without a judge)."""
    return [(c, judge.probability(c)) for c in parsed_candidates(doc)] if judge is not None else []


def _tokens(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def token_features(doc: Doc, spans: list[QuotedSpan], raws: list[RawQuote],
                   scored: list[tuple[CueCandidate, float]]) -> list[dict[str, str]]:
    """One dict of `FIELDS` per token of `doc` (`scored`: from `scored_candidates`)."""
    n = len(doc)
    rule, rule_cue = ["O"] * n, ["-"] * n
    for raw in raws:
        for j, i in enumerate(_tokens(doc, raw.start, raw.end)):
            rule[i] = ("B" if j == 0 else "I") + raw.kind[0]
        if raw.cue_span is not None:
            for i in _tokens(doc, *raw.cue_span):
                rule_cue[i] = "C"
    cand, cand_start, cand_cue = [0.0] * n, [0.0] * n, [0.0] * n
    for c, p in scored:
        for i in range(c.content[0], c.content[1] + 1):
            cand[i] = max(cand[i], p)
        cand_start[c.content[0]] = max(cand_start[c.content[0]], p)
        for i in range(c.cue[0], c.cue[1] + 1):
            cand_cue[i] = max(cand_cue[i], p)
    lex = [lexicon_class(t) for t in doc]
    out = []
    for t in doc:
        above = next((a for a in t.ancestors if lex[a.i] != "-"), None)
        out.append({
            "pos": t.pos_, "dep": t.dep_, "tag": t.tag_, "ent": t.ent_type_ or "-", "iob": t.ent_iob_,
            "quoted": "Q" if in_quotation(spans, t.idx) else "-", "lex": lex[t.i],
            "head_lex": lex[t.head.i], "head_dep": t.head.dep_,
            "cue_above": f"{lex[above.i]}{above.dep_}" if above is not None else "-",
            "rule": rule[t.i], "rule_cue": rule_cue[t.i], "cand": _bucket(cand[t.i]),
            "cand_start": _bucket(cand_start[t.i]), "cand_cue": _bucket(cand_cue[t.i]),
            "sent": "S" if t.is_sent_start else "-", "punct": t.text if t.is_punct else "-",
            "word": t.lower_ if t.is_stop or t.is_punct else "-",
        })
    return out
