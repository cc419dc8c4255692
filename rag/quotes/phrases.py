"""Where a speaker phrase begins and ends in the parse, and what kind of name it holds."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

from .lexicon import SPEAKER_NOUNS
from .misparsed import PLAIN_PEOPLE, asked_of
from .name_forms import capitalised, entity_at, spaced_dash, strip_det

_MODIFIER_DEPS = {"compound", "amod", "det", "poss", "nmod", "flat", "case"}


def capitalised_by_position(tok: Token, ent: Span | None) -> bool:
    """"Attorneys for Clinton appeared ...": a role noun opening the sentence that the tagger
    reads as a name; the phrase is a description, and whose it is stays in it."""
    return (ent is None and tok.i == tok.sent.start and tok.lower_ in SPEAKER_NOUNS
            and not any(c.pos_ == "PROPN" for c in tok.lefts))


def left_edge(tok: Token) -> int:
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _MODIFIER_DEPS and child.i < left:
            left = min(left, child.left_edge.i)
    # "particularly problematic - Pew Research": a spaced dash ends what modifies the name.
    left = max([left] + [t.i + 1 for t in tok.doc[left: tok.i] if spaced_dash(t)])
    while left < tok.i and tok.doc[left].is_punct:
        left += 1
    return left


def right_edge(tok: Token) -> int:
    right = tok.i
    ent = entity_at(tok)
    if ent is not None:
        right = max(right, ent.end - 1)
    # "Ministry of Defense": a capitalised of-phrase belongs to the name.
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and not asked_of(tok):
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs and (pobjs[0].pos_ == "PROPN" or capitalised(pobjs[0])):
                right = max(right, pobjs[0].right_edge.i)
    return right


def appositive(tok: Token) -> str | None:
    for child in tok.rights:
        if child.dep_ == "appos":
            return strip_det(tok.doc[child.left_edge.i: child.right_edge.i + 1].text)
    return None


def entity_label(ent: Span | None, tok: Token) -> Literal["person", "org", "unknown"]:
    if ent is not None and ent.label_ == "PERSON":
        return "person"
    if ent is not None and ent.label_ in ("ORG", "FAC", "GPE", "NORP"):
        return "org"
    return "unknown"


def telling_apart(tok: Token) -> Token | None:
    """"the gentleman in the white waistcoat", "the lady with the parasol": what a plain man or
    woman is known by where the story gives no name; the noun of that phrase, else None."""
    if tok.lemma_.lower() not in PLAIN_PEOPLE or tok.pos_ != "NOUN":
        return None
    prep = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if prep is None or prep.head.i != tok.i or prep.dep_ != "prep" or prep.lower_ not in ("in", "with"):
        return None
    thing = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if thing is None or thing.pos_ != "NOUN" or not any(c.lower_ == "the" for c in thing.lefts):
        return None
    return thing


_SHARES = frozenset({"percent", "half", "third", "quarter", "fifth", "majority", "minority", "plurality"})


def share_phrase(tok: Token) -> Span | None:
    """"About 40 percent", "Two-thirds of voters", "4 in 10": a poll's share speaks as the whole
    phrase; its head alone ("Percent", "Thirds") names no one."""
    if tok.lemma_.lower() not in _SHARES and not (
            tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.rights)):
        return None
    right = max([tok.i] + [c.right_edge.i for c in tok.rights
                           if c.dep_ == "prep" and c.lower_ in ("of", "in")])
    return tok.doc[tok.left_edge.i: right + 1]
