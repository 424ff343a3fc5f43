"""Boilerplate and duplicate-line removal over raw scraped text.

The input is the text a naive scraper pulls off an article page: blocks separated by a
blank line, page chrome (menus, share bars, cookie banners, footers) around the article.

How a line is judged (thresholds in :mod:`cleaner.thresholds`):

1. Gate. A text with fewer than ``MIN_PAGE_LINES`` non-blank lines or ``MIN_PAGE_BLOCKS``
   blocks has no page structure and comes back unchanged (only ``drop_phrases`` apply).
2. Features per line: its size (characters, CJK characters weighted), its stopword density
   (share of words among the most frequent words of the page's languages, from wordfreq,
   so any language works; an article in another language than its page chrome brings its
   own), whether it is an interface label or carries a marker phrase
   (:mod:`cleaner.phrases`), and whether a short line repeats elsewhere on the page.
3. jusText-style classes: *good* (long, stopword-rich prose), *near-good*, *short*, and
   *chrome* (a recognised label, a marker, a repeated short line, a list of capitalised
   names). Long sentences in languages the stopwords cover badly count as prose; digit-
   heavy lines and cut-off teasers do not count as good.
4. The article body is the contiguous region with the largest sum of line points: good
   lines add points by size, more when they follow other good lines (an article is
   paragraph after paragraph, a teaser is alone) and the first one under a byline or
   dateline earns a bonus (articles start there); short and chrome lines cost points
   (maximum-sum segment, linear time). The body is then widened over short gaps to more
   long prose, to the rest of its edge blocks, to a closing sentence, to a list that
   its last line announces ("The tour dates:") and to a table above or below it whose
   rows share one punctuation pattern. A comment heading or a run of comment
   timestamps after enough prose ends it.
5. Around the body: the title, dateline and byline just before it (share buttons in
   between are skipped) and source credits or a dateline just after it are kept;
   everything else outside is dropped with the most specific reason (a lexicon
   category, the category of the section heading above, ``navigation`` for runs of
   short labels, ``short_chrome``, ``outside_article``). Inside the body short lines
   (subheadings, captions, bylines) stay unless they are labels of an in-body category
   ("Advertisement", "Share this") or bare file names.
6. Repeated content lines (an image's alt text and its caption) are dropped by
   :mod:`cleaner.dedupe`, keeping one copy. Whitespace-only lines go, no-break spaces in
   kept lines become spaces, and blocks are separated by exactly one blank line.

Every dropped line becomes a :class:`~cleaner.trace.Step` with its reason and a
confidence; a line is dropped only when that confidence reaches
``options.boilerplate_threshold`` and its reason is not in ``options.keep_categories``.

Speed: what a line's text alone says (words, lexicon categories, dateline and credit
flags, duplicate key, the language lists of its stopwords) is computed once per distinct
line of a call, in one record (:class:`LineInfo`) that repeated menus and
later passes share; lexicon tables are built once per process (:mod:`cleaner.phrases`).
A record is judged (stopword density, class, points) once per pass, and a later pass keeps
the judgement when the line's count of page-language stopwords and its repetition are
unchanged. A text that is no page gets no records (only user phrases can drop its lines).
The ASCII lines of a call are split into words, keyed and looked up as whole-line labels
together, with C-speed calls over all of them; other Latin text that Windows-1252 holds
is split into words over its bytes in one C pass. Cheap tests guard the costly ones: a
marker is looked for only in a line holding a marker's rarest word, a label prefix only at
the lengths of the labels starting with the line's first word, a byline only in a line
that starts like one or has a digit. Page languages are tallied over small integers.
``benchmarks/boilerplate_speed.py`` measures the stage.
"""

from __future__ import annotations

import functools
import re
import string
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from itertools import chain, compress, filterfalse, repeat
from operator import attrgetter, itemgetter, methodcaller
from typing import NamedTuple, cast

from cleaner import phrases, thresholds
from cleaner.dedupe import dedupe_key, find_duplicates
from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage, Step

# Runs of letters and digits (the words of a line); CJK runs are counted per character.
_TOKEN_RE = re.compile(r"[^\W_]+")
# The same for ASCII text in one C pass: letters lower-cased, digits kept, the rest spaces.
_ASCII_TOKEN_TABLE = str.maketrans(
    {code: chr(code).lower() if chr(code).isalnum() else " " for code in range(128)}
)


def _cp1252_token_table() -> bytes:
    """A ``bytes.translate`` table for Windows-1252 text: the bytes of letters and digits
    kept (ASCII letters lower-cased), every other byte a space."""
    table = bytearray(b" " * 256)
    for code in range(256):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # an unassigned byte: no text encodes to it
        if char.isalnum():
            table[code] = ord(char.lower()) if code < 128 else code
    return bytes(table)


