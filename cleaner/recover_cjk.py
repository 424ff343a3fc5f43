"""Recovery of Chinese, Japanese and Korean characters lost to U+FFFD or ``?``.

These scripts take three bytes a character in UTF-8 and are written without spaces between
words (Korean between phrases), so :mod:`cleaner.recover_script` does not read them. The
damage comes in three shapes:

* UTF-8 decoded in chunks: a character cut at a chunk boundary becomes a run of two or
  three U+FFFD (``\u5e83\u544a\ufffd\ufffd\ufffd\u898b`` for one lost kana);
* a lossy mojibake repair: one U+FFFD per lost character (the text then shows a single
  U+FFFD between two letters somewhere); the lost characters are those whose UTF-8 bytes
  hold a C1 byte (0x80 to 0x9F), which Latin-1 and Windows-1252 lose;
* a legacy charset without the character wrote ``?``: the character is one that a legacy
  CJK charset able to write every intact character of the text lacks (a traditional
  character in GB2312 text).

Each hole is one character (never an ASCII one, which takes one byte, nor a combining
mark), read with a character model of the text's language (kana:
Japanese, Hangul: Korean, else Chinese), built from wordfreq's word list: frequency-weighted
character unigrams, bigrams and trigrams inside words, with word starts and ends, so that a
pair across two words (a particle after a noun) is scored too. The document's own intact
text adds its pairs and triples. The letters around the hole are also read as words: the
probability of the span under a unigram model of the lexicon's words, summed over its
segmentations (``\u52d5?\u4e4b\u4e2d`` is likelier with the word that makes
``\u52d5?`` one). Chinese lists are simplified: a traditional character is
looked up through wordfreq's traditional-to-simplified mapping and written in the form the
text uses. A full-width punctuation mark is a candidate too, scored as a word end. The best
candidate is written only when its share of the candidates' weight reaches
``MIN_CJK_CONFIDENCE``: a wrong character is worse than a U+FFFD.

Thai has no wordfreq list and is not read. Numbers live in :mod:`cleaner.thresholds` (the
``# ---- CJK recovery`` section); tables in :mod:`cleaner.recover_cjk_data`.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import msgpack
import wordfreq

from cleaner import lexicon, thresholds
from cleaner import recover_cjk_data as data
from cleaner.cache import persistent
from cleaner.lexicon import WordTable, band_frequencies
from cleaner.options import CleanOptions
from cleaner.recover import mark_runs
from cleaner.recover_script import may_be_lost
from cleaner.trace import Reason, Stage, Step

QMARK = "?"
REPLACEMENT = "\ufffd"
# Word start and end marks in model keys (control characters never in a word list).
START = "\x02"
END = "\x03"
# Marks a context count of the document (the times a string is followed by a character).
CONTEXT = "\x01"
# Marks a whole word (its key in a model weighs the word's own frequency).
WORD = "\x04"
# A context position that is a word boundary (space, punctuation, digit, Latin) or unknown.
BOUNDARY = ""
UNKNOWN = None

_HOLES_RE = re.compile(r"\ufffd+|\?+")
_LETTER_RE = re.compile(f"[{data.LETTERS}]")
_KANA_RE = re.compile(f"[{data.KANA}]")
_HANGUL_RE = re.compile(f"[{data.HANGUL}]")
_PUNCT_RE = re.compile(f"[{data.PUNCTUATION_CLASS}]")
# Runs of intact letters (for the document's own n-grams).
_RUN_RE = re.compile(f"[{data.LETTERS}{data.PUNCTUATION_CLASS}]+")

# Bounded caches: character models (a few MB each) and per-character facts.
_CACHED_MODELS = 3
_CACHED_CHARACTERS = 1 << 15
# Bands of the model table: weights are kept in centibels, as wordfreq keeps frequencies.
_BANDS = 1000
# Frequency bands (centibels) counted together when a model is built: a word's weight is its
# tier's mean, within a factor 1.3 of its own.
_TIER_BANDS = 10
# Hole kinds.
CUT = "cut"  # a run of two or three U+FFFD: one character cut at a chunk boundary
PER_CHAR = "per_char"  # one U+FFFD per character lost by a lossy repair
QMARK_HOLE = "qmark"  # one ``?`` per character a legacy charset lacks
# U+FFFD in a run standing for one cut character.
_CUT_RUN = (2, 3)
# Letters read each side of a hole for whole-word segmentation, and the longest word tried.
_SPAN_CHARS = 6
_MAX_WORD_CHARS = 6
# Smallest probability a model gives, so that no candidate scores zero.
_FLOOR = 1e-12


# ---------------------------------------------------------------------------------------
# Traditional and simplified Chinese


@functools.cache
def simplified_map() -> dict[int, str]:
    """wordfreq's traditional-to-simplified character mapping (code point -> character).

    >>> "\\u5011".translate(simplified_map()) == "\\u4eec"  # traditional men -> simplified
    True
    """
    path = os.path.join(os.path.dirname(wordfreq.__file__), "data", "_chinese_mapping.msgpack.gz")
    with gzip.open(path, "rb") as f:
        mapping = msgpack.load(f, raw=False, strict_map_key=False)
    return {int(k): str(v) for k, v in mapping.items()}


@functools.cache
def traditional_forms() -> dict[str, tuple[str, ...]]:
    """Simplified character -> its traditional forms (those that differ from it and that
    Big5 writes).

    >>> "\\u5011" in traditional_forms()["\\u4eec"]
    True
    """
    forms: defaultdict[str, list[str]] = defaultdict(list)
    for code, simple in simplified_map().items():
        # Japanese forms in the mapping (shinjitai) are left out: Big5 writes every
        # traditional character of Chinese text
        if chr(code) != simple and "big5" in _charsets_writing(chr(code)):
            forms[simple].append(chr(code))
    return {k: tuple(v) for k, v in forms.items()}


@functools.cache
def _variety_marks() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only traditional text writes (a traditional form Big5 writes, some of
    which GB2312 writes too) and only simplified text writes (a simplified form GB2312
    writes and Big5 does not)."""
    traditional: set[str] = set()
    simplified: set[str] = set()
    for simple, forms in traditional_forms().items():
        for form in forms:
            if "big5" in _charsets_writing(form):
                traditional.add(form)
        if "gb2312" in _charsets_writing(simple) and "big5" not in _charsets_writing(simple):
            simplified.add(simple)
    return frozenset(traditional), frozenset(simplified)


