"""Sentences nobody said, for the ``abstain_invented`` questions."""

from __future__ import annotations

#: Sentences nobody in any corpus said (abstain questions).
INVENTED = (
    "we will have the whole bridge painted purple before the autumn fair",
    "my grandmother's parrot knows more about tax policy than the committee",
    "nobody should ever trust a weather forecast written by a submarine captain",
    "the lighthouse budget will be doubled as soon as the moon is full",
    "I have never once eaten a sandwich on a Tuesday afternoon in March",
    "our plan is to teach every goat in the county to play chess",
    "the orchestra will rehearse underwater until the tuba players complain",
    "a railway to the glacier is the only sensible answer to the housing question",
    "I promise that every library will get its own hot air balloon",
    "the treaty was signed with a pencil borrowed from a sleeping librarian",
    "frankly the marmalade shortage is the greatest scandal of our generation",
    "we counted the pebbles twice and the total was still seventeen thousand",
    "the committee voted to rename the harbour after a famous pastry chef",
    "no one in this town has ever seen a purple snowstorm in July",
    "I will resign if the penguins are not consulted about the new canal",
    "the secret ingredient of good government is a very patient tortoise",
    "every citizen deserves a lantern, a ladder and a lifetime supply of buttons",
    "the submarine races will resume once the cathedral roof is repaired",
    "we must never allow the clocks in the square to run backwards again",
    "I was told the violin factory had moved to the far side of the volcano",
)

_SUBJECTS = ("the harbour committee", "my neighbour's parrot", "every lighthouse keeper",
             "the submarine orchestra", "our marmalade inspector", "the county chess goat",
             "a retired balloon pilot", "the moon festival board", "the volcano librarian",
             "the pastry chef union")
_PREDICATES = ("will paint every bridge purple", "has promised a lantern to each citizen",
               "never eats sandwiches on Tuesdays", "will rehearse underwater all summer",
               "counted seventeen thousand pebbles twice", "plans to rename the old canal",
               "secretly trains penguins to play chess", "will move the clock tower backwards")
_TAILS = ("before the autumn fair", "until the tuba players complain",
          "as soon as the snow turns purple", "without asking the tortoise first")


def invented_sentences() -> list[str]:
    """The fixed INVENTED list, then as many more as needed from templates (fixed order)."""
    made = list(INVENTED)
    for tail in _TAILS:
        for pred in _PREDICATES:
            for subj in _SUBJECTS:
                made.append(f"{subj} {pred} {tail}")
    return made
