"""Rules over one paragraph's spaCy parse: which words are attributed, by which cue, to which mention.

The output is per paragraph and unresolved: a pronoun is still "he". `speakers.py` resolves
mentions across the document.
"""

from __future__ import annotations

from functools import partial

from spacy.tokens import Doc, Token

from .askers import asked_clause, done_to_subject, question_put
from .clauses import (asked_participle, aspectual, clause_behind_setting, clause_start, cue_chars,
                      fronted_clause, manner_participle, opening_report, passive_aside, run_of_clauses,
                      sources_that, split_question, timed_report, when_said)
from .coordination import coordinated_report
from .cues import CueCandidate, cue_preposition, load_cue_model, of_belief
from .embeds import embedded_posts
from .governing import governing_cue, has_clause, is_cue, lead_in, name_opening, repeats_its_report
from .hedges import writer_hedge
from .inner_tags import around_tag, condition_before_tag, doing_after_tag, inverted_inner_tag, tag_read_as_apposition
from .labels import quote_owned_after, speaker_label
from .lexicon import CUES, HEARSAY, SPEECH_CUES
from .marks import (QuotedSpan, bylined_title, in_quotation, is_term, owned_title,
                    program_title, quoted_spans)
from .mentions import mention_for, name_mention, noun_read_as_adjective, speaker_of
from .misparsed import inverted_tag_read_as_report, named_in_apposition, title_read_as_verb
from .nominal import nominal_report
from .parentheses import within_parentheses
from .raw import RawQuote, make_raw
from .settings import in_medium, is_setting
from .tag_reach import colon_before_tagged_quotation, tag_above, tags_quotation, tags_quotation_after_clause
from .tags import opens_next_quotation, said_before, tag_after, tag_before
from .transcript import transcript_turn
from .windows import from_sentence_start, relative_clause_before, sentence_without, until_sentence_end


def paragraph_quotes(doc: Doc, spans: list[QuotedSpan] | None = None) -> list[RawQuote]:
    """Every attribution in a parsed paragraph, in text order (`spans`: its quotations, if known)."""
    spans = quoted_spans(doc.text) if spans is None else spans
    found: list[RawQuote] = []
    covered: list[tuple[int, int]] = []
    if (turn := transcript_turn(doc)) is not None:
        mention, start = turn
        end = len(doc.text.rstrip())
        colon = doc.text.rfind(":", 0, start)  # the label's mark is its cue, as annotators mark it
        found.append(RawQuote(start, end, "direct", "label", mention, (colon, colon + 1), None, 0.85))
        covered.append((0, end))
    for start, end, signed, mention in embedded_posts(doc.text):
        found.append(RawQuote(start, end, "direct", "label", mention, None, None, 0.85))
        covered.append((start, signed))

    for tok in doc:
        # Nested reports ("X said Y claimed Z") are not read: trying them on train-tune moved
        # exact F1 up 0.5 and source F1 down 0.2, noise either way.
        if in_quotation(spans, tok.idx) or any(a <= tok.idx < b for a, b in covered):
            continue
        raw = (_inverted(tok, spans) or _apposed(tok, spans) or _asked(tok, spans) or _hedged(tok, spans)
               or _learned(tok, spans) or _reported(tok, spans) or _nominal(tok, spans))
        if raw is None:
            continue
        found.append(raw)
        covered.append((raw.start, raw.end))
        if raw.cue_span is not None:
            covered.append(raw.cue_span)  # "declined to discuss X": "discuss" is not a cue again

    reports = list(found)  # the reported speech read above, before any quotation is added
    last: RawQuote | None = None  # the latest direct quotation with a speaker
    for qs in spans:
        if any(a <= qs.start and qs.end <= b for a, b in covered):
            continue
        raw = _direct(doc, qs, spans)
        if (raw.how == "none" and is_term(doc.text, qs)) or owned_title(doc.text, qs) \
                or program_title(doc.text, qs) or bylined_title(doc.text, qs):
            continue
        # 'Obama "felt ..." climate change, Axelrod said. "This is core stuff for him."': an
        # untagged quotation goes on in the voice of the report just before it, unless a
        # quotation with its own tag came first (dialogue goes on in that voice). A report of
        # what someone felt gives no voice ('He felt that his wife was watching him. "Did
        # you mind?"').
        before = last or max((r for r in reports if r.end <= qs.start and r.mention is not None
                              and not of_belief(doc, r.cue_span)), key=lambda r: r.end, default=None)
        if raw.how == "none" and before is not None:
            raw = RawQuote(qs.start, qs.end, "direct", "continuation", before.mention, before.cue_span,
                           confidence=0.75, open_end=qs.open_end)
        if raw.mention is not None:
            last = raw
        found.append(raw)
    return sorted(found, key=lambda r: r.start)


