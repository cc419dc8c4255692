"""The learned content tagger: decoding, the packaged model, what it adds to the rules, its training."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from safetensors.torch import load_file

from evals.corpora.records import GoldDocument
from evals.train_spans import command, content_scores, paragraph_examples, train
from rag.quotes import extract_document, load_nlp
from rag.quotes.span_features import FIELDS
from rag.quotes.attribution import paragraph_quotes
from rag.quotes.marks import quoted_spans
from rag.quotes.span_tagger import LAYERS, Tagged, _phrase, _redrawn, _tagged_reading, build_model, decode, load_span_tagger
from rag.types import Document


def test_decode_opens_a_span_at_b_and_at_an_i_after_o():
    #        O  B  I  I  O  I  I  B  I
    tags = [0, 1, 2, 2, 0, 2, 2, 1, 2]
    assert decode(tags) == [(1, 3), (5, 6), (7, 8)]
    assert decode([0, 0]) == []
    assert decode([2]) == [(0, 0)]


def test_the_packaged_tagger_loads_with_a_vocabulary_for_every_feature():
    tagger = load_span_tagger()
    assert tagger is not None
    assert set(tagger.vocab) == set(FIELDS)
    assert all("<unk>" in values for values in tagger.vocab.values())


def _quotes(text: str):
    _, quotes = extract_document(Document(doc_id="t", text=text))
    return quotes


def test_direct_quotations_keep_their_words_exactly():
    text = ('"We will hold the line until the last day," the mayor, Ana Ruiz, said on Monday. '
            'She added that the bridge would reopen in June.')
    quotes = _quotes(text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We will hold the line until the last day"]
    assert all(text[q.start: q.end] == q.text for q in quotes)


def _reading(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(q.speaker, q.text, q.cue) for q in _quotes(text) if q.kind != "direct"]


def test_a_content_is_redrawn_to_what_the_attack_was_on():
    # The rules take the object of "doubled down on"; annotators mark what the attacks were on.
    text = ("The campaign manager, Tom Reyes, doubled down on attacks on the governor's fitness for "
            "office, saying he was unprepared.")
    assert ("Tom Reyes", "the governor's fitness for office", "doubled down on") in _reading(text)


def test_a_span_that_cuts_a_word_from_its_object_is_no_phrase_to_redraw_along():
    # The tagger's span ended on "who was"; the content was redrawn to stop there.
    text = ("Smith said the exchanges were between Carter and Eric Fanning, who was his chief of "
            "staff at the time.")
    doc = load_nlp()(text)
    start = text.index("the exchanges")
    assert not _phrase(doc, (start, text.index(" his chief")))
    assert _phrase(doc, (start, text.index(" at the time")))  # a trailing adjunct may be left out


def test_a_content_the_rules_missed_is_added_with_the_judges_cue_and_speaker():
    text = ("Later in the day, Senator Mara Quist escalated her attacks on the governor's record, "
            "criticizing him for his votes against the water bill.")
    found = _reading(text)
    assert ("Mara Quist", "the governor's record", "escalated") in found
    assert ("Mara Quist", "him for his votes against the water bill", "criticizing") in found


def test_a_content_the_judge_has_no_reading_of_takes_the_taggers_cue_and_source():
    # No cue reading covers "the minister's promises": the tagger marks the cue and the source too.
    found = _reading("Farmers in the valley were skeptical of the minister's promises.")
    assert found == [("Farmers", "the minister's promises", "were skeptical of")]


def test_a_redrawn_content_leaves_the_cue_its_words():
    # A tagger span that opens with "about", when the rules' cue already ends with it.
    text = "Mayor Dana Whitfield expressed concern about the rising cost of the tunnel."
    doc = load_nlp()(text)
    (raw,) = paragraph_quotes(doc)
    assert text[raw.cue_span[0]: raw.cue_span[1]] == "expressed concern about"
    span = (text.index("about the"), text.index("."))
    redrawn = _redrawn(doc, raw, [span], [], [])
    assert text[redrawn.start: redrawn.end] == "the rising cost of the tunnel"


def test_a_cue_that_has_its_content_gets_no_second_one_from_the_tagger():
    # '"A rope!" cried Tom, to be of some use': "cried" already carries the quotation.
    text = '"A rope!" cried Tom, to be of some use.'
    doc = load_nlp()(text)
    cried, tom = (next(t.i for t in doc if t.text == w) for w in ("cried", "Tom"))
    marks = Tagged(content=[], cue=[(cried, cried)], source=[(tom, tom)])
    words = (text.index("to be"), text.index("."))
    spans = quoted_spans(text)
    assert _tagged_reading(doc, words, spans, marks, []) is not None
    assert _tagged_reading(doc, words, spans, marks, [(doc[cried].idx, doc[cried].idx + 5)]) is None


def test_a_redrawn_content_takes_in_no_quotation_it_did_not_have():
    text = 'She answered that the roof had been mended, adding, "and the walls painted twice."'
    doc = load_nlp()(text)
    spans = quoted_spans(text)
    (raw,) = [replace(r, end=text.index(' "and')) for r in paragraph_quotes(doc, spans) if r.kind != "direct"]
    wide = (raw.start, len(text) - 2)
    assert _redrawn(doc, raw, [wide], [], spans) == raw
    assert _redrawn(doc, raw, [wide], [], []).end == wide[1]


def test_a_hedged_reading_is_not_added_either():
    # The tagger marks the clause; the rules' vetting of the reading ("reportedly") still holds.
    assert _reading("Russian leader Vladimir Putin reportedly aims to liberate the entire region before spring.") == []


TEXT = ("The senator said the plan was unfair to farmers. Several hours later the plan passed the committee "
        "with one vote to spare.")


@pytest.fixture
def senate(gold_attribution) -> GoldDocument:
    return GoldDocument(doc_id="d", text=TEXT, title=None, attributions=(
        gold_attribution(TEXT, "the plan was unfair to farmers", "said", "The senator"),))


def test_training_examples_label_the_gold_content_tokens(senate):
    (example,) = paragraph_examples([senate], load_nlp())
    words = [TEXT[a:b] for a, b in example["tokens"]]
    layers = {name: [(w, y[k]) for w, y in zip(words, example["labels"]) if y[k]] for k, name in enumerate(LAYERS)}
    assert layers["content"][0] == ("the", 1)
    assert [w for w, _ in layers["content"]] == "the plan was unfair to farmers".split()
    assert layers["cue"] == [("said", 1)]
    assert layers["source"] == [("The", 1), ("senator", 2)]
    assert len(example["features"]) == len(words) == example["vectors"].shape[0]
    assert set(example["features"][0]) == set(FIELDS)


def test_a_tagger_trained_on_a_few_paragraphs_finds_their_contents(senate):
    examples = paragraph_examples([senate], load_nlp())
    fit = [dict(ex, part="fit") for ex in examples] * 640
    check = [dict(ex, part="check") for ex in examples]
    tagger, _, scores, rules = train(fit + check, hidden=32, dropout=0.0, epochs=12, seed=0, log=lambda _: None)
    assert scores["content_f1_overlap"] == scores["cue_f1"] == scores["source_f1"] == 1.0
    # The scorer itself: the rules' own reading of this paragraph is right too.
    assert content_scores(check, [ex["rules"] for ex in check])["content_f1_overlap"] == rules["content_f1_overlap"]


def test_training_writes_weights_the_library_loads(tmp_path, monkeypatch, senate):
    import evals.train_spans as module

    def tiny(docs, nlp):
        (ex,) = paragraph_examples([senate], nlp)
        return [dict(ex, part="fit"), dict(ex, part="check")]

    monkeypatch.setattr(module, "load_gold", lambda *a: [])
    monkeypatch.setattr(module, "paragraph_examples", tiny)
    result = CliRunner().invoke(command, ["--data", str(tmp_path), "--hidden", "8", "--epochs", "1",
                                          "--out", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "model" / "span_tagger.json").read_text())
    model = build_model(meta["vocab"], meta["hidden"], layers=len(meta["layers"]))
    model.load_state_dict(load_file(str(tmp_path / "model" / "span_tagger.safetensors")))
    assert meta["best_epoch"] == 0 and "rules" in meta["check"]


def test_tagging_leaves_the_thread_count_of_torch_as_it_was():
    import torch

    before = torch.get_num_threads()
    assert _reading("Governor Dana Whitfield said that the schools would open on Monday.")
    assert torch.get_num_threads() == before
