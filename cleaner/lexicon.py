"""Word-frequency lexicons (wordfreq) shared by detection, repair and recovery.

wordfreq ships its frequency lists inside the package, so nothing is fetched at run time.
Tables load lazily, one language at a time, and are cached for the life of the process
(they are read-only data, not request state).
"""

from __future__ import annotations

import functools
import math
import re

import wordfreq

# Languages wordfreq ships a list for. Kept as data so tests can check it.
LANGUAGES: tuple[str, ...] = tuple(sorted(wordfreq.available_languages()))

# Words are runs of letters (and inner apostrophes / hyphens are split off).
_WORD_RE = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """The case-folded letter runs of ``text`` (wordfreq stores its keys case-folded, so
    ``Straße`` is looked up as ``strasse`` and a final sigma as a plain one).

    >>> words("Café au lait, 2 fois!")
    ['café', 'au', 'lait', 'fois']
    >>> words("Straße")
    ['strasse']
    """
    return [w.casefold() for w in _WORD_RE.findall(text)]


@functools.cache
def frequency_table(lang: str) -> dict[str, float]:
    """word -> frequency (0..1) for ``lang``; empty when wordfreq has no list for it."""
    if lang not in LANGUAGES:
        return {}
    return wordfreq.get_frequency_dict(lang, wordlist="best")


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of per-billion frequency; 0 for unknown words).

    >>> zipf("the", "en") > 7
    True
    >>> zipf("qzxv", "en")
    0.0
    """
    freq = frequency_table(lang).get(word.casefold(), 0.0)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def known_share(tokens: list[str], lang: str) -> float:
    """Share of ``tokens`` found in ``lang``'s lexicon (0 when there are no tokens)."""
    if not tokens:
        return 0.0
    table = frequency_table(lang)
    return sum(1 for t in tokens if t in table) / len(tokens)
