"""`python -m evals make-qa`: question sets in the shared QA format from gold attributions.

    python -m evals make-qa --format polnear --data ../shared/data/polnear --split dev \\
        --limit 20 --seed 1 --out /tmp/polnear-dev.jsonl
    python -m evals qa /tmp/polnear-dev.jsonl --docs-list /tmp/polnear-dev.docs.txt

Writes FILE.jsonl and FILE.docs.txt (the documents to index, one path a line). The documents of the
split are shuffled with the seed; a few are held out (never listed in .docs.txt) and give the
``abstain`` questions, the rest (at most ``--limit``) are the indexed documents. Per indexed document
and named speaker (at most ``--per-doc`` speakers):

- ``who_said_verbatim``: a verbatim 8-15 word fragment of the content;
- ``who_said_misremembered``: such a fragment with words dropped, a word swapped for a synonym and/or
  its clauses in another order (evidence: the original fragment);
- ``what_said``: what the speaker said about a topic word from the content;
- ``did_say_yes`` (the real speaker) and ``did_say_no`` (another speaker of the same document;
  ``speaker`` = the real one);

and, over the set: ``abstain_unindexed`` (fragments of held-out documents) and ``abstain_invented``
(invented sentences). Each question has ``intent_detail`` and ``doc`` besides the shared fields.

Speakers: PolNeAR gives surface mentions; a mention counts when it is a name ("Trump", "Mr. Obama",
"FBI Director James Comey"), not a pronoun or a description ("he", "the official", "officials"), and
is expanded to the longest name in the document ending with it ("Trump" -> "Donald Trump"). The
accepted names are the full name, the mention's forms and the surname. PDNC: the character's main
name and its aliases. Same arguments and seed, same files.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from .scoring import norm

MIN_WORDS, MAX_WORDS = 8, 15
_PARA_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
_TOKEN = re.compile(r"\S+")
_DOUBLE = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
_LEAD_STRIP = _DOUBLE + "\u2018'([\u2014\u2013\u2026-"
_TRAIL_STRIP = _DOUBLE + "\u2019',;:)]\u2014\u2013\u2026-"

# --------------------------------------------------------------------------- word lists

PRONOUNS = frozenset("""
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which that this these those one someone somebody everyone everybody anyone anybody
nobody none some many others other both all each either neither few several most another such
""".split())

#: Capitalised words that precede names but are not part of them (titles, roles, fillers).
TITLES = frozenset(w.casefold() for w in """
The A An Mr. Mr Mrs. Mrs Ms. Ms Miss Dr. Dr Prof. Professor Sir Dame Lord Lady Rev. Reverend
President President-elect Vice Sen. Sen Senator Rep. Rep Representative Congressman Congresswoman
Gov. Gov Governor Lt. Gen. Gen General Col. Maj. Adm. Admiral Capt. Sgt. Secretary Spokesman
Spokeswoman Spokesperson Press Director Chairman Chairwoman Chair Speaker Judge Justice Attorney
Mayor Minister Prime Chancellor Ambassador Commissioner Chief Leader Majority Minority Former
Democratic Republican Democrat GOP Presidential Candidate Nominee Rival Candidate Officer Deputy
Assistant Acting Interim Executive Manager Campaign Adviser Advisor Aide Agent Officials Official
Analyst Economist Pollster Strategist Anchor Host Correspondent Reporter Columnist Author Writer
Founder CEO CFO COO Co-founder Pope King Queen Prince Princess Saint Independent Libertarian
Conservative Liberal Progressive Billionaire Businessman Businesswoman Challenger Incumbent
Then-candidate Sens. Reps. Sens Reps State House Fellow Activist Longtime Veteran Retired
Resident Residents Principal Parent Teacher Student Doctor Nurse Detective Inspector Sheriff Coach
Player Owner Farmer Worker Voter Councillor Councilor Councilman Councilwoman Alderman Trustee
Bishop Rabbi Imam Pastor Priest Scientist Researcher Lawyer Actor Actress Singer Artist Comedian
Historian Expert Professor Dean Provost Superintendent Commander Captain Lieutenant Sergeant
Corporal Private Marshal Constable Chef Editor Publisher Producer Director-General Envoy Delegate
Senior Junior Chief-of-staff Surgeon Physician Pilot Engineer Architect Economist Organizer
Organiser Volunteer Witness Neighbor Neighbour Survivor Victim Widow Protester Demonstrator Fan
""".split())

#: Capitalised fillers that start sentences, never names.
FILLERS = frozenset(w.casefold() for w in """
The A An Then Now And But Or So Yet Also When While After Before If As At In On By For From With
Without Of To Under Over Meanwhile However Still Although Though Because Since Asked Said Says
Told According Even Just Only Last Next First This That These Those Here There Today Yesterday
Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday Where What Why How Who Whether
Mr Mrs Ms Later Earlier Again Instead Finally Indeed Recently Previously Separately Speaking
Following During Despite Unlike Like Among Across Against Through Throughout Until Upon Within
Whereas Once Perhaps Nevertheless Nonetheless Moreover Furthermore Additionally Overall
Eventually Ultimately Initially Originally Similarly Likewise Otherwise Therefore Thus Hence
Clearly Obviously Certainly Actually Notably Importantly Interestingly Surprisingly
Unfortunately Fortunately Sadly Not No Yes Every Each All Some Many Most Several Few Other
Another Such His Her Their Its Our My Your It He She They We I You Do Does Did Is Was Were Are
Would Could Should Might Must Has Have Had Let Please Added Dear Sources Officials
""".split())

#: Capitalised single words that name groups, not speakers.
GROUP_WORDS = frozenset(w.casefold() for w in """
Republicans Democrats Americans Mexicans Russians Conservatives Liberals Evangelicals Independents
Progressives Muslims Christians Catholics Latinos Hispanics Europeans Israelis Palestinians Syrians
Iranians Chinese Ukrainians Britons Germans French Voters Officials Critics Analysts Experts
Supporters Opponents Proponents Demonstrators Poll Polls Police Authorities Lawmakers Sources Aides Advisers Prosecutors
Investigators Scientists Economists Researchers Leaders Members Residents Protesters Activists
Democrat Republican Conservatives Officials Observers Reports Report Data Studies Survey Surveys
Others Everyone People Some Many Most Several Both Neither
""".split())

#: Words that mark an organisation's name (no surname short form for those).
ORG_WORDS = frozenset(w.casefold() for w in """
Times Post News Journal Tribune Herald Gazette Daily Press Associated Reuters Magazine Review
Department Ministry Committee Party Campaign University Institute Center Centre Foundation
Association Council Agency Bureau Service Office Commission Network Poll Inc. Corp. Group Fund
PAC Coalition Union Court Senate House Congress Administration Board Club Society Company
Organization Organisation Federation Intelligence Police Army Navy Force Forces Command Council
Government Bank Cabinet Parliament Kremlin Pentagon Policy Project Alliance Media Television Radio
""".split())

_CONNECTORS = frozenset({"of", "de", "van", "von", "la", "le", "du", "da", "der", "al", "bin", "di",
                         "for"})
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today
yesterday tomorrow""".split())
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})

