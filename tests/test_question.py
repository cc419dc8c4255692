import pytest

from rag.names import match_speaker
from rag.question import parse_question


@pytest.mark.parametrize("text,intent,speaker,quote,topic", [
    ('Who said "Moscow has dragged another nation into this war"?', "who_said", None,
     "Moscow has dragged another nation into this war", None),
    ("Who noted that buggies arrived to recover bodies?", "who_said", None,
     "buggies arrived to recover bodies", None),
    ("According to whom were 11,000 troops moved westward?", "who_said", None,
     "11,000 troops moved westward", None),
    ("What did Zelenskyy say about North Korea joining the war?", "what_said", "Zelenskyy", None,
     "North Korea joining the war"),
    ("What did Brovdi say?", "what_said", "Brovdi", None, None),
    ('Did Putin say "Moscow has dragged another nation into this war"?', "did_say", "Putin",
     "Moscow has dragged another nation into this war", None),
    ("Did Zelenskyy say that soldiers were gorging on pornography?", "did_say", "Zelenskyy",
     "soldiers were gorging on pornography", None),
    ("When did Zelenskyy say that Moscow had dragged another nation into the war?", "when",
     "Zelenskyy", "Moscow had dragged another nation into the war", None),
    ("Who commented on the losses?", "speakers", None, None, "the losses"),
    ("Who is quoted in the article about North Korean tactics in Kursk?", "speakers", None, None,
     "North Korean tactics in Kursk"),
    # A name holding a word that is also a verb: "State" is not the verb asked about.
    ('Did the State Department say "the emails held secrets"?', "did_say", "the State Department",
     "the emails held secrets", None),
    ("What did the State Department say about the server?", "what_said", "the State Department",
     None, "the server"),
    ("Did Secretary of State John Kerry say that the talks were over?", "did_say",
     "Secretary of State John Kerry", "the talks were over", None),
    ("Moscow dragged another nation into the war", "other", None,
     "Moscow dragged another nation into the war", None),
])
def test_parse_question(text, intent, speaker, quote, topic):
    q = parse_question(text)
    assert (q.intent, q.speaker, q.quote, q.topic) == (intent, speaker, quote, topic)


def test_match_speaker_through_names_mentions_and_spelling():
    aliases = {"Volodymyr Zelenskyy": {"Volodymyr Zelenskyy", "Ukrainian President Volodymyr Zelenskyy"},
               "Robert Brovdi": {"Robert Brovdi", "Brovdi"},
               "John Smith": {"John Smith"}, "Anna Smith": {"Anna Smith"}}
    assert match_speaker("Zelensky", aliases) == ["Volodymyr Zelenskyy"]
    assert match_speaker("the Ukrainian president", aliases) == ["Volodymyr Zelenskyy"]
    assert match_speaker("Brovdi", aliases) == ["Robert Brovdi"]
    assert sorted(match_speaker("Smith", aliases)) == ["Anna Smith", "John Smith"]
    assert match_speaker("John Smith", aliases) == ["John Smith"]
    assert match_speaker("Putin", aliases) == []
    # Titles in the question need not be part of the stored name.
    assert match_speaker("President Zelenskyy", aliases) == ["Volodymyr Zelenskyy"]
    assert match_speaker("Fr. Frank Pavone", {"Frank Pavone": {"Frank Pavone"}}) == ["Frank Pavone"]


def test_a_pet_name_asked_for_matches_the_given_name_the_index_knows():
    # "What did Gil say ..." found no one in a novel whose tags call him Gilbert Blythe.
    aliases = {"Gilbert Blythe": {"Gilbert Blythe", "Gilbert"}, "Elizabeth Bennet": {"Elizabeth Bennet", "Elizabeth"},
               "Harry Potter": {"Harry Potter", "Harry"}}
    assert match_speaker("Gil", aliases) == ["Gilbert Blythe"]
    assert match_speaker("Lizzy Bennet", aliases) == ["Elizabeth Bennet"]
    # Someone who goes by the pet form itself is the one asked for; a formal name is no pet form.
    assert match_speaker("Harry", {**aliases, "Henry Tilney": {"Henry Tilney"}}) == ["Harry Potter"]
    assert match_speaker("Henry", aliases) == []


