"""Labels that say whose a quotation is without a tag: a name and a colon before it ('Bush: "The
mission is ..."', as news and transcripts print them), or the sentence after it ('That quote from
Thomas Krebs appeared ...')."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .mentions import Mention, mention_for
from .name_forms import spaced_dash


def speaker_label(before: list[Token]) -> Mention | None:
    """'Clinton: "Our goal is ..." Bush: "The mission is ..."', 'Rep. Trey Gowdy (R-S.C.): "..."':
    a name (with its role, not a clause) and a colon or dash, alone between a sentence's end or
    the quotation before and the quotation (`before`: the tokens in between), says who."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text not in _LABEL_MARKS:
        return None
    # A dash before a colon label ends the lead-in like a full stop: "... for Republican
    # contests - Philip Bump: "..."" is labelled by Philip Bump alone.
    colon = words[-1].text == ":"
    last_stop = max((i for i, t in enumerate(words[:-1])
                     if t.text in (".", "!", "?") or (colon and spaced_dash(t))), default=-1)
    label = words[last_stop + 1: -1]
    if label and label[-1].text == ")" and "(" in [t.text for t in label]:
        label = label[: max(i for i, t in enumerate(label) if t.text == "(")]
    if not 0 < len(label) <= 10 or any(t.pos_ in ("VERB", "AUX") for t in label) or label[0].pos_ == "ADP":
        return None  # a clause ("the sign read:") or a setting ("In Des Moines, Iowa:")
    name = label[-1]
    # After a dash the tagger may read a name of capitalised words as nouns ("- Pew Research:").
    named = name.pos_ == "PROPN" or name.ent_type_ == "PERSON" or (
        last_stop >= 0 and spaced_dash(words[last_stop]) and len(label) > 1
        and all(t.is_title for t in label))
    if not (named and name.text[:1].isupper()) \
            or name.ent_type_ in ("GPE", "LOC", "DATE", "TIME") or name.dep_ == "pobj":
        return None  # "... later that month on CNN:" says where, "Spokesman for Clinton:" not Clinton
    return mention_for(name, trusted=True)


_LABEL_MARKS = {":", "-", "\u2013", "\u2014"}


def quote_owned_after(after: list[Token], quoted: Callable[[int], bool]) -> Mention | None:
    """'"I'd rather have a sister in a whorehouse ..." That quote from Thomas Krebs appeared
    ...': the sentence after an untagged quotation names whose words they were (`after`: the
    tokens from the closing mark to the next quotation)."""
    words = [t for t in after if not t.is_space]
    if len(words) < 4 or words[0].lower_ not in ("that", "this", "the", "those", "these"):
        return None
    noun = words[1]
    if noun.lemma_.lower() not in _QUOTE_NOUNS:
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
    who = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if who is None or quoted(who.idx):
        return None
    return mention_for(who, trusted=True)


#: Words for the words just quoted: "That quote from X", "The remark by X".
_QUOTE_NOUNS = {"quote", "quotation", "remark", "comment", "line", "statement", "word", "sentiment",
                "assessment", "observation", "warning", "tweet", "claim"}
