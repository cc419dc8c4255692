"""The question set: per indexed document and speaker the who/what/did questions, then the
abstain questions; every random choice from one seeded generator, in a fixed order."""

from __future__ import annotations

import math
import random
import re

from ..scoring import norm
from .fragments import MIN_WORDS, content_runs, fold, pick_fragment, window_around
from .invented import invented_sentences
from .items import Item, doc_items
from .misremembered import misremember
from .speakers import Speaker
from .topics import topic_words


def _quoted(fragment: str, kind: str) -> str:
    """How a question quotes a fragment: in quotation marks, or reported ("that ...")."""
    if kind != "indirect":
        return f'"{fragment}"'
    return fragment if re.match(r"that\s", fragment, re.I) else f"that {fragment}"


def _name_form(speaker: Speaker, rng: random.Random) -> str:
    """The full name or, half of the time, the surname ("the IMF" for organisations)."""
    if speaker.org:
        return speaker.name if speaker.name.lower().startswith("the ") else "the " + speaker.name
    short = [a for a in speaker.accepted[1:] if len(a.split()) == 1 and a[:1].isupper()]
    if short and rng.random() < 0.5:
        return short[-1]
    return speaker.name


def split_documents(docs: list, rng: random.Random, limit: int | None,
                    held_out: int | None) -> tuple[list, list]:
    """(held-out documents, documents to index): the documents shuffled, the first few held out
    (`held_out`, default 10% and 1 to 10), at most `limit` of the rest indexed."""
    order = docs[:]
    rng.shuffle(order)
    n_held = held_out if held_out is not None else (
        0 if len(order) < 2 else max(1, min(len(order) // 10, 10)))
    held, selected = order[:n_held], order[n_held:]
    if limit is not None:
        selected = selected[:limit]
    return held, selected


class QuestionSet:
    """The questions made so far, numbered in order, and the indexed texts that a fragment must
    occur in only once."""

    def __init__(self, fmt: str, rng: random.Random, selected: list) -> None:
        self.fmt = fmt
        self.rng = rng
        self.questions: list[dict] = []
        self.indexed = {d.doc_id: norm(d.text) for d in selected}

    def add(self, q: dict) -> None:
        self.questions.append({"id": f"{self.fmt}-{len(self.questions) + 1:04d}", **q})

    def elsewhere(self, fragment: str, doc_id: str | None) -> bool:
        """Whether an indexed document other than `doc_id` holds the fragment."""
        f = norm(fragment)
        return any(f in t for i, t in self.indexed.items() if i != doc_id)

    def fragment(self, doc, it: Item) -> str | None:
        """A quotable fragment of the item found in no other indexed document (four tries)."""
        text = doc.text
        for _ in range(4):
            span = pick_fragment(text, it.runs, self.rng)
            if span is None:
                return None
            frag = fold(text[span[0]:span[1]])
            if not self.elsewhere(frag, doc.doc_id):
                return frag
        return None


def by_speaker(items: list[Item]) -> dict[str, list[Item]]:
    """Items per speaker key; the items of one speaker share one accepted list (every mention's forms)."""
    groups: dict[str, list[Item]] = {}
    for it in items:
        groups.setdefault(it.speaker.key, []).append(it)
    for its_ in groups.values():
        merged = its_[0].speaker
        for other_it in its_[1:]:
            for a in other_it.speaker.accepted:
                if norm(a) not in {norm(x) for x in merged.accepted}:
                    merged.accepted.append(a)
            other_it.speaker = merged
    return groups


def speaker_questions(qs: QuestionSet, doc, groups: dict[str, list[Item]], key: str) -> None:
    """who_said (verbatim, misremembered), what_said, did_say (yes, no) about one speaker."""
    rng, text = qs.rng, doc.text
    its = groups[key]
    sp = its[0].speaker
    others = [groups[k][0].speaker for k in sorted(groups) if k != key and not (
        {norm(a) for a in groups[k][0].speaker.accepted} & {norm(a) for a in sp.accepted})]
    base = {"speaker": sp.accepted, "doc": doc.doc_id}

    it = rng.choice(its)
    frag = qs.fragment(doc, it)
    if frag:
        qs.add({"question": f"Who said {_quoted(frag, it.kind)}?", "intent": "who_said",
                "intent_detail": "who_said_verbatim", **base, "evidence": [frag]})
    it = rng.choice(its)
    frag = qs.fragment(doc, it)
    if frag:
        wrong = misremember(frag, rng)
        if wrong and norm(wrong) not in qs.indexed[doc.doc_id]:
            qs.add({"question": f"Who said {_quoted(wrong, it.kind)}?", "intent": "who_said",
                    "intent_detail": "who_said_misremembered", **base, "evidence": [frag]})
    topics = sorted({w for i in its for r in i.runs
                     for w in topic_words(fold(text[r.tokens[0][0]:r.tokens[-1][1]]), sp)})
    if topics:
        topic = rng.choice(topics)
        evidence = []
        for i in its:
            span = window_around(text, i.runs, topic)
            if span:
                ev = fold(text[span[0]:span[1]])
                if ev not in evidence:
                    evidence.append(ev)
        if evidence:
            qs.add({"question": f"What did {_name_form(sp, rng)} say about {topic}?",
                    "intent": "what_said", "intent_detail": "what_said", **base,
                    "evidence": evidence})
    it = rng.choice(its)
    frag = qs.fragment(doc, it)
    if frag:
        qs.add({"question": f"Did {_name_form(sp, rng)} say {_quoted(frag, it.kind)}?",
                "intent": "did_say", "intent_detail": "did_say_yes", "verdict": "yes",
                **base, "evidence": [frag]})
    if others:
        other = rng.choice(others)
        it = rng.choice(its)
        frag = qs.fragment(doc, it)
        if frag:
            qs.add({"question": f"Did {_name_form(other, rng)} say {_quoted(frag, it.kind)}?",
                    "intent": "did_say", "intent_detail": "did_say_no", "verdict": "no",
                    **base, "asked_about": other.name, "evidence": [frag]})


def unindexed_questions(qs: QuestionSet, held: list, n: int) -> None:
    """Up to `n` abstain questions quoting documents that are not indexed."""
    rng = qs.rng
    pool = []
    for doc in held:
        for att in doc.attributions:
            runs = content_runs(doc.text, att.content_spans)
            if any(len(r.tokens) >= MIN_WORDS for r in runs):
                pool.append((doc, att, runs))
    rng.shuffle(pool)
    made = 0
    for doc, att, runs in pool:
        if made >= n:
            break
        span = pick_fragment(doc.text, runs, rng)
        if span is None:
            continue
        frag = fold(doc.text[span[0]:span[1]])
        if qs.elsewhere(frag, None):
            continue
        qs.add({"question": f"Who said {_quoted(frag, att.kind)}?", "intent": "who_said",
                "intent_detail": "abstain_unindexed", "abstain": True, "speaker": None,
                "evidence": [], "doc": doc.doc_id})
        made += 1


def invented_questions(qs: QuestionSet, n: int) -> None:
    """Up to `n` abstain questions quoting sentences nobody said."""
    invented = invented_sentences()
    qs.rng.shuffle(invented)
    for sentence in [s for s in invented if not qs.elsewhere(s, None)][:n]:
        qs.add({"question": f"Who said \"{sentence}\"?", "intent": "who_said",
                "intent_detail": "abstain_invented", "abstain": True, "speaker": None,
                "evidence": []})


def generate(docs: list, fmt: str, *, seed: int, limit: int | None, per_doc: int,
             held_out: int | None = None) -> tuple[list[dict], list]:
    """Questions, and the documents to index (in order)."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    rng = random.Random(seed)
    held, selected = split_documents(docs, rng, limit, held_out)
    qs = QuestionSet(fmt, rng, selected)
    for doc in selected:
        groups = by_speaker(doc_items(doc, fmt))
        if not groups:
            continue
        keys = sorted(groups)
        for key in rng.sample(keys, min(per_doc, len(keys))):
            speaker_questions(qs, doc, groups, key)
    n_abstain = max(1, math.ceil(len(qs.questions) / 10)) if qs.questions else 0
    unindexed_questions(qs, held, n_abstain)
    invented_questions(qs, n_abstain)
    return qs.questions, selected
