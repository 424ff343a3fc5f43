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

Real question marks (``What?``, ``a ? b``, ``?!``, URLs, code) are left alone: a ``?``
at the end of a word competes with the reading "the word, then a question mark".
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from cleaner import recover_data, thresholds
from cleaner.lexicon import LANGUAGES, frequency_table
from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage, Step

QMARK = "?"
REPLACEMENT = "\ufffd"

# The fast exit: a letter next to a ``?``, or any U+FFFD. Fixed-width alternatives, so the
# scan is linear.
_DAMAGE_RE = re.compile(r"[^\W\d_]\?|\?[^\W\d_]|\ufffd")

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

# Characters that end a sentence; the next word starts with a capital.
_SENTENCE_END = frozenset(".!?\u2026:;\n\r")
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


@functools.cache
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
    return frozenset(recover_data.STOP_WORDS.get(lexicon_language(lang), "").split())


def lexicon_language(lang: str) -> str:
    """The wordfreq list that covers ``lang`` (``hr`` -> ``sh``).

    >>> lexicon_language("hr"), lexicon_language("pl")
    ('sh', 'pl')
    """
    return recover_data.LEXICON_ALIASES.get(lang, lang)


def ascii_fold(word: str) -> str:
    """The accent-less spelling of ``word``, lower case.

    >>> ascii_fold("Çavuşoğlu"), ascii_fold("Nørgaard")
    ('cavusoglu', 'norgaard')
    """
    out: list[str] = []
    for c in word.lower():
        if c in recover_data.ASCII_FOLDS:
            out.append(recover_data.ASCII_FOLDS[c])
            continue
        base = unicodedata.normalize("NFKD", c)[0]
        out.append(base)
    return "".join(out)


def lexicon_key(word: str, lang: str) -> str:
    """``word`` spelled the way the lexicon of ``lang`` stores it.

    Turkish and Azerbaijani lower-case ``I`` to dotless ``ı``; Greek keys use medial
    sigma; Romanian keys use comma-below letters; vowel points are dropped.

    >>> lexicon_key("IŞİD", "tr"), lexicon_key("της", "el")
    ('ışid', 'τησ')
    """
    if lang in ("tr", "az"):
        word = word.replace("I", "\u0131").replace("\u0130", "i")
    key = word.lower()
    if lang == "el":
        key = key.replace("\u03c2", "\u03c3")
    elif lang == "ro":
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
    freq = frequency_table(lex).get(lexicon_key(word, lang), 0.0)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


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


def _rank_languages(
    script: str, words: Counter[str], letters: Counter[str], hints: tuple[str, ...]
) -> tuple[str, ...]:
    """The languages of ``script`` that fit the document best, best first."""
    hinted = tuple(h for h in hints if language_script(h) == script)
    if hinted:
        return hinted[: thresholds.MAX_RECOVERY_LANGUAGES]
    candidates = [
        lang
        for lang in recover_data.LANGUAGE_LETTERS
        if language_script(lang) == script and lexicon_language(lang) in LANGUAGES
    ]
    share = _letter_share()
    script_letters = {c: n for c, n in letters.items() if script_of(c) == script}
    total_letters = sum(script_letters.values())
    scores: dict[str, float] = {}
    for lang in candidates:
        inventory = language_letters(lang)
        stops = _stop_words(lang)
        score = float(sum(min(n, 3) for w, n in words.items() if w in stops))
        score += sum(share.get(c, 0.0) * 2 for c in script_letters if c in inventory)
        if total_letters:
            outside = sum(n for c, n in script_letters.items() if c not in inventory)
            if outside / total_letters > thresholds.MAX_FOREIGN_LETTER_SHARE:
                score *= 0.1
                score -= 1
        scores[lang] = score
    ranked = sorted(candidates, key=lambda lang: -scores[lang])
    if not ranked or scores[ranked[0]] <= 0:
        return ()
    best = scores[ranked[0]]
    keep = [lang for lang in ranked if scores[lang] >= best * thresholds.MIN_LANGUAGE_SCORE_RATIO]
    return tuple(keep[: thresholds.MAX_RECOVERY_LANGUAGES])


