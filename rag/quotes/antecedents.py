"""Who a "he", "she" or "the old man" tagging a quotation is: a learned ranking of the people
named before it.

The hand rule (the latest person of the pronoun's gender, a subject before an object) is one
input; the ranking also weighs how far back each person was named, whether as a subject or
an object, whether they spoke or were called by name in the turns before, and how often the
passage names them: the "she said" answering '"Will you forgive me, Lucy?" he asked' is more
likely Lucy's than that of a woman named since. Weights live in ``antecedent_model.json``
beside this file, fitted on PDNC's tuning novels by ``python -m evals train-antecedents``;
without the file the hand rule decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .packaged import packaged_json

MODEL_FILE = "antecedent_model.json"


@dataclass(frozen=True)
class Sighting:
    """What the timeline says of one person before a pronoun, latest mention first."""

    name: str
    order: int  # 0 for the most recently named person of a fitting gender, 1 for the next ...
    distance: int  # characters from the latest mention to the pronoun
    as_object: bool  # the latest mention is not a subject ("looked at Basil")
    by_pronoun: bool  # the latest mention is an earlier pronoun resolved to this person
    subject_order: int | None  # rank among people whose latest mention is a subject
    near: int  # mentions over the last stretch of text (timeline._NEAR characters)
    gender_known: bool  # the person's gender is known (and fits), not merely unknown
    role: bool  # a calling the narration just made a subject ("the clerk")
    spoke: int  # times named as a speaker so far
    last_voice: bool  # spoke the latest tagged turn before the pronoun
    voice_before: bool  # spoke the tagged turn before that one
    rule: bool  # the hand rule's choice
    same_paragraph: bool  # named in the pronoun's own paragraph
    turn_before: bool  # spoke the dialogue turn right before this paragraph
    called_before: bool  # was called by name in that turn ("Edith, shall we walk?")
    described: bool = False  # the tag is a description ("said the old man"), not a pronoun


@dataclass(frozen=True)
class Candidate:
    name: str
    features: tuple[str, ...]


def candidate(s: Sighting) -> Candidate:
    """The sighting as the model's features; a description tag gets its own copy of each."""
    order = min(s.order, 4)
    subject = "none" if s.subject_order is None else str(min(s.subject_order, 3))
    feats = (
        "bias", f"order={order}", f"dist={_distance(s.distance)}", f"object={int(s.as_object)}",
        f"pronoun={int(s.by_pronoun)}", f"subject={subject}", f"near={min(s.near, 5)}",
        f"gender={'known' if s.gender_known else 'unknown'}", f"role={int(s.role)}",
        f"spoke={min(s.spoke, 3)}", f"voice={int(s.last_voice)}", f"voice2={int(s.voice_before)}",
        f"rule={int(s.rule)}", f"para={int(s.same_paragraph)}", f"turn={int(s.turn_before)}",
        f"called={int(s.called_before)}", f"order={order}&para={int(s.same_paragraph)}",
        f"turn={int(s.turn_before)}&called={int(s.called_before)}",
        # The pairs that change each other's meaning: the latest named as an object, the rule
        # overruled by the turn before.
        f"order={order}&object={int(s.as_object)}", f"rule={int(s.rule)}&voice={int(s.last_voice)}",
        f"order={order}&voice2={int(s.voice_before)}", f"order={order}&gender={int(s.gender_known)}",
    )
    if s.described:
        feats += tuple(f"described&{f}" for f in feats)
    return Candidate(s.name, feats)


def _distance(chars: int) -> str:
    for bound in (80, 250, 600, 1500, 4000):
        if chars < bound:
            return f"<{bound}"
    return "far"


@dataclass(frozen=True)
class AntecedentModel:
    """Linear weights over candidate features; the highest-scoring candidate is the antecedent."""

    weights: dict[str, float]

    def score(self, cand: Candidate) -> float:
        return sum(self.weights.get(f, 0.0) for f in cand.features)

    def pick(self, cands: list[Candidate]) -> str | None:
        return max(cands, key=self.score).name if cands else None


@lru_cache(maxsize=1)
def load_antecedent_model() -> AntecedentModel | None:
    """The packaged model; None when it has not been trained (the hand rule decides)."""
    data = packaged_json(MODEL_FILE)
    return AntecedentModel(weights=data["weights"]) if data is not None else None
