"""A quotation that fills a paragraph of its own, untagged, right after a tagged one.

News runs a long statement over several paragraphs and tags only one of them:

    "I won't just talk like a conservative," Ruiz said Friday.
    "I have a record on these issues, and I will keep it."

The second paragraph is still Ruiz. Dialogue in novels would rather hand such a line to the other
party; that case is settled before this pass (turn-taking), so mostly lines still without a speaker
come here. In an article (a text with few quotations) a statement after a tagged one is taken
back from turn-taking when it is long (an interview's answer runs on, it does not return to the
asker), opens with an ellipsis, or was handed to someone the article has not quoted yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..types import Paragraph, Quote
from .dialogue import addressed, calls
from .turns import GUESS_CONFIDENCE

#: Share of a paragraph's text the quotation must cover to be "a paragraph of its own".
_OWN_PARAGRAPH = 0.8
#: Words from which an untagged paragraph-long quotation is a statement run on, not a reply.
_LONG_WORDS = 60
#: Paragraphs with quotations from which a text is dialogue (a novel, a play): news articles
#: run to a few dozen (38 at most over 400 PolNeAR articles), novels to hundreds.
_DIALOGUE_TEXT = 100
#: Paragraphs one tag may carry on, counting the tagged one.
_MAX_RUN = 4


def continue_voice(quotes: list[Quote], paragraphs: list[Paragraph],
                   said_to: Callable[[str], set[str]] = addressed) -> list[Quote]:
    """Gives each untagged, paragraph-long quotation the voice of the paragraph just before it,
    when that paragraph ends with a quotation whose speaker is known and that it does not call
    by name (`said_to`: the names a quotation calls out)."""
    by_para: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(i)
    out = list(quotes)
    order = [p for p in paragraphs if not p.noise]
    article = len({q.paragraph for q in quotes if q.kind == "direct"}) < _DIALOGUE_TEXT
    run, voiced, taken = 0, set(), False
    for prev, para in _steps(order, by_para, article):
        before = [out[i] for i in by_para.get(prev.ordinal, []) if out[i].kind in ("direct", "mixed")]
        voiced |= {q.speaker for q in before if q.kind == "direct" and q.confidence > GUESS_CONFIDENCE}
        here = [i for i in by_para.get(para.ordinal, []) if out[i].kind == "direct"]
        last = before[-1] if before else None
        if last is None or last.speaker is None or not here or not own_paragraph(para, [out[i] for i in here]):
            run, taken = 0, False
            continue
        # A paragraph that ends quoting someone inside its own sentence ('Massie said Trump had
        # "the opportunity ..."') is news, not a dialogue turn: it outranks a turn-taking guess.
        # So is a long statement in an article: news runs a speech on over paragraphs and tags
        # the first. So is a short one after a tagged statement (or one run on from it) that
        # opens with an ellipsis, words cut from the same speech, or that turn-taking would hand
        # to someone never yet quoted, a person only named in the narration: in a novel a reply
        # goes to the other party of the talk, but an article quotes one source at a time.
        run_on = article and (last.cue is not None or taken) and (
            _resumed(out[here[0]].text) or all(out[i].speaker not in voiced for i in here))
        guessed = (last.kind == "mixed" and last.cue is not None or article and _long(para) or run_on) and all(
            out[i].confidence <= GUESS_CONFIDENCE for i in here)
        if any(out[i].speaker is not None for i in here) and not guessed:
            run, taken = 0, False
            continue
        run = run + 1 if last.cue is None else 1
        # '"Miss Honeychurch, you do sound tired."' after Lucy spoke is not hers.
        if run >= _MAX_RUN or any(calls(last.speaker, said_to(out[i].text))
                                  for i in here):
            taken = False
            continue
        for i in here:
            out[i] = replace(out[i], speaker=last.speaker, mention=None, mention_span=None,
                             confidence=0.5)
        taken = True
    return out


def _steps(order: list[Paragraph], by_para: dict[int, list[int]], article: bool):
    """Pairs of paragraphs, each with the one before it, looking past a stage direction between
    two of one speaker's lines ("She pauses." or "Pause." in a reported phone call)."""
    prev, asides = None, 0
    for para in order:
        if article and prev is not None and para.ordinal not in by_para and _aside(para.text) \
                and asides < _MAX_ASIDES:
            asides += 1
            continue
        if prev is not None:
            yield prev, para
        prev, asides = para, 0


#: Stage directions one speaker's lines may be carried over.
_MAX_ASIDES = 2
_ASIDE_WORDS = 8
_ASIDE_SUBJECTS = {"he", "she", "they"}


def _aside(text: str) -> bool:
    """A few words that name nobody: the speaker's own pause or gesture, told by pronoun."""
    words = text.split()
    if not words or len(words) > _ASIDE_WORDS:
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        first, *rest = sentence.split() or [""]
        if any(w[:1].isupper() or w[:1].isdigit() for w in rest):
            return False  # a name, or a number: news, not a gesture
        if rest and first.lower() not in _ASIDE_SUBJECTS:
            return False  # someone or something else acts
    return True


def _resumed(text: str) -> bool:
    """Whether quoted words open with an ellipsis: "... they still go on with it"."""
    return text.lstrip().startswith(("\u2026", "..."))


def _long(para: Paragraph) -> bool:
    return len(para.text.split()) >= _LONG_WORDS


def own_paragraph(para: Paragraph, quotes: list[Quote]) -> bool:
    """The quotes fill the paragraph (most of it, from its start): a statement of its own."""
    text = para.text.strip()
    covered = sum(q.end - q.start for q in quotes)
    lead = len(para.text) - len(para.text.lstrip(" \u00a0\"\u201c\u2018'"))
    return bool(text) and quotes[0].start <= lead + 1 and covered >= _OWN_PARAGRAPH * len(text)