def _analyse(text: str, tokens: list[re.Match[str]], options: CleanOptions) -> _Document:
    words: Counter[str] = Counter()
    for m in itertools.islice(tokens, thresholds.MAX_RECOVERY_SAMPLE_TOKENS):
        tok = m.group()
        if QMARK in tok or REPLACEMENT in tok or not tok.isalpha():
            continue
        words[tok.lower()] += 1
    folded = Counter({ascii_fold(w): n for w, n in words.items()})
    chars = Counter(text)
    nonascii = {c for c in chars if ord(c) > 127 and c != REPLACEMENT}
    letters = Counter({c.lower(): n for c, n in chars.items() if ord(c) > 127 and c.isalpha()})
    scripts = {script_of(c) for c in letters} | {"LATIN"}
    hints = tuple(lexicon_language(h.lower()) for h in options.languages) + tuple(
        h.lower() for h in options.languages
    )
    languages = {s: _rank_languages(s, words, letters, hints) for s in scripts}
    charsets = tuple(
        cs for cs in recover_data.LOSSY_CHARSETS if nonascii <= charset_repertoire(cs)
    )
    intact_nonascii_letters = sum(n for c, n in letters.items())
    chunked = intact_nonascii_letters > 0
    return _Document(words, folded, languages, charsets, chunked)


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
                while j < len(token) and token[j] == REPLACEMENT and j - i < 4:
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
    letters = language_letters(lang)
    if hole.kind == REPLACEMENT:
        run = hole.end - hole.start
        if doc.chunked:
            return frozenset(c for c in letters if _fits_utf8(c, run))
        return frozenset(c for c in letters if ord(c) > 127)
    lost: set[str] = set()
    for cs in doc.charsets:
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


def _consistent(fill: tuple[str, ...], holes: list[_Hole], doc: _Document) -> bool:
    """A ``?`` filling must be lost under one charset the document allows."""
    qletters = {c for c, h in zip(fill, holes, strict=True) if h.kind == QMARK}
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
    by_fold: dict[str, set[str]] = {}
    for c in pool:
        by_fold.setdefault(ascii_fold(c), set()).add(c)
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


def _split(token: str, holes: list[_Hole]) -> list[str]:
    """The intact pieces of ``token`` around its holes (one more than holes)."""
    pieces = []
    prev = 0
    for h in holes:
        pieces.append(token[prev : h.start])
        prev = h.end
    pieces.append(token[prev:])
    return pieces


