"""The people a quotation talks about: '"Sibyl has a mother," she murmured' is not Sibyl's.

Speakers seldom name themselves, so a person a quotation names in the third person is, like
one it calls by name, not the one a "she" tagging it or an untagged turn stands for.
Introductions ("I am Miss Morstan", "I, Winnie-the-Pooh, will find it") are the exception.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from .dialogue import addressed
from .gender import gender_of_name
from .lexicon import HONORIFICS
from .marks import inner_quotations
from .name_forms import known_person_word, proper_runs, with_honorific


def spoken_of(doc: Doc, start: int, end: int,
              family_name: Callable[[str], bool] = lambda word: False,
              known: Callable[[str], bool] = lambda name: False) -> set[str]:
    """The names, as written, of the persons the quotation at characters `start`-`end` of the
    parsed paragraph `doc` speaks of: not those it calls out, not the speaker introducing
    themselves, not a bare surname a family shares (`family_name`: "knowing Weston to be out"
    is said to Mrs. Weston). Proper nouns the tagger did not call persons count when they
    are `known` names ("Fanny must have a horse")."""
    called = {word for name in addressed(doc.text[max(0, start - 1): end + 1]) for word in name.split()}
    found = set()
    # A name inside a quotation within the quotation is said, not spoken of: "You always
    # called me 'Mr. Knightley'".
    said = inner_quotations(doc.text)
    persons = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    for ent in persons + [run for run in proper_runs(doc, persons, known_person_word) if known(run.text)]:
        if not (start <= ent.start_char and ent.end_char <= end):
            continue
        name = with_honorific(doc, ent).removesuffix("'s").removesuffix("\u2019s").strip()
        words = name.split()
        if not words or set(words) <= called or _introduces(doc, ent) or any(a <= ent.start_char < b for a, b in said):
            continue
        # "Dr. Grant" is Mrs. Grant's husband as much as "Grant" is: only a gendered title
        # ("Mr. Weston") singles out one of a family.
        untitled = words[1:] if words[0].lower().rstrip(".") in HONORIFICS else words
        if len(untitled) == 1 and gender_of_name(name) is None and family_name(untitled[0]):
            continue
        found.add(name)
    return found


def _introduces(doc: Doc, ent: Span) -> bool:
    """"I am Miss Morstan", "I, Winnie-the-Pooh", "my name is Tom", "call me just plain Marilla"."""
    i = ent.start - 1
    if i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        i -= 1  # the title the entity left out
    before = [t.lower_ for t in doc[max(0, i - 2): i + 1]]
    return bool(before) and (before[-1] in ("am", "'m", "\u2019m", "called") or "me" in before
                             or before[-2:] == ["i", ","] or (before[-1] == "is" and "name" in before))