def _reported(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    """Indirect or mixed speech headed by `tok`: "X said that ...", "..., said X", "according to X"."""
    doc = tok.doc
    sent = tok.sent
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        mention = (mention_for(pobj, trusted=True) or noun_read_as_adjective(pobj)) if pobj is not None else None
        if mention is None or sources_that(tok):
            return None
        phrase = (tok.i, max(pobj.right_edge.i, tok.i + 1))
        scope = within_parentheses(sent, tok.i)
        # "(according to X)" alone sources the sentence around it.
        content = relative_clause_before(tok) or sentence_without(scope, phrase) or sentence_without(
            sent, (scope.start - 1, scope.end))
        return make_raw(doc, content, spans, "according", mention, (tok.idx, doc[tok.i + 1].idx + 2),
                        None, 0.8)
    if not is_cue(tok):
        return None
    # A clause complement; the parser may head one by a noun ("questioned whether the server ...").
    # A clause after the verb first: one before it is a statement of its own unless nothing
    # follows ("Few would admit this, but Murphy (...) says he was adrift").
    colon = colon_before_tagged_quotation(tok, spans)
    ccomp = next((c for c in sorted(tok.children, key=lambda c: c.i < tok.i)
                  if c.dep_ in ("ccomp", "xcomp") and not (aspectual(tok, c) or manner_participle(c)
                                                           or title_read_as_verb(c))
                  and (colon is None or c.i < colon.i) and (
                      c.pos_ in ("VERB", "AUX") or any(m.dep_ == "mark" for m in c.children))
                  and not (c.i < tok.i and timed_report(c))), None)
    behind = clause_behind_setting(tok) if ccomp is None else None
    ccomp = ccomp or behind or asked_clause(tok)
    if repeats_its_report(tok, ccomp) or inverted_tag_read_as_report(tok, ccomp, spans) \
            or tags_quotation_after_clause(tok, ccomp, spans):
        return None
    if ccomp is not None and in_quotation(spans, ccomp.idx) and tags_quotation(tok, spans):
        return None  # '"A," said Mr. Bumble, squeezing his hat, "B."': B is the quotation's second half
    # With a clause as complement ("X said that ..."), any noun subject is a source.
    opened = opening_report(tok) if ccomp is None else None
    asked = split_question(tok) if ccomp is None else None
    mention = speaker_of(tok, partial(in_quotation, spans), loose=ccomp is not None or opened is not None
                         or asked is not None or tok.dep_ == "parataxis")
    if mention is None:
        return None
    cue = cue_chars(tok)
    if (tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)
            and tok.left_edge.i > sent.start and doc[tok.left_edge.i - 1].text == ","):
        # "The campaign, first reported by The Washington Post, is a key element of ...": what
        # the sentence says around the aside is the reporter's.
        content = sentence_without(sent, (tok.left_edge.i - 1, tok.right_edge.i))
        return make_raw(doc, content, spans, "as_cue", mention, cue, when_said(tok), 0.7)
    if opened is not None:
        return make_raw(doc, (tok.right_edge.i + 2, opened.right_edge.i), spans, "cue", mention, cue,
                        when_said(tok), 0.8)
    # "..., as noted by X" / "The plan, he says, will fail": the clause the cue hangs on.
    if tok.dep_ == "parataxis" or (
            tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)):
        if tok.lemma_.lower() in ("know", "call") and any(c.dep_ == "auxpass" for c in tok.children):
            return None  # "Grandpa Bern, as he's known by his grandchildren, ...": a name, not a report
        if tok.dep_ == "advcl" and (tok.lemma_.lower() in _WHILE_TALKING or any(
                c.dep_ == "dobj" for c in tok.children)):
            return None  # "as she spoke", "As Mrs. Sowerberry said this, she gave a laugh": a time
        if tok.dep_ == "parataxis" and tags_quotation(tok, spans):
            return None  # '"...," Trump said, after ...': the quotation's tag; the rest is not his
        # "A, and as Comey noted, B": hung on the second of two clauses, it sources that one only.
        own = doc[tok.head.left_edge.i: tok.head.right_edge.i + 1] if tok.head.dep_ == "conj" else sent
        content = sentence_without(own, (tok.left_edge.i, tok.right_edge.i))
        tag = None
        if doing_after_tag(tok) and tok.left_edge.i > sent.start:
            # "Sales were great, he said, wiping sweat off his face": what he did, not said.
            content = (sent.start, tok.left_edge.i - 1)
        elif tok.dep_ == "parataxis" and (whole := around_tag(own, tok)) is not None:
            # "The plan, he says, will fail": the words on both sides are what he says; the
            # quote keeps the tag between them, since a quote is one slice of its paragraph.
            content, tag = whole, (doc[tok.left_edge.i].idx, tok.right_edge.idx + len(tok.right_edge))
        return make_raw(doc, content, spans, "as_cue", mention, cue, when_said(tok), 0.8, tag)
    if (fronted := fronted_clause(tok)) is not None:
        content = fronted
    elif asked is not None:
        content = asked
    elif behind is not None:
        # What the parser hung back on the verb ("... about 10:30 p.m.") ends the clause too.
        content = (behind.left_edge.i, max(behind.right_edge.i, tok.right_edge.i))
    elif ccomp is not None:
        # The complementizer belongs to the content ("that the budget ..."), as annotators mark it.
        start = clause_start(tok, ccomp)
        if start < tok.i < ccomp.i:
            # "a surge, which Democrats say could be aiding Sanders": the relative word sits
            # before the cue; what was said is the rest of the clause, after it.
            start = min(t.i for t in ccomp.subtree if t.i > tok.i)
        content = (start, run_of_clauses(tok, ccomp))
        if (cc := coordinated_report(ccomp, tok, CUES)) is not None:
            content = (start, cc.i - 1)
        if not in_quotation(spans, ccomp.idx) and (condition := condition_before_tag(tok, ccomp)) is not None:
            subject = next(c for c in tok.lefts if c.dep_ == "nsubj")
            tag = (doc[subject.left_edge.i].idx, tok.idx + len(tok))
            return make_raw(doc, (condition.i, content[1]), spans, "cue", mention, cue, when_said(tok), 0.8, tag)
    elif (obj := next((c for c in tok.rights if c.dep_ in ("dobj", "attr", "oprd", "dative")), None)) is not None:
        if aspectual(tok, obj):
            return None  # "continued their search", "began his career": what was done, not said
        # The object and what the cue takes with it ("calling her [the champion]"), not the
        # rest of the sentence.
        end = max(c.right_edge.i for c in tok.rights if c.i >= obj.i and c.dep_ in _TAKEN_DEPS
                  and (colon is None or c.i < colon.i))
        # Short of when and where it was said ("... at a rally").
        setting = [c.left_edge.i for c in tok.rights if c.i > obj.right_edge.i and is_setting(c)]
        # "praised [his record] in an interview": the parser may hang the medium on the object.
        setting += [t.i for t in obj.subtree if t.i > obj.i and in_medium(t)]
        content = (obj.left_edge.i, min(setting) - 1 if setting else end)
    elif (prep := cue_preposition(tok)) is not None:
        # "called for X", "talked about X": the preposition is part of the cue.
        pobj = next(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
        content = (pobj.left_edge.i, pobj.right_edge.i)
        cue = (cue[0], prep.idx + len(prep))
    else:
        return None
    return make_raw(doc, content, spans, "cue", mention, cue, when_said(tok), 0.8)


# Verbs of talking that report no words: "as she spoke" says when, never "as she noted".
_WHILE_TALKING = frozenset({"speak", "talk", "chat", "converse"})


_TAKEN_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "ccomp", "xcomp"})


