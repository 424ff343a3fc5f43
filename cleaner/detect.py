"""The one door from bytes to str.

Order: a byte order mark; a declared charset (only a real text encoding that decodes the
bytes, read as its web superset when that decodes them: ISO-8859-1 as windows-1252);
UTF-16/32 without a mark (NUL-byte patterns); strict UTF-8 (the common case: one decode and
an early return); 7-bit ISO-2022 charsets; files mixing UTF-8 and legacy lines; then legacy
charsets. Legacy candidates (charset-normalizer's and a table of common charsets,
:data:`cleaner.charsets.LEGACY_CHARSETS`) are re-ranked by how plausible each decoding is
as language: the share of its words found in a wordfreq lexicon, how well its letters fit a
language's alphabet, and penalties for control characters, symbols inside words, mixed
scripts and case flips inside a word. Candidates that decode to the same text are
equivalent and the more common name is reported. Any byte string gets a result; only a
declared charset that is not a text encoding (or not a charset at all) raises.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import charset_normalizer

from cleaner import charsets, lexicon, thresholds
from cleaner.cache import persistent
from cleaner.errors import UndecodableInput
from cleaner.trace import Decoding, Reason, Stage, Step

UTF8 = "utf-8"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, how it was decoded, and the decode steps for the trace."""

    text: str
    decoding: Decoding
    steps: tuple[Step, ...] = ()


# ---------------------------------------------------------------------------------------
# Charset names


def canonical_charset(name: str) -> str:
    """The Python codec name for a charset label; refuses labels that are not text charsets.

    >>> canonical_charset("Windows-1252"), canonical_charset("latin1")
    ('cp1252', 'iso8859-1')
    >>> canonical_charset("x-mac-cyrillic")
    'mac-cyrillic'
    >>> canonical_charset("rot13")
    Traceback (most recent call last):
    ...
    cleaner.errors.UndecodableInput: declared charset 'rot13' is not a text encoding (rot-13 ...
    """
    label = name.strip().lower()
    label = charsets.WEB_CHARSET_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        raise UndecodableInput(f"unknown charset {name!r}") from None
    if info.name in charsets.NON_TEXT_CODECS or not getattr(info, "_is_text_encoding", True):
        raise UndecodableInput(
            f"declared charset {name!r} is not a text encoding ({info.name} is a "
            "transform or escape codec, not a charset of documents)"
        )
    return info.name