# Latin text whose characters Windows-1252 holds (Western European letters, curly quotes,
# dashes) is split into words the same way in one C pass over its bytes.
_CP1252_TOKEN_TABLE = _cp1252_token_table()
# Vowel signs and other marks that wordfreq's lists leave out (Arabic harakat and tatweel,
# Hebrew points), removed before words are looked up.
_MARKS_TO_DROP_RE = re.compile("[\u064b-\u065f\u0640\u0670\u0591-\u05bd\u05bf-\u05c7]")
_DIGIT_RE = re.compile(r"\d")
# A letter or digit beyond ASCII (in case-folded text).
_NON_ASCII_WORD_CHAR_RE = re.compile(r"[^\W\x00-\x7f]")
# Han, kana, CJK compatibility ideographs: scripts written without spaces between words.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# Punctuation inside CJK prose (comma, ideographic comma and full stop, full-width marks).
_CJK_SENTENCE_MARKS = frozenset("\uff0c\u3001\u3002\uff01\uff1f\uff1b")
# Characters that end a sentence, in the scripts the lexicons cover (Latin, Greek ";",
# Arabic question mark, CJK full stops), and the closing quotes/brackets that may follow.
_TERMINALS = frozenset(".!?;:\u2026\u037e\u061f\u06d4\u3002\uff01\uff1f")
_CLOSERS = "\"')]}\u00bb\u201d\u2019\u300d\u300f\uff09"
# Characters that may surround a line and are not content (NBSP, zero-width marks, BOM).
_BLANKS = (
    " \t\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)

# Line classes.
GOOD, NEARGOOD, SHORT, CHROME = "good", "neargood", "short", "chrome"


@dataclass(slots=True, eq=False)
class LineInfo:
    """Features of one distinct non-blank line text: what the text says (``key`` to
    ``digitless``, set once per call), then what the page around it says. The lines of a
    page that read the same share one record (their page features agree: the same key, the
    same words); where each line stands is in :class:`Page`."""

    text: str
    key: str
    words: list[str]
    n_words: int
    cjk: int
    size: int
    label: Reason | None
    marker: Reason | None
    byline: bool
    image_credit: bool
    dedupe_key: str
    # The language-tuple numbers (:func:`cleaner.phrases.stopword_groups`) of the words
    # that are stopwords, in line order; only for lines of ``MIN_SHORT_PROSE_WORDS``
    # words or more, the lines that vote on the page's languages.
    groups: tuple[int, ...]
    # Known to hold no digit (its words are all letters); False when not known.
    digitless: bool
    stop: float = 0.0
    repeated: bool = False
    cls: str = SHORT
    short_prose: bool = False
    # The line's own points in the body search (:func:`_points`).
    points: float = 0.0
    # How many of its words were stopwords of the page languages when the fields above
    # were judged (-1: not judged yet); they follow from that count and ``repeated``.
    judged_stopwords: int = -1
    # The language its own stopwords vote for most (None: none; "": not asked yet).
    own_language: str | None = ""
    # Its decision inside the body under the present judgement (None: not asked yet).
    inside: tuple[Reason | None, float] | None = None


def strip_line(line: str) -> str:
    """``line`` without surrounding whitespace, NBSP and zero-width characters.

    >>> strip_line("\\u00a0 Follow us \\u200b")
    'Follow us'
    """
    return line.strip(_BLANKS)


def is_sentence_like(text: str) -> bool:
    """Whether ``text`` ends like a sentence (any script), closing quotes allowed.

    >>> is_sentence_like("He said “yes.”"), is_sentence_like("Home"), is_sentence_like("好。")
    (True, False, True)
    """
    end = text.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _TERMINALS


def label_of(
    key: str, n_words: int, tokens: list[str] | None = None, numbers: bool | None = None
) -> Reason | None:
    """The lexicon category of a short line given its label key, if it is a label.

    The whole line may be a label, or start with one (not for ``WHOLE_LINE_ONLY`` words).
    ``tokens`` is ``key.split(" ")`` and ``numbers`` whether one of them is a number, when
    the caller knows them already.

    >>> label_of("follow us on twitter", 4), label_of("share", 1), label_of("share prices fell", 3)
    (<Reason.SOCIAL: 'social'>, <Reason.SOCIAL: 'social'>, None)
    """
    if not key or n_words > thresholds.MAX_LABELLED_LINE_WORDS:
        return None
    table = phrases.label_table()
    found = table.get(key)
    if found is not None:
        return found
    words = key.split(" ") if tokens is None else tokens
    if numbers is None:
        numbers = not key.replace(" ", "").isalpha() and any(w.isdigit() for w in words)
    if numbers:
        # "53 Comments", "Share 12": counters do not change what a label is.
        words = [w for w in words if not w.isdigit()]
        found = table.get(" ".join(words))
        if found is not None:
            return found
    return _label_prefix_of(words)


def _label_prefix_of(words: list[str]) -> Reason | None:
    """The category of the longest label of at most four words that a line (its words,
    numbers left out) starts with and goes on after ("Follow us on Twitter and ...")."""
    lengths = phrases.label_prefix_lengths().get(words[0]) if words else None
    if lengths is None:
        return None
    prefixes = phrases.label_prefixes()
    most = min(len(words) - 1, _MAX_LABEL_PREFIX_WORDS)
    for n in lengths:
        if n <= most:
            found = prefixes.get(" ".join(words[:n]))
            if found is not None:
                return found
    return None


# A line starts with a label of at most this many words ("follow us on", "sign up for").
_MAX_LABEL_PREFIX_WORDS = 4


def marker_of(key: str, tokens: list[str] | None = None) -> Reason | None:
    """The category of the first marker phrase found anywhere in a label key
    (``tokens`` is ``key.split(" ")`` when the caller has it already).

    Only the markers whose anchor word the line holds are looked for; the first one in
    the line wins, and of two starting at the same word the one listed first.

    >>> marker_of("2019 acme inc all rights reserved")
    <Reason.FOOTER: 'footer'>
    >>> marker_of("the cookies were delicious") is None
    True
    """
    index = phrases.marker_anchor_table()
    words = key.split(" ") if tokens is None else tokens
    if index.keys().isdisjoint(words):
        return None
    padded = f" {key} "
    best: tuple[int, int, Reason] | None = None
    for anchor in index.keys() & words:
        for phrase, rank, reason in index[anchor]:
            pos = padded.find(phrase)
            if pos >= 0 and (best is None or (pos, rank) < best[:2]):
                best = (pos, rank, reason)
    return None if best is None else best[2]


def cjk_label_of(text: str) -> Reason | None:
    """The category of a short CJK line that contains a CJK label.

    >>> cjk_label_of("相关文章"), cjk_label_of("北京今天下雨了。") is None
    (<Reason.RELATED: 'related'>, True)
    """
    for reason, labels in phrases.CJK_LABELS.items():
        for label in labels:
            if label in text:
                return reason
    return None


def is_source_credit(key: str) -> bool:
    """Whether a short line names the article's sources ("Reporting by ...", "TBP and Agencies").

    >>> is_source_credit("tbp and agencies"), is_source_credit("reporting by jane doe")
    (True, True)
    >>> is_source_credit("most popular")
    False
    """
    index = phrases.source_credit_table()
    words = key.split(" ")
    if index.keys().isdisjoint(words):
        return False
    for pos, word in enumerate(words):
        for phrase in index.get(word, ()):
            if tuple(words[pos : pos + len(phrase)]) == phrase:
                return True
    return False


def is_dateline_or_byline(info: LineInfo) -> bool:
    """A date ("July 2, 2016, 5:35 am", "24.11.2007") or a byline ("By Tess Bonn")."""
    return _is_dateline_or_byline(info.text, info.key, info.n_words, info.key.split(" "))


def _is_dateline_or_byline(text: str, key: str, n_words: int, words: list[str]) -> bool:
    if not key or n_words > thresholds.MAX_CREDIT_WORDS:
        return False
    first = words[0]
    if first in phrases.BYLINE_OPENERS or (
        first in _BYLINE_PAIR_FIRSTS and " ".join(words[:2]) in phrases.BYLINE_OPENERS
    ):
        return True
    if _DIGIT_RE.search(text) is None:
        return False
    return not phrases.MONTHS.isdisjoint(words) or _looks_like_numeric_date(text)


# First words of the two-word byline openers ("posted by"): only they need a second look.
_BYLINE_PAIR_FIRSTS = frozenset(o.split(" ")[0] for o in phrases.BYLINE_OPENERS if " " in o)
# The words a byline can start with; a line starting otherwise needs a digit to be a date.
_BYLINE_FIRST_WORDS = phrases.BYLINE_OPENERS | _BYLINE_PAIR_FIRSTS

# 24.11.2007, 2008-01-14, 1/14/2008, 01/09, 18:48: a date or a time of day.
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\b|\b\d{1,2}:\d{2}\b")


def _looks_like_numeric_date(text: str) -> bool:
    return _NUMERIC_DATE_RE.search(text) is not None


# ---------------------------------------------------------------------------------------
# Features


# A CJK line longer than this is not looked up as a label (guess: the longest CJK label
# in the lexicon is 5 characters, a label line with a counter or a name stays under 20).
_MAX_CJK_LABEL_CHARS = 20


class Page(NamedTuple):
    """The non-blank lines of a text, in order: the record of each line's text (shared by
    lines that read the same), its position in the input (0-based) and its block number
    (blocks are separated by blank lines, numbered from 1)."""

    infos: list[LineInfo]
    positions: list[int]
    block: list[int]


def _analyse(lines: list[str], seen: dict[str, LineInfo] | None = None) -> list[LineInfo]:
    """The line records of the non-blank lines (see :func:`_read_page`)."""
    return _read_page(lines, seen).infos


def _read_page(lines: list[str], seen: dict[str, LineInfo] | None = None) -> Page:
    """The non-blank lines and their records; ``seen`` holds the records by line text for
    one call (pages repeat their menus, and later passes see the same lines again)."""
    return _records_of(*_layout(lines), {} if seen is None else seen)


def _layout(lines: list[str]) -> tuple[list[str], list[int], list[int]]:
    """The non-blank lines of a text: their stripped texts, positions and block numbers
    (see :class:`Page`)."""
    texts: list[str] = []
    index: list[int] = []
    blocks: list[int] = []
    append, append_index, append_block = texts.append, index.append, blocks.append
    block, in_block = 0, False
    blanks = _BLANKS
    for i, raw in enumerate(lines):
        text = raw.strip(blanks)
        if not text:
            in_block = False
            continue
        if not in_block:
            block += 1
            in_block = True
        append(text)
        append_index(i)
        append_block(block)
    return texts, index, blocks


def _records_of(
    texts: list[str], index: list[int], blocks: list[int], seen: dict[str, LineInfo]
) -> Page:
    """The page of the non-blank lines laid out by :func:`_layout`, with their records (the
    line texts not in ``seen`` get theirs)."""
    new = dict.fromkeys(texts).keys() - seen.keys()
    if new:
        _add_records(new, seen)
    return Page(list(map(seen.__getitem__, texts)), index, blocks)


def _add_records(texts: Collection[str], seen: dict[str, LineInfo]) -> None:
    """Build the records of distinct line texts into ``seen``: the lines whose words are
    ASCII together (:func:`_ascii_records`), the others one by one (:func:`_line_record`)."""
    lex = _lexicon()
    batch: list[str] = []
    others: list[str] = []
    for text in texts:
        (batch if _words_are_ascii(text) else others).append(text)
    if batch:
        seen.update(zip(batch, _ascii_records(batch, lex), strict=True))
    if others:
        seen.update(zip(others, map(_line_record, others, repeat(lex)), strict=True))


def _words_are_ascii(text: str) -> bool:
    """Whether a line is ASCII but for Windows-1252 punctuation (curly quotes, dashes,
    no-break spaces; not the copyright sign, which marks a footer): such a line splits
    into the words :func:`_line_record` finds when each of those characters is a space.

    >>> _words_are_ascii("Don\u2019t stop \u2014 ever"), _words_are_ascii("Caf\u00e9")
    (True, False)
    >>> _words_are_ascii("\u00a9 2024 Acme")
    False
    """
    return text.isascii() or _NOT_ASCII_WORD_SPLIT_RE.search(text) is None


def _ascii_split_punctuation() -> str:
    """The characters beyond ASCII that Windows-1252 holds and that are neither a letter
    nor a digit, and do not change when case-folded, but the copyright sign."""
    found = []
    for code in range(128, 256):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if not char.isalnum() and char.casefold() == char and char != "\u00a9":
            found.append(char)
    return "".join(found)


# A character that stops a line from splitting into words as ASCII does (see
# :func:`_words_are_ascii`): beyond ASCII and not a punctuation mark of Windows-1252.
_NOT_ASCII_WORD_SPLIT_RE = re.compile(
    "[^\\x00-\\x7f" + "".join(f"\\u{ord(c):04x}" for c in _ascii_split_punctuation()) + "]"
)
# (Such a line, encoded as ASCII with a question mark for each of those characters, splits
# at them: ``_CP1252_TOKEN_TABLE`` makes the question mark a space.)
_ENCODE_ASCII = methodcaller("encode", "ascii", "replace")


class _Lexicon(NamedTuple):
    """The phrase tables a line is looked up in, fetched once per call."""

    labels: dict[str, Reason]
    label_prefix_first_words: frozenset[str]
    marker_anchors: frozenset[str]
    stopword_group_of: dict[str, int]


@functools.cache
def _lexicon() -> _Lexicon:
    return _Lexicon(
        phrases.label_table(),
        frozenset(phrases.label_prefix_lengths()),
        frozenset(phrases.marker_anchor_table()),
        phrases.stopword_groups()[0],
    )


def _line_record(text: str, lex: _Lexicon) -> LineInfo:
    """The record of a line, its text-only fields filled in (built once per distinct line):
    label key, words (no numbers, no CJK), CJK character count, weighted size, lexicon
    categories, date/byline and picture-credit flags, the duplicate key, the language
    numbers of its stopwords and whether it is known to hold no digit.

    Cheap tests come first: a look-up runs only when the line's size and words leave
    room for it to succeed."""
    # The duplicate key is the label key unless marks were dropped from the words.
    marks = False
    # ``plain``: the words were split without CJK runs or marks in them.
    if text.isascii():
        plain = True
        tokens = text.translate(_ASCII_TOKEN_TABLE).split()
    else:
        folded = text.casefold()
        try:
            latin: bytes | None = folded.encode("cp1252")
        except UnicodeEncodeError:
            latin = None
        if latin is not None:
            # Western European letters, curly quotes, dashes: split at C speed.
            plain = True
            tokens = latin.translate(_CP1252_TOKEN_TABLE).decode("cp1252").split()
        else:
            unmarked = _MARKS_TO_DROP_RE.sub("", folded)
            marks = len(unmarked) < len(folded)
            folded = unmarked
            # Only its punctuation is beyond ASCII (bullets, arrows): a question mark in
            # place of each such character splits the words the same way.
            plain = not marks and _NON_ASCII_WORD_CHAR_RE.search(folded) is None
            if plain:
                folded = folded.encode("ascii", "replace").decode("ascii")
                tokens = folded.translate(_ASCII_TOKEN_TABLE).split()
            else:
                tokens = _TOKEN_RE.findall(folded)
    if not tokens:
        # No letters or digits at all: nothing to look up.
        marker = Reason.FOOTER if "\u00a9" in text else None
        dkey = dedupe_key(text) if marks else ""  # a tatweel alone is a word to dedupe
        return LineInfo(
            text, "", tokens, 0, 0, len(text), None, marker, False, False, dkey, (), False
        )
    key = " ".join(tokens)
    cjk = 0
    numbers: bool | None = None
    # Only letters in the words: then the line has no digit either.
    letters_only = False
    if plain or _CJK_RE.search(text) is None:
        # Whether a token is a number is decided at C speed for the common case.
        letters_only = key.replace(" ", "").isalpha()
        words = tokens if letters_only else list(filterfalse(str.isdigit, tokens))
        numbers = len(words) < len(tokens)
    else:
        words = []
        for token in tokens:
            if _CJK_RE.match(token):
                cjk += len(token)
            elif not token.isdigit():
                words.append(token)
    n_words = len(words)
    size = len(text) + (thresholds.CJK_CHAR_WEIGHT - 1) * cjk
    n = n_words + cjk // 2
    label = cjk_label_of(text) if cjk and len(text) <= _MAX_CJK_LABEL_CHARS else None
    if label is None and n <= thresholds.MAX_LABELLED_LINE_WORDS:
        label = lex.labels.get(key)
        if label is None:
            if numbers is None:
                label = label_of(key, n, tokens)  # CJK words aside: the tokens decide
            else:
                # (What :func:`label_of` does, with the words at hand: numbers left out.)
                if numbers and words:
                    label = lex.labels.get(" ".join(words))
                if label is None and words and words[0] in lex.label_prefix_first_words:
                    label = _label_prefix_of(words)
    if lex.marker_anchors.isdisjoint(tokens):
        marker = Reason.FOOTER if "\u00a9" in text else None  # the copyright sign
    else:
        marker = marker_of(key, tokens)
        if marker is None and "\u00a9" in text:
            marker = Reason.FOOTER
    byline = image_credit = False
    if n_words <= thresholds.MAX_CREDIT_WORDS:
        if tokens[0] in _BYLINE_FIRST_WORDS or not letters_only:
            byline = _is_dateline_or_byline(text, key, n_words, tokens)
        if ":" in text or not _AGENCY_FIRST_WORDS.isdisjoint(words):
            image_credit = _is_image_credit(text, key, words)
    # Marks are kept in the duplicate key: ``dedupe_key`` is the one definition.
    dkey = dedupe_key(text) if marks else key
    groups: tuple[int, ...] = ()
    if n_words >= thresholds.MIN_SHORT_PROSE_WORDS:
        groups = tuple(filter(None, map(lex.stopword_group_of.get, words)))
    return LineInfo(
        text, key, words, n_words, cjk, size, label, marker, byline, image_credit, dkey, groups,
        letters_only,
    )  # fmt: skip


def _ascii_records(texts: list[str], lex: _Lexicon) -> list[LineInfo]:
    """The records of lines whose words are ASCII (:func:`_words_are_ascii`), the same as
    :func:`_line_record` builds, with the steps every line takes (split into words over
    its bytes, label key, letters only or not, whole-line label) done for all the lines at
    C speed and the rest line by line."""
    tokens = list(
        map(
            str.split,
            map(
                bytes.decode,
                map(bytes.translate, map(_ENCODE_ASCII, texts), repeat(_CP1252_TOKEN_TABLE)),
            ),
        )
    )
    keys = list(map(" ".join, tokens))
    # (A line with no digit: all its words are letters. No words: not known.)
    letters = map(str.isalpha, map("".join, tokens))
    labels = map(lex.labels.get, keys)
    # (A line holds a marker phrase only if it holds the phrase's anchor word.)
    markerless = map(lex.marker_anchors.isdisjoint, tokens)
    max_label_words = thresholds.MAX_LABELLED_LINE_WORDS
    max_credit_words = thresholds.MAX_CREDIT_WORDS
    min_prose_words = thresholds.MIN_SHORT_PROSE_WORDS
    records: list[LineInfo] = []
    add = records.append
    for text, words, key, letters_only, label, no_marker in zip(
        texts, tokens, keys, letters, labels, markerless, strict=True
    ):
        if not words:
            # No letters or digits at all: nothing to look up (and no copyright sign).
            add(LineInfo(text, "", words, 0, 0, len(text), None, None, False, False, "", (), False))
            continue
        line_tokens = words
        if not letters_only:
            words = list(filterfalse(str.isdigit, words))
        n_words = len(words)
        if n_words > max_label_words:
            label = None
        elif label is None and words:
            if len(words) < len(line_tokens):
                label = lex.labels.get(" ".join(words))
            if label is None and words[0] in lex.label_prefix_first_words:
                label = _label_prefix_of(words)
        marker = None if no_marker else marker_of(key, line_tokens)
        byline = image_credit = False
        if n_words <= max_credit_words:
            if not letters_only or line_tokens[0] in _BYLINE_FIRST_WORDS:
                byline = _is_dateline_or_byline(text, key, n_words, line_tokens)
            if ":" in text or not _AGENCY_FIRST_WORDS.isdisjoint(words):
                image_credit = _is_image_credit(text, key, words)
        groups: tuple[int, ...] = ()
        if n_words >= min_prose_words:
            groups = tuple(filter(None, map(lex.stopword_group_of.get, words)))
        add(
            LineInfo(
                text, key, words, n_words, 0, len(text), label, marker, byline, image_credit,
                key, groups, letters_only,
            )
        )  # fmt: skip
    return records


def _page_languages(prose: list[LineInfo]) -> tuple[list[str], list[int]]:
    """The languages whose stopwords vote strongly enough over the words of ``prose``
    (the lines of at least ``MIN_SHORT_PROSE_WORDS`` words), and how many words of each
    of those lines are stopwords of those languages (both empty when no word votes)."""
    # Each word votes for every language whose stopwords hold it. Words are counted by
    # their (numbered) tuple of languages first, at C speed; a language's first vote
    # comes from the same word either way, so ties keep their order.
    _, group_langs = phrases.stopword_groups()
    by_group = Counter(chain.from_iterable(map(_GROUPS_OF, prose)))
    votes = _votes_by_language(by_group, group_langs)
    if not votes:
        return [], []
    # Most votes first, ties in first-vote order (what ``most_common`` gives).
    ranked = sorted(votes.items(), key=itemgetter(1), reverse=True)
    best = ranked[0][1]
    langs = [lang for lang, n in ranked[:4] if n >= thresholds.MIN_LANGUAGE_VOTE_SHARE * best]
    # An article in another language than the page chrome around it: prose lines the
    # chosen languages do not explain elect their own language, line by line.
    is_known = phrases.stopword_group_union(tuple(langs)).__contains__
    known = [sum(map(is_known, info.groups)) for info in prose]
    winners: dict[str, int] = {}
    min_density = thresholds.MIN_NEARGOOD_STOPWORD_DENSITY
    for info, n_known in zip(prose, known, strict=True):
        if n_known >= min_density * info.n_words:
            continue
        lang = info.own_language
        if lang == "":
            lang = info.own_language = _own_language(info.groups, group_langs)
        if lang is not None:
            winners[lang] = winners.get(lang, 0) + 1
    # The two languages most lines elect, ties in first-line order (as ``most_common(2)``).
    top = sorted(winners.items(), key=itemgetter(1), reverse=True)[:2] if winners else ()
    more = [lang for lang, n in top if n >= thresholds.MIN_LANGUAGE_LINES and lang not in langs]
    if more:
        # The counts were for fewer languages: count again for all of them.
        langs += more
        is_known = phrases.stopword_group_union(tuple(langs)).__contains__
        known = [sum(map(is_known, info.groups)) for info in prose]
    return langs, known


def _own_language(groups: tuple[int, ...], group_langs: tuple[tuple[str, ...], ...]) -> str | None:
    """The first language with the most votes among the stopwords of a line (as
    ``most_common(1)`` picks it), None when no word votes."""
    line_votes = Counter(chain.from_iterable(map(group_langs.__getitem__, groups)))
    return max(line_votes, key=line_votes.__getitem__) if line_votes else None


_KEY_OF = attrgetter("key")
_GROUPS_OF = attrgetter("groups")


def _votes_by_language(
    by_group: Counter[int], group_langs: tuple[tuple[str, ...], ...]
) -> dict[str, int]:
    """Votes per language from word counts per numbered language tuple. Languages come
    in the order of their first word, as when words are counted one by one."""
    votes: dict[str, int] = {}
    get = votes.get
    for group, n in by_group.items():
        for lang in group_langs[group]:
            votes[lang] = get(lang, 0) + n
    return votes


def _stopword_density(
    info: LineInfo, stopwords: frozenset[str], cjk_chars: frozenset[str], latin: int = -1
) -> float:
    """Share of stopwords among the words of a line (``latin``: how many of its words are
    in ``stopwords``, when the caller has counted them)."""
    if latin < 0:
        latin = sum(map(stopwords.__contains__, info.words))
    if info.cjk:
        func = sum(map(cjk_chars.__contains__, info.text))
        if any(ch in _CJK_SENTENCE_MARKS for ch in info.text):
            # CJK prose: punctuated runs of characters are sentences whatever their words.
            func = max(func, round(thresholds.MIN_GOOD_STOPWORD_DENSITY * info.cjk) + 1)
        return min(1.0, (latin + func) / (info.n_words + info.cjk))
    density = latin / info.n_words if info.n_words else 0.0
    if density < thresholds.MIN_GOOD_STOPWORD_DENSITY and _has_two_sentences(info.text):
        # Several sentences in a language the page's stopwords do not cover (Korean,
        # a quotation in another language): punctuation stands in for stopwords.
        density = thresholds.MIN_GOOD_STOPWORD_DENSITY
    elif (
        density < thresholds.MIN_NEARGOOD_STOPWORD_DENSITY
        and info.size >= thresholds.MIN_NEARGOOD_CHARS
        and is_sentence_like(info.text)
    ):
        # One long sentence in an inflecting language (Turkish, Finnish, Hungarian) whose
        # word forms miss the stopword list: still prose, not a keyword list.
        density = thresholds.MIN_NEARGOOD_STOPWORD_DENSITY
    return density


_SENTENCE_END_RE = re.compile(
    r"[.!?\u2026\u061f\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)]?(?:\s|$)"
)


# The marks a sentence end in ``_SENTENCE_END_RE`` starts with.
_SENTENCE_END_MARKS = ".!?\u2026\u061f\u3002\uff01\uff1f"


def _has_two_sentences(text: str) -> bool:
    """Whether ``text`` holds at least two sentence ends.

    >>> _has_two_sentences("It rained. Then it stopped! Home"), _has_two_sentences("U.S. Army")
    (True, False)
    """
    if sum(map(text.count, _SENTENCE_END_MARKS)) < 2:
        return False  # fewer than two marks, counted at C speed
    return len(_SENTENCE_END_RE.findall(text)) >= 2


def _classify(infos: list[LineInfo]) -> None:
    min_prose_words = thresholds.MIN_SHORT_PROSE_WORDS
    prose = [info for info in infos if info.n_words >= min_prose_words]
    langs, known = _page_languages(prose)
    stopwords = phrases.stopword_union(tuple(langs))
    cjk_chars = phrases.cjk_function_chars()
    max_label_words = thresholds.MAX_LABELLED_LINE_WORDS
    min_neargood_chars = thresholds.MIN_NEARGOOD_CHARS
    min_neargood_density = thresholds.MIN_NEARGOOD_STOPWORD_DENSITY
    chrome_points = thresholds.CHROME_LINE_POINTS
    # How often each key stands on the page. (A line's word count follows from its key,
    # so the counts of short lines' keys are those of the short lines alone.)
    key_counts = Counter(map(_KEY_OF, infos))
    # Lines that read the same share a record, and their page features agree: each record
    # is judged once. Its judgement follows from its stopword count and its repetition, so
    # a record judged in an earlier pass with the same two keeps it (a later pass sees the
    # same page with fewer lines, and often a language more or less among the minor ones).
    latin_of = dict(zip(prose, known, strict=True)) if known else None
    for info in dict.fromkeys(infos):
        n = n_words = info.n_words
        if info.cjk:
            n += info.cjk // 2
        repeated = n <= max_label_words and key_counts[info.key] > 1
        dense = n_words >= min_prose_words
        if dense:
            latin = latin_of[info] if latin_of is not None else 0
        elif info.cjk or info.size >= min_neargood_chars:
            dense = True
            latin = sum(map(stopwords.__contains__, info.words))
        else:
            latin = 0  # (not looked at)
        if info.judged_stopwords == latin and info.repeated == repeated:
            continue
        info.judged_stopwords = latin
        info.repeated = repeated
        info.inside = None
        if dense:
            info.stop = _stopword_density(info, stopwords, cjk_chars, latin)
        else:
            # A short line of few words (most lines of a page): no stopword density, no
            # sentence words, so the class ladder comes down to its first two rungs.
            if info.label is not None or repeated or info.marker is not None:
                info.cls, info.points = CHROME, chrome_points
            else:
                info.cls, info.points = SHORT, _short_line_points(info.text)
            continue
        # A short line with sentence words (a subheading, a list item, a caption).
        info.short_prose = n >= min_prose_words and info.stop >= min_neargood_density
        cls = _line_class(info)
        if cls == GOOD and (
            (not info.digitless and _digit_share(info.text) > thresholds.MAX_GOOD_DIGIT_SHARE)
            or _is_truncated(info.text)
        ):
            # Contact details, score tables, timetables, cut-off teasers ("… Read more"):
            # useful inside an article, but not evidence that the article is here.
            cls = NEARGOOD
        info.cls = cls
        info.points = _points(info)


_CAPITALISED_RE = re.compile(r"\b[^\W\d_]")


def _capitalised_share(text: str) -> float:
    """Share of words starting with an upper-case letter (0 for scripts without case).

    >>> _capitalised_share("Facebook Twitter LinkedIn"), _capitalised_share("a b C d")
    (1.0, 0.25)
    """
    initials = _CAPITALISED_RE.findall(text)
    if not initials:
        return 0.0
    return sum(1 for ch in initials if ch.isupper()) / len(initials)


def _line_class(info: LineInfo) -> str:
    """The jusText-style ladder: chrome, good, near-good or short."""
    size, stop = info.size, info.stop
    if info.label is not None or info.repeated:
        return CHROME
    if info.marker is not None and size < thresholds.MAX_IN_BODY_MARKER_CHARS:
        return CHROME
    if (
        size >= thresholds.MIN_NEARGOOD_CHARS
        and stop < thresholds.MAX_LIST_STOPWORD_DENSITY
        and _capitalised_share(info.text) >= thresholds.MIN_LIST_CAPITALISED_SHARE
    ):
        # "Facebook Twitter LinkedIn", "Tags: Politics, Europe, Elections": capitalised
        # names without sentence words. Scripts without case never qualify.
        return CHROME
    if size >= thresholds.MIN_GOOD_CHARS and stop >= thresholds.MIN_NEARGOOD_STOPWORD_DENSITY:
        return GOOD
    if size >= thresholds.MIN_NEARGOOD_CHARS and stop >= thresholds.MIN_GOOD_STOPWORD_DENSITY:
        return GOOD
    if size >= thresholds.MIN_NEARGOOD_CHARS and stop >= thresholds.MIN_NEARGOOD_STOPWORD_DENSITY:
        return NEARGOOD
    return SHORT


def _is_truncated(text: str) -> bool:
    """A teaser cut off with an ellipsis ("The mayor said that the…").

    >>> _is_truncated("The mayor said that the\u2026 Read more"), _is_truncated("He waited.")
    (True, False)
    >>> _is_truncated("He said \u2026 that it was over, and that the vote would wait.")
    False
    """
    end = text.rstrip(_CLOSERS)
    if end.endswith(("\u2026", "...")):
        return True
    cut = text.find("\u2026 ", 0, thresholds.MAX_TEASER_TITLE_CHARS)
    return cut >= 0 and text[cut + 2 : cut + 3].isupper()


def _digit_share(text: str) -> float:
    """Share of digits among the characters of ``text``.

    >>> _digit_share("Tel 0800"), _digit_share("\u0661\u0662ab")
    (0.5, 0.5)
    """
    if text.isascii():
        # Ten C-speed counts, no list of matches.
        return sum(map(text.count, _ASCII_DIGITS)) / len(text)
    return len(_DIGIT_RE.findall(text)) / len(text)


_ASCII_DIGITS = "0123456789"


def _points(info: LineInfo) -> float:
    if info.cls == GOOD:
        return min(info.size / thresholds.BODY_CHARS_PER_POINT, thresholds.MAX_GOOD_LINE_POINTS)
    if info.cls == NEARGOOD:
        return thresholds.NEARGOOD_LINE_POINTS
    if info.cls == CHROME:
        return thresholds.CHROME_LINE_POINTS
    if info.short_prose:
        return thresholds.SHORT_PROSE_POINTS
    return _short_line_points(info.text)


def _short_line_points(text: str) -> float:
    """Points of a short line without sentence words: a link label costs more than a line
    with digits or punctuation inside (a list item or table cell).

    >>> _short_line_points("World News") < _short_line_points("Tel. 0800 123")
    True
    """
    if text.isascii():
        menu_like = _is_ascii_menu_like(text)
    else:
        menu_like = _MENU_LIKE_RE.fullmatch(text) is not None
    return thresholds.SHORT_LINE_POINTS if menu_like else thresholds.SHORT_DATA_POINTS


def _is_ascii_menu_like(text: str) -> bool:
    """:data:`_MENU_LIKE_RE` for an ASCII line, with C-speed string tests: letters and
    the marks menus use between them, then at most a space and a ``>``.

    >>> [_is_ascii_menu_like(t) for t in ("News & Politics", "Sci-Fi >", "Tel. 0800", "a-")]
    [True, True, False, False]
    """
    if text.endswith(">"):
        text = text[:-1]
    if text.endswith(" "):
        text = text[:-1]
    return text[:1].isalpha() and text[-1:].isalpha() and not text.strip(_ASCII_MENU_LIKE_CHARS)


# The characters of an ASCII menu line: letters and the marks between words.
_ASCII_MENU_LIKE_CHARS = string.ascii_letters + " &'/.|-"


# A link label: letters, spaces and the few marks menus use ("News & Politics", "Sci-Fi").
_MENU_LIKE_RE = re.compile(r"[^\W\d_]+(?:[ &'/.|\u2019-]+[^\W\d_]+)*[ ]?[>\u00bb\u203a]?")


def _body_points(infos: list[LineInfo]) -> list[float]:
    """Points of each line for the body search; list items after an intro line are cheap.

    One walk down the page applies, line by line: the class points (:func:`_points`), the
    prose-run bonus, the bonus of prose under a byline and the floor of list items.
    """
    points: list[float] = []
    append = points.append
    max_header_lines = thresholds.MAX_HEADER_LINES
    run_bonus, max_run = thresholds.PROSE_RUN_BONUS, thresholds.MAX_PROSE_RUN
    byline_bonus = thresholds.BYLINE_BONUS_POINTS
    item_points, max_items = thresholds.LIST_ITEM_POINTS, thresholds.MAX_LIST_ITEMS
    run = 0
    since_byline = max_header_lines + 1
    list_left = 0
    for info in infos:
        cls = info.cls
        p = info.points
        prose = cls in (GOOD, NEARGOOD)
        # Paragraph after paragraph is an article; a lone paragraph among labels is a teaser.
        if cls == GOOD:
            p *= 1 + run_bonus * min(run, max_run)
            run += 1
        elif cls != NEARGOOD and not info.short_prose:
            run = 0
        # Prose right under a byline or dateline is where articles start.
        if prose:
            if since_byline <= max_header_lines:
                p += byline_bonus
                since_byline = max_header_lines + 1
            elif info.label is None:
                since_byline += 1
        elif info.byline:
            since_byline = 0
        elif info.label is None:
            since_byline += 1
        # Short lines after an intro line ending with ":" are the items of its list.
        if cls == SHORT:
            if list_left:
                p = max(p, item_points)
                list_left -= 1
        else:
            list_left = 0
        if (prose or info.short_prose) and info.text.endswith(":"):
            list_left = max_items
        append(p)
    return points


def _extend_body(
    infos: list[LineInfo], blocks: list[int], first: int, last: int
) -> tuple[int, int]:
    """Widen the body over short gaps to more prose (an article split by an ad or a photo).

    A gap may hold at most ``MAX_BODY_GAP_LINES`` lines and no comment-section heading; the
    line beyond it must be good prose.
    """
    changed = True
    while changed:
        changed = False
        for step, edge in ((-1, first), (1, last)):
            pos = edge + step
            gap = 0
            while 0 <= pos < len(infos) and gap <= thresholds.MAX_BODY_GAP_LINES:
                info = infos[pos]
                if info.cls == GOOD and info.size >= thresholds.MIN_BODY_EXTENSION_CHARS:
                    if step < 0:
                        first = pos
                    else:
                        last = pos
                    changed = True
                    break
                if info.marker is not None or (
                    info.n_words <= thresholds.MAX_LABELLED_LINE_WORDS and is_comment_head(info.key)
                ):
                    break
                gap += 1
                pos += step
    return _extend_edges(infos, blocks, first, last)


def _is_plain(info: LineInfo) -> bool:
    return info.label is None and info.marker is None and not info.repeated


def _extend_edges(
    infos: list[LineInfo], blocks: list[int], first: int, last: int
) -> tuple[int, int]:
    """Take in the rest of the edge blocks, and a list that an intro line announces.

    Lines written in the same block as a body line (separated by a line break, not a blank
    line) belong to the same page element: a title and dateline above the first paragraph,
    a list under the last. After a last line ending with ":" the short lines that follow
    are its items.
    """
    while first > 0 and blocks[first - 1] == blocks[first] and _is_plain(infos[first - 1]):
        first -= 1
    while last + 1 < len(infos) and blocks[last + 1] == blocks[last] and _is_plain(infos[last + 1]):
        last += 1
    while (
        last + 1 < len(infos)
        and infos[last + 1].short_prose
        and is_sentence_like(infos[last + 1].text)
        and _is_plain(infos[last + 1])
    ):
        last += 1  # a closing sentence too short to count as a paragraph
    if (
        last + 1 < len(infos)
        and infos[last + 1].text.endswith(":")
        and infos[last + 1].cls != CHROME
        and _is_plain(infos[last + 1])
    ):
        last += 1  # "The tour dates:" right after the last paragraph
    if infos[last].text.endswith(":"):
        end = min(len(infos), last + 1 + thresholds.MAX_LIST_ITEMS)
        while last + 1 < end and _is_plain(infos[last + 1]):
            last += 1
    return _take_table(infos, first, -1), _take_table(infos, last, 1)


def _take_table(infos: list[LineInfo], edge: int, step: int) -> int:
    """The new edge of a body that a table borders (``step`` 1: below its last line
    ``edge``; -1: above its first line).

    Next to the body, a run of plain lines (no label, no marker, none repeated on the
    page, no long prose) whose rows mostly share the same punctuation ("Spain (Group F):
    11th appearance", "Wales (Group E): Second appearance") is a table of the article: the
    body takes it in, up to its farthest such row. Headlines of related stories and menu
    labels do not repeat one punctuation pattern row after row; links with a count
    ("Politics (12)") do, but brackets alone make no table.
    """
    stop = max(-1, min(len(infos), edge + step * (thresholds.MAX_TABLE_LINES + 1)))
    pos = edge + step
    while pos != stop and infos[pos].cls != GOOD and _is_plain(infos[pos]):
        pos += step
    run = abs(pos - edge) - 1
    if run < thresholds.MIN_TABLE_ROWS:
        return edge
    # Lines without a row's punctuation: past this many, no pattern can fill the share.
    misfits_left = run - max(thresholds.MIN_TABLE_ROWS, thresholds.MIN_TABLE_ROW_SHARE * run)
    shapes: list[str] = []
    for k in range(1, run + 1):
        shape = _PUNCTUATION_SHAPE_RE.sub("", infos[edge + step * k].text)
        if not shape.strip(_BRACKETS):
            misfits_left -= 1
            if misfits_left < 0:
                return edge
        shapes.append(shape)
    shape, rows = Counter(shapes).most_common(1)[0]
    if (
        not shape.strip(_BRACKETS)
        or rows < thresholds.MIN_TABLE_ROWS
        or rows < thresholds.MIN_TABLE_ROW_SHARE * run
    ):
        return edge
    return edge + step * (run - shapes[::-1].index(shape))


# What a table row's punctuation pattern leaves out: words and spaces.
_PUNCTUATION_SHAPE_RE = re.compile(r"[\w\s]+")
# Brackets around a link's count of posts ("Politics (12)", "March 2012 [4]").
_BRACKETS = "()[]"


def find_body(points: list[float]) -> tuple[int, int] | None:
    """The contiguous run with the largest positive sum, as ``(first, last)`` positions.

    >>> find_body([-1, 2, -0.5, 3, -4, 1])
    (1, 3)
    >>> find_body([-1, -2]) is None
    True
    """
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for pos, p in enumerate(points):
        if run <= 0:
            run, start = p, pos
        else:
            run += p
        if run > best:
            best, best_span = run, (start, pos)
    return best_span


# ---------------------------------------------------------------------------------------
# Decisions: (reason, confidence) per non-blank line; reason None = content.

Decision = tuple[Reason | None, float]


def _decide_outside(
    infos: list[LineInfo], positions: range, decisions: list[Decision], section: Reason | None
) -> Reason | None:
    """Decide the lines at ``positions``, outside the body, with the most specific reason;
    ``section`` is the category of the section heading above them (returned as it stands
    after them)."""
    n = len(infos)
    short_classes = (SHORT, CHROME)
    max_label_words = thresholds.MAX_LABEL_WORDS
    for pos in positions:
        info = infos[pos]
        label = info.label
        reason: Reason | None
        if label is not None:
            decisions[pos] = (label, thresholds.LABEL_CONFIDENCE)
            section = label if label in _SECTION_HEADS else None
            continue
        cls = info.cls
        if info.image_credit:
            reason, conf = Reason.CREDIT, thresholds.LABEL_CONFIDENCE
        elif info.marker is not None:
            reason, conf = info.marker, thresholds.MARKER_CONFIDENCE
        elif cls == GOOD:
            reason, conf = Reason.OUTSIDE_ARTICLE, thresholds.OUTSIDE_GOOD_CONFIDENCE
        elif cls == NEARGOOD:
            reason, conf = Reason.OUTSIDE_ARTICLE, thresholds.OUTSIDE_NEARGOOD_CONFIDENCE
        elif info.n_words + info.cjk // 2 <= max_label_words and (
            (pos > 0 and infos[pos - 1].cls in short_classes)
            or (pos + 1 < n and infos[pos + 1].cls in short_classes)
        ):
            # A run of short labels: a menu.
            reason, conf = Reason.NAVIGATION, thresholds.MENU_RUN_CONFIDENCE
        elif cls == CHROME:
            reason, conf = Reason.SHORT_CHROME, thresholds.MENU_RUN_CONFIDENCE
        else:
            reason, conf = Reason.SHORT_CHROME, thresholds.OUTSIDE_SHORT_CONFIDENCE
        if section is not None and cls in short_classes:
            # Teasers under "Related stories", names and dates under "Comments".
            reason = section
        decisions[pos] = (reason, conf)
    return section


