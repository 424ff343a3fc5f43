"""cleaner: repair text encoding (mojibake, unknown charsets, lost letters) and remove
boilerplate from scraped articles, with a trace of every change.

>>> import cleaner
>>> cleaner.clean("CafÃ© crÃ¨me").text
'Café crème'
"""

from __future__ import annotations

from cleaner.detect import Decoded, detect_encoding
from cleaner.errors import (
    CleanerError,
    InputTooLarge,
    InvalidInput,
    InvalidOptions,
    UndecodableInput,
)
from cleaner.options import DEFAULT_OPTIONS, CleanOptions, options_from_mapping
from cleaner.pipeline import clean, clean_bytes, clean_text
from cleaner.trace import CleanResult, Decoding, Reason, Stage, Step

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_OPTIONS",
    "CleanOptions",
    "CleanResult",
    "CleanerError",
    "Decoded",
    "Decoding",
    "InputTooLarge",
    "InvalidInput",
    "InvalidOptions",
    "Reason",
    "Stage",
    "Step",
    "UndecodableInput",
    "__version__",
    "clean",
    "clean_bytes",
    "clean_text",
    "detect_encoding",
    "options_from_mapping",
]
