"""Tags that use no speech verb: fiction's '"Oh!" sighed Lucy' and 'Lucy turned: "Go."' (the labels
of news and transcripts, 'Bush: "The mission is ..."', are in `labels`).

Novels tag a quotation with whatever the speaker does ("laughed", "put in", "turned"). Such a
tag is only trusted when it touches the quotation: right after it in the same sentence, or
right before it ending in a colon or comma.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Span, Token

from .lexicon import SPEECH_CUES
from .marks import QuotedSpan, in_quotation
from .mentions import Mention, inverted_subject, mention_for, speaker_of
from .misparsed import is_adverb_read_as_name, name_before_aside
from .name_forms import NAME_PARTICLES, capitalised

_SKIP = {"ADV", "PUNCT"}
_CLOSERS = (",", "!", "?", "\u2014", "-", "--")


def tag_after(after: list[Token], quote_text: str,
              quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'"...," laughed Miss Harlow' / '"...!" Lucy sighed': a verb within three words of the
    closing mark whose subject (or inverted subject) is a speaker.

    After a full stop the next words start a new sentence, not a tag, unless lower-case
    ('"Go." she said' is a common typo in old texts).
    """
    words = [t for t in after[:4] if not t.is_space]
    if not words:
        return None
    if not quote_text.rstrip(" \n\"\u201d").endswith(_CLOSERS) and not words[0].is_lower:
        return None
    for n, tok in enumerate(words):
        if tok.is_punct and tok.text not in ("\u2014", "-", "--"):
            return None
        if tok.pos_ in ("CCONJ", "SCONJ"):
            return None  # '"Look!" And as Piglet looked': a new clause, not a tag
        if tok.pos_ == "VERB":
            if tok.lemma_.lower() not in SPEECH_CUES and any(c.dep_ == "nsubjpass" for c in tok.children):
                # '"a fourpenny bran!" the ham being kept clean ... by the ingenious expedient
                # of ...': a passive telling what was done to a thing; its agent said nothing.
                return None
            mention = speaker_of(tok, quoted)
            if mention is None and all(w.pos_ in _SKIP for w in words[:n]):
                mention = inverted_subject(tok, quoted)  # "murmured Lucy", Lucy parsed as object
            return (tok, mention) if mention is not None and mention.start >= after[0].idx else None
    return None


