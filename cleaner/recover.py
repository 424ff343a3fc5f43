"""Recovery of letters lost to ``?`` or U+FFFD in a lossy 8-bit round trip.

Text forced through a charset that lacks some of its letters comes back with ``?`` in
their place (``Çavu?o?lu``); legacy bytes read as UTF-8 come back with U+FFFD
(``Mikul\ufffdi\ufffd``), and so does UTF-8 decoded in chunks (one character becomes two
or three U+FFFD). This stage puts the letters back when the evidence is strong:

1. A damaged word is a run of letters with ``?`` or U+FFFD inside or at its edge.
2. The holes may only be filled with letters of the document's language (told by its
   intact words and letters, or ``options.languages``) that the lossy charset could NOT
   represent: the intact non-ASCII characters say which charsets are possible, and a
   ``?`` never stands for a letter the charset had.
3. Every combination of fillings (bounded) is scored with the language's word
   frequencies, with the same word intact elsewhere in the document, and with its
   ASCII-folded form (``Cavusoglu`` supports ``Çavuşoğlu``).
4. The best word is written back, with the casing of its context, only when its
   confidence reaches ``options.min_recovery_confidence``.

When the intact words do not tell the language (a lone name, an address), the damaged
words are read against every language's short lexicon and the confident readings vote;
a word no lexicon knows (a rare name) may be filled by letter-trigram plausibility of the
document's language. A pair of ``?`` around words (``?word ... word?``) that stood for
lost quotation marks becomes a pair of ``"``.

Real question marks (``What?``, ``a ? b``, ``?!``, URLs, code) are left alone: a ``?``
at the edge of a word competes with the reading "the word, then a question mark", and in
a text where no word lost a letter inside it such a ``?`` is always read as punctuation
(except in a line of names). Every number that tunes this lives in
:mod:`cleaner.thresholds` (the ``# ---- recover`` section); the letter and charset tables
live in :mod:`cleaner.recover_data`.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cleaner import recover_data, thresholds
from cleaner.cache import persistent
from cleaner.lexicon import (
    LANGUAGES,
    WordGroups,
    WordTable,
    ZipfLanguages,
    frequency_table,
    has_list,
    ranked_bands,
    ranked_words,
    word_set,
)
from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage, Step

QMARK = "?"
REPLACEMENT = "\ufffd"
# The Ukrainian apostrophe, a letter (U+02BC); the lexicons write it as an ASCII apostrophe.
UKRAINIAN_APOSTROPHE = "\u02bc"
# The typographic apostrophe, which lossy charsets lose inside words (``don?t``).
APOSTROPHE = "\u2019"

# Damage that ordinary punctuation does not make: a ``?`` with letters on both sides
# (``Çavu?o?lu``), a ``?`` that starts a word (``?ivot``), any U+FFFD, or a ``?`` ending a
# word that a lower-case word follows (``na? jezik``: a question goes on with a capital). A
# text with none of these has only question marks at word edges (``news? The``), read as
# punctuation without weighing readings, once the text is long enough for real damage to
# have shown itself inside a word (short texts, such as a line of names ending ``Jeri?``, are
# always weighed): an article with questions in it stays as cheap as the fast exit.
# The gate visits only the runs of ``?`` (found by ``str.find``, fast in C) and looks at
# a bounded window around each: linear, and it stops at the first sure sign.
_MARK_RUN_RES = {mark: re.compile(re.escape(mark) + "+") for mark in ("?", "\ufffd")}
# How far (code points) the gate looks either side of a ``?`` for the ends of its word.
_GATE_WINDOW_CHARS = 64
# The spaces after a word-final ``?`` that the next word must follow on the same line for the
# ``?`` to count as a lost letter: a question that ends a line may be followed by any line
# (``results?`` then ``on 26 Oct 2012``, a byline, an ``image`` label).
_SAME_LINE_SPACES = frozenset(" \u00a0")
# How much text (code points) either side of a word-final ``?`` tells one occurrence from a
# repetition of the same line (a duplicated caption ``will it sell? image``).
_EDGE_CONTEXT_CHARS = 24


def mark_runs(text: str, mark: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of ``mark`` (``?`` or U+FFFD) in ``text``, found with
    ``str.find`` (fast in C, where a regular expression scan of a long text is not).

    >>> list(mark_runs("a?? b ?? c?d", "?"))
    [(1, 3), (6, 8), (10, 11)]
    """
    run_re = _MARK_RUN_RES[mark]
    start = text.find(mark)
    while start != -1:
        run = run_re.match(text, start)
        end = run.end() if run else start + 1
        yield start, end
        start = text.find(mark, end)


