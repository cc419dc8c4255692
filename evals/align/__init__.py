"""Aligning predicted attributions with gold ones, and the attribution metrics. Plain functions.

Modules: ``predictions`` (rag quotes -> predictions, pieces merged), ``spans`` (span arithmetic,
exact-match text), ``matching`` (the one-to-one alignment), ``names`` (source and speaker
rules), ``metrics`` (judging pairs, summaries), ``errors`` (error cases for analysis).

Rules (the attribution eval reports by these; tests pin them down):

* Spans are document offsets; a gold content with several pieces is the union of its pieces.
  White space at the edges of every piece is trimmed before measuring.
* Predicted pieces: the extractor may return one attribution in pieces (``"A," he said, "B."``
  -> two quotes, the second a "continuation" without cue or mention span). Before alignment,
  consecutive predictions of one paragraph with the same speaker (not None) are merged into
  one prediction whose content is the union of the pieces when the later one has the same
  non-empty cue span or is such a continuation (``merge_pieces``). Both corpora annotate these
  as one item (PolNeAR ``Content`` + ``Content2``, PDNC one quotation with several spans).
  A continuation joins the last group that is not indirect speech, since it continues a
  quotation (``"A," X said, referring to Y. "B."``: A + B, not "Y" + B), and only a group
  with a cue span: ``"A." He waved a hand. "B."``, with no tag between, is two quotations
  (PDNC annotates it so).
  ``--no-merge`` scores the pieces as they come.
* A tag inside a predicted content: a rag quote is one slice of its paragraph, so "The plan, he
  says, will fail" keeps its tag, where both corpora leave it out (PolNeAR marks the content in
  two pieces around it). When a reported (not direct) prediction's own cue lies strictly inside its content, the cue
  and its mention (when inside too) are cut out, with the commas or dashes that set them off
  and, after such a comma, the rest of the tag up to the next one ("the partner told them,"),
  if words remain on both sides (``without_own_tag``).
* Alignment is one to one: candidate pairs are gold/pred pairs sharing at least one
  character; within each connected group of overlapping items the assignment maximises
  (number of pairs with ratio >= 0.5, then the summed ratio), Hungarian via scipy, where
  ratio = |chars in both| / |chars in either|.
* A pair is *matched* when ratio >= 0.5 (``MATCH_RATIO``). ``content_*_overlap`` counts matched
  pairs; ``content_*_exact`` counts aligned pairs whose texts are equal after ``norm_content``
  per piece (rag.text.normalize: NFKC, straight quotes, folded spaces, case-folded; then
  surrounding quote marks and trailing punctuation stripped, repeatedly), pieces joined by one
  space, on both sides: gold ``"A," "B."`` equals a merged prediction ``A`` + ``B``.
* Cue, source and speaker are judged on matched pairs only; precision divides by all
  predictions, recall by all gold items. A cue is right when the predicted cue span shares a
  character with the gold cue (``cue_*``); ``cue_*_strict`` asks for ratio >= 0.5.
* Source (PolNeAR), right when any of:
  1. gold has no Source (``Attribution-no-source``) and the prediction has no speaker and no mention;
  2. the predicted mention span shares a character with the gold Source span;
  3. the gold source names someone and the predicted speaker (or mention) matches that name:
     the gold name's last name token (its "surname") is among the predicted name's tokens,
     and their other name tokens do not conflict (both non-empty and disjoint = conflict, so
     "Bill Clinton" is not "Hillary Clinton"). A gold source "names someone" when it has
     capitalised tokens beyond titles and function words ("Spokeswoman Haley Morris" ->
     Haley Morris; "O'Malley's campaign" -> O'Malley). A pronoun source ("He", "they") takes
     the name of the nearest preceding gold source in the article that names someone (no
     gender or number check); a description without a name ("officials") has no name and is
     right only by span overlap.
  4. a relative-pronoun source ("who", "which", "that") stands for the phrase right before it:
     its name is that phrase's capitalised run ("Sen. Bernie Sanders, who" -> Bernie Sanders,
     "critics, who" -> none), and a predicted mention ending where that phrase ends is right.
* Speaker (PDNC): the predicted canonical speaker (its mention only when it has no speaker)
  resolves to the gold character when it
  equals, case-folded, the character's main name or one of its aliases; otherwise when its
  name tokens (titles and words like "this" dropped) are exactly those of one name of exactly
  one character ("this Alice" -> Alice, not "Alice's Sister"); otherwise when they all occur
  in exactly one character's names, or failing that one of them occurs in exactly one
  character's names.
"""

from __future__ import annotations

from .errors import error_records
from .matching import MATCH_RATIO, align
from .metrics import DocScore, Judgment, evaluate, prf, score_document, summarize
from .names import (
    PRONOUNS,
    TITLES,
    CharacterResolver,
    gold_source_names,
    is_pronoun,
    name_tokens,
    names_match,
    source_correct,
)
from .predictions import PredAttribution, merge_pieces, predictions_from_quotes
from .spans import intersection, norm_content, norm_spans, overlap_ratio, overlaps, span_length, trim_spans

__all__ = [
    "MATCH_RATIO",
    "PRONOUNS",
    "TITLES",
    "CharacterResolver",
    "DocScore",
    "Judgment",
    "PredAttribution",
    "align",
    "error_records",
    "evaluate",
    "gold_source_names",
    "intersection",
    "is_pronoun",
    "merge_pieces",
    "name_tokens",
    "names_match",
    "norm_content",
    "norm_spans",
    "overlap_ratio",
    "overlaps",
    "predictions_from_quotes",
    "prf",
    "score_document",
    "source_correct",
    "span_length",
    "summarize",
    "trim_spans",
]
