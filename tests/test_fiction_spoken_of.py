"""A quotation that names someone in the third person is not that person's: written scenes
through the real spaCy pipeline."""

from rag.quotes import extract_document, load_nlp, parse_text
from rag.quotes.people import Person, shared_surname
from rag.quotes.spoken_of import spoken_of
from rag.types import Document


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_document(Document("t", text))[1]]


def talked_of(quotation: str, family: tuple[str, ...] = ()) -> set[str]:
    doc = load_nlp()(parse_text(quotation))
    return spoken_of(doc, 1, len(quotation) - 1, lambda word: word in family)


def test_she_who_speaks_of_sibyl_is_not_sibyl():
    # The latest woman named was Sibyl, so "she murmured" was hers, though the words speak
    # of her.
    text = ("Mrs. Vane looked up from her sewing. Sibyl had run upstairs to dress.\n\n"
            "\"My father was a scoundrel then!\" cried James.\n\n"
            "\"Sibyl has a mother,\" she murmured; \"I had none.\"")
    assert speakers(text)[1:] == ["Mrs. Vane", "Mrs. Vane"]


def test_an_untagged_turn_that_speaks_of_fanny_is_not_hers():
    # The one who spoke before the last speaker was Fanny, so the turn went to her.
    text = ("\"The mare is quiet enough,\" said Edmund.\n\n"
            "\"I am afraid of her,\" said Fanny.\n\n"
            "\"Nonsense, child,\" said Mrs. Norris.\n\n"
            "\"Fanny must have a horse of her own.\"")
    assert speakers(text)[-1] == "Edmund"


def test_a_name_called_out_introduced_or_quoted_is_not_spoken_of():
    assert talked_of("\"Why, Fanny, you are in a reverie.\"") == set()
    assert talked_of("\"Oh, my dearest Mary, do not flatter yourself.\"") == set()
    assert talked_of("\"I am Miss Morstan, and these gentlemen are my friends.\"") == set()
    assert talked_of("\"No; you'll call me just plain Marilla.\"") == set()
    assert talked_of("\"You always called me 'Mr. Knightley' then.\"") == set()
    # Anywhere inside the quotation within the quotation, not only right after its mark.
    assert talked_of("\"She wrote, 'Come at once, the carriage waits for Mr. Knightley,' and sent it.\"") == set()
    assert talked_of("\"Then I must ask Harriet Smith herself.\"") == {"Harriet Smith"}


def test_a_surname_a_family_shares_singles_out_nobody():
    # Said to Mrs. Weston of her husband: "Weston" ruled her out of her own turn.
    assert talked_of("\"You fight alone, knowing Weston to be out.\"", family=("Weston",)) == set()
    assert talked_of("\"Commend Dr. Grant to the deanery.\"", family=("Grant",)) == set()
    assert talked_of("\"Mr. Weston would support me.\"", family=("Weston",)) == {"Mr. Weston"}


def test_a_shared_surname_is_one_nobody_has_as_a_given_name():
    people = {name: Person(name, "person") for name in ("Mr. Weston", "Mrs. Weston", "Frank Churchill")}
    assert shared_surname(people, "Weston")
    assert not shared_surname(people, "Frank")
    people["Weston Grey"] = Person("Weston Grey", "person")  # someone answers to it as a given name
    assert not shared_surname(people, "Weston")
