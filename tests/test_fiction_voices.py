"""Who is in view in a dialogue: speakers found through pronouns and descriptions count as
speakers named outright. Written scenes through the real spaCy pipeline."""

import pytest

from rag.quotes import extract_document
from rag.quotes.dialogue import addressed
from rag.quotes.hypocorisms import given_names_of
from rag.quotes.people import Person, addressed_to
from rag.types import Document


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_document(Document("t", text))[1]]


def test_a_speaker_found_through_a_description_is_the_one_she_then_points_back_at():
    # "asked the countess" found the countess, but left no trace on the timeline, so the next
    # "she asked" went past her to Lady Pell, the last woman the narration named.
    text = ("Tom was taking tea with the Countess of Cardigan, who had driven over from the abbey. "
            "By the fire sat Lady Pell, pretending to read.\n\n"
            "\"Is it raining still?\" asked the countess, putting down her cup.\n\n"
            "\"Only a little,\" said Tom. \"It will pass before four.\"\n\n"
            "\"Then we shall walk after all?\" she asked.")
    assert speakers(text) == ["Countess of Cardigan", "Tom", "Tom", "Countess of Cardigan"]


def test_her_ladyship_is_the_titled_woman_herself_not_a_new_speaker():
    # "her Ladyship" came out as a speaker called "Ladyship" (or "Her ladyship"), and every
    # "she said" after it followed her there.
    text = ("Elizabeth sat down opposite Lady Catherine, who looked at her coldly.\n\n"
            "\"Upon my word,\" said her Ladyship, \"you give your opinion very decidedly.\"\n\n"
            "\"I am not one and twenty,\" replied Elizabeth.\n\n"
            "\"Yes, indeed,\" added her ladyship, \"I thought as much.\"")
    assert speakers(text) == ["Lady Catherine", "Lady Catherine", "Elizabeth",
                              "Lady Catherine", "Lady Catherine"]


def test_his_companion_is_the_other_one_of_the_scene():
    text = ("Lord Henry laughed and looked at the painter.\n\n"
            "\"I will tell you,\" said Hallward; but an expression of doubt came over his face.\n\n"
            "\"I am all expectation, Basil,\" continued his companion, glancing at him.")
    assert speakers(text)[-1] == "Lord Henry"


def test_an_adverb_the_tagger_reads_as_a_name_is_not_the_speaker():
    text = ("\"Yes, and well I know it,\" admitted Anne mournfully. \"But have you noticed one "
            "thing about me?\"\n\n"
            "Mrs. Allan smiled at Marilla.\n\n"
            "\"That was the fever, my dear,\" said the old lady mildly.")
    assert speakers(text) == ["Anne", "Anne", "Mrs. Allan"]  # "the old lady" points back


def test_the_one_a_paragraph_ending_in_to_say_introduces_is_not_the_one_the_words_address():
    text = ("Emma sat by the window, and Harriet read the letter through once more. At last she "
            "thought it best to say,\n\n"
            "\"I lay it down as a general rule, Harriet, that a woman who doubts ought to refuse him.\"")
    assert speakers(text)[-1] == "Emma"


@pytest.mark.parametrize("before", [
    "Jonathan Small sat opposite the inspector with his wooden leg cocked over his sound one.",
    # "Small" named first and "Jonathan Small" after: two entries in the book of names, one man.
    "The inspector looked hard at Small, who sat with his wooden leg cocked over his sound one.\n\n"
    "On his knee lay the papers of one Jonathan Small, convict.",
])
def test_a_new_role_answering_a_turn_is_the_one_that_turn_called_by_name(before):
    # "the ex-convict" was a new speaker, and his long story after it went to "Convict".
    text = (before + "\n\n"
            "\"This is a very serious matter, Small,\" said the inspector. \"You would have had a "
            "better chance at your trial.\"\n\n"
            "\"Justice!\" snarled the ex-convict. \"A pretty justice!\"")
    assert speakers(text) == ["Inspector", "Inspector", "Jonathan Small", "Jonathan Small"]


