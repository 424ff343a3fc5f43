"""Word-frequency lexicons (wordfreq) shared by detection, repair and recovery.

wordfreq ships its frequency lists inside the package, so nothing is fetched at run time.
Tables load lazily, one language at a time, and are cached for the life of the process
(they are read-only data, not request state).

Memory: a ``dict`` of wordfreq's large list costs about 110 bytes a word (Russian, 713,000
words: about 120 MB), and wordfreq's own ``get_frequency_dict`` / ``get_frequency_list``
keep both the dict and the raw lists in an unbounded cache. So the lists are streamed
straight from wordfreq's files (:func:`ranked_bands`) and kept as a :class:`WordTable`: the
words' string hashes, sorted and indexed by their top bits (the bucket), with the next 32
bits of each kept as its key and a 16-bit code (its frequency band) beside it. That is
about 6.5 bytes a word; only the most frequent words of a table also sit in a small
``dict`` in front, for speed.

Hashes are Python's own ``hash(str)``: fast, cached on the string, and fixed for the life of
a process, which is all an in-process table needs (tables are rebuilt, never pickled). It
hashes a string's internal bytes, so ``"kp"`` (two one-byte letters) and ``"\u706b"`` (one
two-byte letter) share it: the length is mixed in. A table of n words has about n / 16
buckets and keeps 32 bits of key beside the bucket's (48 bits in all at most), so a word
absent from it matches one of its words with a chance of about 16 / 2^32 (4 in 10^9), and
some two words of the largest list share their bits with a chance of about one in 1,000
(the more frequent one then answers for both).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math
import re
from array import array
from bisect import bisect_left as _bisect_left
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Generic, NoReturn, TypeVar, overload

import msgpack
import wordfreq

# Languages wordfreq ships a list for. Kept as data so tests can check it.
LANGUAGES: tuple[str, ...] = tuple(sorted(wordfreq.available_languages()))

# Words are runs of letters (and inner apostrophes / hyphens are split off).
_WORD_RE = re.compile(r"[^\W\d_]+")

# The most frequent words of a frequency table are also kept in a dict in front of the hashed
# arrays. Measured (one run, 2-core machine): ``get`` answers from the dict in about 70 ns,
# from the arrays in about 500 ns (hit or miss; a plain dict: 25 to 60 ns). On 150 English
# news pages the top 4,096 English words cover 75 % of the tokens; the dict costs about
# 0.4 MB a language.
FRONT_WORDS = 4096

V = TypeVar("V")
D = TypeVar("D")
K = TypeVar("K", bound=Hashable)

_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
# Odd 64-bit multiplier of the word length added to its hash (the golden ratio's bits, the
# usual choice for mixing).
_LENGTH_MIX = 0x9E3779B97F4A7C15
# A word's entry: the top 48 bits of its 64-bit hash, then 16 bits for its value code, in
# one unsigned 64-bit integer, so one sort orders both.
_CODE_BITS = 16
_MAX_CODES = 1 << _CODE_BITS
_CODE_MASK = _MAX_CODES - 1
_HASH_MASK = _MASK64 ^ _CODE_MASK
# Mean entries per bucket of the index: 8 to 16 (the index costs 0.25 to 0.5 byte a word;
# a look-up bisects a few keys).
_BUCKET_LOAD_BITS = 4
# Words hashed per list comprehension (a chunk is a short-lived list, sorted, then dealt).
_CHUNK_WORDS = 4096
# Slices of the hash range sorted one at a time when a table is built: 2^4, so wordfreq's
# largest list (734,000 words) sorts about 46,000 entries at a time (a 2 MB list).
_SORT_PART_BITS = 4
# WordGroups sorts (hash of the group key, word number) pairs in one 64-bit integer.
_GROUP_INDEX_BITS = 24


def words(text: str) -> list[str]:
    """The case-folded letter runs of ``text`` (wordfreq stores its keys case-folded, so
    ``Straße`` is looked up as ``strasse`` and a final sigma as a plain one).

    >>> words("Café au lait, 2 fois!")
    ['café', 'au', 'lait', 'fois']
    >>> words("Straße")
    ['strasse']
    """
    return [w.casefold() for w in _WORD_RE.findall(text)]


def _no_pickle(kind: str) -> NoReturn:
    raise TypeError(f"a {kind} holds this process's string hashes: build it in each process")


class WordTable(Generic[V]):
    """A compact read-only mapping from words to a few distinct values.

    Built from ``(word, code)`` pairs, where ``labels[code]`` is the word's value; a word
    given twice keeps its smallest code (``len`` counts the pairs given). About 6.5 bytes
    a word (a dict: about 110). The first ``front`` pairs are also kept in a dict, for speed.

    >>> table = WordTable([("the", 0), ("cat", 1), ("sat", 1)], ("common", "rare"))
    >>> table.get("cat"), table.get("dog", "unknown"), "the" in table, len(table)
    ('rare', 'unknown', True, 3)
    >>> table["the"]
    'common'
    >>> WordTable([("cat", 1), ("cat", 0)], ("common", "rare")).get("cat")
    'common'
    """

    __slots__ = ("_bucket_shift", "_codes", "_front", "_key_shift", "_keys", "_labels", "_starts")

    def __init__(
        self, pairs: Iterable[tuple[str, int]], labels: Sequence[V], front: int = 0
    ) -> None:
        rest = iter(pairs)
        head = list(itertools.islice(rest, front))
        limit = self._limit(labels)
        batches = itertools.chain(
            [head], iter(lambda: list(itertools.islice(rest, _CHUNK_WORDS)), [])
        )
        chunks = (
            [
                (hash(w) + len(w) * _LENGTH_MIX) & _HASH_MASK
                | (c if 0 <= c < limit else _bad_code(c, limit))
                for w, c in batch
            ]
            for batch in batches
        )
        self._build(chunks, labels, head)

    @classmethod
    def from_groups(
        cls, groups: Iterable[tuple[int, list[str]]], labels: Sequence[V], front: int = 0
    ) -> WordTable[V]:
        """A table from ``(code, words)`` groups (faster than one pair a word).

        >>> WordTable.from_groups([(0, ["the"]), (1, ["cat", "sat"])], ("common", "rare"))["sat"]
        'rare'
        """
        table = cls.__new__(cls)
        limit = cls._limit(labels)
        head: list[tuple[str, int]] = []

        def chunks() -> Iterator[list[int]]:
            for c, words in groups:
                if not 0 <= c < limit:
                    _bad_code(c, limit)
                if len(head) < front:
                    head.extend((w, c) for w in words[: front - len(head)])
                yield [(hash(w) + len(w) * _LENGTH_MIX) & _HASH_MASK | c for w in words]

        table._build(chunks(), labels, head)
        return table

    @staticmethod
    def _limit(labels: Sequence[V]) -> int:
        return min(_MAX_CODES, len(labels))

    def _build(
        self, chunks: Iterable[list[int]], labels: Sequence[V], head: list[tuple[str, int]]
    ) -> None:
        """Sort the packed entries (top 48 bits of the hash, then the 16-bit code), index
        them by their top hash bits and keep each one's key and code; ``head`` (read once
        ``chunks`` are) fills the front.

        Sorting makes a list of Python ints (about 44 bytes each), so entries are dealt into
        slices of the hash range as they come, each slice sorted on its own at the end: the
        peak stays a few MB above the table itself. Each chunk is sorted before it is dealt
        (in C: a few bisections and slice copies), so a slice is a run of sorted runs, which
        the final sort merges quickly.
        """
        part_shift = 64 - _SORT_PART_BITS
        parts = [array("Q") for _ in range(1 << _SORT_PART_BITS)]
        cut_values = [number << part_shift for number in range(1, len(parts))]
        for chunk in chunks:
            chunk.sort()
            cuts = [0, *map(functools.partial(_bisect_left, chunk), cut_values), len(chunk)]
            for number, part in enumerate(parts):
                part.fromlist(chunk[cuts[number] : cuts[number + 1]])
        self._labels = labels
        front_codes: dict[str, int] = {}
        for word, code in head:  # a word given twice keeps its smallest code here too
            front_codes[word] = min(code, front_codes.get(word, code))
        self._front: dict[str, V] = {word: labels[code] for word, code in front_codes.items()}
        size = sum(map(len, parts))
        bucket_bits = max(0, size.bit_length() - _BUCKET_LOAD_BITS)
        self._bucket_shift = 64 - bucket_bits
        # The key: the 32 bits right below the bucket number, or the hash's low 32 bits
        # when the bucket number is longer than the 16 bits above them.
        self._key_shift = max(_CODE_BITS, 32 - bucket_bits)
        step = 1 << self._bucket_shift
        self._starts = array("I")
        self._keys = array("I", bytes(4 * size))  # sized once: no growth slack
        self._codes = array("H", bytes(2 * size))
        to_key = (_MASK32.__and__, self._key_shift.__rrshift__)
        offset = 0
        for number in range(len(parts)):
            ordered = sorted(parts[number])
            parts[number] = array("Q")
            first_at = functools.partial(_bisect_left, ordered)
            lo = number << part_shift
            bounds = range(-(-lo // step) * step, lo + (1 << part_shift), step)
            self._starts.extend(map(offset.__add__, map(first_at, bounds)))
            end = offset + len(ordered)
            self._keys[offset:end] = array("I", map(to_key[0], map(to_key[1], ordered)))
            self._codes[offset:end] = array("H", map(_CODE_MASK.__and__, ordered))
            offset = end
        self._starts.append(offset)

    def _code(self, word: str) -> int:
        """The value code of ``word``, or -1."""
        hashed = (hash(word) + len(word) * _LENGTH_MIX) & _MASK64
        starts = self._starts
        bucket = hashed >> self._bucket_shift
        hi = starts[bucket + 1]
        key = (hashed >> self._key_shift) & _MASK32
        i = _bisect_left(self._keys, key, starts[bucket], hi)
        if i < hi and self._keys[i] == key:
            return self._codes[i]
        return -1

    @overload
    def get(self, word: str) -> V | None: ...

    @overload
    def get(self, word: str, default: D) -> V | D: ...

    def get(self, word: str, default: D | None = None) -> V | D | None:
        """The value of ``word``, or ``default``."""
        value = self._front.get(word)
        if value is not None:
            return value
        # _code, written out: this is the hot path of language scoring
        hashed = (hash(word) + len(word) * _LENGTH_MIX) & _MASK64
        starts = self._starts
        bucket = hashed >> self._bucket_shift
        hi = starts[bucket + 1]
        key = (hashed >> self._key_shift) & _MASK32
        keys = self._keys
        i = _bisect_left(keys, key, starts[bucket], hi)
        if i < hi and keys[i] == key:
            return self._labels[self._codes[i]]
        return default

    def __getitem__(self, word: str) -> V:
        value = self._front.get(word)
        if value is not None:
            return value
        code = self._code(word)
        if code < 0:
            raise KeyError(word)
        return self._labels[code]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in self._front or self._code(word) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def __bool__(self) -> bool:
        return bool(self._keys)

    def nbytes(self) -> int:
        """Bytes held by the arrays (the front dict aside).

        >>> WordTable([], (None,)).nbytes()  # the bucket index of an empty table
        8
        """
        arrays = (self._keys, self._codes, self._starts)
        return sum(a.itemsize * len(a) for a in arrays)

    def __reduce__(self) -> NoReturn:
        _no_pickle(type(self).__name__)


def _bad_code(code: int, limit: int) -> NoReturn:
    raise ValueError(f"code {code} has no label (codes run from 0 to {limit - 1})")


def word_set(words: Iterable[str]) -> WordTable[bool]:
    """A compact read-only set of ``words`` (membership only).

    >>> known = word_set(["jezik", "kuća"])
    >>> "jezik" in known, "jezika" in known, len(known)
    (True, False, 2)
    """
    rest = iter(words)
    chunks = iter(lambda: list(itertools.islice(rest, _CHUNK_WORDS)), [])
    return WordTable.from_groups(((0, chunk) for chunk in chunks), (True,))


class WordGroups(Generic[K]):
    """Words grouped by a key computed from each word, for look-up by key.

    The words are kept as UTF-8 in one ``bytes`` with their offsets, sorted by the hash of
    their key; a look-up recomputes the key of each candidate, so hash collisions never
    leak into a result. Words of one group come back in their input order; a word given
    twice comes back once (it is stored twice: no set of all words is built).

    >>> groups = WordGroups(["Ana", "ana", "Bob", "ana"], key=str.lower)
    >>> groups.get("ana"), groups.get("eve")
    (('Ana', 'ana'), ())
    """

    __slots__ = ("_entries", "_key", "_offsets", "_text")

    def __init__(self, words: Iterable[str], key: Callable[[str], K]) -> None:
        self._key = key
        self._offsets = array("I", [0])
        text = bytearray()
        entries = array("Q")
        for index, word in enumerate(words):
            if index >= 1 << _GROUP_INDEX_BITS:
                raise ValueError("too many words for one WordGroups")
            text += word.encode("utf-8")
            self._offsets.append(len(text))
            entries.append(self._hashed(key(word)) << _GROUP_INDEX_BITS | index)
        self._text = bytes(text)
        self._entries = array("Q", sorted(entries))

    @staticmethod
    def _hashed(key: K) -> int:
        return (hash(key) & _MASK64) >> _GROUP_INDEX_BITS

    def get(self, key: K, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The words whose key is ``key``, in input order (``default`` when none)."""
        hashed = self._hashed(key)
        lo = _bisect_left(self._entries, hashed << _GROUP_INDEX_BITS)
        hi = _bisect_left(self._entries, (hashed + 1) << _GROUP_INDEX_BITS, lo)
        found: dict[str, None] = {}  # entries of one hash come in input order
        for entry in self._entries[lo:hi]:
            index = entry & ((1 << _GROUP_INDEX_BITS) - 1)
            data = self._text[self._offsets[index] : self._offsets[index + 1]]
            word = data.decode("utf-8")
            if self._key(word) == key:
                found[word] = None
        return tuple(found) if found else default

    def __len__(self) -> int:
        """Number of words given, repeats included."""
        return len(self._offsets) - 1

    def __reduce__(self) -> NoReturn:
        _no_pickle(type(self).__name__)