def chinese_variety(text: str) -> str:
    """``"hant"`` when ``text`` writes more traditional-only than simplified-only
    characters, ``"hans"`` when fewer, ``""`` when neither shows.

    >>> chinese_variety("\u6211\u5011"), chinese_variety("\u6211\u4eec"), chinese_variety("ab")
    ('hant', 'hans', '')
    """
    traditional, simplified = _variety_marks()
    trad = sum(1 for c in text if c in traditional)
    simple = sum(1 for c in text if c in simplified)
    if trad > simple:
        return "hant"
    if simple > trad:
        return "hans"
    return ""


# ---------------------------------------------------------------------------------------
# Character models


@dataclass(frozen=True)
class CharModel:
    """Frequency-weighted character n-grams of a language's words (see :func:`char_model`).

    ``table`` maps a key (a character, two or three characters, with ``START``/``END``
    marks) to its weight: the summed frequency of the words holding it, as a share of all
    words' frequency. ``vocabulary`` holds the most frequent characters, best first.
    """

    lang: str
    table: WordTable[float]
    vocabulary: tuple[str, ...]

    def get(self, key: str) -> float:
        """The weight of ``key`` (0 when the lexicon never shows it)."""
        return self.table.get(key, 0.0)


def _ngrams(word: str) -> Iterator[str]:
    """The keys a word adds to a model: its characters, and its pairs and triples with
    the word's start and end marks.

    >>> sorted(_ngrams("ab"))
    ['\\x02a', '\\x02ab', 'a', 'ab', 'ab\\x03', 'b', 'b\\x03']
    """
    marked = START + word + END
    last = len(marked) - 1
    for i in range(len(marked)):
        if 0 < i < last:
            yield marked[i]
        if i + 2 <= len(marked):
            yield marked[i : i + 2]
        if i + 3 <= len(marked):
            yield marked[i : i + 3]


def _pairs(marked: str) -> Iterator[str]:
    return map(str.__add__, marked, marked[1:])