def test_match_speaker_does_not_take_a_final_s_for_a_spelling_variant():
    aliases = {"Robin Williams": {"Robin Williams", "Williams"}, "Politicos": {"Politicos"}}
    assert match_speaker("William", aliases) == []
    assert match_speaker("Politico", aliases) == []
    assert match_speaker("Williams", aliases) == ["Robin Williams"]


def test_a_title_of_one_sex_does_not_match_a_speaker_of_the_other():
    # "Did Mr. Price say ..." was answered yes with Mrs. Price's words: the title is all that
    # told them apart, and it was dropped before matching.
    aliases = {"Mrs. Price": {"Mrs. Price"}, "Sam Price": {"Sam Price", "Sam"}, "Price": {"Price"},
               "Hillary Clinton": {"Hillary Clinton", "Clinton", "Mrs. Clinton"}, "Bill Clinton": {"Bill Clinton"}}
    assert match_speaker("Mr. Price", aliases) == ["Sam Price", "Price"]
    assert match_speaker("Mrs. Price", aliases) == ["Mrs. Price", "Price"]
    assert match_speaker("Mr. Clinton", aliases) == ["Bill Clinton"]
    assert match_speaker("Mrs. Clinton", aliases) == ["Hillary Clinton"]
    # "Miss Price" is a daughter of the house, not Mrs. Price.
    assert match_speaker("Mrs. Price", {**aliases, "Miss Price": {"Miss Price"}}) == ["Mrs. Price", "Price"]
    assert match_speaker("Miss Price", {**aliases, "Miss Price": {"Miss Price"}}) == ["Miss Price", "Price"]
    # No title, no sex asked for: the bare name and its titled forms, as before.
    assert match_speaker("Price", aliases) == ["Price", "Mrs. Price"]


def test_match_speaker_takes_an_exact_alias_and_fuller_names_and_falls_back_to_a_surname():
    # "Baker" is one document's alias of Teal Baker; another document only says "Ann Baker",
    # who is not the one the corpus calls "Baker" (a "Did Baker say" answered yes with Ann
    # Baker's words put them in Teal Baker's mouth); a fuller question reaches her.
    aliases = {"Teal Baker": {"Teal Baker", "Baker"}, "Ann Baker": {"Ann Baker"},
               "de Blasio": {"de Blasio"}, "Bill Clinton": {"Bill Clinton"}, "Clinton": {"Clinton"}}
    assert match_speaker("Baker", aliases) == ["Teal Baker"]
    # ... nor is the one a document calls "Mr. Baker" left out.
    assert match_speaker("Baker", {**aliases, "Mr. Baker": {"Mr. Baker"}}) == ["Teal Baker", "Mr. Baker"]
    assert match_speaker("Ann Baker", aliases) == ["Ann Baker"]
    assert match_speaker("Ann", aliases) == ["Ann Baker"]
    # A document that never gave the full name stored the surname alone.
    assert match_speaker("Bill de Blasio", aliases) == ["de Blasio"]
    # ... but a speaker with the full name wins over a bare surname.
    assert match_speaker("Bill Clinton", aliases) == ["Bill Clinton"]
    assert match_speaker("Hillary Clinton", aliases) == ["Clinton"]
    assert match_speaker("Dean Smith", aliases) == []
    # A description is no surname: "the man" is not every "... Man" a question names.
    assert match_speaker("Wooden-Legged Man", {"Che Monteriano": {"Che Monteriano", "The man", "he"}}) == []


def test_match_speaker_leaves_out_people_a_name_only_says_whose():
    aliases = {"Bernie Sanders": {"Bernie Sanders", "Sanders"},
               "Aides to Mr. Sanders": {"Aides to Mr. Sanders"},
               "Spokesman for Governor Lane": {"Spokesman for Governor Lane"}}
    assert match_speaker("Sanders", aliases) == ["Bernie Sanders"]
    assert match_speaker("Mr. Sanders", aliases) == ["Bernie Sanders"]
    assert match_speaker("Lane", aliases) == []
    assert match_speaker("the spokesman for Governor Lane", aliases) == ["Spokesman for Governor Lane"]


