"""Cue chains: in "declined to discuss the report" or "issued a statement saying the plan
failed", the words up to the last verb or noun that reports belong to the cue, and what was
said is what that last one takes ("the report", "the plan failed")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import CUES

# Chosen on PolNeAR train-tune's fit part: after "to", a verb of saying or believing belongs to
# the cue ("declined to discuss [whether ...]", "seems to feel [the case ...]"); a verb of doing
# starts the content ("pledged [to back the nominee]"). Left out: the speech cues annotators
# more often leave in the content ("declined [to comment]"), and "begin"/"continue", which only
# say when.
_CHAIN_VERBS = CUES - {"comment", "answer", "defend", "attack", "begin", "continue"}
_TOPIC_PREPS = frozenset({"on", "about", "for", "of", "with", "against", "over"})

# Nouns a cue verb takes that only carry what was said: "issued a statement saying X",
# "expressed concern that X", "made a call for X" (also chosen on the fit part).
_CARRIER_NOUNS = frozenset("statement call question concern hope".split())
_CARRIER_LINKS = frozenset({"acl", "relcl", "ccomp"})


def descend(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    """Where the content starts once the chain at its start is moved into the cue, and the
    cue's new last token; None when the content does not open with a chain."""
    start, end = content
    found = None
    for _ in range(3):  # "sought to persuade voters to see" is as deep as it goes
        step = _chain_step(doc, start, end)
        if step is None:
            break
        found = step
        start = step[0]
    return found


def _chain_step(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    first = doc[start]
    if first.lower_ == "to" and first.dep_ == "aux":
        verb = first.head
        if verb.i <= start or verb.i > start + 2 or verb.lemma_.lower() not in _CHAIN_VERBS:
            return None
        return _what_it_takes(verb, end)
    head = _phrase_head(doc, start, end)
    if head is None or head.lemma_.lower() not in _CARRIER_NOUNS or any(
            c.dep_ == "poss" for c in head.children):
        return None  # "Sanders's call for X" is his; what the cue's subject said is all of it
    for child in head.rights:
        if child.dep_ in _CARRIER_LINKS and child.pos_ in ("VERB", "AUX") and child.i <= end:
            if child.tag_ == "VBG" or child.dep_ == "relcl":
                # "a statement saying X", "a statement that urges X": what that verb takes.
                return _what_it_takes(child, end) if child.lemma_.lower() in CUES else None
            return child.left_edge.i, head.i  # "concern that X": the clause itself
        if child.dep_ == "prep" and child.lower_ in ("for", "about", "of") and child.i == head.i + 1:
            pobj = _prep_object(child)
            if pobj is not None and pobj.i <= end:
                return pobj.left_edge.i, child.i
    after = head.right_edge.i + 1
    if after <= end and doc[after].lower_ == "that" and doc[after].dep_ == "mark":
        return after, head.i  # the parser hung "that X" on the verb: "expressed concern [that X]"
    return None


def _phrase_head(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a content opening with a noun phrase is headed by ("a statement")."""
    tok = doc[start]
    while tok.head.i != tok.i and start <= tok.head.i <= end and tok.dep_ in ("det", "amod", "compound",
                                                                            "poss", "nummod"):
        tok = tok.head
    return tok if tok.pos_ == "NOUN" else None


def _what_it_takes(verb: Token, end: int) -> tuple[int, int] | None:
    """Where the complement of `verb` starts, and the cue's last token (the verb, or the
    preposition it takes: "focus on")."""
    for child in verb.rights:
        if child.i > end:
            break
        if child.dep_ in ("ccomp", "dobj", "xcomp", "attr"):
            return child.left_edge.i, verb.i
        if child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ in _TOPIC_PREPS:
            pobj = _prep_object(child)
            if pobj is not None:
                return pobj.left_edge.i, child.i
    return None


def _prep_object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