def _marks_by_letters(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of ``?`` with a letter right before or after it.

    >>> list(_marks_by_letters("a?? b ?? c?d"))
    [(1, 3), (10, 11)]
    """
    for start, end in mark_runs(text, QMARK):
        if (start and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
            yield start, end


def _may_be_damaged(text: str) -> bool:
    """The fast exit: a U+FFFD, a ``?`` next to a letter, or a ``?`` after a comma (a lost
    closing quotation mark; a question mark never follows a comma).

    >>> _may_be_damaged("What? 1 + 1 ?"), _may_be_damaged("dobr?"), _may_be_damaged("ja,? on")
    (True, True, True)
    >>> _may_be_damaged("1 + 1 ? 2 : 3")
    False
    """
    if REPLACEMENT in text:
        return True
    if QMARK not in text:
        return False
    if ",?" in text and _LOST_CLOSING_MARK_RE.search(text):
        return True
    if _lost_after_elision(text):
        return True
    return next(_marks_by_letters(text), None) is not None


# A ``?`` after an elided word (``com'``, ``jusqu’``: one to five letters after a space or
# the start, so not a quoted word ``'non'``) and before a space and a lower-case word.
# Bounded repeats: linear.
_ELIDED_MARK_RE = re.compile(r"(?<!\S)[^\W\d_]{1,5}['\u2019]\?(?= [^\W\d_])")


def _lost_after_elision(text: str) -> bool:
    """True when a ``?`` follows an elided word mid-sentence: an elided word never ends a
    question, so the ``?`` is a lost one-letter word (``com'? di``: ``com'è di``).

    >>> _lost_after_elision("com'? di giorno"), _lost_after_elision("dit 'non'? vraiment")
    (True, False)
    """
    if "'?" not in text and "\u2019?" not in text:
        return False
    return any(text[m.end() + 1 : m.end() + 2].islower() for m in _ELIDED_MARK_RE.finditer(text))


def _has_letter_damage(text: str) -> bool:
    """True when ``text`` shows a ``?``/U+FFFD that punctuation does not explain.

    Words holding URL or code syntax (``watch?v=``) are left out, and one question that goes on
    in lower case (``is it? image``) is not enough, nor is the same line repeated: a text that
    lost letters loses them again, in other words.

    >>> _has_letter_damage("Is it news? The editor asked why? See youtube.com/watch?v=x1")
    False
    >>> _has_letter_damage("na? jezik, na? narod, na? grad"), _has_letter_damage("Çavu?o?lu")
    (True, True)
    """
    if REPLACEMENT in text or _lost_after_elision(text):
        return True
    edges: set[tuple[int, str]] = set()
    for start, end in _marks_by_letters(text):
        if not _word_is_prose(text, start, end):
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if after.isalpha():
            return True  # inside a word, or opening one
        if before.isalpha() and after in _SAME_LINE_SPACES and text[end + 1 : end + 2].islower():
            # a page repeats its captions and teasers: the same words around the mark
            # count once
            edges.add(_line_context(text, start, end))
            if len(edges) >= thresholds.MIN_EDGE_DAMAGE_MARKS:
                return True
    return False


def _line_context(text: str, start: int, end: int) -> tuple[int, str]:
    """The text within _EDGE_CONTEXT_CHARS of ``text[start:end]``, cut at line breaks, and
    where the mark stands in it.

    >>> _line_context("one\\nwill it? image\\nthree", 11, 12)
    (7, 'will it? image')
    """
    lo = max(0, start - _EDGE_CONTEXT_CHARS)
    hi = end + _EDGE_CONTEXT_CHARS
    cut = text.rfind("\n", lo, start)
    if cut != -1:
        lo = cut + 1
    cut = text.find("\n", end, hi)
    if cut != -1:
        hi = cut
    return start - lo, text[lo:hi]


def _word_is_prose(text: str, start: int, end: int) -> bool:
    """True when the whitespace-delimited word around ``text[start:end]`` has no URL or
    code syntax (looked at within _GATE_WINDOW_CHARS either side).

    >>> _word_is_prose("see watch?v=1 now", 9, 10), _word_is_prose("is it? yes", 5, 6)
    (False, True)
    """
    left = text[max(0, start - _GATE_WINDOW_CHARS) : start]
    right = text[end : end + _GATE_WINDOW_CHARS]
    cut = max(left.rfind(" "), left.rfind("\n"), left.rfind("\t"))
    word_left = left[cut + 1 :]
    ends = [i for i in (right.find(" "), right.find("\n"), right.find("\t")) if i != -1]
    word_right = right[: min(ends)] if ends else right
    return _CODE_NEIGHBOURS.isdisjoint(word_left) and _CODE_NEIGHBOURS.isdisjoint(word_right)


# Combining marks of the scripts we read (so that a word keeps its vowel signs), the
# zero-width non-joiner used inside Persian words, and the modifier-letter apostrophe
# of Ukrainian.
_MARKS = (
    "\u0300-\u036f\u0483-\u0487\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200c\u02bc"
)
# A token: letters, digits, marks, ``?`` and U+FFFD. Tokens with digits or ``_`` are
# skipped later (codes, identifiers). One character class, so the scan is linear.
_TOKEN_RE = re.compile(rf"[\w{_MARKS}?\ufffd]+")

# Characters that, right next to a damaged word, say it is part of a URL, a path, markup
# or code, where a ``?`` is syntax.
_CODE_NEIGHBOURS = frozenset("/\\=&@_<>{}[]|#%$^*~`+")

# Scripts whose names are looked up in every language's lexicon when the document does
# not tell its language.
_NAME_SCRIPTS = frozenset({"LATIN", "CYRILLIC"})
# Scripts whose question mark is not ASCII ``?`` (Greek ``;``, Armenian U+055E): there a
# ``?`` next to a letter is always damage. (Arabic has U+061F, but ASCII ``?`` is common
# in Arabic and Persian web text.)
_OTHER_QUESTION_MARK_SCRIPTS = frozenset({"GREEK", "ARMENIAN"})

# Per-process caches of read-only tables: characters looked up (script, folding), letter
# models (about 6 MB each) and short lexicons (about 0.4 MB each). Bounded so that a
# long-running worker that meets many languages keeps a steady size; the short lexicons of
# every Latin-script language fit (the language vote of a short text asks them all).
_CACHED_CHARACTERS = 1 << 16
_CACHED_LETTER_MODELS = 16
_CACHED_SHORT_LEXICONS = 40
# Letter pools (one per set of possible charsets) whose letters are grouped by fold.
_CACHED_POOLS = 64
# Lost-letter sets by (language, hole, document charsets).
_CACHED_LOST_LETTER_SETS = 4096

# A UTF-8 character has at most four bytes, so a cut one leaves at most four U+FFFD.
_MAX_UTF8_BYTES = 4

# How far (code points) the context of a damaged word is looked at: the line around it
# for a line of names, the word before it for a run of names, the characters before it
# for the start of a sentence. Fixed bounds keep every look linear in the text.
_LINE_WINDOW_CHARS = 200
_PREVIOUS_WORD_WINDOW_CHARS = 40
_MAX_OPENERS_SKIPPED = 8

# A question mark is not followed by these (``leip??.`` lost two letters).
_NOT_AFTER_QUESTION_MARK = frozenset(".,;:")

# Characters that end a sentence; the next word starts with a capital. ``?`` is not
# among them (in a damaged text it is as often a lost letter or quotation mark), nor
# ``:`` and ``;`` (most languages go on in lower case).
_SENTENCE_END = frozenset(".!\u2026\n\r")
# Characters skipped when looking back for the end of the previous sentence.
_OPENERS = frozenset(" \t\"'([\u00ab\u201c\u201e\u2018\u201a\u00bf\u00a1-\u2013\u2014\u00a0")


# ---------------------------------------------------------------------------------------
# Tables derived from recover_data (read-only, built once per process)


def _expand(spec: str) -> str:
    """Expand ``a-z`` ranges in a letter specification.

    >>> _expand("a-dx")
    'abcdx'
    """
    out: list[str] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.append(spec[i])
            i += 1
    return "".join(out)


@functools.cache
def language_letters(lang: str) -> frozenset[str]:
    """The letters (both cases) ``lang`` writes beyond ASCII, or its whole alphabet.

    >>> sorted(language_letters("de"))
    ['Ä', 'Ö', 'Ü', 'ß', 'ä', 'ö', 'ü']
    >>> "\\u0130" in language_letters("tr")
    True
    """
    lower = _expand(recover_data.LANGUAGE_LETTERS.get(lang, ""))
    letters = set(lower)
    for c in lower:
        up = c.upper()
        if len(up) == 1:
            letters.add(up)
    letters.update(recover_data.UPPER_ONLY_LETTERS.get(lang, ""))
    return frozenset(letters)


@functools.cache
def charset_repertoire(charset: str) -> frozenset[str]:
    """Every character a single-byte ``charset`` can represent.

    >>> "\\u015f" in charset_repertoire("latin-1"), "\\u00e7" in charset_repertoire("latin-1")
    (False, True)
    """
    chars = set()
    for b in range(256):
        try:
            chars.add(bytes([b]).decode(charset))
        except UnicodeDecodeError:
            continue
    return frozenset(chars)


@functools.lru_cache(maxsize=_CACHED_CHARACTERS)
def script_of(char: str) -> str:
    """The script of a letter, from its Unicode name (``LATIN``, ``CYRILLIC`` ...).

    >>> script_of("a"), script_of("\\u0436"), script_of("\\u3042")
    ('LATIN', 'CYRILLIC', 'HIRAGANA')
    """
    if char == "\u02bc":
        return "CYRILLIC"  # the Ukrainian apostrophe lives between Cyrillic letters
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


@functools.cache
def language_script(lang: str) -> str:
    """The script a language is written in (Latin when it needs no letter beyond ASCII).

    >>> language_script("uk"), language_script("en"), language_script("pl")
    ('CYRILLIC', 'LATIN', 'LATIN')
    """
    letters = _expand(recover_data.LANGUAGE_LETTERS.get(lang, ""))
    return script_of(letters[0]) if letters else "LATIN"


@functools.cache
def _stop_words(lang: str) -> frozenset[str]:
    words = recover_data.STOP_WORDS.get(lexicon_language(lang), "").split()
    if lang == "sr":
        # The Serbo-Croatian list is in Latin letters; Serbian is also written in Cyrillic.
        words = [serbian_cyrillic(w) for w in words]
    return frozenset(words)


@functools.cache
def _serbian_latin_to_cyrillic() -> dict[str, str]:
    return {latin: cyr for cyr, latin in recover_data.SERBIAN_CYRILLIC_TO_LATIN.items()}


def serbian_cyrillic(word: str) -> str:
    """Serbian Latin spelling to Cyrillic (digraphs first).

    >>> serbian_cyrillic("ljudi"), serbian_cyrillic("d\u017eep")
    ('људи', 'џеп')
    """
    table = _serbian_latin_to_cyrillic()
    out = []
    i = 0
    while i < len(word):
        if word[i : i + 2] in table:
            out.append(table[word[i : i + 2]])
            i += 2
        else:
            out.append(table.get(word[i], word[i]))
            i += 1
    return "".join(out)


def lexicon_language(lang: str) -> str:
    """The wordfreq list that covers ``lang`` (``hr`` -> ``sh``).

    >>> lexicon_language("hr"), lexicon_language("pl")
    ('sh', 'pl')
    """
    return recover_data.LEXICON_ALIASES.get(lang, lang)


def ascii_fold(word: str) -> str:
    """The accent-less spelling of ``word``, lower case.

    >>> ascii_fold("Çavuşoğlu"), ascii_fold("Nørgaard"), ascii_fold("Oslo")
    ('cavusoglu', 'norgaard', 'oslo')
    """
    if word.isascii():
        return word.lower()
    return "".join(_fold_letter(c) for c in word.lower())


@functools.lru_cache(maxsize=_CACHED_CHARACTERS)
def _fold_letter(c: str) -> str:
    if c in recover_data.ASCII_FOLDS:
        return recover_data.ASCII_FOLDS[c]
    return unicodedata.normalize("NFKD", c)[0]


def lexicon_key(word: str, lang: str) -> str:
    """``word`` spelled the way the lexicon of ``lang`` stores it.

    Keys are case-folded (``ß`` -> ``ss``, final sigma -> medial), with an ASCII
    apostrophe for the typographic one (``don’t``) and the Ukrainian letter one
    (``мар\u02bcяна``); Turkish and
    Azerbaijani lower-case ``I`` to dotless ``ı``; Romanian keys use comma-below
    letters; vowel points are dropped.

    >>> lexicon_key("IŞİD", "tr"), lexicon_key("της", "el")
    ('ışid', 'τησ')
    """
    if lang in ("tr", "az"):
        word = word.replace("I", "\u0131").replace("\u0130", "i")
    key = word.casefold().replace(APOSTROPHE, "'").replace(UKRAINIAN_APOSTROPHE, "'")
    if lang == "sr":
        key = "".join(recover_data.SERBIAN_CYRILLIC_TO_LATIN.get(c, c) for c in key)
    if lang == "ro":
        key = key.replace("\u015f", "\u0219").replace("\u0163", "\u021b")
    if lang in ("ar", "fa", "he", "ur"):
        key = "".join(c for c in key if unicodedata.category(c) != "Mn")
    return key


def word_zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang``'s lexicon (0 when unknown).

    >>> word_zipf("Perché", "it") > 5, word_zipf("perchx", "it")
    (True, 0.0)
    """
    lex = lexicon_language(lang)
    if lex not in LANGUAGES:
        return 0.0
    if "\u200c" in word:
        # Persian writes some affixes after a zero-width non-joiner; the lexicon keeps the
        # parts apart, so the word is as common as its rarest known part.
        known = [z for z in (word_zipf(part, lang) for part in word.split("\u200c")) if z > 0]
        return min(known) if known else 0.0
    freq = frequency_table(lex).get(lexicon_key(word, lang), 0.0)
    if not freq and APOSTROPHE in word and lang in recover_data.ELIDING_LANGUAGES:
        return _elision_zipf(word, lang)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def _elision_zipf(word: str, lang: str) -> float:
    """Zipf frequency of an elision (``qu’il``): that of its rarer part less a penalty
    (``l’a`` must not beat ``là`` on its parts alone); 0 unless both parts are words and
    the head is short.

    >>> _elision_zipf("qu\u2019il", "fr") > 5, _elision_zipf("quelque\u2019il", "fr")
    (True, 0.0)
    >>> _elision_zipf("s\u2019jour", "fr")
    0.0
    """
    head, _, tail = word.partition(APOSTROPHE)
    if not 0 < len(head) <= recover_data.MAX_ELIDED_HEAD_LETTERS or not tail:
        return 0.0
    if APOSTROPHE in tail or ascii_fold(tail[0]) not in recover_data.ELISION_TAIL_INITIALS:
        return 0.0  # elision comes before a vowel or a mute h (``s’jour`` is none)
    rarer = min(word_zipf(head, lang), word_zipf(tail, lang))
    return max(0.0, rarer - thresholds.ELISION_PENALTY_ZIPF) if rarer > 0 else 0.0


def _name_languages(script: str) -> tuple[str, ...]:
    """The languages of ``script`` with a short wordfreq list, in name-lexicon order.

    >>> "sv" in _name_languages("LATIN"), "sv" in _name_languages("CYRILLIC")
    (True, False)
    """
    return tuple(
        lang
        for lang in sorted(recover_data.LANGUAGE_LETTERS)
        if language_script(lang) == script and has_list(lexicon_language(lang), "small")
    )


def _name_bands(script: str) -> Iterator[tuple[int, int, list[str]]]:
    """``(band, language number, words)``: the words with non-ASCII letters in the short
    lexicons of ``script``'s languages (numbers index :func:`_name_languages`), streamed
    from wordfreq's files one frequency band at a time, one language after the other.

    >>> langs = _name_languages("LATIN")
    >>> any("göteborg" in words for _band, n, words in _name_bands("LATIN") if langs[n] == "sv")
    True
    """
    for number, lang in enumerate(_name_languages(script)):
        inventory = language_letters(lang)
        for band, words in ranked_bands(lexicon_language(lang), "small"):
            if lang == "sr":
                words = [serbian_cyrillic(word) for word in words]
            kept = [
                word
                for word in words
                if not word.isascii()
                and word.isalpha()
                # no letter the language never writes
                and (not (foreign := set(word).difference(inventory)) or "".join(foreign).isascii())
            ]
            if kept:
                yield band, number, kept


@functools.cache
def name_lexicon(script: str) -> WordTable[tuple[float, str]]:
    """Words with non-ASCII letters from the short lexicons of every language of ``script``.

    Maps the lower-case word to its best (zipf, language): the most frequent, and on a tie
    the language first in alphabetical order. Consulted only when a document gives no sign
    of its language (a lone name or address), so that ``Jeri?`` can still become ``Jerič``.
    Read straight from wordfreq's files into a compact table.

    >>> name_lexicon("LATIN")["göteborg"][1]
    'sv'
    """
    labels = ZipfLanguages(_name_languages(script))
    groups = ((labels.code(band, number), words) for band, number, words in _name_bands(script))
    return WordTable.from_groups(groups, labels)


@functools.lru_cache(maxsize=_CACHED_LETTER_MODELS)
def letter_model(lang: str) -> dict[str, int]:
    """Counts of every letter n-gram (1 to LETTER_MODEL_ORDER letters) over the most
    frequent words of ``lang``, and under ``""`` the number of letters counted.

    Words are padded with ``^`` (LETTER_MODEL_ORDER - 1 of them) and ``$``; counts are over
    word types, so that common spellings, not common words, dominate. Built once per
    language from its lexicon.

    >>> grams = letter_model("cs")
    >>> grams["^^^p"] > grams.get("^^^\u0159", 0)
    True
    """
    return _count_grams(lang, thresholds.MAX_LETTER_MODEL_WORDS, thresholds.LETTER_MODEL_ORDER)


@persistent("letter-grams")
def _count_grams(lang: str, size: int, order: int) -> dict[str, int]:
    """:func:`letter_model` over the ``size`` most frequent words, n-grams up to ``order``."""
    ranked = itertools.islice(ranked_words(lexicon_language(lang)), size)
    # All padded words in one string, counted n letters at a time at C speed (zip of shifted
    # copies). The n-grams that straddle two words hold a ``$`` before their end and are
    # never asked for: a word's n-grams are counted exactly as word by word.
    padding = "^" * (order - 1)
    joined = "".join(padding + word + "$" for word, _band in ranked if word.isalpha())
    # Only the longest n-grams are counted (one per position: the padding added at the end
    # gives the last positions theirs); a shorter n-gram's count is the sum of the counts of
    # the longest ones it begins.
    tail = joined + padding
    counted = Counter(zip(*(tail[k:] for k in range(order)), strict=False))
    grams: Counter[str] = Counter()
    for gram, count in counted.items():
        text = "".join(gram)
        for n in range(1, order + 1):
            grams[text[:n]] += count
    grams[""] = sum(count for gram, count in grams.items() if len(gram) == 1)
    return dict(grams)


def plausibility(word: str, lang: str, whole: bool = True) -> float:
    """Log-probability of ``word``'s spelling under ``lang``'s letter n-grams.

    Each letter's probability interpolates the n-gram estimates from one letter of context
    up to LETTER_MODEL_ORDER - 1, each trusted by how often its context was seen.

    >>> plausibility("mikulčić", "sh") > plausibility("mikulćič", "sh")
    True
    >>> plausibility("mikul", "sh", whole=False) > plausibility("mikul", "sh")
    True

    With ``whole=False`` the word is a beginning: the end of word is not scored.
    """
    order = thresholds.LETTER_MODEL_ORDER
    return _log_likelihood(lexicon_key(word, lang), letter_model(lang), order, whole)


def _log_likelihood(word: str, grams: dict[str, int], order: int, whole: bool = True) -> float:
    """:func:`plausibility` of ``word`` (already in lexicon form) under the n-gram counts
    ``grams`` of order ``order``."""
    damping = thresholds.LETTER_MODEL_CONTEXT_DAMPING
    padded = "^" * (order - 1) + word + ("$" if whole else "")
    total = 0.0
    for i in range(order - 1, len(padded)):
        prob = 1.0 / thresholds.LETTER_MODEL_ALPHABET_SIZE
        for n in range(1, order + 1):
            context = grams.get(padded[i - n + 1 : i], 0)
            if context:
                trust = context / (context + damping)
                prob = (
                    trust * grams.get(padded[i - n + 1 : i + 1], 0) / context + (1 - trust) * prob
                )
        total += math.log(prob)
    return total


@functools.cache
def _letter_share() -> dict[str, float]:
    """For each non-ASCII letter, 1 / the number of languages that write it."""
    counts: Counter[str] = Counter()
    for lang in recover_data.LANGUAGE_LETTERS:
        counts.update(language_letters(lang))
    return {c: 1.0 / n for c, n in counts.items()}


@functools.cache
def _latin_languages() -> tuple[str, ...]:
    return tuple(lang for lang in recover_data.LANGUAGE_LETTERS if language_script(lang) == "LATIN")


def _owning_language(word: str) -> str:
    """The one language that writes some letter of ``word`` (``ß``: German), or ``""``.

    >>> _owning_language("Straße"), _owning_language("Strasse")
    ('de', '')
    """
    share = _letter_share()
    for c in word:
        if ord(c) > 127 and share.get(c) == 1.0:
            for lang in recover_data.LANGUAGE_LETTERS:
                if c in language_letters(lang):
                    return lang
    return ""


def coherent(word: str) -> bool:
    """True when one language writes every non-ASCII Latin letter of ``word``.

    >>> coherent("Çavuşoğlu"), coherent("Çavușoğlu")
    (True, False)
    """
    extra = {c for c in word if ord(c) > 127 and script_of(c) == "LATIN"}
    if not extra:
        return True
    return any(extra <= language_letters(lang) for lang in _latin_languages())


# ---------------------------------------------------------------------------------------
# The document: what its intact part says


@dataclass(frozen=True, slots=True)
class _Hole:
    """One lost character: ``start``/``end`` index the token; ``kind`` is ``?`` or U+FFFD."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class _Document:
    words: Counter[str]
    folded: Counter[str]
    languages: dict[str, tuple[str, ...]]
    charsets: tuple[str, ...]
    chunked: bool
    letters: frozenset[str]
    confident: frozenset[str]
    main_script: str
    inner_damage: bool
    legacy_bytes: bool
    # The letters the document's confident recoveries wrote, lower-cased, and how often:
    # a hesitant word's readings are weighed by them (a text that lost ``ų`` five times
    # lost it in ``kalb?`` too rather than ``ą``).
    fills: Counter[str] = dataclasses.field(default_factory=Counter)
    # Legacy bytes come from one 8-bit charset: once the confident recoveries show which,
    # a U+FFFD is filled only with letters these charsets write (empty: any letter).
    legacy_charsets: tuple[str, ...] = ()
    # A text with intact letters, whose language its words tell: a lone U+FFFD after a
    # letter is one lost letter (a chunk boundary leaves two or more).
    lone_letters: bool = False


_EMPTY_DOCUMENT = _Document(
    Counter(), Counter(), {}, (), False, frozenset(), frozenset(), "LATIN", False, False
)


def _rank_languages(
    script: str, words: Counter[str], letters: Counter[str], hints: tuple[str, ...]
) -> tuple[tuple[str, ...], bool]:
    """The languages of ``script`` that fit the document best, best first, and whether
    the document's words (not only its letters) vouch for the first one."""
    hinted = tuple(h for h in hints if language_script(h) == script)
    if hinted:
        return hinted[: thresholds.MAX_RECOVERY_LANGUAGES], True
    candidates = [
        lang
        for lang in recover_data.LANGUAGE_LETTERS
        if language_script(lang) == script and lexicon_language(lang) in LANGUAGES
    ]
    share = _letter_share()
    script_letters = {c: n for c, n in letters.items() if script_of(c) == script}
    total_letters = sum(script_letters.values())
    scores: dict[str, float] = {}
    hits: dict[str, int] = {}
    for lang in candidates:
        inventory = language_letters(lang)
        stops = _stop_words(lang)
        cap = thresholds.MAX_STOP_WORD_HITS_PER_WORD
        if len(stops) < len(words):
            hits[lang] = sum(min(words[w], cap) for w in stops if w in words)
        else:
            hits[lang] = sum(min(n, cap) for w, n in words.items() if w in stops)
        score = float(hits[lang])
        score += thresholds.LANGUAGE_LETTER_EVIDENCE_WEIGHT * sum(
            share.get(c, 0.0) for c in script_letters if c in inventory
        )
        if total_letters:
            outside = sum(n for c, n in script_letters.items() if c not in inventory)
            if outside / total_letters > thresholds.MAX_FOREIGN_LETTER_SHARE:
                score = score * thresholds.FOREIGN_LETTER_SCORE_FACTOR - 1
        scores[lang] = score
    ranked = sorted(candidates, key=lambda lang: -scores[lang])
    if not ranked or scores[ranked[0]] <= 0:
        return (), False
    best = scores[ranked[0]]
    keep = [lang for lang in ranked if scores[lang] >= best * thresholds.MIN_LANGUAGE_SCORE_RATIO]
    confident = hits[ranked[0]] >= thresholds.MIN_RECOVERY_STOP_WORD_HITS
    if confident and _stray_letters(ranked[0], frozenset(script_letters)):
        # The text shows intact a letter the language writes only in loanwords (``ü`` in
        # French): a few one-letter stop words (``N.``, ``m.`` in an address) do not name it.
        confident = hits[ranked[0]] >= thresholds.MIN_STOP_WORD_HITS_DESPITE_STRAY_LETTER
    if len(keep) > thresholds.MAX_RECOVERY_LANGUAGES:
        # Too close to call on stop words ("je" is Croatian, Czech, French and Dutch):
        # count the intact words each close language's short lexicon knows.
        close = keep[: thresholds.MAX_TIED_LANGUAGES]
        sample = [w for w, _ in words.most_common(thresholds.MAX_TIE_BREAK_WORDS)]
        known = {lang: sum(1 for w in sample if w in short_lexicon(lang)) for lang in close}
        keep = sorted(close, key=lambda lang: (-known[lang], -scores[lang]))
        top = known[keep[0]]
        runner = known[keep[1]]
        confident = top >= thresholds.MIN_RECOVERY_STOP_WORD_HITS and top > runner
    return tuple(keep[: thresholds.MAX_RECOVERY_LANGUAGES]), confident


@functools.lru_cache(maxsize=_CACHED_SHORT_LEXICONS)
def short_lexicon(lang: str) -> WordTable[bool]:
    """The words of wordfreq's short list for ``lang`` (about 30,000 common words).

    >>> "jezik" in short_lexicon("hr"), "jezik" in short_lexicon("fr")
    (True, False)
    """
    return word_set(word for word, _band in ranked_words(lexicon_language(lang), "small"))


def _analyse(text: str, tokens: list[re.Match[str]], options: CleanOptions) -> _Document:
    sample = [m.group() for m in itertools.islice(tokens, thresholds.MAX_RECOVERY_SAMPLE_TOKENS)]
    words = Counter(tok.lower() for tok in sample if tok.isalpha())
    inner_damage = any(QMARK in tok.strip(QMARK) for tok in sample if QMARK in tok)
    folded = Counter({ascii_fold(w): n for w, n in words.items()})
    chars = Counter(text)
    nonascii = {c for c in chars if ord(c) > 127 and c != REPLACEMENT}
    letters: Counter[str] = Counter()
    for c, n in chars.items():
        if ord(c) > 127 and c.isalpha():
            low = c.lower()
            letters[low if len(low) == 1 else c] += n
    scripts = {script_of(c) for c in letters} | {"LATIN"}
    hints = tuple(lexicon_language(h.lower()) for h in options.languages) + tuple(
        h.lower() for h in options.languages
    )
    ranked = {s: _rank_languages(s, words, letters, hints) for s in scripts}
    languages = {s: r[0] for s, r in ranked.items()}
    confident = frozenset(s for s, r in ranked.items() if r[1])
    charsets = tuple(cs for cs in recover_data.LOSSY_CHARSETS if nonascii <= charset_repertoire(cs))
    intact_nonascii_letters = sum(n for c, n in letters.items())
    chunked = intact_nonascii_letters > 0
    by_script: Counter[str] = Counter()
    for c, n in letters.items():
        by_script[script_of(c)] += n
    by_script["LATIN"] += sum(n for c, n in chars.items() if c.isascii() and c.isalpha())
    main_script = by_script.most_common(1)[0][0]
    inner_damage = inner_damage or REPLACEMENT in chars
    return _Document(
        words,
        folded,
        languages,
        charsets,
        chunked,
        frozenset(letters),
        confident,
        main_script,
        inner_damage,
        REPLACEMENT in chars and not chunked,
    )


# ---------------------------------------------------------------------------------------
# One damaged word


def _holes(token: str, chunked: bool) -> list[_Hole]:
    """The lost characters of ``token``; in chunked UTF-8 a run of U+FFFD is one.

    >>> [(h.start, h.end) for h in _holes("a\\ufffd\\ufffdb?", True)]
    [(1, 3), (4, 5)]
    """
    holes: list[_Hole] = []
    i = 0
    while i < len(token):
        c = token[i]
        if c == QMARK:
            holes.append(_Hole(i, i + 1, QMARK))
        elif c == REPLACEMENT:
            j = i + 1
            if chunked:
                while j < len(token) and token[j] == REPLACEMENT and j - i < _MAX_UTF8_BYTES:
                    j += 1
            holes.append(_Hole(i, j, REPLACEMENT))
            i = j
            continue
        i += 1
    return holes


def _fits_utf8(letter: str, run: int) -> bool:
    """Can ``run`` U+FFFD be one ``letter`` cut by a chunk boundary?

    >>> _fits_utf8("ж", 2), _fits_utf8("ж", 3), _fits_utf8("語", 3)
    (True, False, True)
    """
    size = len(letter.encode("utf-8"))
    return size >= 2 and 2 <= run <= size


def _lost_letters(lang: str, hole: _Hole, doc: _Document) -> frozenset[str]:
    """The letters of ``lang`` that ``hole`` can stand for in ``doc``."""
    if hole.kind == REPLACEMENT:
        run = hole.end - hole.start
        if run == 1 and doc.chunked and doc.lone_letters and hole.start > 0:
            return _lone_lost_letters(lang)
        return _lost_letters_of(lang, hole.kind, run, doc.chunked, doc.legacy_charsets)
    return _lost_letters_of(lang, hole.kind, 0, doc.chunked, doc.charsets)


@functools.cache
def _lone_lost_letters(lang: str) -> frozenset[str]:
    """The Latin letters of ``lang`` one lone U+FFFD may stand for in a text with intact
    letters: its letters whose bytes a lossy mojibake repair lost (one U+FFFD per letter).

    >>> "".join(sorted(_lone_lost_letters("de")))
    'ÄÖÜßäöü'
    """
    return frozenset(c for c in language_letters(lang) if script_of(c) == "LATIN")


@functools.lru_cache(maxsize=_CACHED_LOST_LETTER_SETS)
def _lost_letters_of(
    lang: str, kind: str, run: int, chunked: bool, charsets: tuple[str, ...]
) -> frozenset[str]:
    """:func:`_lost_letters` by the hole's kind and length and the document's charsets
    (for a U+FFFD from legacy bytes, the charsets that may have written them: any when
    none is given).

    >>> sorted(_lost_letters_of("de", "?", 0, False, ("ascii",)))
    ['Ä', 'Ö', 'Ü', 'ß', 'ä', 'ö', 'ü']
    >>> "".join(sorted(_lost_letters_of("lv", "\ufffd", 1, False, ("cp1250",))))
    'ČčŠšŽž'
    """
    letters = language_letters(lang)
    if kind == REPLACEMENT:
        if chunked:
            return frozenset(c for c in letters if _fits_utf8(c, run))
        written = {c for cs in charsets for c in charset_repertoire(cs)} if charsets else None
        return frozenset(c for c in letters if ord(c) > 127 and (written is None or c in written))
    lost: set[str] = set()
    for cs in charsets:
        lost |= letters - charset_repertoire(cs)
    return frozenset(lost)


@functools.cache
def _all_lost_latin(charsets: tuple[str, ...]) -> frozenset[str]:
    letters: set[str] = set()
    for lang in _latin_languages():
        letters |= language_letters(lang)
    if not charsets:
        return frozenset(letters)
    lost: set[str] = set()
    for cs in charsets:
        lost |= letters - charset_repertoire(cs)
    return frozenset(lost)


def _regular_case(pieces: list[str], fill: tuple[str, ...]) -> bool:
    """False when a filled lower-case letter stands right before a capital of the word: a
    lost letter does not start a word in mid-word (``\ufffd\ufffdC'est`` lost what came
    before ``C'est``, not ``Çà``).

    >>> _regular_case(["", "", "C"], ("Ç", "à")), _regular_case(["Mc", "onald"], ("D",))
    (False, True)
    """
    return not any(
        f[-1:].islower() and piece[:1].isupper() for f, piece in zip(fill, pieces[1:], strict=True)
    )


def _consistent(fill: tuple[str, ...], holes: list[_Hole], doc: _Document) -> bool:
    """A ``?`` filling must be lost under one charset the document allows."""
    qletters = {c for c, h in zip(fill, holes, strict=True) if h.kind == QMARK and c != QMARK}
    if not qletters:
        return True
    return any(not (qletters & charset_repertoire(cs)) for cs in doc.charsets)


def _evidence_letters(
    token: str, holes: list[_Hole], doc: _Document, pool: frozenset[str]
) -> list[set[str]]:
    """Per hole, letters from ``pool`` that make the word's folded form a word of the document."""
    found: list[set[str]] = [set() for _ in holes]
    if not holes or len(holes) > thresholds.MAX_EVIDENCE_HOLES or not doc.folded:
        return found
    by_fold = _letters_by_fold(pool)
    options = sorted(by_fold)
    pieces = [ascii_fold(p) for p in _split(token, holes)]
    for combo in itertools.islice(
        itertools.product(options, repeat=len(holes)), thresholds.MAX_RECOVERY_CANDIDATES
    ):
        folded = pieces[0] + "".join(f + p for f, p in zip(combo, pieces[1:], strict=True))
        if folded in doc.folded:
            for i, f in enumerate(combo):
                found[i] |= by_fold[f]
    return found


@functools.lru_cache(maxsize=_CACHED_POOLS)
def _letters_by_fold(pool: frozenset[str]) -> dict[str, frozenset[str]]:
    """The letters of ``pool`` grouped by their accent-less spelling.

    >>> _letters_by_fold(frozenset("\u00e4\u00e1\u00df"))["a"] == frozenset("\u00e4\u00e1")
    True
    """
    groups: dict[str, set[str]] = {}
    for c in pool:
        groups.setdefault(ascii_fold(c), set()).add(c)
    return {fold: frozenset(letters) for fold, letters in groups.items()}


def _split(token: str, holes: list[_Hole]) -> list[str]:
    """The intact pieces of ``token`` around its holes (one more than holes)."""
    pieces = []
    prev = 0
    for h in holes:
        pieces.append(token[prev : h.start])
        prev = h.end
    pieces.append(token[prev:])
    return pieces


def _hole_case(token: str, hole: _Hole) -> str:
    """``upper`` for a hole in an all-capitals word, else ``lower``.

    >>> _hole_case("I??D", _Hole(1, 2, "?")), _hole_case("Ö?r", _Hole(1, 2, "?"))
    ('upper', 'lower')
    """
    letters = [c for c in token if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    if uppers >= 2 and uppers == len(letters):
        return "upper"
    return "lower"


def _with_case(letters: frozenset[str] | set[str], case: str) -> list[str]:
    if case == "upper":
        return sorted(c for c in letters if not any(x.islower() for x in c))
    return sorted(c for c in letters if not any(x.isupper() for x in c))


@dataclass(frozen=True, slots=True)
class _Choice:
    """A filling of a damaged word; ``rescued`` when the letter model lifted it over the
    confidence bar the lexicon alone did not reach."""

    word: str
    confidence: float
    language: str
    rescued: bool = False


def _sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens the text, a line or a sentence."""
    i = start - 1
    steps = 0
    while i >= 0 and text[i] in _OPENERS and steps < _MAX_OPENERS_SKIPPED:
        i -= 1
        steps += 1
    return i < 0 or text[i] in _SENTENCE_END


def _continues_lowercase(text: str, end: int) -> bool:
    """True when, after ``end``, the sentence goes on with a lower-case word or a number."""
    window = text[end : end + 4]
    m = re.match(r"[ \t\u00a0]{1,2}(\w)", window)
    return bool(m and (m.group(1).islower() or m.group(1).isdigit()))


# An elided word right before a position: one to MAX_ELIDED_HEAD_LETTERS letters and an
# apostrophe, after a space or the window's start (the window is two characters
# longer than the longest head, so a longer word fills it and does not match). Linear.
_ELIDED_HEAD_RE = re.compile(
    rf"(?:^|\s)[^\W\d_]{{1,{recover_data.MAX_ELIDED_HEAD_LETTERS}}}['\u2019]\Z"
)


def _after_elision(text: str, start: int) -> bool:
    """True when an elided word (``com'``, ``jusqu’``) ends right before ``start``.

    >>> _after_elision("il palco com'? di", 13), _after_elision("the students'?", 13)
    (True, False)
    """
    window = text[max(0, start - recover_data.MAX_ELIDED_HEAD_LETTERS - 2) : start]
    return _ELIDED_HEAD_RE.search(window) is not None


def _follows_word(text: str, start: int) -> bool:
    """True when a word (not a sentence end) comes right before ``start``."""
    window = text[max(0, start - 3) : start]
    return bool(re.search(r"[^\W\d_][ \t\u00a0]{1,2}$", window))


def _previous_capitalised(text: str, start: int) -> bool:
    """True when the word before ``start`` is capitalised (a run of names)."""
    window = text[max(0, start - _PREVIOUS_WORD_WINDOW_CHARS) : start]
    m = re.search(r"([^\W\d_]+)[ ,.\-]{1,2}$", window)
    return bool(m and m.group(1)[0].isupper() and not m.group(1).isupper())


def _score(
    word: str, langs: tuple[str, ...], doc: _Document, script: str, foreign: bool = False
) -> tuple[float, str]:
    best, best_lang = 0.0, langs[0] if langs else ""
    if (foreign or script not in doc.confident) and script in _NAME_SCRIPTS:
        penalty = thresholds.RECOVERY_UNKNOWN_LANGUAGE_PENALTY_ZIPF
        if foreign:
            penalty = thresholds.RECOVERY_FOREIGN_WORD_PENALTY_ZIPF
        lower = word.lower()
        for key in (lower, lexicon_key(word, "ro"), lexicon_key(word, "tr")):
            found = name_lexicon(script).get(key)
            if found and found[0] - penalty > best:
                best = found[0] - penalty
                best_lang = found[1]
    # A letter only one language writes (``ß``) names the word's language. When the
    # document's language is unknown or the word is read as foreign, fillings from every
    # language are weighed: the owner's short lexicon is asked (a word there is at least
    # that common), not its full one (loading every owner's would be slow).
    owner = _owning_language(word)
    if owner and owner not in langs:
        if script in doc.confident and not foreign:
            z = word_zipf(word, owner)
        elif lexicon_key(word, owner) in short_lexicon(owner):
            z = thresholds.SHORT_LEXICON_MIN_ZIPF
        else:
            z = 0.0
        z -= thresholds.RECOVERY_UNKNOWN_LANGUAGE_PENALTY_ZIPF
        if z > best:
            best, best_lang = z, owner
    for rank, lang in enumerate(langs):
        z = word_zipf(word, lang)
        if z > 0:
            z = max(z - rank * thresholds.RECOVERY_RUNNER_UP_PENALTY_ZIPF, 0.01)
        if z > best:
            best, best_lang = z, lang
    lower = word.lower()
    if doc.words.get(lower) and (
        script == "LATIN" or len(word) >= thresholds.MIN_SAME_WORD_EVIDENCE_CHARS
    ):
        # A short word of another script (``на``, ``да``) is everywhere in its text: its
        # intact copies tell nothing of a damaged one.
        best += thresholds.RECOVERY_SAME_WORD_BONUS_ZIPF
    elif (
        len(word) >= thresholds.MIN_FOLDED_EVIDENCE_CHARS
        and doc.folded.get(ascii_fold(word))
        and ascii_fold(word) != lower
        and not _folded_is_own_word(word, best_lang)
    ):
        # An accent-less copy, unless the copy is a word of its own.
        best += thresholds.RECOVERY_FOLDED_WORD_BONUS_ZIPF
    if best > 0 and not coherent(word):
        best -= thresholds.RECOVERY_INCOHERENT_PENALTY_ZIPF
    return best, best_lang


def _folded_is_own_word(word: str, lang: str) -> bool:
    """True when ``word`` is a word of ``lang``, written with its letters, whose accent-less
    spelling is a word of ``lang`` at least as common: another word, not a copy without
    accents (Lithuanian ``kalba`` says nothing of ``kalbą`` against ``kalbų``; ``Cavusoglu``
    in English is ``Çavuşoğlu`` written without its Turkish letters).

    >>> _folded_is_own_word("kalbą", "lt"), _folded_is_own_word("çavuşoğlu", "en")
    (True, False)
    """
    if not lang or not {c.lower() for c in word if ord(c) > 127} <= language_letters(lang):
        return False
    return word_zipf(ascii_fold(word), lang) >= word_zipf(word, lang) > 0


def _compound_score(word: str, langs: tuple[str, ...]) -> tuple[float, str]:
    """The score of ``word`` as a compound of two or three lexicon words of one language
    (``Tjærebyvej``: ``tjære`` + ``by`` + ``vej``), with the rarest part's Zipf frequency
    less a penalty; ``(0.0, "")`` when it is none. Without ``langs``, every Latin language
    that writes the word's letters is tried.

    >>> _compound_score("Åkervägen", ("sv",))[0] > 0, _compound_score("Åkxrvägen", ("sv",))[0]
    (True, 0.0)
    """
    lower = word.lower()
    if len(lower) != len(word) or not lower.isalpha():
        return 0.0, ""
    if not langs:
        extra = {c for c in lower if ord(c) > 127}
        langs = tuple(
            lang
            for lang in _latin_languages()
            if extra <= language_letters(lang) and lexicon_language(lang) in LANGUAGES
        )
    best, best_lang = 0.0, ""
    for lang in langs:
        rarest = _compound_parts(lower, lang, thresholds.MAX_COMPOUND_PARTS)
        if rarest - thresholds.COMPOUND_PENALTY_ZIPF > best:
            best, best_lang = rarest - thresholds.COMPOUND_PENALTY_ZIPF, lang
    return best, best_lang


def _compound_parts(word: str, lang: str, parts: int) -> float:
    """The best, over splits of ``word`` into 2..``parts`` known words of ``lang``, of the
    rarest part's Zipf frequency (0 when no split works). Every part but the last has at
    least MIN_COMPOUND_HEAD_CHARS letters (``why`` + ``übe`` + ``cause`` is no compound)."""
    shortest = thresholds.MIN_COMPOUND_PART_CHARS
    best = 0.0
    for cut in range(thresholds.MIN_COMPOUND_HEAD_CHARS, len(word) - 1):
        head = word_zipf(word[:cut], lang)
        if head < thresholds.MIN_COMPOUND_PART_ZIPF or head <= best:
            continue
        rest = word[cut:]
        tail = word_zipf(rest, lang) if len(rest) >= shortest else 0.0
        if tail < thresholds.MIN_COMPOUND_PART_ZIPF:
            tail = _compound_parts(rest, lang, parts - 1) if parts > 2 else 0.0
        best = max(best, min(head, tail))
    return best


def _fallback_languages(script: str, doc: _Document) -> tuple[str, ...]:
    """Every language of ``script`` that writes (nearly) all the document's intact letters."""
    if script not in _NAME_SCRIPTS:
        return ()
    seen = {c for c in doc.letters if script_of(c) == script}
    limit = thresholds.MAX_FOREIGN_LETTER_SHARE * len(seen)
    return tuple(
        lang
        for lang in recover_data.LANGUAGE_LETTERS
        if language_script(lang) == script and len(seen - language_letters(lang)) <= limit
    )


def _choose(
    text: str,
    start: int,
    token: str,
    holes: list[_Hole],
    doc: _Document,
    readings: dict[str, float] | None = None,
) -> _Choice | None:
    """The best filling of ``token``'s holes, or None when nothing is good enough.

    When ``readings`` is given, each language's share of the plausible fillings is added
    to it (the language vote of :func:`_vote_languages`).
    """
    scripts = Counter(script_of(c) for c in token if c.isalpha())
    script = scripts.most_common(1)[0][0] if scripts else ""
    if not script:
        # A token made only of lost letters: read it in the document's main script.
        script = doc.main_script
    langs = doc.languages.get(script, ())
    choice = _choose_in(text, start, token, holes, doc, script, langs, False, readings)
    intact = sum(1 for c in token if c.isalpha())
    if (
        choice is None
        and script in doc.confident
        and script in _NAME_SCRIPTS
        and intact >= thresholds.MIN_FOREIGN_WORD_LETTERS
    ):
        # Not a word of the document's language: perhaps a foreign name (``Aragão`` in an
        # English address), read against every language's short lexicon.
        choice = _choose_in(text, start, token, holes, doc, script, langs, True, readings)
    if choice is None and readings is None and script == "LATIN" and langs:
        # Two words of a language that lost no letter there: the mark joined them.
        choice = _joined_words(token, holes, doc, langs[0])
    if (
        choice is None
        and readings is None
        and script == "LATIN"
        and script in doc.confident
        and langs
        and intact >= thresholds.MIN_FOREIGN_WORD_LETTERS
        and len(holes) <= thresholds.MAX_SPELLING_VOTE_HOLES
        and not all(_lost_letters(langs[0], h, doc) for h in holes)
    ):
        # The document's language has no letter for the hole (``altyaz?s?`` in English):
        # a foreign word no lexicon knows, spelled in the language its own spelling names.
        seen = frozenset(c.lower() for c in token if c.isalpha() and not c.isascii())
        pieces = [p.lower() for p in _split(token, holes)]
        own = _spelling_leader([], [(pieces, holes)], seen, doc)
        if own:
            choice = _choose_in(text, start, token, holes, doc, script, (own,), False)
    weak = (
        choice is None or choice.rescued or choice.confidence < thresholds.MIN_RECOVERY_CONFIDENCE
    )
    if weak and doc.legacy_bytes and script in doc.confident:
        # One U+FFFD may also hide two letters whose bytes looked like the start of a
        # UTF-8 sequence (Czech ``ěž`` is EC 9E in cp1250).
        paired = _choose_in(
            text, start, token, holes, doc, script, langs, False, readings, pairs=True
        )
        if paired is not None and (choice is None or paired.confidence > choice.confidence):
            choice = paired
    return choice


def _joined_words(token: str, holes: list[_Hole], doc: _Document, lang: str) -> _Choice | None:
    """``token`` with its marks read as lost joining marks (:data:`JOINING_MARKS`), when
    every mark is one ``?`` (or one U+FFFD from legacy bytes) between two lower-case words of
    ``lang`` that are not stop words, and ``lang`` has no letter the damage could have lost
    there (``north?east``, not ``don?t``, ``why?because``, nor ``stra?e`` in German).

    >>> doc = dataclasses.replace(_EMPTY_DOCUMENT, charsets=("latin-1",))
    >>> _joined_words("north?east", _holes("north?east", False), doc, "en").word
    'north\u2011east'
    >>> _joined_words("don?t", _holes("don?t", False), doc, "en") is None
    True
    """
    if any(h.end - h.start != 1 for h in holes):
        return None
    if any(h.kind == REPLACEMENT for h in holes) and not doc.legacy_bytes:
        return None  # a cut UTF-8 character leaves two U+FFFD or more
    if any(_lost_letters(lang, h, doc) for h in holes):
        return None
    parts = _split(token, holes)
    shortest = thresholds.MIN_JOINED_PART_CHARS
    if any(len(p) < shortest or not p.isalpha() or not p.islower() for p in parts):
        return None
    if any(word_zipf(p, lang) < thresholds.MIN_JOINED_PART_ZIPF for p in parts):
        return None
    if any(p in _stop_words(lang) for p in parts):
        return None  # ``why?because``, ``what?no``: a question and a word after it
    word = parts[0] + "".join(
        recover_data.JOINING_MARKS[h.kind] + p for h, p in zip(holes, parts[1:], strict=True)
    )
    return _Choice(word, thresholds.LOST_DASH_CONFIDENCE, "dash")


def _choose_in(
    text: str,
    start: int,
    token: str,
    holes: list[_Hole],
    doc: _Document,
    script: str,
    langs: tuple[str, ...],
    foreign: bool,
    readings: dict[str, float] | None = None,
    pairs: bool = False,
) -> _Choice | None:
    """:func:`_choose` with the document's languages, or (``foreign``) with all of them.

    Letters are tried per language group: the document's languages together, and, when
    the language is unknown, every other language of the script on its own (a word never
    mixes letters of two languages, and this keeps the combinations few).
    """
    fallback = _fallback_languages(script, doc) if foreign or script not in doc.confident else ()
    groups: list[list[set[str]]] = []
    if langs:
        groups.append(_letters_for(langs, holes, doc, pairs))
    groups.extend(
        _letters_for((lang,), holes, doc, pairs) for lang in fallback if lang not in langs
    )
    if script == "LATIN":
        for i, hole in enumerate(holes):
            if _may_be_apostrophe(token, hole, doc):
                for group in groups:
                    group[i].add(APOSTROPHE)
    by_shape = foreign and script == "LATIN" and all(h.end - h.start == 1 for h in holes)
    if by_shape and len(groups) > 1 + bool(langs):
        # Read as foreign, a Latin word can only score as a word of some short lexicon:
        # the other languages' letters are pooled and looked up by the word's shape (below).
        own = groups[:1] if langs else []
        pooled = [set().union(*column) for column in zip(*groups[len(own) :], strict=True)]
        groups = [*own, pooled]
    evidence = _evidence_for(token, holes, doc, script)
    if any(evidence):
        groups = [[g | e for g, e in zip(group, evidence, strict=True)] for group in groups]
        groups.append(evidence)
    marks = _punctuation_readings(text, start, token, holes, script, doc)
    pieces = _split(token, holes)
    prior = max((p for p in marks.values() if p is not None), default=0.0)
    scored: dict[str, tuple[float, str]] = {}
    language_choices: list[list[str]] = []
    budget = thresholds.MAX_RECOVERY_CANDIDATES
    per_group: list[list[list[str]]] = []
    for number, group in enumerate(groups):
        choices = []
        for i, (letters, hole) in enumerate(zip(group, holes, strict=True)):
            options = _with_case(letters, _hole_case(token, hole))
            if i in marks:
                options = [QMARK] if marks[i] is None else [QMARK, *options]
            choices.append(options)
        if number == 0 and langs:
            language_choices = choices
        if all(choices):
            per_group.append(choices)
    first = 1 if langs and language_choices and all(language_choices) else 0
    # The document's languages first; then the smaller groups, so that a word with several
    # holes is still read in every language whose letters are few (Turkish) before the
    # budget goes to those with many (Vietnamese).
    per_group[first:] = sorted(per_group[first:], key=lambda c: math.prod(map(len, c)))

    def consider(fill: tuple[str, ...]) -> None:
        word = pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True))
        if word in scored or not _consistent(fill, holes, doc) or not _sigma_ok(word):
            return
        if not _regular_case(pieces, fill):
            return
        if QMARK in fill:
            if word.strip(QMARK) == "":
                return
            score, lang = _score(word.strip(QMARK), langs, doc, script, foreign)
            if score <= 0 and any(f != QMARK for f in fill):
                return  # filled letters that make no known word
            score = max(score, 0.0) + prior
        else:
            score, lang = _score(word, langs, doc, script, foreign)
        scored[word] = (score, lang)

    # Read as foreign, every language group but the document's is looked up by the word's
    # shape, not tried filling by filling.
    skipped: list[list[list[str]]] = []
    for number, choices in enumerate(per_group):
        size = math.prod(len(c) for c in choices)
        if size > budget or (by_shape and number >= first):
            skipped.append(choices)
            continue
        budget -= size
        for fill in itertools.product(*choices):
            consider(fill)
    if skipped and (by_shape or not marks) and script == "LATIN":
        # Too many holes to try every filling: look the word's shape up among the
        # lexicon words instead, keeping the fillings some language group allows.
        allowed = [
            set(itertools.chain.from_iterable(c[i] for c in skipped)) for i in range(len(holes))
        ]
        for fill in _lexicon_fillings(token, holes, allowed):
            consider(fill)
    weights = [(score, word, lang) for word, (score, lang) in scored.items() if score > 0]
    filled = [w for w in scored if QMARK not in w]
    no_word = script == "LATIN" and not foreign and all(QMARK in w for _, w, _ in weights)
    if no_word and len(filled) > thresholds.MAX_COMPOUND_CANDIDATES and language_choices:
        # Too many fillings to look each up as a compound: those whose parts, each looked
        # up by its shape, are lexicon words.
        allowed = [set(options) for options in language_choices]
        filled = [
            pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True))
            for fill in _compound_fillings(token, holes, allowed)
        ]
    if no_word and filled and len(filled) <= thresholds.MAX_COMPOUND_CANDIDATES:
        # No filling is a lexicon word: perhaps a compound of them (``Åkervägen``).
        for word in filled:
            score, lang = _compound_score(word, langs)
            if score > 0:
                weights.append((score, word, lang))
    weights = _one_spelling_each(weights, doc)
    raw_scores = {word: score for score, word, _ in weights}
    if doc.fills:
        weights = [(s + _fill_prior(token, holes, w, doc.fills), w, g) for s, w, g in weights]

    def spelling_choices() -> list[list[str]] | None:
        """Per hole, the letters of the document's language a guess may write (None when
        it may not guess)."""
        if not (langs and script in doc.confident and not foreign):
            return None
        own = language_letters(langs[0]) | {QMARK, APOSTROPHE}
        spelled = _spelling_choices(token, holes, language_choices, marks)
        spelled = [[c for c in options if c in own] for options in spelled]
        return spelled if all(spelled) else None

    def spell(min_share: float) -> _Choice | None:
        """The filling the language's letter model prefers (None when it may not guess)."""
        spelled = spelling_choices()
        if spelled is None:
            return None
        return _choose_by_spelling(token, pieces, spelled, holes, langs[0], doc, min_share)

    if not weights:
        spelled = spelling_choices()
        choice = spell(thresholds.MIN_SPELLING_SHARE)
        if choice is None and spelled is not None:
            # The spelling is not clear: the stem's relatives in the lexicon may tell.
            choice = _choose_by_stem(token, pieces, spelled, holes, langs[0], doc)
        if (
            choice is not None
            and holes[0].start == 0
            and _wants_title(text, start, token, choice.word, langs[0])
        ):
            choice = dataclasses.replace(choice, word=_upper_first(choice.word, langs[0]))
        return choice
    total = sum(10**s for s, _, _ in weights)
    if readings is not None:
        for score, word, lang in weights:
            if QMARK not in word:
                readings[lang] = readings.get(lang, 0.0) + 10**score / total
    best_score, best_word, best_lang = max(weights)
    if best_word == token:
        return None
    share = 10**best_score / total
    best_score = raw_scores.get(best_word, best_score)
    strength = (best_score - thresholds.MIN_RECOVERY_SCORE_ZIPF) / (
        thresholds.FULL_RECOVERY_SCORE_ZIPF - thresholds.MIN_RECOVERY_SCORE_ZIPF
    )
    confidence = share * min(1.0, max(0.0, strength))
    rescued = False
    if confidence < thresholds.MIN_RECOVERY_CONFIDENCE and readings is None:
        # The lexicon hesitates: ask the letter model (for a word with letters enough to
        # spell). When both prefer the same word their evidence adds up; a name
        # (capitalised) whose spelling is clear takes it.
        spelled_choice = spell(0.0)
        if spelled_choice is not None and spelled_choice.word == best_word:
            confidence = 1.0 - (1.0 - confidence) * (1.0 - spelled_choice.confidence)
            rescued = True
        elif (
            spelled_choice is not None
            and token[:1].isupper()
            and spelled_choice.confidence
            >= thresholds.MIN_SPELLING_SHARE * thresholds.MAX_SPELLING_CONFIDENCE
        ):
            return dataclasses.replace(spelled_choice, rescued=True)
    if (
        holes[0].start == 0
        and best_word[:1] != QMARK
        and _wants_title(text, start, token, best_word, best_lang)
    ):
        best_word = _upper_first(best_word, best_lang)
    return _Choice(best_word, confidence, best_lang, rescued)