def _triples(marked: str) -> Iterator[str]:
    return map("".join, zip(marked, marked[1:], marked[2:], strict=False))


def _tiers(lang: str, bands: list[tuple[int, list[str]]]) -> Iterator[tuple[float, list[str]]]:
    """``bands`` of ``lang``'s list in tiers of ``_TIER_BANDS`` frequency bands, each with
    its words' mean frequency."""
    frequencies = band_frequencies()
    tier: list[str] = []
    mass = 0.0
    first = -1
    for band, words in bands:
        if first >= 0 and band - first >= _TIER_BANDS:
            yield mass / len(tier), tier
            tier, mass = [], 0.0
        if not tier:
            first = band
        tier.extend(words)
        mass += frequencies[band] * len(words)
    if tier:
        yield mass / len(tier), tier


@functools.lru_cache(maxsize=_CACHED_MODELS)
def char_model(lang: str) -> CharModel | None:
    """The character model of ``lang`` (``None`` without a wordfreq list).

    Words come in tiers of a few frequency bands; each tier's n-grams are counted at C
    speed (``Counter`` over ``map``), then weighed by the tier's mean frequency.

    >>> model = char_model("ja")
    >>> model.get("\\u306e") > model.get("\\u3092") > 0  # no is commoner than wo
    True
    >>> char_model("xx") is None
    True
    """
    if lang not in data.MODEL_VOCABULARY or not lexicon.has_list(lang):
        return None
    parts = _char_model_parts(lang)
    if parts is None:
        return None
    groups, vocabulary = parts
    return CharModel(lang, WordTable.from_groups(groups, band_frequencies()), vocabulary)


@persistent("cjk-model")
def _char_model_parts(lang: str) -> tuple[list[tuple[int, list[str]]], tuple[str, ...]] | None:
    """:func:`char_model`'s keys grouped by frequency band, and its vocabulary (plain data,
    kept on disk)."""
    bands = list(
        itertools.takewhile(
            lambda bw: 9.0 - bw[0] / 100.0 >= thresholds.MIN_CJK_MODEL_ZIPF,
            lexicon.ranked_bands(lang),
        )
    )
    weights: defaultdict[str, float] = defaultdict(float)
    total = 0.0
    for freq, words in _tiers(lang, bands):
        total += freq * len(words)
        marked = [START + word + END for word in words]
        counts = Counter(itertools.chain.from_iterable(words))
        counts.update(itertools.chain.from_iterable(map(_pairs, marked)))
        counts.update(itertools.chain.from_iterable(map(_triples, marked)))
        for key, count in counts.items():
            weights[key] += count * freq
    if not total:
        return None
    keys = list(weights)
    scale = -100.0 / math.log(10.0)
    codes = [
        min(_BANDS - 1, max(0, round(scale * math.log(weight / total))))
        for weight in weights.values()
    ]
    groups: defaultdict[int, list[str]] = defaultdict(list)
    for key, code in zip(keys, codes, strict=True):
        groups[code].append(key)
    for band, words in bands:  # whole words, with their own frequency
        groups[band].extend([WORD + word for word in words if len(word) <= _MAX_WORD_CHARS])
    singles = sorted((k for k in keys if len(k) == 1), key=weights.__getitem__, reverse=True)
    vocabulary = tuple(singles[: data.MODEL_VOCABULARY[lang]])
    del weights, keys, codes, bands
    return sorted(groups.items()), vocabulary


# ---------------------------------------------------------------------------------------
# The document


@functools.lru_cache(maxsize=_CACHED_CHARACTERS)
def _charsets_writing(char: str) -> frozenset[str]:
    """The legacy charsets that can write ``char``.

    >>> sorted(_charsets_writing("\\u4eec"))  # simplified men: GB2312 only
    ['gb2312']
    """
    found = set()
    for charset in data.LEGACY_CHARSETS:
        try:
            char.encode(charset)
        except UnicodeEncodeError:
            continue
        found.add(charset)
    return frozenset(found)


@dataclass(frozen=True)
class _Hole:
    start: int
    end: int
    kind: str


@dataclass
class _Document:
    """What the text's intact part tells: its language, its n-grams, its charsets."""

    lang: str
    variety: str
    counts: Counter[str]
    size: int
    charsets: frozenset[str]


