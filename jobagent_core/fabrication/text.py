"""Small text helpers shared by the writers and the fact checker."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jobagent_core.fabrication.templates import word_list

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


# --------------------------------------------------------------------------- clauses

# Words that end a clause: conjunctions and relative pronouns, in the languages we write.
_CLAUSE_WORDS = frozenset(
    word_list(
        "and but or while whereas which who that where so because although "
        "und aber oder sowie während weil obwohl wobei "
        "et mais ou qui que dont où tandis "
        "y pero donde mientras o che dove mentre maar waar terwijl"
    )
)
# Words addressing the reader: what follows is about them ("... to your team").
_ADDRESSEE = frozenset(
    word_list(
        "you your yours ihr ihre ihren ihrem ihrer ihres ihnen votre vos vous "
        "usted su sus vuestro vuestra vostro vostra vostri uw jullie"
    )
)
_FIRST_PERSON = frozenset(
    word_list(
        "i i'm i've i'd my me mine myself ich mein meine meinen meinem meiner meines mir mich "
        "je j moi mon ma mes yo mi mis io mio mia miei mie ik mijn mij"
    )
)
_CLAUSE_MARK = re.compile(r"[,;:()\[\]{}–—]|\s-\s")
_TOKEN = re.compile(r"[^\W\d_][\w'’]*")


def _is_sentence_end(text: str, i: int) -> bool:
    """Whether the mark at `i` ends a sentence ("M.Sc. Computer" and "e.g. SQL" do not)."""
    if text[i] == "\n":
        return True
    if text[i] not in ".!?" or (i + 1 < len(text) and not text[i + 1].isspace()):
        return False
    if text[i] != "." or (i > 0 and text[i - 1] in ".!?"):
        return True  # "?" and "!" end one, and so does "Inc.." (an abbreviation's dot, then one)
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].split(".")[-1]
    return len(word) > 2


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence around text[start:end]."""
    begin = start
    while begin > 0 and not _is_sentence_end(text, begin - 1):
        begin -= 1
    stop = end
    while stop < len(text) and not _is_sentence_end(text, stop):
        stop += 1
    return begin, stop


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause around text[start:end]: (before, after) it.

    A clause ends at a sentence end, a comma, dash, colon or bracket, a conjunction or
    relative pronoun ("and", "which", "und", "qui"); what follows the phrase also ends
    where the reader is addressed ("... to your team")."""
    s_begin, s_end = sentence_bounds(text, start, end)
    before = text[s_begin:start]
    marks = list(_CLAUSE_MARK.finditer(before))
    if marks:
        before = before[marks[-1].end() :]
    words = list(_TOKEN.finditer(before))
    for m in reversed(words):
        if m.group(0).lower() in _CLAUSE_WORDS:
            before = before[m.end() :]
            break
    after = text[end:s_end]
    mark = _CLAUSE_MARK.search(after)
    if mark:
        after = after[: mark.start()]
    for m in _TOKEN.finditer(after):
        word = m.group(0).lower()
        if word in _CLAUSE_WORDS or word in _ADDRESSEE:
            after = after[: m.start()]
            break
    return before, after


def speaks_of_self(text: str) -> bool:
    """Whether `text` (a sentence) is in the first person: "I", "my", "ich", "j'"..."""
    for m in _TOKEN.finditer(text):
        word = m.group(0).lower()
        if word in _FIRST_PERSON or word.split("'")[0].split("’")[0] in _FIRST_PERSON:
            if word == "i" and m.group(0) != "I":
                continue  # a lower-case "i" is not the pronoun
            return True
    return False


_LIST_JOINERS = frozenset(word_list("and or und oder sowie et ou y o e"))
_MAX_ITEM_WORDS = 4
_LIST_END = re.compile(r"[;:()\[\]{}–—]|\s-\s")
_LIST_SEPARATOR = re.compile(
    r"(,|(?<![\w'’])(?:" + "|".join(sorted(_LIST_JOINERS)) + r")(?![\w'’]))", re.IGNORECASE
)


def list_items_after(text: str, pos: int, stop: int) -> list[str]:
    """The further items of an enumeration that goes on at text[pos:stop] (", mid-market
    and enterprise roles", " and acute medicine"), or [] when what follows is not one
    (a new clause: ", and I would like to ...")."""
    rest = text[pos:stop]
    end = _LIST_END.search(rest)
    rest = rest[: end.start()] if end else rest
    pieces = _LIST_SEPARATOR.split(rest)
    if pieces[0].strip():
        return []  # the clause did not end at a comma or "and"
    items: list[str] = []
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        words = [m.group(0).lower() for m in _TOKEN.finditer(piece)]
        if not words and separator == ",":
            continue  # ", and" (a serial comma)
        if (
            not words
            or len(words) > _MAX_ITEM_WORDS
            or any(w in _FIRST_PERSON or w in _ADDRESSEE or w in _CLAUSE_WORDS for w in words)
        ):
            return []
        items.append(" ".join(words))
        if separator != ",":
            return items  # the last item follows "and"/"or"
    return []