def _fill_prior(token: str, holes: list[_Hole], word: str, fills: Counter[str]) -> float:
    """How much likelier (log10) the letters ``word`` writes into ``token``'s one-character
    holes are, given the letters the document's confident recoveries wrote: each letter
    counts ``(n + 1) / (total + 1)`` (so an unseen one loses, a recurring one holds). Zero
    when the holes do not map one to one.

    >>> holes = [_Hole(4, 5, QMARK)]
    >>> fills = Counter({"\u0173": 5})
    >>> _fill_prior("kalb?", holes, "kalb\u0173", fills)
    0.0
    >>> round(_fill_prior("kalb?", holes, "kalba", fills), 2)
    -0.78
    """
    if len(word) != len(token) or any(h.end - h.start != 1 for h in holes):
        return 0.0
    total = sum(fills.values())
    return sum(
        math.log10((fills.get(word[h.start].lower(), 0) + 1) / (total + 1))
        for h in holes
        if word[h.start] != QMARK
    )


def _shape(word: str) -> str:
    """``word`` in lower case with every non-ASCII letter as U+FFFD (its lookup shape).

    >>> _shape("Çavuşoğlu")
    '\ufffdavu\ufffdo\ufffdlu'
    """
    return "".join(REPLACEMENT if ord(c) > 127 else c for c in word.lower())


