"""Speakers: the name in a source mention, expanded to the document's fullest form of it, and the
names a question accepts for it (PolNeAR); a PDNC character with its aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..scoring import norm
from .lexicon import (
    CONNECTORS,
    DOUBLE_QUOTES,
    FILLERS,
    GROUP_WORDS,
    ORG_WORDS,
    PARA_BREAK,
    PRONOUNS,
    SUFFIXES,
    TIME_WORDS,
    TITLES,
)

# A bracket and what is in it ("(R-Pa.)"), also when the annotation cut it before its close.
_QUESTION_NAME = re.compile(r"\([^)]*(?:\)|$)")


def _name_like(token: str) -> bool:
    core = token.strip(DOUBLE_QUOTES + "\u2018\u2019'(),;:!?")
    if not core:
        return False
    if core.casefold() in CONNECTORS or core.casefold() in SUFFIXES:
        return True
    return core[0].isupper() and any(ch.isalpha() for ch in core)


_ABBREVIATIONS = frozenset("""
mr mrs ms dr st jr sr sen sens rep reps gov lt gen col maj adm capt sgt cpl prof rev fr hon
pres supt det insp atty inc co corp ltd bros mt ft no vs
""".split())


def _abbreviation(token: str) -> bool:
    """ "J.", "U.S.", "Sen.", "Jr.": a period that does not end a sentence ("Hoff." does)."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", token)) or (
        token.endswith(".") and token[:-1].casefold() in _ABBREVIATIONS)


def _clean_token(token: str) -> str:
    t = token.strip(DOUBLE_QUOTES + "\u2018(),;:!?")
    t = re.sub(r"['\u2019]s$", "", t)
    t = t.rstrip("'\u2019").rstrip(",;:!?")  # a comma before the '' that closes a quotation
    if t.endswith(".") and not _abbreviation(t):
        t = t[:-1]  # a sentence-final period, not "J." / "Jr." / "Sen."
    return t


def _strip_leading(tokens: list[str]) -> list[str]:
    """Drop titles and fillers before a name ("FBI Director James Comey" -> James Comey), but
    keep an organisation's name whole ("Republican National Committee")."""
    for i in range(len(tokens) - 1, -1, -1):
        if re.search(r"-[a-z]+$", tokens[i]):
            tokens = tokens[i + 1:]  # "South Korean-born Monte Haines" -> Monte Haines
            break
    while tokens and (_leading_filler(tokens[0]) or (
            tokens[0].casefold() in GROUP_WORDS and len(tokens) >= 3
            and tokens[-1].casefold() not in ORG_WORDS)):
        tokens = tokens[1:]  # "Democrats Hillary Clinton" -> Hillary Clinton
    while tokens and tokens[-1].casefold() in CONNECTORS | TIME_WORDS:
        tokens = tokens[:-1]  # "... Stumpf Tuesday" -> "... Stumpf"
    last_title = -1
    for i, tok in enumerate(tokens[:-1]):
        if tok.casefold() in TITLES or any(part in TITLES for part in tok.casefold().split("-")[1:]):
            last_title = i  # "Secretary-Treasurer" is a title too
    rest = tokens[last_title + 1:]
    if last_title >= 0 and rest and rest[-1].casefold() not in ORG_WORDS:
        tokens = _past_title_object(rest)
    while tokens and _leading_filler(tokens[0]):
        tokens = tokens[1:]
    while tokens and tokens[-1].casefold() in CONNECTORS | TIME_WORDS:
        tokens = tokens[:-1]
    if not tokens or all(t.casefold() in FILLERS for t in tokens) or (
            len(tokens) == 1 and tokens[0].casefold() in TITLES):
        return []
    return tokens


def _past_title_object(rest: list[str]) -> list[str]:
    """The name after a title's of-phrase: "[Director] of National Intelligence James Clapper"
    is James Clapper (the last two words, with any initials or particles between them)."""
    if len(rest) < 4 or rest[0].casefold() != "of":
        return rest
    start = len(rest) - 2
    while start > 2 and (_abbreviation(rest[start]) or rest[start].casefold() in CONNECTORS):
        start -= 1
    return rest[start:]