def _hole_case(token: str, hole: _Hole, title: bool) -> str:
    """``upper`` or ``lower`` for the letter that fills ``hole``."""
    letters = [c for c in token if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    if uppers >= 2 and uppers == len(letters):
        return "upper"
    if hole.start == 0:
        return "upper" if title else "lower"
    if len(letters) == 1 and uppers == 1 and token[hole.start - 1] == letters[0]:
        return "lower"
    return "lower"


def _with_case(letters: frozenset[str] | set[str], case: str) -> list[str]:
    if case == "upper":
        return sorted(c for c in letters if not c.islower())
    return sorted(c for c in letters if not c.isupper())


@dataclass(frozen=True, slots=True)
class _Choice:
    word: str
    confidence: float
    language: str


def _sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens the text, a line or a sentence."""
    i = start - 1
    steps = 0
    while i >= 0 and text[i] in _OPENERS and steps < 8:
        i -= 1
        steps += 1
    return i < 0 or text[i] in _SENTENCE_END


def _previous_capitalised(text: str, start: int) -> bool:
    """True when the word before ``start`` is capitalised (a run of names)."""
    window = text[max(0, start - 40) : start]
    m = re.search(r"([^\W\d_]+)[ ,.\-]{1,2}$", window)
    return bool(m and m.group(1)[0].isupper() and not m.group(1).isupper())


def _score(word: str, langs: tuple[str, ...], doc: _Document) -> tuple[float, str]:
    best, best_lang = 0.0, langs[0] if langs else ""
    for rank, lang in enumerate(langs):
        z = word_zipf(word, lang)
        if z > 0:
            z = max(z - rank * thresholds.RECOVERY_RUNNER_UP_PENALTY_ZIPF, 0.01)
        if z > best:
            best, best_lang = z, lang
    lower = word.lower()
    if doc.words.get(lower):
        best += thresholds.RECOVERY_SAME_WORD_BONUS_ZIPF
    elif doc.folded.get(ascii_fold(word)) and ascii_fold(word) != lower:
        best += thresholds.RECOVERY_FOLDED_WORD_BONUS_ZIPF
    if not coherent(word):
        best -= thresholds.RECOVERY_INCOHERENT_PENALTY_ZIPF
    return best, best_lang


def _choose(
    text: str, start: int, token: str, holes: list[_Hole], doc: _Document
) -> _Choice | None:
    """The best filling of ``token``'s holes, or None when nothing is good enough."""
    scripts = Counter(script_of(c) for c in token if c.isalpha())
    script = scripts.most_common(1)[0][0] if scripts else ""
    if not script:
        # A token made only of U+FFFD: read it with the main language of the document.
        script = max(doc.languages, key=lambda s: len(doc.languages[s]) and s != "LATIN")
    langs = doc.languages.get(script, ())
    title = _sentence_start(text, start) or _previous_capitalised(text, start)
    per_hole: list[set[str]] = [set() for _ in holes]
    for lang in langs:
        for i, hole in enumerate(holes):
            per_hole[i] |= _lost_letters(lang, hole, doc)
    if script == "LATIN" and any(h.kind == QMARK for h in holes):
        pool = _all_lost_latin(doc.charsets)
        for i, extra in enumerate(_evidence_letters(token, holes, doc, pool)):
            per_hole[i] |= extra
    elif script == "LATIN" and not doc.chunked:
        pool = _all_lost_latin(())
        pool = frozenset(c for c in pool if ord(c) > 127)
        for i, extra in enumerate(_evidence_letters(token, holes, doc, pool)):
            per_hole[i] |= extra
    choices = [
        _with_case(letters, _hole_case(token, hole, title))
        for letters, hole in zip(per_hole, holes, strict=True)
    ]
    if not all(choices) or math.prod(len(c) for c in choices) > thresholds.MAX_RECOVERY_CANDIDATES:
        return None
    pieces = _split(token, holes)
    weights: list[tuple[float, str, str]] = []
    score_langs = langs or ("en",)
    for fill in itertools.product(*choices):
        if not _consistent(fill, holes, doc):
            continue
        word = pieces[0] + "".join(f + p for f, p in zip(fill, pieces[1:], strict=True))
        score, lang = _score(word, score_langs, doc)
        if score > 0:
            weights.append((score, word, lang))
    if not weights:
        return None
    # The reading "this ``?`` is a real question mark" competes with every filling.
    keep = _keep_score(token, holes, score_langs, doc)
    total = sum(10**s for s, _, _ in weights) + (10**keep if keep is not None else 0.0)
    best_score, best_word, best_lang = max(weights)
    share = 10**best_score / total
    strength = (best_score - thresholds.MIN_RECOVERY_SCORE_ZIPF) / (
        thresholds.FULL_RECOVERY_SCORE_ZIPF - thresholds.MIN_RECOVERY_SCORE_ZIPF
    )
    confidence = share * min(1.0, max(0.0, strength))
    return _Choice(best_word, confidence, best_lang)


def _keep_score(
    token: str, holes: list[_Hole], langs: tuple[str, ...], doc: _Document
) -> float | None:
    """Score of reading edge ``?`` as punctuation, or None when every hole is inside."""
    edge = [h for h in holes if h.kind == QMARK and (h.start == 0 or h.end == len(token))]
    if not edge:
        return None
    inner = [h for h in holes if h not in edge]
    if inner:
        return None  # a ``?`` inside the word is damage; the word needs filling anyway
    base = token.strip(QMARK)
    if not base:
        return None
    score, _ = _score(base, langs, doc)
    return max(score, 0.0) + thresholds.RECOVERY_QUESTION_MARK_PRIOR_ZIPF


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
        if not any(c.isalpha() for c in tok) and (QMARK in tok or len(tok) > 3):
            continue
        start, end = m.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in _CODE_NEIGHBOURS or after in _CODE_NEIGHBOURS:
            continue
        if before == "." and start >= 2 and text[start - 2].isalnum():
            continue  # x.y?z: a member access or a host name
        out.append(m)
    return out


def recover_text(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Restore lost letters in ``text``; returns the text and one step per recovered word.

    Step positions: ``line`` is 1-based, ``start``/``end`` are code-point offsets of the
    damaged word in ``text``.

    >>> recover_text("Genocid je zlo?in iznad svih zlo?ina.", CleanOptions())[0]
    'Genocid je zločin iznad svih zločina.'
    >>> recover_text("What? Why?Because a ? b", CleanOptions())[0]
    'What? Why?Because a ? b'
    """
    if not _DAMAGE_RE.search(text):
        return text, []
    tokens = list(_TOKEN_RE.finditer(text))
    damaged = _candidate_tokens(text, tokens)
    if not damaged:
        return text, []
    doc = _analyse(text, tokens, options)
    out: list[str] = []
    steps: list[Step] = []
    prev = 0
    line = 1
    line_pos = 0
    cache: dict[tuple[str, bool], _Choice | None] = {}
    for m in itertools.islice(damaged, thresholds.MAX_RECOVERY_WORDS):
        token = m.group()
        start, end = m.span()
        holes = _holes(token, doc.chunked)
        if not holes or len(holes) > thresholds.MAX_RECOVERY_HOLES:
            continue
        key = (token, _sentence_start(text, start) or _previous_capitalised(text, start))
        if key not in cache:
            cache[key] = _choose(text, start, token, holes, doc)
        choice = cache[key]
        if choice is None or choice.confidence < options.min_recovery_confidence:
            continue
        line += text.count("\n", line_pos, start)
        line_pos = start
        out.append(text[prev:start])
        out.append(choice.word)
        prev = end
        kinds = {h.kind for h in holes}
        reason = Reason.LOSSY_QMARK if QMARK in kinds else Reason.LOSSY_REPLACEMENT
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
    if not steps:
        return text, []
    out.append(text[prev:])
    return "".join(out), steps