def _language(text: str) -> str:
    """``ja`` when the text writes kana, ``ko`` when mostly Hangul, else ``zh``.

    >>> _language("\\u6211\\u4eec"), _language("\\u65e5\\u672c\\u306e"), _language("\\ud55c\\uad6d")
    ('zh', 'ja', 'ko')
    """
    letters = len(_LETTER_RE.findall(text))
    hangul = len(_HANGUL_RE.findall(text))
    if letters and hangul * 2 >= letters:
        return "ko"
    if _KANA_RE.search(text):
        return "ja"
    return "zh"


def _document(text: str, lang: str) -> _Document:
    counts: Counter[str] = Counter()
    size = 0
    for run in _RUN_RE.findall(text):
        if lang == "zh":
            run = run.translate(simplified_map())
        size += len(run)
        counts.update(run)
        counts.update(run[i : i + 2] for i in range(len(run) - 1))
        counts.update(run[i : i + 3] for i in range(len(run) - 2))
        # contexts with a character after them in the run (the denominators)
        counts.update(CONTEXT + run[i] for i in range(len(run) - 1))
        counts.update(CONTEXT + run[i : i + 2] for i in range(len(run) - 2))
    charsets = frozenset(data.LEGACY_CHARSETS)
    for char in {c for c in text if ord(c) > 0x7F and c != REPLACEMENT}:
        charsets &= _charsets_writing(char)
        if not charsets:
            break
    variety = chinese_variety(text) if lang == "zh" else ""
    return _Document(lang, variety, counts, size, charsets)


def _holes(text: str) -> list[_Hole]:
    """The holes of ``text``: U+FFFD runs and ``?`` next to a letter of these scripts."""
    found: list[_Hole] = []
    runs = [m for m in _HOLES_RE.finditer(text) if _next_to_letter(text, m.start(), m.end())]
    per_char = any(
        m.group()[0] == REPLACEMENT
        and m.end() - m.start() == 1
        and _is_letter(text, m.start() - 1)
        and _is_letter(text, m.end())
        for m in runs
    )
    for m in runs:
        size = m.end() - m.start()
        if m.group()[0] == QMARK:
            if size == 1 and _qmark_is_hole(text, m.start()):
                found.append(_Hole(m.start(), m.end(), QMARK_HOLE))
        elif per_char:
            found.extend(_Hole(i, i + 1, PER_CHAR) for i in range(m.start(), m.end()))
        elif size in _CUT_RUN:
            found.append(_Hole(m.start(), m.end(), CUT))
    return found[: thresholds.MAX_CJK_HOLES]


def _is_letter(text: str, i: int) -> bool:
    return 0 <= i < len(text) and _LETTER_RE.match(text[i]) is not None


def _next_to_letter(text: str, start: int, end: int) -> bool:
    return _is_letter(text, start - 1) or _is_letter(text, end)


def _qmark_is_hole(text: str, i: int) -> bool:
    """Whether the lone ``?`` at ``i`` stands for a lost character, not a question mark.

    It does between two letters, after a line start or a full-width mark before a letter,
    and after a letter before a full-width mark; after a letter and a space only when a
    letter follows and the letter before does not end questions.

    >>> _qmark_is_hole("\\u4e2d?\\u6587", 1), _qmark_is_hole("\\u5417? \\u597d", 1)
    (True, False)
    >>> _qmark_is_hole("\\u597d?", 1), _qmark_is_hole("\\u4e2d? \\u6587", 1)
    (False, True)
    """
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    letter_before = _is_letter(text, i - 1)
    letter_after = _is_letter(text, i + 1)
    if letter_before and letter_after:
        return True
    if letter_after:
        return before in "\n" or _PUNCT_RE.match(before) is not None
    if not letter_before:
        return False
    if _PUNCT_RE.match(after) is not None and after not in "\uff1f\uff01":
        return True
    return after == " " and before not in data.QUESTION_FINALS and _is_letter(text, i + 2)


# ---------------------------------------------------------------------------------------
# Scoring


