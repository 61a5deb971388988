"""Small text helpers shared by the writers and the fact checker."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word, keeping "C++", "C#", "Node.js", "CI/CD"-halves and "Müller-Łukasik" whole.
WORD = re.compile(r"[^\W_](?:[\w&'’.+#-]*[\w+#])?")
_NON_WORD = re.compile(r"[^\w+#]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def fold(text: str) -> str:
    """Lower case without accents or punctuation, single-spaced: for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    return " ".join(_NON_WORD.sub(" ", plain).split())


def words(text: str) -> list[str]:
    """The folded words of `text` ("Node.js" gives "node", "js")."""
    return fold(text).split()


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w+#])" + re.escape(phrase) + r"(?![\w+#])", re.IGNORECASE)


def mentions(text: str, phrase: str) -> bool:
    """True when `phrase` occurs in `text` as whole words, ignoring case."""
    phrase = phrase.strip()
    return bool(phrase) and _phrase_pattern(phrase).search(text) is not None


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def as_sentence(text: str) -> str:
    """`text` with a capital first letter and a full stop at the end."""
    text = " ".join(text.split()).rstrip(" ;,")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."