def _inverted(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    """"The plan, said Michael Kofman, an expert on Russia, would fail": see inverted_inner_tag."""
    if not is_cue(tok) or (inverted := inverted_inner_tag(tok)) is None:
        return None
    name, content, tag_end = inverted
    tag = (tok.idx, tag_end.idx + len(tag_end))
    return make_raw(tok.doc, content, spans, "as_cue", mention_for(name, trusted=True), cue_chars(tok),
                    when_said(tok), 0.8, tag)


def _apposed(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    """"Democrats, Frank notes, applaud ...": see tag_read_as_apposition."""
    if (found := tag_read_as_apposition(tok)) is None:
        return None
    name, content = found
    tag = (name.start_char, tok.idx + len(tok))
    return make_raw(tok.doc, content, spans, "as_cue", name_mention(name, label="person"),
                    (tok.idx, tok.idx + len(tok)), None, 0.75, tag)


def _asked(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    """"Asked by Starnes if he believed ...": the question is the asker's."""
    if (put := question_put(tok)) is None or (mention := mention_for(put[0], trusted=True)) is None:
        return None
    cue_end = put[0].head  # "Asked by"
    return make_raw(tok.doc, put[1], spans, "cue", mention, (tok.idx, cue_end.idx + len(cue_end)), None, 0.7)


def _learned(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    """Reported speech outside the lexicon's patterns, when the learned cue judge accepts it."""
    if is_cue(tok) and fronted_clause(tok) is not None:
        return None  # "This includes ..., Carter told a Senate panel": the clause, not the object
    if is_cue(tok) and any(c.dep_ == "ccomp" and condition_before_tag(tok, c) for c in tok.rights):
        return None  # "If A, the mayor said, B": the condition too, which the judge leaves out
    model = load_cue_model()
    best = model.best(tok) if model is not None else None
    return judged_reading(tok.doc, *best, spans) if best is not None else None


def judged_reading(doc: Doc, cand: CueCandidate, probability: float, spans: list[QuotedSpan]) -> RawQuote | None:
    """The attribution a cue reading makes, unless the verb hedges or its subject cannot speak."""
    tok = doc[cand.cue[0]]
    # "Putin reportedly aims to ...": the writer relays unnamed reports; Putin stated nothing.
    if any(c.dep_ == "advmod" and c.lower_ in HEARSAY for c in tok.children):
        return None
    # "began his political career": the judge may read the object of an aspectual verb as said.
    if any(aspectual(tok, c) and cand.content[0] <= c.i <= cand.content[1] for c in tok.rights):
        return None
    if doc[cand.content[0]].tag_ == "VBG" and cand.content[0] > tok.i and tags_quotation(tok, spans):
        return None  # '"...," said Mr. Bumble, squeezing his hat, "...": what he did as he said it
    subject = doc[cand.subject]
    subject = named_in_apposition(subject, tok) or subject
    if in_quotation(spans, subject.idx):
        return None
    if tok.is_punct and subject.dep_ == "pobj":
        return None  # 'For example: "..."': a phrase's object before a colon is no speaker's label
    if asked_participle(tok) or passive_aside(tok):
        mention = None  # "Asked about the wall, Ryan said": Ryan was asked; the asker is unnamed
    elif (mention := mention_for(subject, trusted=True)) is None:
        return None
    elif done_to_subject(tok, subject):
        mention = None  # "Residents were asked whether ...": as above, but only of someone who could speak
    first, last = doc[cand.cue[0]], doc[cand.cue[1]]
    return make_raw(doc, cand.content, spans, "cue", mention, (first.idx, last.idx + len(last)),
                    when_said(tok), round(0.4 + 0.4 * probability, 3))


def _nominal(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    found = nominal_report(tok, partial(in_quotation, spans))
    if found is None:
        return None
    return make_raw(tok.doc, found.content, spans, "cue", found.mention, found.cue, None, 0.6)


def _hedged(tok: Token, spans: list[QuotedSpan]) -> RawQuote | None:
    found = writer_hedge(tok)
    return None if found is None else make_raw(tok.doc, found[0], spans, "cue", None, found[1], None, 0.4)


def _direct(doc: Doc, qs: QuotedSpan, spans: list[QuotedSpan]) -> RawQuote:
    """A quotation and the nearest cue outside any quotation, after it first, then before it."""
    text = doc.text

    quoted = partial(in_quotation, spans)

    if (governing := governing_cue(doc, qs, quoted)) is not None:
        verb, mention = governing
        start = lead_in(doc, qs, verb, quoted)
        return RawQuote(start or qs.start, qs.end, "mixed" if start else "direct", "cue", mention,
                        cue_chars(verb), when_said(verb), 0.9 if mention.kind == "name" else 0.75, qs.open_end)
    closes_sentence = text[qs.start: qs.end].rstrip().endswith((".", "!", "?"))
    # A comma inside or right after the closing mark: '"...," the curator said', '"...", he said'.
    set_off = closes_sentence or "," in text[qs.end: qs.outer_end + 1]
    prev = max((s.outer_end for s in spans if s.outer_end <= qs.outer_start), default=0)
    before = [t for t in doc if prev <= t.idx < qs.outer_start]
    if (label := speaker_label(before)) is not None:
        mark = [t for t in before if not t.is_space][-1]  # the colon or dash after the name
        return RawQuote(qs.start, qs.end, "direct", "label", label, (mark.idx, mark.idx + len(mark)), None, 0.85,
                        qs.open_end)
    # A scare-quoted term after it ('wearing "Ted Cruz" pins') does not end the tag's window.
    nxt = min((s.outer_start for s in spans if s.outer_start >= qs.outer_end and not is_term(text, s)),
              default=len(text))
    after = [t for t in doc if qs.outer_end <= t.idx < nxt]
    # Fiction tags a quotation with any verb that touches it ('"Oh!" sighed Lucy'): tried
    # once a window has no speech verb with a speaker.
    windows = ((until_sentence_end(after), lambda: tag_after(after, text[qs.start: qs.outer_end], quoted)),
               (list(reversed(from_sentence_start(before))), lambda: tag_before(before, quoted)))
    for n, (window, fallback_tag) in enumerate(windows):
        narrated = False  # a clause of narration with its own subject came first
        for tok in window:
            if tok.lower_ == "according":
                raw = _reported(tok, [])
                if raw is not None and raw.mention is not None:
                    return RawQuote(qs.start, qs.end, "direct", "according", raw.mention,
                                    raw.cue_span, None, 0.85, qs.open_end)
            if is_cue(tok):
                if n == 1 and prev > 0 and not any(qs.start <= t.idx < qs.end for t in tok.subtree):
                    tok = tag_above(tok, set(window), quoted)
                if n == 0 and closes_sentence and (has_clause(tok, quoted) or narrated):
                    # 'X replied that ...' after a full stop says its own thing, and an
                    # "according to" after it sources that, not the quotation; so does the
                    # speaker of '"...".--A short pause followed, and Mrs. Hurst began again.'
                    break
                # Right after a quotation set off as one ('"...," the curator said') a speech
                # verb's subject is its speaker, whatever the noun.
                tagging = n == 0 and set_off and tok.lemma_.lower() in SPEECH_CUES
                mention = speaker_of(tok, quoted, loose=tagging) or (name_opening(window, tok) if n == 0 else None)
                if mention is not None and n == 0 and opens_next_quotation(doc, qs, spans) and (
                        intro := tag_before(before, quoted)) is not None \
                        and intro[0].lemma_.lower() in SPEECH_CUES:
                    # 'Clinton responds with, "Why now?" Mills then writes back, "You look cute."':
                    # a tag that opens the next quotation is that one's; this one had its own.
                    verb, mention = intro
                    return RawQuote(qs.start, qs.end, "direct", "cue", mention, cue_chars(verb), None,
                                    0.8 if mention.kind == "name" else 0.65, qs.open_end)
                if mention is not None:
                    return RawQuote(qs.start, qs.end, "direct", "cue", mention, cue_chars(tok),
                                    when_said(tok), 0.9 if mention.kind == "name" else 0.75,
                                    qs.open_end)
            elif tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and not quoted(c.idx) for c in tok.children):
                narrated = True
        if (tag := fallback_tag()) is not None:
            verb, mention = tag
            return RawQuote(qs.start, qs.end, "direct", "cue", mention, cue_chars(verb), None,
                            0.8 if mention.kind == "name" else 0.65, qs.open_end)
    # Only before a paragraph's first quotation: after one, '"Why?" he said uneasily. "I saw
    # nothing."' goes on in that quotation's voice, as one quotation.
    if prev == 0 and (intro := said_before(before, quoted)) is not None:
        verb, mention = intro
        return RawQuote(qs.start, qs.end, "direct", "cue", mention, cue_chars(verb), None,
                        0.8 if mention.kind == "name" else 0.65, qs.open_end)
    # Also first only: after a tagged one, an untagged quotation goes on in its voice.
    if prev == 0 and closes_sentence and (owner := quote_owned_after(after, quoted)) is not None:
        return RawQuote(qs.start, qs.end, "direct", "label", owner, None, None, 0.75, qs.open_end)
    return RawQuote(qs.start, qs.end, "direct", "none", open_end=qs.open_end)
