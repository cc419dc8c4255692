"""Deterministic tuning / held-out splits, so that reported targets are on text nobody tuned on.

PolNeAR ships ``train`` (840 articles) and ``dev`` (84); ``test`` is withheld upstream. We cut
``train`` once more by a stable hash of the article's file stem (no annotator suffix, no
extension): ``sha1("whosaid-polnear:" + stem) % 4 == 0`` -> ``train-heldout`` (~25%, 227 of
840 here), else ``train-tune``. Any copy of PolNeAR, including splits we do not have, gets
the same assignment for the same file.

PDNC: the 21 novels we have are listed below, 14 for tuning and 7 held out; the 7 are the
lowest ``sha1("whosaid-pdnc:" + folder)`` among them. A novel not listed (a fuller copy of
PDNC) is held out when ``sha1("whosaid-pdnc:" + folder) % 3 == 0``.

Within PolNeAR ``train-tune``, learned parts (the cue judge, the boundary model) fit on the
``fit`` part and are measured on the ``check`` part: ``sha1("whosaid-cues:" + stem) % 5 == 0``
-> ``check`` (~20%), else ``fit`` (``tune_part``; ``attribution --part``).

Only the held-out parts (PolNeAR ``train-heldout``, ``dev``; PDNC ``heldout``) may be
quoted as targets; tune rules on ``train-tune`` and PDNC ``tune``.
"""

from __future__ import annotations

import hashlib

POLNEAR_SPLITS = ("train", "dev", "test", "train-tune", "train-heldout")
PDNC_SPLITS = ("tune", "heldout", "all")
TUNE_PARTS = ("fit", "check")

PDNC_TUNE = (
    "ARoomWithAView",
    "AlicesAdventuresInWonderland",
    "AnneOfGreenGables",
    "Emma",
    "MansfieldPark",
    "OliverTwist",
    "PrideAndPrejudice",
    "TheAgeOfInnocence",
    "TheAwakening",
    "ThePictureOfDorianGray",
    "TheSignOfTheFour",
    "TheSportOfTheGods",
    "WhereAngelsFearToTread",
    "WinnieThePooh",
)
PDNC_HELDOUT = (
    "APassageToIndia",
    "HowardsEnd",
    "NightAndDay",
    "NorthangerAbbey",
    "SenseAndSensibility",
    "TheGambler",
    "TheManWhoWasThursday",
)


def _hash(salt: str, name: str) -> int:
    return int(hashlib.sha1(f"{salt}:{name}".encode("utf-8")).hexdigest(), 16)


def polnear_part(stem: str) -> str:
    """``train-tune`` or ``train-heldout`` for a PolNeAR train article's file stem."""
    return "train-heldout" if _hash("whosaid-polnear", stem) % 4 == 0 else "train-tune"


def tune_part(stem: str) -> str:
    """``fit`` or ``check`` for a PolNeAR train-tune article: learned models fit on one and
    are measured on the other."""
    return "check" if _hash("whosaid-cues", stem) % 5 == 0 else "fit"


def pdnc_part(novel: str) -> str:
    """``tune`` or ``heldout`` for a PDNC novel folder name."""
    if novel in PDNC_TUNE:
        return "tune"
    if novel in PDNC_HELDOUT:
        return "heldout"
    return "heldout" if _hash("whosaid-pdnc", novel) % 3 == 0 else "tune"


def polnear_compartment(split: str) -> str:
    """The PolNeAR folder a split reads from (``train-tune`` -> ``train``)."""
    if split not in POLNEAR_SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; choose one of {', '.join(POLNEAR_SPLITS)}")
    return "train" if split.startswith("train") else split


def polnear_keep(split: str, stem: str) -> bool:
    """Whether an article of the split's compartment belongs to `split`."""
    if split in ("train-tune", "train-heldout"):
        return polnear_part(stem) == split
    return True


def pdnc_select(novels: list[str], split: str) -> list[str]:
    """The novels (folder names) of `split` among `novels`, sorted."""
    if split not in PDNC_SPLITS:
        raise ValueError(f"unknown PDNC split {split!r}; choose one of {', '.join(PDNC_SPLITS)}")
    return sorted(n for n in novels if split == "all" or pdnc_part(n) == split)
