"""A fragment as someone half-remembers it (``who_said_misremembered`` questions)."""

from __future__ import annotations

import random
import re

from ..scoring import norm
from .fragments import MIN_WORDS
from .lexicon import STOPWORDS

#: A small table for "misremembered" fragments: a word -> a near synonym.
SYNONYMS = {
    "big": "large", "large": "big", "huge": "enormous", "small": "little", "little": "small",
    "start": "begin", "begin": "start", "started": "began", "began": "started", "end": "finish",
    "help": "assist", "buy": "purchase", "get": "obtain", "got": "obtained", "show": "demonstrate",
    "think": "believe", "believe": "think", "thought": "believed", "want": "wish", "need": "require",
    "needs": "requires", "people": "folks", "country": "nation", "nation": "country",
    "fight": "battle", "war": "conflict", "job": "work", "jobs": "positions", "important": "crucial",
    "very": "really", "really": "truly", "great": "terrific", "bad": "terrible", "good": "fine",
    "fast": "quick", "quickly": "rapidly", "many": "numerous", "often": "frequently",
    "happy": "glad", "glad": "happy", "afraid": "scared", "sure": "certain", "certain": "sure",
    "quite": "rather", "rather": "quite", "perhaps": "maybe", "maybe": "perhaps", "speak": "talk",
    "talk": "speak", "told": "informed", "said": "stated", "says": "states", "say": "state",
    "house": "home", "home": "house", "dear": "darling", "child": "kid", "children": "kids",
    "money": "cash", "problem": "issue", "problems": "issues", "issue": "matter", "help.": "aid.",
    "rich": "wealthy", "poor": "needy", "hard": "difficult", "difficult": "hard", "easy": "simple",
    "simple": "easy", "right": "correct", "wrong": "mistaken", "strong": "powerful",
    "weak": "feeble", "angry": "furious", "sad": "unhappy", "smart": "clever", "clever": "smart",
    "stupid": "foolish", "foolish": "silly", "beautiful": "lovely", "lovely": "beautiful",
    "new": "fresh", "old": "aged", "begin.": "start.", "world": "globe", "city": "town",
    "town": "city", "women": "ladies", "men": "gentlemen", "friend": "companion",
    "friends": "companions", "attack": "assault", "attacks": "assaults", "threat": "danger",
    "safe": "secure", "leave": "depart", "come": "arrive", "look": "glance", "see": "observe",
    "understand": "grasp", "agree": "concur", "allow": "permit", "stop": "halt", "try": "attempt",
    "tried": "attempted", "always": "forever", "never": "not ever", "everyone": "everybody",
    "everybody": "everyone", "nothing": "naught", "also": "too", "enough": "sufficient",
    "whole": "entire", "entire": "whole", "idea": "notion", "reason": "cause", "plan": "scheme",
    "change": "alter", "keep": "retain", "win": "triumph", "lose": "forfeit", "fair": "just",
}
_DROPPABLE = ("very", "really", "just", "also", "all", "the", "that", "a", "so", "even", "still",
              "only", "quite", "then", "now", "much", "too")


def misremember(fragment: str, rng: random.Random) -> str | None:
    """The fragment as someone half-remembers it: clauses reordered, a synonym, words dropped."""
    words = fragment.split()
    changes = 0
    # clauses in another order
    if ", " in fragment:
        parts = [p.strip() for p in fragment.split(", ") if p.strip()]
        if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts):
            a, b = parts
            b = b.rstrip(".!?;:")
            words = f"{b}, {a}".split()
            changes += 1
    # a synonym
    idx = [i for i, w in enumerate(words) if re.sub(r"\W", "", w).lower() in SYNONYMS]
    if idx:
        i = rng.choice(idx)
        core = re.sub(r"\W", "", words[i]).lower()
        repl = SYNONYMS[core]
        if words[i][:1].isupper():
            repl = repl[:1].upper() + repl[1:]
        words[i] = re.sub(r"[A-Za-z']+", repl, words[i], count=1)
        changes += 1
    # words dropped
    drops = 1 if changes >= 2 else 2
    for _ in range(drops):
        if len(words) <= MIN_WORDS - 2:
            break
        small = [i for i, w in enumerate(words[1:-1], start=1)
                 if re.sub(r"\W", "", w).lower() in _DROPPABLE and re.fullmatch(r"[\w']+", w)]
        plain = [i for i, w in enumerate(words[1:-1], start=1)
                 if re.fullmatch(r"[A-Za-z]{4,}", w) and w.lower() not in STOPWORDS]
        pool = small or plain
        if not pool:
            break
        del words[rng.choice(pool)]
        changes += 1
    out = " ".join(words)
    if changes < 2 or norm(out) == norm(fragment):
        return None
    return out
