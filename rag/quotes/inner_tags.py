"""A speech tag set inside the sentence it reports ("The plan, he says, will fail")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import SPEECH_CUES


def doing_after_tag(tok: Token) -> bool:
    """Whether a participle opens the words after a mid-sentence tag (", wiping ...")."""
    i = tok.right_edge.i + 1
    while i < len(tok.doc) and tok.doc[i].is_punct:
        i += 1
    return i < len(tok.doc) and tok.doc[i].tag_ == "VBG" and tok.doc[i].dep_ == "advcl"


def around_tag(own: Span, tok: Token) -> tuple[int, int] | None:
    """"The plan, he says, will fail": a tag set off by commas or dashes between the subject of
    a clause and the rest of it (or an adverb, "Now, he said, ..."); the clause from end to end,
    tag included, else None. A setting before the tag ("In 2008, he said, ...") is mostly left
    out by annotators."""
    first, last = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    before = [t for t in doc[own.start:first] if t.head == tok.head and not t.is_punct]
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    adverbs = before if all(t.dep_ == "advmod" and t.left_edge == t.right_edge for t in before) else []
    after = [t for t in doc[last + 1:own.end] if not t.is_punct]
    set_off = all(i in range(own.start, own.end) and doc[i].text in (",", "--", "\u2014", "\u2013")
                  for i in (first if doc[first].is_punct else first - 1, last if doc[last].is_punct else last + 1))
    # '"She has accepted me," he said, and ...' / 'Then, he continued, "Lizzy, ...': a quotation
    # before the tag, or opening right after an adverb, is the quotation rules' to attribute; after
    # a subject it goes on with the clause ('An economic downturn, he said, "could be a good time"').
    opening = next((t for t in doc[last + 1:own.end] if t.text != ","), None)
    if opening is not None and _is_mark(opening):
        adverbs = []
    if not (subjects or adverbs) or len(after) < 2 or not set_off or any(_is_mark(t) for t in doc[own.start:first]):
        return None
    return own.start, own.end - 1


_CONDITIONS = frozenset({"if", "unless", "when", "because", "although", "though", "once", "until"})


def condition_before_tag(tok: Token, clause: Token) -> Token | None:
    """"If the council votes no, the mayor said, the project will move to another city": the
    condition set off before a tag goes with the clause after it; its first token, or None."""
    doc = tok.doc
    subject = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
    if subject is None or clause.i < tok.i or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    for adv in tok.lefts:
        marks = [c.lower_ for c in adv.children if c.dep_ == "mark"]
        # "as if struck by a sudden recollection, she exclaimed": how, not a condition.
        if (adv.dep_ == "advcl" and adv.i < subject.i and marks and set(marks) <= _CONDITIONS
                and adv.right_edge.i + 2 == subject.left_edge.i and doc[adv.right_edge.i + 1].text == ","):
            return doc[adv.left_edge.i]
    return None


def _is_mark(tok: Token) -> bool:
    """A quotation mark, not the apostrophe of a plural's possessive ("the Smiths' plan")."""
    return tok.is_quote and tok.dep_ != "case"


def inverted_inner_tag(verb: Token) -> tuple[Token, tuple[int, int], Token] | None:
    """"The plan, said Michael Kofman, an expert on Russia, would fail": the parser makes "The
    plan" the subject of "said" and Kofman the subject of "would fail". The person after the verb
    speaks, and the clause from end to end is what he said. Returns the name, the clause's token
    span and the tag's last word."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if subject is None or clause is None or subject.ent_type_ == "PERSON":
        return None
    name = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
    if name is None or name.left_edge.i != verb.i + 1 or name.ent_type_ != "PERSON":
        return None
    end = name.right_edge.i  # the name's apposition and the comma closing it may be in its subtree
    if doc[end].text != ",":
        end += 1
    if end >= len(doc) or doc[end].text != "," or clause.i <= end:
        return None
    return name, (subject.left_edge.i, clause.right_edge.i), doc[end - 1]


def tag_read_as_apposition(tok: Token) -> tuple[Span, tuple[int, int]] | None:
    """"Democrats, Frank notes, applaud ...": the parser reads the tag "Frank notes" as a noun
    phrase set beside the subject. The name speaks, and the clause from end to end is what was
    said. Returns the name and the clause's token span."""
    doc = tok.doc
    if tok.dep_ != "appos" or tok.tag_ not in ("NNS", "VBZ") or tok.lemma_.lower() not in SPEECH_CUES:
        return None
    name = list(tok.lefts)
    if not name or any(t.dep_ != "compound" or t.pos_ != "PROPN" for t in name) or tok.right_edge.i != tok.i:
        return None
    first = name[0].left_edge.i
    host, verb = tok.head, tok.head.head
    if first == 0 or doc[first - 1].text != "," or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != "," \
            or host.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
        return None
    return doc[first: tok.i], (host.left_edge.i, verb.right_edge.i)