def test_a_pronoun_is_not_the_person_its_own_clause_goes_on_to_name():
    # "He ... looked earnestly at Philip" after Philip's turn: the beat went to Philip, the
    # latest man named, though a pronoun's own clause never names its referent again.
    text = ("Gino Carella came in from the loggia, and he sat down. Philip watched him from the sofa.\n\n"
            "\"I will be frank with you,\" said Philip. \"You will not be without a reward.\"\n\n"
            "\"Reward--what reward?\" He bent over the back of a chair and looked earnestly at Philip.")
    assert speakers(text) == ["Philip", "Philip", "Gino Carella"]


def test_she_said_smiling_at_emma_is_not_emma():
    text = ("Harriet Smith came into the parlour, and she sat down by the fire. Emma looked up "
            "from her drawing.\n\n"
            "\"I have been to Ford's,\" she said, smiling at Emma.")
    assert speakers(text) == ["Harriet Smith"]


def test_a_name_exclaimed_as_a_sentence_of_its_own_is_a_call():
    assert "Anne" in addressed("\"This is a nice way for you to behave. Anne! Aren't you ashamed?\"")
    # The full stop of "Mr." ends no sentence: Harriet admires Mr. Knightley, she does not call him.
    assert addressed("\"A man every body looks up to, quite like Mr. Knightley! His company...\"") == set()


def test_a_name_after_my_dearest_is_a_call():
    assert "Mary" in addressed("\"Do not flatter yourself, my dearest Mary.\"")


def test_a_call_quoted_inside_the_quotation_addresses_nobody():
    # Anne repeats what the trees seem to call to her; the calls had made her the one spoken
    # to, so the second half of her own tagged line lost its speaker.
    text = ("\"I don't dare go out,\" said Anne, in the tone of a martyr. \"If I can't stay here "
            "there is no use. Everything seems to be calling to me, 'Anne, Anne, come out to us. "
            "Anne, Anne, we want a playmate'--but it's better not.\"")
    assert speakers(text) == ["Anne", "Anne"]
    # Some e-texts print the opening single mark as "?".
    assert addressed("\"calling to me, ?Anne, Anne, come out to us.'--but it's better not.\"") == set()
    # Dialect elisions are no marks: the call after them stands.
    assert addressed("\"I 'm goin' to kill her, Joe.\"") == {"Joe"}


def test_the_one_a_tag_turns_to_answers_the_turn():
    # "said Edmund, turning to Mary Crawford": she answers, not Fanny, the voice before his.
    text = ("Edmund Bertram walked between Fanny Price and Mary Crawford along the shady path.\n\n"
            "\"What a sweet wood this is,\" said Mary Crawford.\n\n"
            "\"I am a little tired,\" said Fanny. \"I should be glad to sit down.\"\n\n"
            "\"Then we must rest,\" said Edmund, turning to Mary Crawford. \"Will you take my arm?\"\n\n"
            "\"Thank you, but I am not at all tired.\"")
    assert speakers(text)[-1] == "Mary Crawford"


def test_one_tag_over_two_quotes_gives_one_name():
    # The tag "said Edmund" was counted as a use of "Edmund" alone once per quote it tags, so
    # by the second quote the given name looked established and stayed short.
    text = ("Edmund Bertram walked between Fanny Price and Mary Crawford along the shady path.\n\n"
            "\"Then we must rest,\" said Edmund, turning to Mary. \"Will you take my arm?\"")
    assert speakers(text) == ["Edmund Bertram", "Edmund Bertram"]


def test_his_wife_is_mrs_with_his_surname():
    # "cried his wife" went to Mary, the last woman the narration named.
    text = ("Mrs. Bennet came into the library, where Mr. Bennet sat reading. Mary was at the "
            "pianoforte, and she did not look up.\n\n"
            "\"My dear Mr. Bennet, have you heard that Netherfield Park is let at last?\"\n\n"
            "\"I have not,\" said Mr. Bennet.\n\n"
            "\"But it is,\" cried his wife, \"for Mrs. Long has just been here.\"\n\n"
            "\"Is that his design in settling here?\" asked her husband.")
    assert speakers(text) == ["Mrs. Bennet", "Mr. Bennet", "Mrs. Bennet", "Mrs. Bennet", "Mr. Bennet"]


