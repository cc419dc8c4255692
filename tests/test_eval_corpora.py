"""Gold corpus loaders (PolNeAR BRAT, PDNC CSV) and the tuning/held-out splits."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from evals.corpora import classify_cue, content_kind, load_pdnc, load_polnear, pdnc_novels
from evals.corpora.pdnc import alias_table
from evals.corpora.polnear import parse_ann, polnear_files
from evals.corpora.splits import (
    PDNC_HELDOUT,
    PDNC_TUNE,
    pdnc_part,
    pdnc_select,
    polnear_keep,
    polnear_part,
    tune_part,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# --- PolNeAR -------------------------------------------------------------------------------
TEXT = (
    "Senator visits farm.\n"
    "\n"
    "Spokeswoman Haley Morris says the senator has \u201calways run a lean campaign.\u201d\n"
    "\n"
    "\u201cWe go to school,\u201d he said, \u201cand our friends taunt us.\u201d\n"
    "\n"
    "Voters believe the economy is weak. The plan was criticized."
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _t(tid: str, kind: str, *pieces: tuple[int, int]) -> str:
    spans = ";".join(f"{a} {b}" for a, b in pieces)
    return f"{tid}\t{kind} {spans}\t" + " ".join(TEXT[a:b] for a, b in pieces)


def _ann() -> str:
    src1 = _span(TEXT, "Spokeswoman Haley Morris")
    cue1 = _span(TEXT, "says")
    con1 = _span(TEXT, "the senator has \u201calways run a lean campaign.\u201d")
    p3 = TEXT.index("\u201cWe go")
    con2a = _span(TEXT, "\u201cWe go to school,\u201d", p3)
    src2 = _span(TEXT, "he", p3)
    cue2 = _span(TEXT, "said", p3)
    con2b = _span(TEXT, "\u201cand our friends taunt us.\u201d", p3)
    src3 = _span(TEXT, "Voters")
    cue3 = _span(TEXT, "believe")
    con3 = _span(TEXT, "the economy is weak")
    cue4 = _span(TEXT, "criticized")
    con4 = _span(TEXT, "The plan")
    lines = [
        _t("T1", "Source", src1), _t("T2", "Cue", cue1), _t("T3", "Content", con1),
        _t("T4", "Attribution", cue1),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # a discontinuous content written as one record and a numbered role
        _t("T5", "Content", con2a), _t("T6", "Source", src2), _t("T7", "Cue", cue2),
        _t("T8", "Content", con2b), _t("T9", "Attribution", cue2),
        "E2\tAttribution:T9 Source:T6 Cue:T7 Content:T5 Content2:T8",
        # span text holding a newline: the continuation line must not start a record
        f"T10\tContent {con3[0]} {con3[1]}\tthe economy\nis weak",
        _t("T11", "Cue", cue3), _t("T12", "Source", src3), _t("T13", "Attribution", cue3),
        "E3\tAttribution:T13 Content:T10 Cue:T11 Source:T12",
        "#1\tAnnotatorNotes T10\tshould this be belief?",
        _t("T14", "Cue", cue4), _t("T15", "Content", con4), _t("T16", "Attribution-no-source", cue4),
        "E4\tAttribution-no-source:T16 Cue:T14 Content:T15",
        # no content: skipped
        "E5\tAttribution-no-source:T16 ",
        _t("T17", "Discuss", con3),
    ]
    return "\n".join(lines) + "\n"


def _write_polnear(root: Path, names: list[str], compartment: str = "train") -> Path:
    data = root / "data"
    (data / compartment / "text").mkdir(parents=True)
    (data / compartment / "attributions").mkdir(parents=True)
    rows = ["compartment\tfilename\tlevel\tannotators\ttitle"]
    for name in names:
        (data / compartment / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        # two annotators; metadata lists bbbb first, so its (full) file wins
        (data / compartment / "attributions" / f"{name}_aaaa.ann").write_text("", encoding="utf-8")
        (data / compartment / "attributions" / f"{name}_bbbb.ann").write_text(_ann(), encoding="utf-8")
        rows.append(f"{compartment}\t{name}\t1\tbbbb|aaaa\tSenator visits farm.")
    (data / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_polnear_loader_reads_brat(tmp_path):
    root = _write_polnear(tmp_path, ["usa-today_2016-01-01_one"])
    (doc,) = list(load_polnear(root, "train"))
    assert doc.doc_id == "usa-today_2016-01-01_one"
    assert doc.title == "Senator visits farm."
    assert doc.annotator == "bbbb"
    assert doc.characters == {}
    a1, a2, a3, a4 = doc.attributions
    # offsets are str offsets into the .txt
    for a in doc.attributions:
        assert a.content_text == " ".join(doc.text[s:e] for s, e in a.content_spans)
    assert a1.source_text == "Spokeswoman Haley Morris" and a1.cue_text == "says"
    assert a1.kind == "mixed" and a1.cue_class == "speech" and a1.speaker is None
    assert len(a2.content_spans) == 2 and a2.kind == "direct"
    assert a2.source_text == "he" and a2.gold_id == "E2"
    assert a3.content_text == "the economy is weak" and a3.kind == "indirect" and a3.cue_class == "belief"
    assert a4.source_spans == () and a4.source_text is None and a4.content_text == "The plan"


def test_polnear_accepts_data_folder_and_falls_back_without_metadata(tmp_path):
    root = _write_polnear(tmp_path, ["a_x"])
    assert len(list(load_polnear(root / "data", "train"))) == 1
    (root / "data" / "metadata.tsv").unlink()
    (doc,) = list(load_polnear(root, "train"))
    assert doc.annotator == "aaaa" and doc.attributions == ()  # alphabetically first .ann


def test_polnear_splits_partition_train(tmp_path):
    names = [f"politico_2016-0{i % 9 + 1}-01_story-{i}" for i in range(40)]
    root = _write_polnear(tmp_path, names)
    train = {d.doc_id for d in load_polnear(root, "train")}
    tune = {d.doc_id for d in load_polnear(root, "train-tune")}
    held = {d.doc_id for d in load_polnear(root, "train-heldout")}
    assert train == set(names) and tune | held == train and not tune & held
    assert held and tune
    assert [d.doc_id for d in load_polnear(root, "train", limit=3)] == sorted(names)[:3]
    with pytest.raises(FileNotFoundError):
        list(load_polnear(root, "dev"))
    with pytest.raises(ValueError):
        polnear_files(root, "validation")


def test_polnear_part_is_stable():
    assert polnear_part("nyt_2016-05-01_x") == polnear_part("nyt_2016-05-01_x")
    share = sum(polnear_part(f"doc-{i}") == "train-heldout" for i in range(2000)) / 2000
    assert 0.2 < share < 0.3
    assert polnear_keep("dev", "anything") and polnear_keep("train", "anything")


def test_train_tune_has_a_stable_check_part_of_about_a_fifth():
    assert tune_part("nyt_2016-05-01_x") == tune_part("nyt_2016-05-01_x")
    share = sum(tune_part(f"doc-{i}") == "check" for i in range(2000)) / 2000
    assert 0.17 < share < 0.23


@pytest.mark.parametrize("split", ["dev", "train-heldout"])
def test_only_train_tune_has_fit_and_check_parts(tmp_path, split):
    from click.testing import CliRunner

    from evals.attribution import command

    result = CliRunner().invoke(command, ["--format", "polnear", "--data", str(tmp_path),
                                          "--split", split, "--part", "check"])
    assert result.exit_code != 0 and "train-tune" in result.output


def test_parse_ann_roles_and_pieces():
    tbs, events = parse_ann("T1\tContent 0 4;6 9\tabcd efg\nE1\tAttribution:T2 Content:T1 Content2:T3\n")
    assert tbs["T1"] == ("Content", ((0, 4), (6, 9)))
    assert events == [("E1", "Attribution", [("Content", "T1"), ("Content", "T3")])]


@pytest.mark.parametrize("text,kind", [
    ("\u201cWe will win.\u201d", "direct"),
    ('"We will win,"', "direct"),
    ("\u201cWe go to school,\u201d \u201cand they taunt us.\u201d", "direct"),
    ("that he has \u201calways run a lean campaign.\u201d", "mixed"),
    ("that the economy is weak", "indirect"),
    ("the campaign\u2019s \u2018lean\u2019 style", "indirect"),
    ("\u201cWe go on and on", "direct"),  # unclosed: carried into the next paragraph
])
def test_content_kind(text, kind):
    assert content_kind(text) == kind


@pytest.mark.parametrize("cue,cls", [
    ("said", "speech"), ("told", "speech"), ("according to", "speech"), ("said in a statement", "speech"),
    (":", "speech"), ("is expected", "belief"), ("thinks", "belief"), ("wanted", "belief"),
    ("saw", "perception"), ("shows", "perception"), ("’s been ratcheting up his critique of", "other"),
    (None, None),
])
def test_classify_cue(cue, cls):
    assert classify_cue(cue) == cls


# --- PDNC ----------------------------------------------------------------------------------
NOVEL = (
    "CHAPTER I\n\n"
    "\u201cPoor Miss Taylor!\u201d said Mr. Woodhouse, \u201cI wish she were\nhere again.\u201d\n\n"
    "\u201cNo, papa,\u201d replied Emma.\n\n"
    "\u201cIndeed,\u201d said she.\n"
)


def _write_pdnc(root: Path, novel: str = "TinyNovel") -> Path:
    folder = root / "data" / novel
    folder.mkdir(parents=True)
    (folder / "novel_text.txt").write_text(NOVEL, encoding="utf-8")
    q1a = _span(NOVEL, "Poor Miss Taylor!")
    q1b = _span(NOVEL, "I wish she were\nhere again.")
    q2 = _span(NOVEL, "No, papa,")
    q3 = _span(NOVEL, "Indeed,")
    fields = ["quoteID", "quoteText", "subQuotationList", "quoteByteSpans", "speaker", "addressees",
              "quoteType", "referringExpression", "mentionTextsList", "mentionSpansList", "mentionEntitiesList"]
    rows = [
        ["Q0", "Poor Miss Taylor! I wish she were\nhere again.", "[]", f"[[{q1a[0]}, {q1a[1]}], [{q1b[0]}, {q1b[1]}]]",
         "Mr. Woodhouse", "['Emma']", "Explicit", "said Mr. Woodhouse", "[]", "[]", "[]"],
        ["Q1", "No, papa,", "[]", f"[[{q2[0]}, {q2[1]}]]", " Miss Woodhouse ", "[]", "Explicit", "replied Emma",
         "[]", "[]", "[]"],
        ["Q2", "Indeed,", "[]", f"[[{q3[0]}, {q3[1]}]]", "Emma", "[]", "nan", "nan", "[]", "[]", "[]"],
    ]
    with (folder / "quotation_info.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(fields)
        w.writerows(rows)
    with (folder / "character_info.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Character ID", "Main Name", "Aliases", "Gender", "Category"])
        w.writerow(["0", "Emma", "{'Emma', 'Miss Woodhouse', 'Emma Woodhouse'}", "F", "major"])
        w.writerow(["1", "Mr. Woodhouse", "{'Mr. Woodhouse', 'papa'}", "M", "major"])
    return root


def test_pdnc_loader(tmp_path):
    root = _write_pdnc(tmp_path)
    assert pdnc_novels(root, "all") == ["TinyNovel"]
    (doc,) = list(load_pdnc(root))
    assert doc.doc_id == "TinyNovel" and doc.title == "TinyNovel"
    assert doc.characters["Emma"] == ("Emma", "Emma Woodhouse", "Miss Woodhouse")
    q0, q1, q2 = doc.attributions
    assert len(q0.content_spans) == 2
    assert q0.content_text == "Poor Miss Taylor! I wish she were\nhere again."
    assert q0.speaker == "Mr. Woodhouse" and q0.kind == "Explicit"
    assert q0.referring_expression == "said Mr. Woodhouse"
    assert q1.speaker == "Emma"  # alias, stripped
    assert q2.kind == "Unknown" and q2.referring_expression is None
    assert q0.cue_spans == () and q0.source_spans == () and q0.cue_class is None
    # the data folder itself works too
    assert [d.doc_id for d in load_pdnc(root / "data", ["TinyNovel"])] == ["TinyNovel"]
    with pytest.raises(FileNotFoundError):
        list(load_pdnc(root, ["Missing"]))


def test_alias_table_prefers_main_names():
    table = alias_table({"Emma": ("Emma", "Miss Woodhouse"), "Mr. Woodhouse": ("Mr. Woodhouse",)})
    assert table["miss woodhouse"] == "Emma" and table["mr. woodhouse"] == "Mr. Woodhouse"


def test_pdnc_splits():
    assert len(PDNC_TUNE) == 14 and len(PDNC_HELDOUT) == 7 and not set(PDNC_TUNE) & set(PDNC_HELDOUT)
    assert pdnc_part("Emma") == "tune" and pdnc_part("HowardsEnd") == "heldout"
    assert pdnc_part("SomeNewNovel") in ("tune", "heldout")
    assert pdnc_select(["Emma", "HowardsEnd", "X"], "all") == ["Emma", "HowardsEnd", "X"]
    assert pdnc_select(["Emma", "HowardsEnd"], "heldout") == ["HowardsEnd"]
    with pytest.raises(ValueError):
        pdnc_select(["Emma"], "test")


# --- the real corpora, when ../shared is present ----------------------------------------------
@pytest.mark.skipif(not (SHARED / "data" / "polnear" / "data").is_dir(), reason="../shared/data/polnear absent")
def test_real_polnear_offsets():
    docs = list(load_polnear(SHARED / "data" / "polnear", "dev", limit=5))
    assert len(docs) == 5
    assert sum(len(d.attributions) for d in docs) > 20
    for d in docs:
        assert d.title and d.text.startswith(d.title)
        for a in d.attributions:
            assert all(0 <= s < e <= len(d.text) for s, e in a.content_spans)
            assert a.kind in ("direct", "indirect", "mixed")
    tune = polnear_files(SHARED / "data" / "polnear", "train-tune")
    held = polnear_files(SHARED / "data" / "polnear", "train-heldout")
    assert len(tune) + len(held) == len(polnear_files(SHARED / "data" / "polnear", "train"))
    assert 0.2 < len(held) / (len(tune) + len(held)) < 0.3


@pytest.mark.skipif(not (SHARED / "data" / "pdnc" / "data").is_dir(), reason="../shared/data/pdnc absent")
def test_real_pdnc_novel():
    root = SHARED / "data" / "pdnc"
    assert set(pdnc_novels(root, "tune")) <= set(PDNC_TUNE)
    (doc,) = list(load_pdnc(root, ["WinnieThePooh"]))
    assert len(doc.attributions) > 500 and doc.characters
    mains = set(doc.characters)
    assert all(a.speaker in mains for a in doc.attributions)
    assert {a.kind for a in doc.attributions} <= {"Explicit", "Anaphoric", "Implicit", "Unknown"}
    for a in doc.attributions[:200]:
        assert " ".join(a.content_text.split()) == " ".join(
            " ".join(doc.text[s:e] for s, e in a.content_spans).split())
