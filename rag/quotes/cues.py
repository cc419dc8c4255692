"""A learned judge for reported speech that the cue lexicon does not cover.

News annotators count far more than "said" as attribution: "Rubio wants to emerge as ...",
"a poll showed that ...", "voters who supported Trump", a headline "NY Daily News: ...".
`candidates` proposes, for one verb (or a headline colon), the spans such an attribution
could have: the verb's clause complement, its object, its prepositional object. `CueModel`
scores each proposal with a logistic model over parse features, trained on PolNeAR's tuning
part by ``python -m evals train-cues`` (weights in ``cue_model.json`` beside this file).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from .clauses import (absolute_subject, aspectual, clause_start, displaced_that, participle_host,
                      run_of_clauses, subjects_nearest_first)
from .coordination import coordinated_report, coordinated_reporter
from .entity_mends import headline_verb, is_headline
from .lexicon import BELIEF_CUES, CUES, KICKERS, PRONOUNS, SPEAKER_NOUNS, SPEECH_CUES
from .packaged import packaged_json
from .settings import is_setting, time_after

MODEL_FILE = "cue_model.json"
_CLAUSE_DEPS = ("ccomp", "xcomp")
_OBJECT_DEPS = ("dobj", "attr", "oprd")
_PREPS = ("for", "about", "on", "against", "of", "with", "to", "over", "in")


@dataclass(frozen=True)
class CueCandidate:
    """One reading of a verb as an attribution cue. Token indices, inclusive."""

    cue: tuple[int, int]
    content: tuple[int, int]
    subject: int | None
    pattern: str
    features: tuple[str, ...]


def candidates(tok: Token) -> list[CueCandidate]:
    """The attribution readings of `tok`: one per complement it takes (none for most tokens)."""
    if tok.text == ":":
        colon = _headline(tok)
        return [colon] if colon else []
    if tok.pos_ not in ("VERB", "AUX") or asks_a_price(tok):
        return []
    subject = _subject(tok)
    if subject is None:
        return []
    found = []
    cue_end = _cue_end(tok)
    reach = time_after(tok, cue_end) + 2  # "called Wednesday for ...": when, then what was called for
    last = _clause_end(tok)
    run_end = -1  # where the clause read last runs to, taking the clauses beside it
    for child in tok.rights:
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and not aspectual(tok, child):
            if child.i <= run_end:
                # "said A - attacks that, B noted, C said were D": the parser hangs the second
                # clause on the cue too; it is the tail of the first, not a report of its own.
                continue
            if (cc := coordinated_report(child, tok, CUES)) is not None:
                # "said A, and urged B": a second report; A alone is what was said.
                found.append((f"{child.dep_}_cut", (child.left_edge.i, cc.i - 1), cue_end, child))
                continue
            start, run_end = clause_start(tok, child), run_of_clauses(tok, child)
            found.append((child.dep_, (start, run_end), cue_end, child))
            cut = _before_coordination(child)
            if cut is not None:
                found.append((f"{child.dep_}_cut", (start, cut), cue_end, child))
        elif child.dep_ in _OBJECT_DEPS:
            end = child.right_edge.i
            if end + 2 < len(tok.doc) and tok.doc[end + 1].text == ":":
                # "noted the grim aftermath: after each wave ...": the colon spells the object out.
                end = tok.doc[end + 2].sent.end - 1
            found.append(("dobj", (child.left_edge.i, end), cue_end, child))
            if last > child.right_edge.i:
                # "accused Trump of lying", "invited Russia to dig": the object and what follows.
                found.append(("dobj_rest", (child.left_edge.i, last), cue_end, child))
        elif child.dep_ == "prep" and child.lower_ in _PREPS \
                and child.i <= (reach if child.lower_ == "for" else cue_end + 2) \
                and not to_audience(tok, child) and not _blames(tok, child):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):  # not "spoke for an hour"
                found.append((f"prep_{child.lower_}", (pobj.left_edge.i, pobj.right_edge.i), child.i, pobj))
        elif child.dep_ == "advcl":
            # "called for the banks to be broken up": the parser makes "for" a clause marker.
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"), None)
            if mark is not None and mark.i <= reach:
                found.append(("prep_for", (mark.i + 1, child.right_edge.i), mark.i, child))
    if not found and tok.lemma_.lower() in SPEECH_CUES and (clause := displaced_that(tok)) is not None:
        found.append(("ccomp", (clause.left_edge.i, clause.right_edge.i), cue_end, clause))
    if any(c.dep_ == "auxpass" for c in tok.children) and subject.dep_ == "pobj":
        # "was first reported by MSNBC": the passive subject is what was reported.
        what = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if what is not None:
            found.append(("passive", (what.left_edge.i, what.right_edge.i), cue_end, what))
    out = []
    for pattern, content, end, head in found:
        if content[0] <= subject.i <= content[1]:
            continue
        feats = _verb_features(tok, subject, pattern, head, content)
        if pattern in ("ccomp", "ccomp_cut", "xcomp", "xcomp_cut"):
            feats += _tail_features(tok, head, subject, pattern.endswith("_cut"))
        out.append(CueCandidate((tok.i, end), content, subject.i, pattern, feats))
    return out


def _blames(verb: Token, prep: Token) -> bool:
    """"praised Lopez for keeping the team calm", "accused the firm of hiding ...": the object goes
    with what it is praised or blamed for (the object-and-rest reading), not the phrase alone."""
    return prep.lower_ in ("for", "of") and any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children)


def asks_a_price(verb: Token) -> bool:
    """"Walker, who charges $20,000 for a speech": a price, not an accusation."""
    return verb.lemma_.lower() == "charge" and any(
        c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)


def _clause_end(verb: Token) -> int:
    """The last token of the verb's own complements, before trailing punctuation and adjuncts."""
    end = verb.i
    for child in verb.rights:
        if child.dep_ in ("punct", "cc", "conj", "advcl", "parataxis", "npadvmod") or (
                end > verb.i and is_setting(child)):
            break
        end = child.right_edge.i
    while end > verb.i and verb.doc[end].is_punct:
        end -= 1
    return end


