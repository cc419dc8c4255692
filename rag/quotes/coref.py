"""Characters a novel calls by their calling: "the painter", "the clerk", "the old gentleman".

A tag like '"...," said the painter' names nobody, and the narration may never put "the
painter" and "Basil Hallward" in one sentence. The lines around it do: the turns that answer
the painter, or that he answers, address him by name. Counted over the whole document, the
name those neighbouring turns call out stands out for a role that is one person.

A minor character may have no name at all ('The clerk looked him over. "...," he said'):
the narration's calling is then who the next he or she is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..types import Paragraph, Quote
from .dialogue import addressed
from .gender import Gender, gender_of_description

NARRATOR = "I"  # the speaker of a first-person narrator's lines until their name is known
_MIN_CALLS = 3  # neighbouring turns that must call the role's person by name
_SHARE = 0.15  # of the role's turns
_LEAD = 2.0  # how much more often than any other name


def name_roles(quotes: list[Quote], paragraphs: list[Paragraph],
               person: Callable[[str, Gender], str | None]) -> list[Quote]:
    """Quotes tagged with a role ("said the painter", "said the old gentleman") given to the
    person the neighbouring turns address, where one name clearly stands out; the role's
    untagged turns go along. `person` maps a lower-case word, of a gender if known, to a
    named person of the document."""
    order = [p.ordinal for p in paragraphs if not p.noise]
    where = {ordinal: i for i, ordinal in enumerate(order)}
    texts = {p.ordinal: p.text for p in paragraphs}
    turns: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.kind == "direct":
            turns.setdefault(q.paragraph, []).append(q)
    uses: Counter[str] = Counter()
    calls: dict[str, Counter[str]] = {}
    for q in quotes:
        role = _role(q)
        if role is None:
            continue
        uses[role] += 1
        i = where.get(q.paragraph)
        if i is None:
            continue
        called: set[str] = set()
        for j in (i - 1, i + 1):
            ordinal = order[j] if 0 <= j < len(order) else None
            others = turns.get(ordinal, [])
            if others and all(_role(o) != role for o in others):
                called |= addressed(texts[ordinal])
        gender = gender_of_description(role)
        # A first-person narrator need not be named in the narration: the name called is it.
        names = {found for name in called
                 if (found := person(name, gender) or (name if role == "i" else None))}
        calls.setdefault(role, Counter()).update(names)
    # A narrator is one person however seldom named: "I" needs no share of its turns.
    owners = {role: name for role, counted in calls.items()
              if (name := _standout(counted, uses[role] if role != "i" else 0)) is not None}
    # Untagged turns that turn-taking gave to the role ("Painter") go with it.
    return [replace(q, speaker=owners.get(_role(q) or (q.speaker or "").lower(), q.speaker))
            if q.kind == "direct" else q for q in quotes]


def _role(q: Quote) -> str | None:
    """The role a direct quote is tagged with: "old gentleman" for "said the old gentleman"."""
    mention = (q.mention or "").lower()
    if q.kind == "direct" and mention.rstrip(".") == "i":
        return "i"  # a narrator's '"...," said I.': the others call them by name
    if q.kind != "direct" or not q.speaker or not mention.startswith("the "):
        return None
    return mention[4:]


def _standout(counted: Counter[str], uses: int) -> str | None:
    ranked = counted.most_common(2) + [("", 0), ("", 0)]
    (name, n), (_, runner_up) = ranked[0], ranked[1]
    if n >= _MIN_CALLS and n >= _SHARE * uses and n >= _LEAD * runner_up:
        return name
    return None


# Callings a novel refers to a minor character by ("the clerk looked him over").
ROLE_NOUNS = frozenset("""
clerk physician doctor surgeon apothecary nurse servant maid housemaid footman butler valet
coachman driver cabman porter landlord innkeeper waiter stranger visitor inspector constable
policeman detective officer sergeant captain colonel major clergyman vicar rector curate priest
parson minister lawyer attorney magistrate judge jailer turnkey keeper shopman shopkeeper
tradesman carrier messenger boatman sailor soldier guard gardener gamekeeper farmer hostess
host housekeeper governess cook laundress dressmaker milliner beadle matron undertaker
proprietor manager bartender conductor secretary agent banker editor reporter artist painter
""".split())


# The callings such novels give to women; the others they give to men.
_WOMEN_ROLES = frozenset("""nurse maid housemaid housekeeper governess cook laundress dressmaker
milliner matron hostess""".split())


def role_subjects(doc: Doc, quoted: Callable[[int], bool]) -> list[tuple[str, Token, Gender]]:
    """Narration subjects that are a minor character's calling, with the gender the calling
    implies: 'The clerk looked him over.' A following '"...," he said' is theirs, though
    they have no name."""
    found = []
    for tok in doc:
        if (tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NN" and tok.lower_ in ROLE_NOUNS
                and not quoted(tok.idx)
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                # "the host and the lady on his right could not sit ...": a pair, whom the next
                # he or she is not.
                and not any(c.dep_ == "conj" for c in tok.children)):
            gender: Gender = "f" if tok.lower_ in _WOMEN_ROLES else "m"
            found.append((tok.text.capitalize(), tok, gender))
    return found


def not_antecedents(doc: Doc, start: int) -> set[str]:
    """Names the pronoun at character `start` cannot stand for: the subject of a relative
    clause is not the one the clause describes ("Chris Christie, whom he describes as ...",
    "Christie, who he said would run": he is not Christie)."""
    tok = next((t for t in doc if t.idx == start), None)
    if tok is None or tok.dep_ != "nsubj" or tok.head.dep_ != "relcl":
        return set()
    host = tok.head.head
    if host.pos_ != "PROPN":
        return set()
    words = [t.text for t in host.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [host.text]
    return {" ".join(words)}


def names_in_clause(doc: Doc, start: int, end: int,
                    quoted: Callable[[int], bool] = lambda i: False) -> list[tuple[str, Token]]:
    """The names (with their head tokens) that the clause of the subject at characters
    `start`-`end` goes on to give outside quotation marks. A he, she or "the gentleman" is none
    of them ('He bent over the chair and looked at Philip', '"...," she said, turning to Emma':
    not Philip, not Emma)."""
    subject = next((t for t in doc if start <= t.idx < end and t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    found = []
    for tok in subject.head.subtree:
        if tok.i > subject.i and tok.dep_ != "compound" and tok.pos_ == "PROPN" and not quoted(tok.idx):
            words = [t.text for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            found.append((" ".join(words + [tok.text]), tok))
    return found


def spoken_to(clause: list[tuple[str, Token]]) -> set[str]:
    """Of a tag's `names_in_clause`, the people it turns to or looks at: Mary in '"...," said
    Edmund, turning to Mary', the one likely to answer."""
    return {name for name, tok in clause
            if tok.dep_ == "pobj" and tok.head.lower_ in _TOWARDS and tok.head.head.pos_ == "VERB"
            and not _named_in_passing(tok)}