class _Scorer:
    """Probabilities of a character given the two before it, from a model and a document."""

    def __init__(self, model: CharModel, doc: _Document) -> None:
        self.model = model
        self.doc = doc
        self.doc_scale = thresholds.CJK_DOCUMENT_WEIGHT / doc.size if doc.size else 0.0
        self.cache: dict[str, float] = {}
        # per text: the readings of hole contexts, the candidates of each kind of hole
        self.readings: dict[tuple[object, ...], _Reading | None] = {}
        self.candidates: dict[tuple[str, str], tuple[dict[str, str], dict[str, float]]] = {}

    def g(self, key: str) -> float:
        value = self.cache.get(key)
        if value is None:
            value = self.model.get(key)
            count = self.doc.counts.get(key) if START not in key and END not in key else None
            if count:
                value += count * self.doc_scale
            self.cache[key] = value
        return value

    def unigram(self, c: str) -> float:
        return self.g(c)

    def context(self, key: str) -> float:
        """Weight of ``key`` as a context: the lexicon's, plus the document's times it is
        followed by a character (a string before a hole is not)."""
        value = self.cache.get(CONTEXT + key)
        if value is None:
            value = self.model.get(key) + self.doc.counts.get(CONTEXT + key, 0) * self.doc_scale
            self.cache[CONTEXT + key] = value
        return value

    def joint2_context(self, a: str, t: str) -> float:
        """:meth:`joint2` as a context."""
        return self.context(a + t) + self.g(a + END) * self.g(START + t)

    def joint2(self, a: str, t: str) -> float:
        """Weight of ``a`` then ``t``: inside one word, or ``a`` ending one and ``t``
        starting the next."""
        return self.g(a + t) + self.g(a + END) * self.g(START + t)

    def doc_pair(self, key: str) -> float:
        """The document's own weight of ``key`` (two or three characters)."""
        return self.doc.counts.get(key, 0) * self.doc_scale

    def end_prob(self, x: str | None, a: str) -> float:
        """P(a word ends after ``a`` | ``x`` before it)."""
        ua = max(self.context(a), _FLOOR)
        p = min(1.0, self.g(a + END) / ua)
        if x and self.unigram(x):
            jxa = self.joint2_context(x, a)
            if jxa > 0:
                j3 = self.g(x + a + END) + self.g(x + END) * self.g(START + a + END)
                w = thresholds.CJK_TRIGRAM_WEIGHT
                p = w * j3 / jxa + (1 - w) * p
        return p

    def prob(self, x: str | None, a: str | None, t: str | None, punct: dict[str, float]) -> float:
        """P(t | x, a); ``t`` may be a punctuation mark of ``punct`` (a word boundary)."""
        if t is UNKNOWN:
            return 1.0
        rate = punct.get(t) if t else None
        if a is UNKNOWN:
            return rate if rate is not None else max(self.unigram(t), _FLOOR) if t else 1.0
        if a in punct:
            a = BOUNDARY
        if x is not None and x in punct:
            x = BOUNDARY
        if t == BOUNDARY or rate is not None:
            end = 1.0 if a == BOUNDARY else self.end_prob(x, a)
            p = max(end, _FLOOR) * (rate if rate is not None else 1.0)
            if rate is not None and a != BOUNDARY:
                p += self.doc_pair(a + t) / max(self.context(a), _FLOOR)
            return p
        if a == BOUNDARY or not self.unigram(a):
            return max(self.g(START + t), _FLOOR)
        ua = max(self.context(a), _FLOOR)
        j2 = self.joint2(a, t)
        p2 = j2 / ua
        if x and self.unigram(x):
            jxa = self.joint2_context(x, a)
            if jxa > 0:
                j3 = (
                    self.g(x + a + t)
                    + self.g(x + a + END) * self.g(START + t)
                    + self.g(x + END) * self.g(START + a + t)
                )
                w = thresholds.CJK_TRIGRAM_WEIGHT
                p2 = w * j3 / jxa + (1 - w) * p2
        return max(p2, _FLOOR)