def test_his_lady_before_the_text_names_her_is_mrs_with_his_surname():
    # Pride and Prejudice opens on "said his lady" to Mr. Bennet, and writes "Mrs. Bennet" only
    # later: "His lady" became a speaker of its own, and every "she" after it followed.
    text = ("\"My dear Mr. Bennet, have you heard the news from the Hall?\" said his lady to him "
            "one morning.\n\n"
            "\"I have not,\" said Mr. Bennet.\n\n"
            "\"Then I shall tell you,\" returned she.\n\n"
            "Mrs. Bennet was a woman of little patience, and Mr. Bennet knew it well.")
    assert speakers(text) == ["Mrs. Bennet", "Mr. Bennet", "Mrs. Bennet"]


def test_an_adverb_opening_the_sentence_is_not_part_of_the_name_after_it():
    # "Hitherto Gino" was tagged as one name, and every "Gino" after it became "Hitherto Gino".
    text = ("Philip Herriton reached the little town at dusk and found the house at once.\n\n"
            "Hitherto Gino had said nothing. Now he rose from the table.\n\n"
            "\"You are welcome,\" said Gino. \"Sit down.\"")
    assert speakers(text) == ["Gino", "Gino"]


def test_her_mother_of_a_given_name_is_mrs_with_the_surname_of_her_full_name():
    # "Lucy" is used alone, so "said her mother" found no surname to look up and went to
    # Charlotte Bartlett, the last other woman named.
    text = ("Lucy Honeychurch came down to breakfast late. Lucy was pale, and Lucy said nothing. "
            "Mrs. Honeychurch was reading a letter, and Charlotte Bartlett sat by the window; she "
            "was sewing.\n\n"
            "\"Lucy, you look tired,\" said Charlotte Bartlett.\n\n"
            "\"I did not sleep,\" said Lucy.\n\n"
            "\"Then you must rest today,\" said her mother.")
    assert speakers(text) == ["Charlotte Bartlett", "Lucy", "Mrs. Honeychurch"]


def test_a_title_is_the_full_named_man_the_text_calls_by_his_full_name_more_than_alone():
    # "Henry" used alone before the first "Mr. Tilney" kept the title apart (as "George" the son
    # keeps "Mr. Marsh" his father apart), though the text goes on naming Henry Tilney in full.
    text = ("Henry Tilney came to the parsonage with his sister. Henry bowed to them all.\n\n"
            "Mr. Tilney walked into the garden. Henry Tilney admired the roses, and Henry Tilney "
            "sat down on a bench.\n\n"
            "\"It is a charming place,\" said Mr. Tilney.")
    assert speakers(text) == ["Henry Tilney"]


def test_a_title_stays_apart_when_the_text_writes_it_before_the_other_full_name():
    # "Mr. John Knightley" is written to tell him from Mr. Knightley, his brother.
    text = ("John Knightley came in with his wife. John was tired.\n\n"
            "Mr. Knightley sat by the fire. Mr. John Knightley looked out at the snow, and Mr. John "
            "Knightley sat down.\n\n"
            "\"A cold night,\" said Mr. Knightley.")
    assert speakers(text) == ["Mr. Knightley"]


def test_the_people_narration_shows_between_turns_join_the_conversation():
    # Harriet spoke last, so the untagged answer to Mr. Knightley went to her, though the
    # narration between had put Emma in the room and Harriet only in what he spoke of.
    text = ("\"You shall never go there again,\" said Emma.\n\n"
            "\"No, I never shall,\" said Harriet.\n\n"
            "Mr. Woodhouse went off to bed; but Mr. Knightley sat down again. He began speaking "
            "of Harriet, and Emma listened with pleasure.\n\n"
            "\"I cannot rate her beauty as you do,\" said he; \"but she is a pretty little creature.\"\n\n"
            "\"I am glad you think so.\"")
    assert speakers(text) == ["Emma", "Harriet", "Mr. Knightley", "Mr. Knightley", "Emma"]