def _before_coordination(head: Token) -> int | None:
    """Where a clause stops before "and vowed ...", "; ...", ", referring to ..."."""
    for child in head.rights:
        if (child.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in head.rights)) \
                or (child.dep_ == "advcl" and child.tag_ == "VBG") or child.text == ";":
            end = child.left_edge.i - 1
            while end > head.left_edge.i and head.doc[end].is_punct:
                end -= 1
            return end if end > head.i else None
    return None


_CLAUSE_OPENERS = {"after", "before", "when", "since", "until", "while", "as", "because"}


def to_audience(verb: Token, prep: Token) -> bool:
    """"spoke to supporters", "speaking on his radio show": who heard it, or where, not what
    was said (PolNeAR train-tune marks no such phrase as a content)."""
    return verb.lemma_.lower() in _ADDRESS_VERBS and prep.lower_ in _AUDIENCE_PREPS


_ADDRESS_VERBS = {"speak", "talk"}
_AUDIENCE_PREPS = {"to", "on", "with", "at", "before", "in"}


_CUE_PREPS = {"for", "about", "of", "on", "against", "to"}


def cue_preposition(tok: Token) -> Token | None:
    """"called for X", "talked about X": the preposition whose object is what was said."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in _CUE_PREPS and child.i <= tok.i + 2 \
                and not to_audience(tok, child) and any(
                c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME") for c in child.children):
            return child
    return None


def of_belief(doc: Doc, cue_span: tuple[int, int] | None) -> bool:
    """Whether a report's cue is a verb of belief or feeling ("felt", "knew"), not of speech."""
    cue = doc.char_span(*cue_span, alignment_mode="expand") if cue_span is not None else None
    return cue is not None and len(cue) > 0 and cue.root.lemma_.lower() in BELIEF_CUES


