"""Token and character spans around a cue, read off one sentence's parse: the statement a
source follows, the clauses a report is joined to, the cue verb itself and when it was said."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import SPEECH_CUES
from .misparsed import after_dateline

_TIME_MARKS = {"after", "before", "when", "while", "since", "until", "once"}
_TIME_NOUNS = {"time", "night", "day", "week", "month", "year", "morning", "evening", "afternoon",
               "weekend", "moment", "hour"}


def fronted_clause(verb: Token) -> tuple[int, int] | None:
    """The statement before "..., X said." (token span), when the parser gives it as the
    verb's left clause or, often, makes the verb a conjunct of it with no "and" between."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i < 2:
        return None
    comma = subject.left_edge.i - 1
    # '... "political favors," The Boston Globe reported': the comma inside the closing mark.
    closed = verb.doc[comma].is_quote and verb.doc[comma - 1].text == ","
    if verb.doc[comma].text != "," and not closed:
        return None
    last = comma if closed else comma - 1
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.i < comma), None)
    if clause is None and verb.dep_ == "conj" and verb.head.i < comma and not any(
            c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
        clause = verb.head
    # Or an adverbial clause of it, when the verb is finite and bare: "A trend will end this
    # year, sooner than expected, the budget office reported on Tuesday".
    if clause is None and verb.dep_ == "advcl" and verb.head.i < comma and verb.tag_ in (
            "VBD", "VBZ", "VBP") and not any(c.dep_ == "mark" for c in verb.children):
        clause = verb.head
    # Or, read as a clause on the statement's last noun ('... could be called "political
    # favors," The Boston Globe reported in 2003'), the sentence it closes.
    if clause is None and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ == "mark" for c in verb.children) and verb.sent.root.i < comma:
        clause = verb.sent.root
    # A statement of its own: a clause with a subject that opens the sentence ("In a
    # statement released ..., Cruz said he ..." fronts no statement).
    if clause is None or clause.left_edge.i > verb.sent.start + 1 or not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children) or any(
            c.dep_ == "mark" for c in clause.children) or any(
            c.dep_ in ("ccomp", "xcomp") for c in verb.rights):
        return None  # "After X suspended ..., Cruz said he ...": what Cruz said follows
    if timed_report(clause):
        return None  # "On the day the Post reports that ..., the moderators didn't ask her"
    if clause.lemma_.lower() in SPEECH_CUES and any(c.dep_ == "nsubj" for c in clause.children):
        # "A, KING-TV reported, while in Chicago B, the Sun-Times reported": the earlier report
        # is another source's; this one sources what follows it.
        later = next((c for c in verb.lefts if c.dep_ == "advcl" and clause.i < c.i < comma), None)
        if later is not None:
            return min(t.i for t in later.subtree if t.dep_ != "mark"), last
    start = after_dateline(verb.doc, clause.left_edge.i)
    # 'For example: "We never should have built it," he told a host': the lead-in is the writer's.
    colon = next((t for t in verb.doc[start: clause.i] if t.text == ":" and verb.doc[t.i + 1].is_quote), None)
    return (colon.i + 1 if colon is not None else start), last


