"""Which speech verb a quotation hangs on, and who speaks through it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import asks_a_price
from .lexicon import CUES, PRONOUNS, SPEECH_CUES, SUBJECT_PRONOUNS
from .marks import QuotedSpan
from .mentions import Mention, mention_for, speaker_of
from .windows import opens_sentence


def is_cue(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUES and not asks_a_price(tok) \
        and not _caused(tok)


def _caused(tok: Token) -> bool:
    """"made the child cry", "let him speak": what someone brought about, not a report."""
    return tok.tag_ == "VB" and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in ("make", "let") \
        and not any(c.lower_ == "to" for c in tok.children)


def name_opening(window: list[Token], verb: Token) -> Mention | None:
    """'"...," Texas delegate Bill Eastland, wearing a cowboy hat, said': a person named right
    after the quotation, before a speech verb the parser left without a subject."""
    words = [t for t in window if not t.is_punct and t.i < verb.i]
    for tok in words[:4]:
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            ent = next(e for e in tok.doc.ents if e.start == tok.i)
            return mention_for(ent.root, trusted=True)
    return None


def governing_cue(doc: Doc, qs: QuotedSpan, quoted) -> tuple[Token, Mention] | None:
    """The nearest speech verb the quotation's words hang on in the parse: in "X said the way
    officials treated women who complained ''would be disqualifying''", "said", not "complained"."""
    inside = [t for t in doc if qs.start <= t.idx < qs.end]
    roots = [t for t in inside if not (qs.start <= t.head.idx < qs.end) and t.head.i != t.i]
    # A quotation opening a sentence hangs on nothing before it, whatever the parse says.
    opens = opens_sentence(doc.text, qs.outer_start, quoted)
    # A tag right after the quotation ('"...," Trump said, after Quick said ...') is nearer
    # than any verb past it that the parser hung the quotation on.
    tag = next((t for t in doc if t.idx >= qs.outer_end and is_cue(t) and not quoted(t.idx)), None)
    if _participle_tag(doc, qs):
        return None
    for root in roots:
        for verb in root.ancestors:
            if quoted(verb.idx) or (opens and verb.idx < qs.outer_start) or (
                    tag is not None and verb.i > tag.i):
                break
            if _reports_its_own(verb, qs, quoted):
                break
            if is_cue(verb) and (mention := speaker_of(verb, quoted)) is not None:
                return verb, mention
    return None


def _reports_its_own(verb: Token, qs: QuotedSpan, quoted) -> bool:
    """'Adler criticized her rival's promises - "does he have to keep giving them reasons to
    doubt?" - Republicans said they were unmoved': a verb after the quotation with a clause of its
    own after it reports that clause; the parser's second complement before it is someone else's."""
    return verb.idx >= qs.outer_end and any(
        c.dep_ == "ccomp" and c.i > verb.i and not quoted(c.idx) for c in verb.children)


def _participle_tag(doc: Doc, qs: QuotedSpan) -> bool:
    """'Starr said the case reminds him of a book, explaining, "because ..."': a speaking
    participle set off right before the quotation is its tag, wherever the parse hangs it."""
    opening = doc.char_span(qs.outer_start, qs.outer_end, alignment_mode="expand")
    i = (opening.start if opening is not None else 0) - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in ",:"):
        i -= 1
    if i < 0:
        return False
    verb = doc[i]
    # A bare participle ("explaining,", "said before adding:"): "was repeating," is a verb of
    # the narration, which the tags around the quotation decide among.
    return (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp") and verb.lemma_.lower() in SPEECH_CUES
            and not any(c.dep_ == "aux" for c in verb.children)
            and doc.text[verb.idx + len(verb): qs.outer_start].strip() in (",", ":"))


def has_clause(verb: Token, quoted) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") and not quoted(c.idx) for c in verb.children)


def lead_in(doc: Doc, qs: QuotedSpan, verb: Token, quoted) -> int | None:
    """Where the words the cue takes start when they run unquoted into a quotation that goes
    on in lower case: the subject in 'Cruz said Obama's words "amount to ..."', the preposition
    in 'thanked him for "taking these steps"'. None for a quotation set off by a comma or colon,
    one that opens with a capital (a speech of its own), or one opening the complement itself."""
    before = [t for t in doc if t.idx < qs.outer_start and not t.is_space]
    if (not before or before[-1].is_punct or before[-1].i <= verb.i
            or not doc.text[qs.start: qs.start + 1].islower()):
        return None
    # Up from the quotation's own root to the cue's child it hangs under.
    branch = next((t for t in doc if qs.start <= t.idx < qs.end and not (qs.start <= t.head.idx < qs.end)), None)
    while branch is not None and branch.head.i != verb.i:
        branch = branch.head if branch.head.i != branch.i else None
    if branch is None or branch.left_edge.i <= verb.i or branch.left_edge.idx >= qs.outer_start or any(
            quoted(t.idx) for t in doc[branch.left_edge.i: before[-1].i + 1]):
        return None
    return branch.left_edge.idx


def repeats_its_report(tok: Token, ccomp: Token | None) -> bool:
    """'Tyler said that ... "guiding principles," he said.': the closing "he said" takes the
    whole report before it as its clause; that report has its own speaker already."""
    return (ccomp is not None and ccomp.i < tok.i and is_cue(ccomp)
            and any(c.dep_ == "nsubj" and c.lower_ in SUBJECT_PRONOUNS for c in tok.children)
            and any(c.dep_ == "nsubj" and c.lower_ not in PRONOUNS for c in ccomp.children)
            and any(c.dep_ == "ccomp" for c in ccomp.children))
