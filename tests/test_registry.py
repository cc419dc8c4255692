from rag.quotes.registry import SpeakerRegistry


def test_spelling_variants_merge_and_different_people_do_not():
    reg = SpeakerRegistry(["Volodymyr Zelenskyy", "John Smith", "Anna Smith", "Robert Brovdi"])
    assert reg.canonical("Volodymyr Zelensky") == "Volodymyr Zelenskyy"
    assert reg.canonical("Zelensky") == "Volodymyr Zelenskyy"
    assert reg.canonical("Brovdi") == "Robert Brovdi"
    assert reg.canonical("Jane Smith") == "Jane Smith"
    assert reg.canonical("Smith") == "Smith"  # two Smiths: a lone surname is ambiguous
    assert reg.canonical("Ministry of Defense") == "Ministry of Defense"
