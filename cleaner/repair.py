"""Mojibake repair: ftfy underneath, plus the single-byte charsets and layers ftfy misses.

The only module that imports ftfy.

How a document is repaired
  1. A fast scan (:data:`cleaner.chardata.SUSPECT_RE`, one precompiled regex over the whole
     text) finds lines that may hold mojibake; every other line is left as it is.
  2. Each suspect line is repaired on its own: for every charset of
     :data:`cleaner.chardata.REPAIR_CHARSETS`, the runs of characters that form complete
     UTF-8 sequences as read through that charset are re-encoded and decoded as UTF-8,
     up to :data:`cleaner.thresholds.MAX_MOJIBAKE_LAYERS` times (mojibake of mojibake).
     Bytes lost on the way (``?``, U+FFFD, nothing, NBSP turned into a space) are filled
     in when exactly one choice decodes to known words, else left as U+FFFD for recovery.
     Only letters of the alphabet of the line's undamaged words are tried; a name no
     lexicon knows is filled when a single choice keeps it in one alphabet. A byte that
     vanished is one the charset cannot show (any C1 byte when the line shows none of the
     charset's own 0x80-0x9F characters), and none vanished on a line that marks its lost
     bytes. A character that lost two bytes or more amid mojibake becomes one U+FFFD; an
     undecided lead whose byte vanished too, unless it may be a letter of the line as it is.
     C1 controls are read as Windows-1252 (or, inside words, as a charset whose 0x80-0x9F
     are letters). ftfy's own repair of the line is one more candidate.
  3. A candidate replaces the line only when it is clearly more plausible
     (:func:`implausibility`: ftfy's badness, rare characters, symbols inside words,
     words that mix scripts or flip case) and the line is not *quoting* mojibake
     (the repaired form of a chunk already appears as a word of the line).
  4. Every changed chunk becomes a :class:`~cleaner.trace.Step` with its line, offsets in
     the stage input, ``before``/``after`` and the chain of charsets in ``detail``.

Options that restyle clean text (``uncurl_quotes``, ``fix_character_width``,
``fix_latin_ligatures``, ``fix_line_breaks``, ``unescape_html``) run the ftfy fixer of the
same name, only when asked. Unicode normalisation is the pipeline's last stage.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import ftfy
import ftfy.fixes
from ftfy.badness import badness

from cleaner import chardata, lexicon, thresholds
from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage, Step

_SCRIPT_STARTS = [start for start, _end, _name in chardata.SCRIPT_RANGES]
_SORTED_RANGES = sorted(chardata.SCRIPT_RANGES)
_SCRIPT_STARTS = [r[0] for r in _SORTED_RANGES]

# ftfy configured to repair encoding only: every restyling fixer off (those run only when
# an option asks for them, see _style_fixers).
_FTFY_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    normalization=None,
    remove_terminal_escapes=False,
    fix_surrogates=False,
    remove_control_chars=False,
    explain=True,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way to read a line: the text, the chain that produced it and its cost."""

    text: str
    chain: tuple[str, ...]
    cost: float
    reason: Reason = Reason.MOJIBAKE
    complete: bool = False


# ---------------------------------------------------------------------------------------
# Plausibility


def script_of(char: str) -> str:
    """The script of a letter (``latin``, ``cyrillic`` ... or a block id).

    >>> script_of("ж"), script_of("é"), script_of("中")
    ('cyrillic', 'latin', 'cjk')
    """
    code = ord(char)
    i = bisect.bisect_right(_SCRIPT_STARTS, code) - 1
    if i >= 0:
        start, end, name = _SORTED_RANGES[i]
        if start <= code <= end:
            return name
    return f"block-{code >> 7:x}"


def _odd_case(prev: str, ch: str, i: int) -> bool:
    """A lower-case letter then a capital (not both ASCII), or a non-ASCII capital then a
    lower-case letter after the first two letters of a word (``KÜtzting``).

    >>> _odd_case("ђ", "Р", 3), _odd_case("Ü", "t", 2), _odd_case("P", "h", 2)
    (True, True, False)
    """
    if prev.islower() and ch.isupper():
        return not (prev.isascii() and ch.isascii())
    return prev.isupper() and ch.islower() and not prev.isascii() and i > 1


def _word_cost(word: str) -> int:
    """Script changes and lower-to-upper case flips inside one non-ASCII word.

    >>> _word_cost("Привет"), _word_cost("РџСЂРёРІРµС‚"), _word_cost("tц╫dny")
    (0, 7, 4)
    """
    cost = 0
    prev_script = ""
    prev = ""
    for i, ch in enumerate(word):
        if "\u0300" <= ch <= "\u036f":
            continue
        if not ch.isalpha():
            continue
        script = script_of(ch)
        if prev_script and script != prev_script:
            cost += 2
        elif prev and _odd_case(prev, ch, i):
            cost += 1
        prev_script = script
        prev = ch
    return cost


def implausibility(text: str) -> float:
    """How much ``text`` looks like mojibake; 0 for ordinary text in any script.

    Sums ftfy's badness, rare characters (C1 controls, box drawing, U+FFFD), non-ASCII
    symbols wedged between letters and, per word, script changes and case flips.

    >>> implausibility("Café crème"), implausibility("Привет, мир")
    (0.0, 0.0)
    >>> implausibility("CafÃ© crÃ¨me") > 0
    True
    """
    if text.isascii():
        return 0.0
    # a U+FFFD stands for one lost character and costs one, wherever it stands: the tests
    # of odd neighbours (ftfy's badness, symbols inside words) look past it
    seen = text.replace("\N{REPLACEMENT CHARACTER}", "")
    cost = thresholds.MOJIBAKE_BADNESS_WEIGHT * badness(seen)
    cost += thresholds.MOJIBAKE_RARE_CHAR_WEIGHT * len(chardata.RARE_CHAR_RE.findall(text))
    cost += text.count("\N{REPLACEMENT CHARACTER}")
    cost += thresholds.MOJIBAKE_RARE_CHAR_WEIGHT * len(chardata.LOST_QMARK_RE.findall(text))
    cost += thresholds.MOJIBAKE_RARE_CHAR_WEIGHT * len(chardata.LOST_SEQUENCE_RE.findall(text))
    cost += thresholds.MOJIBAKE_RARE_CHAR_WEIGHT * len(chardata.RARE_LATIN_RE.findall(text))
    cost += thresholds.MOJIBAKE_RARE_CHAR_WEIGHT * len(_LOST_NBSP_RE.findall(text))
    cost += thresholds.MOJIBAKE_SYMBOL_WEIGHT * (
        len(chardata.SYMBOL_IN_WORD_RE.findall(seen)) - text.count(chardata.CATALAN_MIDDLE_DOT)
    )
    cost += thresholds.MOJIBAKE_RARE_CHAR_WEIGHT * sum(
        text.count(ch) for ch in set(text) if not ch.isascii() and unicodedata.category(ch) == "Cn"
    )
    for word, count in Counter(chardata.WORD_RE.findall(seen)).items():
        if not word.isascii():
            cost += count * _word_total_cost(word)
    return float(cost + _foreign_mark_cost(text))


