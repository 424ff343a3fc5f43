"""Exact and near-exact repeated lines inside one document.

Two lines are the same when their :func:`dedupe_key` is (case, whitespace and
punctuation ignored). A line whose key is contained in the key of a nearby kept line
(an image's alt text next to its longer caption) is a near duplicate. The first
occurrence of content is kept; for a near duplicate the longer line is kept, so no words
are lost. All state is local to one call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner import thresholds
from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage, Step

_KEY_RE = re.compile(r"[^\W_]+")


def dedupe_key(line: str) -> str:
    """Case-folded words of ``line`` joined by single spaces (punctuation dropped).

    >>> dedupe_key("  Hello,  World! ") == dedupe_key("hello world")
    True
    """
    return " ".join(_KEY_RE.findall(line.casefold()))


def find_duplicates(
    lines: Sequence[str], candidates: Sequence[int], keys: Sequence[str] | None = None
) -> dict[int, tuple[int, float]]:
    """Which of ``lines[i] for i in candidates`` repeat another candidate.

    Returns ``{dropped index: (index of the line kept instead, confidence)}``. Exact
    repeats (same :func:`dedupe_key`) drop the later line. A line whose key is contained
    in a longer candidate at most ``MAX_NEAR_DUPLICATE_DISTANCE`` candidates away, and is
    at least ``MIN_NEAR_DUPLICATE_SHARE`` of its length and ``MIN_NEAR_DUPLICATE_KEY_CHARS``
    long, drops the shorter line. Lines with fewer than ``MIN_DUPLICATE_KEY_CHARS``
    characters of key are never compared (``"Yes"`` twice in a dialogue is not a duplicate).
    ``keys``, when given, are the :func:`dedupe_key` of the candidates, in their order
    (a caller that has them already saves the work).

    >>> find_duplicates(["A cat sat.", "b", "a cat  SAT", "b"], [0, 1, 2, 3])
    {2: (0, 0.95)}
    >>> find_duplicates(["Minister waves, 24 Nov", "The minister waves, 24 Nov (AFP)"], [0, 1])
    {0: (1, 0.8)}
    """
    if keys is None:
        keys = [dedupe_key(lines[i]) for i in candidates]
    seen: dict[str, int] = {}
    out: dict[int, tuple[int, float]] = {}
    for i, key in zip(candidates, keys, strict=True):
        if len(key) < thresholds.MIN_DUPLICATE_KEY_CHARS:
            continue
        if key in seen:
            out[i] = (seen[key], thresholds.DUPLICATE_CONFIDENCE)
        else:
            seen[key] = i
    # Near duplicates: neighbours only, so the work stays linear.
    lengths = list(map(len, keys))
    distance = thresholds.MAX_NEAR_DUPLICATE_DISTANCE
    share = thresholds.MIN_NEAR_DUPLICATE_SHARE
    min_chars = thresholds.MIN_NEAR_DUPLICATE_KEY_CHARS
    n = len(candidates)
    for pos, i in enumerate(candidates):
        size = lengths[pos]
        if size < min_chars or i in out:
            continue
        key = keys[pos]
        for other in range(max(0, pos - distance), min(n, pos + distance + 1)):
            # Only longer lines can contain this one, and not too much longer.
            longer = lengths[other]
            if longer <= size or size < share * longer or key not in keys[other]:
                continue  # (found inside the other key, it is then looked for as words)
            j = candidates[other]
            if j in out:
                continue
            if f" {key} " in f" {keys[other]} ":
                out[i] = (j, thresholds.NEAR_DUPLICATE_CONFIDENCE)
                break
    return out


def remove_duplicate_lines(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Drop repeated lines of ``text`` (every line is a candidate); blank lines stay.

    >>> remove_duplicate_lines("One long line here\\nx\\none LONG line here.\\n", CleanOptions())[0]
    'One long line here\\nx\\n'
    """
    if not options.remove_duplicates or "duplicate" in options.keep_categories:
        return text, []
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if line.strip()]
    dups = find_duplicates(lines, candidates)
    if not dups:
        return text, []
    steps = [
        Step(
            Stage.DEDUPE,
            "drop_line",
            Reason.DUPLICATE,
            detail=f"repeats line {kept + 1}",
            line=i + 1,
            before=lines[i],
            confidence=conf,
        )
        for i, (kept, conf) in sorted(dups.items())
    ]
    kept_lines = [line for i, line in enumerate(lines) if i not in dups]
    return "\n".join(kept_lines), steps