@functools.cache
def _shape_index() -> WordGroups[str]:
    """The Latin-script lexicon words with non-ASCII letters, by :func:`_shape`."""
    words = (word for _band, _number, words in _name_bands("LATIN") for word in words)
    return WordGroups(words, key=_shape)


def _lexicon_fillings(
    token: str, holes: list[_Hole], allowed: list[set[str]]
) -> list[tuple[str, ...]]:
    """Fillings of ``token``'s one-letter holes that spell a Latin lexicon word.

    ``allowed`` lists, per hole, the letters (in the hole's case) it may take. The intact
    letters must match; the work is one look-up, whatever the number of holes.

    >>> holes = _holes("\ufffdal\ufffd\ufffdmalar", False)
    >>> allowed = [set("\u00e7\u0131\u015f")] * 3
    >>> _lexicon_fillings("\ufffdal\ufffd\ufffdmalar", holes, allowed)
    [('ç', 'ı', 'ş')]
    >>> _lexicon_fillings("?al??malar", _holes("?al??malar", False), allowed)
    [('ç', 'ı', 'ş')]
    """
    if any(h.end - h.start != 1 for h in holes):
        return []
    lower = token.lower()
    if len(lower) != len(token):
        return []
    probe = list(token)
    for hole in holes:
        probe[hole.start] = REPLACEMENT
    fillings: list[tuple[str, ...]] = []
    for word in _shape_index().get(_shape("".join(probe)), ()):
        if any(c != w for c, w in zip(lower, word, strict=True) if c not in (QMARK, REPLACEMENT)):
            continue
        fill = []
        for hole, options in zip(holes, allowed, strict=True):
            letter = word[hole.start]
            if letter not in options:
                letter = letter.upper()
            if letter not in options:
                break
            fill.append(letter)
        else:
            fillings.append(tuple(fill))
    return fillings


def _compound_fillings(
    token: str, holes: list[_Hole], allowed: list[set[str]]
) -> list[tuple[str, ...]]:
    """Fillings of ``token``'s one-letter holes that split it into two Latin lexicon words,
    each part with holes of its own looked up by its shape (:func:`_lexicon_fillings`), at
    most MAX_COMPOUND_CANDIDATES of them; the head has MIN_COMPOUND_HEAD_CHARS letters or
    more. Which language's words they are is weighed later (:func:`_compound_score`).

    >>> token = "\ufffde\ufffdmeba\ufffd\ufffd"
    >>> allowed = [set("\u00e7\u011f\u0131\u015f\u00f6\u00fc")] * 4
    >>> fills = ["".join(f) for f in _compound_fillings(token, _holes(token, False), allowed)]
    >>> fills[0], len(fills)
    ('\u00e7\u015f\u015f\u0131', 2)
    """
    if any(h.end - h.start != 1 for h in holes) or len(token.lower()) != len(token):
        return []
    found: list[tuple[str, ...]] = []
    last = len(token) - thresholds.MIN_COMPOUND_PART_CHARS
    for cut in range(thresholds.MIN_COMPOUND_HEAD_CHARS, last + 1):
        inside = [i for i, h in enumerate(holes) if h.start < cut]
        outside = [i for i, h in enumerate(holes) if h.start >= cut]
        if not inside or not outside:
            continue  # an intact part adds nothing a whole-word look-up did not try
        head_holes = [holes[i] for i in inside]
        tail_holes = [
            _Hole(h.start - cut, h.end - cut, h.kind) for h in (holes[i] for i in outside)
        ]
        heads = _lexicon_fillings(token[:cut], head_holes, [allowed[i] for i in inside])
        if not heads:
            continue
        tails = _lexicon_fillings(token[cut:], tail_holes, [allowed[i] for i in outside])
        found.extend(head + tail for head in heads for tail in tails)
        if len(found) >= thresholds.MAX_COMPOUND_CANDIDATES:
            break
    return list(dict.fromkeys(found))[: thresholds.MAX_COMPOUND_CANDIDATES]


