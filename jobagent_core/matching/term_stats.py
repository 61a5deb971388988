"""Per-posting term statistics, computed once and stored (like embeddings), so stage 1
scores BM25 over 100,000 postings in one vectorised pass instead of re-reading and
re-stemming every description on every search.

    stats = term_stats(posting)                  # TermStats: keys, counts, length, english
    blob = stats.to_db_bytes()                   # for a DB column; FEATURES_VERSION inside
    stats = TermStats.from_db_bytes(blob)        # None when made by another version
    index = TermIndex.build([stats, ...])        # once per set of postings, any number of queries
    raw = index.bm25(query, texts)               # == lexical.bm25_scores(query, texts), bit for bit

What is stored. `bm25_scores` counts, for each query stem, the words its regex finds
(a word start where a query prefix begins, then one `lexical._WORD` token) whose stem
is that query stem. So the stored bag holds every `_WORD` token of the lower-cased
`title + "\\n" + description` (stop words and numbers included: "working" is a stop
word, yet its stem "work" is the stem of the query word "works"), keyed by its stem
and, when the token does not begin with its own stem ("company" -> "compani"), by
how many letters it shares with it. That is all the regex's prefix test needs: a
token with stem s that shares L letters with s begins with a query prefix p when p is
a prefix of s no longer than L; when p is longer and agrees with s on those L letters
the answer depends on letters not stored, and the posting is recounted from its text
(never seen on the bundled sample set).

Tokens with inner joins ("node.js", "d'excel", "r&d") are one token to `_WORD` but the
regex may also start after a join ("excel" in "d'excel" when no query prefix begins
"d'excel"). Such compound tokens are stored apart (their keys in a domain of their
own, and the tokens themselves, with any "+" or "#" right after them), and so are the
keys of their tails: a posting with a tail whose stem is a query stem has its compound
tokens counted by the query's own regex, the rest from the keys. The rare posting whose
count a key cannot tell is recounted from its text.

Storage: one uint64 per distinct key of a posting, the key in the high 48 bits and
its count in the low 16 (a tail key has count 0; a count of 65,535 or more is stored
as 65,535 and marks the posting for recounting from its text), so building the index
of 100,000 postings is one concatenation; plus the compound tokens as text. Keys are
the first 6 bytes of BLAKE2b of the key string (XOR a constant for compound tokens
and tails). Two different stems sharing a key would merge their counts in BM25; with
48 bits the chance that any of a query's ~800 keys meets any of ~10^6 distinct keys
of a set of postings is about 3 * 10^-6 per query.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

import numpy as np
from numpy.typing import NDArray

from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.lexical import (
    _WORD,
    LexicalQuery,
    _stem,
    bm25_from_tf,
    is_english,
    term_frequencies,
)

__all__ = ["FEATURES_VERSION", "TermIndex", "TermStats", "posting_terms_text", "term_stats"]

# Bump when what is stored or how it is keyed changes: stored blobs of another
# version are ignored (`from_db_bytes` returns None) and computed anew.
FEATURES_VERSION = 1
# magic, version, flags, reserved, length in words, entries, bytes of compound tokens
_HEADER = struct.Struct("<4sBBHIII")
_MAGIC = b"JATS"
_ENGLISH_FLAG, _RECOUNT_FLAG = 1, 2
_JOINS = frozenset(".'’&")  # inner joins of a `_WORD` token, after which a regex may start
# A join between letters or digits: inside a compound token.
_INNER_JOIN = re.compile(r"[.'’&](?=[^\W_])(?<=[^\W_].)")
# A compound token's last part followed by "+" or "#" (or text that merely looks so).
_JOIN_THEN_PLUS = re.compile(r"[.'’&][^\W_]+[+#]")
_PLUS_RUN = re.compile(r"[+#]*")
# A query prefix a stored compound token (with the "+" or "#" after it) can be read
# against alone; one with a join ("node.") may also match the text after the token.
_SAFE_PREFIX = re.compile(r"[^\W_]+[+#]*")
_COUNT_BITS = 16
_MAX_COUNT = (1 << _COUNT_BITS) - 1
_KEY_MASK = ((1 << 64) - 1) ^ _MAX_COUNT
# Key domains: a plain token's key, a compound token's (XOR _HEAD), a tail's (XOR _TAIL).
_HEAD = 0x5E1F_0A3C_9D27 << _COUNT_BITS
_TAIL = 0xA7C4_61B2_E853 << _COUNT_BITS
_PLAIN_KIND, _HEAD_KIND, _TAIL_KIND = 0, 1, 2
_UNSURE = -1  # a query key whose count depends on letters not stored
_FILTER_BITS = 16  # the cheap pre-filter of stored keys against a query's keys


def posting_terms_text(posting: PostingData) -> str:
    """The text stage 1 scores by BM25: title, then description."""
    return f"{posting.title}\n{posting.description_text}"


def _hash(key: str) -> int:
    """A 48-bit key, shifted into place above the count bits."""
    digest = hashlib.blake2b(key.encode(), digest_size=6).digest()
    return int.from_bytes(digest, "little") << _COUNT_BITS


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@lru_cache(maxsize=262_144)
def _token_key(token: str) -> int:
    """A token's stored key: its stem, plus the letters it shares with the stem when
    it does not begin with it ("company" shares 6 of "compani")."""
    stem = _stem(token)
    if token.startswith(stem):
        return _hash(stem)
    return _hash(f"{stem}\x00{_common(token, stem)}")


@dataclass(frozen=True, slots=True, eq=False)
class TermStats:
    """One posting's term statistics: `entries`, one uint64 per distinct key (key <<
    16 | count; count 0: the key of a compound token's tail), `compound_text`, each
    compound token (with any "+" or "#" right after it) and its count as UTF-8 lines
    "token count" (parsed only for the few postings that need it), and `meta`:
    the length in whitespace-split words << 2, | 1 when its description (else title)
    reads as English (`lexical.is_english`), | 2 when it must be recounted from its
    text (a count too large to store)."""

    entries: NDArray[np.uint64]
    meta: int
    compound_text: bytes = b""

    @property
    def length(self) -> int:
        return self.meta >> 2

    @property
    def english(self) -> bool:
        return bool(self.meta & _ENGLISH_FLAG)

    @property
    def compounds(self) -> list[tuple[str, int]]:
        """The compound tokens and their counts."""
        return _parse_compounds(self.compound_text)

    def to_db_bytes(self) -> bytes:
        """A 20-byte little-endian header (b"JATS", FEATURES_VERSION, flags, 2 bytes
        reserved, length, number of entries, bytes of compound tokens), the entries as
        <u8, then the compound tokens as UTF-8 lines "token count"."""
        text = self.compound_text
        header = _HEADER.pack(
            _MAGIC, FEATURES_VERSION, self.meta & 3, 0, self.meta >> 2, len(self.entries), len(text)
        )
        return header + self.entries.astype("<u8").tobytes() + text

    @classmethod
    def from_db_bytes(cls, blob: bytes) -> TermStats | None:
        """The stats `to_db_bytes` wrote, or None when the blob was made by another
        FEATURES_VERSION (the caller computes them anew). Raises ValueError on a blob
        that is not term statistics at all."""
        if len(blob) < _HEADER.size:
            raise ValueError("not term statistics: too short")
        magic, version, flags, _, length, n_entries, n_text = _HEADER.unpack_from(blob)
        if magic != _MAGIC:
            raise ValueError("not term statistics: bad magic")
        if version != FEATURES_VERSION:
            return None
        at = _HEADER.size + 8 * n_entries
        if len(blob) != at + n_text:
            raise ValueError("not term statistics: wrong size")
        # A read-only view of the blob (no copy on little-endian machines).
        entries = np.frombuffer(blob, "<u8", n_entries, _HEADER.size)
        meta = length << 2 | flags & 3
        return cls(entries.astype(np.uint64, copy=False), meta, blob[at:] if n_text else b"")


def term_stats(posting: PostingData) -> TermStats:
    """The term statistics of a posting (title + description, its declared language)."""
    lowered = posting_terms_text(posting).lower()
    tokens = Counter(_WORD.findall(lowered))
    n = len(tokens)
    keys = np.fromiter(map(_token_key, tokens), dtype=np.uint64, count=n)
    counts = np.fromiter(tokens.values(), dtype=np.int64, count=n)
    tails: set[int] = set()
    compounds: dict[str, int] = {}
    joined = _compound_tokens(lowered)
    if joined:
        # A compound token's own key goes to its domain (see TermIndex.term_frequencies).
        position = {token: i for i, token in enumerate(tokens)}
        keys[[position[token] for token in joined]] ^= np.uint64(_HEAD)
    if joined and _JOIN_THEN_PLUS.search(lowered) is None:
        # No compound token is followed by "+" or "#", so a match from inside one
        # ends where the token ends: read the tails off the distinct tokens.
        for token in joined:
            tails.update(_tail_keys(token, token, 0))
            compounds[token] = tokens[token]
    elif joined:
        for match in _WORD.finditer(lowered):
            token = match.group()
            if not _JOINS.isdisjoint(token):
                tails.update(_tail_keys(lowered, token, match.start()))
                plus = _PLUS_RUN.match(lowered, match.end())
                extended = token + (plus.group() if plus else "")
                compounds[extended] = compounds.get(extended, 0) + 1
    # Tokens of one key ("engineer", "engineering") summed: sort, then add up runs.
    order = np.argsort(keys)
    keys, counts = keys[order], counts[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if n else order
    keys, counts = keys[starts], np.add.reduceat(counts, starts) if n else counts
    meta = len(lowered.split()) << 2
    if is_english(posting.description_text or posting.title, posting.language):
        meta |= _ENGLISH_FLAG
    if n and counts.max() > _MAX_COUNT:
        meta |= _RECOUNT_FLAG
    entries = keys | np.minimum(counts, _MAX_COUNT).astype(np.uint64)
    if tails:
        tail_keys = np.fromiter(tails, dtype=np.uint64, count=len(tails)) ^ np.uint64(_TAIL)
        entries = np.sort(np.concatenate([entries, tail_keys]))
    text = "\n".join(f"{token} {count}" for token, count in compounds.items()).encode()
    return TermStats(entries, meta, text)


def _parse_compounds(text: bytes) -> list[tuple[str, int]]:
    if not text:
        return []
    lines = (line.split(" ") for line in text.decode().split("\n"))
    return [(token, int(count)) for token, count in lines]


def _compound_tokens(lowered: str) -> list[str]:
    """The distinct `_WORD` tokens of `lowered` with an inner join, found from the
    joins (a few per posting) rather than by a second pass over every token."""
    found: dict[str, None] = {}
    end = -1
    for join in _INNER_JOIN.finditer(lowered):
        at = join.start()
        if at < end:
            continue  # a later join of the compound token just read
        # Back to the start of the letters and digits before the join (str.isalnum
        # is the regex's [^\W_]): the token's start, as the join before it, if any,
        # was read already.
        start = at
        while start > 0 and lowered[start - 1].isalnum():
            start -= 1
        token = _WORD.match(lowered, start)
        if token is not None:
            found[token.group()] = None
            end = token.end()
    return list(found)


def _tail_keys(text: str, token: str, start: int) -> list[int]:
    """The keys of the tokens the query regex would match from inside `token` (at
    `start` in `text`): from after each inner join, as `_WORD` cuts from there, which
    may run past the token when "+" or "#" follows ("a.c++": "c++")."""
    keys = []
    for i in range(1, len(token)):
        if token[i - 1] in _JOINS:
            tail = _WORD.match(text, start + i)
            if tail is not None:
                keys.append(_token_key(tail.group()))
    return keys


@dataclass(frozen=True)
class _QueryKeys:
    """A query's stored keys, sorted: each with its column (or _UNSURE when the count
    cannot be told from the key) and its kind (plain, compound, tail)."""

    keys: NDArray[np.uint64]
    columns: NDArray[np.int64]
    kinds: NDArray[np.int8]

    @classmethod
    def of(cls, query: LexicalQuery) -> _QueryKeys:
        prefixes = query.prefixes
        found: dict[int, tuple[int, int]] = {}
        for col, stem in enumerate(query.weights):
            for shared in range(len(stem) + 1):
                # Tokens with this stem sharing `shared` letters with it (all of them:
                # the token begins with its stem).
                head = stem[:shared]
                if any(len(p) <= shared and stem.startswith(p) for p in prefixes):
                    column = col
                elif any(len(p) > shared and p.startswith(head) for p in prefixes):
                    column = _UNSURE
                else:
                    continue  # the regex never stops at such a token
                key = _hash(stem) if shared == len(stem) else _hash(f"{stem}\x00{shared}")
                found[key] = (column, _PLAIN_KIND)
                found[key ^ _HEAD] = (column, _HEAD_KIND)
                found[key ^ _TAIL] = (column, _TAIL_KIND)
        keys = np.fromiter(found.keys(), dtype=np.uint64, count=len(found))
        columns = np.asarray([c for c, _ in found.values()], dtype=np.int64).reshape(-1)
        kinds = np.asarray([k for _, k in found.values()], dtype=np.int8).reshape(-1)
        order = np.argsort(keys)
        return cls(keys[order], columns[order], kinds[order])


def _key_bits(entries: NDArray[np.uint64]) -> NDArray[np.uint16]:
    """16 key bits of each entry without a copy (a strided view; the second uint16
    of each uint64 holds key bits whatever the byte order)."""
    view: NDArray[np.uint16] = entries.view(np.uint16)[1::4]
    return view


class TermIndex:
    """Many postings' term statistics concatenated (CSR rows), for BM25 of any query
    over the whole set in one vectorised pass."""

    def __init__(
        self,
        entries: NDArray[np.uint64],
        indptr: NDArray[np.int64],
        meta: NDArray[np.int64],
        compounds: list[bytes],
    ) -> None:
        self.size = len(meta)
        self.entries, self.indptr, self.compounds = entries, indptr, compounds
        self.lengths = (meta >> 2).astype(np.float32)
        self.english = (meta & _ENGLISH_FLAG).astype(bool)
        self.recount = np.flatnonzero(meta & _RECOUNT_FLAG)

    @classmethod
    def build(cls, stats: Sequence[TermStats]) -> TermIndex:
        """The index of `stats`, row i for stats[i]."""
        n = len(stats)
        # map(attrgetter) rather than comprehensions: 100,000 postings, every search.
        arrays = list(map(attrgetter("entries"), stats))
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, arrays), dtype=np.int64, count=n), out=indptr[1:])
        # copy=False: the stored arrays already are uint64 on little-endian machines.
        entries = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.uint64)
        return cls(
            entries.astype(np.uint64, copy=False),
            indptr,
            np.fromiter(map(attrgetter("meta"), stats), dtype=np.int64, count=n),
            list(map(attrgetter("compound_text"), stats)),
        )

    def term_frequencies(
        self, query: LexicalQuery, text: Callable[[int], str]
    ) -> NDArray[np.float32]:
        """(size, len(query.weights)) float32 counts, equal to
        `lexical.term_frequencies(query, texts)`; `text(row)` gives a posting's
        `posting_terms_text` for the rare posting recounted from its text."""
        n_cols = len(query.weights)
        tf = np.zeros((self.size, n_cols), dtype=np.float32)
        if not n_cols or not self.size:
            return tf
        wanted = _QueryKeys.of(query)
        table = np.zeros(1 << _FILTER_BITS, dtype=bool)
        table[_key_bits(wanted.keys)] = True
        where = np.flatnonzero(table[_key_bits(self.entries)])
        found = self.entries[where]
        keys = found & np.uint64(_KEY_MASK)
        at = np.searchsorted(wanted.keys, keys)
        at[at == len(wanted.keys)] = 0
        hit = wanted.keys[at] == keys
        where, at, found = where[hit], at[hit], found[hit]
        rows = np.searchsorted(self.indptr, where, side="right") - 1
        columns, kinds = wanted.columns[at], wanted.kinds[at]

        # Recounted from the text: a key that cannot tell the count, a capped count,
        # or (rare) a query prefix with a join, which a compound token alone cannot
        # be read against.
        from_text = np.union1d(rows[columns == _UNSURE], self.recount)
        # A tail with a query stem: the compound tokens are counted by the regex.
        by_regex = np.setdiff1d(rows[kinds == _TAIL_KIND], from_text)
        if len(by_regex) and any(_SAFE_PREFIX.fullmatch(p) is None for p in query.prefixes):
            from_text, by_regex = np.union1d(from_text, by_regex), by_regex[:0]
        sure = (columns >= 0) & (kinds != _TAIL_KIND)
        if len(by_regex):
            sure &= ~((kinds == _HEAD_KIND) & np.isin(rows, by_regex))
        # A posting may have several keys of one column ("company", "companies"):
        # summed. Counts are small integers, exact in float64 and float32 alike.
        cells = rows[sure] * n_cols + columns[sure]
        counts = (found[sure] & np.uint64(_MAX_COUNT)).astype(np.float64)
        summed = np.bincount(cells, weights=counts, minlength=tf.size)
        tf = summed.astype(np.float32).reshape(tf.shape)
        if len(by_regex):
            self._count_compounds(query, by_regex, tf)
        if len(from_text):
            tf[from_text] = term_frequencies(query, [text(int(r)) for r in from_text])
        return tf

    def _count_compounds(
        self, query: LexicalQuery, rows: NDArray[np.intp], tf: NDArray[np.float32]
    ) -> None:
        """Adds the counts of `rows`' compound tokens as `query.regex` finds them in
        the text: no query prefix has a join, so a match depends on the token (and
        the "+" or "#" after it) alone."""
        assert query.regex is not None
        finder = query.regex.findall
        columns = {stem: i for i, stem in enumerate(query.weights)}
        for row in rows.tolist():
            for token, count in _parse_compounds(self.compounds[row]):
                for word in finder(token):
                    col = columns.get(_stem(word))
                    if col is not None:
                        tf[row, col] += count

    def bm25(self, query: LexicalQuery, text: Callable[[int], str]) -> NDArray[np.float32]:
        """`lexical.bm25_scores(query, texts)` over the indexed postings, bit for bit."""
        if self.size == 0 or query.regex is None:
            return np.zeros(self.size, dtype=np.float32)
        return bm25_from_tf(query, self.term_frequencies(query, text), self.lengths)
