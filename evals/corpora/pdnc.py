"""PDNC, the Project Dialogism Novel Corpus (Vishnubhotla, Hammond, Hirst, LREC 2022).

Layout (any copy; ``data_dir`` may be the corpus root or its ``data/`` folder)::

    <root>/PDNC-Novel-Index.csv                  optional: "Folder Name" -> "Novel Title"
    <root>/data/<Novel>/novel_text.txt
    <root>/data/<Novel>/quotation_info.csv       quoteID, quoteText, subQuotationList,
                                                 quoteByteSpans ("[[s, e], ...]"), speaker, quoteType,
                                                 referringExpression, ...
    <root>/data/<Novel>/character_info.csv       Main Name, Aliases ("{'a', 'b'}", a Python literal)

``quoteByteSpans`` are Python ``str`` offsets into ``novel_text.txt`` (one pair per piece of a
quotation that narration interrupts). ``speaker`` is a main name or an alias: it is mapped
to the main name through ``character_info.csv`` after ``.strip()``; an unknown name is kept
as written. ``quoteType`` values other than Explicit/Anaphoric/Implicit ("nan", "") become
``Unknown``. Cells hold newlines, so the csv field size limit is raised.
"""

from __future__ import annotations

import ast
import csv
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import GoldAttribution, GoldDocument
from .splits import pdnc_select

QUOTE_TYPES = ("Explicit", "Anaphoric", "Implicit")


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # C long on some platforms
            limit //= 10


def _data_root(data_dir: str | Path) -> Path:
    path = Path(data_dir)
    if (path / "data").is_dir() and not (path / "novel_text.txt").exists():
        if any((p / "quotation_info.csv").is_file() for p in (path / "data").iterdir() if p.is_dir()):
            return path / "data"
    return path


def pdnc_novels(data_dir: str | Path, split: str = "all") -> list[str]:
    """Folder names of the novels present under `data_dir` that belong to `split` (tune, heldout, all)."""
    root = _data_root(data_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"no PDNC data folder at {root}")
    present = [p.name for p in root.iterdir() if p.is_dir() and (p / "quotation_info.csv").is_file()]
    return pdnc_select(present, split)


def _literal(cell: str | None, default):
    if cell is None or not cell.strip() or cell.strip() == "nan":
        return default
    try:
        return ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        return default


def read_characters(path: Path) -> dict[str, tuple[str, ...]]:
    """Main name -> its aliases (sorted, stripped; the main name itself only if listed)."""
    _raise_field_limit()
    out: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            main = (row.get("Main Name") or "").strip()
            if not main:
                continue
            aliases = _literal(row.get("Aliases"), ())
            if isinstance(aliases, str):
                aliases = (aliases,)
            names = {a.strip() for a in aliases if isinstance(a, str) and a.strip()}
            out[main] = tuple(sorted(set(out.get(main, ())) | names))
    return out


def alias_table(characters: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every main name and alias (casefolded) -> main name; an alias shared by two characters
    goes to the one whose main name it is, else to the first in file order."""
    table: dict[str, str] = {}
    for main, aliases in characters.items():
        for alias in aliases:
            table.setdefault(alias.casefold(), main)
    for main in characters:
        table[main.casefold()] = main
    return table


def _titles(root: Path) -> dict[str, str]:
    index = root.parent / "PDNC-Novel-Index.csv"
    if not index.is_file():
        return {}
    with index.open(encoding="utf-8-sig", newline="") as fh:
        return {
            (r.get("Folder Name") or "").strip(): (r.get("Novel Title") or "").strip()
            for r in csv.DictReader(fh) if (r.get("Folder Name") or "").strip()
        }


def load_novel(folder: Path, title: str | None = None) -> GoldDocument:
    _raise_field_limit()
    with (folder / "novel_text.txt").open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    characters = read_characters(folder / "character_info.csv")
    to_main = alias_table(characters)
    quotes: list[GoldAttribution] = []
    with (folder / "quotation_info.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            spans = _literal(row.get("quoteByteSpans"), [])
            pieces = tuple(sorted((int(a), int(b)) for a, b in spans if int(b) > int(a)))
            if not pieces:
                continue
            speaker_raw = (row.get("speaker") or "").strip()
            speaker = to_main.get(speaker_raw.casefold(), speaker_raw) or None
            qtype = (row.get("quoteType") or "").strip()
            ref = (row.get("referringExpression") or "").strip()
            quotes.append(GoldAttribution(
                doc_id=folder.name, content_spans=pieces,
                content_text=" ".join(text[a:b] for a, b in pieces),
                source_spans=(), source_text=None, cue_spans=(), cue_text=None,
                speaker=speaker, kind=qtype if qtype in QUOTE_TYPES else "Unknown",
                cue_class=None, gold_id=(row.get("quoteID") or "").strip(),
                referring_expression=None if ref in ("", "nan") else ref,
            ))
    quotes.sort(key=lambda g: (g.content_spans[0], g.gold_id))
    return GoldDocument(
        doc_id=folder.name, text=text, title=title or folder.name, attributions=tuple(quotes),
        characters=characters, source=str(folder / "novel_text.txt"),
    )


def load_pdnc(data_dir: str | Path, novels: Iterable[str] | None = None) -> Iterator[GoldDocument]:
    """One GoldDocument per novel; `novels` are folder names (default: all present, sorted)."""
    root = _data_root(data_dir)
    names = list(novels) if novels is not None else pdnc_novels(root, "all")
    titles = _titles(root)
    for name in names:
        folder = root / name
        if not (folder / "quotation_info.csv").is_file():
            raise FileNotFoundError(f"no PDNC novel '{name}' under {root}")
        yield load_novel(folder, titles.get(name))