def _one_spelling_each(
    weights: list[tuple[float, str, str]], doc: _Document
) -> list[tuple[float, str, str]]:
    """Drop spellings of one lexicon word but the preferred one (Romanian ``ș``/``ş``).

    The preferred spelling uses letters seen intact in the document, else the letters
    listed first for the language (the standard forms).
    """
    best: dict[tuple[str, str], tuple[float, str, str]] = {}
    for item in weights:
        _, word, lang = item
        key = (lexicon_key(word.strip(QMARK), lang), lang + QMARK * (QMARK in word))
        if key not in best or _spelling_rank(word, lang, doc) < _spelling_rank(
            best[key][1], lang, doc
        ):
            best[key] = item
    return list(best.values())


def _spelling_rank(word: str, lang: str, doc: _Document) -> tuple[int, int]:
    """Lower is preferred: letters not seen intact, then the more usual letters.

    For U+FFFD from legacy bytes the text was written in an 8-bit charset, so letters
    that more charsets have are more likely (Romanian cedilla letters, not comma ones);
    otherwise the letter listed first for the language (the standard form) wins.
    """
    order = _expand(recover_data.LANGUAGE_LETTERS.get(lang, ""))
    extra = [c.lower() for c in word if ord(c) > 127]
    unseen = sum(1 for c in extra if c not in doc.letters)
    if doc.legacy_bytes:
        return unseen, -sum(_charset_count(c) for c in extra)
    position = sum(order.index(c) if c in order else len(order) for c in extra)
    return unseen, position


@functools.cache
def _charset_count(letter: str) -> int:
    """In how many of the lossy charsets ``letter`` exists.

    >>> _charset_count("\u015f") > _charset_count("\u0219")
    True
    """
    return sum(1 for cs in recover_data.LOSSY_CHARSETS if letter in charset_repertoire(cs))


def _wants_title(text: str, start: int, token: str, word: str, lang: str) -> bool:
    """Should a word whose first letter was lost start with a capital?

    At the start of a sentence, yes; after a capitalised word (a run of names), yes
    unless the word is a common lower-case word.
    """
    if not word[:1].islower():
        return False
    if _sentence_start(text, start) or _in_name_line(text, start, start + len(token)):
        return True
    if _previous_capitalised(text, start):
        return word_zipf(word, lang) < thresholds.MIN_COMMON_WORD_ZIPF
    return False


def _in_name_line(text: str, start: int, end: int) -> bool:
    """True when every other word of the line around ``start:end`` is capitalised (a
    name, an address, a heading)."""
    reach = _LINE_WINDOW_CHARS
    lo = max(text.rfind("\n", max(0, start - reach), start) + 1, start - reach)
    hi = text.find("\n", end, end + reach)
    hi = hi if hi != -1 else end + reach
    rest = text[lo:start] + " " + text[end:hi]
    words = [w for w in re.findall(r"[\w?\ufffd]{3,}", rest) if w.isalpha()]
    return len(words) >= 1 and all(not w[0].islower() for w in words)


def _upper_first(word: str, lang: str) -> str:
    """``word`` with a capital first letter (Turkish ``i`` becomes dotted ``İ``).

    >>> _upper_first("istanbul", "tr"), _upper_first("ørsted", "da")
    ('İstanbul', 'Ørsted')
    """
    first = word[0]
    if lang in ("tr", "az") and first == "i":
        return "\u0130" + word[1:]
    upper = first.upper()
    return (upper if len(upper) == 1 else first) + word[1:]


def _punctuation_readings(
    text: str, start: int, token: str, holes: list[_Hole], script: str, doc: _Document
) -> dict[int, float | None]:
    """Holes that may be a real ``?`` (or a lost quotation mark), with that reading's prior.

    A ``?`` ending a word reads as a question mark unless the sentence goes on in lower
    case (``na? jezik``); a ``?`` opening a word may be an opening mark unless it follows a
    word mid-sentence (``bilo ?e``). ``None`` means "only punctuation": a ``?`` right
    before a capital that starts a lower-case word (``?Tito``) is not a letter.
    """
    if script in _OTHER_QUESTION_MARK_SCRIPTS:
        return {}
    out: dict[int, float | None] = {}
    prior: float | None = thresholds.RECOVERY_QUESTION_MARK_PRIOR_ZIPF
    intact = sum(1 for c in token if c.isalpha())
    if intact >= thresholds.MIN_FOREIGN_WORD_LETTERS and _in_name_line(
        text, start, start + len(token)
    ):
        prior = 0.0  # a line of names and places asks no questions
    elif not doc.inner_damage:
        # No word of the text has lost a letter inside it: a ``?`` where a question mark
        # can stand is one.
        prior = None
    for i, h in enumerate(holes):
        if h.kind != QMARK:
            continue
        capital_next = h.start == 0 and len(token) > 2 and token[1].isupper()
        if capital_next and any(c.islower() for c in token[2:]):
            out[i] = None
            continue
        end = start + len(token)
        trailing = (
            h.end == len(token)
            and not _continues_lowercase(text, end)
            and text[end : end + 1] not in _NOT_AFTER_QUESTION_MARK
        )
        leading = (
            h.start == 0 and not _follows_word(text, start) and not _after_elision(text, start)
        )
        if trailing or leading:
            out[i] = prior
            if prior is None and _rare_bare(token, h, script, doc):
                # ``perch?`` in Italian: with a letter for the ``?`` it is a far more
                # common word than without, so the ``?`` may be that letter.
                out[i] = thresholds.RECOVERY_QUESTION_MARK_PRIOR_ZIPF
        elif prior is None and (h.start == 0 or h.end == len(token)):
            # Mid-sentence (``p? mjuka``, ``n? scene``) in a text that shows no other damage:
            # a question rarely goes on in lower case, so the word without the letter must be
            # far commoner than the filled word to stay.
            out[i] = thresholds.MID_SENTENCE_QUESTION_MARK_PRIOR_ZIPF
    return out


def _rare_bare(token: str, hole: _Hole, script: str, doc: _Document) -> bool:
    """True when ``token`` with a letter in its edge ``hole`` is a far more common word of
    the document's language than ``token`` without it (``perch?``: ``perché``, not
    ``perch``), so that the ``?`` is more likely a lost letter than a question mark.

    >>> doc = dataclasses.replace(
    ...     _EMPTY_DOCUMENT,
    ...     languages={"LATIN": ("it",)},
    ...     confident=frozenset({"LATIN"}),
    ...     charsets=("ascii",),
    ... )
    >>> _rare_bare("perch?", _Hole(5, 6, "?"), "LATIN", doc)
    True
    >>> _rare_bare("dove?", _Hole(4, 5, "?"), "LATIN", doc)
    False
    """
    langs = doc.languages.get(script, ())
    if script not in doc.confident or not langs:
        return False
    bare = token[: hole.start] + token[hole.end :]
    if QMARK in bare or REPLACEMENT in bare or len(bare) < thresholds.MIN_FOREIGN_WORD_LETTERS:
        return False
    if doc.words.get(bare.lower()):
        return False
    lang = langs[0]
    bare_zipf = word_zipf(bare, lang)
    filled = max(
        (
            word_zipf(token[: hole.start] + c + token[hole.end :], lang)
            for c in _with_case(_lost_letters(lang, hole, doc), "lower")
        ),
        default=0.0,
    )
    return filled >= bare_zipf + thresholds.MIN_LOST_LETTER_ZIPF_MARGIN


def _spelling_choices(
    token: str, holes: list[_Hole], choices: list[list[str]], marks: dict[int, float | None]
) -> list[list[str]]:
    """The letter choices a spelling guess may use.

    A spelling guess fills only holes that are surely letters: inside the word, U+FFFD
    anywhere, a ``?`` at the edge where punctuation cannot stand (``Mlinarevi?,``) or is
    not favoured (a line of names asks no questions). A ``?`` at the edge that may well be
    punctuation stays a ``?``.

    >>> _spelling_choices("ab?", [_Hole(2, 3, "?")], [["?", "c"]], {0: 0.5})
    [['?']]
    >>> _spelling_choices("ab?", [_Hole(2, 3, "?")], [["?", "c"]], {0: 0.0})
    [['c']]
    """
    out = []
    for i, options in enumerate(choices):
        edge = holes[i].start == 0 or holes[i].end == len(token)
        prior = marks.get(i, 0.0)
        favoured = i in marks and (prior is None or prior > 0)
        if favoured and holes[i].kind == QMARK and edge:
            out.append([QMARK])
        else:
            out.append([c for c in options if c != QMARK])
    return out


def _sigma_ok(word: str) -> bool:
    """Greek writes final sigma at the end of a word and medial sigma elsewhere.

    >>> _sigma_ok("κόσμος"), _sigma_ok("κλαςικής"), _sigma_ok("κόσμοσ")
    (True, False, False)
    """
    body = word.rstrip(QMARK)
    if "\u03c2" in body[:-1]:
        return False
    return not body.endswith("\u03c3")


def _may_be_apostrophe(token: str, hole: _Hole, doc: _Document) -> bool:
    """Can ``hole``, between two letters of ``token``, be a lost apostrophe (``don?t``)?

    The lost one is the typographic U+2019 (an ASCII ``'`` survives every charset): a
    ``?`` or a U+FFFD from legacy bytes stands for it, a run of U+FFFD only when its length
    fits the three bytes of its UTF-8 form.

    >>> doc = dataclasses.replace(_EMPTY_DOCUMENT, charsets=("latin-1",))
    >>> _may_be_apostrophe("don?t", _Hole(3, 4, "?"), doc)
    True
    >>> _may_be_apostrophe("?t", _Hole(0, 1, "?"), doc)
    False
    """
    if hole.start == 0 or hole.end >= len(token):
        return False
    if not (token[hole.start - 1].isalpha() and token[hole.end].isalpha()):
        return False
    if hole.kind == REPLACEMENT and doc.chunked:
        return _fits_utf8(APOSTROPHE, hole.end - hole.start)
    return True


def _letters_for(
    langs: tuple[str, ...], holes: list[_Hole], doc: _Document, pairs: bool = False
) -> list[set[str]]:
    """Per hole, the letters ``langs`` write that the damage could have lost (and, with
    ``pairs``, the letter pairs one U+FFFD can hide)."""
    per_hole: list[set[str]] = [set() for _ in holes]
    for lang in langs:
        for i, hole in enumerate(holes):
            per_hole[i] |= _lost_letters(lang, hole, doc)
            if pairs and hole.kind == REPLACEMENT:
                per_hole[i] |= _hidden_pairs(lang)
    return per_hole


@functools.cache
def _hidden_pairs(lang: str) -> frozenset[str]:
    """Pairs of ``lang``'s letters that a UTF-8 decoder replaces with ONE U+FFFD.

    In a legacy charset that writes the whole language, a letter whose byte is a UTF-8
    lead of a three-byte sequence (E0-EF) followed by a letter whose byte is a valid
    continuation for that lead is read as one broken sequence.

    >>> "\u011b\u017e" in _hidden_pairs("cs")
    True
    """
    letters = sorted(c for c in language_letters(lang) if ord(c) > 127)
    found: set[str] = set()
    for cs in recover_data.LEGACY_TEXT_CHARSETS:
        repertoire = charset_repertoire(cs)
        if not all(c in repertoire for c in letters):
            continue
        codes = {c: c.encode(cs)[0] for c in letters}
        for a in letters:
            lead = codes[a]
            if not 0xE0 <= lead <= 0xEF:
                continue
            low, high = (0x80, 0xBF)
            if lead == 0xE0:
                low = 0xA0  # E0 80..9F would be an overlong form
            elif lead == 0xED:
                high = 0x9F  # ED A0..BF would be a surrogate
            found.update(a + b for b in letters if low <= codes[b] <= high)
    return frozenset(found)


def _evidence_for(token: str, holes: list[_Hole], doc: _Document, script: str) -> list[set[str]]:
    """Per hole, letters that make the word match an accent-less copy in the document."""
    if script != "LATIN":
        return [set() for _ in holes]
    if any(h.kind == QMARK for h in holes):
        pool = _all_lost_latin(doc.charsets)
    elif not doc.chunked:
        pool = frozenset(c for c in _all_lost_latin(()) if ord(c) > 127)
    else:
        return [set() for _ in holes]
    return _evidence_letters(token, holes, doc, pool)


def _choose_by_spelling(
    token: str,
    pieces: list[str],
    choices: list[list[str]],
    holes: list[_Hole],
    lang: str,
    doc: _Document,
    min_share: float = thresholds.MIN_SPELLING_SHARE,
) -> _Choice | None:
    """For a word no lexicon knows (a name): the filling whose spelling is most typical,
    when its share of the likelihood reaches ``min_share``. The letters the document's
    confident recoveries wrote weigh in as in :func:`_fill_prior` (a Finnish text that
    lost ``ä`` forty times lost it in ``helsinkil?iskoteja`` too, not ``ö``)."""
    if lexicon_language(lang) not in LANGUAGES:
        return None
    scored: list[tuple[float, str]] = []
    fills: Iterable[tuple[str, ...]] = itertools.product(*choices)
    if math.prod(map(len, choices)) > thresholds.MAX_SPELLING_CANDIDATES:
        fills = _beam_fillings(pieces, choices, lang)
    for fill in fills:
        if not _consistent(fill, holes, doc) or not _regular_case(pieces, fill):
            continue
        word = pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True))
        ll = plausibility(word.strip(QMARK), lang)
        if doc.fills:
            ll += _fill_prior(token, holes, word, doc.fills) * math.log(10)
        scored.append((ll, word))
    if len(scored) < 2:
        return None
    top = max(ll for ll, _ in scored)
    total = sum(math.exp(ll - top) for ll, _ in scored)
    best_word = max(scored)[1]
    share = 1.0 / total
    if share < min_share:
        return None
    confidence = share * thresholds.MAX_SPELLING_CONFIDENCE
    return _Choice(best_word, confidence, f"{lang} spelling")


def _beam_fillings(pieces: list[str], choices: list[list[str]], lang: str) -> list[tuple[str, ...]]:
    """Fillings of a word with too many holes to try them all, hole by hole from the left,
    keeping the SPELLING_BEAM_WIDTH beginnings the letter model likes best.

    >>> _beam_fillings(["ab", "c"], [["x", "y"]], "en")[0] in (("x",), ("y",))
    True
    """
    beams: list[tuple[str, ...]] = [()]
    for k, options in enumerate(choices):
        scored = []
        for fill in beams:
            for letter in options:
                grown = (*fill, letter)
                start = pieces[0] + "".join(
                    f + p for f, p in zip(grown, pieces[1 : k + 2], strict=True)
                )
                scored.append((plausibility(start.replace(QMARK, ""), lang, whole=False), grown))
        scored.sort(key=lambda pair: -pair[0])
        beams = [fill for _, fill in scored[: thresholds.SPELLING_BEAM_WIDTH]]
    return beams


# ---------------------------------------------------------------------------------------
# The stem model: a word no lexicon lists, read through its lexicon relatives


@functools.lru_cache(maxsize=_CACHED_LETTER_MODELS)
def word_endings(lang: str) -> tuple[str, ...]:
    """The commonest endings (none, and one to MAX_STEM_ENDING_CHARS letters) of the
    MAX_ENDING_MODEL_WORDS most frequent words of ``lang``, commonest first: the endings an
    inflected word's relatives show (``-a``, ``-om``, ``-ima``).

    >>> endings = word_endings("hr")
    >>> "" in endings and "a" in endings and "ima" in endings
    True
    """
    size = thresholds.MAX_ENDING_MODEL_WORDS
    longest = thresholds.MAX_STEM_ENDING_CHARS
    counts: Counter[str] = Counter()
    for word, _band in itertools.islice(ranked_words(lexicon_language(lang)), size):
        if word.isalpha() and len(word) > thresholds.MIN_STEM_CHARS:
            counts.update(word[len(word) - n :] for n in range(longest + 1))
    return tuple(ending for ending, _ in counts.most_common(thresholds.MAX_STEM_ENDINGS))


