"""The naive nearest-PERSON baseline (``qa --baseline``), answering in ``Answer.to_dict()`` form."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import scoring
from .questions import query_text

_DID = re.compile(r"^\s*did\s+(.+?)\s+(?:say|tell|claim|write|ask|describe|call|note|report|"
                  r"state|admit|warn|argue|insist|suggest)\b", re.I)


class NerBaseline:
    """A naive baseline: the PERSON entity nearest the question's words in the top paragraph.

    No quote attribution at all: retrieve (hybrid), run spaCy NER on the top paragraph, answer with
    the PERSON nearest the matched fragment (the first PERSON when it cannot be placed). It is given
    the gold intent; `did_say` compares the named speaker with that PERSON; `speakers` lists the
    PERSONs of the top 5 paragraphs. Abstains only when it finds no PERSON.
    """

    def __init__(self, index) -> None:
        from rag.quotes import load_nlp

        self.index = index
        self.nlp = load_nlp()

    def ask(self, q: Mapping) -> dict:
        text = q["question"]
        query = query_text(text)
        hits = self.index.search(query, k=5, retrieval="hybrid")
        intent = q.get("intent", "who_said")
        if not hits:
            return self._answer(text, intent, None, [], [])
        top = hits[0].paragraph
        speaker = self._nearest_person(top.text, query)
        speakers: list[str] = []
        cited = [hits[0]]
        if intent == "speakers":
            cited = hits[:5]
            for h in cited:
                for ent in self.nlp(h.paragraph.text).ents:
                    name = " ".join(ent.text.split())
                    if ent.label_ == "PERSON" and name not in speakers:
                        speakers.append(name)
            speaker = speakers[0] if speakers else None
        elif speaker:
            speakers = [speaker]
        verdict = None
        if intent == "did_say":
            m = _DID.match(text)
            if speaker is None:
                verdict = "not_found"
            elif m and _same_person(m.group(1), speaker):
                verdict = "yes"
            else:
                verdict = "no"
        return self._answer(text, intent, speaker, speakers, cited, verdict)

    def _nearest_person(self, paragraph: str, query: str) -> str | None:
        persons = [e for e in self.nlp(paragraph).ents if e.label_ == "PERSON"]
        if not persons:
            return None
        words = re.findall(r"\w+", query)
        anchor = None
        for size in (len(words), 6, 4, 2):
            if size <= 0 or size > len(words):
                continue
            for i in range(0, len(words) - size + 1):
                pat = r"\W+".join(re.escape(w) for w in words[i:i + size])
                m = re.search(pat, paragraph, re.I)
                if m:
                    anchor = (m.start(), m.end())
                    break
            if anchor:
                break
        if anchor is None:
            return " ".join(persons[0].text.split())
        outside = [e for e in persons if e.end_char <= anchor[0] or e.start_char >= anchor[1]]
        pool = outside or persons

        def dist(e) -> int:
            return max(anchor[0] - e.end_char, e.start_char - anchor[1], 0)

        return " ".join(min(pool, key=dist).text.split())

    @staticmethod
    def _answer(question, intent, speaker, speakers, hits, verdict=None) -> dict:
        cits = [{"n": i, "doc_id": h.paragraph.doc_id, "title": h.title,
                 "paragraph": h.paragraph.ordinal, "text": h.paragraph.text,
                 "start": None, "end": None} for i, h in enumerate(hits, start=1)]
        abstained = speaker is None
        return {
            "question": question,
            "intent": intent,
            "answer": "I could not find who said that." if abstained else f"{speaker} [1]",
            "abstained": abstained,
            "verdict": verdict,
            "speaker": speaker,
            "speakers": list(speakers),
            "confidence": 0.0,
            "quotes": [],
            "citations": [] if abstained else cits,
        }


def _same_person(a: str, b: str) -> bool:
    wa, wb = set(scoring.norm(a).split()), set(scoring.norm(b).split())
    return bool(wa & wb)
