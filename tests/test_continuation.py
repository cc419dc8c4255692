"""A statement run over several paragraphs, tagged once (news style)."""

from rag.quotes import extract_document
from rag.types import Document


def speakers(text: str) -> list[tuple[str | None, str]]:
    _, quotes = extract_document(Document("t", text))
    return [(q.speaker, q.text[:12]) for q in quotes if q.kind == "direct"]


def test_an_untagged_paragraph_long_quotation_keeps_the_voice_of_the_tagged_one_before():
    text = ('Ruiz met voters in Tucson on Friday.\n\n'
            '"I won\'t just talk like a conservative during the election season," Ruiz said Friday.\n\n'
            '"I have a record on these issues, and I will keep it. Nobody has to guess where I stand."\n\n'
            '"I will take the same conviction to Washington," Ruiz said.')
    assert speakers(text) == [("Ruiz", "I won't just"), ("Ruiz", "I have a rec"), ("Ruiz", "I will take ")]


def test_a_quotation_inside_narration_or_after_narration_is_not_carried_on():
    text = ('"We will not close the plant," Ruiz said Friday.\n\n'
            'The company has not commented on the plan, which "nobody has seen yet," according to a '
            'union leaflet handed out at the gate on Monday morning.\n\n'
            'Workers gathered at noon.\n\n'
            '"Nobody tells us anything," one of them shouted at the crowd.')
    got = speakers(text)
    assert got[0] == ("Ruiz", "We will not ")
    assert all(s != "Ruiz" for s, _ in got[1:])


def test_a_quotation_after_a_paragraph_quoting_someone_in_running_text_is_theirs():
    # Turn-taking would hand the line to the other party of the last exchange (Hartley or
    # Sessions); the paragraph before quotes Massie inside its own sentence: it is his.
    text = ("\u201cThis is fantastic!\u201d beamed Donald Hartley of Madison, who snuck onto the floor.\n\n"
            "\u201cI\u2019m telling you, this party is not divided,\u201d Senator Jeff Sessions told AFP.\n\n"
            "House Republican Thomas Massie now said Trump had \u201cthe opportunity and the obligation "
            "to bring us together.\u201d\n\n"
            "\u201cI think he can do that, but the biggest unifier we got is Hillary Clinton.\u201d")
    assert speakers(text)[-1] == ("Thomas Massie", "I think he c")


def test_a_long_untagged_statement_after_an_answer_is_the_answerers_not_the_askers():
    # Turn-taking would hand the third paragraph back to the one who asked; a statement that
    # long is the answer running on, as news prints a speech.
    text = ('"Senator, you said this morning that the party broke its pledge to you," Ames '
            'asked Ruiz. "Can you explain that?"\n\n'
            '"I am very disappointed in the party," Ruiz said.\n\n'
            '"I am very disappointed because for three debates now the hall has been packed with '
            'donors and lobbyists, as everyone here knows. I gave an answer on judges and got polite '
            'applause. Then my rival stumbled through his answer and the room went wild. Many of the '
            'people in that room I know, and some of them are friends of mine. They have total '
            'control over the people I am running against, and that should not be."')
    assert [s for s, _ in speakers(text)] == ["Ames", "Ames", "Ruiz", "Ruiz"]


def test_a_short_untagged_reply_still_answers_the_one_who_spoke_before():
    text = ('"Will you come to the meeting tonight?" Ames asked Ruiz.\n\n'
            '"I cannot," Ruiz said.\n\n'
            '"Not even for an hour?"')
    assert [s for s, _ in speakers(text)][-1] == "Ames"


def test_in_a_dialogue_heavy_text_a_long_untagged_reply_is_still_the_other_partys():
    # Distinct turns: a block repeated word for word is page furniture to the splitter.
    exchange = ('"Will you come to meeting number {n} tonight?" Ames asked Ruiz.\n\n'
                '"I cannot come to number {n}," Ruiz said.\n\n')
    reply = ('"But you promised the whole committee that you would be there, and they have '
             'moved the vote twice already so that you could speak before it. If you stay away '
             'now, nobody in that room will ever believe another word you say about the levees, '
             'and the council will pass the plan without a single one of your changes in it."')
    novel = "".join(exchange.format(n=n) for n in range(60)) + reply  # 120 turns: dialogue
    assert [s for s, _ in speakers(novel)][-1] == "Ames"
    article = "".join(exchange.format(n=n) for n in range(3)) + reply
    assert [s for s, _ in speakers(article)][-1] == "Ruiz"


def test_a_pause_told_in_a_paragraph_of_its_own_does_not_end_the_callers_lines():
    # A reported phone call: the caller's lines, with her pauses between them.
    text = ('"I am calling from the Hillary Clinton campaign. How are you today?" Miller, a retired '
            'worker, said pleasantly into the phone.\n\n'
            'She pauses.\n\n'
            '"Well, thank you so much."\n\n'
            'Pause.\n\n'
            '"Well, you do that! Hillary will appreciate it, and so will I."')
    assert [s for s, _ in speakers(text)] == ["Miller", "Miller", "Miller"]


def test_narration_naming_someone_else_between_lines_ends_the_voice():
    text = ('"We will win this state," Miller said.\n\n'
            'Then Ruiz took the microphone.\n\n'
            '"Nobody here believes that."')
    assert speakers(text)[-1][0] != "Miller"


def test_a_short_run_on_of_a_tagged_speaker_is_not_handed_to_someone_named_in_narration():
    # Turn-taking would make Ngozi Okafor, named in the first paragraph, answer her husband; in
    # an article the untagged lines after his go on in his voice, the one left open at its end
    # (a quotation run over two paragraphs) included.
    text = ('Hundreds of cards have arrived at the Okafors\' home since the hearing. They fill two '
            'shoe boxes on the kitchen table, where Ngozi Okafor is reading and answering them.\n\n'
            'The Okafors say they have heard rising worry from neighbours and friends.\n\n'
            '"People stop us at the market and ask what will happen to the clinic," Emeka Okafor '
            'said. When they go out to dinner, the children of their neighbours come up to him.\n\n'
            '"They come up to me after church and say, \'Mr. Okafor, you know the council. Should '
            'we sell the house?\'\n\n'
            '"Our own children ask it at dinner."')
    assert [s for s, _ in speakers(text)][-3:] == ["Emeka Okafor"] * 3


def test_a_quotation_opening_with_an_ellipsis_goes_on_in_the_voice_before():
    # Turn-taking handed the untagged line to the governor, quoted first; the ellipsis marks
    # words cut from the mother's statement before it.
    text = ('"Not a single life was lost on my watch," Governor Dale Hart said Monday of the ferry '
            'disaster.\n\n'
            "Last week, Hart said the families of the victims were wrong in their memory of the "
            "warnings. However, Mary Jones, mother of ferry victim David Jones, firmly rejected "
            "Hart\u2019s claim.\n\n"
            "\u201cWe stood together at the harbour. He lied to me,\u201d Jones said.\n\n"
            "\u201c\u2026 they still go on telling everyone that I am the one who is wrong. I heard "
            "that.\u201d")
    assert speakers(text)[-1] == ("Mary Jones", "\u2026 they still")