def test_a_he_or_she_the_narration_shows_between_turns_joins_the_conversation_too():
    # Only names counted: Mr. Weston, the last other voice, answered Mr. Knightley, though the
    # narration had shown Emma rising to meet him.
    text = ("\"It will snow tonight,\" said Emma.\n\n"
            "\"I fear it will,\" said Mr. Weston.\n\n"
            "Mr. Knightley came in. She rose to meet him.\n\n"
            "\"I have walked from Donwell,\" said Mr. Knightley.\n\n"
            "\"Then you must stay and dine.\"")
    assert speakers(text) == ["Emma", "Mr. Weston", "Mr. Knightley", "Emma"]


def test_the_one_called_by_a_pet_name_answers():
    # "Lizzy" matched nobody, so the answer went to Jane, who had spoken before.
    text = ("Elizabeth Bennet and Jane Bennet sat with their father in the library. Jane was sewing.\n\n"
            "\"Well, Jane, what do you think of him?\" said Mr. Bennet.\n\n"
            "\"He is just what a young man ought to be.\"\n\n"
            "\"And you, Lizzy? Have you nothing to say?\"\n\n"
            "\"I have a great deal to say, papa.\"")
    assert speakers(text)[-1] == "Elizabeth Bennet"


def test_miss_with_the_surname_does_not_call_the_mrs_of_that_surname():
    # "Miss Dashwood" called Mrs. Dashwood, who had only left the room, and the answer went to her.
    text = ("Mrs. Dashwood went out, and Lady Osborne came in and looked about her.\n\n"
            "\"Is your mother gone?\" asked Lady Osborne.\n\n"
            "\"She is, madam,\" said Elinor.\n\n"
            "\"Miss Dashwood, do you know who I am?\"\n\n"
            "\"I know very well, madam.\"")
    assert speakers(text) == ["Lady Osborne", "Elinor", "Lady Osborne", "Elinor"]


def test_miss_with_the_surname_addressed_does_not_keep_the_mrs_of_that_surname_from_speaking():
    mother = Person("Mrs. Dashwood", "person", gender="f")
    assert not addressed_to(mother, {"Miss Dashwood"})
    assert addressed_to(mother, {"Mrs. Dashwood"})


@pytest.mark.parametrize("aside", [
    "who had ridden down to Mr. Harmon Andrews that morning in the cart",  # a relative clause
    "hurrying on to Mr. Harmon Andrews's with the cart",  # his house, not him
])
def test_a_name_in_an_aside_on_the_speaker_is_not_whom_she_turns_to(aside):
    # Anne of Green Gables' "who had ridden down to Mr. Harmon Andrews's" made him the one Diana
    # spoke to, and the answer went to him.
    text = ("Anne and Diana sat in the parlour, very stiff and polite.\n\n"
            "\"How is your mother?\" inquired Anne politely.\n\n"
            f"\"She is very well, thank you,\" said Diana, {aside}.\n\n"
            "\"Yes. Our crop is very good this year.\"")
    assert speakers(text) == ["Anne", "Diana", "Anne"]


def test_a_pet_name_gives_way_to_someone_called_by_it_outright():
    # Kitty is a name of her own here; Catherine Bennet, whom "Kitty" could shorten, is not called.
    assert given_names_of("Lizzy") == {"elizabeth"} and given_names_of("Jane") == set()
    text = ("Kitty and Catherine Bennet sat with their mother. Catherine was reading.\n\n"
            "\"Do not keep coughing so, Catherine,\" said Mrs. Bennet.\n\n"
            "\"I do not cough for my own amusement.\"\n\n"
            "\"Kitty, are you listening?\"\n\n"
            "\"Yes, mamma.\"")
    assert speakers(text)[-1] == "Kitty"


