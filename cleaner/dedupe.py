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
    lines: Sequence[str], candidates: Sequence[int]
) -> dict[int, tuple[int, float]]:
    """Which of ``lines[i] for i in candidates`` repeat another candidate.

    Returns ``{dropped index: (index of the line kept instead, confidence)}``. Exact
    repeats (same :func:`dedupe_key`) drop the later line. A line whose key is contained
    in a longer candidate at most ``MAX_NEAR_DUPLICATE_DISTANCE`` candidates away, and is
    at least ``MIN_NEAR_DUPLICATE_SHARE`` of its length and ``MIN_NEAR_DUPLICATE_KEY_CHARS``
    long, drops the shorter line. Lines with fewer than ``MIN_DUPLICATE_KEY_CHARS``
    characters of key are never compared (``"Yes"`` twice in a dialogue is not a duplicate).

    >>> find_duplicates(["A cat sat.", "b", "a cat  SAT", "b"], [0, 1, 2, 3])
    {2: (0, 0.95)}
    >>> find_duplicates(["Minister waves, 24 Nov", "The minister waves, 24 Nov (AFP)"], [0, 1])
    {0: (1, 0.8)}
    """
    seen: dict[str, int] = {}
    keys: list[str] = []
    out: dict[int, tuple[int, float]] = {}
    for i in candidates:
        key = dedupe_key(lines[i])
        keys.append(key)
        if len(key) < thresholds.MIN_DUPLICATE_KEY_CHARS:
            continue
        if key in seen:
            out[i] = (seen[key], thresholds.DUPLICATE_CONFIDENCE)
        else:
            seen[key] = i
    # Near duplicates: neighbours only, so the work stays linear.
    for pos, i in enumerate(candidates):
        if i in out or len(keys[pos]) < thresholds.MIN_NEAR_DUPLICATE_KEY_CHARS:
            continue
        lo = max(0, pos - thresholds.MAX_NEAR_DUPLICATE_DISTANCE)
        hi = min(len(candidates), pos + thresholds.MAX_NEAR_DUPLICATE_DISTANCE + 1)
        for other in range(lo, hi):
            j = candidates[other]
            if j == i or j in out:
                continue
            short, long = keys[pos], keys[other]
            if (
                len(short) < len(long)
                and len(short) >= thresholds.MIN_NEAR_DUPLICATE_SHARE * len(long)
                and f" {short} " in f" {long} "
            ):
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