def _context(text: str, i: int, step: int, holes: set[int], lang: str) -> list[str | None]:
    """Two characters from ``i`` in direction ``step``: a letter (simplified, in Chinese),
    ``BOUNDARY`` for anything else, ``UNKNOWN`` for another hole."""
    out: list[str | None] = []
    for _ in range(2):
        if i < 0 or i >= len(text):
            out.append(BOUNDARY)
            break
        if i in holes:
            out.append(UNKNOWN)
            break
        c = text[i]
        if _LETTER_RE.match(c):
            out.append(c.translate(simplified_map()) if lang == "zh" else c)
        else:
            out.append(c if c in data.PUNCTUATION_RATES.get(lang, {}) else BOUNDARY)
            break
        i += step
    while len(out) < 2:
        out.append(UNKNOWN)
    return out


def _span(text: str, hole: _Hole, holes: set[int], lang: str) -> tuple[str, str]:
    """The letters and punctuation marks around ``hole`` (up to a bound each side, up to
    another hole or anything else), simplified in Chinese."""
    marks = data.PUNCTUATION_RATES.get(lang, {})
    left = ""
    i = hole.start - 1
    while (
        i >= 0
        and len(left) < _SPAN_CHARS
        and i not in holes
        and (_LETTER_RE.match(text[i]) or text[i] in marks)
    ):
        left = text[i] + left
        i -= 1
    right = ""
    i = hole.end
    while (
        i < len(text)
        and len(right) < _SPAN_CHARS
        and i not in holes
        and (_LETTER_RE.match(text[i]) or text[i] in marks)
    ):
        right += text[i]
        i += 1
    if lang == "zh":
        left = left.translate(simplified_map())
        right = right.translate(simplified_map())
    return left, right


def _segmented(span: str, model: CharModel, punct: dict[str, float]) -> float:
    """The probability of ``span`` under a unigram model of words: the sum over its
    segmentations into lexicon words (a punctuation mark is a word of its rate, an
    unknown character one of a floor frequency)."""
    reach = [0.0] * (len(span) + 1)
    reach[0] = 1.0
    for j in range(1, len(span) + 1):
        total = 0.0
        for i in range(max(0, j - _MAX_WORD_CHARS), j):
            if not reach[i]:
                continue
            piece = span[i:j]
            if j - i == 1 and piece in punct:
                weight = punct[piece]
            else:
                weight = model.get(WORD + piece)
                if not weight and j - i == 1:
                    weight = thresholds.CJK_WORD_FLOOR
            total += reach[i] * weight
        reach[j] = total
    return reach[-1]


def _candidates(hole: _Hole, doc: _Document, scorer: _Scorer, charset: str) -> dict[str, str]:
    """Written form -> model form of every character the hole may be (for a ``?``, one
    that ``charset`` lacks)."""
    lang = doc.lang
    if lang == "zh" and hole.kind == QMARK_HOLE:
        return _chinese_qmark_candidates(scorer.model.vocabulary, charset)
    out: dict[str, str] = {}
    forms = traditional_forms() if lang == "zh" else {}
    for c in scorer.model.vocabulary:
        if c.isascii() or unicodedata.category(c)[0] == "M":
            # one byte: never cut, never lost by a lossy repair, never a ``?``; a mark is
            # no character of its own
            continue
        if doc.variety == "hans" or c not in forms:
            out.setdefault(c, c)
        elif doc.variety == "hant":
            for t in (c, *forms[c]):
                if "big5" in _charsets_writing(t):
                    out.setdefault(t, c)
        else:
            out.setdefault(c, c)
            for t in forms[c]:
                out.setdefault(t, c)
    for p in data.PUNCTUATION_RATES.get(lang, {}):
        out[p] = p
    if hole.kind == QMARK_HOLE:
        out = {w: m for w, m in out.items() if charset not in _charsets_writing(w)}
    elif hole.kind == PER_CHAR:
        out = {w: m for w, m in out.items() if may_be_lost(w)}
    return out


@functools.lru_cache(maxsize=len(data.CHINESE_QMARK_CHARSETS))
def _chinese_qmark_candidates(vocabulary: tuple[str, ...], charset: str) -> dict[str, str]:
    """What a ``?`` in Chinese text may be: a traditional form GB2312 lacks, or a
    simplified form Big5 lacks (written form -> model form)."""
    out: dict[str, str] = {}
    forms = traditional_forms()
    for simple in vocabulary:
        if charset == "gb2312":
            for form in forms.get(simple, ()):
                if charset not in _charsets_writing(form):
                    out.setdefault(form, simple)
        elif charset == "big5" and charset not in _charsets_writing(simple):
            out.setdefault(simple, simple)
    return out


