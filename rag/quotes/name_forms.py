"""How names are written: role words before them, honorifics, and the tagger's debris."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .gender import gender_of_name
from .lexicon import HONORIFICS, NOBLE_TITLES, SPEECH_CUES, TITLE_WORDS


def entity_at(tok: Token) -> Span | None:
    """The named entity `tok` is part of (a person's only as far as its capitalised run)."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return name_run(ent, tok) if ent.label_ == "PERSON" else ent
    return None


PERSON_WORDS = "whosaid_person_words"  # key in Doc.user_data


def capitalised(tok: Token) -> bool:
    """Written as a name is: "Lucy", "McCain", "DeSantis" (which str.istitle refuses), not
    "TRUMP" or "iPhone"."""
    return tok.is_title or (tok.text[:1].isupper() and any(c.islower() for c in tok.text))


def proper_runs(doc: Doc, persons: list, also: Callable[[Token], bool] = lambda tok: False) -> list[Span]:
    """Runs of capitalised proper nouns (or words `also` accepts) outside the `persons` spans:
    the names the tagger left unlabelled ("Dorian glanced at him")."""
    taken = {i for ent in persons for i in range(ent.start, ent.end)}
    runs, run = [], []
    for tok in [*doc, None]:
        if tok is not None and (tok.pos_ == "PROPN" or also(tok)) and tok.i not in taken and capitalised(tok):
            run.append(tok)
        elif run:
            runs.append(doc[run[0].i: run[-1].i + 1])
            run = []
    return runs


def spaced_dash(tok: Token) -> bool:
    """A dash set off by spaces, which ends a phrase; not the hyphen inside a word
    ("his mother-in-law add, presumably to Mrs. Mingott:")."""
    return (tok.text in ("-", "--", "\u2013", "\u2014") and tok.i > 0
            and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_))


def mark_person_words(docs: list[Doc]) -> None:
    """Tells each paragraph's parse which capitalised words the document uses in a person's
    name anywhere: "Pence added" opens a paragraph, and the tagger reads "Pence" as the coin
    (a plural common noun) although "Mike Pence" is named elsewhere in the article."""
    words = frozenset(t.text for d in docs for e in d.ents if e.label_ == "PERSON"
                      for t in e if capitalised(t) and t.is_alpha and len(t) > 1)
    # A name the tagger did not make a person counts once it speaks inside a sentence:
    # '"This has to stop," Husted said' (to the tagger "Joh Husted" is nobody, "Husted" a firm).
    words |= {t.text for d in docs for t in d
              if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.ent_type_ in ("", "ORG")
              and not t.is_sent_start and capitalised(t) and t.is_alpha and len(t) > 1
              and t.head.lemma_.lower() in SPEECH_CUES}
    for d in docs:
        d.user_data[PERSON_WORDS] = words


def known_person_word(tok: Token) -> bool:
    """A capitalised word the document elsewhere writes as (part of) a person's name."""
    return capitalised(tok) and tok.text in tok.doc.user_data.get(PERSON_WORDS, ())


def name_run(ent: Span, tok: Token) -> Span:
    """The capitalised run of a person entity around `tok`: the tagger's "Anne told
    Ruth" or "Tom to Jenny" is two names, and `tok` is one of them."""
    def in_name(t: Token) -> bool:
        return capitalised(t) or t.is_upper or t.text in ("-", ".", "'") or _hyphened(t)

    start, end = tok.i, tok.i + 1
    while start > ent.start and in_name(ent.doc[start - 1]):
        start -= 1
    while end < ent.end and in_name(ent.doc[end]):
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def joining_hyphen(doc: Doc, i: int) -> bool:
    """Whether `doc[i]` is a hyphen with a word touching it on both sides ("Winnie-the")."""
    return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha)


def _hyphened(tok: Token) -> bool:
    """A word inside a hyphened name: "the" of "Winnie-the-Pooh" is no title (but "Secretary"
    of "Secretary-Treasurer Ben Alder" is)."""
    return joining_hyphen(tok.doc, tok.i - 1) or joining_hyphen(tok.doc, tok.i + 1)