def short_of_timed_report(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    """A content up to a time clause that is a report of its own: Pence called for "a special
    prosecutor ..." and not for what followed "after the Associated Press reports ...", which
    the Associated Press reported."""
    first, last = tokens
    # Hung on the content's own clause ("said she would respond after Trump says ..."), the
    # time clause is part of what was said.
    roots = {t.i for t in doc[first: last + 1] if not first <= t.head.i <= last or t.head.i == t.i}
    for tok in doc[first + 1: last + 1]:
        if (tok.dep_ == "advcl" and first < tok.left_edge.i and first <= tok.head.i <= last
                and tok.head.i not in roots and timed_report(tok)):
            return first, tok.left_edge.i - 1
    return tokens


def timed_report(clause: Token) -> bool:
    """A report with its own speaker and content that sets the time of another clause: "after
    the Associated Press reports that ...", "on the same day that the Post reports that ..."."""
    if clause.lemma_.lower() not in SPEECH_CUES or not has_subject(clause) or not any(
            c.dep_ == "ccomp" and c.i > clause.i for c in clause.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children) or any(
        c.dep_ == "prep" and c.i < clause.i and any(
            p.dep_ == "pobj" and p.lemma_.lower() in _TIME_NOUNS for p in c.children)
        for c in clause.children)


def absolute_subject(verb: Token) -> Token | None:
    """"The conversation ended with Maddow asking Clinton whether ...": the one before a
    participle after "with" is who does it (the parser makes them the object of "with")."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ == "pobj" and prev.head.lower_ in ("with", "without") and prev.head.head.i == verb.head.i:
        return prev
    return None


def participle_host(verb: Token) -> Token:
    """The verb whose subject a clause with none of its own shares: its head, except that a
    participle the parser hangs on a time clause goes with the main clause ("Hannity said ...
    after the senator won his primary, remarking that ...": Hannity remarked)."""
    head = verb.head
    # Not past a time clause that is a report ("while Mrs. Reynolds replied, that he was,
    # adding, ..."): she goes on.
    if verb.tag_ == "VBG" and head.dep_ == "advcl" and head.i < verb.i and any(
            c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in head.children) and (
            head.lemma_.lower() not in SPEECH_CUES):
        return head.head
    if (verb.tag_ == "VBG" and verb.lemma_.lower() in _GOING_ON and head.dep_ == "ccomp"
            and head.i < verb.i and head.head.lemma_.lower() in SPEECH_CUES):
        # "Trump told Newsmax that Romney "had a crazy policy," adding, "...": the parser hangs
        # "adding" on what was said; the one who goes on is the one who said it.
        return head.head
    return head


_GOING_ON = {"add", "say", "note", "continue", "explain", "insist", "argue", "write", "tell"}


def opening_report(verb: Token) -> Token | None:
    """The clause after "X reported, ..." when the parser makes the report a complement of
    that clause ("Leahy previously reported, The Clinton Foundation refused to ..."): a verb of
    saying opens the sentence, takes nothing after it and a comma closes it ("The Mouse did not
    answer, so Alice went on" reports nothing)."""
    head = verb.head
    doc = verb.doc
    if (verb.dep_ != "ccomp" or head.i < verb.i or head.pos_ not in ("VERB", "AUX")
            or verb.left_edge.i != verb.sent.start or verb.right_edge.i + 1 >= len(doc)
            or doc[verb.right_edge.i + 1].text != "," or not has_subject(verb)
            or verb.lemma_.lower() not in SPEECH_CUES or any(c.dep_ == "neg" for c in verb.children)
            or any(not c.is_punct for c in verb.rights)):
        return None
    return head


def split_question(verb: Token) -> tuple[int, int] | None:
    """"wouldn't say when, or if, the Senate will vote": the parser hangs the question word on the
    verb and makes the clause a conjunct of it; the question is what was (not) said (tokens)."""
    wh = next((c for c in verb.rights if c.dep_ == "advmod" and c.lower_ in _QUESTION_WORDS), None)
    if wh is None:
        return None
    clause = next((c for c in verb.rights if c.dep_ == "conj" and c.i > wh.i and has_subject(c)
                   and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
    return (wh.i, clause.right_edge.i) if clause is not None else None


_QUESTION_WORDS = {"when", "whether", "how", "why", "where"}


def passive_aside(verb: Token) -> bool:
    """"After Clinton was declared the winner, Sanders told ...": a passive adverbial clause
    with a subject of its own and no agent; who declared it is not said."""
    return verb.dep_ == "advcl" and any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children)


def asked_participle(verb: Token) -> bool:
    """"Asked whether ..., Ryan said" / "Pressed on ...": a participle with no subject of its
    own whose clause's subject is the one it was done to, so not its source. "Having announced
    that ..., Judge Berman proceeded" is active: the judge announced it."""
    return verb.dep_ == "advcl" and bare_participle(verb)


def bare_participle(verb: Token) -> bool:
    """A past participle with no subject of its own and no "having": done to someone."""
    return verb.tag_ == "VBN" and not has_subject(verb) and not any(
        c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)


def has_subject(verb: Token) -> bool:
    """Whether the parse gives `verb` a subject of its own, active or passive."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def subjects_nearest_first(verb: Token) -> list[Token]:
    """The verb's nsubj children, nearest first (a dateline, "LONDON — Trump said", parses as a
    second subject), those before the verb ahead of any after it: in "Sanders (I-Vt.) called on
    Gov. Rick Snyder (R) to resign" the parser makes the one called on a subject too."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = any(c.i < verb.i for c in subjects)
    return sorted(subjects, key=lambda c: (before and c.i > verb.i, abs(c.i - verb.i)))


def after_comma(doc: Doc, i: int) -> bool:
    """Whether token `i` follows a comma, one a closing quotation mark may come after
    ('... "New York values," stating ...')."""
    i -= 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    return i >= 0 and doc[i].text == ","


def clause_behind_setting(verb: Token) -> Token | None:
    """"X said in one of a series of messages that ...": the parser hangs the clause on the
    setting's last noun as a relative clause, but a relative clause opens with no "that" as a
    complementizer, so the clause is what the verb reports."""
    for node in (c for c in verb.rights if c.dep_ == "prep"):
        for _ in range(4):  # "in one of a series of posts on Facebook"
            pobj = next((c for c in node.children if c.dep_ == "pobj"), None)
            if pobj is None:
                break
            clause = next((c for c in pobj.rights if c.dep_ in ("relcl", "acl")
                           and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
            if clause is not None:
                return clause
            node = next((c for c in pobj.rights if c.dep_ == "prep"), None)
            if node is None:
                break
    return None


def clause_start(verb: Token, clause: Token) -> int:
    """Where the clause a cue verb reports begins, mending two misparses: 'said the way the
    campaign treated women "would be disqualifying"' (the clause's subject hung on the cue as
    an adverb) and "said last week the race was over" (when it was said, hung on the clause)."""
    start = clause.left_edge.i
    subject = next((c for c in verb.rights if c.dep_ == "npadvmod" and c.pos_ == "NOUN"
                    and c.i < clause.i and c.ent_type_ not in ("DATE", "TIME")
                    and c.lemma_.lower() not in _TIME_NOUNS), None)
    if subject is not None and subject.right_edge.i + 1 == start:
        return subject.left_edge.i
    doc = verb.doc
    if start == verb.i + 1:
        subjects = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        while start < clause.i and doc[start].ent_type_ in ("DATE", "TIME") and start not in subjects:
            start += 1
    return start


def run_of_clauses(verb: Token, first: Token) -> int:
    """Where the complement starting with `first` ends: "noting that most of the money raised
    would go to the RNC" parses as two clauses side by side, and both are what was noted."""
    end = first.right_edge.i
    for child in verb.rights:
        if child.i > first.i and child.dep_ == "ccomp" and child.left_edge.i == end + 1:
            end = child.right_edge.i
        # "said A, but that B": the parser makes B the verb's conjunct, though its "that" says
        # it is a second thing said.
        elif (child.i > first.i and child.dep_ == "conj" and child.left_edge.lower_ == "that"
              and child.left_edge.dep_ == "mark" and child.left_edge.head.i == child.i
              and all(t.is_punct or t.dep_ == "cc" for t in verb.doc[end + 1: child.left_edge.i])):
            end = child.right_edge.i
    return _spelled_out(verb, end)


def _spelled_out(verb: Token, end: int) -> int:
    """"The report noted that A: 70 percent believe B": what follows the colon spells A out, and
    the parser makes it the sentence's head with the report hung on it; the content runs to the
    sentence's end."""
    doc = verb.doc
    # "... from all sides: a host, in 2013, questioned ...": a report of its own after the colon.
    if (verb.dep_ != "ccomp" or verb.head.dep_ != "ROOT" or verb.head.i <= end + 1
            or end + 2 >= len(doc) or doc[end + 1].text != ":" or doc[end + 2].is_quote
            or verb.head.lemma_.lower() in SPEECH_CUES):
        return end
    last = verb.sent.end - 1
    while last > end and doc[last].is_punct:
        last -= 1
    return last


# "maintain" reports only a clause ("has maintained that the server was secure"); with an
# object it is "keep" ("maintains an overwhelming lead", "maintains the title").
_ASPECTUAL = frozenset({"continue", "begin", "start", "keep", "resume", "maintain"})


def aspectual(verb: Token, complement: Token) -> bool:
    """"continued to lose money", "began to worry", "continued his assault": the verb only says
    when something happened or that it went on; what a speaker said is never its infinitive
    nor its object."""
    return complement.dep_ in ("xcomp", "dobj") and verb.lemma_.lower() in _ASPECTUAL


def manner_participle(complement: Token) -> bool:
    """"she added, still more confidently smiling:": how the words came, not what they were. A
    participle with only adverbs under it is never what was said."""
    return complement.tag_ == "VBG" and all(c.dep_ in ("advmod", "neg", "punct") for c in complement.children)


def sources_that(according: Token) -> bool:
    """"That's according to fundraising reports": all the clause says is who the source of "that"
    is; the words sourced are the sentence before, which no rule here reaches."""
    head = according.head
    return (head.lemma_ == "be" or head.lower_ in ("'s", "\u2019s")) and any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in head.children) and not any(
        c.dep_ in ("acomp", "attr") for c in head.children)


def cue_chars(tok: Token) -> tuple[int, int]:
    """The cue verb with its particle ("point out") as a character span."""
    end = tok.idx + len(tok)
    for child in tok.rights:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child)
    return tok.idx, end


def when_said(tok: Token) -> str | None:
    """A date hanging on the cue ("said on December 14")."""
    for ent in tok.sent.ents:
        if ent.label_ in ("DATE", "TIME") and ent.root.head.i in (tok.i, *[c.i for c in tok.children]):
            return ent.text
    return None


def displaced_that(verb: Token) -> Token | None:
    """"said before attending the town hall that CNN asked her to pose a question": the parser
    takes "that" for a relative pronoun of "hall", though the verb it would be the object of has
    an object already. Returns that clause's verb, whose subtree from "that" is what was said."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _TIME_MARKS:
            continue
        for tok in prep.subtree:
            that = tok.left_edge
            if (tok.dep_ == "relcl" and that.lower_ == "that" and that.dep_ == "dobj"
                    and any(c.dep_ == "dobj" and c.i != that.i for c in that.head.children)):
                return tok
    return None
