"""Matching a name as a user types it ("Zelensky", "the Ukrainian president") to index speakers."""

from __future__ import annotations

from difflib import SequenceMatcher

from .quotes.gender import gender_of_name
from .quotes.hypocorisms import given_names_of, is_pet_name_of
from .quotes.lexicon import NOBLE_TITLES, TITLE_WORDS
from .text import normalize

_SKIP = {"the", "a", "an", "of"}
#: Small words initials leave out: "Federal Bureau of Investigation" is FBI.
_NOT_INITIALLED = _SKIP | {"and", "for", "on"}


def _tokens(text: str) -> list[str]:
    return [t.strip(".,'\"") for t in normalize(text).replace("'s", "").split()
            if t.strip(".,'\"") not in _SKIP]


def _close(a: str, b: str) -> bool:
    """Spelling variants of one name: "zelensky" / "zelenskyy", "defence" / "defense"."""
    if a == b:
        return True
    # A final "s" more or less makes another name, not another spelling: "William" is not
    # "Robin Williams", "Politico" not the "Politicos" a story quotes.
    if a + "s" == b or b + "s" == a:
        return False
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


_PREPS = {"to", "for", "of", "at", "with", "from", "by"}
_DESCRIPTION_STARTS = {"the", "a", "an", "his", "her", "their", "this", "that"}


def _a_name(form: str) -> bool:
    """A form that names someone ("de Blasio"), not a description ("The man") or a pronoun."""
    words = form.split()
    return bool(words) and words[0].lower() not in _DESCRIPTION_STARTS and words[-1][:1].isupper()


def _asked_by_name(query: str) -> bool:
    """A question's name, with or without "the": "the Associated Press" names an agency,
    "the man" does not."""
    words = query.split()
    if len(words) > 1 and words[0].lower() == "the" and words[1][:1].isupper():
        words = words[1:]
    return _a_name(" ".join(words))


def _whose(form: list[str], core: list[str], query: list[str]) -> bool:
    """ "Aides to Mr. Sanders", "Spokesman for Governor Lane": the name only says whose; they
    are not Sanders or Lane, unless the question says so too."""
    first = next((i for i, t in enumerate(form) if any(_close(w, t) for w in core)), 0)
    return any(t in _PREPS for t in form[:first]) and not any(t in _PREPS for t in query)


def _affiliation(form: str, core: list[str], name: str) -> bool:
    """"Latino Decisions researcher Sylvia Manzano": a name asked for that is only where the
    speaker works (a role word follows it), not the speaker."""
    own = _tokens(name)
    if all(any(_close(w, t) for t in own) for w in core):
        return False
    return any(word[:1].islower() and word.lower() not in _SKIP for word in form.split())


def _described(form: str) -> bool:
    """"Sanders advisers", "National Academies report": a common noun the name only modifies;
    asked for "Sanders", they are not him."""
    words = form.split()
    return len(words) > 1 and words[-1][:1].islower()


def _untitled(words: list[str]) -> list[str]:
    """The words of a name without its titles ("Fr.", "Sen.", "President")."""
    return [w for w in words if w.rstrip(".") not in TITLE_WORDS]


def _titled_apart(q: list[str], asked: str | None, forms: list[str]) -> bool:
    """Whether the question's title rules the speaker out: "Mr. Price" asked for (`asked`, the
    sex the title gives), every form of the speaker that tells a sex tells the other ("Mrs.
    Price"); "Mrs. Price" asked for, the speaker only ever "Miss Price"."""
    if asked is not None and {gender_of_name(form) for form in forms} - {None} == {"m", "f"} - {asked}:
        return True
    if q[0] not in _MARRIED:
        return False
    return {t[0] for form in forms if (t := _tokens(form)) and t[0] in _MARRIED} == _MARRIED - {q[0]}


_MARRIED = {"mrs", "miss"}


def match_speaker(query: str, aliases: dict[str, set[str]]) -> list[str]:
    """Canonical names that `query` can mean, best first; empty when none fits.

    Exact names or aliases come first (for a one-word name, alone but for titled forms of it);
    then speakers with every query word (allowing spelling variants) in one of their names
    ("Brovdi" in "Robert Brovdi"): another document may call the same person by the full name.
    Only when neither exists, a stored surname the query ends with ("de Blasio" for "Bill de
    Blasio"), as a document that never gives the full name has it.
    """
    q = _tokens(query)
    # Titles in the question ("Fr.", "Sen.", "President") need not be part of the stored name.
    core = _untitled(q) or q
    if not q:
        return []
    exact, partial, shorter = [], [], []
    asked = gender_of_name(query) if len(_untitled(q)) < len(q) else None  # the sex a title gives
    # An initial alone ("H") names no one: it is in "Lawrence H. Summers" and a hundred others.
    initials = all(len(w) <= 1 for w in core)
    for name, forms in aliases.items():
        forms = list(forms)
        norm_forms = [_tokens(f) for f in forms]
        if any(f == q for f in norm_forms):
            exact.append(name)
        elif initials or _titled_apart(q, asked, forms):
            continue
        elif any(all(any(_close(w, t) for t in f) for w in core) and not _whose(f, core, q)
                 and not _affiliation(raw, core, name) and not (_asked_by_name(query) and _described(raw))
                 for raw, f in zip(forms, norm_forms)):
            partial.append(name)
        elif any(_a_name(raw) and (f := _tokens(raw)) and len(f) < len(core) and f == core[-len(f):]
                 for raw in forms):
            shorter.append(name)
    # "Trump" is the one the documents call "Trump" (or "Mr. Trump"), not Ivanka Trump: a bare
    # name that some speaker goes by does not also mean everyone else who has it in a full name.
    if exact and len(core) == 1:
        return exact + [name for name in partial if any(
            _untitled(_tokens(f)) == core for f in aliases[name])]
    return exact + partial or shorter or _by_initials(query, aliases) or _by_pet_name(query, core, aliases)


