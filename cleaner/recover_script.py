"""Recovery of letters of non-Latin alphabets lost to U+FFFD or ``?``.

A Cyrillic, Greek, Arabic, Hebrew or Armenian letter takes two bytes in UTF-8, a Hangul or
Devanagari one three; a damaged UTF-8 stream loses them as a run of U+FFFD
(``ко\\ufffd\\ufffdференция``), a mojibake repair that lost bytes leaves one U+FFFD per lost
letter, and a charset without the letter leaves ``?`` (``Вен?ямин``). :mod:`cleaner.recover`
reads words of Latin alphabets against the lossy charsets; this stage reads what it leaves
in other alphabets:

1. A damaged word is a run of letters of ONE non-Latin script with U+FFFD runs in it or at
   its edges, or ``?`` between two of its letters. A ``?`` at a word's end is punctuation
   unless the text lost letters to ``?`` (words with a ``?`` inside, or a language whose
   common letters its charset lacks and its intact words never show); a ``?`` alone
   between two words, the next in lower case, is a word of one letter. A ``?`` stands only
   for a letter that a legacy charset able to write every intact letter lacks (Ukrainian
   ``і`` in KOI8-R), never for one of Russian, which every Cyrillic charset writes.
2. The language is the one of that script whose lexicon knows most of the document's intact
   words of the script (letters it never writes count against it). When no lexicon knows
   enough of them (Kazakh, Armenian), only words intact elsewhere in the document fill holes.
3. Each hole is one letter of the language's alphabet (read off its most frequent words);
   a run of U+FFFD is one letter per U+FFFD when the text shows a single U+FFFD anywhere
   (a lossy mojibake repair), one letter per run when it shows several runs and none single
   (UTF-8 cut in chunks), else either; a run at the word's edge may also be no letter at
   all (a lost punctuation mark), and in Arabic and Hebrew a hole may be a lost vowel
   point (which one is not known: it stays a U+FFFD). A lossy mojibake repair loses only
   letters with a byte in 80-9F after their first (``\u0441`` D1 81, not ``\u0430`` D0 B0),
   in the case the context asks for: their holes are read as such letters first (so even a
   word with one intact letter), as any letter when none fits (legacy bytes in UTF-8).
   Few fillings are all looked up in the lexicon; more are matched at once against an
   index of the language's frequent words of that length; both against the document's
   intact words too. A long word no lexicon reading fits (small lists lack inflections)
   may take the letter its spelling (letter trigrams) makes clearly likeliest.
4. Readings are weighed by frequency (a word intact in the document counts extra); the best
   one is written, with the case of its context, only when its share of the weight reaches
   ``options.min_recovery_confidence`` (more for words of three letters, for words that
   lost as many letters as they kept, and for a ``?`` that may be a question mark) and it
   is common enough.

Words of scripts written without spaces (CJK, Thai) are not read. Every number lives in
:mod:`cleaner.thresholds` (the ``# ---- script recovery`` section); the tables in
:mod:`cleaner.recover_script_data`.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cleaner import lexicon, recover_data, thresholds
from cleaner import recover_script_data as data
from cleaner.cache import persistent
from cleaner.lexicon import LANGUAGES, frequency_table
from cleaner.options import CleanOptions
from cleaner.recover import charset_repertoire, serbian_cyrillic
from cleaner.trace import Reason, Stage, Step

QMARK = "?"
REPLACEMENT = "\ufffd"

# The gate for ``?``: one between two non-ASCII letters (``Вен?ямин``, ``а??н``), or one
# ending a word or standing alone when a word follows it in lower case (``нов? книжки``,
# ``книжки, ? читачі``: a question would go on with a capital). A single quantifier over one
# character, so the scans are linear.
# Each pattern starts with the literal ``?`` (found by a fast scan) and only then looks
# back, so text without ``?`` costs one pass at C speed.
_QMARK_INSIDE_RE = re.compile(r"\?(?<=[^\W\d_\x00-\x7f]\?)\?*[^\W\d_\x00-\x7f]")
_QMARK_THEN_WORD_RE = re.compile(r"\?(?:(?<=[^\W\d_\x00-\x7f]\?)|(?<= \?))[ \t]([^\W\d_\x00-\x7f])")
# A ``?`` glued before a non-ASCII letter, with no word character or ``?`` before it
# (``?ерета``): no question mark stands there.
_QMARK_BEFORE_WORD_RE = re.compile(r"\?(?<![\w?]\?)([^\W\d_\x00-\x7f])")
# A ``?`` ending a word of a script with its own question mark (Arabic ``\u061f``).
_QMARK_AFTER_OWN_RE = re.compile(rf"\?(?<=[{data.OWN_QUESTION_MARK_LETTERS}]\?)")

# A token: word characters, the marks of the scripts read here, ``?`` and U+FFFD. One
# character class, so the scan is linear.
_TOKEN_RE = re.compile(rf"[\w{data.WORD_MARKS}?\ufffd]+")
# One hole character, and one token character (to look back from a hole).
_HOLE_CHAR_RE = re.compile(r"[?\ufffd]")
_TOKEN_CHAR_RE = re.compile(rf"[\w{data.WORD_MARKS}?\ufffd]")
# The holes of a token: a run of U+FFFD, or one ``?``.
_HOLE_RE = re.compile(r"\ufffd+|\?")

# Index keys to the lexicons' spelling and back (the apostrophe, see the data module).
_TO_LEXICON = str.maketrans({v: k for k, v in data.LEXICON_APOSTROPHES.items()})
_FROM_LEXICON = str.maketrans(data.LEXICON_APOSTROPHES)

# The longest token read as a word (code points); longer runs are not words.
_MAX_TOKEN_CHARS = 64
# How far back (code points) the end of the previous sentence is looked for, and how wide
# (each side) the line around a word is read to tell a line of names. Fixed bounds keep every
# look linear in the text.
_SENTENCE_LOOKBACK_CHARS = 8
_LINE_WINDOW_CHARS = 200
# Per-process caches of read-only tables (word indexes and letter models, characters'
# scripts) and of pure functions of a token (how a damaged token splits). Bounded so a
# long-running worker that meets many languages and words keeps a steady size.
_CACHED_INDEXES = 6
_CACHED_CHARACTERS = 1 << 16
_CACHED_WORDS = 1 << 12
# UTF-8 bytes of a letter when a script's text shows none intact (most alphabets read here
# take two).
_DEFAULT_UTF8_WIDTH = 2
# The intact words of a script sampled to tell the document's language.
_LANGUAGE_SAMPLE_WORDS = 500


@functools.lru_cache(maxsize=_CACHED_CHARACTERS)
def script_of(char: str) -> str:
    """The script of a character, from its Unicode name (``CYRILLIC``, ``GREEK`` ...).

    >>> script_of("\\u0436"), script_of("\\u05d0"), script_of("a"), script_of("1")
    ('CYRILLIC', 'HEBREW', 'LATIN', 'DIGIT')
    """
    if char == "\u02bc":
        return "CYRILLIC"  # the Ukrainian apostrophe lives between Cyrillic letters
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


# ---------------------------------------------------------------------------------------
# Lexicons: keys, alphabets and the pattern index (read-only, built once per language)


def lexicon_of(lang: str) -> str:
    """The wordfreq list a language is looked up in.

    >>> lexicon_of("sr"), lexicon_of("ru")
    ('sh', 'ru')
    """
    return data.TRANSLITERATED_LEXICONS.get(lang, lang)


def lexicon_key(word: str, lang: str) -> str:
    """``word`` as the index of ``lang`` spells it: case-folded (a final sigma becomes a
    medial one), without the points and harakat the Arabic and Hebrew lists drop.

    >>> lexicon_key("Κόσμος", "el")
    'κόσμοσ'
    >>> lexicon_key("\\u05e2\\u05b5\\u05d3", "he") == "\\u05e2\\u05d3"
    True
    """
    key = word.casefold()
    if lang in data.MARKLESS_LEXICONS:
        key = "".join(c for c in key if unicodedata.category(c) != "Mn")
    return key


def key_zipf(key: str, lang: str) -> float:
    """Zipf frequency of an index key in ``lang`` (0 when unknown).

    >>> key_zipf("люди", "ru") > 5, key_zipf("људи", "sr") > 4, key_zipf("ъъъ", "ru")
    (True, True, 0.0)
    >>> key_zipf("пам\u02bcять", "uk") > 4  # the lexicon writes ``пам'ять``
    True
    """
    lex = lexicon_of(lang)
    if lex not in LANGUAGES:
        return 0.0
    if lang in data.TRANSLITERATED_LEXICONS:
        back = recover_data.SERBIAN_CYRILLIC_TO_LATIN
        key = "".join(back.get(c, c) for c in key)
    freq = frequency_table(lex).get(key.translate(_TO_LEXICON), 0.0)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def _top_words(lang: str, count: int) -> Iterator[str]:
    """The ``count`` most frequent words of ``lang``, in its own script, best first."""
    # read through the lexicon module, which streams wordfreq's file without filling
    # wordfreq's own (unbounded) caches
    ranked = itertools.islice(lexicon.ranked_words(lexicon_of(lang)), count)
    # the lexicons spell the Ukrainian apostrophe as ASCII; the text's is a letter
    words = (word.translate(_FROM_LEXICON) for word, _band in ranked)
    if lang in data.TRANSLITERATED_LEXICONS:
        return (serbian_cyrillic(w) for w in words)
    return words


@functools.cache
def language_script(lang: str) -> str:
    """The non-Latin script ``lang`` is read in here (``""`` for others).

    >>> language_script("uk"), language_script("ko"), language_script("de")
    ('CYRILLIC', 'HANGUL', '')
    """
    for script, langs in data.SCRIPT_LANGUAGES.items():
        if lang in langs:
            return script
    return ""


@functools.cache
def letter_shares(lang: str) -> dict[str, float]:
    """For each letter of ``lang``'s script, the share of its frequent words that use it.

    >>> shares = letter_shares("uk")
    >>> shares["\\u0456"] > 0.2, shares.get("\\u0491", 0.0) < 0.01
    (True, True)
    """
    script = language_script(lang)
    counts: Counter[str] = Counter()
    total = 0
    for word in _top_words(lang, thresholds.ALPHABET_SAMPLE_WORDS):
        total += 1
        counts.update(c for c in set(word) if script_of(c) == script)
    return {c: n / total for c, n in counts.items()} if total else {}


@functools.cache
def alphabet(lang: str) -> frozenset[str]:
    """The letters (and vowel signs) of ``lang``'s script its frequent words use, lower case.

    >>> a = alphabet("uk")
    >>> "\\u0456" in a, "\\u044b" in a, "a" in a
    (True, False, False)
    """
    floor = thresholds.MIN_ALPHABET_LETTER_WORDS / thresholds.ALPHABET_SAMPLE_WORDS
    common = (c for c, share in letter_shares(lang).items() if share >= floor)
    return frozenset(common).union(data.RARE_LETTERS.get(lang, ""))


@functools.lru_cache(maxsize=_CACHED_INDEXES)
@persistent("script-words")
def word_index(lang: str) -> dict[int, str]:
    """The frequent words of ``lang`` by length: each a newline-joined string, best first.

    One regular expression with ``^...$`` lines then finds every word that fits a pattern of
    holes in one pass over the words of its length, at C speed.

    >>> "\\nкак\\n" in word_index("ru")[3]
    True
    """
    letters = alphabet(lang)
    buckets: dict[int, list[str]] = {}
    for word in _top_words(lang, thresholds.MAX_SCRIPT_INDEX_WORDS):
        key = lexicon_key(word, lang)
        if key and letters.issuperset(key):
            buckets.setdefault(len(key), []).append(key)
    return {n: "\n" + "\n".join(words) + "\n" for n, words in buckets.items()}


# ---------------------------------------------------------------------------------------
# The damaged words


@dataclass(frozen=True, slots=True)
class _Damaged:
    """A damaged word: its span in the text, its parts (text between holes, and holes) and
    the script of its intact letters."""

    start: int
    end: int
    word: str
    parts: tuple[str, ...]
    script: str
    joined: bool = False  # a zero-width non-joiner follows: the first part of a Persian word


def _is_hole(part: str) -> bool:
    return part[:1] in (QMARK, REPLACEMENT)


def _too_short(word: _Damaged, case: str) -> bool:
    """True for a word of U+FFFD holes with too few intact letters to read (one fits too
    many words), unless the bytes a lossy mojibake repair lost narrow its holes (``case``).
    The first part of a Persian word and a ``?`` alone between words are read apart."""
    return (
        not case
        and not word.joined
        and QMARK not in word.word
        and _intact_letters(word) < thresholds.MIN_SCRIPT_INTACT_LETTERS
    )


def _intact_letters(word: _Damaged) -> int:
    """The intact letters of a damaged word (vowel signs count: an Indic syllable is a letter
    and its signs).

    >>> parts = ("\u0430", "\ufffd", "\u0431")
    >>> _intact_letters(_Damaged(0, 3, "".join(parts), parts, "CYRILLIC"))
    2
    """
    return sum(len(p) for p in word.parts if not _is_hole(p))


def _split(word: str) -> tuple[str, ...]:
    """A word cut into intact parts and holes.

    >>> _split("ко\\ufffd\\ufffdференци\\ufffd")
    ('ко', '\\ufffd\\ufffd', 'ференци', '\\ufffd')
    """
    parts: list[str] = []
    prev = 0
    for m in _HOLE_RE.finditer(word):
        if m.start() > prev:
            parts.append(word[prev : m.start()])
        parts.append(m.group())
        prev = m.end()
    if prev < len(word):
        parts.append(word[prev:])
    return tuple(parts)


def _damaged_tokens(text: str) -> Iterator[re.Match[str]]:
    """The tokens of ``text`` that hold a ``?`` or U+FFFD, found from their holes (so a long
    text with few holes is not read token by token). Each look back from a hole is bounded
    (a longer token is not a word anyway), and the text after a token is not read again.

    >>> [m.group() for m in _damaged_tokens("Что? Где сло\\ufffdво, а б")]
    ['Что?', 'сло\\ufffdво']
    """
    pos = 0
    while (hole := _HOLE_CHAR_RE.search(text, pos)) is not None:
        start = hole.start()
        floor = max(pos, start - _MAX_TOKEN_CHARS - 1)
        while start > floor and _TOKEN_CHAR_RE.match(text, start - 1):
            start -= 1
        m = _TOKEN_RE.match(text, start)
        if m is None:  # pragma: no cover - a hole is a token character
            return
        yield m
        pos = m.end()


def _damaged_word(m: re.Match[str], edge_qmarks: bool = False) -> _Damaged | None:
    """The damaged word in a token, or None when it is intact, not one script, or not a
    word (digits, code, too long, too few intact letters). A ``?`` at a word's edge is
    punctuation, unless ``edge_qmarks`` asks to read one at its edges as a hole too."""
    token = m.group()
    if len(token) > _MAX_TOKEN_CHARS or (REPLACEMENT not in token and QMARK not in token):
        return None
    joined = m.string[m.end() : m.end() + 1] == data.ZERO_WIDTH_NON_JOINER
    parsed = _parse(token, edge_qmarks, joined)
    if parsed is None:
        return None
    offset, parts, script = parsed
    word = "".join(parts)
    if QMARK in word and _in_code(m):
        return None
    start = m.start() + offset
    prefix = _joined_prefix(m.string, start, script)
    if prefix:
        # the second part of a Persian word: read with its first (``می‌��ود``)
        first = prefix + data.ZERO_WIDTH_NON_JOINER
        parts = (first + parts[0], *parts[1:]) if not _is_hole(parts[0]) else (first, *parts)
        start -= len(first)
        word = first + word
    return _Damaged(start, start + len(word), word, parts, script, joined)


def _joined_prefix(text: str, start: int, script: str) -> str:
    """The intact first part of a word written with a zero-width non-joiner, when one stands
    right before ``start`` (Persian ``می`` of ``می‌شود``), else ``""``.

    >>> _joined_prefix("می‌��ود", 3, "ARABIC") == "می"
    True
    >>> _joined_prefix("می ��ود", 3, "ARABIC")
    ''
    """
    if start < 2 or text[start - 1] != data.ZERO_WIDTH_NON_JOINER:
        return ""
    i = start - 1
    floor = max(0, start - 1 - _MAX_TOKEN_CHARS)
    while i > floor and _TOKEN_CHAR_RE.match(text, i - 1):
        i -= 1
    prefix = text[i : start - 1]
    if not prefix or any(not c.isalpha() and script_of(c) != script for c in prefix):
        return ""
    letters = [c for c in prefix if c.isalpha()]
    if not letters or any(script_of(c) != script for c in letters):
        return ""
    return prefix


@functools.lru_cache(maxsize=_CACHED_WORDS)
def _parse(
    token: str, edge_qmarks: bool, joined: bool = False
) -> tuple[int, tuple[str, ...], str] | None:
    """The damaged word of a token: its offset in the token, its parts and its script. The
    first part of a Persian word (``joined``) may have one intact letter (``می``). With
    ``edge_qmarks``, a ``?`` ending the word is a hole, and so is one glued before a small
    letter (or one of a script without case): no question mark stands there.

    >>> _parse("Что?", False), _parse("Вен?ямин", False)[1:]
    (None, (('Вен', '?', 'ямин'), 'CYRILLIC'))
    >>> _parse("?ерета", True)[1], _parse("?Ерета", True)
    (('?', 'ерета'), None)
    """
    word = token.strip(QMARK)
    if edge_qmarks and word and token.endswith(QMARK) and not token.endswith(QMARK * 2):
        word += QMARK
    if (
        edge_qmarks
        and word[:1].isalpha()
        and not word[0].isupper()
        and token.startswith(QMARK)
        and not token.startswith(QMARK * 2)
    ):
        word = QMARK + word
    if REPLACEMENT not in word and QMARK not in word:
        return None
    intact = [c for c in word if c not in (QMARK, REPLACEMENT)]
    if any(c.isdigit() or c == "_" for c in intact):
        return None
    scripts = {script_of(c) for c in intact if c.isalpha()}
    if not scripts:
        # Only vowel signs left (Devanagari ``\ufffd\u0947\u0902``): their script.
        scripts = {script_of(c) for c in intact} & data.SCRIPT_LANGUAGES.keys()
    if len(scripts) != 1:
        return None
    script = scripts.pop()
    if script in data.SKIPPED_SCRIPTS or script in data.NO_SPACE_SCRIPTS:
        return None
    # Vowel signs count as letters (an Indic syllable is a letter and its signs). A word
    # with one intact letter and U+FFFD holes is read only where a lossy mojibake repair
    # left them (the bytes it lost narrow each hole), see :func:`recover_scripts`.
    floor = 1 if joined or QMARK not in word else thresholds.MIN_SCRIPT_INTACT_LETTERS
    if sum(1 for c in intact if script_of(c) == script) < floor:
        return None
    parts = _split(word)
    for before, hole, after in zip(parts, parts[1:], parts[2:], strict=False):
        if hole == QMARK and before[-1].islower() and after[0].isupper():
            return None  # ``Что?Где?``: questions run together
    return token.index(word[0]), parts, script


# How a document lost its letters to U+FFFD: one U+FFFD per letter (a mojibake repair that
# lost whole letters), one run per cut character (UTF-8 decoded in chunks), or not known.
PER_LETTER = "letter"
PER_CUT = "cut"
UNKNOWN = ""


def _in_code(m: re.Match[str]) -> bool:
    """True when the token is part of a URL, a path or markup, where ``?`` is syntax.

    >>> url = re.search(r"\\w+\\?\\w+", "/поиск?запрос=книги")
    >>> _in_code(url), _in_code(re.search("б", "а б в"))
    (True, False)
    """
    text, start, end = m.string, m.start(), m.end()
    return text[start - 1 : start] in data.CODE_NEIGHBOURS or (
        text[end : end + 1] in data.CODE_NEIGHBOURS
    )


def _letter_counts(run: str, width: int, damage: str, maybe_none: bool) -> tuple[int, ...]:
    """How many letters a hole may stand for: one ``?`` is one letter; a run of k U+FFFD is
    one letter per U+FFFD when the document's ``damage`` is PER_LETTER, one letter per UTF-8
    ``width`` when it is PER_CUT (a cut character leaves two or three), else either;
    ``maybe_none`` (at a word's edge: lost punctuation, unless the document loses whole
    letters; in a script with vowel points: a lost point) adds none.

    >>> two, one, six = "\\ufffd" * 2, "\\ufffd", "\\ufffd" * 6
    >>> _letter_counts(two, 2, UNKNOWN, False), _letter_counts(one, 2, PER_LETTER, True)
    ((1, 2), (0, 1))
    >>> _letter_counts(six, 3, PER_CUT, False), _letter_counts("?", 2, UNKNOWN, True)
    ((2,), (0, 1))
    """
    k = 1 if run == QMARK else len(run)
    if run == QMARK or damage == PER_LETTER:
        counts = {k}
    elif damage == PER_CUT:
        counts = {-(-k // width)}
    else:
        counts = {-(-k // width), k}
    if maybe_none:
        counts.add(0)
    return tuple(sorted(n for n in counts if n <= thresholds.MAX_SCRIPT_LOST_LETTERS))


def may_be_lost(letter: str) -> bool:
    """True when a lossy mojibake repair could have lost ``letter``: a byte after its first
    UTF-8 byte is one of ``LOSSY_MOJIBAKE_BYTES`` (the bytes of letters it brought back are
    no evidence: an earlier stage may have brought them back from a lexicon).

    >>> may_be_lost("\u0441"), may_be_lost("\u0430"), may_be_lost("a")
    (True, False, False)
    """
    return any(b in data.LOSSY_MOJIBAKE_BYTES for b in letter.encode("utf-8", "replace")[1:])


@functools.cache
def _points_lost(script: str) -> bool:
    """True when a lossy mojibake repair loses most vowel points of ``script``.

    >>> _points_lost("ARABIC"), _points_lost("HEBREW"), _points_lost("CYRILLIC")
    (True, False, False)
    """
    points = data.VOWEL_POINTS.get(script, "")
    return sum(1 for p in points if may_be_lost(p)) * 2 > len(points)


@functools.cache
def _points_lost_to_qmarks(script: str) -> bool:
    """True when a legacy charset of ``script`` lacks most of its vowel points (they become
    ``?`` in text forced through it).

    >>> _points_lost_to_qmarks("HEBREW"), _points_lost_to_qmarks("ARABIC")
    (True, False)
    """
    points = data.VOWEL_POINTS.get(script, "")
    return any(
        sum(1 for p in points if p not in charset_repertoire(cs)) * 2 > len(points)
        for cs in data.QMARK_CHARSETS.get(script, ())
    )


# The case a lost letter is written in, which decides the bytes it had.
LOWER = "lower"
UPPER = "upper"


def _fits_lost_bytes(letter: str, case: str, final: bool) -> bool:
    """Whether a lost ``letter`` (index-key form, lower case) in ``case`` could be one of a
    lossy mojibake repair: its written form holds a lost byte. At a word's end a Greek sigma
    is written final.

    >>> [_fits_lost_bytes("\u0438", case, False) for case in (UPPER, LOWER)]
    [True, False]
    """
    forms = [letter.upper()] if case == UPPER else [letter]
    if final and letter == "\u03c3":
        forms.append("\u03c2")
    return any(may_be_lost(f) for f in forms)


# ---------------------------------------------------------------------------------------
# The document: its language per script and its intact words


@dataclass(frozen=True, slots=True)
class _Reader:
    """How the damaged words of one script are read in one document."""

    script: str
    lang: str  # "" when no lexicon is trusted: only the document's own words fill holes
    letters: frozenset[str]
    width: int
    doc_words: Counter[str]  # intact words of the script, as index keys
    doc_capitals: Counter[str]  # ... how many times each was written with a capital
    doc_index: dict[int, str]
    damage: str  # PER_LETTER, PER_CUT or UNKNOWN
    pointed: bool  # the intact words carry vowel points or harakat
    qmark_letters: frozenset[str]  # the letters a ``?`` may stand for
    lost_anywhere: frozenset[str]  # the letters some legacy charset of the script lacks
    mojibake: bool = False  # PER_LETTER: holes are letters a lossy mojibake repair loses


def _intact_words(text: str, script: str) -> Iterator[str]:
    """The intact words of ``script`` in ``text`` (the first MAX_SCRIPT_SAMPLE_TOKENS
    tokens are read: enough to tell a language and to know a document's vocabulary)."""
    for m in itertools.islice(_TOKEN_RE.finditer(text), thresholds.MAX_SCRIPT_SAMPLE_TOKENS):
        token = m.group()
        if len(token) > _MAX_TOKEN_CHARS or script_of(token[0]) != script:
            continue
        if token.isalpha():
            if script_of(token[-1]) == script:
                yield token
            continue
        if QMARK in token or REPLACEMENT in token or any(c.isdigit() or c == "_" for c in token):
            continue
        if all(script_of(c) == script for c in token if c.isalpha()):
            yield token


def _choose_language(
    script: str, words: Counter[str], seen: frozenset[str], holed: Iterable[str] = ()
) -> str:
    """The language of ``script`` whose lexicon knows most of ``words`` (common words count
    a little more; letters it never writes count against it), or ``""`` when none knows
    enough of them. In a text too short to tell (a name), a ``holed`` word counts as known
    to a language when its ``?`` holes filled with letters a charset lacks make a word of
    it (see :func:`_explained`); failing that, the text takes the one language whose
    alphabet holds every letter ``seen`` (lower case) in it, if there is one.

    >>> _choose_language("CYRILLIC", Counter(["Шутько"]), frozenset("шутькоемлі"))
    'uk'
    >>> _choose_language("CYRILLIC", Counter(["главни", "град"]), frozenset("главнирд"))
    'sr'
    """
    sample = [w for w, _ in words.most_common(_LANGUAGE_SAMPLE_WORDS)]
    short = len(sample) < thresholds.MIN_SCRIPT_KNOWN_WORDS / thresholds.MIN_SCRIPT_KNOWN_SHARE
    qmarked = [w for w in holed if QMARK in w and REPLACEMENT not in w] if short else []
    intact = frozenset(c for w in sample for c in w.casefold() if script_of(c) == script)
    best, best_score, best_known = "", -math.inf, 0
    fitting: list[str] = []
    for lang in data.SCRIPT_LANGUAGES.get(script, ()):
        if lexicon_of(lang) not in LANGUAGES:
            continue
        letters = alphabet(lang)
        if letters.issuperset(seen):
            fitting.append(lang)
        known = _explained(qmarked, lang, script, intact) if qmarked else 0
        foreign = 0
        weight = 0.0
        for w in sample:
            key = lexicon_key(w, lang)
            if not letters.issuperset(key):
                foreign += 1
            elif (zipf := key_zipf(key, lang)) > 0:
                known += 1
                weight += zipf / thresholds.SCRIPT_LANGUAGE_ZIPF_DIVISOR
        score = known + weight - foreign
        if score > best_score:
            best, best_score, best_known = lang, score, known
    if short:
        # A short text: its letters may still name its language.
        if best_known >= thresholds.MIN_SCRIPT_KNOWN_WORDS and best in fitting:
            return best
        return fitting[0] if len(fitting) == 1 else ""
    if best_known < thresholds.MIN_SCRIPT_KNOWN_WORDS:
        return ""
    if best_known / len(sample) < thresholds.MIN_SCRIPT_KNOWN_SHARE:
        return ""
    return best


def _explained(qmarked: list[str], lang: str, script: str, intact: frozenset[str]) -> int:
    """How many of the ``qmarked`` words (each with at most MAX_SCRIPT_LANGUAGE_QMARKS
    ``?``) make a word of ``lang``'s lexicon when their ``?`` are filled with letters of
    ``lang`` that a charset able to write the ``intact`` letters lacks (Persian ``ی``,
    which ISO 8859-6 lacks). A language whose letters every such charset writes explains
    none: its text would have lost nothing to ``?``.

    >>> _explained(["آقا?"], "fa", "ARABIC", frozenset("جناب"))
    1
    >>> _explained(["آقا?"], "ar", "ARABIC", frozenset("جناب"))
    0
    """
    letters = alphabet(lang)
    lacked = _lost_to_charsets(script, intact, letters)
    if not lacked or lacked >= letters:
        return 0
    count = 0
    for word in qmarked[: thresholds.MAX_SCRIPT_LANGUAGE_QMARK_WORDS]:
        core = word.strip(QMARK)
        # one ``?`` at each edge is a hole (see :func:`_parse`)
        key = lexicon_key(
            QMARK * word.startswith(QMARK) + core + QMARK * word.endswith(QMARK), lang
        )
        holes = key.count(QMARK)
        if not holes or holes > thresholds.MAX_SCRIPT_LANGUAGE_QMARKS:
            continue
        pieces = key.split(QMARK)
        for fill in itertools.product(lacked, repeat=holes):
            filled = "".join(
                itertools.chain.from_iterable(itertools.zip_longest(pieces, fill, fillvalue=""))
            )
            if key_zipf(filled, lang) >= thresholds.MIN_SCRIPT_RECOVERY_ZIPF:
                count += 1
                break
    return count


def _lost_to_charsets(
    script: str, intact: frozenset[str], letters: frozenset[str]
) -> frozenset[str]:
    """The letters a ``?`` may stand for: those a legacy charset of ``script`` lacks, among
    the charsets that hold every intact letter of the document (a charset that cannot write
    an intact letter was not the one used). All ``letters`` when no charset fits.

    >>> intact = frozenset("\\u043c\\u0441\\u0442\\u043e")
    >>> sorted(_lost_to_charsets("CYRILLIC", intact, frozenset("\\u043c\\u0456\\u0491")))
    ['і', 'ґ']
    """
    fitting = [
        charset_repertoire(cs)
        for cs in data.QMARK_CHARSETS.get(script, ())
        if intact <= charset_repertoire(cs)
    ]
    if not fitting:
        return letters
    return frozenset(
        c for c in letters if any(c not in rep and c.upper() not in rep for rep in fitting)
    )


def _reader(text: str, word: _Damaged, damage: str, damaged: Iterable[str] = ()) -> _Reader:
    """How the damaged words of ``word``'s script are read in ``text``; the letters of all
    its ``damaged`` words, with the intact ones, tell a short text's language."""
    script = word.script
    raw = Counter(_intact_words(text, script))
    sample = next((c for w in itertools.chain([word.word], raw) for c in w if c.isalpha()), "")
    width = len(sample.encode("utf-8")) or _DEFAULT_UTF8_WIDTH
    holed = [word.word, *damaged]
    seen = frozenset(
        c for w in itertools.chain(raw, holed) for c in w.casefold() if script_of(c) == script
    )
    lang = _choose_language(script, raw, seen, holed)
    words: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    for w, n in raw.items():
        key = lexicon_key(w, lang)
        words[key] += n
        if w[0].isupper():
            capitals[key] += n
    # The letters a hole may be: the language's alphabet and every letter of the script the
    # document writes intact (a rare letter of the language, a name's letter).
    letters = frozenset(c for w in words for c in w if script_of(c) == script)
    if lang:
        letters |= alphabet(lang)
    buckets: dict[int, list[str]] = {}
    for key in words:
        buckets.setdefault(len(key), []).append(key)
    doc_index = {n: "\n" + "\n".join(ws) + "\n" for n, ws in buckets.items()}
    intact = frozenset(c for w in raw for c in w if script_of(c) == script)
    lost = _lost_to_charsets(script, intact, letters)
    anywhere = _lost_to_charsets(script, frozenset(), letters)
    pointed = any(unicodedata.category(c) == "Mn" for w in raw for c in w)
    mojibake = damage == PER_LETTER
    return _Reader(
        script,
        lang,
        letters,
        width,
        words,
        capitals,
        doc_index,
        damage,
        pointed,
        lost,
        anywhere,
        mojibake,
    )


# ---------------------------------------------------------------------------------------
# Reading one damaged word


@dataclass(frozen=True, slots=True)
class _Reading:
    key: str  # the word as an index key ("" for "the holes were not letters")
    fills: tuple[str, ...]  # the letters of each hole, in index-key form
    confidence: float
    case: str = ""  # the case a lost first letter was read in (lossy mojibake), else ""


@dataclass(frozen=True, slots=True)
class _Shape:
    """One way of counting the letters of a word's holes: the word's intact parts as index
    keys, the letters each hole stands for (-1 for an intact part), and the regex that finds
    its readings in a ``^...$`` line index."""

    keys: tuple[str, ...]
    counts: tuple[int, ...]
    length: int
    pattern: re.Pattern[str]
    classes: tuple[str, ...]  # the letters each lost letter may be, in order

    @property
    def lost(self) -> int:
        return sum(n for n in self.counts if n > 0)

    def fill(self, letters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        """The reading made of ``letters`` (one per lost letter, in order) and its fills."""
        fills: list[str] = []
        out: list[str] = []
        i = 0
        for key, n in zip(self.keys, self.counts, strict=True):
            if n < 0:
                out.append(key)
            else:
                fills.append("".join(letters[i : i + n]))
                out.append(fills[-1])
                i += n
        return "".join(out), tuple(fills)


def _shapes(word: _Damaged, reader: _Reader, case: str = "") -> Iterator[_Shape]:
    """Every way of counting the letters of the word's holes (bounded). With a ``case`` (that
    of a lost first letter), a U+FFFD stands only for a letter a lossy mojibake repair could
    lose (see :func:`may_be_lost`)."""
    parts = word.parts
    last = len(parts) - 1
    options = [
        _letter_counts(
            p,
            reader.width,
            reader.damage,
            # A lost point: a charset without points (Hebrew ISO 8859-8; the Arabic ones
            # write harakat) loses them all to ``?``; a U+FFFD is one when the text writes
            # points, or when a lossy mojibake repair lost them (the text then shows none).
            # A point follows its letter, so a word does not start with one.
            not _qmark_is_letter(word, i)
            and (
                (
                    word.script in data.POINTED_SCRIPTS
                    and i > 0
                    and (
                        _points_lost_to_qmarks(word.script)
                        if p == QMARK
                        else reader.pointed or (bool(case) and _points_lost(word.script))
                    )
                )
                or (i in (0, last) and (p == QMARK or reader.damage != PER_LETTER))
            ),
        )
        if _is_hole(p)
        else (-1,)
        for i, p in enumerate(parts)
    ]
    letters = "".join(sorted(reader.letters))
    # A ``?`` alone between words, or glued before a word, is read whether or not the text
    # shows its charset (see :func:`_with_edge_qmarks`): it may be any letter a charset
    # lacks (the other letters, restored, may since have made the charset look richer).
    lost = "".join(sorted(reader.qmark_letters))
    anywhere = "".join(sorted(reader.lost_anywhere))
    keys = tuple(lexicon_key(p, reader.lang) if not _is_hole(p) else "" for p in parts)
    groups = [
        (anywhere if i == 0 else lost) if p == QMARK else letters for i, p in enumerate(parts)
    ]
    if case:
        caps = _all_caps(word.word)
        for i, p in enumerate(parts):
            if p[:1] == REPLACEMENT:
                at = UPPER if caps else case if i == 0 else LOWER
                groups[i] = "".join(c for c in letters if _fits_lost_bytes(c, at, i == last))
    for counts in itertools.product(*options):
        if sum(n for n in counts if n > 0) > thresholds.MAX_SCRIPT_LOST_LETTERS:
            continue
        pieces: list[str] = []
        classes: list[str] = []
        length = 0
        for key, n, group in zip(keys, counts, groups, strict=True):
            if n < 0:
                pieces.append(re.escape(key))
                length += len(key)
                continue
            if n and not group:
                break
            escaped = "".join(re.escape(c) for c in group)
            pieces.append(f"([{escaped}]{{{n}}})" if n else "()")
            classes.extend([group] * n)
            length += n
        else:
            pattern = re.compile("^" + "".join(pieces) + "$", re.MULTILINE)
            yield _Shape(keys, counts, length, pattern, tuple(classes))


def _qmark_is_letter(word: _Damaged, i: int) -> bool:
    """True when part ``i`` of ``word`` is a ``?`` that no punctuation explains: one glued
    before the word's letters, or one ending a word of a script with its own question mark.

    >>> _qmark_is_letter(_Damaged(0, 3, "?ер", ("?", "ер"), "CYRILLIC"), 0)
    True
    >>> _qmark_is_letter(_Damaged(0, 3, "ер?", ("ер", "?"), "CYRILLIC"), 1)
    False
    >>> _qmark_is_letter(_Damaged(0, 3, "اب?", ("اب", "?"), "ARABIC"), 1)
    True
    """
    parts = word.parts
    if parts[i] != QMARK or len(parts) < 2:
        return False
    return i == 0 or (i == len(parts) - 1 and word.script in data.OWN_QUESTION_MARKS)


def _readings(shape: _Shape, reader: _Reader) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every reading of ``shape`` the lexicon or the document may know, with its fills: all
    fillings when they are few (the whole lexicon is then consulted), else the matches in
    the index of frequent words; and the matches among the document's intact words."""
    if reader.lang:
        if math.prod(len(c) for c in shape.classes) <= thresholds.MAX_SCRIPT_DIRECT_FILLS:
            for combo in itertools.product(*shape.classes):
                yield shape.fill(combo)
        else:
            source = word_index(reader.lang).get(shape.length, "")
            for m in itertools.islice(
                shape.pattern.finditer(source), thresholds.MAX_SCRIPT_MATCHES
            ):
                yield m.group(), m.groups()
    source = reader.doc_index.get(shape.length, "")
    for m in itertools.islice(shape.pattern.finditer(source), thresholds.MAX_SCRIPT_MATCHES):
        yield m.group(), m.groups()


def _all_caps(word: str) -> bool:
    """True when at least two letters of ``word`` have case and all are capitals.

    >>> _all_caps("МОСКВА"), _all_caps("Москва"), _all_caps("\u05d0\u05d1")
    (True, False, False)
    """
    cased = [c for c in word if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


def _accents_fit(key: str, lang: str) -> bool:
    """False for a reading of a one-accent language (Greek) with two accents, or with none
    in a word long enough to need one (lexicons also list words typed without accents).

    >>> _accents_fit("καλημέρα", "el"), _accents_fit("καλημερα", "el"), _accents_fit("και", "el")
    (True, False, True)
    """
    accents = data.ONE_ACCENT_LETTERS.get(lang)
    if not accents:
        return True
    n = sum(1 for c in key if c in accents)
    return n == 1 or (n == 0 and len(key) < thresholds.MIN_SCRIPT_ACCENTED_WORD_LETTERS)


def _read(word: _Damaged, reader: _Reader, case: str = "") -> _Reading | None:
    """The best reading of a damaged word and its share of the weight of all readings.

    With a ``case`` (a document a lossy mojibake repair left one U+FFFD per letter in), the
    holes are first read as the letters such a repair loses; a word none of those fit may
    hold bytes the repair never saw (legacy bytes in UTF-8) and is read with any letter,
    when it has intact letters enough for that."""
    if not reader.letters:
        return None
    weights = _weigh(word, reader, case)
    intact = sum(len(p) for p in word.parts if not _is_hole(p))
    if not weights and case and intact >= thresholds.MIN_SCRIPT_INTACT_LETTERS:
        weights = _weigh(word, reader, "")
        case = ""
    if not weights:
        return _read_by_spelling(word, reader, case)
    best = max(weights, key=lambda k: weights[k][0])
    zipf, fills = weights[best]
    if zipf < thresholds.MIN_SCRIPT_RECOVERY_ZIPF or not any(fills):
        return None
    total = sum(10 ** (z - zipf) for z, _ in weights.values())
    return _Reading(best, fills, 1.0 / total, case)


def _weigh(word: _Damaged, reader: _Reader, case: str) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Every reading of a damaged word the lexicon or the document knows, with its weight
    (Zipf) and its fills."""
    weights: dict[str, tuple[float, tuple[str, ...]]] = {}
    # Words in capitals drop their accents (Greek ``ΕΛΛΗΝΙΚΗ``).
    accented = not _all_caps(word.word)
    for shape in _shapes(word, reader, case):
        for key, fills in _readings(shape, reader):
            if key in weights or (accented and not _accents_fit(key, reader.lang)):
                continue
            if word.joined:
                zipf = joined_parts(reader.lang).get(key, 0.0) if reader.lang else 0.0
            else:
                zipf = key_zipf(key, reader.lang) if reader.lang else 0.0
            seen = reader.doc_words.get(key, 0)
            if seen:
                zipf = max(zipf, thresholds.SCRIPT_DOCUMENT_WORD_ZIPF)
                zipf += thresholds.SCRIPT_DOCUMENT_WORD_BONUS + math.log10(seen)
            if zipf > 0:
                weights[key] = (zipf, fills)
    return weights


@functools.cache
def joined_parts(lang: str) -> dict[str, float]:
    """Zipf frequency of each first part of ``lang``'s words written with a zero-width
    non-joiner (Persian ``می`` of ``می‌شود``), summed over the words it starts.

    >>> parts = joined_parts("fa")
    >>> parts["\u0645\u06cc"] > parts.get("\u06a9\u06cc", 0.0), joined_parts("ru")
    (True, {})
    """
    joiner = data.ZERO_WIDTH_NON_JOINER
    if language_script(lang) != "ARABIC":
        return {}
    freqs: dict[str, float] = {}
    for word in _top_words(lang, thresholds.MAX_SCRIPT_INDEX_WORDS):
        if joiner in word:
            first = word.split(joiner, 1)[0]
            if first:
                freq = 10 ** key_zipf(lexicon_key(word, lang), lang)
                freqs[first] = freqs.get(first, 0.0) + freq
    return {part: math.log10(f) for part, f in freqs.items() if f > 1}


@functools.lru_cache(maxsize=_CACHED_INDEXES)
@persistent("script-letters")
def letter_model(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """Letter trigram and bigram counts over the indexed words of ``lang`` (word types, so
    that common spellings, not common words, weigh). Words are padded with ``^^`` and ``$``.

    >>> trigrams, bigrams = letter_model("el")
    >>> trigrams["^^τ"] > trigrams.get("^^ψ", 0)
    True
    """
    trigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for bucket in word_index(lang).values():
        for word in bucket.split("\n"):
            if word:
                padded = "^^" + word + "$"
                trigrams.update(padded[i : i + 3] for i in range(len(padded) - 2))
                bigrams.update(padded[i : i + 2] for i in range(len(padded) - 2))
    return dict(trigrams), dict(bigrams)


def spelling_score(key: str, lang: str) -> float:
    """Log-probability of ``key``'s spelling under ``lang``'s letter trigrams.

    >>> spelling_score("περπατάω", "el") > (
    ...     spelling_score("περπψτάω", "el"))
    True
    """
    trigrams, bigrams = letter_model(lang)
    padded = "^^" + key + "$"
    smoothing = thresholds.SCRIPT_SPELLING_SMOOTHING
    total = 0.0
    for i in range(len(padded) - 2):
        num = trigrams.get(padded[i : i + 3], 0) + smoothing
        den = bigrams.get(padded[i : i + 2], 0) + smoothing * thresholds.SCRIPT_SPELLING_LETTERS
        total += math.log(num / den)
    return total


def _read_by_spelling(word: _Damaged, reader: _Reader, case: str = "") -> _Reading | None:
    """When no lexicon knows any reading of a long word with one lost letter (an inflected
    form a small word list lacks), the letter its spelling makes most likely, if it stands
    out."""
    intact = sum(len(p) for p in word.parts if not _is_hole(p))
    if not reader.lang or intact < thresholds.MIN_SCRIPT_SPELLING_LETTERS:
        return None
    accents = data.ONE_ACCENT_LETTERS.get(reader.lang, "")
    accented = any(c in accents for c in word.word.casefold())
    scores: dict[str, tuple[float, tuple[str, ...]]] = {}
    for shape in _shapes(word, reader, case):
        if shape.lost != 1 or any(n == 0 for n in shape.counts):
            continue
        for letter in shape.classes[0]:
            if letter in accents and accented:
                continue  # a Greek word carries one accent
            key, fills = shape.fill((letter,))
            scores[key] = (spelling_score(key, reader.lang), fills)
    if len(scores) < 2:
        return None  # one letter possible: the spelling has nothing to weigh it against
    best = max(scores, key=lambda k: scores[k][0])
    top, fills = scores[best]
    total = sum(math.exp(score - top) for score, _ in scores.values())
    confidence = 1.0 / total
    if confidence < thresholds.MIN_SCRIPT_SPELLING_CONFIDENCE:
        return None
    return _Reading(best, fills, confidence, case)


# ---------------------------------------------------------------------------------------
# Case


def _sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence (or the text, or a line).

    >>> _sentence_start("Да. Нет", 4), _sentence_start("да нет", 3), _sentence_start("x", 0)
    (True, False, True)
    """
    i = start - 1
    floor = max(-1, start - 1 - _SENTENCE_LOOKBACK_CHARS)
    while i > floor and text[i] in data.SENTENCE_OPENERS:
        i -= 1
    return i < 0 or text[i] in data.SENTENCE_ENDS


def _name_line(text: str, word: _Damaged) -> bool:
    """True when most words of the script around the word (on its line) are capitalised:
    a line of names or an address, where a lost first letter is a capital."""
    floor = max(0, word.start - _LINE_WINDOW_CHARS)
    lo = max(floor, text.rfind("\n", floor, word.start) + 1)
    hi = text.find("\n", word.end, word.end + _LINE_WINDOW_CHARS)
    hi = word.end + _LINE_WINDOW_CHARS if hi < 0 else hi
    around = [
        t
        for t in _TOKEN_RE.findall(text[lo : word.start] + " " + text[word.end : hi])
        if t[0].isalpha() and script_of(t[0]) == word.script
    ]
    if not around:
        return False
    capitals = sum(1 for t in around if t[0].isupper())
    return capitals / len(around) >= thresholds.MIN_SCRIPT_NAME_LINE_CAPITALS


def _capital_first(text: str, word: _Damaged, key: str, reader: _Reader) -> bool:
    """Whether a lost first letter is a capital: at a sentence start; else as the word is
    mostly written intact elsewhere in the document; else in a line of names."""
    if _sentence_start(text, word.start):
        return True
    seen = reader.doc_words.get(key, 0)
    if seen:
        return reader.doc_capitals.get(key, 0) * 2 > seen
    return _name_line(text, word)


def _first_upper(text: str, word: _Damaged, reading: _Reading, reader: _Reader) -> bool:
    """Whether a lost first letter is written as a capital: in the case it was read in (a
    lossy mojibake repair loses a capital's bytes or the small letter's, rarely both); else
    as :func:`_capital_first` tells from the context."""
    if reading.case:
        return reading.case == UPPER
    return _capital_first(text, word, reading.key, reader)


def _first_case(text: str, word: _Damaged, reader: _Reader) -> str:
    """The case a lost first letter of ``word`` is read in, in a document a lossy mojibake
    repair left one U+FFFD per letter in (``""`` in any other, and in a line of names): a
    capital at a sentence's start, else a small letter. Its bytes then say which letters it
    may be."""
    if not reader.mojibake:
        return ""
    if word.parts[0][:1] != REPLACEMENT:
        return LOWER
    if _sentence_start(text, word.start):
        return UPPER
    # A line of names may write the word either way: its holes are read as any letters.
    return "" if _name_line(text, word) else LOWER


def _write(text: str, word: _Damaged, reading: _Reading, reader: _Reader) -> str:
    """The damaged word with its holes filled, in the case of its context."""
    all_caps = _all_caps(word.word)
    fills = iter(reading.fills)
    out: list[str] = []
    for i, part in enumerate(word.parts):
        if not _is_hole(part):
            out.append(part)
            continue
        fill = next(fills)
        if not fill and (part == QMARK or reader.mojibake):
            # a question mark after all; a lost vowel point, which one is not known
            out.append(part)
            continue
        if all_caps:
            fill = fill.upper()
        elif i == 0 and fill and _first_upper(text, word, reading, reader):
            fill = fill[0].upper() + fill[1:]
        if fill.endswith("\u03c3") and i == len(word.parts) - 1:
            fill = fill[:-1] + "\u03c2"  # a final sigma
        out.append(fill)
    return "".join(out)


# ---------------------------------------------------------------------------------------
# The stage


def _has_damage(text: str) -> bool:
    """True when ``text`` may hold a lost non-Latin letter: a U+FFFD, a ``?`` between two
    non-ASCII letters, one glued before a small one, one ending a word that a lower-case
    word follows or a word of a script with its own question mark (Arabic).

    >>> _has_damage("Что? Да. Где? Там."), _has_damage("Вен?ямин"), _has_damage("a\\ufffdb")
    (False, True, True)
    >>> _has_damage("нов? книжки"), _has_damage("Почему? Потому что.")
    (True, False)
    >>> _has_damage("?ерета"), _has_damage("?Что"), _has_damage("a ?b")
    (True, False, False)
    """
    if REPLACEMENT in text:
        return True
    if QMARK not in text:
        return False
    if _QMARK_INSIDE_RE.search(text) or _QMARK_AFTER_OWN_RE.search(text):
        return True
    if any(not m.group(1).isupper() for m in _QMARK_BEFORE_WORD_RE.finditer(text)):
        return True
    return any(m.group(1).islower() for m in _QMARK_THEN_WORD_RE.finditer(text))


def _edge_words(edge_qmarks: list[re.Match[str]]) -> list[_Damaged]:
    """The tokens with a ``?`` at an edge, read with that ``?`` as a hole (see :func:`_parse`),
    and the ``?`` alone between words (see :func:`_lone_qmark`)."""
    edged: list[_Damaged] = []
    for m in edge_qmarks:
        word = _lone_qmark(m) if m.group() == QMARK else _damaged_word(m, edge_qmarks=True)
        if word is not None:
            edged.append(word)
    return edged


def _with_edge_qmarks(
    damaged: list[_Damaged],
    edged: list[_Damaged],
    reader_for: Callable[[_Damaged], _Reader],
) -> list[_Damaged]:
    """``damaged``, where a word ending in ``?`` is read with that ``?`` as a possible hole
    when the text of its script lost letters to ``?`` (see :func:`_lost_to_qmarks`): a
    text that lost letters to ``?`` loses them at word ends too."""
    if not edged:
        return damaged
    inner = Counter(w.script for w in damaged if QMARK in w.parts)
    by_start = {w.start: w for w in damaged}
    # In a script with its own question mark, a ``?`` ending a word is no question mark.
    final = Counter(
        w.script for w in edged if w.parts[-1] == QMARK and w.script in data.OWN_QUESTION_MARKS
    )
    evident: dict[str, bool] = {}
    for word in edged:
        if word.script not in evident:
            evident[word.script] = _lost_to_qmarks(
                word, inner[word.script], final[word.script], reader_for
            )
        # A lone ``?`` or one glued before a word stands for a letter whatever the text
        # shows: no punctuation stands there.
        if evident[word.script] or word.parts[0] == QMARK:
            for i in range(word.start, word.end):  # the same token read without its edges
                by_start.pop(i, None)
            by_start[word.start] = word
    return [by_start[k] for k in sorted(by_start)]


def _lone_qmark(m: re.Match[str]) -> _Damaged | None:
    """A ``?`` standing alone between two words, the next in lower case (Ukrainian ``і``,
    a word of one letter lost to the charset), as a damaged word of the next word's script.

    >>> text = "книги ? журнали"
    >>> _lone_qmark(re.compile(r"\\?").search(text)).script
    'CYRILLIC'
    """
    text, start, end = m.string, m.start(), m.end()
    if start < 2 or text[start - 1] != " " or text[end : end + 1] != " ":
        return None
    after, before = text[end + 1 : end + 2], text[start - 2]
    if not after.isalpha() or not after.islower():
        return None
    script = script_of(after)
    if script in data.SKIPPED_SCRIPTS or script in data.NO_SPACE_SCRIPTS:
        return None
    if not (before == "," or (before.isalpha() and script_of(before) == script)):
        return None
    return _Damaged(start, end, QMARK, (QMARK,), script)


def _lost_to_qmarks(
    word: _Damaged, inner: int, final: int, reader_for: Callable[[_Damaged], _Reader]
) -> bool:
    """Whether the text of ``word``'s script lost letters to ``?``: ``inner`` words show a ``?``
    inside, or the text's language writes letters its charset lacks so often that their
    absence from the intact words says they were lost (Ukrainian without ``і``). In a
    script with its own question mark (Arabic ``؟``, which its charsets all write),
    ``final`` words ending in ``?`` count with the ``inner`` ones, once a charset able to
    write the intact letters lacks some letters of the language (Persian ``ی`` in
    ISO 8859-6)."""
    if inner >= thresholds.MIN_SCRIPT_QMARK_EVIDENCE_WORDS:
        return True
    reader = reader_for(word)
    # No charset fits the intact letters (all letters are then allowed): no evidence.
    if not reader.lang or not reader.qmark_letters or reader.qmark_letters >= reader.letters:
        return False
    if inner + final >= thresholds.MIN_SCRIPT_QMARK_EVIDENCE_WORDS:
        return True
    shares = letter_shares(reader.lang)
    share = min(1.0, sum(shares.get(c, 0.0) for c in reader.qmark_letters))
    expected = share * sum(reader.doc_words.values())
    return expected >= thresholds.MIN_SCRIPT_EXPECTED_LOST_WORDS


def _min_confidence(text: str, word: _Damaged, options: CleanOptions) -> float:
    """The confidence a reading of ``word`` needs: a ``?`` ending the word competes with a
    question mark, so unless a lower-case word follows (the sentence goes on), the reading
    must be MIN_SCRIPT_FINAL_QMARK_CONFIDENCE sure; so must one of a ``?`` glued before
    the word (a stray mark rather than a letter, unless a word clearly fits).

    >>> w = _Damaged(0, 4, "нов?", ("нов", "?"), "CYRILLIC")
    >>> options = CleanOptions()
    >>> _min_confidence("нов? книги", w, options), _min_confidence("нов? Он", w, options)
    (0.6, 0.9)
    """
    if word.parts[0] == QMARK and len(word.parts) > 1:
        return max(options.min_recovery_confidence, thresholds.MIN_SCRIPT_FINAL_QMARK_CONFIDENCE)
    if word.parts[-1] != QMARK:
        return options.min_recovery_confidence
    after = text[word.end : word.end + 2]
    if len(after) == 2 and after[0] == " " and after[1].islower():
        return options.min_recovery_confidence
    return max(options.min_recovery_confidence, thresholds.MIN_SCRIPT_FINAL_QMARK_CONFIDENCE)


def _clear_enough(word: _Damaged, reading: _Reading) -> bool:
    """Whether a reading is clear enough for a word that many words fit: a short one, or
    one that lost at least as many letters as it kept, needs a higher confidence.

    >>> parts = ("\u0631\u0633", "\ufffd\ufffd")
    >>> word = _Damaged(0, 4, "".join(parts), parts, "ARABIC")
    >>> reading = _Reading("\u0631\u0633\u0648\u0644", ("\u0648\u0644",), 0.7)
    >>> _clear_enough(word, reading), _clear_enough(word, _Reading(reading.key, reading.fills, 0.9))
    (False, True)
    """
    if len(reading.key) <= thresholds.MAX_SCRIPT_SHORT_WORD_LETTERS and (
        reading.confidence < thresholds.MIN_SCRIPT_SHORT_WORD_CONFIDENCE
    ):
        return False
    # Most of the word lost: more words fit it than the lexicon knows.
    lost = sum(len(f) for f in reading.fills)
    return (
        lost < _intact_letters(word)
        or reading.confidence >= thresholds.MIN_SCRIPT_MOSTLY_LOST_CONFIDENCE
    )


def _damage_kinds(damaged: list[_Damaged]) -> dict[str, str]:
    """How the document lost the letters of each script. A cut UTF-8 character leaves two or
    three U+FFFD, never one: a single U+FFFD in a word says the document lost whole letters,
    one U+FFFD each; several runs, none single, say characters were cut."""
    runs: dict[str, list[int]] = {}
    for word in damaged:
        runs.setdefault(word.script, []).extend(len(p) for p in word.parts if p[0] == REPLACEMENT)
    kinds: dict[str, str] = {}
    for script, lengths in runs.items():
        if 1 in lengths:
            kinds[script] = PER_LETTER
        elif len(lengths) >= thresholds.MIN_SCRIPT_CUT_RUNS:
            kinds[script] = PER_CUT
        else:
            kinds[script] = UNKNOWN
    return kinds


def recover_scripts(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Restore letters of non-Latin alphabets lost to U+FFFD or ``?``; one step per word.

    Step positions: ``line`` is 1-based, ``start``/``end`` are code-point offsets of the
    damaged word in ``text``.

    >>> recover_scripts("Пресс-конференция. Вчера была ко\\ufffd\\ufffdференция.",
    ...                 CleanOptions())[0]
    'Пресс-конференция. Вчера была конференция.'
    >>> recover_scripts("Что? Почему?", CleanOptions())
    ('Что? Почему?', [])
    """
    if not _has_damage(text):
        return text, []
    damaged: list[_Damaged] = []
    edge_qmarks: list[re.Match[str]] = []
    for m in _damaged_tokens(text):
        word = _damaged_word(m)
        if word is not None:
            damaged.append(word)
        if m.group().endswith(QMARK) or m.group().startswith(QMARK):
            edge_qmarks.append(m)
    if not damaged and not edge_qmarks:
        return text, []
    damage = _damage_kinds(damaged)
    readers: dict[str, _Reader] = {}

    edged = _edge_words(edge_qmarks)
    first = damaged + edged

    def reader_for(word: _Damaged) -> _Reader:
        if word.script not in readers:
            same = (w.word for w in first if w.script == word.script)
            kind = damage.get(word.script, UNKNOWN)
            readers[word.script] = _reader(text, word, kind, same)
        return readers[word.script]

    damaged = _with_edge_qmarks(damaged, edged, reader_for)
    readings: dict[tuple[str, str, str], _Reading | None] = {}
    found: list[tuple[_Damaged, str, _Reading, str]] = []
    for word in damaged:
        reader = reader_for(word)
        case = _first_case(text, word, reader)
        if _too_short(word, case):
            continue
        cache_key = (word.script, word.word.casefold(), case)
        if cache_key not in readings:
            if len(readings) >= thresholds.MAX_SCRIPT_RECOVERY_WORDS:
                continue
            readings[cache_key] = _read(word, reader, case)
        reading = readings[cache_key]
        if reading is None or reading.confidence < _min_confidence(text, word, options):
            continue
        if not _clear_enough(word, reading):
            continue
        after = _write(text, word, reading, reader)
        if after != word.word:
            found.append((word, after, reading, reader.lang or "document"))
    return _apply(text, found)


def _apply(text: str, found: list[tuple[_Damaged, str, _Reading, str]]) -> tuple[str, list[Step]]:
    """Write the recovered words into ``text``, with one step each."""
    if not found:
        return text, []
    out: list[str] = []
    steps: list[Step] = []
    prev = 0
    line = 1
    for word, after, reading, detail in found:
        line += text.count("\n", prev, word.start)
        out.append(text[prev : word.start])
        out.append(after)
        prev = word.end
        reason = Reason.LOSSY_QMARK if QMARK in word.word else Reason.LOSSY_REPLACEMENT
        steps.append(
            Step(
                Stage.RECOVER,
                "recover",
                reason,
                detail=detail,
                line=line,
                start=word.start,
                end=word.end,
                before=word.word,
                after=after,
                confidence=round(reading.confidence, 4),
            )
        )
    out.append(text[prev:])
    return "".join(out), steps