def _leading_filler(token: str) -> bool:
    """A word a name does not start with. A particle does only when capitalised: "al-" and
    "de" are not a start, "Al Franken" is."""
    folded = token.casefold()
    return folded in FILLERS or (folded in CONNECTORS and not token[:1].isupper())


def _possessive(token: str) -> bool:
    """ "RealClearPolitics'", "Fox News's": whose the following name is, not part of it."""
    return bool(re.search(r"(?:['\u2019]s|s['\u2019])$", token.strip(DOUBLE_QUOTES + "(),;:!?")))


def mention_name(source: str | None) -> list[str] | None:
    """The name in a source mention as tokens, or None for pronouns, descriptions, groups."""
    if not source:
        return None
    text = _QUESTION_NAME.sub(" ", source)
    text = text.split(",")[0]  # "Rendell, a Clinton surrogate," -> "Rendell"
    if re.search(r"\s(?:and|or|&)\s", text):
        return None  # two speakers
    raw = text.split()
    if not raw:
        return None
    # a possessive at the very end ("Trump's") names the speaker; a possessive inside does not
    if any(re.search(r"['\u2019]s\W*$", t) for t in raw[:-1]):
        return None
    if not _name_like(raw[-1]):
        return None
    run: list[str] = []
    for tok in reversed(raw):
        if not _name_like(tok) or (run and _possessive(tok)):
            break  # "RealClearPolitics' David Byler" is David Byler
        run.insert(0, tok)
    if _modifies_a_description(raw[: len(raw) - len(run)], run):
        return None
    tokens = [t for t in (_clean_token(t) for t in run) if t]
    tokens = _strip_leading(tokens)
    tokens = _without_affiliation(tokens)
    if not tokens:
        return None
    if len(tokens) == 1 and (tokens[0].casefold() in PRONOUNS or tokens[0].casefold() in GROUP_WORDS):
        return None
    return tokens


_PREPOSITIONS = frozenset("for of in at to with from by on".split())


def _modifies_a_description(before: list[str], run: list[str]) -> bool:
    """ "A spokeswoman for Fiorina", "the government in Riyadh", "Staff for the Committee on
    Benghazi": the name only says whose; the speaker is not named. "A gaffe by McCarthy" or "a poll by Gallup" is McCarthy's, Gallup's."""
    while before and before[-1].casefold() in ("the", "a", "an"):
        before = before[:-1]  # "officials at the Pentagon"
    words = [w.casefold() for w in before] + [run[0].casefold()] if run else []
    prep_at = len(before) if run and run[0].casefold() in _PREPOSITIONS else len(before) - 1
    if prep_at < 1 or prep_at >= len(words) or words[prep_at] not in _PREPOSITIONS:
        return False
    return words[prep_at] != "by"


def _without_affiliation(tokens: list[str]) -> list[str]:
    """ "Paul Sperry of Counter Jihad" is Paul Sperry; "Bank of America" stays whole."""
    if "of" not in tokens:
        return tokens
    i = tokens.index("of")
    head = tokens[:i]
    if i >= 2 and tokens[i + 1:] and not any(t.casefold() in ORG_WORDS | TITLES for t in head):
        return head
    return tokens


def document_names(text: str, skip_first_line: bool = True) -> list[list[str]]:
    """Runs of capitalised tokens in the text (titles stripped): the names a mention may expand to."""
    if skip_first_line and "\n" in text:
        text = text.split("\n", 1)[1]
    names: list[list[str]] = []

    def flush(run: list[str]) -> None:
        cleaned = _without_affiliation(_strip_leading([t for t in (_clean_token(x) for x in run) if t]))
        if cleaned:
            names.append(cleaned)

    # 'Hillary Rodham Clinton:"We learned': a quotation glued to its label's colon.
    text = _GLUED_QUOTE.sub(r"\1 \2", text)
    for block in PARA_BREAK.split(text):
        run: list[str] = []
        for tok in block.split():
            starts = bool(re.match(r"[\"\u201c\u2018(]", tok))
            if starts and run:
                flush(run)
                run = []
            core = tok.strip(DOUBLE_QUOTES + "\u2018\u2019'(),;:!?").casefold()
            # A particle starts a name only capitalised ("Al Gore", "De Blasio"; not "al-Assad").
            if _name_like(tok) and (run or core not in CONNECTORS or (
                    tok[:1].isupper() and core not in ("of", "for"))):
                run.append(tok)
                ends = bool(re.search(r"[,;:!?)\u201d\"]['\u2019]*$", tok)) or _possessive(tok) or (
                    tok.endswith(".") and not _abbreviation(tok))
                if ends:
                    flush(run)
                    run = []
            else:
                if run:
                    flush(run)
                run = []
        if run:
            flush(run)
    return names