def _by_initials(query: str, aliases: dict[str, set[str]]) -> list[str]:
    """"the AP" for a speaker the index knows as the Associated Press, and the other way round."""
    return [name for name, forms in aliases.items()
            if any(_abbreviates(query, f) or _abbreviates(f, query) for f in forms)]


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` is the initials of `long`'s capitalised words: "AP" and "the Associated
    Press", "FBI" and "Federal Bureau of Investigation". Two letters at least, all capitals;
    never a person's name ("AP" is not Anna Park)."""
    letters = _acronym(short)
    if letters is None or gender_of_name(long):
        return False
    if _acronym(long) == letters:
        return True  # "F.B.I." and "FBI"
    words = [w for w in long.split() if w.lower() not in _NOT_INITIALLED]
    return len(words) == len(letters) > 1 and all(w[:1] == c for w, c in zip(words, letters))


def _acronym(text: str) -> str | None:
    """The capitals of "the F.B.I." or "AP", or None when `text` is not an acronym."""
    letters = "".join(w for w in text.split() if w.lower() != "the").replace(".", "")
    return letters if len(letters) >= 2 and letters.isalpha() and letters.isupper() else None


def _by_pet_name(query: str, core: list[str], aliases: dict[str, set[str]]) -> list[str]:
    """"Lizzy" or "Gil" for a speaker the index knows only as Elizabeth or Gilbert: tried
    only when no speaker goes by the pet form itself."""
    words = query.split()
    at = next((i for i, w in enumerate(words) if _tokens(w) == core[:1]), None)
    found: list[str] = []
    for formal in sorted(given_names_of(core[0])) if at is not None else ():
        asked = " ".join(words[:at] + [formal.title()] + words[at + 1:])
        found += [name for name in match_speaker(asked, aliases) if name not in found]
    return found


def short_form_of(speaker: str, asked: str) -> bool:
    """Whether `speaker` is the asked full name as a document that never spelled it out
    writes it: "Sanders" or "Mr. Sanders" for "Bernie Sanders"."""
    return _one_word_of(speaker, asked) == -1


def given_form_of(speaker: str, asked: str) -> bool:
    """Whether `speaker` is the asked full name's given name, as a novel that keeps calling her
    "Anne" writes "Anne Shirley" (the caller checks that the full name speaks in the same text)."""
    return _one_word_of(speaker, asked) == 0


def pet_form_of(speaker: str, asked: str) -> bool:
    """Whether the asked name is a pet form of the given name of an untitled speaker: "Lizzy"
    for the Elizabeth a novel also calls Lizzy (the caller checks that the text writes it). A
    titled speaker is not meant: "Tom" is not Sir Thomas, his father."""
    words = _tokens(speaker)
    return len(asked.split()) == 1 and bool(words) and _untitled(words) == words and is_pet_name_of(asked, speaker)


def joined_name(speaker: str, asked: str) -> str | None:
    """The full name that would make `speaker` the person asked about, for the caller to look
    for in the speaker's document: "Anne Shirley" for "Anne" asked as "Anne Shirley", "Philip
    Herriton" for "Philip" asked as "Mr. Herriton", "King of Hearts" for "The King" asked as "The
    King of Hearts". None when the two cannot be one person (another sex, another surname)."""
    if given_form_of(speaker, asked):
        return " ".join(w for w in asked.split() if _untitled(_tokens(w)))
    form, core = _untitled(_tokens(speaker)), _untitled(_tokens(asked))
    # A title and a surname ("Mr. Herriton"); a bare "Celia" is a given name, joined to no one's.
    titled = len(_tokens(asked)) > len(core)
    if titled and len(form) == 1 and len(core) == 1 and form != core and _a_name(speaker) \
            and len(core[0]) > 1 and len({gender_of_name(speaker), gender_of_name(asked)} - {None}) < 2:
        return f"{speaker.split()[-1]} {asked.split()[-1]}"
    words = [w for w in asked.split() if w.lower() != "the"]
    if "of" in (lowered := [w.lower() for w in words]):
        rank = lowered[:lowered.index("of")]
        if rank and not form and all(w.rstrip(".") in NOBLE_TITLES for w in rank) \
                and _tokens(speaker) == rank:
            return " ".join(words)
    return None


def _one_word_of(speaker: str, asked: str) -> int | None:
    """Which word of the asked full name (0 the first, -1 the last) `speaker` is, when it is a
    one-word name (titles aside) of a sex that does not contradict it; else None."""
    core = _untitled(_tokens(asked))
    form = _untitled(_tokens(speaker))
    # "Mrs. Obama" is not a short form of "Barack Obama".
    if len(core) < 2 or len(form) != 1 or not _a_name(speaker) \
            or len({gender_of_name(speaker), gender_of_name(asked)} - {None}) > 1:
        return None
    return -1 if form[0] == core[-1] else 0 if form[0] == core[0] else None
