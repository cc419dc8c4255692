"""The pronoun ranking: its candidates, its training data, and what it changes on real text."""

from __future__ import annotations

import click
import pytest

from evals.corpora.records import GoldAttribution, GoldDocument
from evals.train_antecedents import accuracy, recorded_events
from rag.quotes import extract_document, load_nlp
from rag.quotes.antecedents import AntecedentModel, Candidate, load_antecedent_model
from rag.types import Document

TEXT = (
    "Margaret Hale came into the drawing-room and found Edith Shaw at the window.\n\n"
    "\u201cIs it raining still?\u201d asked Margaret.\n\n"
    "\u201cIt has stopped,\u201d she said. \u201cWe may walk after all.\u201d\n"
)


def _gold(quote: str, speaker: str) -> GoldAttribution:
    start = TEXT.index(quote)
    return GoldAttribution(
        doc_id="Walk", content_spans=((start, start + len(quote)),), content_text=quote,
        source_spans=(), source_text=None, cue_spans=(), cue_text=None, speaker=speaker,
        kind="direct", cue_class="speech")


def _novel(doc_id: str = "Walk") -> GoldDocument:
    return GoldDocument(
        doc_id=doc_id, text=TEXT, title=None,
        attributions=(_gold("Is it raining still?", "Margaret Hale"), _gold("It has stopped,", "Edith Shaw")),
        characters={"Margaret Hale": ("Margaret", "Margaret Hale"), "Edith Shaw": ("Edith", "Edith Shaw")})


def _parse(texts):
    return load_nlp().pipe(texts)


def test_a_pronoun_tag_is_recorded_with_its_candidates_and_the_gold_speaker_among_them():
    events = recorded_events([_novel()], _parse)
    assert len(events) == 1  # one "she said"; "asked Margaret" names its speaker
    event = events[0]
    assert len(event.features) == 2 and sum(event.labels) == 1
    right = event.labels.index(1)
    assert "turn=0" in event.features[right]  # Edith did not speak the turn before
    assert event.rule is not None
    # Nothing but the rule is needed to score the rule.
    assert accuracy(events, None) in (0.0, 1.0)


def test_recording_refuses_a_held_out_novel():
    with pytest.raises(click.ClickException, match="held out"):
        recorded_events([_novel("HowardsEnd")], _parse)


def test_the_model_picks_the_candidate_its_weights_score_highest():
    model = AntecedentModel(weights={"turn=1": -2.0, "order=0": 1.0})
    cands = [Candidate("Margaret Hale", ("order=0", "turn=1")), Candidate("Edith Shaw", ("order=1", "turn=0"))]
    assert model.pick(cands) == "Edith Shaw"
    assert model.pick([]) is None


@pytest.mark.parametrize("tag", ["she said", "said the girl"])
def test_the_packaged_model_weighs_the_dialogue_over_the_latest_name(tag):
    """Mary is the latest woman named, so the hand rule gave her the answer; but Lucy spoke
    the turn before last and is called by name in the question she answers."""
    text = ("Lucy Hale sat by the fire when Mr. Darwin came in.\n\n\u201cYou are late,\u201d said Lucy.\n\n"
            "Mary Price laughed and went to the window.\n\n\u201cWill you forgive me, Lucy?\u201d he asked.\n\n"
            f"\u201cI should like it of all things,\u201d {tag}.\n")
    assert load_antecedent_model() is not None
    _, quotes = extract_document(Document("Walk", text))
    assert [q.speaker for q in quotes] == ["Lucy Hale", "Mr. Darwin", "Lucy Hale"]


def test_the_narrations_he_keeps_his_man_in_view_past_a_name_in_passing():
    """"He was warm in his blame of Mr. Elton's conduct": that "he" is Mr. Knightley, so the
    "said he" after it is his, not that of Mr. Elton, the man named last."""
    text = ("Emma had no chance of speaking to Mr. Knightley till after supper, but her eyes invited "
            "him to come to her and be thanked. He was warm in his blame of Mr. Elton's conduct; it "
            "had been rude, and Mrs. Elton's looks were blamed too.\n\n"
            "\u201cThey aimed at wounding more than Harriet,\u201d said he.\n")
    _, quotes = extract_document(Document("Ball", text))
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Mr. Knightley"]


def test_a_man_whose_given_name_says_so_is_no_she():
    # "Adrian" was no name the gender table knew, so the man who had just spoken was the one
    # "she" fitted best; the woman who speaks is no one the text has named.
    text = ("\"I shall stay till morning,\" said Adrian Singleton.\n\n"
            "One of the women at the bar laughed.\n\n"
            "\"You will go home,\" she said.")
    assert extract_document(Document("novel", text))[1][-1].speaker != "Adrian Singleton"
