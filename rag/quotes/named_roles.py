"""Descriptions that carry their person's name: "her spokesman Brian Fallon", "a blogger known
as Pluto". The person named is the speaker."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import ORG_NOUNS, OUTLET_NOUNS, SPEAKER_NOUNS
from .mention import Mention
from .name_forms import capitalised, entity_at, name_part, strip_det
from .phrases import right_edge


def named_role(tok: Token, left: int) -> Mention | None:
    """"Her spokesman Brian Fallon", "the chairman, Chad Sweet,": the parser heads the phrase by
    the role and hangs the person on it as an apposition; the person is the speaker."""
    # A capitalised role counts too, with the of-phrase it heads ("UMWA Director of Government
    # Affairs Phil Smith"): the person comes after it.
    # Any capitalised title runs straight into the name it stands before ("Palm Beach County
    # Supervisor of Elections Susan Bucher"); a comma would part a firm from its person.
    titled = tok.pos_ != "NOUN" and tok.lower_ not in SPEAKER_NOUNS
    if titled and (tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON"):
        return None
    end = right_edge(tok)
    reach = end + 4
    # "The Israeli newspaper Haaretz": a firm named after its kind is the firm.
    kinds = ("PERSON", "ORG") if tok.lemma_.lower() in ORG_NOUNS | OUTLET_NOUNS else ("PERSON",)
    person = next((c for c in tok.rights if c.dep_ == "appos" and c.ent_type_ in kinds
                   and c.pos_ == "PROPN" and c.i <= reach), None)
    if person is None or titled and (person.ent_type_ != "PERSON" or person.left_edge.i != end + 1):
        return None
    ent = entity_at(person)
    if ent is None:
        return None
    doc = tok.doc
    _, name = name_part(ent, ent)
    if not name:
        return None
    role = strip_det(doc[left: tok.i + 1].text)
    span = doc[left: ent.end]
    return Mention(span.start_char, span.end_char, span.text, "name", name=name,
                   description=role or None, label="person" if ent.label_ == "PERSON" else "org")


_NAMING_VERBS = {"name", "know", "call", "dub", "go", "nickname"}


def known_as(tok: Token, left: int) -> Mention | None:
    """"a blogger known as Pluto", "a man named John Smith", "a user going by the handle
    Pulvermann": the description carries the name its person goes by."""
    if tok.pos_ != "NOUN":
        return None
    naming = next((c for c in tok.rights if c.dep_ == "acl" and c.lemma_.lower() in _NAMING_VERBS
                   and c.i <= tok.i + 3), None)
    if naming is None or naming.lemma_.lower() == "go" and not any(
            c.lower_ == "by" for c in naming.children):
        return None  # "a man going to Washington" goes by no name
    names = [t for t in naming.subtree if t.pos_ == "PROPN" and capitalised(t) and t.i > naming.i
             and t.dep_ != "compound" or t.i > naming.i and t.ent_type_ == "PERSON"]
    if not names:
        return None
    ent = entity_at(names[0])
    name = ent if ent is not None and ent.label_ == "PERSON" else names[0]
    doc = tok.doc
    span = doc[left: name.end if isinstance(name, Span) else name.i + 1]
    _, text = name_part(name, None) if isinstance(name, Span) else (0, name.text)
    if not text:
        return None
    return Mention(span.start_char, span.end_char, span.text, "name", name=text,
                   description=strip_det(doc[left: tok.i + 1].text) or None, label="person")