_GLUED_QUOTE = re.compile(r"([:;,])([\"\u201c\u2018])")


def _is_suffix(short: list[str], long: list[str]) -> bool:
    # "Biden" ends "Joseph R. Biden Jr.": a generational suffix is not the surname.
    if len(long) > 1 and long[-1].casefold() in SUFFIXES and not (short and short[-1].casefold() in SUFFIXES):
        long = long[:-1]
    n = len(short)
    return n <= len(long) and [t.casefold() for t in long[-n:]] == [t.casefold() for t in short]


@dataclass
class Speaker:
    name: str
    accepted: list[str]
    org: bool = False

    @property
    def key(self) -> str:
        """First and last word: "Donald J. Trump" and "Donald Trump" are one speaker."""
        words = norm(self.name).split()
        return f"{words[0]} {words[-1]}" if len(words) > 1 else (words[0] if words else "")


def polnear_speaker(source: str | None, doc_names: list[list[str]], doc_text: str) -> Speaker | None:
    """The canonical speaker of a PolNeAR source mention, or None when it is not a name."""
    tokens = mention_name(source)
    if not tokens or len(tokens[-1].rstrip(".")) == 1:
        return None  # no name ends on an initial: the annotation was cut short ("Ian H")
    counts: dict[tuple[str, ...], int] = {}
    for cand in doc_names:
        # "Trump" is not short for "Sons of Trump", nor "America" for "Bank of America".
        if _is_suffix(tokens, cand) and not (
                len(cand) > len(tokens) and cand[-len(tokens) - 1].casefold() in ("of", "for")):
            key = tuple(cand)
            counts[key] = counts.get(key, 0) + 1
    full = tokens
    if len(tokens) == 1 and any(len(k) > 1 for k in counts):
        # a surname: the full name the document gives it. Several first names ("Clinton":
        # Hillary or Bill?) -> the clearly most frequent one, else give up.
        firsts: dict[str, int] = {}
        for k, c in counts.items():
            if len(k) > 1:
                firsts[k[0].casefold()] = firsts.get(k[0].casefold(), 0) + c
        ranked = sorted(firsts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None  # ambiguous
        first = ranked[0][0]
        best = [k for k in counts if len(k) > 1 and k[0].casefold() == first]
        full = list(max(best, key=lambda k: (counts[k], len(k), k)))
    if full == tokens and len(tokens) == 1 and not tokens[0].isupper() and re.search(
            rf"(?<![\w-]){re.escape(tokens[0].lower())}(?![\w-])", doc_text):
        return None  # a common word capitalised at a sentence start ("Lawmakers")
    name = " ".join(full)
    accepted = [name]

    def add(s: str) -> None:
        if s and norm(s) not in {norm(a) for a in accepted}:
            accepted.append(s)

    for k in sorted(counts, key=lambda k: (-len(k), k)):
        if _is_suffix(list(k), full) or (_is_suffix(tokens, list(k)) and k[0] == full[0]):
            add(" ".join(k))
        elif len(full) >= 2 and _is_suffix(full, list(k)):
            add(" ".join(k))  # "Angie Drobnic Holan", where the document mostly writes "Drobnic Holan"
    add(" ".join(tokens))
    for k in doc_names:
        if len(k) >= 3 and k[0] == full[0] and k[-1] == full[-1] and all(
                len(t) <= 2 and t.endswith(".") for t in k[1:-1]):
            add(" ".join(k))  # "Donald Trump" is also "Donald J. Trump"
    if len(full) >= 3 and all(len(t) <= 2 and t.endswith(".") for t in full[1:-1]):
        add(f"{full[0]} {full[-1]}")  # "Paul D. Ryan" is also "Paul Ryan"
    mention = " ".join(t for t in (_clean_token(t) for t in _QUESTION_NAME.sub(" ", source or "")
                                   .split(",")[0].split()) if t)
    if mention and mention.split()[0].casefold() not in ("the", "a", "an") and \
            all(_name_like(t) for t in mention.split()) and len(mention.split()) <= 5:
        add(mention)
    if re.fullmatch(r"(?:[A-Z]\.-?)+[A-Z]", name) and name + "." in doc_text:
        add(name + ".")  # "A.F.L.-C.I.O" as annotated ends a sentence; the document's is "A.F.L.-C.I.O."
    # "Executives for Mondelez", "Sons of Trump": a person's name has no "for" or "of" in it
    # (an affiliation, "Paul Sperry of Counter Jihad", was cut off above).
    is_org = any(t.casefold() in ORG_WORDS or t in ("for", "of") for t in full) or (
        len(full) == 1 and full[0].isupper() and len(full[0]) <= 5)
    if is_org:
        add("The " + name)
    else:
        tail = [t for t in full if t.casefold() not in SUFFIXES]
        if len(tail) >= 2 and _written_alone(tail[-1], tail[-2], doc_text):
            add(tail[-1])
    return Speaker(name=name, accepted=accepted, org=is_org)


def _written_alone(last: str, before: str, doc_text: str) -> bool:
    """Whether the document writes a name's last word without the word before it, as it
    writes "Fitton" for Tom Fitton and never "Watch" for Judicial Watch or "Matter" for
    Black Lives Matter: a name's surname form is one the document uses."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", doc_text):
        if not re.search(rf"{re.escape(before)}\W{{1,3}}$", doc_text[max(0, m.start() - 40): m.start()]):
            return True
    return False


def pdnc_speaker(main: str | None, characters: dict[str, tuple[str, ...]], text: str) -> Speaker | None:
    if not main:
        return None
    main = main.strip()
    aliases = [a.strip() for a in characters.get(main, ()) if a and a.strip()]
    if not any(n and n in text for n in [main, *aliases]):
        return None  # never named in the novel
    # An annotator's label the novel never writes ("Narr" for the narrator) names no one in
    # a question.
    aliases = [a for a in aliases if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)]
    accepted = [main]
    for a in sorted(aliases, key=lambda s: (-len(s), s)):
        if norm(a) not in {norm(x) for x in accepted}:
            accepted.append(a)
    for a in list(accepted):
        # "The Dogana Men" is also "Dogana Men"; "Sir Harry Otway" also "Harry Otway" (a title
        # before a given name; "Mrs. Honeychurch" keeps hers: the surname alone is the family's).
        words = a.split()
        if len(words) >= 2 and words[0].casefold() == "the" or (
                len(words) >= 3 and words[0].casefold().rstrip(".") in _GIVEN_NAME_TITLES):
            short = " ".join(words[1:])
            if norm(short) not in {norm(x) for x in accepted}:
                accepted.append(short)
        elif len(words) == 3 and words[0].casefold().rstrip(".") in _FAMILY_TITLES:
            # "Miss Lucilla Harris" is also "Lucilla Harris", and "Mrs. Cecil Forrester" also
            # "Mrs. Forrester" unless another character of the novel goes by that name.
            for short in (" ".join(words[1:]), f"{words[0]} {words[2]}"):
                if norm(short) not in {norm(x) for x in accepted} and not _taken(short, main, characters):
                    accepted.append(short)
    return Speaker(name=main, accepted=accepted)


def _taken(name: str, main: str, characters: dict[str, tuple[str, ...]]) -> bool:
    """Whether another character's name or alias is `name`."""
    return any(norm(name) in {norm(n) for n in (other, *aliases) if n}
               for other, aliases in characters.items() if other != main)


_GIVEN_NAME_TITLES = {"sir", "lady", "lord", "dame"}
_FAMILY_TITLES = {"mr", "mrs", "miss", "ms", "dr", "madame", "monsieur", "mademoiselle"}