@functools.cache
def _list_files(wordlist: str) -> Mapping[str, str]:
    """wordfreq's list files by language for ``wordlist`` ("best", "small", "large")."""
    return MappingProxyType(wordfreq.available_languages(wordlist))


def has_list(lang: str, wordlist: str = "best") -> bool:
    """Whether wordfreq has a ``wordlist`` list for ``lang``.

    >>> has_list("hr", "small"), has_list("sh", "small")
    (False, True)
    """
    return lang in _list_files(wordlist)


def ranked_bands(lang: str, wordlist: str = "best") -> Iterator[tuple[int, list[str]]]:
    """``(band, words)`` of wordfreq's ``wordlist`` for ``lang``, most frequent band first.

    ``band`` is minus the words' frequency in centibels (frequency ``10 ** (-band / 100)``,
    zipf ``9 - band / 100``); within a band, words come in alphabetical order, as wordfreq
    lists them. Empty bands are left out. The file is streamed one band at a time
    (wordfreq's cBpack format), so neither the whole list nor wordfreq's caches are kept.
    Nothing when wordfreq has no such list.

    >>> next(ranked_bands("en"))
    (127, ['the'])
    >>> list(ranked_bands("xx"))
    []
    """
    path = _list_files(wordlist).get(lang)
    if path is None:
        return
    with gzip.open(path, "rb") as f:
        unpacker = msgpack.Unpacker(f, raw=False)
        bands = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if not isinstance(header, dict) or (header.get("format"), header.get("version")) != (
            "cB",
            1,
        ):
            raise ValueError(f"unexpected wordfreq list header in {path}: {header!r}")
        for band in range(bands):
            words = unpacker.unpack()
            if words:
                yield band, words