STOPWORDS = frozenset("""
about above after again against along already although always among another anything around
because been before being below between both cannot could couldn't didn't doesn't don't during
each either enough every everything first from further going gonna great had hadn't hasn't have
haven't having here herself himself into isn't itself just know later least less let's like made
make many might more most much must myself never next nothing often once only other others ought
ourselves over own perhaps quite rather really right said same says shall shan't should shouldn't
since some something still such than that that's their theirs them themselves then there there's
these they they're thing things think this those though through thus today together told too
toward towards under until upon very want wanted wants wasn't well went were weren't what what's
whatever when where whether which while whom whose will with within without won't would wouldn't
year years yes yesterday your yours yourself yourselves going being doing saying people time times
again around always would could should these those their there where which while other another
""".split())

#: A small table for "misremembered" fragments: a word -> a near synonym.
SYNONYMS = {
    "big": "large", "large": "big", "huge": "enormous", "small": "little", "little": "small",
    "start": "begin", "begin": "start", "started": "began", "began": "started", "end": "finish",
    "help": "assist", "buy": "purchase", "get": "obtain", "got": "obtained", "show": "demonstrate",
    "think": "believe", "believe": "think", "thought": "believed", "want": "wish", "need": "require",
    "needs": "requires", "people": "folks", "country": "nation", "nation": "country",
    "fight": "battle", "war": "conflict", "job": "work", "jobs": "positions", "important": "crucial",
    "very": "really", "really": "truly", "great": "terrific", "bad": "terrible", "good": "fine",
    "fast": "quick", "quickly": "rapidly", "many": "numerous", "often": "frequently",
    "happy": "glad", "glad": "happy", "afraid": "scared", "sure": "certain", "certain": "sure",
    "quite": "rather", "rather": "quite", "perhaps": "maybe", "maybe": "perhaps", "speak": "talk",
    "talk": "speak", "told": "informed", "said": "stated", "says": "states", "say": "state",
    "house": "home", "home": "house", "dear": "darling", "child": "kid", "children": "kids",
    "money": "cash", "problem": "issue", "problems": "issues", "issue": "matter", "help.": "aid.",
    "rich": "wealthy", "poor": "needy", "hard": "difficult", "difficult": "hard", "easy": "simple",
    "simple": "easy", "right": "correct", "wrong": "mistaken", "strong": "powerful",
    "weak": "feeble", "angry": "furious", "sad": "unhappy", "smart": "clever", "clever": "smart",
    "stupid": "foolish", "foolish": "silly", "beautiful": "lovely", "lovely": "beautiful",
    "new": "fresh", "old": "aged", "begin.": "start.", "world": "globe", "city": "town",
    "town": "city", "women": "ladies", "men": "gentlemen", "friend": "companion",
    "friends": "companions", "attack": "assault", "attacks": "assaults", "threat": "danger",
    "safe": "secure", "leave": "depart", "come": "arrive", "look": "glance", "see": "observe",
    "understand": "grasp", "agree": "concur", "allow": "permit", "stop": "halt", "try": "attempt",
    "tried": "attempted", "always": "forever", "never": "not ever", "everyone": "everybody",
    "everybody": "everyone", "nothing": "naught", "also": "too", "enough": "sufficient",
    "whole": "entire", "entire": "whole", "idea": "notion", "reason": "cause", "plan": "scheme",
    "change": "alter", "keep": "retain", "win": "triumph", "lose": "forfeit", "fair": "just",
}
_DROPPABLE = ("very", "really", "just", "also", "all", "the", "that", "a", "so", "even", "still",
              "only", "quite", "then", "now", "much", "too")

