"""How far a speech tag beside a quotation reaches: which quotation, and which of the words
around it, a tag speaks when a sentence holds a report, a quotation and a tag together."""

from __future__ import annotations

from spacy.tokens import Token

from .governing import is_cue
from .marks import QuotedSpan, closing_right_before, in_quotation
from .mentions import speaker_of
from .tags import touching_tag

_ASIDES = {"relcl", "acl", "advcl"}


def tag_above(cue: Token, window: set[Token], quoted) -> Token:
    """'"Certainly," said the Warden, who agreed to all that Hetty said; "the view is fine"': a
    speech verb in an aside on the tag between two quotations, and not over the second ('said
    Tom, calling him "my partner"'), is not its tag; the tag it hangs on is. A reported clause
    ("said that his wife told him:") is not an aside."""
    top, aside = cue, False
    for up in [cue, *cue.ancestors]:
        if up.dep_ == "ccomp" or up not in window:
            break
        aside = aside or up.dep_ in _ASIDES
        if up is not cue and aside and is_cue(up) and speaker_of(up, quoted) is not None:
            top = up
    return top


def tags_quotation_after_clause(tok: Token, ccomp: Token | None, spans: list[QuotedSpan]) -> bool:
    """'Lind stressed the need for drive: "Change the world," she said': the parser hangs the
    clause before the quotation on the tag after it; the tag speaks the quotation, not that clause."""
    if ccomp is None or ccomp.i > tok.i:
        return False
    subject = next((c for c in tok.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < ccomp.i:
        return False
    first, text = tok.doc[subject.left_edge.i], tok.doc.text
    return any(ccomp.right_edge.idx < s.outer_start for s in closing_right_before(text, spans, first.idx))


def colon_before_tagged_quotation(tok: Token, spans: list[QuotedSpan]) -> Token | None:
    """The colon after the cue's object that opens a quotation with a tag of its own ("Lind
    declared the need for drive: 'Change the rules,' she said"): two reports, the cue's ending at
    the colon. The parser hangs the quotation on the cue all the same."""
    colon = next((c for c in tok.rights if c.text == ":" and c.dep_ == "punct"), None)
    if colon is None or not any(c.dep_ == "dobj" and c.i < colon.i for c in tok.children):
        return None
    text = tok.doc.text
    qs = next((s for s in spans if s.outer_start >= colon.idx + 1
               and not text[colon.idx + 1: s.outer_start].strip()), None)
    return colon if qs is not None and touching_tag(tok.doc, qs, spans) is not None else None


def tags_quotation(tok: Token, spans: list[QuotedSpan]) -> bool:
    """Whether the phrase of `tok` opens right after a quotation that opens its sentence (a
    quotation after words of the writer's, 'The plan "will fail," he said', is mixed speech).
    The parser may hang the quoted clause on the tag: the phrase opens at its first word outside
    that clause ('"A. I have been to see her," said X'), unless the writer's words run on after
    the quotation ('"A" if she lost, he said' is mixed speech)."""
    hung = {t.i for c in tok.children if c.dep_ in ("ccomp", "xcomp") and in_quotation(spans, c.idx)
            for t in c.subtree}
    first = next((t for t in tok.subtree if not t.is_punct and not in_quotation(spans, t.idx)
                  and t.i not in hung), tok)
    text, opening = tok.doc.text, tok.sent.start_char
    return any(not text[opening: s.outer_start].strip() for s in closing_right_before(text, spans, first.idx))