def stranded_subject(verb: Token) -> Token | None:
    """ "... after Chairman Trey Gowdy (R-S.C.) earlier in the day touted progress": the parser
    reads "after" as a preposition with the subject as its object and the verb as a modifier
    of the main clause; that object is the verb's subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children) or verb.left_edge.i == 0:
        return None
    tok = verb.doc[verb.left_edge.i - 1]
    while tok.dep_ in ("appos", "punct", "compound") and tok.head.i < tok.i:
        tok = tok.head
    if (tok.dep_ == "pobj" and tok.head.lower_ in _CLAUSE_OPENERS and tok.head.head.i == verb.head.i
            and (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON")):
        return tok
    return None


def _subject(verb: Token) -> Token | None:
    if (stranded := stranded_subject(verb)) is not None:
        return stranded
    if (child := _nearest_subject(verb)) is not None:
        return verb.head if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl" else child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if (reporter := coordinated_reporter(verb, CUES)) is not None:
        return _subject(reporter)  # "Spicer said A, and urged B": Spicer urged B
    if (doer := absolute_subject(verb)) is not None:
        return doer
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return _nearest_subject(participle_host(verb))
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ in ("ROOT", "appos") \
            and verb.head.pos_ == "PROPN" and verb.i == verb.head.i + 1:
        # "LONDON (Reuters) — Keir Starmer called Thursday for ...": the name read as the
        # sentence's head, or as the dateline's apposition.
        return verb.head
    return None


def _nearest_subject(verb: Token) -> Token | None:
    return next(iter(subjects_nearest_first(verb)), None)


def _cue_end(tok: Token) -> int:
    end = tok.i
    for child in tok.rights:
        if child.dep_ == "prt" and child.i == end + 1:
            end = child.i
    return end


def _subject_kind(tok: Token) -> str:
    lower = tok.lower_
    if lower in PRONOUNS or lower in ("you", "who"):
        return f"pron_{lower}"
    if tok.ent_type_:
        return f"ent_{tok.ent_type_}"
    if tok.pos_ == "PROPN":
        return "propn"
    if tok.lemma_.lower() in SPEAKER_NOUNS:
        return "speaker_noun"
    return f"pos_{tok.pos_}"


def _bucket(n: int) -> str:
    for limit, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15")):
        if n <= limit:
            return name
    return "16+"


def _verb_features(tok: Token, subject: Token, pattern: str, head: Token,
                   content: tuple[int, int]) -> tuple[str, ...]:
    lemma = tok.lemma_.lower()
    lex = "speech" if lemma in SPEECH_CUES else "belief" if lemma in BELIEF_CUES else "none"
    skind = _subject_kind(subject)
    first = tok.doc[content[0]]
    feats = [
        "bias", f"lem={lemma}", f"lem|pat={lemma}|{pattern}", f"pat={pattern}", f"lex={lex}",
        f"lex|pat={lex}|{pattern}", f"subj={skind}", f"subjlem={subject.lemma_.lower()}",
        f"subj|pat={skind}|{pattern}", f"lem|subj={lemma}|{skind}", f"dep={tok.dep_}",
        f"tag={tok.tag_}", f"clen={_bucket(content[1] - content[0] + 1)}",
        f"chead={head.pos_}", f"cent={head.ent_type_ or '-'}", f"first={first.lower_ if first.is_stop else first.pos_}",
        f"pat|first={pattern}|{first.lower_ if first.is_stop else first.pos_}",
    ]
    for child in tok.children:
        if child.dep_ == "neg":
            feats.append("neg")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            feats.append(f"modal={child.lower_}")
        elif child.dep_ == "auxpass":
            feats.append("passive")
        elif child.dep_ == "prt":
            feats.append(f"lem|prt={lemma}|{child.lower_}")
    if tok.dep_ == "relcl":
        feats.append("relcl")
    return tuple(feats)


def _tail_features(tok: Token, clause: Token, subject: Token, cut: bool) -> tuple[str, ...]:
    """What follows the reported clause after "and", "but", ";" or ", -ing", which the cut
    reading leaves out: "She said she admires him and highlighted ..." goes on in the
    reporter's tense about the reporter; "... and that they would win" goes on reporting."""
    tail = _tail(clause)
    if tail is None:
        return ()
    kind = "semi" if tail.text == ";" else "vbg" if tail.dep_ == "advcl" else "conj"
    own = next((c for c in tail.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    who = ("none" if own is None else "same" if own.lower_ == subject.lower_ or (
        own.lower_ in PRONOUNS and subject.ent_type_ == "PERSON") else "pron" if own.lower_ in PRONOUNS
        else "other")
    tense = ("reporter" if tail.tag_ == tok.tag_ != clause.tag_ else "clause" if tail.tag_ == clause.tag_
             else "other")
    cue = "cue" if tail.lemma_.lower() in CUES else "verb"
    side = "cut" if cut else "full"
    return (f"tail|{side}={kind}", f"tail|{side}|who={who}", f"tail|{side}|tense={tense}",
            f"tail|{side}|cue={cue}", f"tail|{side}|kind|who={kind}|{who}")


def _tail(clause: Token) -> Token | None:
    """The verb (or ";") after the reported clause that `_before_coordination` cuts at."""
    for child in clause.rights:
        if child.text == ";":
            return child
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            return child
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "cc" for c in clause.rights if c.i < child.i):
            return child
    return None


def _headline(colon: Token) -> CueCandidate | None:
    """ "Source: claim" opening a paragraph, as headlines and captions attribute."""
    doc = colon.doc
    left = [t for t in doc[: colon.i] if not t.is_punct]
    end = doc[colon.i + 1].sent.end - 1 if colon.i + 1 < len(doc) else colon.i
    right = [t for t in doc[colon.i + 1: end + 1] if not t.is_punct]
    if not left or len(left) > 6 or len(right) < 2:
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in left) or any(t.lower_ in KICKERS for t in left):
        return None  # "BREAKING: ...", "UPDATE: ...": a news item's kicker, not a source
    head = max(left, key=lambda t: (t.pos_ in ("PROPN", "NOUN"), t.i))
    if is_headline(doc) and (verb := next((t for t in left if headline_verb(t)), None)) is not None:
        head = doc[verb.i - 1]  # "Carly Fiorina Endorses Ted Cruz: I Am ...": Fiorina speaks
    if head.dep_ == "pobj" and head.head.lower_ in ("on", "in", "at", "during"):
        return None  # "Then, later that month on CNN: ...": where it was said, not who said it
    kind = _subject_kind(head)
    capitalised = sum(t.is_title or t.is_upper for t in right) / len(right)
    feats = ("bias", "pat=colon", f"subj={kind}", f"colon|subj={kind}",
             f"colon|len={_bucket(len(left))}", f"colon|clen={_bucket(len(right))}",
             f"colon|title={'high' if capitalised > 0.6 else 'low'}",
             f"colon|whole={end == len(doc) - 1}")
    return CueCandidate((colon.i, colon.i), (right[0].i, end), head.i, "colon", feats)


@dataclass(frozen=True)
class CueModel:
    """Logistic weights over candidate features: how likely a reading is an attribution."""

    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, cand: CueCandidate) -> float:
        return _logistic(self.weights, cand.features)

    def best(self, tok: Token) -> tuple[CueCandidate, float] | None:
        """The best attribution reading of `tok` among those that clear the threshold."""
        scored = [(c, self.probability(c)) for c in candidates(tok)]
        scored = [s for s in scored if s[1] >= self.threshold]
        return max(scored, key=lambda s: s[1]) if scored else None

    def to_json(self) -> dict:
        return {"threshold": self.threshold, "weights": self.weights}


def _logistic(weights: dict[str, float], features: tuple[str, ...]) -> float:
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The packaged model; None when it has not been trained (the lexicon rules still run)."""
    data = packaged_json(MODEL_FILE)
    if data is None:
        return None
    return CueModel(weights=data["weights"], threshold=data.get("threshold", 0.5))


def parsed_candidates(doc: Doc) -> list[CueCandidate]:
    """Every candidate in a parsed paragraph (training reads them all)."""
    return [c for tok in doc for c in candidates(tok)]