# Labels that head a page section whose unlabelled lines share the label's category.
_SECTION_HEADS = frozenset({Reason.RELATED, Reason.COMMENTS})


# A line that is only a file name or a web address (an image's alt text, a bare link).
_FILE_OR_URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|[\w%.,()+-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)", re.IGNORECASE
)


# A gallery counter: "1 / 23", "Image 2 of 5", "Foto 3 von 12".
_COUNTER_RE = re.compile(r"(?:[^\W\d_]+ )?\d{1,3} ?(?:/|of|von|de|di|van|из|z|/ ) ?\d{1,3}")
# Words of a counter: a name and a connecting word ("image", "of").
_MAX_COUNTER_WORDS = 2
# One token with digits or underscores and no spaces ("IMG_2953", "010_Clymer-1"): the
# name of an image file standing in for its alt text.
_FILE_TOKEN_RE = re.compile(r"(?=\S*[\d_])[\w&.-]+")


def is_image_credit(info: LineInfo) -> bool:
    """A short line crediting a picture ("Photo: Jane Doe, AP", "Doe/Getty Images").

    >>> infos = _analyse(["Photo: Meg Kinnard, AP", "Sanjeev Verma/Getty Images", "By Jane Doe"])
    >>> [is_image_credit(i) for i in infos]
    [True, True, False]
    """
    return _is_image_credit(info.text, info.key, info.words)


