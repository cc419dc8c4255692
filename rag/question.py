"""Understanding a question: what kind it is, about whom, which words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold_spaces
from .types import Intent

_VERBS = (r"say|said|says|tell|told|claim|claimed|state|stated|write|wrote|describe|described|note|"
          r"noted|ask|asked|mention|mentioned|call|called|report|reported|argue|argued|warn|warned|"
          r"predict|predicted|suggest|suggested|believe|believed|think|thought|comment|commented|"
          r"admit|admitted|deny|denied|announce|announced|declare|declared|insist|insisted|stress|"
          r"stressed|add|added|explain|explained|reveal|revealed|indicate|indicated|confirm|"
          r"confirmed|observe|observed|remark|remarked|tweet|tweeted|accuse|accused|promise|promised")

# A name may hold a word that is also a verb ("the State Department", "Secretary of State
# Kerry"): the speaker does not end on an article or a preposition.
_WHO_END = r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bof)(?<!\bfor)"

_DID = re.compile(rf"^(?:did|does|do|has|have|had|was it)\s+(?P<who>.+?){_WHO_END}\s+(?:ever\s+|really\s+|"
                  rf"actually\s+|once\s+)?(?:{_VERBS})\b[\s,:]*(?:that\s+)?(?P<q>.+?)[?.!]*$", re.I)
_WHEN = re.compile(rf"^when\s+(?:did|does|was|has|had)\s+(?P<who>.+?){_WHO_END}\s+(?:{_VERBS})\b[\s,:]*"
                   rf"(?:that\s+)?(?P<q>.*?)[?.!]*$", re.I)
_WHAT = re.compile(rf"^what\s+(?:did|does|do|has|have|had)\s+(?P<who>.+?){_WHO_END}\s+(?:{_VERBS})\b\s*"
                   rf"(?:(?:about|on|regarding|concerning|of|to)\s+)?(?P<topic>.*?)[?.!]*$", re.I)
_WHAT_BY = re.compile(r"^what\s+(?:was|has been|is)\s+said\s+by\s+(?P<who>.+?)"
                      r"(?:\s+(?:about|on|regarding)\s+(?P<topic>.*?))?[?.!]*$", re.I)
_QUOTED_IN = re.compile(r"^(?:who|which\s+\w+)\s+(?:is|are|was|were|gets|got|has been|have been)\s+"
                        r"(?:quoted|cited|speaking|the speakers?|the sources?)\b(?P<rest>.*?)[?.!]*$",
                        re.I)
_COMMENTED = re.compile(r"^(?:who|which\s+\w+)\s+(?:commented|spoke|talked|remarked|weighed in|"
                        r"has commented|have commented|comments|speaks)\s+(?:on|about|regarding)\s+"
                        r"(?P<topic>.+?)[?.!]*$", re.I)
_LIST_SPEAKERS = re.compile(r"^(?:list|name|show)\s+(?:all\s+|the\s+)?(?:speakers|sources|people quoted)"
                            r"(?P<rest>.*?)[?.!]*$", re.I)
_WHO = re.compile(rf"^(?:who|which\s+\w+)\s+(?:(?:first|originally|actually|really)\s+)?"
                  rf"(?:{_VERBS}|is quoted as saying|was quoted as saying)\b[\s,:]*(?:that\s+)?"
                  rf"(?P<q>.+?)[?.!]*$", re.I)
_ACCORDING = re.compile(r"^according\s+to\s+whom\s*,?\s*(?:(?:is|are|was|were|has|have|had|did|do|does)"
                        r"\s+)?(?P<q>.+?)[?.!]*$", re.I)
_WHOSE = re.compile(r"^(?:whose\s+(?:words|quote|claim|statement)\s+(?:is|are|was|were)|"
                    r"who\s+is\s+the\s+source\s+of|who\s+is\s+behind)\s*:?\s*(?P<q>.+?)[?.!]*$", re.I)
_QUOTED_TEXT = re.compile(r"[\"\u201c](.+?)[\"\u201d]")
_DOC_SCOPE = re.compile(r"^\s*(?:in|by)\s+(?:the|this|that)\s+(?:article|story|document|piece|text|"
                        r"report|book|transcript)s?\s*(?:(?:about|on)\s+)?", re.I)


@dataclass(frozen=True)
class Question:
    text: str
    intent: Intent
    speaker: str | None = None
    quote: str | None = None
    topic: str | None = None
    document_scope: bool = False  # "who is quoted in the article about X": whole documents


def parse_question(text: str) -> Question:
    q = fold_spaces(text).strip()
    quoted = _quoted(q)
    if m := _DID.match(q):
        return Question(q, "did_say", speaker=_clean(m["who"]), quote=quoted or _clean(m["q"]))
    if m := _WHEN.match(q):
        return Question(q, "when", speaker=_clean(m["who"]), quote=quoted or _clean(m["q"]) or None)
    if m := (_WHAT.match(q) or _WHAT_BY.match(q)):
        return Question(q, "what_said", speaker=_clean(m["who"]), topic=_clean(m["topic"] or "") or None)
    if m := (_QUOTED_IN.match(q) or _LIST_SPEAKERS.match(q)):
        rest = m["rest"] or ""
        scope = bool(_DOC_SCOPE.match(rest))
        topic = _clean(_DOC_SCOPE.sub("", rest))
        topic = re.sub(r"^(?:about|on|regarding|in)\s+", "", topic, flags=re.I)
        return Question(q, "speakers", topic=topic or None, document_scope=scope or not topic)
    if m := _COMMENTED.match(q):
        return Question(q, "speakers", topic=_clean(m["topic"]))
    if m := (_WHO.match(q) or _ACCORDING.match(q) or _WHOSE.match(q)):
        return Question(q, "who_said", quote=quoted or _clean(m["q"]))
    return Question(q, "other", quote=quoted or q)


def _quoted(text: str) -> str | None:
    found = _QUOTED_TEXT.findall(text)
    return max(found, key=len).strip() if found else None


def _clean(text: str) -> str:
    return text.strip().strip("\"'\u201c\u201d\u2018\u2019 ,:;").strip()
