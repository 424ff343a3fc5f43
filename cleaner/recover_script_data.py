"""Data tables for recovering letters of non-Latin alphabets (:mod:`cleaner.recover_script`).

Nothing here runs on input text. Script names are the first word of a letter's Unicode
name (``unicodedata.name``), as :mod:`cleaner.recover_script` derives them.
"""

from __future__ import annotations

# The wordfreq languages whose lexicons fill the holes of a word in each script, in order of
# preference when the document's intact words do not separate them. Scripts left out here
# (Armenian, Georgian, Thai; Kazakh among Cyrillic languages) have no wordfreq list: their
# holes are filled only from words intact elsewhere in the same document. CJK, kana and
# Thai are written without spaces between words, so a "word" is not a lexicon entry there;
# they are not read at all (see NO_SPACE_SCRIPTS).
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "CYRILLIC": ("ru", "uk", "bg", "mk", "sr"),
    "GREEK": ("el",),
    "ARABIC": ("ar", "fa", "ur"),
    "HEBREW": ("he",),
    "DEVANAGARI": ("hi",),
    "BENGALI": ("bn",),
    "TAMIL": ("ta",),
    "HANGUL": ("ko",),
}

# Scripts whose words are not separated by spaces: a token there is a phrase, not a word.
NO_SPACE_SCRIPTS: frozenset[str] = frozenset(
    {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "THAI", "LAO", "KHMER", "MYANMAR"}
)

# Scripts never read here: Latin letters are recovered by cleaner.recover, which knows the
# lossy charsets of Latin alphabets.
SKIPPED_SCRIPTS: frozenset[str] = frozenset({"LATIN", ""})

# Languages whose own wordfreq list is written in another script: Serbian Cyrillic is looked
# up in the Serbo-Croatian list (Latin letters), through
# ``cleaner.recover_data.SERBIAN_CYRILLIC_TO_LATIN``.
TRANSLITERATED_LEXICONS: dict[str, str] = {"sr": "sh"}

# Languages whose lexicon keys drop combining marks (Arabic harakat, Hebrew points): the
# marks of a damaged word are kept in the output but ignored when it is looked up.
MARKLESS_LEXICONS: frozenset[str] = frozenset({"ar", "fa", "ur", "he"})

# The single-byte charsets text of each script is forced through with ``errors="replace"``
# (so that a letter they lack becomes ``?``). Python codec names.
QMARK_CHARSETS: dict[str, tuple[str, ...]] = {
    "CYRILLIC": ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic"),
    "GREEK": ("cp1253", "iso8859_7", "cp737"),
    "ARABIC": ("cp1256", "iso8859_6", "cp720"),
    "HEBREW": ("cp1255", "iso8859_8", "cp862"),
}

# Accented vowels of languages that write at most one accent per word (Greek tonos, with the
# dieresis-and-tonos letters): a word that shows one intact takes no second.
ONE_ACCENT_LETTERS: dict[str, str] = {
    "el": "\u03ac\u03ad\u03ae\u03af\u03cc\u03cd\u03ce\u0390\u03b0",
}

# Scripts whose vowel points are optional and dropped by their lexicons: a hole in a word
# may be a lost point rather than a lost letter, so "no letter" competes with every filling.
POINTED_SCRIPTS: frozenset[str] = frozenset({"ARABIC", "HEBREW"})

# The common vowel points of each pointed script: Arabic fatha to sukun with the tanwin
# (U+064B-0652, UTF-8 D9 8B-92), Hebrew sheva to dagesh (U+05B0-05BC, D6 B0-BC). A lossy
# mojibake repair loses the Arabic ones (their second byte is in the C1 range), never the
# Hebrew ones.
VOWEL_POINTS: dict[str, str] = {
    "ARABIC": "".join(chr(c) for c in range(0x064B, 0x0653)),
    "HEBREW": "".join(chr(c) for c in range(0x05B0, 0x05BD)),
}