@dataclass(frozen=True)
class _Reading:
    char: str
    confidence: float
    weight: float


def _read_hole(
    text: str, hole: _Hole, holes: set[int], doc: _Document, scorer: _Scorer, charset: str = ""
) -> _Reading | None:
    """The best character for ``hole``, its share of the candidates' weight and that
    weight."""
    lang = doc.lang
    x, a = reversed(_context(text, hole.start - 1, -1, holes, lang))
    b, y = _context(text, hole.end, 1, holes, lang)
    if a is UNKNOWN and b is UNKNOWN:
        return None
    span = _span(text, hole, holes, lang)
    # holes in the same surroundings read the same (a repeated line, a damaged table)
    key = (hole.kind, charset, x, a, b, y, span)
    if key in scorer.readings:
        return scorer.readings[key]
    reading = _read_context(hole, doc, scorer, charset, (x, a, b, y), span)
    scorer.readings[key] = reading
    return reading


def _read_context(
    hole: _Hole,
    doc: _Document,
    scorer: _Scorer,
    charset: str,
    context: tuple[str | None, str | None, str | None, str | None],
    span: tuple[str, str],
) -> _Reading | None:
    """:func:`_read_hole` for one context: two characters each side, and the span."""
    x, a, b, y = context
    lang = doc.lang
    punct = data.PUNCTUATION_RATES.get(lang, {})
    kind_key = (hole.kind, charset)
    if kind_key not in scorer.candidates:
        candidates = _candidates(hole, doc, scorer, charset)
        shares = (
            _form_shares(candidates, doc.variety) if lang == "zh" and doc.variety != "hans" else {}
        )
        scorer.candidates[kind_key] = (candidates, shares)
    candidates, shares = scorer.candidates[kind_key]
    if not candidates:
        return None

    def score(model_form: str, written: str) -> float:
        p = _segmented(span[0] + model_form + span[1], scorer.model, punct)
        p *= scorer.prob(x, a, model_form, punct)
        p *= scorer.prob(a, model_form, b, punct)
        if b is not UNKNOWN and b != BOUNDARY:
            p *= scorer.prob(model_form, b, y, punct)
        return p * shares.get(written, 1.0)

    def cheap(model_form: str, written: str) -> float:
        p = scorer.prob(None, a, model_form, punct) * scorer.prob(None, model_form, b, punct)
        return p * shares.get(written, 1.0)

    ranked = sorted(candidates.items(), key=lambda wm: cheap(wm[1], wm[0]), reverse=True)
    top = ranked[: thresholds.MAX_CJK_FULL_CANDIDATES]
    scores = [(score(m, w) ** thresholds.CJK_SCORE_EXPONENT, w) for w, m in top]
    total = sum(s for s, _ in scores)
    if total <= 0:
        return None
    best, written = max(scores)
    return _Reading(written, best / total, total)


def _form_shares(candidates: dict[str, str], variety: str) -> dict[str, float]:
    """Share of each written form among the forms of one simplified character: a
    traditional form weighs by its frequency in Japanese (which keeps many of them),
    the simplified one by the doubt over the text's variety."""
    ja = char_model("ja")
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for written, model_form in candidates.items():
        groups[model_form].append(written)
    shares: dict[str, float] = {}
    for model_form, forms in groups.items():
        if len(forms) == 1:
            continue
        traditional = [f for f in forms if f != model_form or variety == "hant"]
        weights = {f: (ja.get(f) if ja is not None else 0.0) + _FLOOR for f in traditional}
        total = sum(weights.values())
        rest = 1.0 - thresholds.CJK_SIMPLIFIED_SHARE if len(traditional) < len(forms) else 1.0
        for f, w in weights.items():
            shares[f] = rest * w / total
        if len(traditional) < len(forms):
            shares[model_form] = thresholds.CJK_SIMPLIFIED_SHARE
    return shares


# ---------------------------------------------------------------------------------------
# The stage