def stem_support(word: str, first_cut: int, lang: str) -> float:
    """How common (the sum of their frequencies per billion words) the other words of
    ``lang`` are that begin with ``word`` cut at ``first_cut`` letters or more (at most
    MAX_STEM_CUTS cuts) and go on with one of :func:`word_endings`: the inflections of the
    word's stem.

    >>> stem_support("kazališni", 7, "hr") > 1.0, stem_support("kazalični", 7, "hr")
    (True, 0.0)
    """
    lex = lexicon_language(lang)
    if lex not in LANGUAGES:
        return 0.0
    table = frequency_table(lex)
    # Endings come from the lexicon, so they are in its key form already: the stem is put
    # in that form once, not each word made of it.
    key = lexicon_key(word, lang)
    if len(key) != len(word):
        return 0.0  # a letter that folds to two (``ß``): cuts would not line up
    endings = word_endings(lang)
    seen = {key}
    total = 0.0
    first = max(first_cut, thresholds.MIN_STEM_CHARS)
    for cut in range(first, min(len(key), first + thresholds.MAX_STEM_CUTS - 1) + 1):
        stem = key[:cut]
        for ending in endings:
            form = stem + ending
            if form in seen:
                continue
            seen.add(form)
            total += table.get(form, 0.0)
    return total * 1e9


def _choose_by_stem(
    token: str,
    pieces: list[str],
    choices: list[list[str]],
    holes: list[_Hole],
    lang: str,
    doc: _Document,
) -> _Choice | None:
    """For a word no lexicon lists whose spelling alone is not clear, but whose stem the
    lexicon knows (an inflection the list lacks: ``ogor?ila`` beside ``ogorčen``,
    ``ogorčeni``): each filling's letter-model likelihood (as in :func:`_choose_by_spelling`)
    times its share of the stem support (:func:`stem_support` from its last filled letter
    on, each filling counted STEM_SUPPORT_SMOOTHING more), when the total support reaches
    MIN_STEM_SUPPORT and the best filling takes MIN_STEM_SHARE of the product. A hole at the
    word's end has no stem past it: None."""
    if lexicon_language(lang) not in LANGUAGES or not pieces[-1]:
        return None
    fills: Iterable[tuple[str, ...]] = itertools.product(*choices)
    if math.prod(map(len, choices)) > thresholds.MAX_STEM_FILLINGS:
        fills = _beam_fillings(pieces, choices, lang)[: thresholds.MAX_STEM_FILLINGS]
    scored: list[tuple[float, float, str]] = []
    for fill in fills:
        if QMARK in fill or not _consistent(fill, holes, doc) or not _regular_case(pieces, fill):
            continue
        word = pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True))
        ll = plausibility(word, lang)
        if doc.fills:
            ll += _fill_prior(token, holes, word, doc.fills) * math.log(10)
        scored.append((ll, stem_support(word, len(word) - len(pieces[-1]), lang), word))
    total = sum(support for _, support, _ in scored)
    if len(scored) < 2 or total < thresholds.MIN_STEM_SUPPORT:
        return None
    smoothing = thresholds.STEM_SUPPORT_SMOOTHING
    combined = [
        (ll + math.log((support + smoothing) / (total + smoothing * len(scored))), word)
        for ll, support, word in scored
    ]
    top, best_word = max(combined)
    share = 1.0 / sum(math.exp(c - top) for c, _ in combined)
    if share < thresholds.MIN_STEM_SHARE:
        return None
    return _Choice(best_word, share * thresholds.MAX_SPELLING_CONFIDENCE, f"{lang} stem")


# ---------------------------------------------------------------------------------------
# The stage


def _candidate_tokens(text: str, tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    out = []
    for m in tokens:
        tok = m.group()
        if QMARK not in tok and REPLACEMENT not in tok:
            continue
        if len(tok) > thresholds.MAX_RECOVERY_TOKEN_CHARS:
            continue
        if any(c.isdigit() or c == "_" for c in tok):
            continue
        if (
            not any(c.isalpha() for c in tok)
            and not _lone_marks(tok)
            and (QMARK in tok or len(tok) > 3)
        ):
            continue
        start, end = m.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if QMARK in tok and (before in _CODE_NEIGHBOURS or after in _CODE_NEIGHBOURS):
            continue  # a ``?`` in a URL or code is syntax (U+FFFD never is)
        if QMARK in tok and before == "." and start >= 2 and text[start - 2].isalnum():
            continue  # x.y?z: a member access or a host name
        out.append(m)
    return out


def _vote_languages(text: str, damaged: list[re.Match[str]], doc: _Document) -> _Document:
    """Tell the language from the damaged words themselves when the intact ones cannot.

    A short text (a name, an address, a sentence whose every accented word is damaged)
    has too few intact words. Each damaged word is then read against every language's
    lexicon; every plausible reading votes for its language with its share, the intact
    words vote through the short lexicons of the leading languages, and the winners are
    used as if the intact words had named them.
    """
    votes: dict[str, dict[str, float]] = {}
    seen: dict[tuple[str, tuple[bool, ...]], dict[str, float]] = {}
    for m in itertools.islice(damaged, thresholds.MAX_LANGUAGE_VOTE_WORDS):
        token = m.group()
        letters = [script_of(c) for c in token if c.isalpha()]
        if len(letters) < thresholds.MIN_LANGUAGE_VOTE_LETTERS:
            continue  # short words exist in too many languages to vote
        if letters[0] in doc.confident or letters[0] not in _NAME_SCRIPTS:
            continue
        holes = _holes(token, doc.chunked)
        if not holes or len(holes) > thresholds.MAX_RECOVERY_HOLES:
            continue
        key = (token, _context(text, m.start(), m.end()))
        readings = seen.get(key)
        if readings is None:
            # A repeated word in the same context reads the same: weighed once, votes again.
            readings = seen[key] = {}
            _choose(text, m.start(), token, holes, doc, readings)
        tally = votes.setdefault(letters[0], {})
        for lang, share in readings.items():
            tally[lang] = tally.get(lang, 0.0) + share
    latin_damage = any(
        script_of(c) == "LATIN" for m in damaged for c in m.group() if c.isalpha()
    ) or any(not m.group().strip(QMARK + REPLACEMENT) for m in damaged)
    if latin_damage and "LATIN" not in doc.confident:
        # The intact words vote too, each word once, its vote shared among the languages
        # whose short lexicon knows it (``fekete``: Hungarian alone; ``anna``: everyone):
        # for the languages the damaged words were read in, or alone when none could be,
        # or for a language whose intact words (two or more) alone outweigh every damaged
        # word's reading (``arhitekt?ra`` reads as Latvian, but ``hogyan`` and
        # ``csomagokat`` are Hungarian; one surname does not overrule ``Ren?``).
        tally = votes.setdefault("LATIN", {})
        best = max(tally.values(), default=0.0)
        floor = best * thresholds.MIN_LANGUAGE_SCORE_RATIO / 2
        leaders = {lang for lang, v in tally.items() if v >= floor}
        for lang, share in _intact_word_votes(doc).items():
            vote = share * thresholds.LANGUAGE_VOTE_PER_KNOWN_WORD
            outvotes = vote > best and vote >= thresholds.MIN_INTACT_VOTES_TO_OVERRULE
            if not leaders or lang in leaders or outvotes:
                tally[lang] = tally.get(lang, 0.0) + vote
    votes = {script: tally for script, tally in votes.items() if tally}
    if not votes:
        return doc
    languages = dict(doc.languages)
    confident = set(doc.confident)
    for script, tally in votes.items():
        # A language must write the letters the text shows intact (``ő``: not Latvian).
        fitting = set(_fallback_languages(script, doc))
        tally = {
            lang: v
            for lang, v in tally.items()
            if lang in fitting and not _stray_letters(lang, doc.letters)
        }
        if not tally or max(tally.values()) < thresholds.MIN_LANGUAGE_VOTE_CONFIDENCE:
            continue
        ranked = sorted(tally, key=lambda lang: -tally[lang])[: thresholds.MAX_RECOVERY_LANGUAGES]
        languages[script] = tuple(ranked)
        confident.add(script)
    return dataclasses.replace(doc, languages=languages, confident=frozenset(confident))


def _stray_letters(lang: str, letters: frozenset[str]) -> bool:
    """Some Latin letter of ``letters`` (lower case) is one ``lang`` writes only in stray
    loanwords (``ü`` in French), so a text showing it intact is not ``lang``'s (a text of a
    language with no lexicon, Azerbaijani ``küç?si``, must not take French letters).

    >>> _stray_letters("fr", frozenset("ü")), _stray_letters("tr", frozenset("ü"))
    (True, False)
    >>> _stray_letters("es", frozenset("ü")), _stray_letters("fr", frozenset("éç"))
    (False, False)
    """
    if lexicon_language(lang) not in LANGUAGES:
        return False
    grams = letter_model(lang)
    total = grams.get("", 0)
    if not total:
        return False
    return any(
        script_of(c) == "LATIN" and grams.get(c, 0) / total < thresholds.MIN_INTACT_LETTER_SHARE
        for c in letters
    )


@functools.cache
def _spelling_profile(lang: str) -> dict[str, int]:
    """Letter n-grams of ``lang``'s commonest words: a small :func:`letter_model` that tells
    languages apart by their spelling (``-dóttir`` is Icelandic, ``-ová`` Czech or Slovak).

    >>> grams = _spelling_profile("is")
    >>> grams["tti"] > grams.get("ttí", 0)
    True
    """
    return _count_grams(lang, thresholds.SPELLING_PROFILE_WORDS, thresholds.SPELLING_PROFILE_ORDER)


def _spell_language(damaged: list[re.Match[str]], doc: _Document) -> _Document:
    """Tell the language of a Latin text that neither its stop words nor its words' lexicons
    tell (a line of names) by how its words are spelled.

    Every language that writes the text's intact letters and has a lost letter for each
    hole of the damaged words weighs the intact words and the damaged words' likeliest
    fillings with its spelling profile; a language that leads the next one by a clear
    margin becomes the text's language.
    """
    if "LATIN" in doc.confident:
        return doc
    tokens = [
        m.group()
        for m in damaged
        if any(c.isalpha() for c in m.group())
        and all(script_of(c) == "LATIN" for c in m.group() if c.isalpha())
    ][: thresholds.MAX_SPELLING_VOTE_WORDS]
    pieces_holes = []
    for token in tokens:
        holes = _holes(token, doc.chunked)
        if 0 < len(holes) <= thresholds.MAX_SPELLING_VOTE_HOLES:
            pieces_holes.append(([p.lower() for p in _split(token, holes)], holes))
    if not pieces_holes:
        return doc
    intact = [
        w
        for w, _ in doc.words.most_common(thresholds.MAX_SPELLING_VOTE_WORDS)
        if len(w) >= thresholds.MIN_VOTING_WORD_LETTERS and script_of(w[0]) == "LATIN"
    ]
    seen = frozenset(c for c in doc.letters if script_of(c) == "LATIN")
    leader = _spelling_leader(intact, pieces_holes, seen, doc)
    if not leader:
        return doc
    languages = {**doc.languages, "LATIN": (leader,)}
    return dataclasses.replace(doc, languages=languages, confident=doc.confident | {"LATIN"})


def _spelling_leader(
    intact: list[str],
    pieces_holes: list[tuple[list[str], list[_Hole]]],
    seen: frozenset[str],
    doc: _Document,
) -> str:
    """The Latin language whose spelling profile best explains the ``intact`` words and the
    likeliest fillings of the damaged words (their lower-case pieces and holes), among
    those that write the ``seen`` letters and have a lost letter for every hole; ``""``
    unless it leads the next one by MIN_SPELLING_LANGUAGE_MARGIN."""
    order = thresholds.SPELLING_PROFILE_ORDER
    totals: dict[str, float] = {}
    for lang in _latin_languages():
        if lexicon_language(lang) not in LANGUAGES or not seen <= language_letters(lang):
            continue
        fillings = [
            [sorted({c.lower() for c in _lost_letters(lang, h, doc)}) for h in holes]
            for _, holes in pieces_holes
        ]
        if not all(all(options) for options in fillings):
            continue  # the language has no letter this text could have lost there
        grams = _spelling_profile(lang)
        total = sum(_log_likelihood(lexicon_key(w, lang), grams, order) for w in intact)
        for (pieces, _), options in zip(pieces_holes, fillings, strict=True):
            total += max(
                _log_likelihood(
                    lexicon_key(
                        pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True)),
                        lang,
                    ),
                    grams,
                    order,
                )
                for fill in itertools.product(*options)
            )
        totals[lang] = total
    if len(totals) < 2:
        return ""
    ranked = sorted(totals, key=lambda lang: -totals[lang])
    if totals[ranked[0]] - totals[ranked[1]] < thresholds.MIN_SPELLING_LANGUAGE_MARGIN:
        return ""
    return ranked[0]


def _intact_word_votes(doc: _Document) -> dict[str, float]:
    """Each Latin language's share of the document's intact words: a word known to the
    short lexicons of ``k`` languages gives each of them ``1 / k``.

    >>> doc = dataclasses.replace(_EMPTY_DOCUMENT, words=Counter(["hogyan", "anna"]))
    >>> votes = _intact_word_votes(doc)
    >>> max(votes, key=votes.get)
    'hu'
    """
    votes: dict[str, float] = {}
    languages = _latin_languages()
    sample = [w for w, _ in doc.words.most_common(thresholds.MAX_TIE_BREAK_WORDS)]
    for word in sample:
        if len(word) < thresholds.MIN_VOTING_WORD_LETTERS or script_of(word[0]) != "LATIN":
            continue
        knowers = [lang for lang in languages if word in short_lexicon(lang)]
        for lang in knowers:
            votes[lang] = votes.get(lang, 0.0) + 1.0 / len(knowers)
    return votes


def _context(text: str, start: int, end: int) -> tuple[bool, ...]:
    """What, around a damaged word, can change how it is read (the cache key)."""
    return (
        _sentence_start(text, start),
        _previous_capitalised(text, start),
        _continues_lowercase(text, end),
        _follows_word(text, start),
    )