def test_match_speaker_leaves_out_a_common_noun_the_name_only_modifies():
    aliases = {"Bernie Sanders": {"Bernie Sanders", "Sanders"},
               "Sanders advisers": {"Sanders advisers"},
               "National Academies": {"National Academies"},
               "National Academies report": {"A National Academies report"}}
    assert match_speaker("Sanders", aliases) == ["Bernie Sanders"]
    assert match_speaker("Academies", aliases) == ["National Academies"]
    assert match_speaker("the Sanders advisers", aliases) == ["Sanders advisers"]
    # "the" before a name asked for leaves it a name: the investigation is not the agency.
    aliases = {"Associated Press": {"the Associated Press", "Associated Press"},
               "Associated Press review": {"The Associated Press review"}}
    assert match_speaker("the Associated Press", aliases) == ["Associated Press"]


def test_match_speaker_through_initials_both_ways():
    aliases = {"Associated Press": {"the Associated Press"}, "Anna Park": {"Anna Park"},
               "FBI": {"the FBI", "FBI"}}
    assert match_speaker("the AP", aliases) == ["Associated Press"]  # not Anna Park's initials
    assert match_speaker("the Federal Bureau of Investigation", aliases) == ["FBI"]
    assert match_speaker("the F.B.I.", aliases) == ["FBI"]
    assert match_speaker("AP reporters", aliases) == []


def test_match_speaker_leaves_out_a_person_whose_role_names_the_asked_organisation():
    aliases = {"White House": {"The White House", "White House"},
               "Josh Earnest": {"Josh Earnest", "the White House spokesman, Josh Earnest"}}
    assert match_speaker("the White House", aliases) == ["White House"]
    assert match_speaker("Josh Earnest", aliases) == ["Josh Earnest"]


def test_an_initial_alone_matches_no_one_by_a_middle_initial():
    aliases = {"Lawrence H. Summers": {"Lawrence H. Summers", "Summers"}, "H": {"H"}}
    assert match_speaker("H", {"Lawrence H. Summers": aliases["Lawrence H. Summers"]}) == []
    assert match_speaker("H", aliases) == ["H"]
    assert match_speaker("Summers", aliases) == ["Lawrence H. Summers"]


def test_a_surname_alone_is_a_short_form_of_the_full_name_and_nothing_else():
    from rag.names import short_form_of

    assert short_form_of("Sanders", "Bernie Sanders")
    assert short_form_of("Mr. Sanders", "Sen. Bernie Sanders")
    assert not short_form_of("Sanders", "Sanders")  # the same name: match_speaker's job
    assert not short_form_of("Felicia Sanders", "Bernie Sanders")
    assert not short_form_of("the senator", "Bernie Sanders")
    assert short_form_of("Mr. Obama", "Barack Obama")
    assert not short_form_of("Mrs. Obama", "Barack Obama")  # not his given name's gender


def test_match_speaker_leaves_out_people_only_working_for_the_name_asked():
    aliases = {"Sylvia Manzano": {"Sylvia Manzano", "Latino Decisions researcher Sylvia Manzano"},
               "Latino Decisions": {"Latino Decisions"},
               "Volodymyr Zelenskyy": {"Ukrainian President Volodymyr Zelenskyy"}}
    assert match_speaker("Latino Decisions", aliases) == ["Latino Decisions"]
    assert match_speaker("Manzano", aliases) == ["Sylvia Manzano"]
    # A title written as part of the name is still the person.
    assert match_speaker("Ukrainian President", aliases) == ["Volodymyr Zelenskyy"]


def test_a_given_name_alone_is_a_form_of_the_full_name_that_starts_with_it():
    from rag.names import given_form_of

    assert given_form_of("Anne", "Anne Shirley")
    assert not given_form_of("Shirley", "Anne Shirley")  # a surname is short_form_of's
    assert not given_form_of("Anne Elliot", "Anne Shirley")
    assert not given_form_of("Mr. Anne", "Anne Shirley")  # a man's title, a woman's name


def test_joined_name_is_the_full_name_that_would_make_two_forms_one_person():
    from rag.names import joined_name

    assert joined_name("Anne", "Miss Anne Shirley") == "Anne Shirley"
    assert joined_name("Philip", "Mr. Herriton") == "Philip Herriton"
    assert joined_name("The King", "the King of Hearts") == "King of Hearts"
    assert joined_name("Philip", "Mrs. Herriton") is None  # a woman asked for, a man's name
    assert joined_name("Herriton", "Mr. Herriton") is None  # the same word: nothing to join
    assert joined_name("Queen", "the King of Hearts") is None
    assert joined_name("Ralph", "Celia") is None  # a given name asked for, not a surname