def tag_before(before: list[Token], quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'Lucy turned to her cousin: "..."': the main verb of a clause that ends in a colon
    (or comma) right at the opening mark, with a speaker as its subject."""
    if not before or before[-1].text not in (":", ","):
        return None
    root = before[-1].sent.root if before[-1].head.i == before[-1].i else before[-1].head
    while root.pos_ not in ("VERB", "AUX") and root.head.i != root.i:
        root = root.head
    if root.pos_ != "VERB" or root.i < before[0].i:
        return None
    mention = speaker_of(root, quoted) or subject_before(root, quoted)
    return (root, mention) if mention is not None else None


def subject_before(verb: Token, quoted: Callable[[int], bool]) -> Mention | None:
    """'Edmund, looking around, said,' / 'Mr. Bumble rushed in, and addressing the board,
    said,': long tag sentences the parser leaves without a subject for "said". The speaker
    is the nearest person before it that is the subject of something, other than of a
    relative clause ('Sir Thomas came to the table where she sat, and ... said')."""
    if verb.lemma_.lower() not in SPEECH_CUES:
        return None
    # 'When the pause came, Edmund, looking around, said,': the name set off before the
    # participle, whatever the parser made of it; before the first of two verbs in 'Tobias,
    # seeming calm, turned to Hetty and said,'.
    first = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    for name in (name_before_aside(verb), name_before_aside(first)):
        if name is not None and not quoted(name.idx) and (mention := mention_for(name)) is not None:
            return mention
    if first is not verb:
        # "Mr. Collins was gratified; and with a smiling solemnity replied,": the first verb's
        # subject, passive or not.
        subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass") and not quoted(c.idx)
                        and (c.lower_ in ("he", "she") or c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
        if subject is not None and (mention := mention_for(subject)) is not None:
            return mention
    found = [t for t in verb.sent if t.i < verb.i and t.dep_ == "nsubj" and t.head.dep_ != "relcl"
             and not quoted(t.idx) and (t.lower_ in ("he", "she") or t.ent_type_ == "PERSON"
                                         or t.pos_ == "PROPN")]
    return mention_for(found[-1]) if found else None


def introducer(doc: Doc, spans: Sequence[QuotedSpan] = ()) -> Mention | None:
    """The speaker of a paragraph that ends by introducing the next one's quotation:
    'Kitty laughed, and said,' / 'Mr. Fairley, drawing near her, said to her--' / 'Sir
    William thus began.' The paragraph may quote a word on the way ('said something about
    "honour," and then said,'); its last words must be narration."""
    quoted = partial(in_quotation, list(spans))
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not words or quoted(words[-1].idx):
        return None
    end = doc.text.rstrip()
    if end.endswith("."):
        # '"Yes," M. Riviere replied.' tags its own quotation, not the next paragraph's, and so
        # does '"... the others!" she protested.', which the parser makes a sentence of its own.
        sent = words[-1].sent
        if any(quoted(t.idx) for t in sent if not t.is_punct) or _tags_last_quotation(doc, spans, sent):
            return None
        return _speaking_on(words[-1], quoted)
    # A paragraph ending on a bare word lost its dash ("Tom Bertram began again--" in texts
    # that drop dashes).
    if not end.endswith((":", ",", "-", "\u2014")) and not end[-1:].isalpha():
        return None
    verb = words[-1]
    if (verb.dep_ == "advcl" and verb.head.lemma_.lower() in _SPEAKING_ON
            and any(c.dep_ == "mark" for c in verb.children)):
        verb = verb.head  # "she was calling out, while her daughter read,": the caller speaks
    for _ in range(3):  # "said to her": up from the object to the verb
        if verb.pos_ == "VERB":
            if (mention := speaker_of(verb, quoted) or subject_before(verb, quoted)) is not None:
                return mention
            break
        verb = verb.head
    if end.endswith(":"):
        # "As Jo Reyes observed, the real winner was the network itself:" - the speech verb
        # of a colon-ended sentence announces what follows, wherever it stands in it.
        cues = [t for t in words[-1].sent if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_CUES
                and not quoted(t.idx)]
        for cue in reversed(cues):
            # "He rose from the table; and advancing to the master, ..., said: somewhat alarmed
            # at his own temerity:": the subject of the verb the cue is joined to.
            if (mention := speaker_of(cue, quoted) or subject_before(cue, quoted)) is not None:
                return mention
    return None


def _tags_last_quotation(doc: Doc, spans: Sequence[QuotedSpan], sent: Span) -> bool:
    """Whether the sentence is the touching tag of the quotation before it, which the parser
    made a sentence of its own ('"... the others!" she protested.')."""
    before = [qs for qs in spans if qs.outer_end <= sent.start_char]
    found = touching_tag(doc, before[-1], list(spans)) if before else None
    return found is not None and sent.start <= found[0].i < sent.end


# Verbs that, ending a paragraph with no object, announce the speech that follows.
_SPEAKING_ON = SPEECH_CUES | {"proceed", "resume", "interpose", "rejoin", "protest", "go", "break"}


def said_before(before: list[Token], quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'Or maybe Jeb Bush, digital consultant Phil Musser says. "Several surveys ..."': a
    sentence of narration ending on a speaking verb right before a quotation in the same
    paragraph."""
    words = [t for t in before if not t.is_space]
    if len(words) < 3 or words[-1].text != "." or quoted(words[-2].idx):
        return None
    mention = _speaking_on(words[-2], quoted)
    return (words[-2], mention) if mention is not None else None


def _speaking_on(last: Token, quoted: Callable[[int], bool]) -> Mention | None:
    """'Sir William thus began.' / 'Mr. Weston went on.' / 'Young Hale hastened to protest.':
    a sentence that ends on a speaking verb with nothing said after it ('He said nothing.'
    ends on its object)."""
    verb = last.head if last.dep_ in ("prt", "advmod") else last
    # "At last she spoke, and with fitting gravity." / "He answered in a low voice.": up
    # from the manner phrase to its verb.
    for _ in range(2):
        if verb.dep_ == "pobj" and verb.head.dep_ == "prep" and verb.head.lower_ not in _TOPICAL:
            verb = verb.head.head
    lemma = verb.lemma_.lower()
    begun = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _BEGIN
    if verb.pos_ != "VERB" or not (lemma in _SPEAKING_ON or (begun and lemma in _SPEAKING_ON_AFTER_BEGIN)):
        return None
    if any(c.dep_ == "prep" and c.lower_ in _TOPICAL for c in verb.children):
        return None  # "She spoke of her mother.": what was said is told, not quoted
    if begun:
        # "Mrs. Norris began scolding.": the one who began. Whom one scolds is no report.
        told = lemma in _SPEAKING_ON_AFTER_BEGIN
        return None if any(c.dep_ in ("ccomp", "dative") or (c.dep_ == "dobj" and not told)
                           for c in verb.children) else speaker_of(verb.head, quoted)
    if verb.lemma_.lower() in ("go", "break") and not any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("on", "in", "out") for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in verb.children):
        return None
    return speaker_of(verb, quoted)


_TOPICAL = frozenset({"of", "about", "on", "upon", "concerning"})
_BEGIN = frozenset({"begin", "start", "continue", "resume"})
# Ways of talking that are no reports ("scolding") but, begun, announce what is said next.
_SPEAKING_ON_AFTER_BEGIN = frozenset({"scold", "chatter", "lecture", "preach", "grumble"})

# Adverbial particles of phrasal tags: '"..." put in Kitty', 'went on Eeyore', 'broke in Davis'.
_TAG_PARTICLES = {"in", "on", "out", "up", "forth", "back"}
# Words a speaker phrase before its verb may hold: '"...," the old man said', '"...," Mr. Hale said'.
_SUBJECT_POS = {"DET", "ADJ", "PROPN", "NOUN", "PRON", "ADV", "NUM"}
_PERCEPTION = {"hear", "overhear"}


def touching_tag(doc: Doc, qs: QuotedSpan, spans: list[QuotedSpan]) -> tuple[Token, Mention] | None:
    """The speech tag that starts right at a quotation's closing mark: '"...," said the Duchess',
    '"...," put in Kitty', '"...," the Cat said', '"...," Archer heard Lefferts say'.

    Novels put the speaker there; a speech verb further on in the sentence ('..., before
    Alice could speak') is about someone else, so this tag goes first.
    """
    quoted = partial(in_quotation, spans)

    _, words = _words_after(doc, qs, spans)
    while words and words[0].text in (",", "\u2014", "-", "--"):
        words = words[1:]  # '"Yes", said X' / '"But--" said X'
    text_end = doc.text[qs.start: qs.outer_end].rstrip(" \n\"\u201d")
    if not words or not (text_end.endswith(_CLOSERS) or words[0].is_lower):
        return None
    # After '!' or '?' a name and a verb may start the next sentence ('"Well?" Lucy took
    # her hat'): only a speech verb makes them a tag there.
    continues = words[0].is_lower or text_end.endswith((",", "\u2014", "-"))
    return _inverted_tag(words, quoted) or _subject_tag(words, quoted, continues) or _owned_reply(words, quoted)


def _words_after(doc: Doc, qs: QuotedSpan, spans: list[QuotedSpan]) -> tuple[int, list[Token]]:
    """Where the next quotation opens (the text's end if none) and the words up to it."""
    nxt = min((s.outer_start for s in spans if s.outer_start >= qs.outer_end), default=len(doc.text))
    return nxt, [t for t in doc if qs.outer_end <= t.idx < nxt and not t.is_space]


def opens_next_quotation(doc: Doc, qs: QuotedSpan, spans: list[QuotedSpan]) -> bool:
    """Whether the words after a quotation that ends its sentence are a tag opening the next
    one: '"Why now?" Mills then writes back, "You look cute."'."""
    nxt, words = _words_after(doc, qs, spans)
    return (nxt < len(doc.text) and bool(words) and words[-1].text in (",", ":")
            and doc.text[qs.start: qs.end].rstrip().endswith((".", "!", "?"))
            and not doc.text[words[-1].idx + 1: nxt].strip())


def _inverted_tag(words: list[Token], quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'said the Duchess' / 'put in Kitty': the verb first, then the speaker."""
    verb = words[0]
    if len(words) < 2 or verb.tag_ == "VBG" or not (verb.pos_ == "VERB" or _tag_verb_misread(verb, words[1])):
        return None
    if verb.pos_ != "VERB":
        mention = _misread_name(words[1:], quoted)
        return (verb, mention) if mention is not None else None
    # The parser's own subject after the verb, when it found one: 'said United Auto Workers
    # Secretary-Treasurer Gary Casteel' is one phrase, hyphen and all.
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i
                    and c.pos_ == "PROPN" and not quoted(c.idx)), None)
    if subject is not None and (mention := mention_for(subject, trusted=True)) is not None:
        return verb, mention
    rest = words[1:]
    if rest[0].lower_ in _TAG_PARTICLES and len(rest) > 1 and rest[1].pos_ in ("PROPN", "DET", "PRON", "NOUN", "ADJ"):
        rest = rest[1:]
    head = _phrase_head(rest)
    if head is None or quoted(head.idx):
        mention = _misread_name(rest, quoted)
        return (verb, mention) if mention is not None else None
    mention = mention_for(head, trusted=True)
    return (verb, mention) if mention is not None else None


def _tag_verb_misread(word: Token, after: Token) -> bool:
    """'"Well posted," sneered Oakley': a past tense the tagger read as an adjective, right
    before a capitalised name."""
    return word.is_lower and word.text.endswith("ed") and word.pos_ in ("ADJ", "NOUN") and capitalised(after)


def _misread_name(words: list[Token], quoted: Callable[[int], bool]) -> Mention | None:
    """'cried Edmund, preventing ...' / 'said Owl carelessly': a capitalised word after the
    tag verb that the tagger did not read as a noun is still the speaker's name."""
    run = []
    for tok in words:
        if not capitalised(tok) or tok.is_sent_start or tok.lower_ == "i" or quoted(tok.idx):
            break
        run.append(tok)
    if not run:
        return None
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    text = run[0].doc.text[start:end]
    return Mention(start, end, text, "name", name=text, label="person")


def _phrase_head(words: list[Token]) -> Token | None:
    """The head of the noun phrase the words start with: 'the old man', 'Mr. van der Luyden',
    'her sister', 'he'; None when they do not start with one."""
    first = words[0]
    if first.pos_ == "PRON" and first.tag_ != "PRP$":
        return first if first.lower_ in ("he", "she", "they", "i", "we") else None
    run: list[Token] = []
    for tok in words:
        noun = tok.pos_ in ("PROPN", "NOUN") and not is_adverb_read_as_name(tok)
        if run and tok.text == "-" and not run[-1].whitespace_ and not tok.whitespace_:
            run.append(tok)  # 'the book-stall keeper': the head is "keeper", not "book"
            continue
        if run and (tok.is_sent_start or (not noun and run[-1].pos_ in ("PROPN", "NOUN"))):
            break  # 'said Lucy. Her cousin ...' / 'said Lord Henry that evening'
        # 'the shrinking child', 'the happily deceived aunt': a participle used as an adjective,
        # and what qualifies it.
        participle = tok.dep_ == "amod" and tok.tag_ in ("VBG", "VBN")
        qualifier = tok.pos_ == "ADV" and tok.dep_ == "advmod" and tok.head.dep_ == "amod" and tok.head.i > tok.i
        if noun or participle or qualifier or tok.pos_ in ("DET", "ADJ") or tok.tag_ == "PRP$":
            run.append(tok)
            continue
        break
    nouns = [t for t in run if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else None


def _subject_tag(words: list[Token], quoted: Callable[[int], bool],
                 continues: bool) -> tuple[Token, Mention] | None:
    """'the Cat said' / 'Alice replied' / 'Archer heard Lefferts say': a short subject phrase,
    then its verb."""
    for n, tok in enumerate(words[:6]):
        if tok.pos_ == "VERB":
            break
        if tok.pos_ not in _SUBJECT_POS and tok.text not in (".", "-"):
            return None
    else:
        return None
    if n == 0:
        return None
    verb = words[n]
    if not continues and verb.lemma_.lower() not in SPEECH_CUES:
        return None
    mention = speaker_of(verb, quoted)
    if mention is None or mention.start < words[0].idx:
        return None
    if verb.lemma_.lower() in _PERCEPTION:
        heard = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
        said = speaker_of(heard, quoted) if heard is not None else None
        if said is not None:
            return heard, said
    return verb, mention


# Nouns that name a spoken line: '"Yes," was Fanny's humble answer'.
_SAID_NOUNS = {"answer", "reply", "remark", "comment", "observation", "rejoinder", "retort",
               "exclamation", "declaration", "assurance", "amendment", "response", "cry",
               "question", "greeting", "injunction", "advice", "summing", "word", "words",
               "conclusion", "protest", "apology", "explanation", "suggestion", "salutation", "plea",
               "entreaty", "reproach", "rebuke", "inquiry", "enquiry", "verdict"}


def _owned_reply(words: list[Token], quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'"Yes, sir," was Fanny's humble answer': the owner of the reply speaks."""
    if words[0].lemma_ != "be":
        return None
    for tok in words[1:7]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _SAID_NOUNS:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or quoted(owner.idx):
                return None
            mention = mention_for(owner, trusted=True)
            return (tok, mention) if mention is not None else None
    return None


def tidy_name(mention: Mention) -> Mention:
    """A name mention cut at its first lower-case word: the tagger reads '"...," confided
    Anne to Diana' or 'answered Lord Henry dreamily' as one entity."""
    words = (mention.name or "").split()
    keep: list[str] = []
    for word in words:
        if not (word[:1].isupper() or word in NAME_PARTICLES):
            break
        keep.append(word)
    if mention.kind != "name" or not keep or len(keep) == len(words):
        return mention
    name = " ".join(keep)
    cut = mention.text.find(name)
    if cut < 0:
        return mention
    text = mention.text[: cut + len(name)]
    return replace(mention, name=name, text=text, end=mention.start + len(text))
