"""The Mention: a speaker as the text writes them, before resolution to a name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["name", "pronoun", "description"]


@dataclass(frozen=True)
class Mention:
    """A speaker as written. Offsets are into the paragraph text."""

    start: int
    end: int
    text: str
    kind: MentionKind
    name: str | None = None  # the name part for kind == "name" ("Volodymyr Zelenskyy")
    description: str | None = None  # role words ("Ukrainian President")
    label: Literal["person", "org", "unknown"] = "unknown"
    plural: bool = False
    root: str | None = None  # the head noun when the phrase goes on past it ("spokeswoman for X")
    distinct: bool = False  # the description is what one person goes by ("the man in the cloak")

    @property
    def head(self) -> str:
        if self.root:
            return self.root.lower()
        return self.text.split()[-1].lower() if self.text.split() else ""