def _named_in_passing(tok: Token) -> bool:
    """A name in a relative clause on the speaker ('said Diana, who had ridden down to Mr.
    Andrews's') or a possessive that stands for a place: not whom the speaker turns to."""
    if any(c.dep_ == "case" for c in tok.children):
        return True
    verb = tok.head.head
    return any(t.dep_ == "relcl" for t in (verb, *verb.ancestors))


_TOWARDS = frozenset({"to", "at", "towards", "toward"})


_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp"})


def misparsed_subject(ent: Span) -> bool:
    """"John Abbott, when pressed about his claims, often steam-rolls through ...": a name opening its
    sentence before a comma that the parser, lost in what follows, made the root; the subject."""
    doc = ent.doc
    return (ent.root.dep_ == "ROOT" and ent.start == ent.root.sent.start and ent.end < len(doc)
            and doc[ent.end].text == "," and ent.root.sent.end - ent.end > 3)


def in_trailing_clause(tok: Token) -> bool:
    """The subject of a clause that hangs after the verb it modifies ("Simas recalled ads
    that began by reminding voters how bleak it had been when Barack Obama took office"):
    such a subject is named in passing, and a "he said" that follows is the main subject's,
    as an object's would be. A clause before its verb ("When Basil came in, he ...") is not."""
    verb = tok.head
    return (tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in _SUBORDINATE
            and verb.head.i < verb.i
            and any(c.dep_ == "mark" or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children))


def passive_doer(tok: Token) -> bool:
    """"she was overtaken by Mr. Thornton": the agent of a passive does the deed, as a subject
    does, and the "said he" after it is his; not in a clause about something else ("the letters
    which had been sent to her by Tom")."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "agent":
        return False
    verb = tok.head.head
    # A relative clause is told by its relative pronoun: the parser also makes "Before she
    # reached the bridge she was overtaken by ..." one.
    return verb.dep_ not in _SUBORDINATE - {"relcl"} and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children)
