"""Speech tags and names in novels that the parser, the tagger or the text's typography hides:
written scenes, real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.quotes.turns import GUESS_CONFIDENCE
from rag.types import Document


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_document(Document("novel", text))[1] if q.kind == "direct"]


@pytest.mark.parametrize("text,speaker", [
    # The tagger reads the name as an adverb of "replied" across the aside.
    ("Fanny Price sat by the fire with her cousins.\n\n"
     "Edmund, to whom this was chiefly addressed, replied, \"I believe I know what you mean, but "
     "I will not undertake to answer the question.\"", "Edmund"),
    # "to say" hangs on "discontented", which the parser reads as a passive with Maria its subject.
    ("Mrs. Norris talked all the way home, and Fanny listened.\n\n"
     "Maria was just discontented enough to say directly, \"I think you have done pretty well "
     "yourself, ma'am.\"", "Maria"),
    # The parser makes "bowing" the main verb, "Sir Thomas" its modifier, "replied" its conjunct.
    ("Edmund Bertram sat with his father.\n\n"
     "Sir Thomas, politely bowing, replied, \"It is the only way, sir, in which I could not wish "
     "you established as a permanent neighbour.\"", "Sir Thomas"),
    # The parser makes "half" the subject of "opened" and the name its compound.
    ("Jane gave a look at Elizabeth. In a few minutes, Mrs. Bennet half opened the door and "
     "called out,\n\n\"Lizzy, my dear, I want to speak with you.\"", "Mrs. Bennet"),
])
def test_a_tag_before_the_quotation_the_parser_misreads(text, speaker):
    assert speakers(text)[-1] == speaker


def test_a_paragraph_that_lost_its_closing_dash_still_introduces_the_next():
    # The text drops dashes: "Tom Bertram began again--" ends on a bare word. The quotation
    # was only guessed from the turns (the narration shows Tom last), never tagged by him.
    text = ("\"You do not seem afraid of keeping your countenance,\" said Maria.\n\n"
            "She stopped. Henry Crawford looked rather foolish. Tom Bertram began again\n\n"
            "\"Miss Crawford must be Amelia. She will be an excellent Amelia.\"")
    last = extract_document(Document("novel", text))[1][-1]
    assert (last.speaker, last.mention) == ("Tom Bertram", "Tom Bertram")
    assert last.confidence > GUESS_CONFIDENCE


def test_mrs_before_a_mans_full_name_is_his_wife():
    # The tagger's name leaves "Mrs." out, and "Mrs. John Knightley" became her husband.
    text = ("John Knightley came in with his wife, and Emma met them at the door.\n\n"
            "\"Jane Fairfax is come,\" said Emma.\n\n"
            "\"How very pleasing!\" cried the good-hearted Mrs. John Knightley.\n\n"
            "\"I am glad of it,\" said John Knightley.")
    assert speakers(text) == ["Emma", "Mrs. John Knightley", "John Knightley"]


def test_a_speaking_verb_after_a_clause_of_narration_tags_the_next_paragraph():
    # "began" was read as the tag of the quotation before it, past "A short pause followed this
    # speech", and Mrs. Hurst's own words went to the turn-taking guess.
    text = ("Mr. Darcy sat with the ladies after dinner.\n\n"
            "\"I am afraid, Mr. Darcy,\" observed Miss Bingley.\n\n"
            "\"Not at all,\" he replied; \"they were brightened by the exercise.\"--A short pause "
            "followed this speech, and Mrs. Hurst began again.\n\n"
            "\"I have an excessive regard for Jane Bennet, she is really a very sweet girl.\"")
    assert speakers(text) == ["Miss Bingley", "Mr. Darcy", "Mr. Darcy", "Mrs. Hurst"]


def test_a_bare_surname_is_not_the_wife_named_by_her_husbands_name():
    # A bare surname went to the Beaufort the text names most, here his wife.
    text = ("Henry Beaufort came in late, and Archer watched him cross the room.\n\n"
            "Mrs. Henry Beaufort gave a ball every January. Mrs. Henry Beaufort never failed to "
            "appear at the Opera, and Mrs. Henry Beaufort was there that night.\n\n"
            "\"Good night,\" said Beaufort, and he went out.")
    assert speakers(text) == ["Henry Beaufort"]


def test_a_paragraph_ending_on_a_speaking_verb_and_its_manner_introduces_the_next_quotation():
    # "she spoke, and with fitting gravity." ends on the manner phrase, not on the verb, so
    # the words after it went to turn-taking.
    text = ("Lucy and Cecil left the pool in silence. He waited for her to make some remark. "
            "At last she spoke, and with fitting gravity.\n\n"
            "\"Emerson was the name, not Harris.\"")
    assert speakers(text) == ["Lucy"]
    # Speaking of something tells what was said; it does not announce the words that follow.
    told = ("Lucy and Cecil left the pool in silence. At last she spoke of her mother.\n\n"
            "\"Emerson was the name, not Harris.\"")
    assert extract_document(Document("novel", told))[1][-1].confidence <= GUESS_CONFIDENCE


def test_a_clause_on_someone_else_after_the_speaking_verb_does_not_take_the_next_quotation():
    # "while her sister read," ended the paragraph, so its reader took the words that followed.
    text = ("A letter came for Jane. Mrs. Harville sat up, and she was eagerly calling out, while "
            "her sister read,\n\n"
            "\"Well, Jane, who is it from? Make haste and tell us.\"")
    assert speakers(text) == ["Mrs. Harville"]


def test_she_added_is_the_last_speaker_going_on():
    # Elizabeth, named last, was taken for the "she" who added the second quotation.
    text = ("\"This is a most unfortunate affair,\" said Mary to Elizabeth.\n\n"
            "Then, perceiving in Elizabeth no inclination of replying, she added, \"We may "
            "draw from it this useful lesson.\"")
    assert speakers(text) == ["Mary", "Mary"]


def test_she_added_after_narration_that_names_her_is_hers():
    text = ("\"You may depend upon it, Madam,\" said Miss Bingley, \"that Miss Bennet shall "
            "receive every attention.\"\n\n"
            "Mrs. Bennet was profuse in her acknowledgments.\n\n"
            "\"I am sure,\" she added, \"I do not know what would become of her.\"")
    assert speakers(text)[-2:] == ["Mrs. Bennet", "Mrs. Bennet"]


def test_an_adverb_the_tagger_reads_as_a_noun_is_not_part_of_the_speaker():
    # "stiffly" came out as the noun heading "Cecil stiffly", a speaker of its own.
    text = ("Cecil and Mr. Beebe walked in the garden.\n\n"
            "\"I meant,\" said Cecil stiffly, \"that she is going to marry me.\"")
    assert speakers(text) == ["Cecil", "Cecil"]


def test_to_whom_a_plain_description_speaks_is_not_part_of_it():
    # "said this strange young gentleman to Oliver" made "This strange young gentleman to
    # Oliver" a speaker; "an adviser to Trump" keeps its "to".
    text = ("Oliver sat on a step in the road. A boy crossed over to him.\n\n"
            "\"Hullo, my covey! What is the row?\" said this strange young gentleman to Oliver.")
    last = extract_document(Document("novel", text))[1][-1]
    assert last.mention == "this strange young gentleman" and last.speaker != "Oliver"
    news = ("Donald Trump spoke in Ohio on Monday.\n\n"
            "\u201cWe will win this state,\u201d said an adviser to Trump.")
    assert extract_document(Document("news", news))[1][-1].mention == "an adviser to Trump"


def test_a_passive_after_a_quotation_is_no_tag():
    # The agent of "kept" became the speaker of the words before it: "Ingenious expedient".
    text = ("The young gentleman turned into a shop, where he bought a loaf, or, as he himself "
            "expressed it, \"a fourpenny bran!\" the ham being kept clean and preserved from dust, "
            "by the ingenious expedient of making a hole in the loaf.")
    last = extract_document(Document("novel", text))[1][-1]
    assert last.text == "a fourpenny bran!" and last.cue != "kept"
    assert "expedient" not in (last.speaker or "").lower()


def test_a_participle_after_a_quotation_is_no_inverted_tag():
    # "Drawing her arm within his" was read like "said her sister": "Her arm" spoke all three.
    text = ("Edmund Bertram came into the shrubbery, and he instantly joined her.\n\n"
            "\"I am come to walk with you, Fanny,\" said he. \"Shall I?\" Drawing her arm within "
            "his. \"It is a long while since we have had a comfortable walk together.\"")
    assert [q.speaker for q in extract_document(Document("novel", text))[1]] == ["Edmund Bertram"] * 3


def test_a_tag_whose_name_the_quotation_calls_out_is_not_that_quotations():
    # The parse hangs both quotations on "said Charlotte Bartlett"; the first one calls her.
    text = ("Lucy Honeychurch felt that she had been selfish. \"Charlotte, you mustn't spoil me. "
            "The first vacant room in the front--\" \"You must have it,\" said Charlotte Bartlett.")
    assert speakers(text) == ["Lucy Honeychurch", "Charlotte Bartlett"]


def test_a_quotation_calling_out_a_kinsman_keeps_the_tag_of_the_one_who_shares_his_surname():
    # "Philip Herriton" called out shares only a surname with Mrs. Herriton (and tells a man):
    # the tag was dropped as if she called herself, leaving the line without a speaker.
    text = ("Philip came home.\n\n"
            "\"You will not go back there, Philip Herriton,\" said Mrs. Herriton.\n\n"
            "\"George Knightley, you are late,\" said John Knightley.")
    assert speakers(text) == ["Mrs. Herriton", "John Knightley"]


def test_a_tag_after_an_exclamation_tags_its_own_quotation_not_the_next_paragraphs():
    # The parser makes 'she protested.' a sentence of its own after "others!"; it is still
    # the tag of that quotation, and the answer under it is the other one's turn.
    text = ("Arthur Penrose sat down beside Mrs. Quayle in the empty gallery.\n\n"
            "\"Are you happier here?\" he asked.\n\n"
            "\"Happier, and safer. Let us not be like all the others!\" she protested.\n\n"
            "\"Which others? I am like everyone of my kind.\"")
    assert speakers(text) == ["Arthur Penrose", "Mrs. Quayle", "Arthur Penrose"]


def test_a_new_sentence_after_a_quoted_phrase_still_introduces_the_next_paragraph():
    text = ("\"We shall see,\" said Lucy.\n\n"
            "Tom Bertram smiled at what he called \"the fools.\" Then he went on.\n\n"
            "\"They never learn anything.\"")
    assert speakers(text)[-1] == "Tom Bertram"


def test_the_second_half_of_a_split_quotation_in_lower_case_is_no_report():
    # The parser makes "he" the subject of "come", a clause of "said"; the words are still
    # the second half of the quotation, without the tag run into them.
    _, quotes = extract_document(Document("novel", "\"Lizzy,\" said he, \"come into my room.\""))
    assert [(q.text, q.kind) for q in quotes] == [("Lizzy", "direct"), ("come into my room.", "direct")]


def test_a_tag_that_opens_the_next_quotation_does_not_take_the_one_before():
    # "Mills then writes back," touches the first quotation's closing mark, but its comma opens
    # the second; the first had its own tag before it.
    text = ("Clinton responds to Mills with, \u201cWhy now? That was on my way to Libya?\u201d Mills then "
            "writes back, \u201cYou look cute.\u201d")
    assert [(q.speaker, q.text) for q in extract_document(Document("t", text))[1]] == [
        ("Clinton", "Why now? That was on my way to Libya?"), ("Mills", "You look cute.")]


def test_a_tag_between_two_halves_of_one_speech_after_a_narrated_line_is_still_both_halves():
    # A narrated verb before the first half is no tag of a speaker's own.
    text = 'Mary was silent. John turned to her: "Really?" she said, "I never knew."'
    quotes = extract_document(Document("t", text))[1]
    assert [q.speaker for q in quotes] == ["Mary", "Mary"]


@pytest.mark.parametrize("text,spoken", [
    # The parser hangs the quoted words on "said" and makes "said" a side clause of "restored":
    # the absolute phrase after the tag was read as what he said.
    ('"Ah--a charming woman.  I have just been to see her," said Mr. van der Luyden, complacency '
     'restored to his brow.  He sank into the chair.',
     [("Mr. van der Luyden", "Ah--a charming woman.  I have just been to see her")]),
    # "as she spoke" says when: it took the whole sentence, quotation and tag, as its words.
    ('"I am sure she ought to be very much obliged to you," added Julia, hastily leaving the room '
     'as she spoke.',
     [("Julia", "I am sure she ought to be very much obliged to you")]),
    # "As X said this" says when too: "she gave an hysterical laugh" was read as said.
    ('"Oh, I am nobody," interposed Mrs. Sowerberry. As Mrs. Sowerberry said this, she gave an '
     'hysterical laugh.',
     [("Mrs. Sowerberry", "Oh, I am nobody")]),
    # What he did between the halves of his quotation was read with the second half as a report.
    ('"If the law supposes that," said Mr. Bumble, squeezing his hat emphatically in both hands, '
     '"the law is a ass a idiot."',
     [("Mr. Bumble", "If the law supposes that"), ("Mr. Bumble", "the law is a ass a idiot.")]),
])
def test_what_a_speaker_does_around_a_tag_is_not_what_was_said(text, spoken):
    assert [(q.speaker, q.text) for q in extract_document(Document("t", text))[1]] == spoken


def test_a_paragraph_ending_in_a_colon_after_a_joined_said_introduces_its_subject():
    # "said" has no subject of its own (it is joined to "rose"), and the paragraph goes on past
    # it to a second colon; the next paragraph's line had no speaker.
    text = ('Oliver was hungry. He rose from the table; and advancing to the master, basin and spoon '
            'in hand, said: somewhat alarmed at his own temerity:\n\n"Please, sir, I want some more."')
    assert speakers(text) == ["Oliver"]


@pytest.mark.parametrize("text,speaker", [
    # A participle after a time clause that is a report goes on in that report's voice, not in
    # the voice of the narration the clause hangs on; and the quotation is its.
    ("At last the question was asked by her uncle; and she turned away with alarm, while Mrs. "
     "Hollis replied, that he was, adding, \"but we expect him on Friday, with a large party.\"",
     "Mrs. Hollis"),
    # "was repeating," is narration: the quotation is his, not that of the tag after it.
    ("Mr. Dorset seemed delighted by the idea, and was repeating, \"No guests at present, as you "
     "say. Exactly so,\" with so earnest a look that Clara began to wonder whether she should "
     "leave.", "Mr. Dorset"),
])
def test_a_speaking_participle_before_a_quotation_in_narration_keeps_the_narrated_speaker(text, speaker):
    assert speakers(text)[-1] == speaker