def ranked_words(lang: str, wordlist: str = "best") -> Iterator[tuple[str, int]]:
    """``(word, band)`` pairs of :func:`ranked_bands`, most frequent first.

    >>> next(ranked_words("en"))
    ('the', 127)
    """
    for band, words in ranked_bands(lang, wordlist):
        for word in words:
            yield word, band


class ZipfLanguages(Sequence[tuple[float, str]]):
    """Labels ``(zipf, language)`` for a :class:`WordTable`, computed from the code.

    A code packs a frequency band (see :func:`ranked_words`) and a language number.

    >>> labels = ZipfLanguages(("hr", "sv"))
    >>> labels[labels.code(150, 1)]
    (7.5, 'sv')
    """

    __slots__ = ("_languages",)

    def __init__(self, languages: Sequence[str]) -> None:
        self._languages = tuple(languages)

    def code(self, band: int, language: int) -> int:
        """The code of ``band`` in the ``language``-th language."""
        return band * len(self._languages) + language

    def __len__(self) -> int:
        return _MAX_CODES - _MAX_CODES % max(1, len(self._languages))

    @overload
    def __getitem__(self, code: int) -> tuple[float, str]: ...

    @overload
    def __getitem__(self, code: slice) -> Sequence[tuple[float, str]]: ...

    def __getitem__(self, code: int | slice) -> tuple[float, str] | Sequence[tuple[float, str]]:
        if isinstance(code, slice):
            return [self[i] for i in range(*code.indices(len(self)))]
        if not 0 <= code < len(self):
            raise IndexError(code)
        band, language = divmod(code, len(self._languages))
        return 9.0 - band / 100.0, self._languages[language]


