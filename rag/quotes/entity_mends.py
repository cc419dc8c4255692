"""Person entities the small tagger cuts wrong, mended from the rest of the document.

Misses seen: a first name in letters the tagger has rarely seen ("Marcel Lazăr Lehel" comes
out as "Lazăr Lehel"), a headline's capitalised role word taken into the name ("Hacker
Guccifer", while the article says "the hacker known as Guccifer"), and an adjective opening a
sentence ("Stupid Harriet caught her", "Hitherto Gino had said nothing"); a verb between two
names ("Todd asked Pence"), capitalised in a headline ("Paul Ryan Endorses Donald Trump"); a
surname after "Miss" taken for a nationality ("Miss Morstan" as NORP); a rank and its place
taken for the place alone ("the Duchess of Monmouth" as Monmouth); a country house taken
for a person ("at Mansfield"); a given name that is also a month or a modal taken for a date
or a verb ("May Welland", "He glanced at May"); a name written with hyphens cut at one
("Winnie" and "the-Pooh"); a surname after a title that is also a word, not seen at all
("Miss Lavish").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from .lexicon import CUES, HONORIFICS, NOBLE_TITLES, SPEAKER_NOUNS, TITLE_WORDS
from .name_forms import capitalised, joining_hyphen
from .wordlists import adverbs

_ROLE_WORDS = TITLE_WORDS | HONORIFICS | SPEAKER_NOUNS


def mend_person_entities(docs: list[Doc]) -> None:
    """Widens or trims each paragraph's PERSON entities in place (one document's paragraphs)."""
    # Words the document also writes in lower case as nouns: a role, not a first name.
    nouns = frozenset(t.lower_ for d in docs for t in d
                      if t.tag_ in ("NN", "NNS") and t.is_lower and t.is_alpha)
    not_first_names = nouns | _ROLE_WORDS
    # A word it writes in lower case and capitalises only to open a sentence is no name:
    # "Stupid Harriet caught her", "Hitherto Gino had said nothing". "Frank" in "said Frank
    # Churchill" is capitalised inside a sentence, so "Frank Churchill came in" stays whole.
    inside = {t.lower_ for d in docs for t in d if capitalised(t) and not _opens(t)}
    modifiers = frozenset(t.lower_ for d in docs for t in d
                          if t.is_lower and t.is_alpha) - inside - _NAMING_ADJECTIVES
    places = _places(docs)
    adverb = adverbs(docs[0].vocab) if docs else frozenset()
    _month_names_as_people(docs)
    for doc in docs:
        headline = is_headline(doc)
        ents, changed = [], False
        for ent in doc.ents:
            start = ent.start
            if ents and ents[-1].end > start:
                continue  # the place of a rank just taken into its person ("Countess of Cardigan")
            if ent.label_ == "PERSON" and ent.text in places:
                ents.append(Span(doc, ent.start, ent.end, label="GPE"))
                changed = True
                continue
            if (titled := _noble_name(doc, ent, ents)) is not None:
                ents.append(titled)
                changed = True
                continue
            if (titled := _rank_and_surname(doc, ent)) is not None:
                ents.append(titled)
                changed = True
                continue
            if _person_after_honorific(doc, ent):
                ent, changed = Span(doc, ent.start, ent.end, label="PERSON"), True
            if ent.label_ == "PERSON" and (joined := _hyphen_joined(doc, ent)) is not None:
                ent, start, changed = joined, joined.start, True
            if ent.label_ == "PERSON" and len(ent) == 1 and not headline and (
                    doc[start].lower_ in modifiers and doc[start].is_sent_start
                    or doc[start].lower_ in adverb and _opens(doc[start])):
                changed = True
                continue  # "Hitherto her voice had been hard": no one is named
            if ent.label_ == "PERSON":
                if not headline and _first_name_left_out(doc, ent, not_first_names):
                    start -= 1
                elif len(ent) > 1 and (headline and doc[start].lower_ in not_first_names
                                       or doc[start].lower_ in modifiers and doc[start].is_sent_start
                                       or doc[start].lower_ in adverb and _opens(doc[start])):
                    start += 1  # "Hacker Guccifer" in a headline; "Stupid Harriet", "Hitherto Gino"
            changed |= start != ent.start
            ent = ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)
            parts = _split_at_verbs(ent, headline) if ent.label_ in ("PERSON", "ORG") else [ent]
            changed |= parts != [ent]
            ents.extend(parts)
        if (untagged := _names_after_honorifics(doc, ents)):
            ents, changed = sorted(ents + untagged, key=lambda e: e.start), True
        if changed:
            doc.ents = ents


def _hyphen_joined(doc: Doc, ent: Span) -> Span | None:
    """The whole of a name written with hyphens that the tagger cut at one ("Winnie" and
    "the-Pooh" of "Winnie-the-Pooh"); None when the entity already is all of it."""
    start, end = ent.start, ent.end
    while joining_hyphen(doc, start - 1):
        start -= 2
    while joining_hyphen(doc, end):
        end += 2
    while end > ent.end and not doc[end - 1].text[:1].isupper():
        end -= 2  # "she hovered Cassandra-like": a word made of a name, no longer one
    if (start, end) == (ent.start, ent.end) or not doc[start].text[:1].isupper():
        return None
    return Span(doc, start, end, label="PERSON")


def _month_names_as_people(docs: list[Doc]) -> None:
    """Makes a month word a person where the document uses it as someone's given name. The
    tagger reads The Age of Innocence's "May" (May Welland) as a date ("He glanced at May"), a
    modal ("May looked at him") or part of an organisation ("May Welland") four times out of
    five, so her own mentions never reached the people the narration names."""
    counts = Counter(t.text for d in docs for e in d.ents if e.label_ == "PERSON"
                     for t in e if t.text in _MONTH_NAMES)
    names = {word for word, n in counts.items() if n >= _NAME_EVIDENCE}
    if not names:
        return
    for doc in docs:
        found = [t for t in doc if t.text in names and t.ent_type_ != "PERSON" and _names_someone(t)]
        if not found:
            continue
        spans, taken = [], set()
        for tok in found:
            end = tok.i + 1
            while end < len(doc) and capitalised(doc[end]) and doc[end].pos_ == "PROPN":
                end += 1  # the surname after it: "May Welland"
            spans.append(Span(doc, tok.i, end, label="PERSON"))
            taken.update(range(tok.i, end))
            if tok.pos_ == "AUX" and not any(c.dep_.startswith("nsubj") for c in tok.head.children):
                # "May looked up": the modal the parser hung on the verb is its subject.
                tok.pos_, tok.tag_, tok.dep_ = "PROPN", "NNP", "nsubj"
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted(kept + spans, key=lambda e: e.start)


# Month words that are also given names ("April", "May", "June", "August").
_MONTH_NAMES = {"April", "May", "June", "August"}
# How often the tagger must itself have read the word as a person's before the rest count.
_NAME_EVIDENCE = 2
# Words before a month word that make it the month: "in May", "last June".
_BEFORE_A_MONTH = {"in", "since", "until", "till", "last", "next", "early", "late", "mid",
                   "during", "through", "this", "every", "each"}
# Words before "of May" that make it the month: "the first of May", "the end of May".
_PART_OF_A_MONTH = {"first", "end", "beginning", "middle", "month", "ides", "last"}
# Words after "May" that make it the modal: "May I ask", "May God forgive him".
_AFTER_A_MODAL = {"i", "you", "we", "he", "she", "they", "it", "there", "god", "heaven", "not"}


def _names_someone(tok: Token) -> bool:
    """Whether this month word is the person: not a date ("May 5", "in May", "the May
    election") and not the modal ("May I ask")."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    owner = nxt is not None and nxt.tag_ == "POS"  # "in May's drawing-room"
    if prev is not None and (prev.lower_ in _BEFORE_A_MONTH and not owner or prev.like_num):
        return False
    if prev is not None and prev.lower_ == "of" and tok.i > 1:
        before = doc[tok.i - 2]
        if before.like_num or before.lower_ in _PART_OF_A_MONTH or before.ent_type_ == "ORDINAL":
            return False
    if nxt is None:
        return True
    if nxt.like_num or _opens(tok) and (nxt.lower_ in _AFTER_A_MODAL or nxt.tag_ == "VB"):
        return False
    # "the May election": the month naming a lower-case noun right after it.
    return not (tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN"
                and tok.head.is_lower)


def _places(docs: list[Doc]) -> set[str]:
    """Names the text keeps being "at" or "in" and that seldom do anything: "at Mansfield", "at
    Sotherton", "at Thornton Lacey" are places, whatever the tagger calls them ("looked at
    Harriet" is outweighed by all Harriet does)."""
    at, acts = Counter(), Counter()
    for doc in docs:
        for tok in doc:
            if not (tok.pos_ == "PROPN" and capitalised(tok)) or tok.dep_ == "compound":
                continue
            first = tok.i
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN" \
                    and capitalised(doc[first - 1]):
                first -= 1
            name = doc[first: tok.i + 1].text
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ != "be":
                acts[name] += 1  # "Sotherton is a noble place": being is no doing
            elif (tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in") and tok.i + 1 < len(doc)
                  and doc[tok.i + 1].tag_ != "POS" and tok.head.i == first - 1):
                at[name] += 1
    return {name for name, n in at.items() if n >= _PLACE_VISITS and n > 3 * acts[name]}


_PLACE_VISITS = 3


def _person_after_honorific(doc: Doc, ent: Span) -> bool:
    """A name after a personal title is a person's whatever label the tagger gives it: it
    calls "Morstan" in "Miss Morstan" a nationality (NORP)."""
    return (ent.label_ != "PERSON" and ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS
            and len(ent) <= 3 and all(capitalised(t) for t in ent))


def _rank_and_surname(doc: Doc, ent: Span) -> Span | None:
    """"the Countess Olenska" is a person, though the tagger calls her an organisation: "the", a
    rank of nobility, then names only (the surname is the person, as after "Miss"). Without the
    article it may be a firm ("Duke Energy")."""
    rank = ent.start + (ent[0].lower_ == "the")
    end = ent.end - (ent[-1].tag_ == "POS")
    if (ent.label_ not in ("ORG", "NORP") or not rank + 1 < end or doc[rank].lower_ not in NOBLE_TITLES
            or rank == 0 or doc[rank - 1].lower_ != "the" or not capitalised(doc[rank])
            or not all(t.tag_ == "NNP" and capitalised(t) for t in doc[rank + 1: end])
            or any(t.dep_ == "compound" and t.head.i >= end for t in doc[rank + 1: end])):
        return None  # "The Duke Energy plant": the name qualifies a thing
    return Span(doc, rank + 1, end, label="PERSON")


def _names_after_honorifics(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Miss Lavish darted under the archway": a capitalised name after a personal title is a
    person's even where the tagger saw no entity (it reads "Lavish" as a word, not a name)."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for tok in doc[:-1]:
        if not (capitalised(tok) and tok.lower_.rstrip(".") in HONORIFICS) or tok.i + 1 in taken:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 2 and end not in taken and doc[end].tag_ == "NNP" \
                and capitalised(doc[end]) and doc[end].lower_.rstrip(".") not in HONORIFICS:
            end += 1
        if end > tok.i + 1:
            found.append(Span(doc, tok.i + 1, end, label="PERSON"))
            taken.update(range(tok.i + 1, end))
    return found


def _noble_name(doc: Doc, ent: Span, before: list[Span]) -> Span | None:
    """"the Duchess of Monmouth": a rank and its place name a person, whichever part the tagger
    labels: the place alone (Monmouth, a GPE), the rank alone ("Countess", a NORP) or the whole
    as an organisation ("the Duchess of Kent")."""
    if ent.label_ not in ("GPE", "LOC", "ORG", "NORP", "FAC", "PERSON"):
        return None
    rank = ent.start + (ent[0].lower_ == "the")
    if not (rank + 1 < len(doc) and doc[rank].lower_ in NOBLE_TITLES):
        of = ent.start - 1
        if of > 0 and capitalised(doc[of]) and doc[of].ent_type_ == "" and doc[of - 1].lower_ == "of":
            of -= 1  # "the Duke of St. Austrey": the tagger's name starts after "St."
        rank = of - 1
    if (rank < 0 or doc[rank + 1].lower_ != "of" or doc[rank].lower_ not in NOBLE_TITLES
            or not capitalised(doc[rank]) or (before and before[-1].end > rank)):
        return None
    end = max(ent.end, rank + 2)
    while end < len(doc) and capitalised(doc[end]) and doc[end].ent_type_ in ("", "GPE", "LOC", "ORG"):
        end += 1  # "Countess" alone tagged: its place follows, tagged or not
    return Span(doc, rank, end, label="PERSON") if end > rank + 2 else None


def _split_at_verbs(ent: Span, headline: bool) -> list[Span]:
    """The tagger's "Todd asked Pence" is two people and a verb between them."""
    verbs = [t.i for t in ent if t.pos_ in ("VERB", "AUX") and t.is_lower or headline and headline_verb(t)]
    if not verbs:
        return [ent]
    parts, start = [], ent.start
    for i in verbs + [ent.end]:
        if i > start and any(capitalised(t) for t in ent.doc[start:i]):
            parts.append(Span(ent.doc, start, i, label=ent.label_))
        start = i + 1
    return parts


def headline_verb(tok: Token) -> bool:
    """A capitalised verb of saying between two names in a title-case headline: "Carly Fiorina
    Endorses Ted Cruz", "Trump Slams Clinton" (the tagger reads each as one name)."""
    doc = tok.doc
    if not (0 < tok.i < len(doc) - 1 and tok.is_title and len(tok) > 3 and tok.lower_.endswith("s")
            and capitalised(doc[tok.i - 1]) and capitalised(doc[tok.i + 1])):
        return False
    word = tok.lower_
    return any(stem in CUES or stem in _HEADLINE_VERBS for stem in (word[:-1], word[:-2]))


# Verbs headlines use for what one politician said of another, beyond the cue lexicon.
_HEADLINE_VERBS = {"endorse", "back", "rip", "hit", "bash", "mock", "reject", "challenge", "blame",
                   "hammer", "trash", "torch", "unload"}


def _opens(tok) -> bool:
    """Whether the token opens a sentence or a quotation, where any word is capitalised."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.is_sent_start or prev is None or prev.is_quote or prev.text in (":", "\u2014", "-", "(")


# Adjectives that tell two people apart: "Young Mary", "Old Magpie".
_NAMING_ADJECTIVES = {"young", "old", "little", "elder", "younger", "big", "great", "junior", "senior"}


def _first_name_left_out(doc: Doc, ent: Span, not_first_names: frozenset[str]) -> bool:
    if ent.start == 0 or len(ent) > 2:
        return False
    prev = doc[ent.start - 1]
    # After another capitalised word or an owner it is a title: "Maricopa County Recorder
    # Helen Purcell", "Germany's Chancellor Angela Merkel"; after a title word it is a name:
    # "Committee Chair Debbie Wasserman Schultz".
    before = doc[ent.start - 2] if ent.start > 1 else None
    if before is not None and (capitalised(before) or before.is_upper or before.tag_ == "POS") \
            and before.lower_ not in _ROLE_WORDS:
        return False
    return (prev.ent_type_ == "" and prev.tag_ == "NNP" and prev.dep_ == "compound"
            and ent.start <= prev.head.i < ent.end and capitalised(prev) and prev.is_alpha
            and len(prev) > 1 and prev.lower_ not in not_first_names and not prev.is_sent_start)


def is_headline(doc: Doc) -> bool:
    """Title case throughout: "Hacker Guccifer: Clinton's Server Unprotected"."""
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return 2 <= len(words) <= 20 and sum(capitalised(t) for t in words) >= 0.8 * len(words)
