"""The learned cue judge: reported speech beyond the cue lexicon, on real sentences and the real model."""

from __future__ import annotations

import pytest

from rag.quotes import extract_document, load_nlp
from rag.quotes.cues import CueCandidate, CueModel, candidates, load_cue_model
from rag.types import Document


def _quotes(text: str):
    return extract_document(Document(doc_id="t", text=text))[1]


def _one(text: str):
    quotes = _quotes(text)
    assert len(quotes) == 1, [(q.text, q.speaker) for q in quotes]
    return quotes[0]


def test_the_packaged_model_loads_with_its_threshold():
    model = load_cue_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 1000


def test_a_wish_verb_outside_the_lexicon_attributes_its_infinitive():
    q = _one("Rubio wants to emerge as the candidate of mainstream Republicans before the primary.")
    assert (q.speaker, q.cue, q.kind) == ("Rubio", "wants", "indirect")
    assert q.text == "to emerge as the candidate of mainstream Republicans before the primary"


def test_a_poll_can_be_the_source_of_a_finding():
    q = _one("A new poll showed that most voters in Iowa prefer a candidate with political experience.")
    assert q.cue == "showed"
    assert q.mention == "A new poll"
    assert q.text == "that most voters in Iowa prefer a candidate with political experience"


def test_a_headline_colon_attributes_the_claim_to_the_outlet_before_it():
    quotes = _quotes("NY Daily News: Paris Attacks Highlight Threat Posed by the Gun Lobby\n\n"
                     "The paper ran the story on Monday.")
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("NY Daily News", ":", "Paris Attacks Highlight Threat Posed by the Gun Lobby")]


def test_a_headline_verb_between_two_names_makes_the_first_the_source():
    # The tagger reads "Carly Fiorina Endorses Ted Cruz" as one name headed by Cruz; taken
    # whole, it also gave Cruz a woman's first name and left "she" in the story unresolved.
    quotes = _quotes("Carly Fiorina Endorses Ted Cruz: I Am \u2018Horrified\u2019 By Donald Trump.\n\n"
                     "Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday. \u201cTed Cruz "
                     "has stood up for our liberties,\u201d she said.")
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Carly Fiorina", ":"), ("Carly Fiorina", "said")]


def test_a_colon_after_where_something_was_said_attributes_nothing():
    assert _quotes("Later that month on CNN: the candidate never made a mistake going into "
                   "Afghanistan.") == []


def test_a_passive_report_names_the_agent_as_source():
    q = _one("The governor's resignation was first reported by the Associated Press on Tuesday.")
    assert (q.speaker, q.text) == ("Associated Press", "The governor's resignation")


def test_called_for_a_clause_parsed_as_an_adverbial_clause():
    q = _one("Senator Warren has called for the banks to be broken up before the next crisis.")
    assert (q.speaker, q.cue) == ("Warren", "called for")
    assert q.text == "the banks to be broken up before the next crisis"


def test_a_relative_clause_subject_is_the_noun_it_hangs_on():
    quotes = _quotes("Voters who supported the mayor in 2019 now criticize his housing plan as too timid.")
    said = {q.cue: q for q in quotes}
    assert said["criticize"].speaker == "Voters"
    assert said["criticize"].text == "his housing plan as too timid"


def test_an_object_and_its_complement_are_one_content():
    cands = candidates(load_nlp()("Clinton accused Trump of stoking fear among voters.")[1])
    patterns = {c.pattern for c in cands}
    assert {"dobj", "dobj_rest"} <= patterns


def test_a_plain_action_is_not_an_attribution():
    assert _quotes("The committee moved the hearing to a larger room on Thursday.") == []


def test_a_scare_quote_inside_a_sentence_is_not_a_quote():
    assert _quotes("The so-called \u201cundercard\u201d debate drew few viewers on Tuesday.") == []


def test_a_title_closing_its_sentence_is_not_a_quote():
    # American print sets the sentence's period inside the marks; the title was taken for a
    # quoted sentence and given to the paragraph's last speaker.
    text = ("\u201cWe will win,\u201d Carter said.\n\nCarter is a co-host of the politics podcast "
            "\u201cSo, That Happened.\u201d Listeners can subscribe online.")
    assert [q.text for q in _quotes(text)] == ["We will win"]


@pytest.mark.parametrize("text,said", [
    ("Her only answer was, \u201cCertainly not.\u201d He left the room.", ["Certainly not."]),
    ("\u201cNo,\u201d replied the voice; \u201cGod forbid.\u201d", ["No", "God forbid."]),
])
def test_a_short_quotation_after_a_comma_or_semicolon_closing_its_sentence_is_still_a_quote(text, said):
    assert [q.text for q in _quotes(text)] == said


def test_a_short_quoted_utterance_on_its_own_is_still_a_quote():
    quotes = _quotes("\u201cNot yet.\u201d\n\nThe reporters waited in the hall.")
    assert [q.text for q in quotes] == ["Not yet."]


def test_the_best_reading_is_the_most_likely_one_above_the_threshold():
    doc = load_nlp()("Rubio wants to emerge as the candidate.")
    verb = doc[1]
    model = CueModel(weights={"pat=xcomp": 3.0, "bias": -1.0}, threshold=0.5)
    cand, probability = model.best(verb)
    assert cand.pattern == "xcomp" and probability == pytest.approx(1 / (1 + pow(2.718281828, -2.0)), rel=1e-3)
    assert CueModel(weights={"bias": -5.0}, threshold=0.5).best(verb) is None


def test_features_name_the_lemma_and_pattern():
    doc = load_nlp()("Rubio wants to emerge as the candidate.")
    cand: CueCandidate = candidates(doc[1])[0]
    assert "lem|pat=want|xcomp" in cand.features and doc[cand.subject].text == "Rubio"


def test_a_hedged_intention_is_not_put_in_the_subjects_mouth():
    assert _quotes("Russian leader Vladimir Putin reportedly aims to liberate the entire region before spring.") == []
    q = _one("Russian leader Vladimir Putin aims to liberate the entire region before spring.")
    assert (q.speaker, q.cue) == ("Vladimir Putin", "aims")


def test_an_object_spelled_out_after_a_colon_keeps_its_explanation():
    quotes = _quotes("Unit commander Robert Brovdi noted the grim aftermath: after each failed attack, "
                     "buggies would arrive to recover the bodies.")
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Robert Brovdi", "noted", "the grim aftermath: after each failed attack, buggies would arrive to "
                                   "recover the bodies")]