# Combining marks and joiners that belong inside a word of the scripts read here, as a
# regex character-class body: Cyrillic titlo, Hebrew points, Arabic harakat, Indic vowel
# signs and viramas, Hangul has none. The zero-width non-joiner (Persian) is NOT here: it
# separates the parts of a Persian word, and the lexicon keeps the parts apart.
WORD_MARKS = (
    "\u0300-\u036f"  # combining diacritics (Greek tonos in decomposed text)
    "\u0483-\u0489"  # Cyrillic
    "\u0591-\u05c7"  # Hebrew
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # Arabic
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"  # Devanagari
    "\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3"  # Bengali
    "\u0b82\u0bbe-\u0bcd\u0bd7"  # Tamil
    "\u02bc"  # modifier letter apostrophe (Ukrainian)
)

# Persian writes the parts of some words apart, joined by this (``می‌شود``); wordfreq keeps the
# joined word whole.
ZERO_WIDTH_NON_JOINER = "\u200c"

# Characters that, right next to a word, say it is part of a URL, a path, markup or code,
# where a ``?`` is syntax (``/поиск?запрос=книги``).
CODE_NEIGHBOURS: frozenset[str] = frozenset("/\\=&@_<>{}[]|#%$^*~`+")

# Characters after which the next word starts a sentence (a word-initial hole there is a
# capital). Lines also start sentences.
SENTENCE_ENDS: frozenset[str] = frozenset(".!?\u2026\n\r\u061f\u037e\u0589\u0964")
# Characters skipped when looking back for a sentence end: spaces, opening quotes and
# brackets, dashes.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    " \t\"'([\u00ab\u201c\u201e\u2018\u201a\u2013\u2014\u00a0-"
)

# The bytes a lossy mojibake round trip can lose: UTF-8 read through a single-byte charset
# keeps a byte only when the charset defines it, and the bytes the common ones leave
# undefined all fall in the C1 range (windows-1252: 81 8D 8F 90 9D; windows-1250: 81 83 88
# 90 98; ISO-8859-1 reads the whole range as C1 controls, which tools drop). Lead bytes of
# two- and three-byte letters (C2-EF) are defined everywhere, so a letter a repair could not
# bring back carries one of these after its first byte: Cyrillic ``\u0441`` (D1 81), Greek
# ``\u03c4`` (CF 84), Hebrew ``\u05d8`` (D7 98), never ``\u0430`` (D0 B0). Which of them a
# document lost is not read off its intact letters: an earlier stage may have restored some.
LOSSY_MOJIBAKE_BYTES: frozenset[int] = frozenset(range(0x80, 0xA0))

# Scripts whose writing has its own question mark, which the common legacy charsets of the
# script write (Arabic U+061F: cp1256 and ISO 8859-6 hold it): a ``?`` ending a word there
# is rather a letter the charset lacked than a question mark.
OWN_QUESTION_MARKS: dict[str, str] = {"ARABIC": "\u061f"}
# The letters of those scripts, as a regex character-class body (Arabic letters with the
# Persian and Urdu ones), for the fast check that a text may hold such a ``?``.
OWN_QUESTION_MARK_LETTERS = "\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff"

# Letters of a language's alphabet too rare to show in its frequent words (Ukrainian ghe with
# upturn is in none of the 5,000 commonest words of its list), added to the letters read off
# them.
RARE_LETTERS: dict[str, str] = {"uk": "\u0491"}

# Characters the wordfreq lists write for a letter of the text (index keys use the letter):
# the Ukrainian apostrophe is a letter (U+02BC, which KOI8-R and Windows-1251 lack, so a
# ``?`` may stand for it), the lists spell it as ASCII. It counts as a letter of the
# languages whose frequent words use it (see ``recover_script.alphabet``).
LEXICON_APOSTROPHES: dict[str, str] = {"'": "\u02bc"}
