"""Whether a prediction names the right source (PolNeAR) or speaker (PDNC); see the package doc."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.text import normalize

from ..corpora.records import GoldAttribution, GoldDocument
from .predictions import PredAttribution
from .spans import overlaps

PRONOUNS = frozenset("""
he she it they we i you who whom whose which that his her its their him them us me our my your
this these those one someone somebody
""".split())
_FUNCTION = frozenset("""
the a an of and for in on at to by from with as or but said says says' 's
""".split())
TITLES = frozenset("""
mr mrs ms miss dr prof professor sir lady lord madam madame mister master rev father mother
president vice prime minister secretary general gen commander chief sen senator rep
representative gov governor mayor judge justice lt col sgt capt captain spokesman spokeswoman
spokesperson former republican democratic democrat gop candidate nominee presidential chairman
chairwoman chair ceo leader speaker house majority minority press u.s. us american aide adviser
advisor attorney u.s
""".split())
_TOKEN = re.compile(r"[\w][\w'.\-]*")
_TITLE_SEX = {"mr": "m", "sir": "m", "lord": "m", "master": "m", "mister": "m", "signor": "m",
              "mrs": "f", "miss": "f", "ms": "f", "lady": "f", "madam": "f", "madame": "f", "signora": "f"}


def title_sex(name: str) -> str | None:
    """The sex a name's leading title gives: "m" for "Mr. Highcamp", "f" for "Mrs. James Highcamp"."""
    words = name.split()
    return _TITLE_SEX.get(words[0].lower().rstrip(".")) if words else None


def _clean_token(tok: str) -> str:
    tok = tok.replace("\u2019", "'").rstrip(".")
    if tok.lower().endswith("'s"):
        tok = tok[:-2]
    return tok.strip("'.-")


def name_tokens(text: str | None, *, need_capital: bool = True) -> list[str]:
    """Name-like tokens of a mention, normalised: capitalised, not a title or function word."""
    if not text:
        return []
    out = []
    for raw in _TOKEN.findall(text.replace("\u2019", "'")):
        tok = _clean_token(raw)
        if not tok:
            continue
        low = normalize(tok)
        if low in PRONOUNS or low in _FUNCTION or low in TITLES:
            continue
        if need_capital and not tok[0].isupper():
            continue
        out.append(low)
    return out


def is_pronoun(text: str | None) -> bool:
    return bool(text) and normalize(text).strip(" ,.") in PRONOUNS


def names_match(gold_name: Sequence[str], predicted: str | None) -> bool:
    """Surname rule: the gold's last token is among the prediction's name tokens and the
    remaining tokens are not disjoint when both sides have some."""
    if not gold_name or not predicted:
        return False
    pred = name_tokens(predicted, need_capital=False)
    surname = gold_name[-1]
    if surname not in pred:
        return False
    g_rest = set(gold_name[:-1]) - {surname}
    p_rest = set(pred) - {surname}
    return not (g_rest and p_rest and not (g_rest & p_rest))


RELATIVES = frozenset({"who", "whom", "which", "that"})


def antecedent_end(text: str, gold: GoldAttribution) -> int | None:
    """Where the phrase a relative-pronoun source hangs on ends: after "critics" in "critics,
    who say ...". A relative pronoun names whoever comes right before it."""
    if not gold.source_spans or normalize(gold.source_text or "").strip(" ,.") not in RELATIVES:
        return None
    end = gold.source_spans[0][0]
    while end > 0 and text[end - 1] in " ,\n\t\u00a0":
        end -= 1
    return end or None


def _antecedent_name(text: str, end: int) -> tuple[str, ...]:
    """The capitalised run (up to five words) ending at `end`: "Sen. Bernie Sanders"."""
    run: list[str] = []
    for word in reversed(text[max(0, end - 80): end].split()[-5:]):
        if not word[:1].isupper():
            break
        run.insert(0, word)
    return tuple(name_tokens(" ".join(run)))


def gold_source_names(doc: GoldDocument) -> dict[str, tuple[str, ...] | None]:
    """gold_id -> the name its source resolves to (see module doc), or None."""
    out: dict[str, tuple[str, ...] | None] = {}
    by_source = sorted(doc.attributions, key=lambda g: (g.source_spans[0] if g.source_spans else (g.start, g.start)))
    last_name: tuple[str, ...] | None = None
    for g in by_source:
        if not g.source_spans:
            out[g.gold_id] = None
            continue
        if (end := antecedent_end(doc.text, g)) is not None:
            out[g.gold_id] = _antecedent_name(doc.text, end) or None
            continue
        toks = tuple(name_tokens(g.source_text))
        if toks:
            out[g.gold_id] = toks
            last_name = toks
        elif is_pronoun(g.source_text):
            out[g.gold_id] = last_name
        else:
            out[g.gold_id] = None
    return out


def source_correct(gold: GoldAttribution, pred: PredAttribution, gold_name: Sequence[str] | None,
                   text: str | None = None) -> bool:
    if not gold.source_spans:
        return pred.speaker is None and not pred.mention_spans
    if pred.mention_spans and overlaps(gold.source_spans, pred.mention_spans):
        return True
    end = antecedent_end(text, gold) if text is not None else None
    if end is not None and any(b == end for _, b in pred.mention_spans):
        return True  # the mention is the phrase the relative pronoun hangs on
    if gold_name:
        return names_match(gold_name, pred.speaker) or names_match(gold_name, pred.mention)
    return False


class CharacterResolver:
    """Maps a predicted name to a PDNC character (main name) of one novel; see module doc."""

    def __init__(self, characters: dict[str, tuple[str, ...]]):
        self.exact: dict[str, str] = {}
        self.tokens: dict[str, set[str]] = {}
        self.name_sets: dict[str, set[frozenset[str]]] = {}
        self.titled: dict[str, set[str]] = {}  # main name -> the sexes its titles give ("m", "f")
        for main, aliases in characters.items():
            self.titled[main] = {g for name in (*aliases, main) if (g := title_sex(name))}
            for name in (*aliases, main):
                self.exact.setdefault(normalize(name), main)
            toks: set[str] = set()
            sets: set[frozenset[str]] = set()
            for name in (*aliases, main):
                these = name_tokens(name, need_capital=False)
                toks.update(these)
                sets.add(frozenset(these))
            self.tokens[main] = toks
            self.name_sets[main] = sets
        for main in characters:  # a main name always wins over another's alias
            self.exact[normalize(main)] = main

    def resolve(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        key = normalize(name)
        if key in self.exact:
            return self.exact[key]
        toks = set(name_tokens(name, need_capital=False))
        if not toks:
            return None
        same = [m for m, sets in self.name_sets.items() if frozenset(toks) in sets]
        if len(same) == 1:
            return same[0]
        every = [m for m, t in self.tokens.items() if toks <= t]
        if every:
            return self._one(every, name)
        return self._one([m for m, t in self.tokens.items() if toks & t], name)

    def _one(self, mains: list[str], name: str) -> str | None:
        """The one character among `mains`; of several, those whose titles give the other sex
        than the predicted name's title are out ("Mrs. James Highcamp" is not Mr. Highcamp,
        "Mr. Beaufort" not Mrs. Beaufort)."""
        if len(mains) > 1 and (sex := title_sex(name)) is not None:
            mains = [m for m in mains if not self.titled[m] or sex in self.titled[m]]
        return mains[0] if len(mains) == 1 else None
