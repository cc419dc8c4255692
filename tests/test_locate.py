"""Locating loosely remembered words in a paragraph (rag/locate.py)."""

import pytest

from rag.locate import Located, asked_words, best_possible, locate

PARA = ("\u201cI think he can do that, but the biggest unifier we got is Hillary Clinton,\u201d "
        "said Thomas Massie, a Kentucky Republican.")


def test_dropped_and_swapped_words_are_found_in_order_with_their_span():
    loc = locate(asked_words("but biggest we obtained is Hillary Clinton"), PARA)
    assert loc is not None and 0.7 < loc.score < 0.9
    assert PARA[loc.start:loc.end] == "but the biggest unifier we got is Hillary Clinton"


def test_the_exact_words_score_one():
    loc = locate(asked_words("the biggest unifier we got is Hillary Clinton"), PARA)
    assert loc.score == 1.0


def test_curly_apostrophes_and_case_match_straight_ones():
    text = "Doyle said: \u201cBut I think that\u2019s a very significant one.\u201d"
    loc = locate(asked_words("but I THINK that's a very significant one"), text)
    assert loc.score == 1.0 and text[loc.start:loc.end] == "But I think that\u2019s a very significant one"


def test_unrelated_words_score_low():
    loc = locate(asked_words("the economy is doing great and jobs are coming back"), PARA)
    assert loc is None or loc.score < 0.3


def test_scattered_words_are_charged_for_the_gaps():
    near = locate(asked_words("he can do that"), PARA)
    far = locate(asked_words("he can do Clinton"), PARA)
    assert near.score == 1.0 and far.score < 0.8


def test_too_few_words_are_not_located():
    assert locate(asked_words("Hillary Clinton"), PARA) is None
    assert best_possible(asked_words("Hillary Clinton"), PARA) == 0.0


def test_the_cheap_bound_is_never_below_the_score():
    for ask in ("but biggest we obtained is Hillary Clinton", "a Kentucky Republican said he can",
                "jobs are coming back to Kentucky"):
        words = asked_words(ask)
        loc = locate(words, PARA)
        assert best_possible(words, PARA) >= (loc.score if loc else 0.0)


@pytest.mark.parametrize("piece, covered", [
    ((0, 200), True),    # a long quote holding the whole match
    ((10, 40), True),    # a quote filling most of the match
    ((35, 200), False),  # a quote holding only the match's tail, most of it outside the match
    ((0, 12), False),    # a sliver of the match
    ((60, 80), False),   # outside the match
])
def test_which_quotes_a_match_is_about(piece, covered):
    assert Located(0.9, 10, 50).covers(*piece) is covered
