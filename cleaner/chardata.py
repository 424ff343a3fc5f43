"""Data tables for mojibake repair: charsets to try, character classes, suspicious sequences.

Everything here is data (or built from data by small pure helpers at import time); the
logic that uses it lives in :mod:`cleaner.repair`. Standard library only.

Mojibake is UTF-8 that was read through a single-byte charset. In UTF-8 every non-ASCII
character is a *lead* byte (0xC2-0xF4) followed by one to three *continuation* bytes
(0x80-0xBF). Read through a charset, those bytes become characters of that charset, so
mojibake of charset ``cs`` is a run of "lead characters" of ``cs`` each followed by the
right number of "continuation characters" of ``cs``. The tables below hold, per charset,
which characters those are.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

# ---------------------------------------------------------------------------------------
# Charsets whose misreading of UTF-8 is repaired, in order of prior likelihood (ties in
# plausibility go to the earlier one). Python codec names; the ``sloppy-`` variants are the
# ftfy codecs that map the bytes a Windows code page leaves undefined to the C1 controls of
# the same number, as browsers do, so text that went through them still re-encodes.
# Known false positives: short all-capital Cyrillic or Greek words can be valid
# cp1251/cp1253 mojibake by chance; plausibility scoring keeps those unchanged.
REPAIR_CHARSETS: tuple[str, ...] = (
    "sloppy-windows-1252",
    "latin-1",
    "sloppy-windows-1250",
    "iso-8859-2",
    "sloppy-windows-1251",
    "mac_roman",
    "cp437",
    "sloppy-windows-1253",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "koi8_r",
    "cp866",
    "cp850",
)

# The stdlib codec a sloppy codec extends (used to build the tables without ftfy).
SLOPPY_BASE: MappingProxyType[str, str] = MappingProxyType(
    {
        "sloppy-windows-1250": "cp1250",
        "sloppy-windows-1251": "cp1251",
        "sloppy-windows-1252": "cp1252",
        "sloppy-windows-1253": "cp1253",
        "sloppy-windows-1254": "cp1254",
        "sloppy-windows-1257": "cp1257",
    }
)

# Charsets whose bytes 0x80-0x9F are letters: C1 controls found *inside* words were most
# likely one of these letters read as Latin-1 (``Coatl\x87n`` is mac_roman ``Coatlán``).
# Windows-1252 is tried for every C1 control (there 0x80-0x9F are mostly punctuation).
C1_LETTER_CHARSETS: tuple[str, ...] = ("mac_roman", "cp850", "cp437")

# Bytes a lossy round trip may have dropped or replaced, per charset: the bytes the
# charset leaves undefined (``errors="replace"`` made them ``?`` or U+FFFD, or
# ``errors="ignore"`` dropped them) and, for every charset, 0xA0 whose character (NBSP)
# is often turned into a plain space.
NBSP_BYTE = 0xA0


def _table(charset: str) -> str:
    """The 256 characters of a single-byte charset; undefined bytes map to U+0000 + byte.

    >>> _table("latin-1")[0xE9]
    'é'
    >>> _table("sloppy-windows-1252")[0x81]
    '\\x81'
    """
    base = SLOPPY_BASE.get(charset, charset)
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode(base))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


def _undefined_bytes(charset: str) -> bytes:
    """Bytes ``charset`` leaves undefined (all C1 bytes for Latin-1, whose C1 are controls).

    >>> _undefined_bytes("sloppy-windows-1252")
    b'\\x81\\x8d\\x8f\\x90\\x9d'
    >>> len(_undefined_bytes("latin-1"))
    32
    """
    if charset == "latin-1":
        return bytes(range(0x80, 0xA0))
    base = SLOPPY_BASE.get(charset, charset)
    out = []
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(base)
        except UnicodeDecodeError:
            out.append(byte)
    return bytes(out)


def _char_class(chars: str) -> str:
    """A regex character class matching exactly ``chars``.

    >>> _char_class("a-]")
    '[\\\\-\\\\]a]'
    """
    return "[" + "".join(re.escape(c) if c in "\\]^-[" else c for c in sorted(set(chars))) + "]"


# Per charset: the characters of lead bytes (2-, 3- and 4-byte sequences) and continuation
# bytes of UTF-8.
CHARSET_TABLES: MappingProxyType[str, str] = MappingProxyType(
    {cs: _table(cs) for cs in REPAIR_CHARSETS}
)
UNDEFINED_BYTES: MappingProxyType[str, bytes] = MappingProxyType(
    {cs: _undefined_bytes(cs) for cs in REPAIR_CHARSETS}
)


def _classes(table: str) -> tuple[str, str, str, str]:
    return (
        _char_class(table[0xC2:0xE0]),
        _char_class(table[0xE0:0xF0]),
        _char_class(table[0xF0:0xF5]),
        _char_class(table[0x80:0xC0]),
    )


def _run_pattern(charset: str) -> re.Pattern[str]:
    """A run of complete UTF-8 sequences as read through ``charset``.

    The alternatives start with disjoint classes (2-, 3-, 4-byte leads), which never match
    a continuation character, so the repetition cannot backtrack: matching is linear.

    >>> bool(_run_pattern("sloppy-windows-1252").fullmatch("Ã©Ã¨"))
    True
    """
    l2, l3, l4, c = _classes(CHARSET_TABLES[charset])
    return re.compile(f"(?:{l2}{c}|{l3}{c}{{2}}|{l4}{c}{{3}})+")


def _lossy_pattern(charset: str) -> re.Pattern[str]:
    """Lead characters followed by continuation characters, some of which may have been
    lost (``?``, U+FFFD, a space that was NBSP, or nothing at all), in runs.

    A lead and the continuation characters after it, with at most 3 continuation slots;
    the caller decides whether the bytes fit. One character class per slot keeps it linear.

    >>> _lossy_pattern("latin-1").search("H\\u00e1\\u00bb?c").group()
    'á»?'
    """
    l2, l3, l4, c = _classes(CHARSET_TABLES[charset])
    lead = l2[:-1] + l3[1:-1] + l4[1:]
    slot = c[:-1] + "?\N{REPLACEMENT CHARACTER} ]"
    return re.compile(f"{lead}{slot}{{0,3}}")


RUN_PATTERNS: MappingProxyType[str, re.Pattern[str]] = MappingProxyType(
    {cs: _run_pattern(cs) for cs in REPAIR_CHARSETS}
)
LOSSY_PATTERNS: MappingProxyType[str, re.Pattern[str]] = MappingProxyType(
    {cs: _lossy_pattern(cs) for cs in REPAIR_CHARSETS}
)

# One pattern that finds candidate mojibake anywhere in a text: a lead character of any
# charset followed by a continuation character of the same charset (or by a lost byte:
# ``?``, U+FFFD, a space), or a C1 control. It only routes lines to the full check, so it
# may over-match: Russian ``лё`` (a KOI8-R lead and continuation) or ``Т»`` (cp1251) are
# found and then left alone by the plausibility test. Built from the tables above.
# A lookahead on the union of every charset's lead characters comes first: most positions
# of a text hold no lead character, and one class test rejects them before the alternation
# (one branch per charset) is tried; this makes the scan about six times faster.
_SUSPECT_LEADS = _char_class(
    "".join(CHARSET_TABLES[cs][0xC2:0xF5] for cs in REPAIR_CHARSETS)
    + "".join(map(chr, range(0x80, 0xA0)))
)
SUSPECT_RE: re.Pattern[str] = re.compile(
    f"(?={_SUSPECT_LEADS})(?:"
    + "|".join(
        f"{l2[:-1] + l3[1:-1] + l4[1:]}{c[:-1]}?\N{REPLACEMENT CHARACTER}]"
        for l2, l3, l4, c in (_classes(CHARSET_TABLES[cs]) for cs in REPAIR_CHARSETS)
    )
    + "|[\x80-\x9f])"
)

# Lines are split on these (the same breaks as ``str.splitlines`` keeps apart, minus the
# rare ones that ftfy and browsers do not treat as breaks).
LINE_RE: re.Pattern[str] = re.compile(r"[^\n]*\n?")

# ---------------------------------------------------------------------------------------
# Scripts, for the "one word, one script" plausibility test. Ranges of code points and the
# script they belong to; anything else gets a script id from its 128-code-point block.
# Han and Kana are one script (Japanese mixes them inside words); Latin includes the
# Latin-1 Supplement letters and Latin Extended Additional (Vietnamese).
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0250, 0x02AF, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x3130, 0x318F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x30FF, "cjk"),
    (0x3400, 0x4DBF, "cjk"),
    (0x4E00, 0x9FFF, "cjk"),
)

# Characters that are rare in running text but common in mojibake: box drawing and block
# elements (cp437/cp866/KOI8-R), C1 controls, the replacement character, private use.
# Box characters count only next to a non-ASCII letter, so tables are not rare.
RARE_CHAR_RE: re.Pattern[str] = re.compile(
    "[\x80-\x9f\u2320\u2321\u2310\ue000-\uf8ff]"
    # box drawing and block elements touching a non-ASCII letter (tables keep them apart
    # or hold ASCII text)
    r"|(?<=[^\W\d_\x00-\x7f])[\u2500-\u259f]|[\u2500-\u259f](?=[^\W\d_\x00-\x7f])"
    # a no-break space next to a plain space (a lost byte restored in the wrong place)
    "|(?<= )\u00a0|\u00a0(?= )"
    # a combining mark that follows no letter
    r"|(?<![^\W\d_])[\u0300-\u036f]"
)

# Non-ASCII punctuation and symbols wedged between two letters (``Ч”Ч``, ``Ã©t``); in
# real text these sit next to spaces. Letters are ``[^\W\d_]``. Known false positives:
# ``l’été`` (apostrophes, excluded) and ``this—that`` (dashes, kept: Mac Roman mojibake
# of Cyrillic is full of them, and a cost alone never changes text).
SYMBOL_IN_WORD_RE: re.Pattern[str] = re.compile(
    r"(?<=[^\W\d_])[^\w\s\x00-\x7f\u2019\u02bc\u2027\u00ad\u200c\u200d]+(?=[^\W\d_])"
)

# Catalan's ``l·l`` is the one common middle dot between letters; it is not counted.
CATALAN_MIDDLE_DOT = "l\u00b7l"

# Words (letter runs, with combining marks) for the script test.
WORD_RE: re.Pattern[str] = re.compile(
    r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0e31-\u0e4e\u0900-\u0903\u093a-\u094f])*"
)

# Word tokens for the "quoted mojibake" test: a mojibake chunk whose repaired form already
# appears as a token of the same line is being quoted, not suffered (``"Ãœber" instead of
# "Über"``). Tokens are whitespace-separated, stripped of ASCII punctuation.
TOKEN_RE: re.Pattern[str] = re.compile(r"\S+")
TOKEN_STRIP_ASCII = "\"'()[]{}<>.,;:!?*`"
TOKEN_STRIP = TOKEN_STRIP_ASCII + "\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a"

# Lexicon languages per non-Latin script (wordfreq codes; ``sh`` is Serbo-Croatian). Latin
# text gets its languages from LATIN_ALPHABETS instead.
LEXICON_LANGUAGES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "cyrillic": ("ru", "uk", "bg", "mk", "sh"),
        "greek": ("el",),
        "arabic": ("ar", "fa", "ur"),
        "hebrew": ("he",),
        "devanagari": ("hi",),
        "bengali": ("bn",),
        "hangul": ("ko",),
    }
)

# Other spellings of a letter that a lexicon may list a word under: Romanian s and t with a
# comma below are often written with a cedilla (the older code pages had only those), while
# the word lists spell them with the comma. A word is known when either spelling is (the
# cedilla is right in Turkish, so the original spelling is always tried first).
LEXICON_SPELLINGS: MappingProxyType[int, str] = MappingProxyType(
    {
        ord("\N{LATIN SMALL LETTER S WITH CEDILLA}"): "\N{LATIN SMALL LETTER S WITH COMMA BELOW}",
        ord("\N{LATIN SMALL LETTER T WITH CEDILLA}"): "\N{LATIN SMALL LETTER T WITH COMMA BELOW}",
    }
)

# Vietnamese vowels with a tone mark (``ạ`` ... ``ỹ``): the lower-case letters of the
# Vietnamese part of Latin Extended Additional, U+1EA1 to U+1EF9, every second code point.
_VIETNAMESE_TONED = "".join(chr(code) for code in range(0x1EA1, 0x1EFA, 2))

# Non-ASCII letters of the Latin alphabets of the languages whose text is repaired, in
# lower case, one string per language. A word whose non-ASCII letters fit no single
# alphabet (``KĂśtzting``: Romanian ``ă`` with Polish ``ś``) is most likely mojibake from
# a neighbouring code page. Known false positives: names and loanwords that mix alphabets
# (``Dvořák's café``), which are only penalised, never changed on this alone. Vietnamese
# is tested by range (Latin Extended Additional) in addition to its letters here. Ordered
# by how much text there is in each language: ties in language guessing go to the first.
LATIN_ALPHABETS: MappingProxyType[str, str] = MappingProxyType(
    {
        "de": "äöüßé",
        "fr": "àâæçéèêëîïôœùûüÿ",
        "es": "áéíñóúü",
        "pt": "áâãàçéêíóôõúü",
        "it": "àèéìíîòóùú",
        "pl": "ąćęłńóśźż",
        "nl": "áéëïóöüèíú",
        "cs": "áčďéěíňóřšťúůýž",
        "tr": "çğıöşüâîû",
        "ro": "ăâîșțşţ",
        "hu": "áéíóöőúüű",
        "sv": "åäöé",
        "vi": "àáâãèéêìíòóôõùúýăđĩũơư" + _VIETNAMESE_TONED,
        "sk": "áäčďéíĺľňóôŕšťúýž",
        "da": "æøåéü",
        "nb": "æøåéèóôò",
        "fi": "äöåšž",
        "sh": "čćđšž",
        "sl": "čšžćđ",
        "lt": "ąčęėįšųūž",
        "lv": "āčēģīķļņšūž",
        "ca": "àçèéíïòóúü",
        "is": "áðéíóúýþæö",
        "et": "äõöüšž",
        "az": "çəğıöşü",
        "sq": "çë",
        "mt": "àċèġħìòùż",
        "ku": "çêîşû",
        "ga": "áéíóú",
        "cy": "âêîôûŵŷäëïöüáéíóú",
    }
)

# Letters of Latin Extended-B (U+0180-U+024F) that no alphabet above writes (``Ɔ``,
# ``Ʃ``, ``ƭ``, ``Ⱦ``): in running text of these languages they are mojibake from a DOS
# code page (pinyin's ``ǎ`` ... ``ǜ`` excepted). Known false positives: African alphabets
# (``ɓ``, ``ƙ``, ``Ɛ``), which only add a cost to every reading of their line alike.
RARE_LATIN_RE: re.Pattern[str] = re.compile(
    "["
    + "".join(
        chr(code)
        for code in range(0x0180, 0x0250)
        if chr(code).isalpha()
        and not 0x01CD <= code <= 0x01DC  # pinyin tone letters (``ǎ``, ``ǚ``)
        and not any(chr(code).lower() in alphabet for alphabet in LATIN_ALPHABETS.values())
    )
    + "]"
)

# Non-ASCII Latin letters roughly from most to least common in European text; of two
# readings that are equally plausible otherwise, the one using commoner letters wins
# (``Türabi`` over ``Tßrabi``: iso-8859-2 and cp1250 differ in a few bytes).
COMMON_LETTERS = "éáóíüöäúñçàèãõâêôìòùëïîøåæœßšžčřěýůłńśźżąęăşţșțğıőűėįųūāēīņļķģđćľĺŕňťďð"

# A question mark wedged between a non-ASCII character and a letter or another non-ASCII
# character (``Ä?iÄ``, ``Há»?c``): a byte lost to ``errors="replace"``; not before the
# closing quotes, ellipsis and spaces real questions end with (``¿Qué?»``). Known false
# positives: ``¿Qué?dijo`` without a space, which is rare.
LOST_QMARK_RE: re.Pattern[str] = re.compile(
    r"(?<=[^\x00-\x7f])\?(?=[^\W\d_]|[^\x00-\x7f\s"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
    "\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{HORIZONTAL ELLIPSIS}])"
)

# The characters of UTF-8 continuation bytes (0x80-0xBF) read as Windows-1252 or Latin-1
# (its punctuation, the C1 controls of its undefined bytes, NBSP to U+00BF), minus its
# letters (``najvä?ších`` is Slovak that lost a letter, not mojibake) and the closing
# punctuation real text puts before or after a question mark (``Qué?»``, ``“café”?``).
_CONTINUATION_CHARS = "".join(
    ch
    for ch in sorted(
        set(CHARSET_TABLES["sloppy-windows-1252"][0x80:0xC0] + "".join(map(chr, range(0x80, 0xC0))))
        - set("\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}")
        - set("\N{HORIZONTAL ELLIPSIS}\N{NO-BREAK SPACE}")
    )
    if not ch.isalpha()
)
_LOST_MARK_CLASS = "[?\N{REPLACEMENT CHARACTER}]"
# A three-byte UTF-8 sequence read as Windows-1252 or Latin-1 (lead ``à``-``ï``) with a
# byte lost to ``?`` or U+FFFD: one continuation survives (``á»?``, ``â?¬``), or both were
# lost and more non-ASCII text is glued to it (``ì??ì``: Korean, Chinese, Japanese).
# Each is a character destroyed by a lossy round trip. Known false positives: a word
# ending in ``à``-``ï`` then ``??`` right before non-ASCII text (``è??é``), which is rare,
# and ``×`` written between letters (``a×b``) instead of spaces.
LOST_SEQUENCE_RE: re.Pattern[str] = re.compile(
    f"[\u00e0-\u00ef](?:{_char_class(_CONTINUATION_CHARS)}{_LOST_MARK_CLASS}"
    f"|{_LOST_MARK_CLASS}{_char_class(_CONTINUATION_CHARS.replace(chr(0xBB), ''))}"
    rf"|{_LOST_MARK_CLASS}{{2}}(?=[^\x00-\x7f\s]))"
    # a Hebrew lead (D7 read as ``×``) whose second byte was lost before a letter, a lost
    # mark or the next lead, or was an NBSP turned into a space before more non-ASCII
    # letters; a multiplication sign stands between numbers
    r"|\u00d7(?=[^\W\d_]|[\u00d7?\ufffd]| [^\W\d_\x00-\x7f]| \u00d7)"
)


def _ranges_class(codes: list[int]) -> str:
    """A regex character class for sorted code points, written as ranges.

    >>> _ranges_class([0x41, 0x42, 0x43, 0x45])
    '[\\\\u0041-\\\\u0043\\\\u0045-\\\\u0045]'
    """
    parts = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            parts.append(f"\\u{start:04x}-\\u{prev:04x}")
            start = code
        prev = code
    return "[" + "".join(parts) + "]"


# Non-spacing marks of the Basic Multilingual Plane other than the generic combining
# diacritics (U+0300-U+036F): script-specific vowel signs and points. Built from
# unicodedata at import; used to find marks that follow a letter of another script.
SCRIPT_MARK_RE: re.Pattern[str] = re.compile(
    _ranges_class([c for c in range(0x0370, 0x10000) if unicodedata.category(chr(c)) == "Mn"])
)
