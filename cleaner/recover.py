"""Recovery of letters lost to ``?`` or U+FFFD in a lossy 8-bit round trip."""

from __future__ import annotations

from cleaner.options import CleanOptions
from cleaner.trace import Step


def recover_text(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Restore lost letters in ``text``; returns the text and one step per recovered word."""
    return text, []