def _is_image_credit(text: str, key: str, words: list[str]) -> bool:
    if len(words) > thresholds.MAX_CREDIT_WORDS:
        return False
    if ":" in text and text.partition(":")[0].strip().casefold() in phrases.IMAGE_CREDIT_OPENERS:
        return True
    if _AGENCY_FIRST_WORDS.isdisjoint(words):
        return False
    spaced = f" {key} "
    return any(f" {agency} " in spaced for agency in phrases.IMAGE_AGENCIES)


_AGENCY_FIRST_WORDS = frozenset(agency.split(" ")[0] for agency in phrases.IMAGE_AGENCIES)


def _inside_reason(info: LineInfo) -> Decision:
    text = info.text
    # A file name, an address or a file token has no space; a counter two words at most.
    if (
        " " not in text and (_FILE_OR_URL_RE.fullmatch(text) or _FILE_TOKEN_RE.fullmatch(text))
    ) or (info.n_words <= _MAX_COUNTER_WORDS and _COUNTER_RE.fullmatch(text)):
        return Reason.SHORT_CHROME, thresholds.REPEATED_IN_BODY_CONFIDENCE
    if info.image_credit:
        return Reason.CREDIT, thresholds.LABEL_CONFIDENCE
    if info.n_words <= thresholds.MAX_CREDIT_WORDS and is_source_credit(info.key):
        return None, 0.0
    if info.label is not None and info.label in phrases.IN_BODY_CATEGORIES:
        return info.label, thresholds.LABEL_CONFIDENCE
    if (
        info.label is not None
        and info.label == Reason.CREDIT
        and info.n_words <= thresholds.MAX_LABEL_WORDS
    ):
        return info.label, thresholds.LABEL_CONFIDENCE
    if info.marker is not None and info.size < thresholds.MAX_IN_BODY_MARKER_CHARS:
        return info.marker, thresholds.MARKER_CONFIDENCE
    if info.repeated:
        return Reason.SHORT_CHROME, thresholds.REPEATED_IN_BODY_CONFIDENCE
    if info.label is not None:
        return info.label, thresholds.IN_BODY_LABEL_CONFIDENCE
    if info.cls in (SHORT, CHROME):
        return Reason.SHORT_CHROME, thresholds.IN_BODY_SHORT_CONFIDENCE
    return None, 0.0