@functools.lru_cache(maxsize=thresholds.MAX_CACHED_WORD_COSTS)
def _word_total_cost(word: str) -> int:
    """Script, case and alphabet cost of one word (cached: a pure function of the word).

    >>> _word_total_cost("KĂśtzting"), _word_total_cost("Kötzting")
    (3, 0)
    """
    return _word_cost(word) + _alphabet_cost(word)


def _foreign_mark_cost(text: str) -> int:
    """2 per combining mark (other than the generic ones) after a character of another
    script: ``â`` followed by an Arabic mark is a decoding accident.

    >>> _foreign_mark_cost("\u0645\u064e"), _foreign_mark_cost("\u00e2\u06ea")
    (0, 2)
    """
    cost = 0
    for match in chardata.SCRIPT_MARK_RE.finditer(text):
        start = match.start()
        if start == 0 or script_of(text[start - 1]) != script_of(match.group()):
            cost += 2
    return cost


def _latin_letters(word: str) -> set[str]:
    lower = word.lower()
    return {ch for ch in lower if not ch.isascii() and ch.isalpha() and script_of(ch) == "latin"}


def _alphabet_cost(word: str) -> int:
    """2 when the word's non-ASCII Latin letters fit no single language's alphabet.

    >>> _alphabet_cost("Förderung"), _alphabet_cost("KĂśtzting"), _alphabet_cost("Nguyễn")
    (0, 2, 0)
    """
    letters = _latin_letters(word)
    if len(letters) < 2 or len(word) < thresholds.MIN_ALPHABET_TEST_LETTERS:
        return 0
    if all(ch in _VIETNAMESE or "\u1e00" <= ch <= "\u1eff" for ch in letters):
        return 0
    if any(letters <= alphabet for alphabet in _ALPHABETS):
        return 0
    return 2


_ALPHABETS = tuple(frozenset(a) for a in chardata.LATIN_ALPHABETS.values())
_VIETNAMESE = frozenset(chardata.LATIN_ALPHABETS["vi"])


def languages_for(text: str) -> tuple[str, ...]:
    """Lexicon languages worth trying for ``text``: by script, and for Latin script the
    languages whose alphabet holds the most of its non-ASCII letters.

    >>> languages_for("Cañada García")
    ('es',)
    >>> languages_for("Привет")
    ('ru', 'uk', 'bg', 'mk', 'sh')
    >>> languages_for("Ковпак, проÑпект")
    ('ru', 'uk', 'bg', 'mk', 'sh')
    """
    return languages_from(_letter_counts(text))


def _letter_counts(text: str) -> Counter[str]:
    """How often each non-ASCII letter occurs in ``text``."""
    return Counter(ch for ch in text if not ch.isascii() and ch.isalpha())


def languages_from(letter_counts: Counter[str]) -> tuple[str, ...]:
    """:func:`languages_for` from the counts of the non-ASCII letters of a text.

    >>> languages_from(Counter("ñí"))
    ('es',)
    """
    counts: dict[str, int] = {}
    for ch, n in letter_counts.items():
        script = script_of(ch)
        counts[script] = counts.get(script, 0) + n
    if counts:
        dominant = max(counts, key=lambda name: (counts[name], name == "latin"))
        if dominant != "latin":
            return chardata.LEXICON_LANGUAGES.get(dominant, ())
    letters = _latin_letters("".join(letter_counts))
    if letters:
        scored = sorted(
            ((len(letters & set(alpha)), lang) for lang, alpha in chardata.LATIN_ALPHABETS.items()),
            key=lambda pair: -pair[0],
        )
        top = scored[0][0]
        if top > 0:
            return tuple(lang for n, lang in scored if n == top)[: thresholds.MAX_LEXICON_LANGUAGES]
    return ("en",)


def letter_rarity(text: str) -> int:
    """Sum of the ranks of the non-ASCII Latin letters of ``text`` in
    :data:`chardata.COMMON_LETTERS` (a lower sum means commoner letters).

    >>> letter_rarity("Türabi") < letter_rarity("Tßrabi")
    True
    """
    common = chardata.COMMON_LETTERS
    return sum(common.find(ch) % (len(common) + 1) for ch in text.lower() if ch in common) + sum(
        len(common) for ch in text.lower() if not ch.isascii() and ch.isalpha() and ch not in common
    )


def known_word_share(text: str) -> float:
    """Share of the non-ASCII words of ``text`` known to the lexicon of its likeliest
    language (0..1, 0 without such words).

    >>> known_word_share("Cañada García"), known_word_share("Caùada García")
    (1.0, 0.5)
    """
    tokens = [w for w in lexicon.words(text) if not w.isascii()]
    if not tokens:
        return 0.0
    respelled = [w.translate(chardata.LEXICON_SPELLINGS) for w in tokens]
    best = 0.0
    for lang in languages_for(text):
        table = lexicon.frequency_table(lang)
        known = sum(1 for w, r in zip(tokens, respelled, strict=True) if w in table or r in table)
        best = max(best, known / len(tokens))
    return best


# ---------------------------------------------------------------------------------------
# Decoding mojibake runs


def _decode_run(run: str, charset: str) -> str | None:
    """Re-encode one run through ``charset`` and decode it as UTF-8; None when invalid.

    >>> _decode_run("Ã©", "sloppy-windows-1252")
    'é'
    >>> _decode_run("Ã©", "koi8_r") is None
    True
    """
    try:
        return run.encode(charset).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _decode_sequences(run: str, charset: str) -> str:
    """Decode a run sequence by sequence, keeping the sequences that are not valid UTF-8
    (overlong forms, surrogates) as they are.

    >>> _decode_sequences("Ã©\\u00ed\\u00a0\\u00bd", "sloppy-windows-1252")
    'éí\\xa0½'
    """
    raw = run.encode(charset)
    out = []
    i = 0
    table = chardata.CHARSET_TABLES[charset]
    while i < len(raw):
        lead = raw[i]
        size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        chunk = raw[i : i + size]
        try:
            out.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            out.append("".join(table[b] for b in chunk))
        i += size
    return "".join(out)


def decode_layer(text: str, charset: str) -> str:
    """Undo one layer of UTF-8 read through ``charset`` (see :func:`decode_layer_counted`).

    >>> decode_layer("CafÃ© and Ã¼ber", "sloppy-windows-1252")
    'Café and über'
    """
    return decode_layer_counted(text, charset)[0]


