from rag.quotes.registry import SpeakerRegistry


def test_spelling_variants_merge_and_different_people_do_not():
    reg = SpeakerRegistry(["Volodymyr Zelenskyy", "John Smith", "Anna Smith", "Robert Brovdi"])
    assert reg.canonical("Volodymyr Zelensky") == "Volodymyr Zelenskyy"
    assert reg.canonical("Zelensky") == "Volodymyr Zelenskyy"
    assert reg.canonical("Brovdi") == "Robert Brovdi"
    assert reg.canonical("Jane Smith") == "Jane Smith"
    assert reg.canonical("Smith") == "Smith"  # two Smiths: a lone surname is ambiguous
    assert reg.canonical("Ministry of Defense") == "Ministry of Defense"


def test_a_middle_initial_more_or_less_is_the_same_person():
    reg = SpeakerRegistry(["Donald J. Trump", "Anna Smith"])
    assert reg.canonical("Donald Trump") == "Donald J. Trump"
    reg = SpeakerRegistry(["Paul Ryan"])
    assert reg.canonical("Paul D. Ryan") == "Paul Ryan"
    assert reg.canonical("Paul Davis Ryan") == "Paul Davis Ryan"  # a middle name may be another Ryan
    reg = SpeakerRegistry(["Anna Smith"])
    assert reg.canonical("Anna B. Smith") == "Anna Smith"
    assert reg.canonical("Jane B. Smith") == "Jane B. Smith"


def test_a_generational_suffix_is_no_surname_but_tells_father_from_son():
    reg = SpeakerRegistry(["Joseph R. Biden Jr.", "Ken Griffey Jr."])
    assert reg.canonical("Biden") == "Joseph R. Biden Jr."
    assert reg.canonical("Joseph Biden") == "Joseph R. Biden Jr."
    assert reg.canonical("Ken Griffey Sr.") == "Ken Griffey Sr."
