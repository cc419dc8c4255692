"""When and where words were said, beside what was said: "at a rally in Ohio", "on Thursday",
"in a tweet"."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import MEDIA

_SETTING_PREPS = {"at", "during", "on", "in", "before", "after", "since", "earlier", "late"}


def is_setting(child: Token) -> bool:
    """When or where something was said, not what: "... at a rally in Ohio", "... on Thursday"."""
    if child.ent_type_ in ("DATE", "TIME"):
        return True
    if child.dep_ != "prep" or child.lower_ not in _SETTING_PREPS:
        return False
    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return pobj is not None and (child.lower_ in ("at", "during", "before", "after", "since")
                                 or pobj.ent_type_ in ("DATE", "TIME") or in_medium(child))


def in_medium(prep: Token) -> bool:
    """"in a tweet", "in an interview", "on Twitter": the medium the words came out in."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (prep.dep_ == "prep" and prep.lower_ in ("in", "on", "during", "via", "through")
            and pobj is not None and pobj.lemma_.lower() in MEDIA)


def time_after(verb: Token, end: int) -> int:
    """The last token of a time right after the cue ("called Wednesday", "called on Wednesday"),
    or `end` when there is none."""
    doc = verb.doc
    i = end + 1
    if i < len(doc) and doc[i].dep_ == "prep" and doc[i].head.i == verb.i and doc[i].lower_ in ("on", "at"):
        i += 1
    last = end
    while i < len(doc) and doc[i].ent_type_ in ("DATE", "TIME") and not doc[i].is_punct:
        last = i
        i += 1
    return last
