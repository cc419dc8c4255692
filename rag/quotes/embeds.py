"""Posts embedded in an article: a tweet's words and the signature under them.

A page that embeds a tweet keeps its text and a signature line when it is saved as text:
"No one should be above the law. pic.twitter.com/Oqct — Paul Ryan (@SpeakerRyan) July 5, 2016".
The words before the signature are the account holder's own, verbatim: a direct quotation
with no quotation marks and no speech verb, which the parse-based rules cannot see.
"""

from __future__ import annotations

import re

from .mentions import Mention

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# The signature: a spaced dash, the display name, the handle in brackets and the date.
_SIGNATURE = re.compile(
    r"\s[\u2014\u2013-]{1,2}\s*(?P<name>[^\s()\u2014<>][^()\u2014<>\n]{0,60}?)\s*\(@\w{1,30}\)\s*"
    + _MONTH + r"\s+\d{1,2},\s+\d{4}")
# Links the embed leaves at the end of the words: pictures and shortened addresses.
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+))+\s*$")
_TAG = re.compile(r"<[^<>]*>")


def embedded_posts(text: str) -> list[tuple[int, int, int, Mention]]:
    """(words start, words end, signature end, who) for each post signed in a paragraph."""
    out = []
    start = 0
    for sig in _SIGNATURE.finditer(text):
        # The words start after the last markup tag or earlier post before the signature.
        begin = max([start] + [m.end() for m in _TAG.finditer(text, start, sig.start())])
        body = text[begin: sig.start()]
        body = body[: len(body) - len(m.group(0))] if (m := _TRAILING_LINKS.search(body)) else body
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        name = sig.group("name").strip()
        if len(body.split()) >= 2 and name[:1].isupper():
            at = begin + lead
            who = name[4:] if name.startswith("The ") else name
            mention = Mention(sig.start("name"), sig.start("name") + len(name), name, "name", name=who)
            out.append((at, at + len(body), sig.end(), mention))
        start = sig.end()
    return out