def test_she_who_calls_someone_by_a_pet_name_is_not_that_someone():
    # "Lizzy" did not keep Elizabeth out of the "she" who speaks to her.
    text = ("Jane Bennet and Elizabeth Bennet came in from the garden. Elizabeth sat down by the window.\n\n"
            "\"Lizzy, you must not laugh at him,\" she said.")
    assert speakers(text) == ["Jane Bennet"]


def test_the_other_is_the_one_of_the_two_talking_who_did_not_speak_last():
    # "replied the other" named nobody, so the housekeeper's answer went to turn-taking.
    text = ("Elizabeth turned to the housekeeper, Mrs. Reynolds.\n\n"
            "\"Is your master much at Pemberley?\" asked Elizabeth.\n\n"
            "\"Not so much as I could wish, ma'am,\" replied the other.")
    assert speakers(text) == ["Elizabeth", "Mrs. Reynolds"]
    text = ("\"You are late,\" said Mr. Herriton to Philip.\n\n"
            "\"The train was slow,\" said Philip.\n\n"
            "\"It always is,\" said the other.")
    assert speakers(text)[-1] == "Mr. Herriton"


def test_a_mrs_is_not_the_woman_the_text_calls_miss():
    # "Mrs. Vane" was taken for Sibyl Vane, the one full-named woman of that surname.
    text = ("Sibyl Vane ran out of the room. Miss Sibyl Vane was to play Juliet that night.\n\n"
            "\"My father was a scoundrel then!\" cried James.\n\n"
            "\"Hush,\" murmured Mrs. Vane.")
    assert speakers(text)[-1] == "Mrs. Vane"


@pytest.mark.parametrize("between,last,speaker", [
    # The answer went to Lucy, the other party, though the line between shows her silent.
    ("She said nothing.", "They were covered with blood.", "George"),
    # A line that shows no silence leaves the turns as they were.
    ("She turned away.", "Then you must fetch them back.", "Lucy"),
])
def test_the_speaker_goes_on_when_the_one_spoken_to_says_nothing(between, last, speaker):
    text = ("\"Is it true that you threw my photographs into the river?\" asked Lucy.\n\n"
            "\"It is,\" said George.\n\n"
            f"{between}\n\n\"{last}\"")
    assert speakers(text)[-1] == speaker


def test_the_one_a_turn_calls_by_name_answers_it_though_the_narration_never_showed_him_act():
    # Signor Carella was named only as the one she was left with, never doing anything, so the
    # answer to "..., Signor Carella." went to Philip, who had just gone out.
    text = ("Philip went out, and Miss Abbott was left alone with Signor Carella in the hall.\n\n"
            "\"The hall is very cold,\" said Miss Abbott.\n\n"
            "\"It was my uncle's house. You will never guess what I paid for it.\"\n\n"
            "\"I shall not try, Signor Carella. I came about the child.\"\n\n"
            "\"Then guess at that.\"")
    assert speakers(text)[-1] == "Signor Carella"


def test_a_name_called_in_one_half_of_a_split_quotation_is_not_the_other_halfs_speaker():
    # '"Come, Darcy," said he, "I must ..."': the second half was resolved without the first
    # half's "Darcy", so the man spoken to took the second half.
    text = ("\"I shall not dance tonight,\" said Mr. Darcy.\n\n"
            "Elizabeth sat down. Mr. Darcy had been standing near enough for her to hear a "
            "conversation between him and Mr. Bingley, who came from the dance for a few minutes.\n\n"
            "\"Come, Darcy,\" said he, \"I must have you dance. I hate to see you standing about "
            "by yourself.\"")
    assert speakers(text) == ["Mr. Darcy", "Mr. Bingley", "Mr. Bingley"]