# Jobs a person is described by, not called by (as "General Tilney" or "Judge Pyncheon" are).
JOB_WORDS = frozenset("""spokesman spokeswoman spokesperson aide adviser advisor analyst strategist
pollster consultant lawyer attorney reporter economist researcher""".split())


def name_part(span: Span, ent: Span | None) -> tuple[int, str]:
    """(start char, text) of the name inside a phrase, title words left out."""
    if ent is not None and ent.label_ == "PERSON":
        toks = [t for t in ent if t.lower_ not in TITLE_WORDS or t.i == ent.end - 1
                or given_name_demonym([w.text for w in ent], t.i - ent.start) or (t.is_lower and _hyphened(t))]
        while toks and toks[0].is_punct:
            toks = toks[1:]  # the hyphen of a title left out ("Secretary-Treasurer Ben Alder")
    elif ent is not None and ent.label_ in ("ORG", "FAC"):
        toks = list(span)
        if toks and toks[0].lower_ in ("the", "a", "an"):
            toks = toks[1:]
        while (len(toks) > 1 and toks[0].i < ent.start
               and toks[0].lower_.rstrip(".") in TITLE_WORDS - HONORIFICS):
            toks = toks[1:]  # "German Chancellor [Olaf Scholz]": the tagger's firm is a person's name
        if len(toks) > 2 and toks[0].is_sent_start and toks[0].lower_ in JOB_WORDS:
            toks = toks[1:]  # "Spokeswoman Haley Morris says": her job, capitalised to open a sentence
        while toks and toks[-1].tag_ == "POS":
            toks.pop()  # "the Washington Post's investigative unit": the Post speaks
        owners = [i for i, t in enumerate(toks[:-1]) if t.tag_ == "POS"]
        if owners:
            toks = toks[owners[-1] + 1:]  # "Sanders's hometown Burlington Free Press": the paper
        while len(toks) > 1 and toks[0].is_lower and toks[0].is_alpha and not toks[-1].is_lower:
            toks = toks[1:]  # "the state Division of Gaming Enforcement": a modifier, not the name
        # "Pro-Clinton super PAC Priorities USA Action": a lower-case word, other than a small
        # one like "of" or "for", ends a description the tagger ran into the name; the name is
        # what follows it.
        modifiers = [i for i, t in enumerate(toks[:-1]) if t.is_lower and t.is_alpha and not t.is_stop]
        if modifiers and all(t.text[:1].isupper() for t in toks[modifiers[-1] + 1:]):
            toks = toks[modifiers[-1] + 1:]
        titles = [i for i, t in enumerate(toks[:-1]) if t.lower_ in TITLE_WORDS and t.is_lower]
        if titles and all(t.text[:1].isupper() for t in toks[titles[-1] + 1:]):
            # "Priorities USA chief strategist Guy Cecil": the tagger runs the person into the
            # organisation; the name is what follows the role.
            toks = toks[titles[-1] + 1:]
        if not toks:
            return span.start_char, ""
        # The text as written: "Nagorno-Karabakh" is three tokens but one word.
        return toks[0].idx, " ".join(span.doc[toks[0].i: toks[-1].i + 1].text.split())
    else:
        toks = [t for t in span if t.pos_ == "PROPN"]
        # Keep only the run that ends at the head, dropping leading titles ("President"), and
        # a union's or a company's name before a title ("United Auto Workers Secretary Gary Casteel").
        titles = [i for i, t in enumerate(toks[:-1]) if t.lower_.rstrip(".") in TITLE_WORDS]
        if titles and span.doc[toks[titles[-1]].i + 1].lower_ == "of":
            return span.start_char, ""  # "the Secretary of State": a role, and State no one's name
        if titles:
            toks = toks[titles[-1] + 1:]
    if not toks:
        return span.start_char, ""
    # A bare surname keeps its honorific: "Mr. Fairley" and "Mrs. Fairley" are two people,
    # and so are "Mr. van der Luyden" and "Mrs. van der Luyden".
    j = toks[0].i - 1
    while j > span.start and span.doc[j].lower_ in NAME_PARTICLES:
        j -= 1
    if len(toks) == 1 and j >= span.start and span.doc[j].lower_.rstrip(".") in HONORIFICS:
        toks = list(span.doc[j: toks[0].i + 1])
    text = span.doc[toks[0].i: toks[-1].i + 1].text
    return toks[0].idx, " ".join(text.split())