@functools.cache
def band_frequencies(bands: int = 1000) -> tuple[float, ...]:
    """Frequency (0..1) of each centibel band, exactly as wordfreq computes it.

    >>> band_frequencies()[100]
    0.1
    """
    return tuple(wordfreq.cB_to_freq(-band) for band in range(bands))


@functools.cache
def frequency_table(lang: str) -> WordTable[float]:
    """word -> frequency (0..1) for ``lang``; empty when wordfreq has no list for it.

    >>> table = frequency_table("en")
    >>> table.get("the", 0.0) > 0.01, table.get("qzxv", 0.0), "the" in table
    (True, 0.0, True)
    >>> len(frequency_table("xx"))
    0
    """
    if lang not in LANGUAGES:
        return WordTable([], band_frequencies())
    return WordTable.from_groups(ranked_bands(lang), band_frequencies(), front=FRONT_WORDS)


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of per-billion frequency; 0 for unknown words).

    >>> zipf("the", "en") > 7
    True
    >>> zipf("qzxv", "en")
    0.0
    """
    freq = frequency_table(lang).get(word.casefold(), 0.0)
    return math.log10(freq * 1e9) if freq else 0.0


def known_share(tokens: list[str], lang: str) -> float:
    """Share of ``tokens`` found in ``lang``'s lexicon (0 when there are no tokens).

    >>> known_share(["the", "cat", "qzxv", "sat"], "en")
    0.75
    """
    if not tokens:
        return 0.0
    table = frequency_table(lang)
    return sum(1 for t in tokens if t in table) / len(tokens)