def has_cjk_damage(text: str) -> bool:
    """Whether ``text`` shows a U+FFFD or ``?`` next to a CJK, kana or Hangul letter.

    >>> has_cjk_damage("\\u4e2d\\ufffd\\ufffd"), has_cjk_damage("Why? \\ufffd")
    (True, False)
    """
    if REPLACEMENT not in text and QMARK not in text:
        return False
    # only a run's edges can touch a letter
    letter = _LETTER_RE.match
    return any(
        (start and letter(text, start - 1)) or letter(text, end)
        for mark in (QMARK, REPLACEMENT)
        for start, end in mark_runs(text, mark)
    )


def recover_cjk(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Restore CJK, kana and Hangul characters lost to U+FFFD or ``?``; one step a hole.

    Step positions: ``line`` is 1-based, ``start``/``end`` are code-point offsets of the
    hole in ``text``.

    >>> recover_cjk("\\u4ec0\\u4e48\\uff1f", CleanOptions())  # a real question mark
    ('\\u4ec0\\u4e48\\uff1f', [])
    """
    if not has_cjk_damage(text):
        return text, []
    holes = _holes(text)
    if not holes:
        return text, []
    lang = _language(text)
    model = char_model(lang)
    if model is None:
        return text, []
    doc = _document(text, lang)
    scorer = _Scorer(model, doc)
    positions = {i for h in holes for i in range(h.start, h.end)}
    floor = max(options.min_recovery_confidence, thresholds.MIN_CJK_CONFIDENCE)
    # a charset's lost characters in Japanese or Korean text are few (kanji it lacks)
    qmark_floor = (
        max(options.min_recovery_confidence, thresholds.MIN_CJK_CHARSET_CONFIDENCE)
        if lang != "zh"
        else floor
    )
    charset = _likeliest_charset(text, holes, positions, doc, scorer)
    found: list[tuple[_Hole, str, float]] = []
    for hole in holes:
        if hole.kind == QMARK_HOLE and not charset:
            continue
        read = _read_hole(text, hole, positions, doc, scorer, charset)
        if read is not None and read.confidence >= (
            qmark_floor if hole.kind == QMARK_HOLE else floor
        ):
            found.append((hole, read.char, read.confidence))
    return _apply(text, found, lang)


def _likeliest_charset(
    text: str, holes: list[_Hole], positions: set[int], doc: _Document, scorer: _Scorer
) -> str:
    """The legacy charset whose lost characters best explain the ``?`` holes: among those
    that write every intact character, the one under which the holes' candidates weigh
    most (``""`` when there are no ``?`` holes or no such charset)."""
    qmarks = [h for h in holes if h.kind == QMARK_HOLE][: thresholds.MAX_CJK_CHARSET_HOLES]
    if not qmarks or not doc.charsets:
        return ""
    best = ""
    best_weight = -math.inf
    hypotheses = data.LEGACY_CHARSETS
    if doc.lang == "zh":
        # the holes cannot tell a traditional text that lost its traditional forms from a
        # simplified one that lost its simplified forms: only the intact text can
        charset = {"hant": "gb2312", "hans": "big5"}.get(doc.variety, "")
        return charset if charset in doc.charsets else ""
    for charset in hypotheses:
        if charset not in doc.charsets:
            continue
        weight = 0.0
        for hole in qmarks:
            read = _read_hole(text, hole, positions, doc, scorer, charset)
            weight += math.log(read.weight if read is not None else _FLOOR)
        if weight > best_weight:
            best, best_weight = charset, weight
    return best


def _apply(text: str, found: list[tuple[_Hole, str, float]], lang: str) -> tuple[str, list[Step]]:
    """Write the recovered characters into ``text``, with one step each."""
    if not found:
        return text, []
    out: list[str] = []
    steps: list[Step] = []
    prev = 0
    line = 1
    for hole, char, confidence in found:
        line += text.count("\n", prev, hole.start)
        out.append(text[prev : hole.start])
        out.append(char)
        prev = hole.end
        reason = Reason.LOSSY_QMARK if hole.kind == QMARK_HOLE else Reason.LOSSY_REPLACEMENT
        steps.append(
            Step(
                Stage.RECOVER,
                "recover",
                reason,
                detail=lang,
                line=line,
                start=hole.start,
                end=hole.end,
                before=text[hole.start : hole.end],
                after=char,
                confidence=round(confidence, 4),
            )
        )
    out.append(text[prev:])
    return "".join(out), steps
