"""Speaker phrases: from the subject token of a cue to a Mention (name, pronoun or description)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from spacy.tokens import Span, Token

from .clauses import absolute_subject, asked_participle, has_subject, participle_host, subjects_nearest_first
from .coordination import coordinated_reporter
from .cues import stranded_subject
from .lexicon import (AMOUNTS, CUES, NOT_SPEAKERS, ORG_NOUNS, PLURAL_PRONOUNS, PRONOUNS,
                      SPEAKER_NOUNS, SUBJECT_PRONOUNS)
from .mention import Mention
from .misparsed import (NAME_ENTS, before_aside, carrier_verb, gerund_name, honorific_and_misread_surname,
                        is_adverb_read_as_name, is_name, maker_of, name_after_office, name_after_rank,
                        name_after_titles, name_before_participle, name_before_time, name_hung_on_verb,
                        name_read_as_adverb, name_read_as_modal, named_in_apposition, past_dateline, purpose_of_object,
                        speaker_before_adverb, subject_taken_by_aside, topic_then_speaker, whose_name)
from .name_forms import (JOB_WORDS, clock_prefix, couple, entity_at, known_person_word, name_part,
                         strip_det)
from .named_roles import known_as, named_role
from .phrases import (appositive, capitalised_by_position, entity_label, left_edge, right_edge, share_phrase,
                      telling_apart)

def speaker_of(verb: Token, quoted: Callable[[int], bool] = lambda i: False,
               depth: int = 0, loose: bool = False) -> Mention | None:
    """Who a cue verb attributes to, as a Mention; None when no speaker-like phrase is found.

    In order: a subject outside any quotation ("besides" in '"Besides!" said Lucy' is not one);
    the agent of a passive; the phrase right after an inverted tag ("said Miss Bartlett");
    the noun a relative clause hangs on ("a voter who said ..."); a subject shared with the
    verb this one is coordinated with ("X reported losses, claiming ...").
    """
    # A passive's nsubjpass is what was said, not who said it.
    for child in subjects_nearest_first(verb):
        if not quoted(child.idx):
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return mention_for(verb.head)
            if child.pos_ == "ADP":
                child = topic_then_speaker(child) or child
            child = named_in_apposition(child, verb) or child
            if (name := gerund_name(child)) is not None:
                return name_mention(name)
            mention = mention_for(child, trusted=loose)
            if mention is not None:
                return mention
    if (modal := name_read_as_modal(verb, quoted)) is not None:
        return Mention(modal.idx, modal.idx + len(modal), modal.text, "name", name=modal.text, label="person")
    if depth < 2 and (spoke := subject_taken_by_aside(verb)) is not None:
        return speaker_of(spoke, quoted, depth + 1, loose)
    if (adverb := name_read_as_adverb(verb) or name_before_participle(verb)) is not None and not quoted(
            adverb[-1].idx):
        return name_mention(adverb)
    if (hung := name_hung_on_verb(verb)) is not None and not quoted(hung.idx):
        return mention_for(hung, trusted=True)
    if loose and (share := _poll_share(verb)) is not None:
        return share
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not quoted(pobj.idx):
                    return mention_for(pobj, trusted=True)
    # Inversion only follows a quotation or a comma: '"...," said X' / '..., said X'.
    if verb.i > 0 and verb.doc[verb.i - 1].is_punct and not any(
            c.dep_ in ("dobj", "ccomp") for c in verb.children if not quoted(c.idx)):
        after = _phrase_after(verb, quoted)
        if after is not None:
            return mention_for(after, trusted=True)
    if asked_participle(verb):
        return None
    prev = before_aside(verb)
    # After a parenthesis the parser may make the name the subject of a word inside it
    # ("Murphy (a Democrat so boyish ...) says"): still this verb's subject.
    bracketed = verb.i > 0 and verb.doc[verb.i - 1].text == ")"
    if prev is not None and prev.ent_type_ == "PERSON" and (prev.dep_ != "nsubj" or bracketed) \
            and not quoted(prev.idx) and verb.tag_ in ("VBD", "VBZ") and not has_subject(verb):
        # "..., former president Bill Clinton said his wife ...": a name right before the
        # verb that the parser hung elsewhere (here as an apposition) is its subject.
        return mention_for(prev, trusted=True)
    if (stranded := stranded_subject(verb)) is not None and not quoted(stranded.idx):
        return mention_for(stranded, trusted=True)
    if (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and is_name(verb.head)
            and not quoted(verb.head.idx) and verb.doc[verb.i - 1].text == ","
            and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
            and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)):
        # "O'Malley, who signed ..., interjected to say": a finite verb the parser hung on
        # its own subject as a modifier.
        return mention_for(verb.head)
    if (depth < 2 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _DOER_PREPS
            and verb.head.head.pos_ in ("VERB", "AUX")):
        # "Trump sent a jab ... by suggesting that ...": the doer of the verb it explains.
        return speaker_of(verb.head.head, quoted, depth + 1, loose)
    if depth < 2 and (sender := carrier_verb(verb, lambda t: not is_speaker_like(t))) is not None:
        return speaker_of(sender, quoted, depth + 1, loose)
    if depth < 2 and (holder := purpose_of_object(verb)) is not None:
        return speaker_of(holder, quoted, depth + 1, loose)
    if depth < 2 and (reporter := coordinated_reporter(verb, CUES)) is not None:
        return speaker_of(reporter, quoted, depth + 1, loose)
    if depth < 2 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i and not (
            verb.dep_ == "advcl" and has_subject(verb)):
        # An adverbial clause with a subject of its own is about someone else ("After Clinton
        # was declared the winner, Sanders told ...": Sanders declared nothing), so it is left out.
        if (doer := absolute_subject(verb)) is not None and not quoted(doer.idx):
            return mention_for(doer, trusted=True)
        head = participle_host(verb)
        passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if verb.dep_ == "xcomp" and passive is not None and not quoted(passive.idx) and not any(
                c.dep_ == "nsubj" for c in head.children):
            # "Maria was just discontented enough to say", "he was forced to add": the one the
            # passive is about does the speaking.
            return mention_for(passive)
        # "..., saying that": a participle shares the subject of the clause it hangs on.
        if (head.lemma_.lower() in _SHARED_SUBJECT_HEADS or verb.dep_ in ("conj", "xcomp")
                or verb.tag_ == "VBG"):
            return speaker_of(head, quoted, depth + 1, loose)
    return None


def _poll_share(verb: Token) -> Mention | None:
    """"About 4 in 10 say ...": the parser hangs the share on the verb as a number."""
    for child in verb.lefts:
        if child.dep_ in ("nummod", "npadvmod", "quantmod") and child.pos_ == "NUM":
            span = verb.doc[child.left_edge.i: child.i + 1]
            return Mention(span.start_char, span.end_char, span.text, "description",
                           description=span.text, label="person", plural=True)
    return None


def inverted_subject(verb: Token, quoted: Callable[[int], bool]) -> Mention | None:
    """The speaker right after a tag verb, whatever the parser made of it: in
    '"Yes," murmured Lucy' it often parses Lucy as the object. A participle has none:
    '"Shall I?" Drawing her arm within his' draws the arm, it does not speak."""
    if verb.tag_ == "VBG":
        return None
    after = _phrase_after(verb, quoted)
    return mention_for(after, trusted=True) if after is not None else None


def _phrase_after(verb: Token, quoted: Callable[[int], bool]) -> Token | None:
    """The head of a name or noun phrase straight after the verb: "said the old man"."""
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].dep_ == "prt":
        i += 1
    if i >= len(doc) or quoted(doc[i].idx):
        return None
    if doc[i].pos_ == "PRON" and doc[i].tag_ != "PRP$":  # "said his wife" goes on to "wife"
        return doc[i] if doc[i].lower_ in SUBJECT_PRONOUNS else None
    j = i + (doc[i].tag_ == "PRP$")
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "PROPN", "NOUN") and not quoted(doc[j].idx) \
            and not is_adverb_read_as_name(doc[j]):
        if j > i and doc[j].pos_ in ("DET", "ADJ") and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            break  # "asked Arobin that evening": a new phrase after the name
        j += 1
    run = doc[i:j]
    # '"...?" the nominee, Maria Lopez, tweeted Sunday': the day after the verb is no speaker.
    nouns = [t for t in run if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in CALENDAR_WORDS]
    if j < len(doc) and doc[j].tag_ == "HYPH" or (len(run) == 1 and run[0].tag_ == "NN"):
        return None  # "said matter-of-factly", "said goodbye": no one named
    return nouns[-1] if nouns else None


#: "by suggesting", "after saying": the participle's doer is the subject of the clause it explains
#: ("without saying" is left out: it says the opposite).
_DOER_PREPS = {"by", "in", "after", "before", "while", "since", "despite", "upon"}

_SHARED_SUBJECT_HEADS = {"report", "say", "note", "tell", "add", "claim", "announce", "write"}


def speaker_token(tok: Token, trusted: bool = False) -> Token | None:
    """Looks through 'Accounts from X' / 'a statement by X' to X; None for non-speakers.

    `trusted` positions ("according to X", "noted by X") take any noun that is not a thing.
    """
    lower = tok.lower_
    if tok.ent_type_ in ("DATE", "TIME") and lower in CALENDAR_WORDS:
        return None  # "As Tuesday began, the senator ...": a day says nothing
    if tok.lemma_.lower() in _VOICE_WORDS:
        # "her voice rang out": the owner speaks; "a voice said": nobody we can name.
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        return owner if owner is not None and owner.lower_ in _POSSESSIVE_PRONOUNS else (
            speaker_token(owner, trusted) if owner is not None else None)
    if any(c.tag_ == "WP$" for c in tok.children):
        return None  # "X -- whose husband signed it --": someone the text does not name
    if lower == "one" and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in tok.children):
        return None  # "another investigation - this one focused on emails ...": a thing
    if lower in AMOUNTS and (whole := _of_what(tok)) is not None:
        # "a number of senators said": the senators; "the bulk of it attacking ...": nobody.
        if is_speaker_like(whole):
            return speaker_token(whole, trusted)
        if whole.lower_ in _NEVER_SPEAKERS or whole.lemma_.lower() in NOT_SPEAKERS:
            return None
    thing = lower in NOT_SPEAKERS or tok.lemma_.lower() in NOT_SPEAKERS
    # A thing that speaks for someone ("a report by X", "a gaffe by X suggested"): X is the source.
    if thing and (author := maker_of(tok, ("from", "by", "of"), is_speaker_like)) is not None:
        return author
    if tok.pos_ == "NOUN" and not is_speaker_like(tok) and (
            author := maker_of(tok, ("by", "from"), is_name)) is not None:
        return author
    if trusted and tok.pos_ in ("NOUN", "PROPN", "NUM") and lower not in _NEVER_SPEAKERS:
        return tok
    if lower == "those" and tok.dep_ == "nsubj" and _those_who(tok) is not None:
        return tok  # "those surveyed said", "those around him acknowledge": the people so described
    if lower == "other" and tok.dep_ == "nsubj" and [c.lower_ for c in tok.children] == ["the"]:
        return tok  # '"...," replied the other': the other one of the two talking
    if trusted and lower in _QUANTIFIERS and tok.dep_ == "nsubj":
        return tok  # "Most said they would vote again": a share of those polled
    if thing:
        return None
    return tok if is_speaker_like(tok) else None


def _those_who(tok: Token) -> Token | None:
    """What says which people "those" are: "surveyed", "around him", "close to", "who know him"."""
    return next((c for c in tok.rights if c.dep_ in ("acl", "prep", "amod", "relcl")), None)


def _of_what(tok: Token) -> Token | None:
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


_VOICE_WORDS = {"voice", "face", "lip", "tone", "tongue", "mouth", "eye"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "my", "our"}

_QUANTIFIERS = {"most", "many", "some", "several", "few", "half", "others", "both", "all"}

#: Days, months and their like: what a date names, never who spoke.
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december today yesterday tomorrow
tonight""".split())

