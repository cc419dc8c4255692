"""Speech tags of fiction that use no speech verb: '"Oh!" sighed Lucy', 'Lucy turned: "Go."'.

Novels tag a quotation with whatever the speaker does ("laughed", "put in", "turned"). Such a
tag is only trusted when it touches the quotation: right after it in the same sentence, or
right before it ending in a colon or comma.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .marks import QuotedSpan
from .mentions import Mention, inverted_subject, mention_for, speaker_of

_SKIP = {"ADV", "PUNCT"}
_CLOSERS = (",", "!", "?", "\u2014", "-", "--")


def tag_after(after: list[Token], quote_text: str,
              quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'"...," laughed Miss Harlow' / '"...!" Lucy sighed': a verb within three words of the
    closing mark whose subject (or inverted subject) is a speaker.

    After a full stop the next words start a new sentence, not a tag, unless lower-case
    ('"Go." she said' is a common typo in old texts).
    """
    words = [t for t in after[:4] if not t.is_space]
    if not words:
        return None
    if not quote_text.rstrip(" \n\"\u201d").endswith(_CLOSERS) and not words[0].is_lower:
        return None
    for n, tok in enumerate(words):
        if tok.is_punct and tok.text not in ("\u2014", "-", "--"):
            return None
        if tok.pos_ == "VERB":
            mention = speaker_of(tok, quoted)
            if mention is None and all(w.pos_ in _SKIP for w in words[:n]):
                mention = inverted_subject(tok, quoted)  # "murmured Lucy", Lucy parsed as object
            return (tok, mention) if mention is not None and mention.start >= after[0].idx else None
    return None


def tag_before(before: list[Token], quoted: Callable[[int], bool]) -> tuple[Token, Mention] | None:
    """'Lucy turned to her cousin: "..."': the main verb of a clause that ends in a colon
    (or comma) right at the opening mark, with a speaker as its subject."""
    if not before or before[-1].text not in (":", ","):
        return None
    root = before[-1].sent.root if before[-1].head.i == before[-1].i else before[-1].head
    while root.pos_ not in ("VERB", "AUX") and root.head.i != root.i:
        root = root.head
    if root.pos_ != "VERB" or root.i < before[0].i:
        return None
    mention = speaker_of(root, quoted)
    return (root, mention) if mention is not None else None


def narration_actor(doc: Doc, spans: list[QuotedSpan]) -> Mention | None:
    """The person a paragraph's narration is about, for its untagged quotations:
    'Lucy turned from the window. "Come here."' The subject nearest before the first
    quotation, else the first one after the last quotation; names and he/she only."""
    if not spans:
        return None
    first, last = spans[0].outer_start, spans[-1].outer_end

    def quoted(i: int) -> bool:
        return any(s.outer_start <= i < s.outer_end for s in spans)

    before = [t for t in doc if t.idx < first and _actor(t)]
    after = [t for t in doc if t.idx >= last and _actor(t) and not quoted(t.idx)]
    for tok in (before[-1:] or after[:1]):
        mention = mention_for(tok)
        if mention is not None and (mention.kind == "name" or mention.text.lower() in ("he", "she")):
            return mention
    return None


def _actor(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and (
        tok.lower_ in ("he", "she") or tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN")


def introducer(doc: Doc) -> Mention | None:
    """The speaker of a paragraph that ends by introducing the next one's quotation:
    'Kitty laughed, and said,' / 'Mr. Fairley, drawing near her, said to her--'."""
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not words or not doc.text.rstrip().endswith((":", ",", "-", "\u2014")):
        return None
    verb = words[-1]
    for _ in range(3):  # "said to her": up from the object to the verb
        if verb.pos_ == "VERB":
            return speaker_of(verb)
        verb = verb.head
    return None