#: Sentences nobody in any corpus said (abstain questions).
INVENTED = (
    "we will have the whole bridge painted purple before the autumn fair",
    "my grandmother's parrot knows more about tax policy than the committee",
    "nobody should ever trust a weather forecast written by a submarine captain",
    "the lighthouse budget will be doubled as soon as the moon is full",
    "I have never once eaten a sandwich on a Tuesday afternoon in March",
    "our plan is to teach every goat in the county to play chess",
    "the orchestra will rehearse underwater until the tuba players complain",
    "a railway to the glacier is the only sensible answer to the housing question",
    "I promise that every library will get its own hot air balloon",
    "the treaty was signed with a pencil borrowed from a sleeping librarian",
    "frankly the marmalade shortage is the greatest scandal of our generation",
    "we counted the pebbles twice and the total was still seventeen thousand",
    "the committee voted to rename the harbour after a famous pastry chef",
    "no one in this town has ever seen a purple snowstorm in July",
    "I will resign if the penguins are not consulted about the new canal",
    "the secret ingredient of good government is a very patient tortoise",
    "every citizen deserves a lantern, a ladder and a lifetime supply of buttons",
    "the submarine races will resume once the cathedral roof is repaired",
    "we must never allow the clocks in the square to run backwards again",
    "I was told the violin factory had moved to the far side of the volcano",
)

_SUBJECTS = ("the harbour committee", "my neighbour's parrot", "every lighthouse keeper",
             "the submarine orchestra", "our marmalade inspector", "the county chess goat",
             "a retired balloon pilot", "the moon festival board", "the volcano librarian",
             "the pastry chef union")
_PREDICATES = ("will paint every bridge purple", "has promised a lantern to each citizen",
               "never eats sandwiches on Tuesdays", "will rehearse underwater all summer",
               "counted seventeen thousand pebbles twice", "plans to rename the old canal",
               "secretly trains penguins to play chess", "will move the clock tower backwards")
_TAILS = ("before the autumn fair", "until the tuba players complain",
          "as soon as the snow turns purple", "without asking the tortoise first")


def invented_sentences() -> list[str]:
    """The fixed INVENTED list, then as many more as needed from templates (fixed order)."""
    made = list(INVENTED)
    for tail in _TAILS:
        for pred in _PREDICATES:
            for subj in _SUBJECTS:
                made.append(f"{subj} {pred} {tail}")
    return made


_QUESTION_NAME = re.compile(r"\([^)]*\)")


# --------------------------------------------------------------------------- names