def recover_text(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Restore lost letters in ``text``; returns the text and one step per recovered word.

    Step positions: ``line`` is 1-based, ``start``/``end`` are code-point offsets of the
    damaged word in ``text``.

    >>> recover_text("Genocid je zlo?in iznad svih zlo?ina.", CleanOptions())[0]
    'Genocid je zločin iznad svih zločina.'
    >>> recover_text("What? Why?Because a ? b", CleanOptions())[0]
    'What? Why?Because a ? b'
    """
    if not _may_be_damaged(text):
        return text, []
    if len(text) >= thresholds.MIN_CHARS_FOR_DAMAGE_GATE and not _has_letter_damage(text):
        return text, []
    space_steps: list[Step] = []
    if REPLACEMENT in text and _LOST_NBSP_RE.search(text) and not _has_intact_letters(text):
        # Legacy bytes: the no-break spaces first, so that ``3\ufffdM\ufffdrz`` is a number
        # and a word to recover, not one token with a digit.
        text, space_steps = _restore_lost_nbsp(text)
    tokens = list(_TOKEN_RE.finditer(text))
    damaged = _candidate_tokens(text, tokens)
    if not damaged:
        return text, space_steps
    doc = _analyse(text, tokens, options)
    per_letter = _per_letter_scripts(damaged)
    if per_letter:
        damaged = [m for m in damaged if _word_script(m.group(), doc.main_script) not in per_letter]
    if not damaged:
        return text, space_steps
    doc = _vote_languages(text, damaged, doc)
    doc = _spell_language(damaged, doc)
    if doc.legacy_bytes and doc.main_script in doc.confident:
        doc = dataclasses.replace(doc, legacy_charsets=_writing_charsets(doc))
    if (
        doc.chunked
        and "LATIN" in doc.confident
        and doc.words.total() >= thresholds.MIN_WORDS_FOR_LONE_LOST_LETTERS
    ):
        doc = dataclasses.replace(doc, lone_letters=True)
    # Weighed without the document's own words: a word with a lost letter is never intact
    # in the text, so the bare word (``to``, intact elsewhere) would always win over it.
    lexicon_only = dataclasses.replace(doc, words=Counter(), folded=Counter())

    def reads_as_quote(word: str, opening: bool) -> bool:
        """The word is clearly better without the ``?`` than with it as a lost letter
        (``to`` is barely commoner than ``što``: the ``?`` is more likely its letter). A
        one-letter fragment (``?T?ch``) is too short to ask for a lead."""
        scripts = [script_of(c) for c in word if c.isalpha()]
        script = scripts[0] if scripts else doc.main_script
        if script == "ARABIC":
            # Its quotation marks are guillemets, and a ``?`` at its edge may as well be a
            # letter its charset lacked (Persian ``چ`` and ``ی`` in ISO 8859-6).
            return False
        langs = doc.languages.get(script, ())
        hole = _Hole(0, 1, QMARK)
        letters: set[str] = set()
        for lang in langs:
            letters |= _lost_letters(lang, hole, doc)
        lower = _with_case(letters, "lower")

        def best(candidate: str) -> float:
            """The score of ``candidate`` with its inner ``?`` filled at best."""
            inner = candidate.count(QMARK)
            if not inner:
                return _score(candidate, langs, lexicon_only, script)[0]
            if len(lower) ** inner > thresholds.MAX_QUOTE_WORD_FILLINGS:
                return 0.0
            pieces = candidate.split(QMARK)
            return max(
                (
                    _score(
                        pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True)),
                        langs,
                        lexicon_only,
                        script,
                    )[0]
                    for fill in itertools.product(lower, repeat=inner)
                ),
                default=0.0,
            )

        def spelled(candidate: str) -> float:
            """The letter-model log-likelihood of ``candidate`` with its inner ``?`` filled
            at best (``-inf`` when there are too many fillings to try)."""
            inner = candidate.count(QMARK)
            if len(lower) ** inner > thresholds.MAX_QUOTE_WORD_FILLINGS:
                return -math.inf
            pieces = candidate.split(QMARK)
            return max(
                (
                    plausibility(
                        pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True)),
                        langs[0],
                    )
                    for fill in itertools.product(lower, repeat=inner)
                ),
                default=-math.inf,
            )

        bare = best(word)
        variants = [c + word if opening else word + c for c in letters]
        if bare <= 0:
            # No lexicon knows the word: its spelling must be clearly better without the
            # letter than with any (``?üyeli?iyle?``: no Turkish word starts ``şü``).
            if not langs or any(best(v) > 0 for v in variants):
                return False
            return (
                spelled(word) - max(map(spelled, variants), default=-math.inf)
                >= thresholds.MIN_QUOTE_SPELLING_LEAD_NATS
            )
        for filled in variants:
            lead = thresholds.MIN_QUOTE_WORD_LEAD_ZIPF if len(word) > 1 else 0.0
            if best(filled) >= bare - lead:
                return False
        return True

    lang = (doc.languages.get(doc.main_script) or ("",))[0]
    marks = recover_data.QUOTATION_MARKS.get(lang, recover_data.DEFAULT_QUOTATION_MARKS)
    # A repeated word is weighed once (a page of the same quoted word stays linear and cheap).
    weighed: dict[tuple[str, bool], bool] = {}

    def reads_as_quote_once(word: str, opening: bool) -> bool:
        if (word, opening) not in weighed:
            weighed[(word, opening)] = reads_as_quote(word, opening)
        return weighed[(word, opening)]

    text, quote_steps = _restore_quotation_marks(text, reads_as_quote_once, marks)
    if (
        doc.legacy_bytes
        and lang in recover_data.SPACED_PUNCTUATION_LANGUAGES
        and "LATIN" in doc.confident
    ):
        text, spacing_steps = _restore_spaced_punctuation(text, lang)
        quote_steps = sorted(quote_steps + spacing_steps, key=lambda s: s.start or 0)
    if _LOST_CLOSING_MARK_RE.search(text):
        text, closing_steps = _restore_closing_marks(text, marks[1])
        quote_steps = sorted(quote_steps + closing_steps, key=lambda s: s.start or 0)
    if doc.inner_damage and _LOST_OPENING_MARK_RE.search(text):
        text, opening_steps = _restore_opening_marks(text, marks[0])
        quote_steps = sorted(quote_steps + opening_steps, key=lambda s: s.start or 0)
    if quote_steps:
        tokens = list(_TOKEN_RE.finditer(text))
        damaged = _candidate_tokens(text, tokens)
    recovered, steps = _recover_words(text, damaged, doc, options)
    if doc.legacy_bytes and "LATIN" in doc.confident and _LOST_ORDINAL_RE.search(text):
        recovered, ordinal_steps = _restore_ordinals(text, recovered, steps, lang)
        steps = sorted(steps + ordinal_steps, key=lambda s: s.start or 0)
    if space_steps:
        steps = sorted(steps + space_steps, key=lambda s: s.start or 0)
    if not quote_steps:
        return recovered, steps
    return recovered, sorted(quote_steps + steps, key=lambda s: s.start or 0)


# A U+FFFD from legacy bytes between a number and a word (two letters, or a letter and
# another U+FFFD; not a lone capital, which may follow a lost degree sign) or a percent
# sign: every 8-bit Latin charset writes the no-break space as A0, which UTF-8 cannot start
# a character with (``1\ufffdAugust``, ``5\ufffd%``). Fixed width: linear.
_LOST_NBSP_RE = re.compile(r"(?<=\d)\ufffd(?=[^\W\d_][^\W\d_\ufffd]|[^\W\d_]\ufffd|%)")


# French spacing lost in legacy bytes: two U+FFFD opening a word after a space, a bracket or
# the line's start (``«`` and a no-break space), two closing a word before a space,
# punctuation or the end (a no-break space and ``»``), and one between a word and ``?``, ``!``,
# ``:`` or ``;`` (a no-break space). Fixed width: linear.
_LOST_OPENING_GUILLEMET_RE = re.compile(r"(?<![^\s(\[])\ufffd\ufffd(?=[^\W\d_])")
_LOST_CLOSING_GUILLEMET_RE = re.compile(r"(?<=[^\s\ufffd])\ufffd\ufffd(?=[\s.,;:)]|\Z)")
_LOST_SPACE_BEFORE_MARK_RE = re.compile(r"(?<=[^\W\d_])\ufffd(?=[?!:;](?:[\s\ufffd]|\Z))")


def _restore_spaced_punctuation(text: str, lang: str) -> tuple[str, list[Step]]:
    """In legacy bytes of a language that spaces its punctuation (French), the guillemets
    and no-break spaces lost to U+FFFD come back. A U+FFFD before ``?`` after a word is a
    no-break space only when the word is commoner in ``lang`` than the word with any lost
    letter at its end (``fini\ufffd?``, not ``fatigu\ufffd?``).

    >>> _restore_spaced_punctuation("\ufffd\ufffdFini\ufffd?\ufffd\ufffd dit-il.", "fr")[0]
    '«\xa0Fini\xa0?\xa0» dit-il.'
    >>> _restore_spaced_punctuation("Il est fatigu\ufffd? Il a agr\ufffd\ufffd.", "fr")[0]
    'Il est fatigu\ufffd? Il a agr\ufffd\ufffd.'
    """
    opening, closing = recover_data.GUILLEMETS[0], recover_data.GUILLEMETS[1]
    found: list[tuple[int, int, str]] = []
    # Guillemets come in pairs on one line (two lost letters may end a word: ``agr\ufffd\ufffd``).
    ends = [(m.start(), m.end(), True) for m in _LOST_OPENING_GUILLEMET_RE.finditer(text)]
    ends += [(m.start(), m.end(), False) for m in _LOST_CLOSING_GUILLEMET_RE.finditer(text)]
    pending: tuple[int, int] | None = None
    for start, end, is_opening in sorted(ends):
        if is_opening:
            pending = (start, end)
        elif pending is not None and "\n" not in text[pending[1] : start]:
            found.append((*pending, opening + "\u00a0"))
            found.append((start, end, "\u00a0" + closing))
            pending = None
    letters = _with_case(language_letters(lang), "lower")
    for m in _LOST_SPACE_BEFORE_MARK_RE.finditer(text):
        word = _WORD_BEFORE_RE.search(
            text, max(0, m.start() - thresholds.MAX_RECOVERY_TOKEN_CHARS), m.start()
        )
        if word is None:
            continue
        bare = word_zipf(word.group(), lang)
        if bare > 0 and all(word_zipf(word.group() + c, lang) < bare for c in letters):
            found.append((m.start(), m.end(), "\u00a0"))
    if not found:
        return text, []
    found.sort()
    out: list[str] = []
    steps: list[Step] = []
    prev = 0
    line = 1
    for start, end, mark in found:
        if start < prev:
            continue
        line += text.count("\n", prev, start)
        out.append(text[prev:start])
        out.append(mark)
        steps.append(
            _mark_step(
                "spaced punctuation",
                line,
                start,
                end,
                text[start:end],
                mark,
                thresholds.QUOTE_PAIR_CONFIDENCE,
            )
        )
        prev = end
    out.append(text[prev:])
    return "".join(out), steps


# A U+FFFD right after a number and before a space and a word (``2\ufffd Se\ufffd\ufffdo``).
# Fixed width: linear.
_LOST_ORDINAL_RE = re.compile(r"(?<=\d)\ufffd(?= [^\W\d_])")
_NEXT_WORD_RE = re.compile(r" ([^\W\d_]+)")


def _restore_ordinals(
    text: str, recovered: str, steps: list[Step], lang: str
) -> tuple[str, list[Step]]:
    """In legacy bytes of a language that writes ordinal indicators, a U+FFFD between a
    number and a word is one: feminine (``ª``) before a word with a feminine ending (read
    in ``recovered``, the text with its words recovered), else masculine (``º``). ``steps``
    are the recovery's steps (offsets into ``text``), which say where the mark now stands.

    >>> text = "Rua 5, 2\ufffd Se\ufffd\ufffdo, 1\ufffd andar"
    >>> recovered = "Rua 5, 2\ufffd Seção, 1\ufffd andar"
    >>> _restore_ordinals(text, recovered, [], "pt")[0]
    'Rua 5, 2ª Seção, 1º andar'
    """
    endings = recover_data.FEMININE_ENDINGS.get(lang)
    if not endings:
        return recovered, []
    feminine, masculine = recover_data.ORDINAL_INDICATORS[0], recover_data.ORDINAL_INDICATORS[1]
    shifts = sorted(
        (s.start, len(s.after) - len(s.before))
        for s in steps
        if s.start is not None and s.before is not None and s.after is not None
    )
    chars = list(recovered)
    out: list[Step] = []
    shift = 0
    k = 0
    for line, m in _numbered_matches(_LOST_ORDINAL_RE, text):
        while k < len(shifts) and shifts[k][0] < m.start():
            shift += shifts[k][1]
            k += 1
        at = m.start() + shift
        if recovered[at : at + 1] != REPLACEMENT:
            continue
        word = _NEXT_WORD_RE.match(recovered, at + 1)
        if word is None or REPLACEMENT in recovered[word.end() : word.end() + 1]:
            continue
        mark = feminine if word.group(1).lower().endswith(endings) else masculine
        chars[at] = mark
        out.append(
            _mark_step(
                "ordinal indicator",
                line,
                m.start(),
                m.end(),
                REPLACEMENT,
                mark,
                thresholds.LOST_NBSP_CONFIDENCE,
            )
        )
    return "".join(chars), out


def _word_script(token: str, main_script: str) -> str:
    """The script of ``token``'s first letter, or ``main_script`` when it has none.

    >>> _word_script("zlo?in", "CYRILLIC"), _word_script("\ufffd\ufffd", "GREEK")
    ('LATIN', 'GREEK')
    """
    for c in token:
        if c.isalpha():
            return script_of(c)
    return main_script


def _per_letter_scripts(damaged: list[re.Match[str]]) -> frozenset[str]:
    """The non-Latin scripts whose words show a lone U+FFFD between two of their letters.

    A cut UTF-8 character of those alphabets leaves two U+FFFD or more, never one: a lone
    one says the document lost one U+FFFD per letter (a lossy mojibake repair). Such words
    are left to :func:`cleaner.recover_script.recover_scripts`, which knows that rule and
    weighs the whole document's evidence; read here, a run would be taken for one letter.

    >>> words = list(re.finditer(r"\\S+", "\u043a\u043e\ufffd\u0430 zlo\ufffdin"))
    >>> sorted(_per_letter_scripts(words))
    ['CYRILLIC']
    >>> _per_letter_scripts(list(re.finditer(r"\\S+", "\u043a\u043e\ufffd\ufffd\u0430")))
    frozenset()
    """
    found: set[str] = set()
    for m in damaged:
        token = m.group()
        for k in range(1, len(token) - 1):
            if token[k] == REPLACEMENT and token[k - 1].isalpha() and token[k + 1].isalpha():
                script = script_of(token[k - 1])
                if script != "LATIN" and script == script_of(token[k + 1]):
                    found.add(script)
    return frozenset(found)


def _has_intact_letters(text: str) -> bool:
    """True when ``text`` has a non-ASCII letter (then its U+FFFD come from cut UTF-8, not
    from legacy bytes).

    >>> _has_intact_letters("3\ufffdM\ufffdrz"), _has_intact_letters("3\ufffdMärz")
    (False, True)
    """
    return any(ord(c) > 127 and c.isalpha() for c in text)


def _numbered_matches(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each match of ``pattern`` in ``text`` with its 1-based line number (one scan).

    >>> [(n, m.group()) for n, m in _numbered_matches(re.compile("x"), "ax\\nb\\nxx")]
    [(1, 'x'), (3, 'x'), (3, 'x')]
    """
    line, seen = 1, 0
    for m in pattern.finditer(text):
        line += text.count("\n", seen, m.start())
        seen = m.start()
        yield line, m


def _mark_step(
    detail: str, line: int, start: int, end: int, before: str, after: str, confidence: float
) -> Step:
    """The step of a lost mark (not a letter) put back: a no-break space, a guillemet, an
    ordinal indicator."""
    return Step(
        Stage.RECOVER,
        "recover",
        Reason.LOSSY_REPLACEMENT,
        detail=detail,
        line=line,
        start=start,
        end=end,
        before=before,
        after=after,
        confidence=confidence,
    )


def _restore_lost_nbsp(text: str) -> tuple[str, list[Step]]:
    """Every U+FFFD between a number and a word (or ``%``) becomes a no-break space.

    >>> _restore_lost_nbsp("closed on 1\ufffdAugust, 5\ufffd% off, 2\ufffd x")[0]
    'closed on 1\xa0August, 5\xa0% off, 2\ufffd x'
    """
    steps: list[Step] = []
    for line, m in _numbered_matches(_LOST_NBSP_RE, text):
        steps.append(
            _mark_step(
                "no-break space",
                line,
                m.start(),
                m.end(),
                REPLACEMENT,
                "\u00a0",
                thresholds.LOST_NBSP_CONFIDENCE,
            )
        )
    return _LOST_NBSP_RE.sub("\u00a0", text), steps


def _recover_words(
    text: str, damaged: list[re.Match[str]], doc: _Document, options: CleanOptions
) -> tuple[str, list[Step]]:
    """Write back the confident recoveries of ``damaged``, with their steps."""
    words = [m for m in damaged if not _lone_marks(m.group()) and not _left_to_scripts(m.group())]
    found = _recover_tokens(text, words, doc, options)
    inner = sum(1 for m, _ in found if QMARK in m.group().strip(QMARK))
    if inner >= thresholds.MIN_LOSSY_EVIDENCE_WORDS:
        # The text has demonstrably lost letters: a lone ``?`` between two lower-case
        # words is one more (``relative ? l'entrée``).
        lone = [m for m in damaged if _lone_marks(m.group()) and _between_words(text, m)]
        found.extend(_recover_tokens(text, lone, doc, options))
    lang = (doc.languages.get("LATIN") or ("",))[0]
    if lang in recover_data.ELIDING_LANGUAGES:
        # In a language that elides, a lone mark after an elided word and before a space
        # is a lost one-letter word that begins with a vowel (``com'?`` is ``com'è``,
        # ``jusqu'?`` is ``jusqu'à``): an elided word never ends a question.
        taken = {m.start() for m, _ in found}
        elided = [
            m
            for m in damaged
            if m.group() == QMARK
            and m.start() not in taken
            and _after_elision(text, m.start())
            and text[m.end() : m.end() + 1] == " "
        ]
        found.extend(_recover_tokens(text, elided, doc, options))
        found.sort(key=lambda pair: pair[0].start())
    if found and "LATIN" in doc.confident:
        # A text that lost letters lost its dashes too: a lone mark between spaces that no
        # letter explained stood for the language's spaced dash (``42 ? don’t``).
        # A one-letter word of another language (``ő`` in English), or with a letter the
        # language does not write, is no reading of a lone mark.
        lang = (doc.languages.get("LATIN") or ("",))[0]
        own = language_letters(lang)
        found = [
            (m, c)
            for m, c in found
            if any(ch.isalpha() for ch in m.group())
            or (c.language == lang and all(ch in own for ch in c.word if ord(ch) > 127))
        ]
        taken = {m.start() for m, _ in found}
        dash = recover_data.SPACED_DASHES.get(lang, recover_data.DEFAULT_SPACED_DASH)
        found.extend(
            (m, _Choice(dash, thresholds.LOST_DASH_CONFIDENCE, "dash"))
            for m in damaged
            if m.start() not in taken and _spaced_mark(text, m)
        )
    if not found:
        return text, []
    found.sort(key=lambda pair: pair[0].start())
    out: list[str] = []
    steps: list[Step] = []
    prev = 0
    line = 1
    line_pos = 0
    for m, choice in found:
        token = m.group()
        start, end = m.span()
        line += text.count("\n", line_pos, start)
        line_pos = start
        out.append(text[prev:start])
        out.append(choice.word)
        prev = end
        reason = Reason.LOSSY_QMARK if QMARK in token else Reason.LOSSY_REPLACEMENT
        steps.append(
            Step(
                Stage.RECOVER,
                "recover",
                reason,
                detail=choice.language,
                line=line,
                start=start,
                end=end,
                before=token,
                after=choice.word,
                confidence=round(choice.confidence, 4),
            )
        )
    out.append(text[prev:])
    return "".join(out), steps


# Quotation marks: a ``?`` opening a word after a space, and a later ``?`` closing a word
# before a space or punctuation, on the same line. Used only when the text has no intact
# curly quotation mark (then its quotation marks were not lost).
_CURLY_QUOTES = frozenset("\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb")
# The ASCII quotation mark: no charset loses it.
ASCII_QUOTE = '"'
_QUOTE_BEFORE_OPENING = frozenset(" \t\n([")
_QUOTE_AFTER_CLOSING = frozenset(" \t\n,.;:)!")
_QMARK_OR_NEWLINE_RE = re.compile(r"[?\n]")
# The word after an opening mark and before a closing one, with the ``?`` inside it that
# stood for its own lost letters (``?üyeli?iyle?``). Each ``?`` separates runs of letters:
# linear after, and searched in a window of MAX_RECOVERY_TOKEN_CHARS before.
_WORD_AFTER_RE = re.compile(r"[^\W\d_]+(?:\?[^\W\d_]+)*")
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+(?:\?[^\W\d_]+)*\Z")


# A ``?`` between a comma and a space: a question mark never follows a comma, so it is a
# lost closing quotation mark (``„Pojďme,? řekl``). Fixed width: linear.
_LOST_CLOSING_MARK_RE = re.compile(r"(?<=,)\?(?=[ \t])")


def _quote_step(line: int, start: int, end: int, mark: str) -> Step:
    """The step of a ``?`` that stood for a lost quotation ``mark``."""
    return Step(
        Stage.RECOVER,
        "recover",
        Reason.LOSSY_QMARK,
        detail="quotation mark",
        line=line,
        start=start,
        end=end,
        before=QMARK,
        after=mark,
        confidence=thresholds.QUOTE_PAIR_CONFIDENCE,
    )


# A ``?`` opening a line or following a space or bracket, before a capitalised word
# (``?Tito mladíci``): no question mark opens a word, and no lost capital letter comes
# before another capital, so in a text that lost letters it was an opening quotation mark.
# Fixed width: linear.
_LOST_OPENING_MARK_RE = re.compile(r"(?:^|(?<=[\n \t(\[]))\?(?=[^\W\d_]{2})")


def _restore_opening_marks(text: str, mark: str) -> tuple[str, list[Step]]:
    """Every ``?`` opening a capitalised word becomes the opening quotation ``mark``.

    >>> _restore_opening_marks("?Jdeme domů, řekl.", "\u201e")[0]
    '„Jdeme domů, řekl.'
    >>> _restore_opening_marks("Why ?NASA and ?x", "\u201e")[0]
    'Why ?NASA and ?x'
    """
    steps: list[Step] = []
    chars = list(text)
    line, seen = 1, 0
    for m in _LOST_OPENING_MARK_RE.finditer(text):
        i = m.start()
        if not (text[i + 1].isupper() and text[i + 2].islower()):
            continue
        line += text.count("\n", seen, i)
        seen = i
        chars[i] = mark
        steps.append(_quote_step(line, i, i + 1, mark))
    return ("".join(chars), steps) if steps else (text, steps)


def _restore_closing_marks(text: str, mark: str) -> tuple[str, list[Step]]:
    """Every ``?`` between a comma and a space becomes the closing quotation ``mark``.

    >>> _restore_closing_marks("Jdeme,? řekl a odešel.", "\u201c")[0]
    'Jdeme,“ řekl a odešel.'
    """
    steps = [
        _quote_step(line, m.start(), m.end(), mark)
        for line, m in _numbered_matches(_LOST_CLOSING_MARK_RE, text)
    ]
    return _LOST_CLOSING_MARK_RE.sub(mark, text), steps


def _restore_quotation_marks(
    text: str, reads_as_quote: Callable[[str, bool], bool], marks: str = '""'
) -> tuple[str, list[Step]]:
    """Pairs of ``?`` that stood for lost quotation marks become ``marks`` (opening, closing).

    ``reads_as_quote(word, opening)`` must accept the word after the opening ``?`` (else
    the ``?`` is more likely its lost first letter), and the word before the closing
    one, unless that word has lost letters of its own.

    >>> yes = lambda word, opening: True
    >>> _restore_quotation_marks("Rekao je ?dosta je bilo? i otišao.", yes)[0]
    'Rekao je "dosta je bilo" i otišao.'
    >>> _restore_quotation_marks("Why? ?Because? I said so.", yes)[0]
    'Why? "Because" I said so.'
    >>> _restore_quotation_marks("Viel? ?iti ja is? tuli.", lambda w, o: w != "iti")[0]
    'Viel? ?iti ja is? tuli.'
    >>> _restore_quotation_marks('Rekao je "dosta" i ?ak ?uti?.', yes)[0]
    'Rekao je "dosta" i ?ak ?uti?.'
    """
    if QMARK not in text or any(c in text for c in _CURLY_QUOTES):
        return text, []
    if text.count(ASCII_QUOTE) >= thresholds.MIN_INTACT_ASCII_QUOTES:
        # The text writes its quotation marks as ASCII ones, which no charset loses: a ``?``
        # opening a word is its lost first letter (``?o??dkowo``), not a lost mark.
        return text, []
    chars = list(text)
    steps: list[Step] = []
    opening: int | None = None
    line = 1
    for m in _QMARK_OR_NEWLINE_RE.finditer(text):
        i = m.start()
        if m.group() == "\n":
            line += 1
            opening = None
            continue
        before = text[i - 1] if i else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if opening is None:
            if before in _QUOTE_BEFORE_OPENING and after.isalpha():
                word = _WORD_AFTER_RE.match(text, i + 1)
                if word and reads_as_quote(word.group(), True):
                    opening = i
            continue
        closes = (before.isalpha() or before in ".,!") and after in _QUOTE_AFTER_CLOSING
        if closes and before.isalpha():
            word = _WORD_BEFORE_RE.search(text, max(0, i - thresholds.MAX_RECOVERY_TOKEN_CHARS), i)
            closes = word is not None and (
                QMARK in word.group() or reads_as_quote(word.group(), False)
            )
        if closes and after in ",." and text[i + 2 : i + 3] == QMARK:
            closes = False  # ``word?,?``: the second one closes
        if not closes:
            continue
        for pos, mark in ((opening, marks[0]), (i, marks[1])):
            chars[pos] = mark
            steps.append(_quote_step(line, pos, pos + 1, mark))
        opening = None
    if not steps:
        return text, []
    return "".join(chars), steps


def _recover_tokens(
    text: str, damaged: list[re.Match[str]], doc: _Document, options: CleanOptions
) -> list[tuple[re.Match[str], _Choice]]:
    """The confident recoveries among ``damaged`` (at most MAX_RECOVERY_WORDS examined)."""
    found: list[tuple[re.Match[str], _Choice]] = []
    hesitant: list[re.Match[str]] = []
    cache: dict[tuple[str, tuple[bool, ...]], _Choice | None] = {}
    for m in itertools.islice(damaged, thresholds.MAX_RECOVERY_WORDS):
        token = m.group()
        start, end = m.span()
        holes = _holes(token, doc.chunked)
        if not holes or len(holes) > thresholds.MAX_RECOVERY_HOLES:
            continue
        key = (token, _context(text, start, end))
        if key not in cache:
            cache[key] = _choose(text, start, token, holes, doc)
        choice = cache[key]
        if choice is not None and _confident(token, choice, options):
            found.append((m, choice))
        else:
            hesitant.append(m)
    reread = doc
    if doc.legacy_bytes:
        # Legacy bytes come from one charset: the letters most recoveries wrote name it, and
        # a word filled with a letter it lacks is read again with its letters only.
        charsets = _legacy_charsets(_written_letters(found, doc, REPLACEMENT))
        if doc.legacy_charsets:
            charsets = tuple(cs for cs in charsets if cs in doc.legacy_charsets)
        if charsets:
            reread = dataclasses.replace(doc, legacy_charsets=charsets)
            written = {c for cs in charsets for c in charset_repertoire(cs)}
            outside = [
                m
                for m, choice in found
                if any(c not in written for c in _written_letters([(m, choice)], doc, REPLACEMENT))
            ]
            if outside:
                found = [(m, choice) for m, choice in found if m not in outside]
                hesitant = sorted(hesitant + outside, key=lambda m: m.start())
    # Further readings of the hesitant words, weighed by the letters the text lost elsewhere;
    # the words a reading recovers add their letters to the next one (a word with two holes
    # that needed the first prior lends its letters to a word with one).
    for _ in range(thresholds.MAX_FILL_PRIOR_READINGS):
        fills = _written_letters(found, doc, QMARK) + _written_letters(found, doc, REPLACEMENT)
        primed = reread
        if sum(fills.values()) >= thresholds.MIN_FILL_PRIOR_LETTERS:
            primed = dataclasses.replace(reread, fills=fills)
        if primed is doc or not hesitant:
            break
        cache.clear()
        still: list[re.Match[str]] = []
        for m in hesitant:
            token = m.group()
            key = (token, _context(text, m.start(), m.end()))
            if key not in cache:
                cache[key] = _choose(text, m.start(), token, _holes(token, doc.chunked), primed)
            choice = cache[key]
            if choice is not None and _confident(token, choice, options):
                found.append((m, choice))
            else:
                still.append(m)
        if len(still) == len(hesitant):
            break
        hesitant = still
    found.sort(key=lambda pair: pair[0].start())
    return found


def _confident(token: str, choice: _Choice, options: CleanOptions) -> bool:
    """Whether ``choice`` may be written over ``token``. A token with no intact letter
    read in a script other than Latin is left to script recovery, which reads it next:
    any letter of the script fits it (a lost Persian ``من`` read as ``و``).

    >>> options = CleanOptions()
    >>> _confident("\ufffd\ufffd", _Choice("\u0648", 0.9, "fa"), options)
    False
    >>> _confident("\ufffd\u0430", _Choice("\u0441\u0430", 0.9, "bg"), options)
    True
    >>> _confident("zlo?in", _Choice("zločin", 0.5, "hr"), options)
    False
    """
    if choice.confidence < options.min_recovery_confidence:
        return False
    if any(c.isalpha() for c in token):
        return True
    return all(script_of(c) == "LATIN" for c in choice.word if c.isalpha())


def _written_letters(
    found: list[tuple[re.Match[str], _Choice]], doc: _Document, kind: str
) -> Counter[str]:
    """The letters (lower case) the recoveries in ``found`` wrote into one-character holes
    of ``kind``, and how often."""
    return Counter(
        c.lower()
        for m, choice in found
        if len(choice.word) == len(m.group())
        for h in _holes(m.group(), doc.chunked)
        if h.end - h.start == 1 and h.kind == kind
        for c in choice.word[h.start]
        if c.isalpha()
    )


def _writing_charsets(doc: _Document) -> tuple[str, ...]:
    """The legacy charsets that write every letter of the document's first language (its
    legacy bytes came from one of them; empty when none does or the language is unknown).

    >>> doc = dataclasses.replace(_EMPTY_DOCUMENT, languages={"LATIN": ("hu", "lv")})
    >>> _writing_charsets(doc)
    ('cp1250', 'iso8859_2', 'iso8859_16')
    """
    langs = doc.languages.get(doc.main_script) or ("",)
    return _charsets_writing(langs[0])


@functools.cache
def _charsets_writing(lang: str) -> tuple[str, ...]:
    if not lang:
        return ()
    letters = {c for c in language_letters(lang) if ord(c) > 127}
    return tuple(
        cs for cs in recover_data.LEGACY_TEXT_CHARSETS if letters <= charset_repertoire(cs)
    )


def _legacy_charsets(letters: Counter[str]) -> tuple[str, ...]:
    """The legacy charsets that write the most of ``letters`` (counted with repeats), when
    they write a clear majority of them; empty when the letters do not tell.

    >>> _legacy_charsets(Counter({"\u0151": 2, "\u00e1": 1, "\u016b": 1}))
    ('cp1250', 'iso8859_2', 'iso8859_16')
    >>> _legacy_charsets(Counter({"\u00e9": 1}))
    ()
    """
    total = sum(letters.values())
    if total < thresholds.MIN_LEGACY_CHARSET_LETTERS:
        return ()
    written = {
        cs: sum(n for c, n in letters.items() if c in charset_repertoire(cs))
        for cs in recover_data.LEGACY_TEXT_CHARSETS
    }
    best = max(written.values(), default=0)
    if best <= total * thresholds.MIN_LEGACY_CHARSET_SHARE:
        return ()
    return tuple(cs for cs, n in written.items() if n == best)


def _left_to_scripts(token: str) -> bool:
    """A word script recovery reads better: a Cyrillic word whose first letter is a ``?``
    and that keeps letters enough to read (its case comes from the line around it:
    ``?ванович`` after a name is ``Іванович``; Serbian ``?е`` stays here), and an Arabic-
    script word with a ``?`` (which asks with U+061F: a ``?`` ending it is a lost letter,
    never a question mark to keep beside letters filled before it).

    >>> _left_to_scripts("?ванович"), _left_to_scripts("?е"), _left_to_scripts("?tude")
    (True, False, False)
    >>> _left_to_scripts("\u062d\u0633?\u0646?")
    True
    """
    letters = [c for c in token if c.isalpha()]
    if QMARK in token and letters and all(script_of(c) == "ARABIC" for c in letters):
        return True
    if not token.startswith(QMARK):
        return False
    if len(letters) < thresholds.MIN_LEFT_CYRILLIC_WORD_LETTERS:
        return False
    return all(script_of(c) == "CYRILLIC" for c in letters)


def _lone_marks(token: str) -> bool:
    """A token of one or two ``?`` and nothing else.

    >>> _lone_marks("??"), _lone_marks("a?")
    (True, False)
    """
    return 0 < len(token) <= 2 and token.strip(QMARK) == ""


def _spaced_mark(text: str, m: re.Match[str]) -> bool:
    """True when ``m`` is one ``?`` or U+FFFD with a space on each side, after a word and
    before a word of two letters or more each (a lost dash or a lost one-letter word). Not
    after a number: there it is as likely a lost currency sign (``20 ? par mois``); not
    between one-letter names (``a ? b : c`` is code).

    >>> mark = lambda text: re.search(r"[?\\ufffd]", text)
    >>> _spaced_mark("so ? don", mark("so ? don")), _spaced_mark("why ?", mark("why ?"))
    (True, False)
    >>> _spaced_mark("20 ? par mois", mark("20 ? par mois")), _spaced_mark("a ? b", mark("a ? b"))
    (False, False)
    """
    start, end = m.span()
    if end - start != 1 or m.group() not in (QMARK, REPLACEMENT):
        return False
    before = text[max(0, start - 3) : start]
    after = text[end : end + 3]
    return (
        len(before) == 3
        and before[2] == " "
        and before[:2].isalpha()
        and len(after) == 3
        and after[0] == " "
        and after[1:].isalpha()
    )


def _between_words(text: str, m: re.Match[str]) -> bool:
    """True when ``m`` stands alone between a word and a lower-case word."""
    start, end = m.span()
    return _follows_word(text, start) and _continues_lowercase(text, end)
