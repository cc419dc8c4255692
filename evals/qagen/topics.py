"""Topic words for ``what_said`` questions: the nouns of what a speaker said."""

from __future__ import annotations

import re

from .lexicon import PRONOUNS, STOPWORDS
from .speakers import Speaker

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
