"""PolNeAR (Newell, Margolin, Ruths, LREC 2018): BRAT standoff attributions over news articles.

Layout (any copy, including the ``test`` compartment we do not have)::

    <root>/data/metadata.tsv                      compartment, filename, annotators ("a|b|c"), ...
    <root>/data/<compartment>/text/<stem>.txt     title on line 1, paragraphs split by blank lines
    <root>/data/<compartment>/attributions/<stem>_<annotator>.ann

``data_dir`` may be ``<root>`` or ``<root>/data``. The ``.ann`` offsets are Python ``str``
offsets into the ``.txt`` read as UTF-8 without newline translation. Records start only on
lines matching ``^T\\d+\\t`` or ``^E\\d+\\t`` (a span's text may run over several lines; notes
``#1`` and other lines are skipped). Text-bound annotations: ``T1<TAB>Content 256 377;463 616<TAB>text``.
Events: ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`` (or ``Attribution-no-source``);
role names may be numbered (``Content2``) and all pieces of a role are merged. An event
without any Content is skipped. When several annotators did an article, the first listed in
``metadata.tsv`` wins (else the alphabetically first ``.ann``).

The cue class is not in the annotation, so ``classify_cue`` derives it from the cue's words
with the lists below; ``content_kind`` derives direct/indirect/mixed from the content's
double quotation marks.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from .records import GoldAttribution, GoldDocument, Span
from .splits import polnear_compartment, polnear_keep

_T_LINE = re.compile(r"^(T\d+)\t([^\t\n]*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t([^\n]*)$")
_ROLE_NUMBER = re.compile(r"\d+$")
_EVENTS = {"Attribution", "Attribution-no-source"}

# --- cue classes -------------------------------------------------------------------------
# Lemmas, lower case. The first word of the cue found in a list decides (so "said in a
# statement" is speech, "is expected" is belief). "perception" also holds evidence verbs
# ("a poll shows / found"). Whatever matches nothing is "other" ("'s been ratcheting up his
# critique of", "in").
SPEECH_WORDS = frozenset("""
say tell add write ask call note report announce suggest argue describe tweet continue declare
explain acknowledge accuse criticize criticise cite urge defend recall respond propose claim warn
promise insist reply offer reveal question predict vow pledge denounce dismiss reject deny blame
stress point mention charge decry comment state confirm admit assert allege emphasize emphasise
testify quote post publish remark complain boast concede demand threaten praise slam blast attack
lament joke quip retort shout yell scream whisper mutter exclaim answer inform assure advise
reiterate counter contend maintain characterize characterise refer talk speak discuss tout
endorse decline according reportedly statement interview remarks letter speech announcement
criticism testimony tweet post memo email release press question argument claim promise warning
conclude recommend request disclose label brand dub joke rail lash hit tell indicate estimate
order instruct invite apologize apologise thank congratulate condemn slam mock ridicule
express echo repeat remind highlight list portray push chant sound imply complaint complain
reference challenge encourage assail put pitch frame brand recount relay
""".split())
BELIEF_WORDS = frozenset("""
believe think feel hope fear expect know doubt worry suspect assume reckon understand consider
want wish intend plan seek aim prefer support oppose favor favour like love hate regard view
seem appear remember forget realize realise agree disagree trust accept decide determine
convince concern care imagine guess suppose presume anticipate welcome opposition belief
view opinion concern confidence skeptical sceptical sure certain aware afraid eager willing
reluctant ready determined intention plan hope desire try attempt refuse back backer supporter
mean decision vote
""".split())
PERCEPTION_WORDS = frozenset("""
see hear notice watch observe find discover show read learn look sense smell witness spot
detect poll survey data study
""".split())
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "thought": "think", "saw": "see", "seen": "see", "sees": "see", "knew": "know",
    "known": "know", "felt": "feel", "heard": "hear", "found": "find", "spoke": "speak",
    "spoken": "speak", "sought": "seek", "understood": "understand", "forgot": "forget",
    "forgotten": "forget", "read": "read", "taught": "teach", "meant": "mean", "put": "put",
    "began": "begin", "begun": "begin", "hit": "hit", "shown": "show",
}
_WORD = re.compile(r"[a-z]+")


def _lemma_candidates(word: str) -> list[str]:
    if word in _IRREGULAR:
        return [_IRREGULAR[word]]
    out = [word]
    if word.endswith("ies") or word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ing"):
        base = word[:-3]
        out += [base, base + "e"]
        if len(base) > 2 and base[-1] == base[-2]:
            out.append(base[:-1])
    if word.endswith("ed"):
        base = word[:-2]
        out += [base, word[:-1]]
        if len(base) > 2 and base[-1] == base[-2]:
            out.append(base[:-1])
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


def classify_cue(cue: str | None) -> str | None:
    """``speech``, ``belief`` or ``perception`` by the first listed word of the cue, else ``other``.

    ``None`` when there is no cue. A bare colon (``:``) introducing a quote is speech.
    """
    if cue is None:
        return None
    text = cue.lower().replace("\u2019", "'")
    if not text.strip():
        return None
    for word in _WORD.findall(text):
        for lemma in _lemma_candidates(word):
            if lemma in SPEECH_WORDS:
                return "speech"
            if lemma in BELIEF_WORDS:
                return "belief"
            if lemma in PERCEPTION_WORDS:
                return "perception"
    if text.strip() in {":", ",", "\u2014", "-", "--"}:
        return "speech"
    return "other"


_DOUBLE_MARKS = {'"', "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb"}
_OPENERS = {"\u201c", "\u201e", "\u00ab"}
_CLOSERS = {"\u201d", "\u00bb"}


def content_kind(text: str) -> str:
    """``direct`` when all words are inside double quotation marks, ``indirect`` when there is
    no double mark, ``mixed`` otherwise. Single marks are ignored (they double as apostrophes).

    A curly opener always opens, a curly closer always closes, a straight mark toggles; an
    unclosed opener runs to the end (a quote carried on into the next paragraph).
    """
    if not any(ch in _DOUBLE_MARKS for ch in text):
        return "indirect"
    inside = False
    outside: list[str] = []
    for ch in text:
        if ch in _OPENERS:
            inside = True
        elif ch in _CLOSERS:
            inside = False
        elif ch in _DOUBLE_MARKS:
            inside = not inside
        elif not inside:
            outside.append(ch)
    return "mixed" if re.search(r"\w", "".join(outside)) else "direct"


# --- loading -----------------------------------------------------------------------------
def _data_root(data_dir: str | Path) -> Path:
    path = Path(data_dir)
    if (path / "data").is_dir() and not (path / "train").is_dir():
        path = path / "data"
    return path


def _annotators(root: Path) -> dict[str, list[str]]:
    meta = root / "metadata.tsv"
    if not meta.is_file():
        return {}
    out: dict[str, list[str]] = {}
    with meta.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = (row.get("filename") or "").strip()
            if name:
                out[name] = [a.strip() for a in (row.get("annotators") or "").split("|") if a.strip()]
    return out


def parse_spans(field: str) -> tuple[Span, ...]:
    """``"256 377;463 616"`` -> ``((256, 377), (463, 616))``."""
    spans = []
    for piece in field.split(";"):
        a, b = piece.split()
        spans.append((int(a), int(b)))
    return tuple(spans)


def parse_ann(ann: str) -> tuple[dict[str, tuple[str, tuple[Span, ...]]], list[tuple[str, str, list[tuple[str, str]]]]]:
    """Text-bound annotations ``{id: (type, spans)}`` and events ``[(id, type, [(role, T id)])]``.

    Roles come back without their number (``Content2`` -> ``Content``).
    """
    tbs: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in ann.split("\n"):
        line = line.rstrip("\r")
        m = _T_LINE.match(line)
        if m:
            tid, head = m.groups()
            kind, _, spans = head.partition(" ")
            try:
                tbs[tid] = (kind, parse_spans(spans))
            except ValueError:
                continue  # a malformed record: skip rather than fail the whole article
            continue
        m = _E_LINE.match(line)
        if m:
            eid, body = m.groups()
            args = [a.split(":", 1) for a in body.split() if ":" in a]
            if not args:
                continue
            etype = args[0][0]
            roles = [(_ROLE_NUMBER.sub("", role), ref) for role, ref in args[1:]]
            events.append((eid, etype, roles))
    return tbs, events


def _pieces(text: str, spans: list[Span]) -> tuple[tuple[Span, ...], str | None]:
    spans = sorted(set(spans))
    if not spans:
        return (), None
    return tuple(spans), " ".join(text[a:b] for a, b in spans)


def attributions_from_ann(doc_id: str, text: str, ann: str) -> list[GoldAttribution]:
    """The gold attributions of one article, sorted by content start."""
    tbs, events = parse_ann(ann)
    out: list[GoldAttribution] = []
    for eid, etype, roles in events:
        if etype not in _EVENTS:
            continue
        by_role: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for role, ref in roles:
            if role in by_role and ref in tbs:
                by_role[role].extend(tbs[ref][1])
        content_spans, content_text = _pieces(text, by_role["Content"])
        if not content_spans:
            continue
        source_spans, source_text = _pieces(text, by_role["Source"])
        cue_spans, cue_text = _pieces(text, by_role["Cue"])
        out.append(GoldAttribution(
            doc_id=doc_id, content_spans=content_spans, content_text=content_text or "",
            source_spans=source_spans, source_text=source_text, cue_spans=cue_spans,
            cue_text=cue_text, speaker=None, kind=content_kind(content_text or ""),
            cue_class=classify_cue(cue_text), gold_id=eid,
        ))
    out.sort(key=lambda g: (g.content_spans[0], g.gold_id))
    return out


def polnear_files(data_dir: str | Path, split: str = "dev") -> list[tuple[Path, Path, str]]:
    """``(txt, ann, annotator)`` for every annotated article of `split`, sorted by file name."""
    root = _data_root(data_dir)
    compartment = root / polnear_compartment(split)
    if not (compartment / "text").is_dir():
        raise FileNotFoundError(f"no PolNeAR '{compartment.name}' texts under {root}")
    order = _annotators(root)
    anns: dict[str, dict[str, Path]] = {}
    for ann in (compartment / "attributions").glob("*.ann"):
        stem, _, annotator = ann.stem.rpartition("_")
        anns.setdefault(stem, {})[annotator] = ann
    files = []
    for txt in sorted((compartment / "text").glob("*.txt")):
        stem = txt.stem
        if not polnear_keep(split, stem) or stem not in anns:
            continue
        have = anns[stem]
        chosen = next((a for a in order.get(stem, []) if a in have), None) or sorted(have)[0]
        files.append((txt, have[chosen], chosen))
    return files


def load_polnear(data_dir: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[GoldDocument]:
    """Gold documents of a PolNeAR split (train, dev, test, train-tune, train-heldout)."""
    files = polnear_files(data_dir, split)
    if limit is not None:
        files = files[:limit]
    for txt, ann, annotator in files:
        with txt.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        with ann.open(encoding="utf-8", newline="") as fh:
            ann_text = fh.read()
        doc_id = txt.stem
        title = text.split("\n", 1)[0].strip() or None
        yield GoldDocument(
            doc_id=doc_id, text=text, title=title,
            attributions=tuple(attributions_from_ann(doc_id, text, ann_text)),
            characters={}, source=str(txt), annotator=annotator,
        )
