"""Data tables for recovering characters of Chinese, Japanese and Korean text
(:mod:`cleaner.recover_cjk`).

Nothing here runs on input text. Characters are written as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

# Letters of the scripts read here, as the body of a regex character class: CJK ideographs
# (extension A, the unified block, compatibility ideographs), hiragana and katakana (with the
# middle dot and the prolonged sound mark), Hangul syllables. Known false positives: none
# (these blocks hold letters only).
LETTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3041-\u30ff\uac00-\ud7a3"

# Kana and Hangul (to tell Japanese and Korean from Chinese), as character classes.
KANA = "\u3041-\u30ff"
HANGUL = "\uac00-\ud7a3"

# Full-width punctuation written between words of Chinese and Japanese (CJK symbols and
# punctuation, full-width forms). A hole next to one is still a hole.
PUNCTUATION_CLASS = "\u3000-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d"

# The punctuation marks a lost character may have been, per language, with the share of word
# ends each follows (a prior, before the document's own marks are counted). Guesses from the
# usual density of Chinese and Japanese prose (a comma every eight or so words, a full stop
# every twenty). Korean writes ASCII punctuation, which is never lost.
PUNCTUATION_RATES: dict[str, dict[str, float]] = {
    "zh": {
        "\uff0c": 0.1,  # full-width comma
        "\u3002": 0.04,  # ideographic full stop
        "\u3001": 0.02,  # ideographic comma
        "\uff1b": 0.005,  # full-width semicolon
        "\uff1a": 0.005,  # full-width colon
        "\u201c": 0.003,  # left double quotation mark
        "\u201d": 0.003,  # right double quotation mark
    },
    "ja": {
        "\u3001": 0.08,  # ideographic comma
        "\u3002": 0.04,  # ideographic full stop
        "\u300c": 0.005,  # left corner bracket
        "\u300d": 0.005,  # right corner bracket
        "\u30fb": 0.003,  # katakana middle dot
    },
}

# Characters that end questions: a ``?`` right after one of them, then a space, is a question
# mark, never a lost character (Chinese ma, ne, me, ba, a; their traditional forms; Japanese
# ka, ne, no, yo).
QUESTION_FINALS = frozenset(
    "\u5417\u5462\u4e48\u5427\u554a\u55ce\u9ebc\u561b\u304b\u306d\u306e\u3088"
)

# Legacy charsets of CJK text that write ``?`` for a character they lack. A ``?`` hole may
# only be a character one of them lacks while writing every intact character of the text.
LEGACY_CHARSETS: tuple[str, ...] = ("gb2312", "big5", "euc_kr", "shift_jis", "euc_jp")

# The languages a wordfreq list models here, and how many of each language's characters
# (most frequent first) are candidates for a hole.
MODEL_VOCABULARY: dict[str, int] = {"zh": 5000, "ja": 4000, "ko": 2000}

# The charsets a ``?`` in Chinese text is read against: GB2312 loses traditional forms,
# Big5 simplified ones, in that order of likelihood when the holes do not tell.
CHINESE_QMARK_CHARSETS: tuple[str, ...] = ("gb2312", "big5")
