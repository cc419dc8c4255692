"""Second reports the parser hangs inside a first one's clause: "X said A and urged B", "X said
A, noting B", "X says A and tells the crowd B". Each finds where the first content ends, or
the verb whose subject reports the second."""

from __future__ import annotations

from spacy.tokens import Token

from .clauses import after_comma, has_subject


def coordinated_report(clause: Token, cue: Token, cues: frozenset[str]) -> Token | None:
    """A second report the parser hung inside the first one's clause: "Trump said A and Trump
    says B" (a cue verb with a subject of its own), "Spicer said A, and urged B" (a cue verb
    in the cue's own tense right after ", and"), "X said A, noting B" (a participle that reports,
    hung on A). The token where the first content ends: the coordinator or the comma."""
    if (participle := _trailing_report(clause, cues)) is not None:
        return clause.doc[participle.i - 1]
    if (narrated := _narration_resumed(clause, cue)) is not None:
        return narrated
    for conj in _conjuncts(clause):
        if conj.pos_ != "VERB" or conj.lemma_.lower() not in cues:
            continue
        if any(c.dep_ == "mark" for c in conj.children):
            continue  # "said that A and that B believe ...": both are what was said
        head = conj.head
        cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < conj.i), None)
        if cc is None:
            continue
        subject = next((c for c in conj.lefts if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return cc
        # With no comma, only when A has a subject of its own: then B's missing subject is
        # the reporter's ("Khan said Trump was wrong and criticized him"), not A's.
        if subject is None and conj.tag_ == cue.tag_ and cc.i > 0 and (
                clause.doc[cc.i - 1].text == "," or has_subject(clause)):
            return cc
    return None


def _conjuncts(clause: Token) -> list[Token]:
    """The verbs coordinated after `clause`, a chain included: in "says he would meet the union
    and offer it a new contract and tells voters ..." the parser hangs "tells" on "offer", not on
    "meet"."""
    out, todo = [], [clause]
    while todo:
        head = todo.pop(0)
        for conj in head.rights:
            if conj.dep_ == "conj":
                out.append(conj)
                todo.append(conj)
    return sorted(out, key=lambda t: t.i)


def _narration_resumed(clause: Token, cue: Token) -> Token | None:
    """"She said she admires his determination and highlighted ...", "Rubio said the real
    extremist is Clinton, and he railed against ...": after a clause in the present, a verb in
    the cue's past tense goes on with the story, not with what was said (the coordinator)."""
    if cue.tag_ != "VBD" or clause.tag_ not in ("VBZ", "VBP"):
        return None
    for conj in clause.rights:
        if (conj.dep_ == "conj" and conj.tag_ == "VBD" and conj.pos_ == "VERB"
                and not any(c.dep_ in ("mark", "aux") for c in conj.children)):
            return next((c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < conj.i), None)
    return None


def _trailing_report(clause: Token, cues: frozenset[str]) -> Token | None:
    """", noting that B" / ", pointing to B" hung on the reported clause A: a reporting
    participle with a complement of its own, after a comma, says what the reporter went on to
    say."""
    for child in clause.rights:
        if (child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in cues
                and after_comma(clause.doc, child.i)
                and any(c.dep_ in ("ccomp", "dobj", "prep") for c in child.children)
                and not has_subject(child)):
            return child
    return None


def coordinated_reporter(verb: Token, cues: frozenset[str]) -> Token | None:
    """For B's verb in "Spicer said A, and urged B" or "Spicer said A, noting B" (hung on A
    by the parser), the verb that reports A, whose subject also urged or noted B."""
    head = verb.head
    if verb.dep_ == "advcl":
        if head.dep_ != "ccomp" or head.head.lemma_.lower() not in cues:
            return None
        trailing = _trailing_report(head, cues)
        return head.head if trailing is not None and trailing.i == verb.i else None
    if verb.dep_ != "conj" or has_subject(verb):
        return None
    while head.dep_ == "conj":  # "says A and B and tells C": C hangs on B, B on A
        head = head.head
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in cues:
        return None
    cc = coordinated_report(head, head.head, cues)
    return head.head if cc is not None and cc.i < verb.i else None