def _is_title(info: LineInfo, allow_repeated: bool = False) -> bool:
    n = info.n_words + info.cjk // 2
    return (
        thresholds.MIN_TITLE_WORDS <= n <= thresholds.MAX_TITLE_WORDS
        and info.label is None
        and info.marker is None
        and (allow_repeated or not info.repeated)
    )


def is_comment_head(key: str) -> bool:
    """Whether a line (label key) opens a comment section.

    >>> is_comment_head("53 comments"), is_comment_head("12 thoughts on golden ratios")
    (True, True)
    >>> is_comment_head("comments from the minister angered the opposition party members")
    False
    """
    words = key.split(" ")
    if words[0] not in _COMMENT_HEAD_FIRST_WORDS and not words[0].isdigit():
        return False  # the first word stays first once numbers are left out
    words = [w for w in words if not w.isdigit()]
    if (
        not words
        or len(words) > thresholds.MAX_LABELLED_LINE_WORDS
        or words[0] not in _COMMENT_HEAD_FIRST_WORDS
    ):
        return False
    heads = phrases.COMMENT_SECTION_HEADS
    if " ".join(words) in heads:
        return True
    return any(" ".join(words[:n]) in heads for n in (3, 2))


# The first words of the comment-section headings.
_COMMENT_HEAD_FIRST_WORDS = frozenset(h.split(" ")[0] for h in phrases.COMMENT_SECTION_HEADS)


