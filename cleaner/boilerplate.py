"""Boilerplate and duplicate-line removal over raw scraped text."""

from __future__ import annotations

from cleaner.options import CleanOptions
from cleaner.trace import Step


def remove_boilerplate(text: str, options: CleanOptions) -> tuple[str, list[Step]]:
    """Drop page chrome and repeated lines; returns the text and one step per dropped line."""
    return text, []