def _core(token: str) -> str:
    return token.strip(_LEAD_STRIP + _TRAIL_STRIP + ".,;:!?")


def _name_like(token: str) -> bool:
    core = token.strip(_DOUBLE + "\u2018\u2019'(),;:!?")
    if not core:
        return False
    if core.casefold() in _CONNECTORS or core.casefold() in _SUFFIXES:
        return True
    return core[0].isupper() and any(ch.isalpha() for ch in core)


def _clean_token(token: str) -> str:
    t = token.strip(_DOUBLE + "\u2018(),;:!?")
    t = re.sub(r"['\u2019]s$", "", t)
    t = t.rstrip("'\u2019")
    if t.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", t):
        t = t[:-1]  # a sentence-final period, not "J." / "Jr." / "Sen."
    return t


def _strip_leading(tokens: list[str]) -> list[str]:
    """Drop titles and fillers before a name ("FBI Director James Comey" -> James Comey), but
    keep an organisation's name whole ("Republican National Committee")."""
    while tokens and tokens[0].casefold() in FILLERS | _CONNECTORS:
        tokens = tokens[1:]
    while tokens and tokens[-1].casefold() in _CONNECTORS | _TIME_WORDS:
        tokens = tokens[:-1]  # "... Stumpf Tuesday" -> "... Stumpf"
    last_title = -1
    for i, tok in enumerate(tokens[:-1]):
        if tok.casefold() in TITLES:
            last_title = i
    rest = tokens[last_title + 1:]
    if last_title >= 0 and rest and rest[-1].casefold() not in ORG_WORDS:
        tokens = rest
    while tokens and tokens[0].casefold() in FILLERS | _CONNECTORS:
        tokens = tokens[1:]
    while tokens and tokens[-1].casefold() in _CONNECTORS | _TIME_WORDS:
        tokens = tokens[:-1]
    if not tokens or all(t.casefold() in FILLERS for t in tokens) or (
            len(tokens) == 1 and tokens[0].casefold() in TITLES):
        return []
    return tokens


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
        if not _name_like(tok):
            break
        run.insert(0, tok)
    tokens = [t for t in (_clean_token(t) for t in run) if t]
    tokens = _strip_leading(tokens)
    if not tokens:
        return None
    if len(tokens) == 1 and (tokens[0].casefold() in PRONOUNS or tokens[0].casefold() in GROUP_WORDS):
        return None
    return tokens