def _comment_cut(infos: list[LineInfo], first: int, last: int) -> int:
    """The position where a comment section starts inside the body, or ``last + 1``."""
    prose_lines, prose_chars = 0, 0
    stamps: list[int] = []
    for pos in range(first, last + 1):
        info = infos[pos]
        if info.cls == GOOD:
            prose_lines += 1
            prose_chars += info.size
            continue
        if (
            prose_lines < thresholds.MIN_PROSE_LINES_BEFORE_COMMENTS
            or prose_chars < thresholds.MIN_PROSE_CHARS_BEFORE_COMMENTS
        ):
            continue
        # (A line of more words than a heading has is none, whatever its numbers.)
        if info.n_words <= thresholds.MAX_LABELLED_LINE_WORDS and is_comment_head(info.key):
            return pos
        if _is_timestamp(info):
            stamps.append(pos)
    if len(stamps) >= thresholds.MIN_COMMENT_TIMESTAMPS:
        # "Melinda, October 22, 2012 at 1:57 pm" again and again: a comment thread with
        # no heading. It starts at the first stamp (or the name line just above it).
        start = stamps[0]
        above = infos[start - 1]
        if start - 1 > first and above.cls == SHORT and above.n_words <= thresholds.MAX_LABEL_WORDS:
            start -= 1
        return start
    return last + 1


_TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}:\d{2}\b")


def _is_timestamp(info: LineInfo) -> bool:
    """A short line with a date and a time of day (the header of a comment)."""
    return (
        info.byline
        and info.n_words <= thresholds.MAX_CREDIT_WORDS
        and _TIME_OF_DAY_RE.search(info.text) is not None
    )


def _decide(infos: list[LineInfo], first: int, last: int) -> list[Decision]:
    decisions: list[Decision] = [(None, 0.0)] * len(infos)
    cut = _comment_cut(infos, first, last)
    for pos in range(cut, last + 1):
        decisions[pos] = (Reason.COMMENTS, thresholds.COMMENT_SECTION_CONFIDENCE)
    trailer = cut == last + 1  # no credits to look for after a comment thread
    after = last + 1
    last = cut - 1
    # Above the body, the body, below it (the comment thread is decided already).
    section = _decide_outside(infos, range(first), decisions, None)
    if first <= last:
        for pos in range(first, last + 1):
            info = infos[pos]
            decision = info.inside
            if decision is None:
                decision = info.inside = _inside_reason(info)
            decisions[pos] = decision
        section = None
    _decide_outside(infos, range(after, len(infos)), decisions, section)
    # Header: title, dateline and byline right before the body; share buttons and other
    # labels between them and the body are skipped.
    seen = 0
    for pos in range(first - 1, max(-1, first - 1 - thresholds.MAX_HEADER_SCAN_LINES), -1):
        info = infos[pos]
        if info.label is not None or info.image_credit:
            continue
        repeated_title = info.repeated and _is_title(info, allow_repeated=True)
        if (
            info.marker is not None or info.label is not None or info.cls in (GOOD, CHROME)
        ) and not (info.cls == CHROME and repeated_title):
            break
        seen += 1
        if seen > thresholds.MAX_HEADER_LINES:
            break
        if info.byline or is_source_credit(info.key):
            decisions[pos] = (Reason.OUTSIDE_ARTICLE, thresholds.HEADER_CONFIDENCE)
        elif _is_title(info, allow_repeated=True):
            decisions[pos] = (Reason.OUTSIDE_ARTICLE, thresholds.HEADER_CONFIDENCE)
            if not info.text.endswith("."):
                # A title; a line ending with a full stop is the lead sentence above it.
                _keep_kicker(infos, pos, decisions)
                break
    # Trailer: source credits, a closing dateline and a rights notice right after the body.
    trailer_end = last + 1 + (thresholds.MAX_TRAILER_LINES if trailer else 0)
    for pos in range(last + 1, min(len(infos), trailer_end)):
        info = infos[pos]
        if pos == last + 1 and _is_rights_notice(info):
            decisions[pos] = (Reason.CREDIT, thresholds.HEADER_CONFIDENCE)
            break
        if info.label is not None or info.marker is not None or info.repeated:
            break
        if info.n_words <= thresholds.MAX_CREDIT_WORDS and (
            is_source_credit(info.key) or info.byline
        ):
            decisions[pos] = (Reason.CREDIT, thresholds.HEADER_CONFIDENCE)
    return decisions


def _is_rights_notice(info: LineInfo) -> bool:
    """A copyright line of sentence length that a news agency puts under its articles
    ("Copyright 2008 The Example Press. All rights reserved. This material may not be
    published ..."): a site's own footer says its name and year in a few words. It is
    the article's only when it is the first line under the last paragraph."""
    return (
        info.marker == Reason.FOOTER
        and not info.repeated
        and info.label is None
        and info.size >= thresholds.MIN_RIGHTS_NOTICE_CHARS
        and is_sentence_like(info.text)
    )


def _keep_kicker(infos: list[LineInfo], title: int, decisions: list[Decision]) -> None:
    """Keep a dateline or byline written just above the title (labels in between skipped)."""
    for pos in range(title - 1, max(-1, title - 1 - thresholds.MAX_HEADER_SCAN_LINES), -1):
        info = infos[pos]
        if info.label is not None or info.image_credit:
            continue
        if info.marker is None and not info.repeated and info.byline:
            decisions[pos] = (Reason.OUTSIDE_ARTICLE, thresholds.HEADER_CONFIDENCE)
        return


# ---------------------------------------------------------------------------------------
# The stage


def _contains_any(text: str, needles: tuple[str, ...]) -> bool:
    low = text.casefold()
    return any(n.casefold() in low for n in needles)