def given_name_demonym(words: list[str], at: int) -> bool:
    """"German Ortega", "French Stewart": a nationality word that is all the name has before
    the surname is a given name (the nationality of "German Chancellor Merkel" sits before a
    role, not alone before the name)."""
    return at == 0 and len(words) == 2 and words[0] in _DEMONYMS


_DEMONYMS = frozenset({"German", "French", "American", "British", "Russian", "Chinese", "Israeli",
                       "Ukrainian"})


#: Lower-case words inside surnames ("van der Luyden", "de Winter").
NAME_PARTICLES = frozenset({"de", "van", "der", "von", "la", "le", "du", "di", "da"})


def strip_det(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def generation(words: list[str]) -> str | None:
    """The generational suffix that ends a name's words ("jr" for "Joseph R. Biden Jr."), if any."""
    last = words[-1].lower().rstrip(".,") if len(words) > 1 else None
    return last if last in _GENERATIONS else None


def surname(name: str) -> str:
    """A name's last word short of a generational suffix: "Biden" in "Joseph R. Biden Jr."."""
    words = name.split()
    return words[-2] if generation(words) else (words[-1] if words else "")


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def clean_name(text: str) -> str:
    """Drops role words before a name ("Ukrainian President"), keeping an honorific when the
    rest is a bare surname ("Mr. Beebe" stays, "Mr. George Emerson" becomes "George Emerson")."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in _NAME_DETS:
        words = words[1:]
    owners = [i for i, w in enumerate(words[:-1]) if w.endswith(_OWNER_ENDINGS)]
    if owners and all(w[:1].isupper() for w in words[owners[-1] + 1:]):
        # "Democracy Corps’ Stan Greenberg": the tagger runs the owner into the name.
        words = words[owners[-1] + 1:]
    if len(words) > 1 and words[0].lower() in _TAG_VERBS:
        words = words[1:]  # 'Said Comey, "..."': the tagger runs an opening tag verb into the name
    while (len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS - HONORIFICS
           and not given_name_demonym(words, 0)):
        words = words[1:]
    if (len(words) > 2 and words[0].lower().rstrip(".") in HONORIFICS and not is_honorific_name(text)
            and words[1].lower() not in ("and", "&")  # "Mr. and Mrs. Weston" are two people
            and not names_a_wife(words[0], " ".join(words[1:]))):
        words = words[1:]
    if is_honorific_name(" ".join(words)) and words[0].lower() in _ABBREVIATED:
        words[0] += "."  # "Mr Marsh" and "Mr. Marsh" are one name
    return " ".join(words)


_ABBREVIATED = {"mr", "mrs", "ms", "dr"}
_OWNER_ENDINGS = ("'s", "\u2019s", "s'", "s\u2019")
_TAG_VERBS = {"said", "says", "added", "asked", "told", "wrote", "replied", "continued", "explained",
              "noted", "recalled"}


def with_honorific(doc: Doc, ent) -> str:
    """The entity's text, with the honorific the tagger left out of a bare surname
    ("Mr." of "Mr. Fairley": without it father, mother and daughters are all "Fairley")."""
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS and (
            len(ent) == 1 or names_a_wife(doc[ent.start - 1].text, ent.text)):
        return doc[ent.start - 1].text_with_ws + ent.text
    return ent.text


def names_a_wife(title: str, name: str) -> bool:
    """"Mrs." before "John Knightley": his wife, whom only the title tells from him."""
    return gender_of_name(title) == "f" and len(name.split()) > 1 and gender_of_name(name) == "m"


def wife_titled(text: str, name: str) -> str:
    """`name` with the woman's title `text` writes before it ("Mrs. John Knightley"), if any."""
    before = text[: text.rfind(name)].split()
    return f"{before[-1]} {name}" if before and names_a_wife(before[-1], name) else name


def titled_full_name(doc: Doc, ent, name: str) -> bool:
    """"Mr. John Knightley": a title written before a given name and a surname."""
    if len(name.split()) < 2 or is_honorific_name(name):
        return False
    first = ent[0] if ent[0].lower_.rstrip(".") in HONORIFICS else doc[ent.start - 1] if ent.start else None
    return first is not None and first.lower_.rstrip(".") in HONORIFICS


def looks_like_name(ent) -> bool:
    """Rejects tagger debris: "George nor Freddy", 'Beethoven" called Cecil', "Lucy Honeychurch Drive Out"."""
    # "Donald Trump’s stance": the tagger takes the possessive into the name.
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ in _NAME_DETS)
            and not (t.i == ent.end - 1 and t.tag_ == "POS")]
    titled = noble_role(ent.text) is not None
    return (0 < len(toks) <= 3 + titled and ent.root.pos_ == "PROPN"
            and all(capitalised(t) or t.text.rstrip(".").lower() in HONORIFICS
                    or (t.text in NAME_PARTICLES and t.i > ent.start) or (titled and t.lower_ == "of")
                    for t in toks)
            and not any(t.is_punct and t.text != "." for t in toks)
            and any(len(t.text.rstrip(".")) > 1 for t in toks))  # not "I." or "A."