def decode_layer_counted(text: str, charset: str) -> tuple[str, int, bool]:
    """Undo one layer of UTF-8 read through ``charset``, run by run; ASCII and characters
    that do not form UTF-8 sequences in ``charset`` stay as they are.

    Returns the text, the number of characters decoded and whether every non-ASCII
    character of ``text`` was part of a decoded run (a consistent reading).

    >>> decode_layer_counted("Ð\\u0178Ñ€Ð¸Ð²ÐµÑ‚", "sloppy-windows-1252")
    ('Привет', 6, True)
    >>> decode_layer_counted("Über Ã¼ber", "sloppy-windows-1252")
    ('Über über', 1, False)
    """
    out: list[str] = []
    pos = 0
    decoded = 0
    consumed = 0
    for match in chardata.RUN_PATTERNS[charset].finditer(text):
        run = match.group()
        fixed = _decode_run(run, charset)
        if fixed is None:
            fixed = _decode_sequences(run, charset)
        else:
            consumed += len(run)
            decoded += len(fixed)
        out.append(text[pos : match.start()])
        out.append(fixed)
        pos = match.end()
    if not out:
        return text, 0, False
    out.append(text[pos:])
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return "".join(out), decoded, consumed == non_ascii


def _fill_choices(charset: str) -> tuple[int, ...]:
    """Bytes that may stand behind a lost continuation byte in ``charset``.

    >>> _fill_choices("sloppy-windows-1252")
    (129, 141, 143, 144, 157, 160)
    """
    return (*chardata.UNDEFINED_BYTES[charset], chardata.NBSP_BYTE)


def _lossy_options(chunk: str, charset: str, choices: tuple[int, ...] = ()) -> list[str]:
    """UTF-8 characters ``chunk`` (a lead plus continuation slots, some lost) may have been.

    A ``?``, U+FFFD or space slot is one lost byte; a missing slot is a byte that vanished.
    Only bytes ``charset`` cannot show (or NBSP, for a space) are tried, or ``choices``.

    >>> _lossy_options("Ä\\N{REPLACEMENT CHARACTER}", "sloppy-windows-1250")
    ['ā', 'ă', 'Ĉ', 'Đ', 'Ę']
    """
    lead = chunk[0].encode(charset)[0]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    slots = list(chunk[1:size])
    slots += [""] * (size - 1 - len(slots))
    # one byte lost (a mark or nothing); a space is an NBSP, a byte known even though it
    # was lost, beside at most one marked loss (``é`` then a space is a word's end)
    marks = sum(1 for slot in slots if slot and slot in _LOST_MARKS)
    missing = slots.count("")
    if " " in slots:
        if missing or marks > 1:
            return []
    elif marks + missing != 1:
        return []
    choices = choices or _fill_choices(charset)
    table = chardata.CHARSET_TABLES[charset]
    options: list[bytes] = [bytes([lead])]
    for k in range(size - 1):
        slot = slots[k]
        if slot in ("?", "\N{REPLACEMENT CHARACTER}", ""):
            allowed = [b for b in choices if b != chardata.NBSP_BYTE]
        elif slot == " ":
            allowed = [chardata.NBSP_BYTE]
        else:
            byte = table.find(slot)
            if byte < 0x80 or byte > 0xBF:
                return []
            allowed = [byte]
        options = [o + bytes([b]) for o in options for b in allowed]
    out = []
    for raw in options:
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return out


def decode_lossy(text: str, charset: str, wide: bool = False) -> str:
    """Undo one layer of ``charset`` mojibake whose undefined bytes were lost.

    The damaged sequences of each word are filled in jointly with the reading that makes
    the word known in the lexicon of the line's language; with no clear winner a lost
    byte becomes U+FFFD, left for the recovery stage, and a byte that vanished without a
    trace is left alone.

    >>> decode_lossy("o premierÄ\\N{REPLACEMENT CHARACTER} de la preluarea", "sloppy-windows-1250")
    'o premieră de la preluarea'
    >>> lost = "\u00c3\N{REPLACEMENT CHARACTER}"
    >>> decode_lossy(f"Sehr gro{lost}e Freude und viel Spa{lost}", "latin-1")
    'Sehr große Freude und viel Spaß'
    """
    sites = _lossy_sites(text, charset, _WIDE_CHOICES if wide else ())
    if not sites:
        return text
    context = _line_letters(text, sites, charset)
    if _mostly_latin(context):
        # a line whose own words are Latin: a lost byte that could only make a letter of
        # another script is a letter of the word lost to ``?`` (``Ö?r.``), not mojibake
        sites = [site for site in sites if not site[2] or any(map(_latin_or_mark, site[2]))]
    enough_context = len(lexicon.words(text)) >= thresholds.MIN_LOSSY_CONTEXT_WORDS
    marked = any(m in text[start:end] for start, end, _o, _v in sites for m in _LOST_MARKS)
    out: list[str] = []
    pos = 0
    for group in _group_by_token(text, sites):
        if enough_context and all(options for _s, _e, options, _v in group):
            fills = _fill_group(text, group, context, charset)
        else:
            # few words to judge by, or a character lost whole: no lexicon decides
            fills = [None] * len(group)
        for (start, end, options, vanished), fill in zip(group, fills, strict=True):
            if (
                fill is None
                and vanished
                and options
                and _may_be_letter(text, start, context, _leads2(charset))
            ):
                continue  # a letter of the line's own alphabet, with no byte lost after it
            if fill is None and marked and len(options) == 1 and options[0].isalpha():
                fill = options[0]  # the one byte the charset allows (a lost NBSP)
            out.append(text[pos:start])
            out.append(_hole(text, start, end, options, marked) if fill is None else fill)
            pos = end
    out.append(text[pos:])
    return "".join(out)


def _line_letters(text: str, sites: list[Site], charset: str) -> Counter[str]:
    """The non-ASCII letters the line shows for sure: those of its undamaged words and
    those its whole sequences decode to (``Ã¡`` is ``á`` whatever the lost byte beside it
    was), the damaged sequences left out. The line's alphabet, for choosing fills.

    >>> line = "vojensk\u00c3\u00a1 lo\u00c4?"
    >>> sorted(_line_letters(line, [(12, 14, ["\u010f"], False)], "latin-1"))
    ['á']
    """
    pieces: list[str] = []
    pos = 0
    for start, end, _options, _vanished in sites:
        pieces.append(text[pos:start])
        pieces.append(" ")
        pos = end
    pieces.append(text[pos:])
    whole, _decoded, _complete = decode_layer_counted("".join(pieces), charset)
    return _letter_counts(whole)


def _mostly_latin(context: Counter[str]) -> bool:
    """Whether most of the non-ASCII letters counted in ``context`` are Latin.

    >>> _mostly_latin(Counter("üğ")), _mostly_latin(Counter("жü")), _mostly_latin(Counter())
    (True, False, False)
    """
    latin = sum(n for ch, n in context.items() if script_of(ch) == "latin")
    return latin * 2 > context.total()


def _latin_or_mark(option: str) -> bool:
    """Whether a fill starts with a Latin letter, a punctuation mark or a space.

    >>> [_latin_or_mark(fill) for fill in ("ğ", "\u2019", "\u0581", "\u058a")]
    [True, True, False, False]
    """
    first = option[0]
    if first.isalpha():
        return script_of(first) == "latin"
    # punctuation of the Latin blocks and General Punctuation, not a script's own (U+058A)
    common = first < "\u0250" or "\u2000" <= first <= "\u206f"
    return common and unicodedata.category(first)[0] in "PZ"


