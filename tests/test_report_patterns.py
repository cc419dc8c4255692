"""Reports whose parse hides the speaker or the content: written sentences, real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.types import Document


def readings(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(q.speaker, q.text, q.cue) for q in extract_document(Document("t", text))[1]]


@pytest.mark.parametrize("text,reading", [
    # A participle after "after" is done by the subject of the clause it explains.
    ("Mr. Sanders, after initially saying he would not advertise on television in the state, has "
     "started running ads.",
     ("Mr. Sanders", "he would not advertise on television in the state", "saying")),
    # A long aside in brackets between the name and the verb; the parser makes the name the
    # subject of a word inside it, and takes the clause before "but" for a second complement.
    ("Few politicians would ever admit this, but Sen. Chris Murphy (a Connecticut Democrat so "
     "boyish he has been mistaken for a junior staffer) says he was unfocused in his first weeks.",
     ("Chris Murphy", "he was unfocused in his first weeks", "says")),
    # A report set off by commas inside the sentence it sources.
    ("The nationwide campaign, first reported by The Washington Post, is a key element of the "
     "administration's response.",
     ("Washington Post", "is a key element of the administration's response", "reported")),
    # A report of its own before the verb (its own speaker and content) is not what the later
    # verb relays: the moderators said none of it.
    ("So let me get this straight: on the same day that the Washington Post reports that the "
     "State Department issued subpoenas to a family foundation bearing Hillary Clinton\u2019s name "
     "as part of a federal investigation, the PBS debate moderators didn\u2019t ask her about it.",
     ("Washington Post", "that the State Department issued subpoenas to a family foundation "
      "bearing Hillary Clinton\u2019s name as part of a federal investigation", "reports")),
])
def test_reports_the_parser_hides(text, reading):
    assert readings(text) == [reading]


def test_a_time_clause_that_reports_on_its_own_ends_the_content_before_it():
    text = ("Indiana Gov. Mike Pence is joining his running mate Donald Trump in calling for a special "
            "prosecutor to investigate Hillary Clinton and for the Clinton Foundation to be shut down "
            "after the Associated Press reports more than half of Hillary Clinton\u2019s meetings as "
            "secretary of state with non-government officials were with Clinton Foundation donors.")
    assert [(s, c) for s, c, _ in readings(text)] == [
        ("Mike Pence", "a special prosecutor to investigate Hillary Clinton and for the Clinton "
                       "Foundation to be shut down"),
        ("Associated Press", "more than half of Hillary Clinton\u2019s meetings as secretary of state "
                             "with non-government officials were with Clinton Foundation donors")]
    # On the content's own clause, the time clause is part of what was said.
    text = "Clinton said she would respond after Trump says that he will release his returns."
    assert readings(text)[0] == (
        "Clinton", "she would respond after Trump says that he will release his returns", "said")


def test_a_user_from_a_place_is_the_user_and_the_bulk_of_a_sum_says_nothing():
    # "from Hanover" is where the user lives, not who wrote the tweet.
    assert readings('"This is a disgrace," tweeted a German user from Hanover.') == [
        ("German user", "This is a disgrace", "tweeted")]
    # Most of the money, not anyone, attacked the record.
    text = "Trump spent $20 million on ads last month, the bulk of it attacking Clinton's record on trade."
    assert all(speaker != "Bulk" for speaker, _, _ in readings(text))
    # An amount speaks for what it is of.
    assert readings("A number of Republican senators said the bill would fail.") == [
        ("Republican senators", "the bill would fail", "said")]


@pytest.mark.parametrize("text,reading", [
    # The parser ends a sentence at "Capt." and makes the rank the speaker.
    ('"We are already at war with ISIL," said Pentagon spokesman Navy Capt. Jeff Davis, who was '
     'asked about the need for a different war strategy.',
     ("Jeff Davis", "We are already at war with ISIL", "said")),
    # It hangs the name on "notes" as if the verb were a noun.
    ('"Look at the statement Mr. Trump put out after the Dallas shootings," Conway notes. "It was '
     'very different in tone and content from what people are accustomed to."',
     ("Conway", "Look at the statement Mr. Trump put out after the Dallas shootings", "notes")),
    # A name opening with a gerund-like word: the parser makes "Playing" a verb with the rest
    # of the name as its object.
    ("Playing Field Promotions, a sports and celebrity talent agency, says that Walker has lost "
     "close to $100,000 simply for being a Trump fan.",
     ("Playing Field Promotions", "that Walker has lost close to $100,000 simply for being a Trump "
      "fan", "says")),
])
def test_a_tag_whose_name_the_parser_misreads(text, reading):
    assert readings(text)[0] == reading


def test_a_dateline_the_parser_makes_the_subject_is_not_the_speaker():
    # The one after the dateline's dash is, though the parser makes him its apposition.
    text = ("LA CROSSE, Wisc. \u2014 Gov. Mike Pence on Thursday blamed the media for making an issue "
            "out of Donald Trump\u2019s claim that President Barack Obama \u201cfounded ISIS,\u201d "
            "saying they were nitpicking at Trump's wording while missing the larger truth of Trump's "
            "remarks.")
    assert ("Mike Pence", "they were nitpicking at Trump's wording while missing the larger truth of "
            "Trump's remarks", "saying") in readings(text)
    assert {speaker for speaker, _, _ in readings(text)} == {"Mike Pence"}


def test_a_wire_dateline_with_a_plain_hyphen_is_not_the_speaker():
    text = ("DAYTON, Ohio (AP) - Governor Ann Reyes toured the flooded streets on Monday and said the "
            "state would pay for the repairs.")
    assert readings(text) == [("Ann Reyes", "the state would pay for the repairs", "said")]


def test_an_infinitive_hung_on_the_object_is_done_by_the_subject():
    # The parser makes "to brag" a relative clause of "briefing"; Obama is the one bragging.
    text = ("Obama on Friday held an impromptu press briefing to brag that the unemployment rate has "
            "fallen below 5 percent for the first time in eight years.")
    assert readings(text) == [("Obama", "that the unemployment rate has fallen below 5 percent for "
                                        "the first time in eight years", "brag")]


def test_an_infinitive_after_a_quality_is_not_a_purpose():
    # "the courage to suggest" says nothing was suggested; the quotation is not Lilia's.
    text = ('He said Irma had better come out. "The air is good; she will be happy here." But Lilia '
            'had not the courage even to suggest this to the Herritons.')
    assert all(speaker != "Lilia" for speaker, _, _ in readings(text))


def test_a_that_clause_the_parser_hangs_on_a_time_phrase_is_what_was_said():
    # "that" looks like the relative pronoun of "hall", but "asked" has an object already.
    text = ("Heather Johnston, a benefits manager from Derry, said before attending Wednesday's town "
            "hall that CNN asked her to pose a question about her top issue: student debt.")
    assert readings(text)[0] == ("Heather Johnston", "that CNN asked her to pose a question about "
                                                     "her top issue: student debt", "said")


def test_a_capitalised_role_with_its_of_phrase_names_the_person_after_it():
    text = ("The union will likely sit out the election altogether, UMWA Director of Government "
            "Affairs Phil Smith told POLITICO earlier this week.")
    assert readings(text) == [("Phil Smith", "The union will likely sit out the election altogether",
                               "told")]


def test_a_name_with_a_curly_apostrophe_the_tagger_calls_a_noun_still_speaks():
    text = ("After Glenn Beck asked the conservative who he thought would win the presidency, "
            "D\u2019Souza replied, \u201cIf I had to bet now, I would bet on Hillary.\u201d")
    assert ("D\u2019Souza", "If I had to bet now, I would bet on Hillary.", "replied") in readings(text)


def test_a_report_by_someone_that_says_something_is_theirs():
    # The parser hangs the that-clause on "was", not on "report".
    text = ('And on Friday, it was a report by Politico that he "fabricated" the story of an offer '
            'to attend West Point.')
    assert readings(text) == [("Politico", 'that he "fabricated" the story of an offer to attend '
                                           'West Point', "report")]


def test_a_projection_by_a_firm_named_beside_what_it_is_speaks_for_the_firm():
    # The parser makes "firm" the object of "by" and hangs the name on it as an apposition.
    text = ("A projection by the consulting firm Oxford Economics, prepared for the National Retail "
            "Federation, predicted that a disproportionate number of workers would see their hourly "
            "rates decreased.")
    assert readings(text) == [("Oxford Economics", "that a disproportionate number of workers would "
                                                   "see their hourly rates decreased", "predicted")]


def test_a_tag_after_an_opening_quotation_takes_neither_the_report_after_it_nor_its_verb():
    # The parser hangs the quotation and Trump's tag on Quick's "said".
    text = ('"I never said that. I never said that," Trump said, after CNBC\'s Becky Quick said the '
            'billionaire front-runner had derided Mark Zuckerberg.')
    assert readings(text) == [
        ("Trump", "I never said that. I never said that", "said"),
        ("Becky Quick", "the billionaire front-runner had derided Mark Zuckerberg", "said")]


def test_whom_someone_spoke_to_or_on_what_show_is_not_what_they_said():
    text = ("Speaking to supporters in South Carolina, Cruz said the race was his. Clinton spoke to "
            "the Planned Parenthood Action Network on Friday. Trump talked about the wall.")
    assert readings(text) == [("Cruz", "the race was his", "said"), ("Trump", "the wall", "talked about")]


@pytest.mark.parametrize("text,speaker", [
    # The parser heads the subject by the time and hangs the name on it.
    ("On that point, Broaddrick Sunday night recounted an interaction with Hillary Clinton.",
     "Broaddrick"),
    # It makes the person an apposition of the place before.
    ("At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's "
     "78-year-old president and general manager, suggested that the troubles besetting some of his "
     "competitors could be blamed on poor management and on their focus on ''the business of "
     "selling.''", "Jay DiPietro"),
    # A stretch of time speaks for whom it is of.
    ("Nine months of Trump soaring to the top of the polls and slaying all comers by talking about "
     "how he\u2019s going to build a wall and make Mexico pay for it.", "Trump"),
])
def test_a_speaker_the_parser_hangs_on_a_time_or_a_place(text, speaker):
    assert readings(text)[0][0] == speaker


def test_an_as_clause_on_the_second_of_two_clauses_sources_that_one():
    text = ("Government employees can still get in plenty of trouble for mishandling classified "
            "material, and as Comey noted, people involved in the Clinton case could still be "
            "subject to administrative sanctions.")
    assert readings(text) == [("Comey", "people involved in the Clinton case could still be subject "
                                        "to administrative sanctions", "noted")]


def test_a_report_before_a_second_one_is_not_part_of_what_the_second_reports():
    text = ("In Seattle, marchers honored the Orlando victims with white roses held aloft, KING-TV "
            "reported, while in Chicago the parade began with a moment of silence, the Chicago "
            "Sun-Times reported.")
    (_, first, _), (second_source, second, _) = readings(text)
    assert second_source == "Chicago Sun-Times"
    assert "Seattle" not in second and "in Chicago the parade began with a moment of silence" in second


def test_as_someone_is_known_by_others_is_a_name_not_a_report():
    text = ("Grandpa Bern, as he\u2019s affectionately known by his grandchildren, described a day at "
            "home with his grandchildren in Burlington, Vermont, as the perfect day off.")
    assert all(speaker != "His grandchildren" for speaker, _, _ in readings(text))


def test_adding_after_what_was_said_is_done_by_who_said_it():
    # The parser hangs "adding" on Romney's "had"; Trump is the one who goes on.
    text = ("To wit, Trump told Newsmax that Mitt Romney \u201chad a crazy policy of self-deportation "
            "which was maniacal,\u201d adding, \u201cHe lost all of the Latino vote \u2026 he lost "
            "everybody who is inspired to come into this country.\u201d")
    assert [speaker for speaker, _, _ in readings(text)] == ["Trump", "Trump"]


def test_a_report_opening_the_sentence_sources_the_clause_after_its_comma():
    # The parser makes "reported" a complement of "refused"; the foundation said nothing.
    text = ("Breitbart News\u2019 Michael Patrick Leahy previously reported, The Clinton Foundation "
            "refused to release the names of 1,076 foreign donors.")
    assert readings(text) == [("Michael Patrick Leahy", "The Clinton Foundation refused to release "
                               "the names of 1,076 foreign donors", "reported")]


def test_a_label_of_capitalised_nouns_after_a_dash_names_the_source():
    # The tagger reads "Pew Research" as two common nouns, with the adjective before the dash
    # hung on them.
    text = ("Estimates of civic engagement are particularly problematic - Pew Research: \u201cAll "
            "the samples evaluated include more engaged individuals than benchmark sources "
            "indicate should be present.\u201d")
    assert [speaker for speaker, _, _ in readings(text)] == ["Pew Research"]


def test_a_claim_the_parser_makes_the_subject_of_its_own_infinitive_is_its_owners():
    text = ("(As for the Sanders claim to have brought new voters to the party, turnout has been "
            "lower than it was in 2008.)")
    assert readings(text) == [("Sanders", "to have brought new voters to the party", "claim")]


def test_two_that_clauses_joined_by_but_are_one_content():
    # The parser hangs the first that-clause on "veterans"; the tagger alone keeps only the second.
    text = ("On Thursday night, Republican presidential candidate Donald Trump told the audience at "
            "his fundraiser for veterans that he and Fox News had multiple conversations Thursday "
            "but that nothing could change his mind about his decision to boycott the debate.")
    assert readings(text) == [("Donald Trump", "that he and Fox News had multiple conversations "
                               "Thursday but that nothing could change his mind about his decision "
                               "to boycott the debate", "told")]


def test_a_subject_the_parser_gives_to_an_aside_still_says_what_follows():
    text = ("One attendee, who like others spoke on the condition of anonymity to discuss the "
            "private meeting, said the message was that the race would not be over in February.")
    said = [(speaker, content) for speaker, content, cue in readings(text) if cue == "said"]
    assert said == [("Attendee", "the message was that the race would not be over in February")]


def test_a_question_the_parser_splits_off_the_verb_is_what_was_not_said():
    text = ("Don Stewart, a spokesman for McConnell, wouldn't say when, or if, the Senate will vote "
            "to confirm the nominee.")
    assert readings(text) == [("Don Stewart", "when, or if, the Senate will vote to confirm the "
                                              "nominee", "say")]


@pytest.mark.parametrize("text,said", [
    ("Rubio said the real extremist on abortion is Hillary Clinton, and he railed against "
     "Democratic debate moderators for failing to bring up abortion.",
     "the real extremist on abortion is Hillary Clinton"),
    ("She said she admires his determination and highlighted their shared commitment on policy "
     "goals like universal health care.", "she admires his determination"),
])
def test_a_past_tense_verb_after_a_present_report_goes_on_with_the_story(text, said):
    assert [content for _, content, cue in readings(text) if cue == "said"] == [said]


def test_a_sentence_ending_on_says_introduces_the_quotation_after_it():
    # The parser also sets Musser in apposition to Bush, the subject of "says".
    text = ("Or maybe Jeb Bush, digital consultant Phil Musser says. \u201cSeveral surveys suggest "
            "a second look is occurring for Jeb in New Hampshire.\u201d")
    assert [(speaker, cue) for speaker, _, cue in readings(text)] == [("Phil Musser", "says")]


def test_this_one_is_a_thing_not_a_speaker():
    text = ("Chaffetz requested yet another investigation of Clinton - this one focused on emails "
            "that a tech company staffer deleted.")
    assert all(speaker != "This one" for speaker, _, _ in readings(text))


@pytest.mark.parametrize("text,source,cue", [
    ("Although the senator has shown stamina on the trail, those around him acknowledge that a "
     "White House bid at age 78 seems improbable.", "those around him", "acknowledge"),
    ("Those close to the senator say that a bid at his age seems improbable.", "Those close to the senator",
     "say"),
    ("Those who know him say that a bid at his age seems improbable.", "Those who know him", "say"),
])
def test_those_a_phrase_describes_are_a_source(text, source, cue):
    quotes = [q for q in extract_document(Document("t", text))[1] if q.cue == cue]
    assert [(q.mention, q.text.endswith("seems improbable")) for q in quotes] == [(source, True)]


def test_what_was_asked_is_the_if_clause_after_the_one_asked():
    text = "Then Mr. Rubin asked the students if they were always so preternaturally serious."
    assert readings(text) == [("Mr. Rubin", "if they were always so preternaturally serious", "asked")]


def test_the_sentence_after_an_untagged_quotation_can_say_whose_words_they_were():
    text = ("\u201cI'd rather have a sister in a whorehouse than a brother in the FBI.\u201d That quote "
            "from Alabama Securities Commissioner Thomas Krebs appeared on the front page in 1980.")
    assert [speaker for speaker, _, _ in readings(text)] == ["Thomas Krebs"]
    # A quotation with a tag of its own keeps it.
    text = '"Of course," said Mary. "Not now." The line by the porter was long.'
    assert [speaker for speaker, _, _ in readings(text)] == ["Mary", "Mary"]


def test_who_sent_a_note_the_parser_hangs_the_saying_on_speaks():
    text = ("(Politico responded late Friday with an editor's note on the story saying that Carson had "
            "implied he applied to West Point but that was not the case.)")
    assert [(speaker, cue) for speaker, _, cue in readings(text)] == [("Politico", "saying")]
    # The name the parser splits (its last word an adverb of the verb) sent the statement.
    text = ("The march went ahead without them. Black Lives Matter issued a statement saying it "
            "would not take part this year.")
    assert [(speaker, cue) for speaker, _, cue in readings(text)] == [("Black Lives Matter", "saying")]
    # A person in the phrase is the one saying it, not whoever the phrase hangs on.
    text = "The senator appeared in an ad with a narrator saying that the bill would fail."
    assert all(speaker != "Senator" for speaker, _, _ in readings(text))


@pytest.mark.parametrize("text,reading", [
    ("The economy, Senator Jane Holt said, is in far better shape than the opposition claims.",
     ("Jane Holt", "The economy, Senator Jane Holt said, is in far better shape than the opposition claims",
      "said")),
    ("Voters in Iowa, the pollster Ann Selzer argues, have not made up their minds yet.",
     ("Ann Selzer", "Voters in Iowa, the pollster Ann Selzer argues, have not made up their minds yet",
      "argues")),
    # A possessive's apostrophe is no quotation mark.
    ("The Smiths' plan, Mayor Ann Reyes said, will fail within a year.",
     ("Ann Reyes", "The Smiths' plan, Mayor Ann Reyes said, will fail within a year", "said")),
    # A quotation after the tag goes on with the subject's clause.
    ("An economic downturn, Ann Selzer said, \u201ccould be a good time to borrow and pay off debt.\u201d",
     ("Ann Selzer", "An economic downturn, Ann Selzer said, \u201ccould be a good time to borrow and pay off "
      "debt.\u201d", "said")),
])
def test_a_tag_set_inside_the_sentence_keeps_the_words_on_both_sides(text, reading):
    # Not just the words after the tag: the subject before it is part of what was said.
    assert readings(text) == [reading]


def test_an_inverted_tag_inside_the_clause_gives_the_clause_to_the_person_after_the_verb():
    # The parser makes "The plan" the subject of "said" and the expert the subject of "would fail".
    text = "The plan, said Michael Kofman, an expert on Russia, would fail within a year."
    assert readings(text) == [("Michael Kofman", text[:-1], "said")]


@pytest.mark.parametrize("text,quotation", [
    ('"She has accepted me," he said, and the sound of the thing in English made him flush and '
     'smile with pleasure.', "She has accepted me"),
    ('Then, after a short silence, he continued, "Lizzy, I bear you no ill-will for being justified '
     'in your advice to me last May."',
     "Lizzy, I bear you no ill-will for being justified in your advice to me last May."),
])
def test_a_quotation_beside_a_tag_is_not_taken_into_a_report_around_the_tag(text, quotation):
    contents = [content for _, content, _ in readings(text)]
    assert quotation in contents and not any(quotation in c and c != quotation for c in contents)


@pytest.mark.parametrize("text,reading", [
    # The parse leaves the conjunction of the next report hanging at the end of the first.
    ("Eighty percent of voters in Ohio dislike Trump, the poll found. Two in three said they are less "
     "likely to vote Republican in November because of his views on trade, and nearly three in five "
     "said they are much less likely.",
     ("Two in three", "they are less likely to vote Republican in November because of his views on trade", "said")),
    # A bracket opened inside the report is closed right after where the parse ends it.
    ("Maria Ortega is a nurse from Houston. She will be challenging incumbent Rep. Tom Reyes (R-TX).",
     ("Maria Ortega", "incumbent Rep. Tom Reyes (R-TX)", "challenging")),
])
def test_a_report_ends_on_its_own_words(text, reading):
    assert reading in readings(text)


def test_a_perfect_participle_before_the_subject_is_the_subjects_report():
    # "Having announced" is active: unlike "Asked whether ...", the subject did the announcing.
    text = ("Having announced that he would not send me to prison, Judge Berman proceeded to hand down "
            "his sentence.")
    assert ("Berman", "that he would not send me to prison", "announced") in readings(text)


def test_a_hyphen_inside_a_word_is_no_dateline_dash():
    # "pro-Clinton" holds a hyphen; the organisation before it is still the speaker.
    text = ('Priorities USA, a pro-Clinton super PAC, emailed a link to the video with one sentence: '
            '"THIS IS NOT OK."')
    assert {speaker for speaker, _, _ in readings(text)} == {"Priorities USA"}


def test_a_name_listed_after_another_without_and_is_the_one_who_says():
    # The parser makes Wilkin a second subject beside Cruz, the last name of the content.
    text = ("His allegiance has shifted from Carly Fiorina to Rubio to, now, Cruz, Wilkin said "
            "during his campaign speech to be a national delegate.")
    assert [(speaker, cue) for speaker, _, cue in readings(text)] == [("Wilkin", "said")]


def test_a_quotation_a_report_introduces_with_a_colon_is_the_tag_after_it_alone():
    # The parser hangs "Whitfield declared ...: '...'" on the "she said" after the quotation;
    # the whole sentence was one mixed content with no speaker.
    text = ("Dana Whitfield spoke last. In her speech, Whitfield declared the need for strong will, "
            "ambition and hard work: \u201cBuild something and when you\u2019ve done that, build it again,\u201d she said.")
    quotes = extract_document(Document("t", text))[1]
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", "Dana Whitfield", "the need for strong will, ambition and hard work"),
        ("direct", "Dana Whitfield", "Build something and when you\u2019ve done that, build it again")]


def test_a_report_whose_object_a_colon_ends_keeps_it_when_the_quotation_has_its_own_tag():
    # The parser hangs the quotation on "declared"; the object before the colon was lost, and
    # "declared" took the quotation.
    text = ("Dana Whitfield spoke last. In her speech, Whitfield declared the need for strong will, "
            "patience and drive: \u201cChange the rules and when you\u2019ve done that, change them again,\u201d she said.")
    quotes = extract_document(Document("t", text))[1]
    assert [(q.kind, q.speaker, q.cue, q.text) for q in quotes] == [
        ("indirect", "Dana Whitfield", "declared", "the need for strong will, patience and drive"),
        ("direct", "Dana Whitfield", "said", "Change the rules and when you\u2019ve done that, change them again")]


def test_the_tag_after_a_quotation_does_not_also_report_the_clause_before_it():
    # The parser hangs "Lind stressed ..." on "she said": that whole clause was a second,
    # speakerless report of hers.
    text = ("Marta Lind spoke next. In her remarks, Lind stressed the need for courage, ambition and "
            "drive: \u201cChange the world and when you\u2019ve done that, change it again,\u201d she said.")
    quotes = extract_document(Document("t", text))[1]
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [
        ("indirect", "Marta Lind", "stressed"), ("direct", "Marta Lind", "said")]
