"""Reports made by a noun of saying or believing rather than a verb: "Sanders's claim that he
can still win", "a report by Politico that ...", "Cruz made the argument that ...", "his point
was that ..."."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import COPULAR_CUES, NOMINAL_CUES
from .mentions import Mention, mention_for


@dataclass(frozen=True)
class NominalReport:
    """What the noun reports (token span, inclusive), whose it is, and the noun (char span)."""

    content: tuple[int, int]
    mention: Mention
    cue: tuple[int, int]


def nominal_report(tok: Token, quoted: Callable[[int], bool]) -> NominalReport | None:
    """A speech or belief noun with its owner and its clause: "Sanders's claim that he can
    still win", "his promise to stay home on Sundays", "the warning by X that ...". """
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in _REPORT_NOUNS:
        return None
    subject = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _PARTITIVES:
        subject = tok.head.head  # "One of Trump's talking points is that ..."
    copular = subject.dep_ == "nsubj" and subject.head.lemma_ == "be"
    if lemma in COPULAR_CUES and not copular:
        return None
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                   and c.left_edge.lower_ in ("that", "to")), None)
    # Right after the noun or its "by X": "Trump's false claims that he's ...", "a report by
    # Politico that he ...", the clause hung elsewhere.
    after = tok.right_edge.i + 1
    nxt = tok.doc[after] if after < len(tok.doc) else None
    if clause is None and nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" \
            and nxt.head.i > tok.i and nxt.head.left_edge.i == nxt.i:
        clause = nxt.head
    if clause is None and copular:
        # "Sanders's argument on Sunday was that superdelegates should ...": the clause is
        # what the claim is, hung on the copula.
        clause = next((c for c in subject.head.rights if c.dep_ in ("ccomp", "attr")
                       and c.pos_ in ("VERB", "AUX") and c.left_edge.lower_ == "that"), None)
    content = (clause.left_edge.i, clause.right_edge.i) if clause is not None else None
    if (clause is None and nxt is not None and nxt.lower_ == "to" and nxt.dep_ == "aux"
            and tok.dep_ == "nsubj" and nxt.head.i == tok.head.i):
        # "the Sanders claim to have brought ...": the parser makes the claim the subject of
        # its own infinitive.
        content = (nxt.i, tok.head.right_edge.i)
    if content is None:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None) or next(
        (c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1
         and c.ent_type_ in ("PERSON", "ORG")), None)  # "the Sanders claim to have brought ..."
    if owner is None:
        by = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None:
        # "Cruz made the argument that ...", "entered the debate with an argument that ...":
        # the claim belongs to whoever voices it.
        verb = tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _VOICING_VERBS else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "with" else None)
        owner = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if owner is None or quoted(owner.idx):
        return None
    mention = mention_for(owner, trusted=True)
    if mention is None:
        return None
    return NominalReport(content, mention, (tok.idx, tok.idx + len(tok)))


_REPORT_NOUNS = NOMINAL_CUES | COPULAR_CUES
_PARTITIVES = {"one", "another", "part", "some", "much", "many"}

# Verbs by which the subject voices the claim it takes ("made the argument that"), unlike
# "rejected the claim that".
_VOICING_VERBS = {"make", "offer", "repeat", "press", "advance", "put", "issue", "voice", "raise",
                  "renew", "reiterate", "deliver", "lodge", "file", "express", "send"}