_NAME_DETS = {"the", "this", "that", "a", "an", "poor", "dear", "little", "old", "young"}


def noble_role(name: str) -> str | None:
    """The rank a "<Rank> of <Place>" name gives its bearer ("duchess" for "Duchess of
    Monmouth"), by which the text goes on to call her ("rejoined the duchess")."""
    words = name.split()
    if len(words) > 2 and words[1] == "of" and words[0].lower() in NOBLE_TITLES:
        return words[0].lower()
    return None


def plausible_speaker(name: str) -> bool:
    """Rejects page debris as a speaker: markup ('Tweet_id="67215..."', "today.</tweet") and
    words run together from a comment widget ("CravenFlagShareLikeReplyAni"). Names and brands
    have a few capitals inside a word ("McDonald", "RealClearPolitics", "FiveThirtyEight")."""
    return not _MARKUP.search(name) and not any(
        len(_INNER_CAPITAL.findall(word)) >= 4 for word in name.split())


_MARKUP = re.compile(r"[<>=_{}\[\]|\\]")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def clock_prefix(name: str) -> int:
    """Length of a time stamp glued to the front of a name, as live blogs' pages run the
    entry's time into its headline ("9:52PMBush Says ..."); 0 when there is none."""
    m = _CLOCK.match(name)
    return m.end() if m else 0


_CLOCK = re.compile(r"\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?(?=[A-Z][a-z])")


def is_proper(name: str) -> bool:
    """Capitalised words only: a name, not a description like "Tom to Jenny" nor a
    heading like "THE MERRY OLD GENTLEMAN"."""
    return not name.isupper() and all(w[:1].isupper() or w in NAME_PARTICLES for w in name.split())


def is_female_honorific(name: str) -> bool:
    """"Mrs. Beebe", "Mrs. Julius Beaufort": a woman's title before the name."""
    words = name.split()
    return len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS and gender_of_name(words[0]) == "f"


def is_bare_honorific(name: str) -> bool:
    """"Mr.", "Mrs": a title with no name, which is nobody (the tagger's "Mr. and Mrs. Weston"
    leaves "Mr." on its own)."""
    return len(name.split()) == 1 and name.lower().rstrip(".") in HONORIFICS


def couple(tok: Token) -> Span | None:
    """"Mr. and Mrs. Weston" from its first title: two titles sharing one surname."""
    doc, i = tok.doc, tok.i
    if not (is_bare_honorific(tok.text) and i + 3 < len(doc) and doc[i + 1].lower_ in ("and", "&")
            and is_bare_honorific(doc[i + 2].text) and capitalised(doc[i + 3])):
        return None
    end = i + 3
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and capitalised(doc[end + 1]):
        end += 1
    return doc[i: end + 1]


def is_honorific_name(name: str) -> bool:
    """"Mr. Beebe", "Mrs. van der Luyden": an honorific and a bare surname."""
    words = [w for w in name.split() if w not in NAME_PARTICLES]
    return len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS


def title_before(doc: Doc, start: int) -> str | None:
    """Lower-case role words right before a name: "unit commander" in "unit commander Robert Brovdi"."""
    words = []
    i = start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and not doc[i].is_punct:
        words.append(doc[i].text)
        i -= 1
    return " ".join(reversed(words)) or None