def _decode_prefix(data: bytes, encoding: str) -> str | None:
    """Strict decode of a sample that may end inside a multi-byte character; None if invalid."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# ---------------------------------------------------------------------------------------
# Character classes (computed per distinct character, cached for one document)


def _bad_char(char: str) -> bool:
    """Controls (other than whitespace), unassigned, private-use and replacement characters.

    >>> _bad_char("\\x85"), _bad_char("\\ufffd"), _bad_char("\\n"), _bad_char("é")
    (True, True, False, False)
    """
    if char in "\t\n\r\x0b\x0c":
        return False
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs")


def _bad_count(text: str) -> int:
    return sum(text.count(c) for c in set(text) if _bad_char(c))


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _nonascii_count(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def script_of(char: str) -> str:
    """The script group of a letter ('' for unnamed characters).

    >>> script_of("a"), script_of("ж"), script_of("の"), script_of("中")
    ('LATIN', 'CYRILLIC', 'CJK', 'CJK')
    """
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return charsets.SCRIPT_GROUPS.get(first, first)


def _common_cjk(char: str, lang: str) -> bool:
    """Whether a CJK letter is in everyday use in ``lang`` (zh, ja or ko).

    >>> _common_cjk("的", "zh"), _common_cjk("\u8fbc", "zh"), _common_cjk("の", "ja")
    (True, False, True)
    """
    if lang == "ja" and script_of_name(char) in charsets.KANA_SCRIPTS:
        return True
    for codec, low, high in charsets.COMMON_CJK_RANGES.get(lang, ()):
        try:
            encoded = char.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2 and low <= encoded <= high:
            return True
    return False


# ---------------------------------------------------------------------------------------
# Chunks: whitespace-separated pieces of a decoding that hold non-ASCII characters

_NEUTRAL, _BAD, _WORD, _SYMBOLS = 0, 1, 2, 3


def _letter_groups(core: str, kinds: list[str]) -> Iterable[tuple[bool, Iterable[str]]]:
    """Runs of letters and marks (kind L) and of everything else, in order."""
    pairs = zip(core, kinds, strict=True)
    for is_letter, group in itertools.groupby(pairs, key=lambda p: p[1] == "L"):
        yield is_letter, (char for char, _kind in group)


@dataclass(frozen=True, slots=True)
class _Chunk:
    kind: int
    script: str = ""
    words: tuple[str, ...] = ()  # lower-cased letter runs holding non-ASCII letters


def _char_kind(char: str, cats: dict[str, str]) -> str:
    """The role of a character inside a chunk (cached per document in ``cats``).

    L letter or mark, D ASCII digit, J word joiner, M middle dot, A other ASCII,
    N number symbol, F suffix symbol, B no-break space, P dash, Q quotation mark,
    K CJK punctuation, O opening and C closing punctuation, S other symbol,
    punctuation or non-ASCII digit, X control or unassigned.
    """
    kind = cats.get(char)
    if kind is None:
        cat = unicodedata.category(char)
        if char in charsets.WORD_JOINERS:
            kind = "J"
        elif char.isascii():
            kind = "D" if char.isdigit() else "L" if char.isalpha() else "A"
            if _bad_char(char):
                kind = "X"
        elif char == charsets.MIDDLE_DOT:
            kind = "M"
        elif char in charsets.NUMBER_SYMBOLS:
            kind = "N"
        elif char in charsets.SUFFIX_SYMBOLS:
            kind = "F"
        elif char in charsets.NO_BREAK_SPACES:
            kind = "B"
        elif cat[0] in "LM":
            kind = "L"
        elif _bad_char(char):
            kind = "X"
        elif any(low <= char <= high for low, high in charsets.CJK_PUNCTUATION):
            kind = "K"
        elif cat == "Pd":
            kind = "P"
        elif cat in ("Pi", "Pf"):
            kind = "Q"
        elif cat == "Ps":
            kind = "O"
        elif cat == "Pe":
            kind = "C"
        else:
            kind = "S"
        cats[char] = kind
    return kind


def _misplaced(core: str, kinds: list[str]) -> bool:
    """Whether a character sits where no charset-correct text puts it: a symbol touching a
    letter, a quotation mark or a no-break space between two letters, a number symbol
    after a letter, an opening bracket right after (a closing one right before) a letter.

    >>> _misplaced("ab", ["L", "L"]), _misplaced("a\u00a7b", ["L", "S", "L"])
    (False, True)
    """
    last = len(kinds) - 1
    for i, kind in enumerate(kinds):
        if kind in "LDAP":
            continue
        left = kinds[i - 1] if i else ""
        right = kinds[i + 1] if i < last else ""
        if kind == "K":  # CJK punctuation inside a Latin word: "princ\uff61pios"
            if left == right == "L" and core[i - 1].isascii() and core[i + 1].isascii():
                return True
        elif kind == "M":
            if not (0 < i < last and core[i - 1] in "lL" and core[i + 1] in "lL"):
                return True
        elif kind == "S":
            if "L" in (left, right):
                return True
        elif kind in "QB":
            if left == right == "L":
                return True
        elif kind == "J":
            if (left == "L") != (right == "L"):
                return True
        elif kind == "N":
            if left == "L":
                return True
        elif kind == "F":
            if right == "L":
                return True
        elif (kind == "O" and left == "L") or (kind == "C" and right == "L"):
            return True
    return False


# One or two CJK letters between Latin letters: a 2-4 byte sequence of a Latin word read
# in a CJK charset (longer runs are ordinary mixed text: "WTO\u9019\u6a23WTO").
_CJK_IN_LATIN_RE = re.compile(r"[A-Za-z]([^\x00-\x7f]{1,2})(?=[A-Za-z])")


def _classify(chunk: str, cats: dict[str, str], scripts: dict[str, str]) -> _Chunk:
    """Judge the form of one chunk: neutral (no letters), bad, or a word in one script."""
    head = chunk.lstrip(charsets.LEADING_PUNCTUATION)
    core = head.rstrip(charsets.TRAILING_PUNCTUATION)
    edge = thresholds.MAX_EDGE_PUNCTUATION
    if (len(chunk) - len(head) > edge or len(head) - len(core) > edge) and max(
        _nonascii_count(chunk) - _nonascii_count(head),
        _nonascii_count(head) - _nonascii_count(core),
    ) > edge:
        return _Chunk(_BAD)  # "h\u00ab\u00ab\u00ab": letters read as quotation marks
    if core.isascii():
        return _Chunk(_NEUTRAL)
    core = unicodedata.normalize("NFC", core)
    kinds = [_char_kind(c, cats) for c in core]
    if "X" in kinds or _misplaced(core, kinds):
        return _Chunk(_BAD)
    if "L" not in kinds:  # a lone symbol ("=", "\u2248") is ordinary, runs of them are not
        return _Chunk(_SYMBOLS if "S" in kinds and len(core) > 1 else _NEUTRAL)
    if "S" in kinds:
        return _Chunk(_BAD)
    found: set[str] = set()
    ascii_letters = False
    for char, kind in zip(core, kinds, strict=True):
        if kind == "L":
            if char.isascii():
                ascii_letters = True
                continue
            script = scripts.get(char)
            if script is None:
                script = script_of(char)
                scripts[char] = script
            if script != "COMBINING":  # generic diacritics go with any script
                found.add(script)
    # ASCII letters mix with CJK ("iPhone\u7528") but not with other scripts, and CJK
    # letters inside a Latin word ("Backgr\u8205d": Shift_JIS read for Latin-1) are wrong.
    if len(found) > 1 or (ascii_letters and found and found != {"LATIN"} and found != {"CJK"}):
        return _Chunk(_BAD)
    if ascii_letters and found == {"CJK"}:
        for match in _CJK_IN_LATIN_RE.finditer(core):
            if match.group(1).isalpha():
                return _Chunk(_BAD)
    runs = ["".join(g) for is_letter, g in _letter_groups(core, kinds) if is_letter]
    for run in runs:
        for prev, char in itertools.pairwise(run):
            if char.isupper() and prev.islower():
                return _Chunk(_BAD)
    if found:
        words = tuple(run.lower() for run in runs if not run.isascii())
    else:  # only punctuation is non-ASCII ("don\u2019t"): its parts must be words
        words = tuple(run.lower() for run in runs)
    return _Chunk(_WORD, found.pop() if found else "LATIN", words)


# Markup glued to words (scraped pages, feeds): tags and entities are cut out before the
# words are judged. Bounded repetitions keep the scan linear.
_MARKUP_RE = re.compile(
    rf"<[^<>]{{0,{thresholds.MAX_TAG_CHARS}}}>|&#?\w{{1,{thresholds.MAX_ENTITY_CHARS}}};"
)
# Chunks are split at ASCII whitespace only: a no-break space inside a word is a symptom.
_SPACE_RE = re.compile(r"[\t\n\v\f\r ]+")


def _chunks(text: str) -> Counter[str]:
    """Non-ASCII chunks of ``text`` with their counts, at most MAX_SCORED_CHUNKS of them.

    >>> _chunks("<p>Grüße</p> aus Köln")
    Counter({'Grüße': 1, 'Köln': 1})
    """
    picked = [c for c in _SPACE_RE.split(_MARKUP_RE.sub(" ", text)) if not c.isascii()]
    if not picked:  # all non-ASCII text sits inside tags (attribute values)
        picked = [c for c in _SPACE_RE.split(text) if not c.isascii()]
    kept: list[str] = []
    size = 0
    for chunk in picked[: thresholds.MAX_SCORED_CHUNKS]:
        kept.append(chunk[: thresholds.MAX_SCORED_CHUNK_CHARS])
        size += len(kept[-1])
        if size >= thresholds.MAX_SCORED_CHARS:
            break
    return Counter(kept)


# ---------------------------------------------------------------------------------------
# Plausibility of one decoding


@dataclass(slots=True)
class _Profile:
    """Form features of one decoded sample, computed once and reused for every language."""

    chunk_total: int = 0
    bad_chunks: int = 0
    neutral_chunks: int = 0
    symbol_chunks: int = 0
    words: Counter[tuple[str, ...]] = field(default_factory=Counter)
    letters: Counter[str] = field(default_factory=Counter)
    script: str = ""
    bad_share: float = 0.0


# An ASCII symbol between two letters ("B}rgermeister"): see ASCII_SYMBOLS_NOT_IN_WORDS.
_ASCII_SYMBOL_IN_WORD_RE = re.compile(
    "[A-Za-z][" + re.escape(charsets.ASCII_SYMBOLS_NOT_IN_WORDS) + "][A-Za-z]"
)


@dataclass(slots=True)
class _Memo:
    """Judgements shared by the decodings of one document (they share most chunks)."""

    cats: dict[str, str] = field(default_factory=dict)
    scripts: dict[str, str] = field(default_factory=dict)
    chunks: dict[str, _Chunk] = field(default_factory=dict)


def _profile(text: str, ebcdic: bool = False, memo: _Memo | None = None) -> _Profile:
    """Form features of ``text``; ``ebcdic`` also judges ASCII words, which such a charset
    produces from any byte (an EBCDIC variant reads other variants' letters as symbols)."""
    memo = memo if memo is not None else _Memo()
    prof = _Profile()
    script_votes: Counter[str] = Counter()
    for chunk, count in _chunks(text).items():
        judged = memo.chunks.get(chunk)
        if judged is None:
            judged = memo.chunks[chunk] = _classify(chunk, memo.cats, memo.scripts)
        prof.chunk_total += count
        if judged.kind == _BAD:
            prof.bad_chunks += count
        elif judged.kind == _NEUTRAL:
            prof.neutral_chunks += count
        elif judged.kind == _SYMBOLS:
            prof.symbol_chunks += count
        else:
            prof.words[judged.words] += count
            script_votes[judged.script] += count
            for word in judged.words:
                for char in word:
                    if not char.isascii() and char.isalpha():
                        prof.letters[char] += count
    if ebcdic:
        broken = len(_ASCII_SYMBOL_IN_WORD_RE.findall(text, 0, thresholds.MAX_SCORED_CHARS))
        prof.chunk_total += broken
        prof.bad_chunks += broken
    if script_votes:
        prof.script = script_votes.most_common(1)[0][0]
    nonascii = _nonascii_count(text)
    if nonascii:
        prof.bad_share = min(1.0, _bad_count(text) / nonascii)
    return prof


def _language_fits(prof: _Profile) -> list[tuple[float, str | None]]:
    """(alphabet fit, language) for the languages of the profile's script, best first;
    ties keep the order of :data:`charsets.SCRIPT_LANGUAGES` (the more widespread first)."""
    total = sum(prof.letters.values())
    if not total:
        return [(1.0, None)]
    if prof.script in ("CJK", "HANGUL"):
        kana = sum(n for c, n in prof.letters.items() if script_of_name(c) in charsets.KANA_SCRIPTS)
        if prof.script == "HANGUL":
            lang = "ko"
        elif kana >= thresholds.MIN_KANA_SHARE * total:
            lang = "ja"
        else:
            lang = "zh"
        common = sum(n for c, n in prof.letters.items() if _common_cjk(c, lang))
        return [(common / total, lang)]
    fits: list[tuple[float, str | None]] = []
    for lang in charsets.SCRIPT_LANGUAGES.get(prof.script, ()):
        alphabet = charsets.ALPHABETS.get(lang)
        if alphabet is None:
            inside = sum(n for c, n in prof.letters.items() if script_of(c) == prof.script)
        else:
            inside = sum(n for c, n in prof.letters.items() if c in alphabet)
        fits.append((inside / total, lang))
    if not fits:
        inside = sum(n for c, n in prof.letters.items() if script_of(c) == prof.script)
        return [(inside / total, None)]
    fits.sort(key=lambda fit: -fit[0])  # stable
    return fits


def script_of_name(char: str) -> str:
    """The first word of a character's Unicode name (HIRAGANA, HANGUL, CJK, ...).

    >>> script_of_name("の"), script_of_name("한")
    ('HIRAGANA', 'HANGUL')
    """
    return unicodedata.name(char, "").split(" ", 1)[0]


def _unaccented(word: str) -> str:
    """``word`` without combining accents (Greek capitals are written without them).

    >>> _unaccented("\u03ae\u03c4\u03b1\u03bd")
    '\u03b7\u03c4\u03b1\u03bd'
    """
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _unaccented_lexicon(lang: str) -> lexicon.WordTable[bool]:
    """The words of ``lang``'s lexicon without accents (read-only, built once per process)."""
    return lexicon.word_set(_unaccented(w) for w, _band in lexicon.ranked_words(lang))


def _known_share(
    words: tuple[str, ...], table: lexicon.WordTable[float], lang: str | None
) -> float:
    """How much of a chunk's words ``lang``'s lexicon knows (0..1).

    Chinese and Japanese runs have no spaces: the share of their character pairs that are
    words. Korean words carry particles: a word also counts when it is known without its
    last one or two letters.
    """
    if lang in ("zh", "ja"):
        pairs = hits = 0
        for word in words:
            if len(word) == 1:  # a lone character: only a frequent one counts
                pairs += 1
                hits += table.get(word, 0.0) >= thresholds.MIN_ONE_LETTER_WORD_FREQUENCY
            for i in range(len(word) - 1):
                pair = word[i : i + 2]
                if not pair.isascii():
                    pairs += 1
                    hits += pair in table
        if not pairs:
            return 0.0
        return min(1.0, hits / (pairs * thresholds.MIN_CJK_KNOWN_PAIR_SHARE))
    known = 0.0
    for word in words:
        if len(word) == 1:  # only a frequent one-letter word ("\u00e8", "\u0432") counts
            known += table.get(word, 0.0) >= thresholds.MIN_ONE_LETTER_WORD_FREQUENCY
        elif frequency := table.get(word, 0.0):
            known += _familiarity(frequency)
        elif lang == "ko":  # a particle or ending of one or two syllables
            stems = [
                word[:-cut]
                for cut in (1, 2)
                if len(word) - cut >= thresholds.MIN_KOREAN_STEM_SYLLABLES
            ]
            known += max((_familiarity(table.get(stem, 0.0)) for stem in stems), default=0.0)
        elif lang in charsets.CAPS_WITHOUT_ACCENTS and _unaccented(word) in _unaccented_lexicon(
            lang
        ):
            known += 1
        elif lang:  # a name or a rare word: are its letters' neighbours usual in the language?
            known += thresholds.LETTER_PAIR_CREDIT * _usual_pairs(word, _letter_pairs(lang))
    return known / len(words)


def _pairs(word: str) -> list[str]:
    """Letter pairs of ``word`` that hold a non-ASCII letter, with ^ and $ for its edges.

    >>> _pairs("b\u00fck")
    ['b\u00fc', '\u00fck']
    """
    marked = f"^{word}$"
    return [marked[i : i + 2] for i in range(len(marked) - 1) if not marked[i : i + 2].isascii()]


def _usual_pairs(word: str, usual: frozenset[str]) -> float:
    pairs = _pairs(word)
    return sum(pair in usual for pair in pairs) / len(pairs) if pairs else 0.0


@functools.cache
@persistent("letter-pairs")
def _letter_pairs(lang: str) -> frozenset[str]:
    """The non-ASCII letter pairs of ``lang``'s common words (read-only, built once)."""
    frequencies = lexicon.band_frequencies()
    common = itertools.takewhile(  # wordfreq lists run from the most frequent word down
        lambda item: frequencies[item[1]] >= thresholds.MIN_LETTER_PAIR_WORD_FREQUENCY,
        lexicon.ranked_words(lang),
    )
    return frozenset(pair for word, _band in common if not word.isascii() for pair in _pairs(word))


def _familiarity(frequency: float) -> float:
    """0..1: how surely a lexicon entry is a word and not noise that made it into the list.

    >>> _familiarity(1e-6), _familiarity(0.0)
    (1.0, 0.0)
    """
    if frequency <= 0.0:
        return 0.0
    zipf = math.log10(frequency * 1e9)
    low, full = thresholds.MIN_KNOWN_WORD_ZIPF, thresholds.FULL_KNOWN_WORD_ZIPF
    return max(0.0, min(1.0, (zipf - low) / (full - low)))


def _word_score(prof: _Profile, lang: str | None, use_lexicon: bool) -> float:
    """Mean chunk value (see thresholds: WORD_WEIGHT and its neighbours)."""
    if not prof.chunk_total:
        return 1.0
    table = lexicon.frequency_table("")  # no language: the empty table
    # Without lexicons every well-formed word might be known: an upper bound.
    unknown = thresholds.NO_LEXICON_WORD_VALUE if use_lexicon else 1.0
    lookup_lang = lang
    if use_lexicon and lang:
        lookup_lang = charsets.LEXICON_OF_FOLDED.get(lang, lang)
        table = lexicon.frequency_table(lookup_lang)
        if table:
            unknown = thresholds.UNKNOWN_WORD_VALUE
        elif lang in charsets.LEXICON_STAND_INS:
            lookup_lang = charsets.LEXICON_STAND_INS[lang]
            table = lexicon.frequency_table(lookup_lang)
    folding = charsets.LEXICON_FOLDING.get(lang or "")
    value = (
        thresholds.NEUTRAL_CHUNK_VALUE * prof.neutral_chunks
        + thresholds.SYMBOL_CHUNK_VALUE * prof.symbol_chunks
    )
    for words, count in prof.words.items():
        if not words:
            value += count
            continue
        if not table:
            value += unknown * count
            continue
        # wordfreq keys are case-folded ("strasse", Greek final sigma as "\u03c3")
        looked_up = tuple(w.casefold().translate(folding or {}) for w in words)
        share = _known_share(looked_up, table, lookup_lang)
        value += (unknown + (1.0 - unknown) * share) * count
    return value / prof.chunk_total


def _has_lexicon(lang: str) -> bool:
    return charsets.LEXICON_OF_FOLDED.get(lang, lang) in lexicon.LANGUAGES


def _plausibility(prof: _Profile, use_lexicon: bool) -> tuple[float, str | None]:
    """(score, language) of a profile; the language whose lexicon and alphabet fit best."""
    fits = _language_fits(prof)
    if use_lexicon:
        # A language without a lexicon competes only where its alphabet fits better than
        # every language with one (Kazakh letters), never on a tie (Greek capitals read as
        # Cyrillic fit Belarusian as well as Russian).
        with_lexicon = [f[0] for f in fits if f[1] and _has_lexicon(f[1])]
        if with_lexicon:
            fits = [f for f in fits if not f[1] or _has_lexicon(f[1]) or f[0] > with_lexicon[0]]
    best_fit = fits[0][0]
    tried = [f for f in fits if f[0] >= best_fit - thresholds.LANGUAGE_FIT_MARGIN]
    tried = tried[: thresholds.MAX_DETECT_LEXICON_LANGUAGES] if use_lexicon else tried[:1]
    best: tuple[float, str | None] = (-1.0, None)
    well_formed = 1.0 - prof.bad_chunks / prof.chunk_total if prof.chunk_total else 1.0
    for fit, lang in tried:
        words = _word_score(prof, lang, use_lexicon)
        score = (
            thresholds.WORD_WEIGHT * words
            + thresholds.ALPHABET_WEIGHT * fit * well_formed
            - thresholds.BAD_CHAR_WEIGHT * prof.bad_share
        )
        if score > best[0]:
            best = (score, lang)
    return best


def guess_language(text: str) -> str | None:
    """The language of ``text`` when its letters alone point to one, else None.

    Cheap (no lexicon, the head of the text only): for text whose charset needed no
    guessing. Letters shared by several alphabets give no answer.

    >>> guess_language("Die Straße ist gesperrt"), guess_language("café"), guess_language("abc")
    ('de', None, None)
    >>> guess_language("Αθήνα"), guess_language("こんにちは")
    ('el', 'ja')
    """
    head = text[: thresholds.MAX_LANGUAGE_GUESS_CHARS]
    if not any(char.isalpha() for char in _NON_ASCII_RE.findall(head)):
        return None  # ASCII letters only (curly quotes and dashes say nothing)
    fits = _language_fits(_profile(head))
    if len(fits) > 1 and fits[1][0] >= fits[0][0]:
        return None
    return fits[0][1] if fits[0][0] > 0 else None


def plausibility(text: str) -> tuple[float, str | None]:
    """How plausible ``text`` is as language (about 0..1), and the language it reads as.

    >>> plausibility("Lietuvių kalba")[1]
    'lt'
    >>> plausibility("Lietuvi\u0159 kalba")[0] < plausibility("Lietuvių kalba")[0]
    True
    """
    return _plausibility(_profile(text), use_lexicon=True)


# ---------------------------------------------------------------------------------------
# Ranking legacy candidates


@dataclass(frozen=True, slots=True)
class _Ranked:
    encoding: str
    score: float
    language: str | None
    equivalents: tuple[str, ...] = ()
    evidence: int = 0  # non-ASCII chunks the score rests on


def _candidate_names(sample: bytes) -> list[str]:
    """Table charsets first (their order is the name preference), then charset-normalizer's."""
    names: list[str] = []
    seen: set[str] = set()
    ebcdic = sample.count(charsets.EBCDIC_SPACE) >= thresholds.MIN_EBCDIC_SPACE_SHARE * len(sample)
    found: list[str] = []
    for match in charset_normalizer.from_bytes(sample):
        found.append(match.encoding)
        found.extend(match.could_be_from_charset)
    for name in (*charsets.LEGACY_CHARSETS, *found):
        try:
            canon = codecs.lookup(name).name
        except LookupError:
            continue
        if canon in seen or canon == UTF8 or canon in charsets.NEVER_GUESSED:
            continue
        if canon in charsets.EBCDIC_CHARSETS and not ebcdic:
            continue
        seen.add(canon)
        names.append(canon)
    if len(sample) % 2 == 0:  # UTF-16 of CJK text has no NUL bytes to give it away
        names += charsets.UTF16_FORMS
    return names


def _rarity(encoding: str) -> float:
    """Score handicap of a charset: grows along the table, more outside it."""
    try:
        return thresholds.CHARSET_RANK_PENALTY * charsets.LEGACY_CHARSETS.index(encoding)
    except ValueError:
        return thresholds.RARE_CHARSET_PENALTY


def rank_charsets(sample: bytes) -> list[_Ranked]:
    """Legacy charsets that decode ``sample``, best first; equivalent decodings merged.

    >>> [r.encoding for r in rank_charsets("café crème".encode("cp1252"))][:1]
    ['cp1252']
    >>> rank_charsets("привет, как дела".encode("cp1251"))[0].encoding
    'cp1251'
    """
    texts: dict[str, list[str]] = {}
    for name in _candidate_names(sample):
        text = _decode_prefix(sample, name)
        if text is not None:
            texts.setdefault(text, []).append(name)
    if not texts:
        return []
    memo = _Memo()
    profiles = {
        text: _profile(text, ebcdic=names[0] in charsets.EBCDIC_CHARSETS, memo=memo)
        for text, names in texts.items()
    }
    # Form alone gives an upper bound of each decoding's score (every well-formed word might
    # be known): lexicons are consulted best bound first, until no bound can beat the best
    # score found (or MAX_DETECT_LEXICON_CANDIDATES decodings were checked).
    bound = {
        t: _plausibility(p, use_lexicon=False)[0] - _rarity(texts[t][0])
        for t, p in profiles.items()
    }
    first = sorted(texts, key=lambda t: -bound[t])  # stable: ties keep the table's order
    order = {text: i for i, text in enumerate(texts)}
    scored: dict[str, tuple[float, str | None]] = {}
    best = float("-inf")
    for text in first:
        if bound[text] < best or len(scored) >= thresholds.MAX_DETECT_LEXICON_CANDIDATES:
            break
        score, lang = _plausibility(profiles[text], use_lexicon=True)
        scored[text] = (score - _rarity(texts[text][0]), lang)
        best = max(best, scored[text][0])
    checked = sorted(scored, key=lambda t: (-scored[t][0], order[t]))
    floor = scored[checked[-1]][0]
    ranked = [
        _Ranked(texts[t][0], *scored[t], tuple(texts[t][1:]), profiles[t].chunk_total)
        for t in checked
    ]
    for text in first:
        if text not in scored:
            _bound, lang = _plausibility(profiles[text], use_lexicon=False)
            score = min(bound[text], floor)
            equivalents = tuple(texts[text][1:])
            evidence = profiles[text].chunk_total
            ranked.append(_Ranked(texts[text][0], score, lang, equivalents, evidence))
    return ranked


def _confidence(ranked: list[_Ranked]) -> float:
    """The best score, discounted for a small gap to the runner-up and for little evidence
    (one word in a wrong charset can read as a plausible word)."""
    top = ranked[0]
    evidence = max(r.evidence for r in ranked[:2])  # an all-ASCII EBCDIC reading has none
    weight = evidence / (evidence + thresholds.HALF_EVIDENCE_CHUNKS)
    best = max(0.0, min(1.0, top.score)) * weight
    if len(ranked) == 1:
        return best
    gap = top.score - ranked[1].score
    floor = thresholds.MIN_GAP_CONFIDENCE_FACTOR
    return best * (floor + (1.0 - floor) * min(1.0, gap / thresholds.DECISIVE_SCORE_GAP))


def _candidates(ranked: list[_Ranked]) -> tuple[tuple[str, float], ...]:
    """The best few candidates with their scores clamped to 0..1, for the report."""
    top = ranked[: thresholds.MAX_REPORTED_CANDIDATES]
    return tuple((r.encoding, max(0.0, min(1.0, r.score))) for r in top)


# ---------------------------------------------------------------------------------------
# The decode paths


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in charsets.BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _utf16_32_without_bom(data: bytes) -> tuple[str, str, float] | None:
    """(encoding, text, confidence) when NUL bytes fall in a UTF-16/32 pattern and the
    decode is clean, or when a UTF-16 reading is clean and plausible.

    >>> _utf16_32_without_bom("Grüße aus Köln".encode("utf-16-le"))[0]
    'utf-16-le'
    >>> _utf16_32_without_bom("Привет, мир".encode("utf-16-be"))[0]
    'utf-16-be'
    """
    sample = data[: thresholds.DETECT_SAMPLE_BYTES]
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    units = size // 4
    zero = [sample[i:size:4].count(0) / units for i in range(4)]
    tries: list[str] = []
    if len(data) % 4 == 0:
        if zero[3] == 1.0 and zero[2] >= thresholds.MIN_UTF32_PLANE_NUL_SHARE:
            tries.append("utf-32-le")
        if zero[0] == 1.0 and zero[1] >= thresholds.MIN_UTF32_PLANE_NUL_SHARE:
            tries.append("utf-32-be")
    if len(data) % 2 == 0:
        even, odd = (zero[0] + zero[2]) / 2, (zero[1] + zero[3]) / 2
        ratio = thresholds.MAX_UTF16_OTHER_PARITY_NUL_RATIO
        if odd >= thresholds.MIN_UTF16_NUL_SHARE and even <= odd * ratio:
            tries.append("utf-16-le")
        if even >= thresholds.MIN_UTF16_NUL_SHARE and odd <= even * ratio:
            tries.append("utf-16-be")
    for encoding in tries:
        text = _decode(data, encoding)
        if text is None:
            continue
        if _bad_count(text) <= thresholds.MAX_UTF16_BAD_CHAR_SHARE * len(text):
            return encoding, text, thresholds.UTF16_PATTERN_CONFIDENCE
    if tries or len(data) % 2:
        return None
    # Few NULs (text mostly outside Latin-1: Thai, CJK): accept a clean, plausible reading.
    for encoding in charsets.UTF16_FORMS:
        text = _decode(data, encoding)
        if text is None or _bad_count(text) > thresholds.MAX_UTF16_BAD_CHAR_SHARE * len(text):
            continue
        score = plausibility(text[: thresholds.DETECT_SAMPLE_BYTES])[0]
        if score >= thresholds.MIN_UTF16_SCORE:
            return encoding, text, min(1.0, score)
    return None


def _escape_charset(data: bytes) -> tuple[str, str] | None:
    """ISO-2022 text: 7-bit bytes with ESC sequences that a strict decode accepts."""
    for encoding in charsets.ESCAPE_CHARSETS:
        text = _decode(data, encoding)
        if text is not None and not text.isascii():
            return codecs.lookup(encoding).name, text
    return None


def _truncated_utf8(data: bytes) -> str | None:
    """UTF-8 whose only fault is an incomplete character at the very end."""
    try:
        data.decode(UTF8)
    except UnicodeDecodeError as err:
        # Only with evidence: earlier multi-byte characters (a legacy text may end in a
        # byte that merely looks like the start of one).
        cut = err.reason == "unexpected end of data" and err.end == len(data)
        if cut and not data[: err.start].isascii():
            return data.decode(UTF8, errors="replace")
    return None


def _decode_with(data: bytes, ranked: list[_Ranked]) -> tuple[_Ranked, str] | None:
    """The first ranked charset (or an equivalent) that decodes all of ``data``."""
    for r in ranked:
        for name in (r.encoding, *r.equivalents):
            text = _decode(data, name)
            if text is not None:
                return _Ranked(name, r.score, r.language, evidence=r.evidence), text
    return None


# A multi-byte UTF-8 sequence; without one no line can be non-ASCII UTF-8.
_UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _split_lines(data: bytes) -> tuple[list[bytes], int, int]:
    """Lines, how many are non-ASCII UTF-8 and how many are not UTF-8."""
    lines = data.splitlines(keepends=True)
    utf8_lines = legacy_lines = 0
    for line in lines:
        if line.isascii():
            continue
        if _decode(line, UTF8) is None:
            legacy_lines += 1
        else:
            utf8_lines += 1
    return lines, utf8_lines, legacy_lines


def _mixed(lines: list[bytes], whole: str | None) -> tuple[str, _Ranked, float] | None:
    """Decode UTF-8 lines as UTF-8 and the others with the charset chosen on them, pooled.

    None when the charset chosen for the whole document (``whole``) reads the UTF-8 lines
    more plausibly than UTF-8 does (their validity as UTF-8 was chance).
    """
    legacy = [line for line in lines if not line.isascii() and _decode(line, UTF8) is None]
    utf8 = [line for line in lines if not line.isascii() and _decode(line, UTF8) is not None]
    if whole is not None:
        pooled = b"".join(utf8)[: thresholds.DETECT_SAMPLE_BYTES]
        as_legacy = _decode_prefix(pooled, whole)
        as_utf8 = pooled.decode(UTF8, errors="ignore")
        if as_legacy is not None and plausibility(as_legacy)[0] > plausibility(as_utf8)[0]:
            return None
    ranked = rank_charsets(b"".join(legacy)[: thresholds.DETECT_SAMPLE_BYTES])
    chosen = _decode_with(b"".join(legacy), ranked)
    if chosen is None:
        return None
    best = chosen[0]
    parts = []
    for line in lines:
        text = _decode(line, UTF8)
        parts.append(text if text is not None else line.decode(best.encoding))
    return "".join(parts), best, _confidence(ranked)


def _step(reason: Reason, encoding: str, confidence: float, action: str = "decode") -> Step:
    return Step(Stage.DECODE, action, reason, detail=encoding, confidence=confidence)


def _result(
    text: str,
    encoding: str,
    confidence: float,
    reason: Reason,
    *,
    candidates: tuple[tuple[str, float], ...] = (),
    language: str | None = None,
    declared: str | None = None,
    declared_used: bool = False,
    earlier: tuple[Step, ...] = (),
) -> Decoded:
    decoding = Decoding(
        encoding,
        confidence,
        candidates or ((encoding, confidence),),
        language=language,
        declared=declared,
        declared_used=declared_used,
    )
    return Decoded(text, decoding, (*earlier, _step(reason, encoding, confidence)))


def _detect_legacy(data: bytes, declared: str | None, earlier: tuple[Step, ...]) -> Decoded:
    sample = data[: thresholds.DETECT_SAMPLE_BYTES]
    ranked = rank_charsets(sample)
    whole = _decode_with(data, ranked)
    utf8_lines = legacy_lines = 0
    lines: list[bytes] = []
    if _UTF8_SEQUENCE_RE.search(data):
        lines, utf8_lines, legacy_lines = _split_lines(data)
    if utf8_lines and legacy_lines:
        mixed = _mixed(lines, whole[0].encoding if whole is not None else None)
        if mixed is not None:
            text, best, conf = mixed
            label = f"{UTF8}+{best.encoding}"
            return _result(
                text,
                label,
                conf,
                Reason.MIXED_LINES,
                candidates=((label, conf), *_candidates(ranked)),
                language=best.language,
                declared=declared,
                earlier=earlier,
            )
    if whole is not None:
        best, text = whole
        conf = _confidence(ranked)
        reason = Reason.DETECTED
        if best.score < thresholds.MIN_DETECTED_SCORE:
            reason = Reason.BEST_EFFORT
        return _result(
            text,
            best.encoding,
            conf,
            reason,
            candidates=_candidates(ranked),
            language=best.language,
            declared=declared,
            earlier=earlier,
        )
    encoding = ranked[0].encoding if ranked else UTF8
    text = data.decode(encoding, errors="replace")
    conf = min(_confidence(ranked) if ranked else 0.0, thresholds.MIN_DETECTED_SCORE) / 2
    return _result(
        text,
        encoding,
        conf,
        Reason.BEST_EFFORT,
        candidates=_candidates(ranked),
        language=ranked[0].language if ranked else None,
        declared=declared,
        earlier=earlier,
    )


def detect_encoding(data: bytes, declared_encoding: str | None = None) -> Decoded:
    """Decode ``data``; never fails on any byte string except an invalid declared charset.

    ``decoding.encoding`` is a Python codec name, or ``utf-8+<charset>`` for a file whose
    UTF-8 lines and legacy lines were decoded apart (reason ``mixed_line_encodings``).
    A declared charset that does not decode the bytes leaves a ``reject_declared`` step
    before the detection's own step; ``declared_used`` says whether it was followed.

    >>> detect_encoding("café".encode()).decoding.encoding
    'utf-8'
    >>> d = detect_encoding("Grüße aus Köln und Zürich".encode("cp1252"))
    >>> d.text, d.decoding.encoding, d.decoding.language
    ('Grüße aus Köln und Zürich', 'cp1252', 'de')
    >>> detect_encoding(b"\\xef\\xbb\\xbfhi").steps[0].reason
    <Reason.BOM: 'bom'>
    """
    declared = canonical_charset(declared_encoding) if declared_encoding is not None else None
    earlier: tuple[Step, ...] = ()
    bom = _bom(data)
    if bom is not None:
        encoding, skip = bom
        text = _decode(data[skip:], encoding)
        if text is not None:
            used = declared is not None and declared.split("-")[:2] == encoding.split("-")[:2]
            return _result(
                text,
                encoding,
                thresholds.BOM_CONFIDENCE,
                Reason.BOM,
                declared=declared,
                declared_used=used,
            )
    if declared is not None:
        reading = declared
        text = None
        superset = charsets.DECLARED_SUPERSETS.get(declared)
        if superset is not None:
            text = _decode(data, superset)
            reading = superset if text is not None else declared
        if text is None:
            text = _decode(data, declared)
        if text is not None:
            if text.isascii() or declared.startswith("utf"):
                # nothing was guessed: the cheap letter-based language is enough
                conf, lang = 1.0, guess_language(text)
            else:
                score, lang = plausibility(text[: thresholds.DETECT_SAMPLE_BYTES])
                conf = max(0.0, min(1.0, score))
            return _result(
                text,
                reading,
                conf,
                Reason.DECLARED,
                language=lang,
                declared=declared,
                declared_used=True,
            )
        earlier = (_step(Reason.DECLARED, declared, 0.0, action="reject_declared"),)
    if b"\x00" in data:
        utf16 = _utf16_32_without_bom(data)
        if utf16 is not None:
            encoding, text, conf = utf16
            return _result(
                text,
                encoding,
                conf,
                Reason.DETECTED,
                language=guess_language(text),
                declared=declared,
                earlier=earlier,
            )
    try:
        text = data.decode(UTF8)
    except UnicodeDecodeError:
        pass
    else:
        if b"\x1b" in data and data.isascii():
            found = _escape_charset(data)
            if found is not None:
                return _result(
                    found[1],
                    found[0],
                    thresholds.ESCAPE_CHARSET_CONFIDENCE,
                    Reason.DETECTED,
                    language=guess_language(found[1]),
                    declared=declared,
                    earlier=earlier,
                )
        return _result(
            text,
            UTF8,
            thresholds.UTF8_CONFIDENCE,
            Reason.DETECTED,
            language=guess_language(text),
            declared=declared,
            earlier=earlier,
        )
    truncated = _truncated_utf8(data)
    if truncated is not None:
        return _result(
            truncated,
            UTF8,
            thresholds.TRUNCATED_UTF8_CONFIDENCE,
            Reason.DETECTED,
            declared=declared,
            earlier=earlier,
        )
    return _detect_legacy(data, declared, earlier)