def _leads2(charset: str) -> str:
    """The characters of two-byte UTF-8 lead bytes (0xC2-0xDF) in ``charset``.

    >>> _leads2("latin-1")[:3]
    'ÂÃÄ'
    """
    return chardata.CHARSET_TABLES[charset][0xC2:0xE0]


def _may_be_letter(text: str, start: int, context: Counter[str], leads: str = "") -> bool:
    """Whether the lead character at ``start``, whose next byte seems to have vanished,
    may be a letter as it stands: a Latin letter between letters of its own script that
    the alphabet of the line's undamaged words also writes (``În`` in Romanian, not
    ``ТиÑон``, Hungarian ``Ãgy`` or ``ÎÎ``, a lead right before another of ``leads``).

    >>> _may_be_letter("\u00cen timpul", 0, Counter("ăîâ"))
    True
    >>> _may_be_letter("Ти\u00d1он", 2, Counter("ти")), _may_be_letter("\u00c3gy", 0, Counter("áő"))
    (False, False)
    >>> _may_be_letter("\u00ce\u00ce\u00a5", 0, Counter(), _leads2("latin-1"))
    False
    """
    lead = text[start]
    if not lead.isalpha() or script_of(lead) != "latin":
        return False
    if text[start + 1 : start + 2] in set(leads):
        return False
    latin = sum(n for ch, n in context.items() if script_of(ch) == "latin")
    if latin * 2 < context.total():
        return False  # the line's own words are mostly in another script
    for near in (text[start - 1 : start], text[start + 1 : start + 2]):
        if near.isalpha() and script_of(near) != "latin":
            return False
    context_letters = frozenset(_latin_letters("".join(context)))
    if context_letters and covering_languages(context_letters):
        return _fits(lead, context_letters)
    return True


def _hole(text: str, start: int, end: int, options: list[str], marked: bool = False) -> str:
    """What an undecided damaged sequence ``text[start:end]`` becomes: one U+FFFD for the
    lost character, followed by the space it ends in when that space was more likely a
    real one after a byte that vanished than a lost NBSP inside a word: when no letter
    follows, or when the character the NBSP would make (one of ``options``) is not one
    the line writes elsewhere; never when the line ``marked`` its lost bytes (then none
    vanished and the space is the NBSP).

    >>> _hole("\u00e0\u00b8 (x)", 0, 3, ["\u0e20"]), _hole("b\u00c3 i b\u00e0", 1, 3, ["\u00e0"])
    ('\ufffd ', '\ufffd')
    """
    if marked or end - start < 2 or text[end - 1] != " ":
        return "\N{REPLACEMENT CHARACTER}"
    after = text[end : end + 1]
    inside = [o for o in options if len(o) == 1 and o.isalpha()]
    if after.isalpha() and any(o in text for o in inside):
        return "\N{REPLACEMENT CHARACTER}"
    return "\N{REPLACEMENT CHARACTER} "


_LOST = "? \N{REPLACEMENT CHARACTER}"
_C1_BYTES = tuple(range(0x80, 0xA0))
# what may follow a character whose last byte vanished at the end of a word ("" = end)
_WORD_ENDS = frozenset(("", ".", ",", ";", ":", "!", "?", ")", '"', "'"))
_WIDE_CHOICES = (*_C1_BYTES, chardata.NBSP_BYTE)
_LOST_MARKS = "?\N{REPLACEMENT CHARACTER}"

Site = tuple[int, int, list[str], bool]


def _lossy_sites(text: str, charset: str, choices: tuple[int, ...] = ()) -> list[Site]:
    """Damaged sequences: (start, end, possible characters, whether a byte vanished)."""
    sites: list[Site] = []
    # a byte that vanished is one the charset cannot show, unless the line does not show
    # the charset's own characters for 0x80-0x9F (then any C1 byte, as in Latin-1)
    vanishing = _C1_BYTES if choices else tuple(chardata.UNDEFINED_BYTES[charset])
    leads = chardata.CHARSET_TABLES[charset][0xC2:0xF5]
    matches = list(chardata.LOSSY_PATTERNS[charset].finditer(text))
    # a line whose lost bytes left a mark (``?``, U+FFFD) lost none without a trace: its
    # sequences cut short are not damage, and a space after a lead is a lost NBSP
    marked = any(m in match.group()[1:] for match in matches for m in _LOST_MARKS)
    for match in matches:
        chunk = match.group()
        lead = chunk[0].encode(charset)[0]
        size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        complete = len(chunk) >= size and not any(c in _LOST for c in chunk[1:size])
        if complete or (marked and len(chunk) < size):
            continue
        start = match.start()
        vanished = len(chunk) < 2
        if size > 2 and _lost_bytes(chunk, size) > 1 and not _ascii_letter(text, start + 1):
            # two or more bytes of one character lost: a hole, whatever the character was
            sites.append((start, start + min(len(chunk), size), [], vanished))
            continue
        if vanished:
            nxt = text[start + 1 : start + 2]
            if size != 2 or not (
                nxt.isalpha() or nxt.isspace() or nxt in _WORD_ENDS or (nxt and nxt in leads)
            ):
                continue
            options = _lossy_options(chunk[0] + "\N{REPLACEMENT CHARACTER}", charset, vanishing)
        else:
            if size > 2 and _ascii_letter(text, start - 1) and _kept_letter(chunk[1:size]):
                continue  # ``najvä?ších``: a Latin word's own letters around a lost one
            options = _lossy_options(chunk, charset, choices)
            if size == 2 and chunk[1:] == " " and not marked:
                # the space is a lost NBSP, or a real space after a byte that vanished
                options += [
                    option + " "
                    for option in _lossy_options(
                        chunk[0] + "\N{REPLACEMENT CHARACTER}", charset, vanishing
                    )
                ]
        if start == 0 or text[start - 1].isspace():
            # a lone character between spaces is only a lost NBSP if it makes a letter
            lost_mark = any(m in chunk for m in _LOST_MARKS)
            options = [o for o in options if o.isalpha() or lost_mark]
        if options:
            sites.append((start, min(match.end(), start + size), options, vanished))
    return _holes_amid_mojibake(text, sites)