def remove_boilerplate(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Drop page chrome and repeated lines; returns the text and one step per dropped line.

    >>> page = "\\n\\n".join(["Home", "News", "Sport", "Big storm hits the coast",
    ...     "The storm that hit the coast on Monday was the strongest of the year, "
    ...     "and it left a lot of homes without power.",
    ...     "Officials said that the repairs would take a week and asked people "
    ...     "to stay at home until the roads were clear.",
    ...     "Share this article", "Privacy Policy", "Terms of Use"])
    >>> out, steps = remove_boilerplate(page, CleanOptions())
    >>> [line[:16] for line in out.splitlines()]
    ['Big storm hits t', '', 'The storm that h', '', 'Officials said t']
    >>> [str(s.reason) for s in steps]
    ['navigation', 'navigation', 'navigation', 'social', 'footer', 'footer']
    """
    lines = text.split("\n")
    memo: dict[str, LineInfo] = {}
    out, steps, rebuilt = _one_pass(lines, options, memo)
    # The rebuilt page is judged again until nothing more goes (a title that was kept for
    # standing next to the body may stand next to a menu): cleaning clean output is then
    # a no-op. Later passes see fewer lines; their steps are mapped back to input lines.
    passes = 1
    while rebuilt and passes < thresholds.MAX_BOILERPLATE_PASSES:
        passes += 1
        out_lines = out.split("\n")
        again, more, rebuilt = _one_pass(out_lines, options, memo)
        more = [s for s in more if s.action == "drop_line"]
        if not more:
            break
        dropped = {s.line - 1 for s in steps if s.action == "drop_line" and s.line is not None}
        kept = [i for i in _non_blank(lines) if i not in dropped]
        rank = {j: k for k, j in enumerate(_non_blank(out_lines))}
        for step in more:
            origin = kept[rank[step.line - 1]] if step.line is not None else 0
            # (The same step, at its input line: a dropped line's step has a confidence.)
            conf, before = cast(float, step.confidence), lines[origin]
            steps.append(
                Step.dropped_line(step.stage, step.reason, origin + 1, before, conf, step.detail)
            )
        steps.sort(key=lambda s: s.line or 0)
        out = again
    return out, steps


def _non_blank(lines: list[str]) -> list[int]:
    """The positions of the lines that are not blank (see :func:`strip_line`).

    >>> _non_blank(["a", "", "\u00a0", " b"])
    [0, 3]
    """
    return list(compress(range(len(lines)), map(str.strip, lines, repeat(_BLANKS))))


def _one_pass(
    lines: list[str],
    options: CleanOptions,
    memo: dict[str, LineInfo],
) -> tuple[str, list[Step], bool]:
    """One judgement of every line: the text, its steps, and whether the page was rebuilt."""
    layout = _layout(lines)
    is_page = _is_page(layout[0], layout[2])
    if not is_page and not options.drop_phrases:
        # No page: only user phrases drop lines, so the line records are not needed.
        return "\n".join(lines), [], False
    page = _records_of(*layout, memo)
    infos = page.infos
    decisions: list[Decision] | None = None
    if is_page:
        _classify(infos)
        span = find_body(_body_points(infos))
        if span is not None:
            decisions = _decide(infos, *_extend_body(infos, page.block, *span))
    out, steps = _apply(lines, page, decisions, options)
    return out, steps, decisions is not None and bool(steps)


def _is_page(texts: list[str], blocks: list[int]) -> bool:
    """Enough lines and blocks to be a scraped page, and not markup (XML, a feed, HTML);
    ``texts`` are the non-blank lines and ``blocks`` their block numbers.

    See ``MIN_PAGE_LINES``, ``MIN_PAGE_BLOCKS`` and ``MAX_MARKUP_LINE_SHARE``: the stage
    reads the text a page shows, and leaves markup and other documents alone.
    """
    if len(texts) < thresholds.MIN_PAGE_LINES or blocks[-1] < thresholds.MIN_PAGE_BLOCKS:
        return False
    if "\n<" not in "\n" + "\n".join(texts):
        return True  # no line starts like a tag (decided at C speed)
    markup = sum(1 for text in texts if text.startswith("<") and text.endswith(">"))
    return markup <= thresholds.MAX_MARKUP_LINE_SHARE * len(texts)


def _apply(
    lines: list[str],
    page: Page,
    decisions: list[Decision] | None,
    options: CleanOptions,
) -> tuple[str, list[Step]]:
    """Drop the lines whose decision (one per line of ``page``; ``None``: the text is no
    page) is sure enough and not kept by the options, then the duplicates among the rest."""
    infos = page.infos
    drops: dict[int, Step] = {}
    # The kept lines: input positions and duplicate keys.
    kept: list[int] = []
    kept_keys: list[str] = []
    keep_line, keep_key = kept.append, kept_keys.append
    keep_phrases, drop_phrases = options.keep_phrases, options.drop_phrases
    threshold, keep_categories = options.boilerplate_threshold, options.keep_categories
    dropped_line, stage = Step.dropped_line, Stage.BOILERPLATE
    for i, info, (reason, conf) in zip(
        page.positions, infos, decisions or repeat((None, 0.0)), strict=False
    ):
        if keep_phrases and _contains_any(info.text, keep_phrases):
            keep_line(i)
            keep_key(info.dedupe_key)
            continue
        if drop_phrases and _contains_any(info.text, drop_phrases):
            drops[i] = _step(
                Stage.BOILERPLATE,
                Reason.USER_PHRASE,
                i,
                lines[i],
                thresholds.USER_PHRASE_CONFIDENCE,
            )
            continue
        if reason is not None and conf >= threshold and reason not in keep_categories:
            drops[i] = dropped_line(stage, reason, i + 1, lines[i], conf)
        else:
            keep_line(i)
            keep_key(info.dedupe_key)
    is_page = decisions is not None
    if is_page and options.remove_duplicates and Reason.DUPLICATE not in options.keep_categories:
        if keep_phrases:
            pairs = [
                (i, key)
                for i, key in zip(kept, kept_keys, strict=True)
                if not _contains_any(lines[i], keep_phrases)
            ]
            kept, kept_keys = [i for i, _ in pairs], [key for _, key in pairs]
        dups = find_duplicates(lines, kept, kept_keys)
        for i, (orig, conf) in dups.items():
            drops[i] = _step(
                Stage.DEDUPE, Reason.DUPLICATE, i, lines[i], conf, f"repeats line {orig + 1}"
            )
    if not drops:
        return "\n".join(lines), []
    if len(drops) == len(infos) and not any(s.reason == Reason.USER_PHRASE for s in drops.values()):
        # Never empty a text on the classifier's word alone (a lowered threshold can ask
        # for it): an empty result is worse than a stray menu.
        return "\n".join(lines), []
    steps = [drops[i] for i in sorted(drops)]
    if not is_page or Reason.EMPTY in options.keep_categories:
        # No page structure (only user phrases were dropped), or blank lines asked to be
        # kept: the layout stays as it is.
        return "\n".join(line for i, line in enumerate(lines) if i not in drops), steps
    return _rebuild(lines, page, drops, steps)


def _rebuild(
    lines: list[str], page: Page, drops: dict[int, Step], steps: list[Step]
) -> tuple[str, list[Step]]:
    """The kept lines, their blocks separated by exactly one blank line; whitespace-only
    lines go and no-break spaces in kept lines become spaces, each with its step."""
    out: list[str] = []
    empty_steps: list[Step] = []
    block = 0
    for i, line_block in zip(page.positions, page.block, strict=True):
        if i in drops:
            continue
        line = lines[i]
        fixed = line.rstrip(_BLANKS)
        if "\u00a0" in fixed:
            fixed = fixed.replace("\u00a0", " ")
            empty_steps.append(
                Step(
                    Stage.BOILERPLATE,
                    "normalize",
                    Reason.WHITESPACE,
                    detail="no-break space",
                    line=i + 1,
                    before=line,
                    after=fixed,
                )
            )
        if line_block != block:
            # A new block: a blank line before it, unless it is the first.
            if out:
                out.append("")
            block = line_block
        out.append(fixed)
    if len(lines) - lines.count("") > len(page.positions):
        # Lines of only spaces (no-break, zero-width): dropped as empty.
        for i, line in enumerate(lines):
            if line and not line.strip(_BLANKS):
                empty_steps.append(
                    _step(Stage.BOILERPLATE, Reason.EMPTY, i, line, thresholds.EMPTY_CONFIDENCE)
                )
    text = "\n".join(out)
    # ``steps`` are in line order already; whitespace steps are rare.
    all_steps = sorted(steps + empty_steps, key=lambda s: s.line or 0) if empty_steps else steps
    return (text + "\n" if text else text), all_steps


def _step(stage: Stage, reason: Reason, i: int, line: str, conf: float, detail: str = "") -> Step:
    return Step.dropped_line(stage, reason, i + 1, line, conf, detail)