def test_his_wife_speaking_to_him_is_his_wife():
    # Both halves leave out the man the first one calls, but the "his" of "his wife" is that
    # man: with him left out it was Mr. Bingley, and she the Mrs. Bingley of the last chapter.
    text = ("Mrs. Bennet was at her work. Mr. Bennet sat with Jane and Mr. Bingley by the fire.\n\n"
            "\"You will always exceed your income,\" he said.\n\n"
            "\"Exceed their income! My dear Mr. Bennet,\" cried his wife, \"what are you talking "
            "of? Why, he has four or five thousand a-year.\"\n\n"
            "By the spring Jane was Mrs. Bingley.")
    assert speakers(text)[1:] == ["Mrs. Bennet", "Mrs. Bennet"]


def test_a_line_that_calls_the_last_speaker_by_her_surname_is_not_hers():
    # "Miss Honeychurch" is Lucy Honeychurch, the one woman of that surname; the untagged line
    # was carried on in her voice.
    text = ("Lucy Honeychurch came in. Lucy sat down by Mr. Beebe, and Lucy laughed. Lucy was "
            "tired.\n\n"
            "\"You are late,\" said Lucy.\n\n"
            "\"Miss Honeychurch, you do sound tired.\"")
    first, second = speakers(text)
    assert first == "Lucy" and second != "Lucy"


def test_turns_before_the_one_named_tag_alternate_with_whoever_else_the_exchange_heard():
    # The narration shows Bruno, so the forward guess starts the exchange with him, one turn
    # off. Counting back from "cried Matteo" fixes the even turns; the odd ones go to the
    # other party of the exchange, not left with the forward guess, which is Matteo again.
    text = ("\"Is the harbour busy this week?\" asked Matteo.\n\n"
            "\"Busier than ever,\" said Bruno. \"The ferries are full.\"\n\n"
            "So the two friends talked on. A passing cart reminded Matteo of his news. \"I must "
            "ask your advice. My sister wants to sail alone.\"\n\n"
            "Bruno was startled.\n\n"
            "\"But I have told her no.\"\n\n"
            "\"Quite right.\"\n\n"
            "\"She does not listen.\"\n\n"
            "\"I understand. Has she a boat?\"\n\n"
            "\"No.\"\n\n"
            "\"Then there is no danger yet.\"\n\n"
            "\"Come!\" cried Matteo, jumping up. \"You shall tell her so.\"")
    assert speakers(text)[4:10] == ["Matteo", "Bruno", "Matteo", "Bruno", "Matteo", "Bruno"]


def test_his_or_her_relative_in_the_narration_is_the_person_the_surname_shows():
    # "her father" is Elizabeth Bennet's: Mr. Bennet, not Mr. Collins who left last.
    text = ("Mr. Bennet was reading in his library.\n\n"
            "\"I will not marry you,\" said Elizabeth Bennet to Mr. Collins.\n\n"
            "Mr. Collins left the room in silence. The next morning Elizabeth was going down stairs "
            "when her father came out of his library with a letter in his hand.\n\n"
            "\"Lizzy,\" said he, \"I was going to look for you.\"")
    assert speakers(text)[-1] == "Mr. Bennet"


def test_a_feeling_reported_before_a_quotation_gives_it_no_voice():
    # "He felt that ..." made the quotation after it his, though it calls him by name: his
    # wife, the other party of the exchange, says it.
    text = ("Newland Archer came home late, and May was waiting for him in the library.\n\n"
            "\"I had letters to write,\" said Archer.\n\n"
            "\"Of course,\" said May.\n\n"
            "\"And I saw Ellen,\" said Archer.\n\n"
            "He felt that his wife was watching him intently.  \"Did you mind my telling her first, Newland?\"")
    assert speakers(text)[-2:] == ["Newland Archer", "May"]


def test_the_agent_of_a_passive_is_the_he_of_the_tag_after_it():
    # "overtaken by Mr. Thornton": he does the overtaking, so "said he" is his, not Mr. Bell's.
    text = ("Mr. Bell had told Margaret the news from the mill that morning, and she thought of "
            "little else as she walked home. Before she reached the bridge she was overtaken by "
            "Mr. Thornton.\n\n"
            '"I hope I do not disturb your walk?" said he, as he fell into step beside her.')
    assert speakers(text)[-1] == "Mr. Thornton"