_NEVER_SPEAKERS = {"it", "this", "that", "which", "what", "there", "something", "nothing", "thing"}


def is_speaker_like(tok: Token) -> bool:
    if tok.lower_ in PRONOUNS:
        return tok.lower_ != "it"
    if tok.ent_type_ in NAME_ENTS or tok.pos_ == "PROPN":
        return True
    # Only a noun: 'Of Carson, Levine said' can come out with "Of" as the subject.
    if tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() \
            and _wordlike(tok.text) and (tok.i > tok.sent.start
                                  or (tok.i > 0 and tok.doc[tok.i - 1].tag_ == "''")):
        return True  # '"...?" Hannity pressed': a name the tagger took for a common noun
    if tok.dep_ == "nsubj" and known_person_word(tok):
        return True  # "Pence added" opening a sentence: the article names Mike Pence elsewhere
    return tok.lemma_.lower() in SPEAKER_NOUNS or tok.lower_ in SPEAKER_NOUNS


def _wordlike(text: str) -> bool:
    # Letters, with the apostrophes and hyphens names have ("D’Souza", "O'Rourke").
    return text.replace("\u2019", "").replace("'", "").replace("-", "").isalpha()


def mention_for(tok: Token, trusted: bool = False) -> Mention | None:
    """The Mention headed by `tok`, or None when `tok` cannot be a speaker."""
    tok = speaker_before_adverb(tok)
    tok = speaker_token(name_before_time(tok) or name_after_titles(tok) or name_after_office(tok)
                        or past_dateline(tok), trusted)
    if tok is None:
        return None
    if (named := name_after_rank(tok)) is not None:
        return mention_for(named, trusted=True)
    doc = tok.doc
    if (titled := honorific_and_misread_surname(tok)) is not None:
        return name_mention(titled, label="person")
    if cut := clock_prefix(tok.text):  # "9:52PMBush Says ...": a live blog's time stamp glued on
        return Mention(tok.idx + cut, tok.idx + len(tok), tok.text[cut:], "name", name=tok.text[cut:])
    if tok.lower_ in PRONOUNS:
        return Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun",
                       label="unknown", plural=tok.lower_ in PLURAL_PRONOUNS)
    left = left_edge(tok)
    # "Mr. and Mrs. Weston said": the two of them, whichever word the parse made the head.
    if (pair := couple(tok) or couple(tok.doc[left])) is not None and pair.start <= tok.i < pair.end:
        return Mention(pair.start_char, pair.end_char, pair.text, "name", name=pair.text,
                       label="person", plural=True)
    if (named := named_role(tok, left) or known_as(tok, left)) is not None:
        return named
    right = right_edge(tok)
    span = doc[left: right + 1]
    text = span.text
    ent = entity_at(tok)
    # The tagger can read a surname opening a sentence as a verb ("Husted continued by saying").
    if (ent is None and tok.pos_ in ("NOUN", "VERB") and known_person_word(tok)
            and left == right == tok.i):
        return Mention(tok.idx, tok.idx + len(tok), tok.text, "name", name=tok.text, label="person")
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC") or (
            tok.pos_ == "PROPN" and not capitalised_by_position(tok, ent)):
        name_start, name = name_part(span, ent)
        desc = text[: max(0, name_start - span.start_char)].strip(" ,") or None  # doc.text is slow
        desc = desc if desc and desc.lower() not in ("the", "a", "an") else None
        desc = appositive(tok) or desc
        label = entity_label(ent, tok)
        if desc and desc.lower() in JOB_WORDS:
            label = "person"  # the tagger's firm "Spokeswoman Haley Morris" is a spokeswoman
        if name and name.lower() not in ("the", ""):
            return Mention(span.start_char, span.end_char, text, "name", name=name,
                           description=desc, label=label, plural=tok.tag_ == "NNPS")
    # "a spokeswoman for Fiorina", "the government in Riyadh": the name that says whose.
    whose, known_by = whose_name(tok), None
    if (share := share_phrase(tok)) is not None:
        span, text, whose = share, share.text, None
    elif tok.lower_ == "those" and (who := _those_who(tok)) is not None:
        whose = who
        span = doc[left: who.right_edge.i + 1]  # all that says who: "those close to the senator"
        text = span.text
    elif whose is not None:
        # Up to the end of the name: "Executives for Mondelez, which generated ..." stops at it.
        span = doc[left: right_edge(whose) + 1]
        text = span.text
    elif (known_by := telling_apart(tok)) is not None:
        span = doc[left: known_by.i + 1]
        text = span.text
    return Mention(span.start_char, span.end_char, text, "description", description=strip_det(text),
                   label="org" if tok.lemma_.lower() in ORG_NOUNS else "person",
                   plural=tok.tag_ in ("NNS", "NNPS"),
                   root=tok.text if whose is not None or known_by is not None else None,
                   distinct=known_by is not None)


def noun_read_as_adjective(tok: Token) -> Mention | None:
    """"according to the RealClearPolitics polling average": the tagger reads the head noun as
    an adjective; with its determiner it is a noun phrase, the source."""
    if tok.pos_ != "ADJ" or not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None
    span = tok.doc[tok.left_edge.i: tok.i + 1]
    return Mention(span.start_char, span.end_char, span.text, "description", description=strip_det(span.text),
                   label="org")


def name_mention(name: Span, label: Literal["person", "org", "unknown"] = "unknown") -> Mention:
    """The Mention of a name the caller has found as a span."""
    return Mention(name.start_char, name.end_char, name.text, "name", name=name.text, label=label)
