"""Word lists the spaCy model already carries, put on its vocab so that any parsed Doc can
reach them: the lemmatizer's index of words it knows only as adverbs ("hitherto", "presently").
A sentence-opening "Hitherto Gino had said nothing" is tagged as one name; the list tells the
adverb off without a hand-written list."""

from __future__ import annotations

from collections.abc import Container

from spacy.language import Language
from spacy.vocab import Vocab

_ADVERBS = "whosaid_adverbs"


def add_adverbs(nlp: Language) -> None:
    """Stores, on `nlp`'s vocab, the words its lemmatizer lists as adverbs and never as nouns."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    only = set(index.get("adv", ())) - set(index.get("noun", ()))
    if not nlp.vocab.lookups.has_table(_ADVERBS):
        nlp.vocab.lookups.add_table(_ADVERBS, {word: True for word in only})


def adverbs(vocab: Vocab) -> Container[str]:
    """The adverb-only words `add_adverbs` stored (none for a pipeline without them)."""
    lookups = vocab.lookups
    return lookups.get_table(_ADVERBS) if lookups.has_table(_ADVERBS) else frozenset()
