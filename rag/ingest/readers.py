"""Reading files into Documents: .txt, .md, .html and .jsonl."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputFileError
from ..types import Document

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


def iter_files(paths: list[str | Path]) -> Iterator[Path | InputFileError]:
    """Every readable file under `paths`, in a stable order; a missing path yields an error."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield InputFileError(path, "no such file or folder")
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                yield InputFileError(
                    path, "the folder holds no .txt, .md, .html or .jsonl files"
                )
            yield from found
        else:
            yield path


def read_documents(path: Path) -> list[Document]:
    """The documents in one file; raises the first InputFileError (naming the file and the problem)."""
    docs = []
    for item in iter_documents(path):
        if isinstance(item, InputFileError):
            raise item
        docs.append(item)
    return docs


def iter_documents(path: Path) -> Iterator[Document | InputFileError]:
    """Streams a file's documents. A .jsonl file is read line by line, so its size is not bounded
    by memory, and a bad line is yielded as an error while the other lines go on."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputFileError(path, f"unsupported file type '{suffix or '(none)'}'",
                             "give .txt, .md, .html or .jsonl files")
        return
    if suffix == ".jsonl":
        yield from _jsonl_documents(path)
        return
    try:
        text = _read_text(path)
    except InputFileError as exc:
        yield exc
        return
    title = None
    if suffix in {".html", ".htm"}:
        title, text = html_to_text(text)
    if not text.strip():
        yield InputFileError(path, "the file holds no text")
        return
    yield Document(doc_id=_doc_id(path), text=text, title=title or guess_title(text), source=str(path))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    _check_head(path, data[:8192], empty=not data.strip())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            path, f"not valid UTF-8 (byte {exc.start})", "convert it to UTF-8 first"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_head(path: Path, head: bytes, empty: bool) -> None:
    if empty:
        raise InputFileError(path, "the file is empty")
    if b"\x00" in head:
        raise InputFileError(path, "this looks like a binary file, not text")


def _doc_id(path: Path) -> str:
    """A readable, stable id: the file stem plus a short hash of the absolute path."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-")[:60] or "doc"
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    return f"{stem}-{digest}"


def _jsonl_documents(path: Path) -> Iterator[Document | InputFileError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputFileError(path, f"cannot be read: {exc.strerror or exc}")
        return
    found = False
    with handle:
        head = handle.read(8192)
        try:
            _check_head(path, head, empty=not head.strip())
        except InputFileError as exc:
            yield exc
            return
        handle.seek(0)
        for lineno, raw in enumerate(handle, start=1):
            item = _jsonl_line(path, lineno, raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw)
            if item is not None:
                found = found or isinstance(item, Document)
                yield item
    if not found:
        yield InputFileError(path, "the file holds no documents")


def _jsonl_line(path: Path, lineno: int, raw: bytes) -> Document | InputFileError | None:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return InputFileError(path, f"line {lineno} is not valid UTF-8", "convert it to UTF-8 first")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputFileError(path, f"line {lineno} is not valid JSON: {exc.msg}")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputFileError(path, f"line {lineno} has no string field 'text'")
    if not record["text"].strip():
        return InputFileError(path, f"line {lineno} has an empty 'text'")
    doc_id = str(record.get("id") or f"{_doc_id(path)}-{lineno}")
    fields = {k: _opt_str(record.get(k)) for k in ("title", "date", "url", "author")}
    return Document(doc_id=doc_id, text=record["text"].replace("\r\n", "\n"),
                    source=f"{path}:{lineno}", **fields)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def guess_title(text: str) -> str | None:
    """The first block of a line, above the body text, that reads like a headline or a book's
    title in capitals ("EMMA"); a 'Category' label, a byline, a chapter heading and a line
    that leads into what follows ("The Times reports:") are not titles."""
    for block in re.split(r"\n\s*\n", text.strip())[:6]:
        block = block.strip()
        if block.startswith("#"):
            return block.lstrip("#").strip() or None
        words = block.split()
        if len(words) > 25 or (len(words) >= 12 and _SENTENCE_END.search(block)):
            return None  # the body has begun: what follows is no title
        if ("\n" in block or block.endswith((".", ":")) or _BYLINE.match(block)
                or _DIVISION.match(block) or _NUMERAL.fullmatch(block)):
            continue
        if 3 <= len(words) or (words and block.isupper()):
            return block
    return None


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?$")
_BYLINE = re.compile(r"(?:(?i:written|translated|edited|illustrated)\s+)?(?:By|BY|by)\s+[A-Z]")
# A book's divisions ("PART ONE", "Chapter I: The Bertolini", "VOLUME I"); the numeral is
# required (Roman ones in capitals) so that "Part of..." or "Act civil" stays a headline.
_DIVISION = re.compile(
    r"(?i:chapter|part|volume|book|act|scene|canto|letter)\s+"
    r"(?:[IVXLC]+\b|\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)")
_NUMERAL = re.compile(r"[IVXLC]+|\d+")  # a chapter numbered and nothing more


class _TextExtractor(HTMLParser):
    """Collects visible text, one block per paragraph-level element; drops scripts and styles."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "section", "article", "tr", "header", "footer", "figcaption", "pre", "ul", "ol"}
    HIDDEN = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = ((self.title or "") + data).strip() or None
        elif not self.hidden:
            self.current.append(data)

    def _flush(self) -> None:
        # ASCII white space only: a non-breaking space is part of the verbatim text.
        block = re.sub(r"[ \t\n\r\f\v]+", " ", "".join(self.current)).strip(" ")
        if block:
            self.blocks.append(block)
        self.current = []


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, text) where the text has one paragraph per block element, blank-line separated."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.title, "\n\n".join(parser.blocks)
