"""The writer's own hedges: "Trump is expected to win", "the team appeared paralyzed"."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import CUES

# Verbs by which a news story reports an expectation or an impression that no one named holds.
# PolNeAR marks them as attributions without a source; "expect" only in the passive ("X expects
# Y" names who expects).
_HEDGES = frozenset({"expect", "appear", "seem"})
_COMPLEMENTS = frozenset({"xcomp", "acomp", "ccomp", "oprd"})


def writer_hedge(tok: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(first, last) content tokens and the cue's character span of a hedge headed by `tok`.

    The content runs from the subject to the end of what is expected or seen of it, the cue
    inside it ("Trump is expected to deliver a speech"; PolNeAR's span leaves the cue out). After
    an empty "it" ("It appears that ..."), the clause alone."""
    lemma = tok.lemma_.lower()
    if lemma not in _HEDGES or tok.pos_ not in ("VERB", "AUX"):
        return None
    if lemma == "expect" and not any(c.dep_ == "auxpass" for c in tok.lefts):
        return None
    if any(c.dep_ == "aux" and c.lemma_.lower() == "can" for c in tok.lefts):
        return None  # "he can't seem to convince them": he fails; no one's impression
    comp = next((c for c in tok.rights if c.dep_ in _COMPLEMENTS), None)
    subject = next((c for c in tok.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if comp is None or subject is None:
        return None
    if lemma != "expect" and comp.lemma_.lower() in CUES:
        return None  # "He seemed to feel that ...": his feeling, read as a report of his
    if comp.dep_ == "ccomp":
        if subject.lower_ != "it":
            return None
        first = comp.left_edge.i
    else:
        first = subject.left_edge.i
    aux = [c for c in tok.lefts if c.dep_ in ("aux", "auxpass") and c.i > subject.i]
    cue_start = aux[0].idx if aux else tok.idx
    return (first, comp.right_edge.i), (cue_start, tok.idx + len(tok))