def document_names(text: str, skip_first_line: bool = True) -> list[list[str]]:
    """Runs of capitalised tokens in the text (titles stripped): the names a mention may expand to."""
    if skip_first_line and "\n" in text:
        text = text.split("\n", 1)[1]
    names: list[list[str]] = []

    def flush(run: list[str]) -> None:
        cleaned = _strip_leading([t for t in (_clean_token(x) for x in run) if t])
        if cleaned:
            names.append(cleaned)

    for block in _PARA_BREAK.split(text):
        run: list[str] = []
        for tok in block.split():
            starts = bool(re.match(r"[\"\u201c\u2018(]", tok))
            if starts and run:
                flush(run)
                run = []
            core = tok.strip(_DOUBLE + "\u2018\u2019'(),;:!?").casefold()
            if _name_like(tok) and (run or core not in _CONNECTORS):
                run.append(tok)
                ends = bool(re.search(r"[,;:!?)\u201d\"]$|['\u2019]s$", tok)) or (
                    tok.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", tok))
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


def _is_suffix(short: list[str], long: list[str]) -> bool:
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
    if not tokens:
        return None
    counts: dict[tuple[str, ...], int] = {}
    for cand in doc_names:
        if _is_suffix(tokens, cand):
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
    add(" ".join(tokens))
    mention = " ".join(t for t in (_clean_token(t) for t in _QUESTION_NAME.sub(" ", source or "")
                                   .split(",")[0].split()) if t)
    if mention and mention.split()[0].casefold() not in ("the", "a", "an") and \
            all(_name_like(t) for t in mention.split()) and len(mention.split()) <= 5:
        add(mention)
    is_org = any(t.casefold() in ORG_WORDS for t in full) or (
        len(full) == 1 and full[0].isupper() and len(full[0]) <= 5)
    if is_org:
        add("The " + name)
    else:
        tail = [t for t in full if t.casefold() not in _SUFFIXES]
        if len(tail) >= 2:
            add(tail[-1])
    return Speaker(name=name, accepted=accepted, org=is_org)


def pdnc_speaker(main: str | None, characters: dict[str, tuple[str, ...]], text: str) -> Speaker | None:
    if not main:
        return None
    main = main.strip()
    aliases = [a.strip() for a in characters.get(main, ()) if a and a.strip()]
    if not any(n and n in text for n in [main, *aliases]):
        return None  # never named in the novel
    accepted = [main]
    for a in sorted(aliases, key=lambda s: (-len(s), s)):
        if norm(a) not in {norm(x) for x in accepted}:
            accepted.append(a)
    return Speaker(name=main, accepted=accepted)


# --------------------------------------------------------------------------- fragments


@dataclass
class Run:
    """Consecutive content tokens inside one paragraph: (start, end) doc offsets each."""

    tokens: list[tuple[int, int]] = field(default_factory=list)


def content_runs(text: str, spans: Iterable[tuple[int, int]]) -> list[Run]:
    runs: list[Run] = []
    for a, b in spans:
        current = Run()
        prev_end = None
        for m in _TOKEN.finditer(text, a, b):
            s, e = m.start(), min(m.end(), b)
            if prev_end is not None and _PARA_BREAK.search(text[prev_end:s]):
                if current.tokens:
                    runs.append(current)
                current = Run()
            current.tokens.append((s, e))
            prev_end = e
        if current.tokens:
            runs.append(current)
    return runs


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Outer quotation marks, brackets and dashes off; a closing . ! ? stays."""
    while start < end and (text[start] in _LEAD_STRIP or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRAIL_STRIP or text[end - 1].isspace()):
        end -= 1
    return start, end


_ENDS_CLAUSE = re.compile(r"[.,;:!?\u2014)\"\u201d\u2019]$")


def windows(text: str, run: Run, size: int) -> list[tuple[float, tuple[int, int]]]:
    """Every `size`-token window of the run, trimmed of outer marks, without inner double
    quotation marks, that still holds MIN_WORDS..MAX_WORDS words: (score, (start, end)).

    The score counts the window's ends that fall on a clause boundary (0-2): fragments that
    read like a phrase someone would remember."""
    out = []
    toks = run.tokens
    for i in range(0, len(toks) - size + 1):
        s, e = _trimmed(text, toks[i][0], toks[i + size - 1][1])
        frag = text[s:e]
        if any(ch in _DOUBLE for ch in frag):
            continue
        n = len(frag.split())
        if MIN_WORDS <= n <= MAX_WORDS and re.search(r"\w", frag):
            first = i == 0 or bool(_ENDS_CLAUSE.search(text[toks[i - 1][0]:toks[i - 1][1]]))
            end_tok = toks[i + size - 1]
            after = text[end_tok[1]:end_tok[1] + 3].lstrip(" \t\u00a0")
            last = bool(_ENDS_CLAUSE.search(text[end_tok[0]:end_tok[1]])) or (
                i + size == len(toks) and (not after or after[0] in ".,;:!?\u2014)\"\u201d\n"))
            out.append((int(first) + int(last), (s, e)))
    return out


def pick_fragment(text: str, runs: list[Run], rng: random.Random) -> tuple[int, int] | None:
    """A random window among those that best keep to clause boundaries."""
    cands = [w for size in range(MIN_WORDS, MAX_WORDS + 1) for run in runs
             for w in windows(text, run, size)]
    if not cands:
        return None
    best = max(score for score, _ in cands)
    spans = sorted({span for score, span in cands if score == best})
    if best < 2:  # no whole clause: take the longest windows, they read least chopped
        longest = max(len(text[a:b].split()) for a, b in spans)
        spans = [sp for sp in spans if len(text[sp[0]:sp[1]].split()) >= longest - 1]
    return rng.choice(spans)


def window_around(text: str, runs: list[Run], word: str) -> tuple[int, int] | None:
    """A MIN..MAX word window of a run containing `word` (as a whole word)."""
    pat = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    for run in runs:
        for i, (s, e) in enumerate(run.tokens):
            if not pat.search(text[s:e]):
                continue
            for size in (12, 10, 14, 9, 15, 8, 11, 13):
                lo = max(0, min(i - size // 2, len(run.tokens) - size))
                if lo + size > len(run.tokens):
                    continue
                a, b = _trimmed(text, run.tokens[lo][0], run.tokens[lo + size - 1][1])
                frag = text[a:b]
                if pat.search(frag) and not any(ch in _DOUBLE for ch in frag) and \
                        MIN_WORDS <= len(frag.split()) <= MAX_WORDS:
                    return a, b
    return None


def misremember(fragment: str, rng: random.Random) -> str | None:
    """The fragment as someone half-remembers it: clauses reordered, a synonym, words dropped."""
    words = fragment.split()
    changes = 0
    # clauses in another order
    if ", " in fragment:
        parts = [p.strip() for p in fragment.split(", ") if p.strip()]
        if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts):
            a, b = parts
            b = b.rstrip(".!?;:")
            words = f"{b}, {a}".split()
            changes += 1
    # a synonym
    idx = [i for i, w in enumerate(words) if re.sub(r"\W", "", w).lower() in SYNONYMS]
    if idx:
        i = rng.choice(idx)
        core = re.sub(r"\W", "", words[i]).lower()
        repl = SYNONYMS[core]
        if words[i][:1].isupper():
            repl = repl[:1].upper() + repl[1:]
        words[i] = re.sub(r"[A-Za-z']+", repl, words[i], count=1)
        changes += 1
    # words dropped
    drops = 1 if changes >= 2 else 2
    for _ in range(drops):
        if len(words) <= MIN_WORDS - 2:
            break
        small = [i for i, w in enumerate(words[1:-1], start=1)
                 if re.sub(r"\W", "", w).lower() in _DROPPABLE and re.fullmatch(r"[\w']+", w)]
        plain = [i for i, w in enumerate(words[1:-1], start=1)
                 if re.fullmatch(r"[A-Za-z]{4,}", w) and w.lower() not in STOPWORDS]
        pool = small or plain
        if not pool:
            break
        del words[rng.choice(pool)]
        changes += 1
    out = " ".join(words)
    if changes < 2 or norm(out) == norm(fragment):
        return None
    return out


_NLP = None


def _nlp():
    """spaCy (the project's pipeline) for picking nouns as topics; None when unavailable."""
    global _NLP
    if _NLP is None:
        try:
            import spacy

            from rag.config import SPACY_MODEL

            _NLP = spacy.load(SPACY_MODEL, disable=["ner", "lemmatizer"])
        except Exception:  # noqa: BLE001 - fall back to a word filter
            _NLP = False
    return _NLP or None


def topic_words(content: str, speaker: Speaker) -> list[str]:
    """Nouns of the content (not the speaker's own names) that could name a topic."""
    name_words = {w.casefold() for n in speaker.accepted for w in re.findall(r"\w+", n)}

    def ok(w: str) -> bool:
        lw = w.lower()
        return (len(w) >= 4 and w.isalpha() and lw not in STOPWORDS and lw not in name_words
                and lw not in PRONOUNS)

    nlp = _nlp()
    if nlp is not None:
        doc = nlp(content)
        nouns = {t.text for t in doc if t.pos_ == "NOUN" and ok(t.text)}
        if nouns:
            return sorted(nouns)
        return sorted({t.text for t in doc if t.pos_ == "PROPN" and ok(t.text)})
    return sorted({w for w in re.findall(r"[A-Za-z][a-z]+", content)
                   if len(w) >= 5 and ok(w) and not w.lower().endswith("ly")})


# --------------------------------------------------------------------------- generation


@dataclass
class Item:
    """One gold attribution usable for questions."""

    speaker: Speaker
    runs: list[Run]
    kind: str


def _quoted(fragment: str, kind: str) -> str:
    """How a question quotes a fragment: in quotation marks, or reported ("that ...")."""
    if kind != "indirect":
        return f'"{fragment}"'
    return fragment if re.match(r"that\s", fragment, re.I) else f"that {fragment}"


def _name_form(speaker: Speaker, rng: random.Random) -> str:
    """The full name or, half of the time, the surname ("the IMF" for organisations)."""
    if speaker.org:
        return speaker.name if speaker.name.lower().startswith("the ") else "the " + speaker.name
    short = [a for a in speaker.accepted[1:] if len(a.split()) == 1 and a[:1].isupper()]
    if short and rng.random() < 0.5:
        return short[-1]
    return speaker.name


_INNER_CUE = re.compile(r"\b(?:said|says|told|tells|reports|reported|according to|claims|claimed|"
                        r"stated|added|wrote|writes|announced|tweeted)\b", re.I)


def _outside_quotes(text: str) -> str:
    return re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", text)


def doc_items(doc, fmt: str) -> list[Item]:
    text = doc.text
    items: list[Item] = []
    names = document_names(text) if fmt == "polnear" else []
    title_end = text.find("\n") if fmt == "polnear" else 0
    for att in doc.attributions:
        if fmt == "polnear":
            if att.cue_class not in ("speech", None):
                continue
            if att.start < title_end:
                continue  # the headline: page furniture, often repeated
            if any(o is not att and any(att.start <= a < att.end for a, _ in o.cue_spans)
                   for o in doc.attributions):
                continue  # nested: someone else is quoted inside this content
            if att.kind != "direct" and _INNER_CUE.search(_outside_quotes(att.content_text)):
                continue  # "Bloomberg reports that ...": an unannotated speaker inside
            sp = polnear_speaker(att.source_text, names, text)
        else:
            sp = pdnc_speaker(att.speaker, doc.characters, text)
        if sp is None:
            continue
        runs = content_runs(text, att.content_spans)
        if not any(len(r.tokens) >= MIN_WORDS for r in runs):
            continue
        items.append(Item(speaker=sp, runs=runs, kind=att.kind))
    return items


def generate(docs: list, fmt: str, *, seed: int, limit: int | None, per_doc: int,
             held_out: int | None = None) -> tuple[list[dict], list]:
    """Questions, and the documents to index (in order)."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    rng = random.Random(seed)
    order = docs[:]
    rng.shuffle(order)
    n_held = held_out if held_out is not None else (
        0 if len(order) < 2 else max(1, min(len(order) // 10, 10)))
    held, selected = order[:n_held], order[n_held:]
    if limit is not None:
        selected = selected[:limit]
    selected_norm = {d.doc_id: norm(d.text) for d in selected}
    norm_text = selected_norm

    def elsewhere(fragment: str, doc_id: str | None) -> bool:
        f = norm(fragment)
        return any(f in t for i, t in selected_norm.items() if i != doc_id)

    questions: list[dict] = []

    def add(q: dict) -> None:
        q = {"id": f"{fmt}-{len(questions) + 1:04d}", **q}
        questions.append(q)

    for doc in selected:
        items = doc_items(doc, fmt)
        text = doc.text
        by_speaker: dict[str, list[Item]] = {}
        for it in items:
            by_speaker.setdefault(it.speaker.key, []).append(it)
        for its_ in by_speaker.values():  # one accepted list per speaker: every mention's forms
            merged = its_[0].speaker
            for other_it in its_[1:]:
                for a in other_it.speaker.accepted:
                    if norm(a) not in {norm(x) for x in merged.accepted}:
                        merged.accepted.append(a)
                other_it.speaker = merged
        if not by_speaker:
            continue
        keys = sorted(by_speaker)
        chosen = rng.sample(keys, min(per_doc, len(keys)))
        for key in chosen:
            its = by_speaker[key]
            sp = its[0].speaker
            others = [by_speaker[k][0].speaker for k in keys if k != key and not (
                {norm(a) for a in by_speaker[k][0].speaker.accepted} & {norm(a) for a in sp.accepted})]
            base = {"speaker": sp.accepted, "doc": doc.doc_id}

            def fragment(it: Item) -> str | None:
                for _ in range(4):
                    span = pick_fragment(text, it.runs, rng)
                    if span is None:
                        return None
                    frag = _fold(text[span[0]:span[1]])
                    if not elsewhere(frag, doc.doc_id):
                        return frag
                return None

            it = rng.choice(its)
            frag = fragment(it)
            if frag:
                add({"question": f"Who said {_quoted(frag, it.kind)}?", "intent": "who_said",
                     "intent_detail": "who_said_verbatim", **base, "evidence": [frag]})
            it = rng.choice(its)
            frag = fragment(it)
            if frag:
                wrong = misremember(frag, rng)
                if wrong and norm(wrong) not in norm_text[doc.doc_id]:
                    add({"question": f"Who said {_quoted(wrong, it.kind)}?", "intent": "who_said",
                         "intent_detail": "who_said_misremembered", **base, "evidence": [frag]})
            topics = sorted({w for i in its for r in i.runs
                             for w in topic_words(_fold(text[r.tokens[0][0]:r.tokens[-1][1]]), sp)})
            if topics:
                topic = rng.choice(topics)
                evidence = []
                for i in its:
                    span = window_around(text, i.runs, topic)
                    if span:
                        ev = _fold(text[span[0]:span[1]])
                        if ev not in evidence:
                            evidence.append(ev)
                if evidence:
                    add({"question": f"What did {_name_form(sp, rng)} say about {topic}?",
                         "intent": "what_said", "intent_detail": "what_said", **base,
                         "evidence": evidence})
            it = rng.choice(its)
            frag = fragment(it)
            if frag:
                add({"question": f"Did {_name_form(sp, rng)} say {_quoted(frag, it.kind)}?",
                     "intent": "did_say", "intent_detail": "did_say_yes", "verdict": "yes",
                     **base, "evidence": [frag]})
            if others:
                other = rng.choice(others)
                it = rng.choice(its)
                frag = fragment(it)
                if frag:
                    add({"question": f"Did {_name_form(other, rng)} say {_quoted(frag, it.kind)}?",
                         "intent": "did_say", "intent_detail": "did_say_no", "verdict": "no",
                         **base, "asked_about": other.name, "evidence": [frag]})

    n_abstain = max(1, math.ceil(len(questions) / 10)) if questions else 0
    # fragments of documents that are not indexed
    pool = []
    for doc in held:
        for att in doc.attributions:
            runs = content_runs(doc.text, att.content_spans)
            if any(len(r.tokens) >= MIN_WORDS for r in runs):
                pool.append((doc, att, runs))
    rng.shuffle(pool)
    made = 0
    for doc, att, runs in pool:
        if made >= n_abstain:
            break
        span = pick_fragment(doc.text, runs, rng)
        if span is None:
            continue
        frag = _fold(doc.text[span[0]:span[1]])
        if elsewhere(frag, None):
            continue
        add({"question": f"Who said {_quoted(frag, att.kind)}?", "intent": "who_said",
             "intent_detail": "abstain_unindexed", "abstain": True, "speaker": None,
             "evidence": [], "doc": doc.doc_id})
        made += 1
    invented = invented_sentences()
    rng.shuffle(invented)
    for sentence in [s for s in invented if not elsewhere(s, None)][:n_abstain]:
        add({"question": f"Who said \"{sentence}\"?", "intent": "who_said",
             "intent_detail": "abstain_invented", "abstain": True, "speaker": None,
             "evidence": []})
    return questions, selected


def load_docs(fmt: str, data: Path, split: str | None) -> list:
    if fmt == "polnear":
        from .corpora.polnear import load_polnear

        return list(load_polnear(data, split or "dev"))
    from .corpora.pdnc import load_pdnc, pdnc_novels

    return list(load_pdnc(data, pdnc_novels(data, split or "heldout")))


def docs_list_path(out: Path) -> Path:
    name = out.name.removesuffix(".jsonl")
    return out.with_name(name + ".docs.txt")


@click.command("make-qa")
@click.option("--format", "fmt", type=click.Choice(["polnear", "pdnc"]), required=True,
              help="The gold corpus.")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              required=True, help="The corpus folder (e.g. ../shared/data/polnear).")
@click.option("--split", default=None,
              help="PolNeAR: train, dev, train-tune, train-heldout [dev]; "
                   "PDNC: tune, heldout, all [heldout].")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many documents to index [all of the split but the held-out].")
@click.option("--per-doc", type=click.IntRange(min=1), default=None,
              help="Speakers asked about per document [polnear 2, pdnc 8].")
@click.option("--held-out", type=click.IntRange(min=0), default=None,
              help="Documents kept out of the index for abstain questions [10%, 1 to 10].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The question file (.jsonl); FILE.docs.txt lists the documents to index.")
def command(fmt: str, data: Path, split: str | None, seed: int, limit: int | None,
            per_doc: int | None, held_out: int | None, out: Path) -> None:
    """Write a question set (and its documents list) from a gold-attribution corpus."""
    try:
        docs = load_docs(fmt, data, split)
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not docs:
        raise click.ClickException(f"no {fmt} documents under {data} (split {split})")
    per_doc = per_doc or (2 if fmt == "polnear" else 8)
    questions, selected = generate(docs, fmt, seed=seed, limit=limit, per_doc=per_doc,
                                   held_out=held_out)
    if not questions:
        raise click.ClickException("no questions could be made (no named speakers found)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for q in questions:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    listing = docs_list_path(out)
    paths = [str(Path(d.source).resolve()) if d.source else d.doc_id for d in selected]
    listing.write_text("".join(p + "\n" for p in paths), encoding="utf-8")
    counts: dict[str, int] = {}
    for q in questions:
        counts[q["intent_detail"]] = counts.get(q["intent_detail"], 0) + 1
    click.echo(f"wrote {len(questions)} questions to {out} "
               f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    click.echo(f"wrote {len(paths)} document paths to {listing}")
