"""Questions put to someone: "Asked by Starnes if he believed ..., Carson said ...".

The opening participle has no subject; the one who asked is its agent, and what was asked is
its "if"/"whether" clause or its "on"/"about" phrase. The answer that follows is the
subject's, read by the usual rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from .clauses import bare_participle
from .settings import is_setting

_ASKING = {"ask", "press", "push", "question", "quiz", "challenge"}
_ASKED_MARKS = {"if", "whether"}
_ASKED_PREPS = {"on", "about", "over"}


def question_put(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """(the asker's head token, the tokens of what was asked) for an asking participle with
    an agent; None otherwise."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in _ASKING or verb.dep_ not in ("advcl", "ROOT"):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if asker is None:
        return None
    for child in verb.rights:
        if child.i < asker.i:
            continue
        if child.dep_ in ("ccomp", "advcl") and any(
                m.dep_ == "mark" and m.lower_ in _ASKED_MARKS for m in child.children):
            return asker, (child.left_edge.i, child.right_edge.i)
        if child.dep_ == "prep" and child.lower_ in _ASKED_PREPS and not is_setting(child) and any(
                c.dep_ in ("pobj", "pcomp") for c in child.children):
            return asker, (child.i, child.right_edge.i)
    return None


def done_to_subject(verb: Token, subject: Token) -> bool:
    """"Residents were asked whether the bridge should carry a toll", "Trump, when asked about
    the wall, shrugged": a passive report with no agent, whose subject is the one asked
    or spoken of; who spoke is not said. Not "was quoted as saying", whose subject spoke."""
    if verb.lemma_.lower() in _SPEAKER_AS_SUBJECT or any(c.dep_ == "agent" for c in verb.children):
        return False
    if subject.dep_ == "nsubjpass" and subject.head == verb:
        # "He's said much about ...": the parser may read the "'s" of "has" as a passive's.
        return not any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in verb.children)
    # A participle hung on its noun ("Trump, when asked about ..."), the noun is who was asked;
    # hung on the clause instead ("Asked about ..., Ryan said") it is `asked_participle`'s.
    return verb.dep_ in ("relcl", "acl") and subject == verb.head and bare_participle(verb)


# Passives whose subject is the one who spoke: "was quoted as saying", "was heard to say".
# "Council members are split on whether ...": a state, the subject's own view.
_SPEAKER_AS_SUBJECT = {"quote", "hear", "overhear", "record", "tape", "film", "see", "split", "divide"}


def asked_clause(verb: Token) -> Token | None:
    """"Rubin asked the students if they were always so serious": the parser hangs the question
    on the asking verb as an adverbial clause; it is what was asked."""
    if verb.lemma_.lower() not in _ASKING:
        return None
    return next((c for c in verb.rights if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _ASKED_MARKS and m.i == c.left_edge.i for m in c.children)), None)
