"""Alignment and attribution metrics on small hand-made gold/pred data with known numbers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evals import align as A
from evals.align import PredAttribution
from evals.corpora.records import GoldAttribution, GoldDocument
from rag.types import Paragraph, Quote


def test_overlap_measures():
    assert A.intersection([(0, 10)], [(5, 20)]) == 5
    assert A.overlap_ratio([(0, 10)], [(5, 20)]) == pytest.approx(5 / 20)
    # discontinuous gold: the union of its pieces
    assert A.overlap_ratio([(0, 4), (6, 10)], [(0, 10)]) == pytest.approx(8 / 10)
    assert A.overlap_ratio([(0, 5)], [(5, 9)]) == 0.0
    assert A.overlap_ratio([], [(0, 3)]) == 0.0
    assert A.span_length([(0, 5), (3, 8)]) == 8
    assert A.trim_spans("  ab  cd ", [(0, 4), (4, 9)]) == ((2, 4), (6, 8))


@pytest.mark.parametrize("a,b", [
    ("\u201cAlways run a lean campaign.\u201d", "always run a lean campaign"),
    ('"We will win,"', "We will win"),
    ("  it\u2019s fine!\u201d ", "it's fine"),
    ("\u201cWe go to school,\u201d \u201cand they taunt us.\u201d", '"we go to school," "and they taunt us'),
])
def test_norm_content_equal(a, b):
    assert A.norm_content(a) == A.norm_content(b)


def test_norm_content_keeps_words():
    assert A.norm_content("that he will win") != A.norm_content("he will win")


def test_align_is_one_to_one_and_maximises_matches():
    gold = [[(0, 10)], [(20, 30)]]
    pred = [[(0, 10)], [(2, 8)], [(22, 30)], [(50, 60)]]
    pairs = A.align(gold, pred)
    assert [(g, p) for g, p, _ in pairs] == [(0, 0), (1, 2)]
    # a long prediction spanning two golds and a short one: the assignment prefers two matched
    # pairs ... [gold0 (0,10) ~ pred1 (0,9)]; gold1 (10,30) ~ pred0 (0,30) ratio 20/30
    pairs = A.align([[(0, 10)], [(10, 30)]], [[(0, 30)], [(0, 9)]])
    assert sorted((g, p) for g, p, _ in pairs) == [(0, 1), (1, 0)]
    assert A.align([], [[(0, 1)]]) == [] and A.align([[(0, 1)]], []) == []


def _pred(spans, text="x", kind="direct", paragraph=0, speaker=None, cue_spans=(), mention_spans=(),
          mention=None, cue=None, doc_id="d"):
    return PredAttribution(doc_id=doc_id, content_spans=tuple(spans), content_text=text, kind=kind,
                           speaker=speaker, mention=mention, mention_spans=tuple(mention_spans), cue=cue,
                           cue_spans=tuple(cue_spans), paragraph=paragraph)


def test_merge_pieces():
    a = _pred([(0, 5)], "A,", paragraph=1, speaker="Bob", cue_spans=[(8, 12)], mention_spans=[(13, 16)])
    b = _pred([(15, 20)], "B.", paragraph=1, speaker="Bob", cue_spans=[(8, 12)])
    c = _pred([(30, 35)], "C.", paragraph=1, speaker="Bob", cue_spans=[(40, 44)], mention_spans=[(45, 48)])
    d = _pred([(50, 55)], "D.", paragraph=1, speaker="Bob")  # continuation: no cue, no mention
    e = _pred([(60, 65)], "E.", paragraph=1, speaker="Ann")  # another speaker
    f = _pred([(70, 75)], "F.", paragraph=1)  # unattributed: never merged
    g = _pred([(80, 85)], "G.", paragraph=1)
    merged = A.merge_pieces([b, a, c, d, e, f, g])
    assert [m.content_spans for m in merged] == [((0, 5), (15, 20)), ((30, 35), (50, 55)), ((60, 65),),
                                                 ((70, 75),), ((80, 85),)]
    assert merged[0].content_text == "A, B." and merged[0].pieces == 2
    assert merged[0].mention_spans == ((13, 16),) and merged[0].cue_spans == ((8, 12),)
    other_par = _pred([(90, 95)], "H", paragraph=2, speaker="Bob")
    assert len(A.merge_pieces([a, other_par])) == 2


def test_a_continuation_joins_the_quotation_it_continues_not_indirect_speech_between():
    # '"A," Bob said, referring to the resorts. "B."'
    a = _pred([(0, 5)], "A,", paragraph=1, speaker="Bob", kind="direct", cue_spans=[(8, 12)],
              mention_spans=[(13, 16)])
    r = _pred([(30, 41)], "the resorts", paragraph=1, speaker="Bob", kind="indirect",
              cue_spans=[(18, 27)], mention_spans=[(13, 16)])
    b = _pred([(44, 46)], "B.", paragraph=1, speaker="Bob", kind="direct")
    merged = A.merge_pieces([a, r, b])
    assert [m.content_spans for m in merged] == [((0, 5), (44, 46)), ((30, 41),)]


def test_a_continuation_after_a_report_alone_stays_a_quotation_of_its_own():
    # 'Bob said that A. "B."': a report and then a quotation, not one mixed attribution.
    r = _pred([(0, 20)], "that A", paragraph=1, speaker="Bob", kind="indirect",
              cue_spans=[(4, 8)], mention_spans=[(0, 3)])
    b = _pred([(23, 25)], "B.", paragraph=1, speaker="Bob", kind="direct")
    merged = A.merge_pieces([r, b])
    assert [(m.content_spans, m.kind) for m in merged] == [(((0, 20),), "indirect"),
                                                         (((23, 25),), "direct")]


def test_untagged_quotations_with_narration_between_stay_two():
    # '"Of course it is. Look at the presents." He waved a foot. "Look at the cake."': one
    # speaker, two quotations; only a tag makes pieces one.
    a = _pred([(1, 38)], "Of course it is. Look at the presents.", paragraph=1, speaker="Eeyore")
    b = _pred([(58, 75)], "Look at the cake.", paragraph=1, speaker="Eeyore")
    assert [m.content_spans for m in A.merge_pieces([a, b])] == [((1, 38),), ((58, 75),)]


def test_predictions_from_quotes_uses_document_offsets():
    para = Paragraph(doc_id="d", ordinal=3, text="\u201cHi,\u201d Bob said.", start=100, end=116)
    q = Quote(doc_id="d", paragraph=3, start=1, end=4, text="Hi,", kind="direct", speaker="Bob Smith",
              mention="Bob", mention_span=(6, 9), cue="said", cue_span=(10, 14))
    (p,) = A.predictions_from_quotes([para], [q])
    assert p.content_spans == ((101, 104),) and p.mention_spans == ((106, 109),)
    assert p.cue_spans == ((110, 114),) and p.speaker == "Bob Smith" and p.paragraph == 3



def test_a_tag_inside_a_predicted_content_is_cut_out_as_the_corpora_mark_it():
    text = "The plan, Senator Jane Holt told them, will fail in the spring."
    para = Paragraph(doc_id="d", ordinal=0, text=text, start=10, end=10 + len(text))
    at = text.index
    q = Quote(doc_id="d", paragraph=0, start=0, end=len(text) - 1, text=text[:-1], kind="indirect",
              speaker="Jane Holt", mention="Senator Jane Holt", mention_span=(at("Senator"), at(" told")),
              cue="told", cue_span=(at("told"), at(" them")))
    (p,) = A.predictions_from_quotes([para], [q])
    assert [text[a - 10:b - 10] for a, b in p.content_spans] == ["The plan", "will fail in the spring"]
    # A cue outside the content, or at its edge, leaves the content whole.
    edge = Quote(doc_id="d", paragraph=0, start=at("will"), end=len(text) - 1, text="will fail in the spring",
                 kind="indirect", speaker="Jane Holt", cue="told", cue_span=(at("told"), at(" them")))
    assert A.predictions_from_quotes([para], [edge])[0].content_spans == ((10 + at("will"), 10 + len(text) - 1),)

# --- PolNeAR-style scoring -----------------------------------------------------------------------
DOC = (
    "Title line\n\n"
    "Jane Smith said that taxes will rise next year. "
    "She added that \u201cnothing is certain.\u201d "
    "Officials believe the plan works. "
    "Critics noted the cost was high."
)


def _at(needle: str) -> tuple[int, int]:
    i = DOC.index(needle)
    return i, i + len(needle)


def _gold(gid, content, source, cue, kind="indirect", cue_class="speech"):
    c = _at(content)
    return GoldAttribution(
        doc_id="d", content_spans=(c,), content_text=content,
        source_spans=(_at(source),) if source else (), source_text=source,
        cue_spans=(_at(cue),), cue_text=cue, speaker=None, kind=kind, cue_class=cue_class, gold_id=gid)


def _polnear_case():
    golds = (
        _gold("E1", "that taxes will rise next year", "Jane Smith", "said"),
        _gold("E2", "that \u201cnothing is certain.\u201d", "She", "added", kind="mixed"),
        _gold("E3", "the plan works", "Officials", "believe", cue_class="belief"),
        _gold("E4", "the cost was high", "Critics", "noted"),
    )
    doc = GoldDocument(doc_id="d", text=DOC, title="Title line", attributions=golds)
    preds = [
        # exact (after trimming), source by span, cue right
        _pred([_at("that taxes will rise next year.")], "that taxes will rise next year.", kind="indirect",
              speaker="Jane Smith", mention="Jane Smith", mention_spans=[_at("Jane Smith")],
              cue="said", cue_spans=[_at("said")]),
        # only the quoted part: overlap 19/28 >= .5, not exact; "She" resolves to Jane Smith by name
        _pred([_at("nothing is certain.")], "nothing is certain.", kind="direct", speaker="Jane Smith",
              mention="Jane", mention_spans=[(0, 1)], cue="added", cue_spans=[_at("added")]),
        # spurious: a prediction on the title
        _pred([(0, 10)], "Title line", kind="indirect", speaker="Title"),
        # boundary error: too long to match E4 (ratio < .5)
        _pred([_at("Officials believe the plan works. Critics noted the cost was high.")],
              "Officials believe the plan works. Critics noted the cost was high.", kind="indirect",
              speaker="Critics"),
    ]
    return doc, preds


def test_polnear_metrics_known_numbers():
    doc, preds = _polnear_case()
    m, (score,) = A.evaluate([doc], {"d": preds}, corpus="polnear")
    assert m["n_gold"] == 4 and m["n_pred"] == 4 and m["n_matched"] == 2 and m["n_aligned"] == 3
    assert m["content_precision_exact"] == 0.25 and m["content_recall_exact"] == 0.25
    assert m["content_f1_exact"] == 0.25
    assert m["content_f1_overlap"] == 0.5
    assert m["cue_f1"] == 0.5 and m["cue_recall"] == 0.5
    assert m["source_f1"] == 0.5 and m["source_accuracy_matched"] == 1.0
    assert m["speaker_accuracy"] is None
    j = {x.gold.gold_id: x for x in score.judgments}
    assert j["E1"].exact and j["E1"].source and j["E1"].cue
    assert j["E2"].matched and not j["E2"].exact and j["E2"].source
    assert j["E3"].pred is None
    assert j["E4"].pred is not None and not j["E4"].matched
    kinds = m["by_kind"]
    assert kinds["indirect"]["n_gold"] == 3 and kinds["indirect"]["n_pred"] == 3
    assert kinds["indirect"]["content_recall_overlap"] == pytest.approx(1 / 3, abs=1e-4)
    assert kinds["mixed"]["content_recall_overlap"] == 1.0 and kinds["mixed"]["n_pred"] == 0
    assert kinds["direct"]["n_gold"] == 0 and kinds["direct"]["content_precision_overlap"] == 1.0
    cues = m["by_cue_class"]
    assert cues["belief_perception"]["n_gold"] == 1 and cues["belief_perception"]["content_recall_overlap"] == 0.0
    assert cues["speech"]["n_gold"] == 3 and cues["speech"]["source_recall"] == pytest.approx(2 / 3, abs=1e-4)


def test_source_rules():
    doc, _ = _polnear_case()
    names = A.gold_source_names(doc)
    assert names["E1"] == ("jane", "smith") and names["E2"] == ("jane", "smith")
    assert names["E3"] == ("officials",)  # capitalised at sentence start: treated as a name token
    g1 = doc.attributions[0]
    wrong = _pred([(0, 1)], speaker="John Smith", mention="John Smith", mention_spans=[(0, 1)])
    assert not A.source_correct(g1, wrong, names["E1"])  # first names conflict
    assert A.source_correct(g1, _pred([(0, 1)], speaker="Smith"), names["E1"])
    assert A.source_correct(g1, _pred([(0, 1)], speaker="Sen. Jane Q. Smith"), names["E1"])
    assert A.source_correct(g1, _pred([(0, 1)], speaker=None, mention_spans=[_at("Jane")]), names["E1"])
    no_source = GoldAttribution(doc_id="d", content_spans=((0, 5),), content_text="x", source_spans=(),
                                source_text=None, cue_spans=(), cue_text=None, speaker=None,
                                kind="indirect", cue_class=None)
    assert A.source_correct(no_source, _pred([(0, 1)]), None)
    assert not A.source_correct(no_source, _pred([(0, 1)], speaker="Someone"), None)


def test_names_match():
    assert A.names_match(("hillary", "clinton"), "Hillary Rodham Clinton")
    assert not A.names_match(("hillary", "clinton"), "Bill Clinton")
    assert A.names_match(("o'malley",), "Martin O\u2019Malley")
    assert A.name_tokens("Spokeswoman Haley Morris") == ["haley", "morris"]
    assert A.name_tokens("O\u2019Malley\u2019s campaign") == ["o'malley"]
    assert A.name_tokens("He") == [] and A.is_pronoun("He") and A.is_pronoun("who")


# --- PDNC-style scoring ----------------------------------------------------------------------------
NOVEL = "\u201cHello there,\u201d said Emma. \u201cGood day,\u201d said papa. \u201cYes,\u201d she said. \u201cNo.\u201d"


def _n(needle):
    i = NOVEL.index(needle)
    return i, i + len(needle)


def _pdnc_case():
    chars = {"Emma": ("Emma", "Emma Woodhouse", "Miss Woodhouse"), "Mr. Woodhouse": ("Mr. Woodhouse", "papa"),
             "Mr. Knightley": ("George Knightley", "Mr. Knightley")}

    def g(gid, text, speaker, kind):
        return GoldAttribution(doc_id="n", content_spans=(_n(text),), content_text=text, source_spans=(),
                               source_text=None, cue_spans=(), cue_text=None, speaker=speaker, kind=kind,
                               cue_class=None, gold_id=gid)

    golds = (g("Q0", "Hello there,", "Emma", "Explicit"), g("Q1", "Good day,", "Mr. Woodhouse", "Explicit"),
             g("Q2", "Yes,", "Emma", "Anaphoric"), g("Q3", "No.", "Mr. Woodhouse", "Implicit"))
    doc = GoldDocument(doc_id="n", text=NOVEL, title="N", attributions=golds, characters=chars)
    preds = [
        _pred([_n("Hello there,")], "Hello there,", speaker="Emma Woodhouse", doc_id="n"),
        _pred([_n("Good day,")], "Good day,", speaker="Papa", doc_id="n"),  # alias, case-folded
        _pred([_n("Yes,")], "Yes,", speaker="Knightley", doc_id="n"),  # wrong
        _pred([(0, 5)], "said that", kind="indirect", speaker="Emma", doc_id="n"),  # ignored: indirect
    ]
    return doc, preds


def test_pdnc_metrics_known_numbers():
    doc, preds = _pdnc_case()
    m, (score,) = A.evaluate([doc], {"n": preds}, corpus="pdnc")
    assert m["n_gold"] == 4 and m["n_pred"] == 3
    assert m["coverage"] == 0.75 and m["speaker_accuracy"] == 0.5
    assert m["speaker_accuracy_covered"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["content_recall_exact"] == 0.75 and m["content_precision_exact"] == 1.0
    assert m["cue_f1"] is None
    by = m["by_quote_type"]
    assert by["Explicit"] == {"n_gold": 2, "content_recall_exact": 1.0, "content_recall_overlap": 1.0,
                              "coverage": 1.0, "speaker_accuracy": 1.0, "speaker_accuracy_covered": 1.0}
    assert by["Anaphoric"]["speaker_accuracy"] == 0.0 and by["Implicit"]["coverage"] == 0.0
    assert "Unknown" not in by


def test_character_resolver():
    doc, _ = _pdnc_case()
    r = A.CharacterResolver(doc.characters)
    assert r.resolve("miss woodhouse") == "Emma"
    assert r.resolve("Knightley") == "Mr. Knightley"
    assert r.resolve("George") == "Mr. Knightley"
    assert r.resolve("Woodhouse") is None  # Emma Woodhouse or Mr. Woodhouse: ambiguous
    assert r.resolve("Harriet") is None and r.resolve(None) is None
    alice = A.CharacterResolver({"Alice": ("Alice",), "Alice'S Sister": ("Alice'S Sister", "Her Sister")})
    assert alice.resolve("this Alice") == "Alice" and alice.resolve("her sister") == "Alice'S Sister"
    # A title settles a tie on the surname: "Mrs. James Highcamp" is not Mr. Highcamp.
    pair = A.CharacterResolver({"Mr. Highcamp": ("Mr. Highcamp",), "Mrs. Highcamp": ("Mrs. Highcamp",)})
    assert pair.resolve("Mrs. James Highcamp") == "Mrs. Highcamp"
    assert pair.resolve("James Highcamp") is None and pair.resolve("Highcamp") is None
    banker = A.CharacterResolver({"Julius Beaufort": ("Julius Beaufort", "Beaufort"),
                                  "Mrs. Beaufort": ("Mrs. Beaufort", "Regina")})
    assert banker.resolve("Mr. Beaufort") == "Julius Beaufort"


# --- the command, with a stand-in extractor ------------------------------------------------------------
def test_command_writes_json(tmp_path, monkeypatch):
    from evals import attribution

    from test_eval_corpora import _write_polnear  # tests/ is on sys.path (no __init__.py)

    root = _write_polnear(tmp_path / "polnear", ["usa-today_2016-01-01_one", "nyt_2016-01-02_two"])

    def fake_extraction(docs, nlp=None):
        preds = {}
        for d in docs:
            gold = d.attributions[0]
            preds[d.doc_id] = [_pred(gold.content_spans, gold.content_text, kind="mixed", doc_id=d.doc_id)]
        return preds, {"spacy_seconds": 1.0, "extraction_seconds": 1.5, "overhead_ratio": 0.5,
                       "paragraphs": 8, "chars": 400, "quotes": 2}

    monkeypatch.setattr(attribution, "run_extraction", fake_extraction)
    out = tmp_path / "res.json"
    errs = tmp_path / "errs.jsonl"
    result = CliRunner().invoke(attribution.command, [
        "--format", "polnear", "--data", str(root), "--split", "train", "--limit", "1",
        "--out", str(out), "--errors", str(errs)])
    assert result.exit_code == 0, result.output
    assert "content exact" in result.output and "by kind" in result.output
    data = json.loads(out.read_text())
    for key in ("content_f1_exact", "content_f1_overlap", "cue_f1", "source_f1", "speaker_accuracy",
                "n_gold", "n_pred", "by_kind", "by_cue_class", "spacy_seconds", "extraction_seconds",
                "overhead_ratio", "date", "commit", "split", "n_docs"):
        assert key in data
    assert data["n_docs"] == 1 and data["n_gold"] == 4 and data["n_pred"] == 1
    assert data["content_recall_exact"] == 0.25 and data["overhead_ratio"] == 0.5
    kinds = {json.loads(line)["error"] for line in errs.read_text().splitlines()}
    assert kinds == {"missed", "cue", "source"}

    bad = CliRunner().invoke(attribution.command, ["--format", "pdnc", "--data", str(root), "--split", "dev"])
    assert bad.exit_code != 0 and "not a pdnc split" in bad.output


def test_real_extractor_offsets_are_document_offsets():
    """The project's extractor through the eval's prediction path: offsets land in the document."""
    from evals.attribution import run_extraction

    text = ("Mayor speaks.\n\n\u201cWe will rebuild the bridge,\u201d Mayor Jane Smith said on Monday.\n\n"
            "Smith added that the work would start soon.")
    doc = GoldDocument(doc_id="t", text=text, title="Mayor speaks.", attributions=())
    preds, timing = run_extraction([doc])
    assert preds["t"], "the extractor found no quote"
    for p in preds["t"]:
        assert " ".join(text[a:b] for a, b in p.content_spans) == p.content_text
        for a, b in p.mention_spans:
            assert text[a:b] == p.mention
    assert timing["spacy_seconds"] > 0 and timing["extraction_seconds"] > 0 and timing["paragraphs"] >= 2


def test_exact_match_is_piecewise_for_interrupted_quotes():
    text = "\u201cWe go to school,\u201d he said, \u201cand they taunt us.\u201d"
    a, b = text.index("\u201cWe"), text.index("\u201d") + 1
    c, d = text.index("\u201cand"), len(text)
    gold = GoldAttribution(doc_id="d", content_spans=((a, b), (c, d)), content_text=text[a:b] + " " + text[c:d],
                           source_spans=(), source_text=None, cue_spans=(), cue_text=None, speaker=None,
                           kind="direct", cue_class=None)
    doc = GoldDocument(doc_id="d", text=text, title=None, attributions=(gold,))
    p1 = _pred([(a + 1, b - 2)], text[a + 1:b - 2], cue_spans=[(23, 27)], speaker="He")
    p2 = _pred([(c + 1, d - 1)], text[c + 1:d - 1], cue_spans=[(23, 27)], speaker="He")
    m, _ = A.evaluate([doc], {"d": [p1, p2]}, corpus="polnear")
    assert m["n_pred"] == 1 and m["content_f1_exact"] == 1.0
    m, _ = A.evaluate([doc], {"d": [p1, p2]}, corpus="polnear", merge=False)
    assert m["n_pred"] == 2 and m["content_recall_overlap"] == 0.0  # one piece alone covers < half


def test_command_reports_missing_corpus(tmp_path):
    from evals import attribution

    (tmp_path / "empty").mkdir()
    res = CliRunner().invoke(attribution.command, ["--format", "pdnc", "--data", str(tmp_path / "empty")])
    assert res.exit_code != 0 and "no annotated pdnc documents" in res.output
    res = CliRunner().invoke(attribution.command, ["--format", "polnear", "--data", str(tmp_path / "empty"),
                                                   "--split", "test"])
    assert res.exit_code != 0 and "no PolNeAR 'test' texts" in res.output


def test_a_relative_pronoun_source_stands_for_the_phrase_before_it():
    """"Sen. Lena Ruiz, who opposed the tax" names Lena Ruiz, not the last source before her;
    "critics, who say" is right for a predicted mention "critics"."""
    text = ("Title\n\nJohn Park said the tax was fair. It was opposed by Sen. Lena Ruiz, who said "
            "it was too high. It angered critics, who say it will fail.")

    def at(needle):
        i = text.index(needle)
        return i, i + len(needle)

    def gold(gid, content, source_at):
        return GoldAttribution(doc_id="r", content_spans=(at(content),), content_text=content,
                               source_spans=(source_at,), source_text=text[slice(*source_at)],
                               cue_spans=(), cue_text=None, speaker=None, kind="indirect",
                               cue_class="speech", gold_id=gid)

    who1 = text.index("who said")
    who2 = text.index("who say")
    golds = (gold("E1", "the tax was fair", at("John Park")),
             gold("E2", "it was too high", (who1, who1 + 3)),
             gold("E3", "it will fail", (who2, who2 + 3)))
    doc = GoldDocument(doc_id="r", text=text, title="Title", attributions=golds)
    names = A.gold_source_names(doc)
    assert names["E2"] == ("lena", "ruiz") and names["E3"] is None
    assert A.source_correct(golds[1], _pred([(0, 1)], speaker="Lena Ruiz"), names["E2"], text)
    assert not A.source_correct(golds[1], _pred([(0, 1)], speaker="John Park"), names["E2"], text)
    critics = _pred([(0, 1)], speaker="Critics", mention_spans=[at("critics")])
    assert A.source_correct(golds[2], critics, names["E3"], text)
    angered = _pred([(0, 1)], speaker="It", mention_spans=[at("It angered")])
    assert not A.source_correct(golds[2], angered, names["E3"], text)