def _ascii_letter(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is an ASCII letter or digit (``í`` in ``ších`` is a letter of
    the word, not a lead whose bytes vanished).

    >>> _ascii_letter("ab", 1), _ascii_letter("a\u00e9", 1), _ascii_letter("a", 1)
    (True, False, False)
    """
    char = text[pos : pos + 1] if pos >= 0 else ""
    return char.isascii() and char.isalnum()


def _kept_letter(slots: str) -> bool:
    """Whether a surviving continuation character among ``slots`` is a letter.

    >>> _kept_letter("?\u0161"), _kept_letter("\u00bb?")
    (True, False)
    """
    return any(slot.isalpha() for slot in slots)


def _lost_bytes(chunk: str, size: int) -> int:
    """How many continuation bytes of a ``size``-byte sequence ``chunk`` lost: each ``?``
    or U+FFFD slot, and each slot missing at the end.

    >>> _lost_bytes("\u00ec??", 3), _lost_bytes("\u00e3", 3), _lost_bytes("\u00e1\u00bb?", 3)
    (2, 2, 1)
    """
    slots = chunk[1:size]
    return sum(1 for slot in slots if slot in _LOST_MARKS) + size - 1 - len(slots)


def _holes_amid_mojibake(text: str, sites: list[Site]) -> list[Site]:
    """``sites`` without the characters lost whole (no options) that stand alone: such a
    hole is kept only when it touches another damaged sequence or a non-Latin, non-ASCII
    character (``ã`` in ``não`` or ``irmã?`` is a letter, in ``ããå`` it is not).

    >>> len(_holes_amid_mojibake("n\u00e3o", [(1, 2, [], True)]))
    0
    >>> len(_holes_amid_mojibake("\u00e3\u00e3", [(0, 1, [], True), (1, 2, [], True)]))
    2
    """
    kept: list[Site] = []
    for i, site in enumerate(sites):
        start, end = site[0], site[1]
        if not site[2] and not (
            (i > 0 and sites[i - 1][1] == start)
            or (i + 1 < len(sites) and sites[i + 1][0] == end)
            or _foreign_letter(text[start - 1 : start])
            or _foreign_letter(text[end : end + 1])
        ):
            continue
        kept.append(site)
    return kept


def _foreign_letter(char: str) -> bool:
    """Whether ``char`` is a non-ASCII character of a script other than Latin (or U+FFFD).

    >>> _foreign_letter("\u4e2d"), _foreign_letter("\u00e7"), _foreign_letter(" ")
    (True, False, False)
    """
    if not char or char.isascii() or char.isspace():
        return False
    return char == "\N{REPLACEMENT CHARACTER}" or (char.isalpha() and script_of(char) != "latin")


_TOKEN_RE = re.compile(r"\S+")


def _undamaged_tokens(text: str, sites: list[Site]) -> Iterator[str]:
    """Whitespace-separated tokens of ``text`` holding no damaged sequence and no lost
    mark: the line's own evidence of its alphabet.

    >>> list(_undamaged_tokens("Ä bien là? très", [(0, 1, ["ā"], True)]))
    ['bien', 'très']
    """
    starts = sorted(site[0] for site in sites)
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        i = bisect.bisect_left(starts, match.start())
        if i < len(starts) and starts[i] < match.end():
            continue
        if not any(m in token for m in _LOST_MARKS):
            yield token


def _token_end(text: str, site: Site) -> int:
    """Where the token holding ``site`` ends: at the next whitespace, or right after a
    site that ends in a space before a letter (a byte that vanished before a real space).

    >>> _token_end("ab c", (0, 1, [], True)), _token_end("pÄ x", (1, 3, [], False))
    (2, 3)
    """
    end = site[1]
    if text[end - 1].isspace() and end < len(text) and not text[end].isspace():
        return end
    found = _SPACE_RE.search(text, end)
    return found.start() if found else len(text)


_SPACE_RE = re.compile(r"\s")


def _group_by_token(text: str, sites: list[Site]) -> Iterator[list[Site]]:
    """Sites grouped by the whitespace-separated token they fall in."""
    group: list[Site] = []
    token_end = -1
    for site in sites:
        if group and site[0] < token_end:
            group.append(site)
            continue
        if group:
            yield group
        group = [site]
        found = _SPACE_RE.search(text, site[1])
        token_end = found.start() if found else len(text)
    if group:
        yield group


def _fill_group(
    text: str, group: list[Site], context: Counter[str], charset: str
) -> list[str | None]:
    """The fill of each site of a token's group (None: undecided).

    A site that ends in a space before more of the token (``pÄ kn``) is a lost NBSP
    inside one word, or a byte that vanished before a real space between two words:
    the one word is tried first, then the two words one after the other (the second
    only once the first is decided).
    """
    fills: list[str | None] = []
    while group:
        split = next(
            (k for k, site in enumerate(group[:-1]) if text[site[1] - 1].isspace()),
            None,
        )
        if split is None:
            choice = _choose_jointly(text, group, context, charset)
            return fills + (list(choice) if choice is not None else [None] * len(group))
        start, end, options, vanished = group[split]
        inside = [o for o in options if len(o) == 1]
        if inside:
            joined = [*group[:split], (start, end, inside, vanished), *group[split + 1 :]]
            choice = _choose_jointly(text, joined, context, charset)
            if choice is not None:
                return fills + list(choice)
        between = [o for o in options if len(o) > 1]
        head = [*group[:split], (start, end, between, vanished)]
        choice = _choose_jointly(text, head, context, charset) if between else None
        if choice is None:
            return fills + [None] * len(group)
        fills.extend(choice)
        group = group[split + 1 :]
    return fills


def _choose_jointly(
    text: str, group: list[Site], context: Counter[str], charset: str
) -> tuple[str, ...] | None:
    """The one combination of fills that makes every word of the token known, or None.

    The token is read with its whole sequences decoded too (``Ä?alÅ¡Ã­ch`` is judged as
    ``?alších``)."""
    start = text.rfind(" ", 0, group[0][0]) + 1
    end = _token_end(text, group[-1])
    first = group[0][2]
    at_start = group[0][0] == start and any(o.isupper() for o in first)
    if at_start and len(text.split()) < thresholds.MIN_LOSSY_CONTEXT_WORDS:
        return None  # a capital on a line of a word or two: a name, no lexicon judges it
    # a word that may start with a capital or not is most often a name: only a common
    # word decides it (when every choice is a capital, the case says nothing)
    mixed_case = at_start and not all(map(str.isupper, first))
    context_letters = frozenset(_latin_letters("".join(context)))
    context_fits = bool(context_letters) and bool(covering_languages(context_letters))
    # a capital after a small letter never makes a word (see _word_cost), and letters
    # that no language of the line writes are not tried at all
    group = [
        (
            s,
            e,
            [
                o
                for o in options
                if not (o[0].isupper() and text[s - 1 : s].islower())
                and (not context_fits or _fits(o, context_letters))
            ],
            v,
        )
        for s, e, options, v in group
    ]
    combos = 1
    for _s, _e, options, _v in group:
        combos *= len(options)
    if not combos:
        return None
    if combos > thresholds.MAX_LOSSY_COMBINATIONS:
        return None
    # the text between the sites (keyed by where it starts), its whole sequences decoded
    bounds = [start] + [e for _s, e, _o, _v in group]
    ends = [s for s, _e, _o, _v in group] + [end]
    between = {
        a: decode_layer_counted(text[a:b], charset)[0] for a, b in zip(bounds, ends, strict=True)
    }
    scored: list[tuple[float, tuple[str, ...], str]] = []
    fitting: dict[str, tuple[str, ...]] = {}
    lower_first = [sorted(options, key=lambda o: not o.islower()) for _s, _e, options, _v in group]
    for choice in itertools.product(*lower_first):
        if any(unicodedata.category(fill[0])[0] in "SCZ" for fill in choice):
            continue
        pieces = []
        pos = start
        for (_s, e, _o, _v), fill in zip(group, choice, strict=True):
            pieces.append(between[pos])
            pieces.append(fill)
            pos = e
        pieces.append(between[pos])
        token = "".join(pieces)
        words = chardata.WORD_RE.findall(token)
        if not words or any(_word_cost(w) for w in words):
            continue
        letters = frozenset(_latin_letters(token))
        if letters and context_fits:
            # the line's alphabet decides: a letter no language of the line writes is out
            token_langs = covering_languages(context_letters | letters)
            if not token_langs:
                continue
        elif letters and not covering_languages(letters):
            continue
        else:
            token_langs = ()
        if letters and not any(w.isupper() for w in words):
            fitting.setdefault(token.casefold(), choice)
        if not context and min(map(len, words)) < thresholds.MIN_LOSSY_GUESS_LETTERS:
            continue
        token_langs = token_langs or languages_from(context + _letter_counts(token))
        zipfs = [
            max((lexicon.zipf(w.casefold(), lang) for lang in token_langs), default=0.0)
            for w in words
        ]
        if all(z > 0 for z in zipfs):
            folded = token.casefold()
            if any(f == folded for _z, _c, f in scored):
                if mixed_case and not (
                    _mid_sentence(text, start)
                    and scored[0][0] >= thresholds.MIN_LOSSY_MID_SENTENCE_ZIPF
                ):
                    return None  # a name or a word: the lexicon cannot tell
                continue  # the same word in other capitals: the first (lower-case) wins
            scored.append((min(zipfs), choice, folded))
    scored.sort(key=lambda x: x[0], reverse=True)
    if len(scored) == 1 or (
        len(scored) > 1 and scored[0][0] - scored[1][0] >= thresholds.MIN_LOSSY_ZIPF_MARGIN
    ):
        if mixed_case and scored[0][0] < thresholds.MIN_LOSSY_MIXED_CASE_ZIPF:
            return None
        return scored[0][1]
    if not scored and len(fitting) == 1 and not mixed_case:
        # no word is known (a name), but only one reading writes a single alphabet
        return next(iter(fitting.values()))
    return None


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a small letter or a comma, a semicolon or a
    colon on its line (no sentence starts there).

    >>> _mid_sentence("lo\u010f, x", 6), _mid_sentence("Koniec. X", 8), _mid_sentence("X", 0)
    (True, False, False)
    """
    before = text[:start].rstrip()
    return bool(before) and (before[-1].islower() or before[-1] in ",;:")


def _fits(option: str, context_letters: frozenset[str]) -> bool:
    """Whether a fill is not a Latin letter, or one that some language writing all of
    ``context_letters`` writes too.

    >>> _fits("ă", frozenset("î")), _fits("ą", frozenset("î")), _fits("я", frozenset("î"))
    (True, False, True)
    """
    letters = frozenset(_latin_letters(option))
    return not letters or bool(covering_languages(context_letters | letters))


@functools.lru_cache(maxsize=thresholds.MAX_CACHED_WORD_COSTS)
def covering_languages(letters: frozenset[str]) -> tuple[str, ...]:
    """Languages of :data:`chardata.LATIN_ALPHABETS` that write every one of ``letters``
    (non-ASCII lower-case Latin letters).

    >>> covering_languages(frozenset("îă"))
    ('ro',)
    >>> covering_languages(frozenset("îą"))
    ()
    """
    return tuple(lang for lang, alpha in chardata.LATIN_ALPHABETS.items() if letters <= set(alpha))


# ---------------------------------------------------------------------------------------
# C1 controls


_C1_RE = re.compile("[\x80-\x9f]")
# ``Ã`` then a space: U+00E0 (C3 A0) whose NBSP became a space, as a word of its own
# before a second space or after a small letter (``Ã`` alone is a Portuguese capital)
_LOST_NBSP_RE = re.compile(r"(?<=\s)\u00c3 (?=\s)|(?<=[a-z\u00df-\u00ff])\u00c3 ")
_C1_IN_WORD_RE = re.compile(r"(?<=[^\W\d_])[\x80-\x9f]+(?=[^\W\d_])")


def fix_c1_as(text: str, charset: str) -> str:
    """Read each C1 control of ``text`` as the byte of the same number in ``charset``.

    >>> fix_c1_as("parl\\u00e9\\x85 Tu", "sloppy-windows-1252")
    'parlé… Tu'
    >>> fix_c1_as("Coatl\\x87n", "mac_roman")
    'Coatlán'
    """
    table = chardata.CHARSET_TABLES[charset]
    return _C1_RE.sub(lambda m: table[ord(m.group())], text)


# ---------------------------------------------------------------------------------------
# Candidates for one line


def _chain_detail(chain: tuple[str, ...]) -> str:
    """``detail`` for a chain of layers, outermost (first undone) first.

    >>> _chain_detail(("koi8_r",))
    'utf-8 as koi8_r'
    >>> _chain_detail(("sloppy-windows-1252", "sloppy-windows-1252"))
    'utf-8 as sloppy-windows-1252 x2'
    >>> _chain_detail(("sloppy-windows-1251", "latin-1"))
    'utf-8 as sloppy-windows-1251, then utf-8 as latin-1'
    """
    if not chain:
        return ""
    if chain[0].startswith(("ftfy", "c1 ")):
        return ", then ".join(chain)
    if len(set(chain)) == 1 and len(chain) > 1:
        return f"utf-8 as {chain[0]} x{len(chain)}"
    named = (c if c.startswith(("ftfy", "c1 ", "lossy")) else f"utf-8 as {c}" for c in chain)
    return ", then ".join(named)


def _layer_candidates(text: str) -> Iterator[tuple[str, str, int, bool]]:
    """(charset, text, characters decoded, complete) for every charset whose one-layer
    decoding changes ``text``."""
    for charset in chardata.REPAIR_CHARSETS:
        fixed, decoded, complete = decode_layer_counted(text, charset)
        if fixed != text:
            yield charset, fixed, decoded, complete


def _lossy_candidates(text: str, line: str) -> Iterator[tuple[str, str]]:
    """(charset, text) for charsets whose lossy decoding changes ``text``.

    A lost byte is one the charset leaves undefined only when ``line`` shows the charset's
    own characters for 0x80-0x9F (``€``, ``™`` ... in Windows-1252); otherwise it may be
    any C1 byte (Latin-1 readings drop them all).
    """
    for charset in chardata.REPAIR_CHARSETS[: thresholds.MAX_LOSSY_CHARSETS]:
        own = chardata.CHARSET_TABLES[charset][0x80:0xA0]
        wide = not any(ch in line for ch in own if not "\x80" <= ch <= "\x9f")
        fixed = decode_lossy(decode_layer(text, charset), charset, wide)
        if fixed != text:
            yield charset, fixed


def line_candidates(line: str) -> list[Candidate]:
    """Every reading of ``line`` the repair considers, with its cost (the line included).

    >>> best = min(line_candidates("Ð¡Ð¾Ð±Ð°ÐºÐ°"), key=lambda c: c.cost)
    >>> best.text, best.chain
    ('Собака', ('sloppy-windows-1252',))
    """
    seen: dict[str, Candidate] = {line: Candidate(line, (), implausibility(line), complete=True)}
    frontier = [seen[line]]
    weird = {line: seen[line].cost}
    has_c1 = _C1_RE.search(line) is not None
    for layer in range(1, thresholds.MAX_MOJIBAKE_LAYERS + 1):
        found: list[Candidate] = []
        for cand in frontier:
            for charset, fixed, decoded, complete in _layer_candidates(cand.text):
                if fixed not in seen:
                    complete = complete and cand.complete
                    weird[fixed] = implausibility(fixed)
                    cost = weird[fixed] + thresholds.MOJIBAKE_LAYER_COST * layer
                    if complete and (decoded >= 2 or layer > 1 or has_c1):
                        cost -= thresholds.MOJIBAKE_CONSISTENCY_BONUS
                    new = Candidate(fixed, (*cand.chain, charset), cost, complete=complete)
                    seen[fixed] = new
                    found.append(new)
        found.sort(key=lambda c: c.cost)
        if layer == 1 and found and found[0].cost < 0:
            # a consistent, plausible one-layer reading: deeper layers, lossy readings,
            # C1 fixes and ftfy all cost more than it, so they need not be tried
            return list(seen.values())
        if any(weird[c.text] <= 0 for c in found):
            break  # a plausible reading at this depth: undoing more layers only spoils it
        frontier = found[: thresholds.MOJIBAKE_BEAM_WIDTH]
        if not frontier:
            break
    if any(w <= 0 for text, w in weird.items() if text != line):
        # a plausible reading exists: no need to invent lost bytes or ask ftfy
        return list(seen.values())
    # lossy layers: from the line and from the best complete readings
    # (the line itself always: lossy mojibake often has no complete reading worth keeping)
    bases = sorted(seen.values(), key=lambda c: c.cost)[: thresholds.MOJIBAKE_BEAM_WIDTH]
    if seen[line] not in bases:
        bases.append(seen[line])
    bases = [c for c in bases if implausibility(c.text) > 0]
    if bases:
        for cand in bases:
            for charset, fixed in _lossy_candidates(cand.text, line):
                if fixed not in seen:
                    chain = (*cand.chain, f"lossy {charset}")
                    seen[fixed] = Candidate(fixed, chain, implausibility(fixed))
    if _C1_RE.search(line):
        for charset in ("sloppy-windows-1252", *chardata.C1_LETTER_CHARSETS):
            if charset != "sloppy-windows-1252" and not _C1_IN_WORD_RE.search(line):
                continue
            fixed = fix_c1_as(line, charset)
            if fixed not in seen:
                chain = (f"c1 controls as {charset}",)
                seen[fixed] = Candidate(fixed, chain, implausibility(fixed), Reason.C1_CONTROLS)
    ftfy_fixed, plan = ftfy.fix_and_explain(line, _FTFY_ENCODING_ONLY)
    if ftfy_fixed not in seen:
        detail = "ftfy " + " ".join(f"{a}:{b}" for a, b in plan or ())
        seen[ftfy_fixed] = Candidate(ftfy_fixed, (detail,), implausibility(ftfy_fixed))
    return list(seen.values())


def _token_forms(text: str) -> tuple[str, ...]:
    """A token without surrounding punctuation, and without ASCII punctuation only (so
    that a quoted quotation mark is still something).

    >>> _token_forms("“Über”,"), _token_forms("(’).")
    (('Über', '“Über”'), ('', '’'))
    """
    return text.strip(chardata.TOKEN_STRIP), text.strip(chardata.TOKEN_STRIP_ASCII)


_HOLE = "\N{REPLACEMENT CHARACTER}"


def is_quoting(line: str, fixed: str) -> bool:
    """True when ``line`` quotes mojibake on purpose: a word the repair would create is
    already a word of the line (``"Ãœber" instead of "Über"``).

    >>> is_quoting('"Ãœber" instead of "Über"', '"Über" instead of "Über"')
    True
    >>> is_quoting("Ãœber alles", "Über alles")
    False

    A lost character (U+FFFD) is never a quotation, even when the line shows one as it is.

    >>> hole = "\N{REPLACEMENT CHARACTER}"
    >>> is_quoting(f"\u00ec?? {hole}", f"{hole} {hole}")
    False
    """
    old_tokens = chardata.TOKEN_RE.findall(line)
    new_tokens = chardata.TOKEN_RE.findall(fixed)
    original = {form for t in old_tokens for form in _token_forms(t)}
    if len(old_tokens) == len(new_tokens):
        created = [n for o, n in zip(old_tokens, new_tokens, strict=True) if o != n]
    else:
        created = [new for _s, _e, _old, new in diff_spans(line, fixed)]
    if any(
        form and not form.isascii() and form in original and form.strip(_HOLE)
        for token in created
        for form in _token_forms(token)
    ):
        return True
    # a repaired punctuation mark that the line also uses as it is, outside the repairs
    spans = diff_spans(line, fixed)
    kept: set[str] = set()
    pos = 0
    for start, end, _old, _new in spans:
        kept.update(line[pos:start])
        pos = end
    kept.update(line[pos:])
    return any(
        ch in kept
        for _s, _e, old, new in spans
        for ch in set(new) - set(old)
        if not ch.isascii() and not ch.isalpha() and ch != _HOLE
    )


def best_repair(line: str) -> Candidate | None:
    """The repair of one line, or None when the line should stay as it is.

    >>> best_repair("CafÃ© crÃ¨me").text
    'Café crème'
    >>> best_repair("The byte sequence “Ã©” is é") is None
    True
    """
    cands = line_candidates(line)
    original = cands[0]
    if original.cost <= 0:
        return None
    ranked = sorted(cands[1:], key=lambda c: (c.cost, len(c.chain)))
    if not ranked or original.cost - ranked[0].cost < thresholds.MIN_MOJIBAKE_COST_DROP:
        return None
    close = [c for c in ranked if c.cost - ranked[0].cost <= thresholds.MAX_MOJIBAKE_TIE_COST]
    best = ranked[0]
    if len(close) > 1 and len({c.text for c in close}) > 1:
        best = min(
            close,
            key=lambda c: (-known_word_share(c.text), len(set(c.chain)), letter_rarity(c.text)),
        )
    if is_quoting(line, best.text) or _only_symbols_amid_mojibake(line, best):
        return None
    return best


def _only_symbols_amid_mojibake(line: str, cand: Candidate) -> bool:
    """True when a partial repair changes only symbols and leaves mojibake behind: the
    line is more likely talking about mojibake (``a stray Â, as in Â£10``) than made of it.

    >>> line = "A stray Â here, as in Â£10."
    >>> _only_symbols_amid_mojibake(line, Candidate("A stray Â here, as in £10.", (), 2.0))
    True
    """
    if cand.complete or not badness(cand.text):
        return False
    return not any(
        ch.isalpha() or ch == "\N{REPLACEMENT CHARACTER}"
        for _s, _e, _old, new in diff_spans(line, cand.text)
        for ch in new
    )


# ---------------------------------------------------------------------------------------
# Spans and steps


_ASCII_SPLIT_RE = re.compile(r"([\x00-\x7f]+)")


def diff_spans(before: str, after: str) -> list[tuple[int, int, str, str]]:
    """Changed chunks as ``(start, end, old, new)`` with offsets into ``before``.

    Mojibake repair keeps ASCII: when both texts have the same ASCII skeleton, each
    non-ASCII stretch is its own chunk; otherwise one chunk between the common prefix
    and suffix.

    >>> diff_spans("CafÃ© crÃ¨me", "Café crème")
    [(3, 5, 'Ã©', 'é'), (8, 10, 'Ã¨', 'è')]
    """
    if before == after:
        return []
    parts_b = _ASCII_SPLIT_RE.split(before)
    parts_a = _ASCII_SPLIT_RE.split(after)
    if len(parts_b) == len(parts_a) and parts_b[1::2] == parts_a[1::2]:
        spans = []
        pos = 0
        for i, (old, new) in enumerate(zip(parts_b, parts_a, strict=True)):
            if i % 2 == 0 and old != new:
                spans.append((pos, pos + len(old), old, new))
            pos += len(old)
        return spans
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    old = before[prefix : len(before) - suffix]
    new = after[prefix : len(after) - suffix]
    return [(prefix, len(before) - suffix, old, new)]


def _confidence(original: float, repaired: float) -> float:
    """Confidence of a repair from the drop in implausibility (0..1).

    >>> round(_confidence(4.0, 0.0), 3)
    0.982
    """
    return 1.0 - math.exp(-(original - repaired))


def _style_fixers(options: CleanOptions) -> list[tuple[str, Callable[[str], str]]]:
    """The restyling ftfy fixers the options ask for, in ftfy's order."""
    names = ["fix_latin_ligatures", "fix_character_width", "uncurl_quotes", "fix_line_breaks"]
    return [(name, getattr(ftfy.fixes, name)) for name in names if getattr(options, name)]


def _lines(text: str) -> Iterator[tuple[int, int, int]]:
    """(line number, start, end) of every line of ``text``, end including the newline."""
    pos = 0
    number = 1
    size = len(text)
    while pos < size:
        end = text.find("\n", pos)
        end = size if end < 0 else end + 1
        yield number, pos, end
        pos = end
        number += 1


def _suspect_lines(text: str) -> Iterator[tuple[int, int, int]]:
    """Like :func:`_lines`, but only lines where :data:`chardata.SUSPECT_RE` finds
    something, found with one scan of the text."""
    number = 1
    counted = 0
    pos = 0
    while True:
        match = chardata.SUSPECT_RE.search(text, pos)
        if match is None:
            return
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end + 1
        number += text.count("\n", counted, start)
        counted = start
        yield number, start, end
        pos = end


def repair_text(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Repair mojibake in ``text``; returns the text and the repair steps.

    >>> repair_text("CafÃ©", CleanOptions())[0]
    'Café'
    >>> repair_text("Doesn’t “need” fixing — at all…", CleanOptions())
    ('Doesn’t “need” fixing — at all…', [])
    """
    if not text:
        return text, []
    style = _style_fixers(options)
    if text.isascii() and not (options.unescape_html or options.fix_line_breaks):
        return text, []
    if style or options.unescape_html:
        lines: Iterator[tuple[int, int, int]] = _lines(text)
    else:
        lines = _suspect_lines(text)
    out: list[str] = []
    steps: list[Step] = []
    pos = 0
    # repeated lines (menus, separators, a pasted block) are decided once per call
    decided: dict[str, tuple[str, tuple[str, ...], Reason, float | None]] = {}
    for number, start, end in _segments(text, lines):
        line = text[start:end]
        if line not in decided:
            decided[line] = _repair_line(line, options, style)
        fixed, chain, reason, confidence = decided[line]
        if fixed == line:
            continue
        out.append(text[pos:start])
        out.append(fixed)
        pos = end
        detail = _chain_detail(chain)
        for s, e, old, new in diff_spans(line, fixed):
            steps.append(
                Step(
                    Stage.REPAIR,
                    "repair",
                    reason,
                    detail=detail,
                    line=number,
                    start=start + s,
                    end=start + e,
                    before=old,
                    after=new,
                    confidence=confidence,
                )
            )
    if not out:
        return text, []
    out.append(text[pos:])
    return "".join(out), steps


def _segments(text: str, lines: Iterator[tuple[int, int, int]]) -> Iterator[tuple[int, int, int]]:
    """Cut lines longer than :data:`thresholds.MAX_REPAIR_SEGMENT_CHARS` at whitespace
    (or anywhere, without whitespace), so that the search stays linear in the text.

    >>> list(_segments("ab cd", iter([(1, 0, 5)])))
    [(1, 0, 5)]
    """
    limit = thresholds.MAX_REPAIR_SEGMENT_CHARS
    for number, start, end in lines:
        while end - start > limit:
            low = start + limit // 2
            cut = max(text.rfind(" ", low, start + limit), text.rfind("\t", low, start + limit))
            cut = cut + 1 if cut > start else start + limit
            yield number, start, cut
            start = cut
        yield number, start, end


def _repair_line(
    line: str, options: CleanOptions, style: list[tuple[str, Callable[[str], str]]]
) -> tuple[str, tuple[str, ...], Reason, float | None]:
    """Repair one line (with its newline); the fixed line, chain, reason and confidence."""
    chain: tuple[str, ...] = ()
    reason = Reason.STYLE
    confidence: float | None = None
    body = line.rstrip("\r\n")
    tail = line[len(body) :]
    if options.unescape_html and "&" in body and "<" not in body:
        unescaped = ftfy.fixes.unescape_html(body)
        if unescaped != body:
            body = unescaped
            chain += ("ftfy unescape_html",)
    if chardata.SUSPECT_RE.search(body):
        best = best_repair(body)
        if best is not None:
            confidence = _confidence(implausibility(body), best.cost)
            body = best.text
            chain += best.chain
            reason = best.reason
    fixed = body + tail
    for name, fixer in style:
        restyled = fixer(fixed)
        if restyled != fixed:
            fixed = restyled
            chain += (f"ftfy {name}",)
    return fixed, chain, reason, confidence
