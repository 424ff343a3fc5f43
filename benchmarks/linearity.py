"""Measure how cleaning time scales with input size on pathological inputs.

    python benchmarks/linearity.py

For each input kind, times the default ``cleaner.clean`` at 125 kB, 250 kB, 500 kB and 1 MB
and prints seconds per MB at each size; linear work keeps that figure flat (a quadratic stage
doubles it with every doubling). It measures; it asserts nothing.
"""

from __future__ import annotations

import time

import cleaner

KINDS = {
    "question marks": "?",
    "A tilde": "Ã",
    "one unbroken line": "word",
    "NBSP": "\N{NO-BREAK SPACE}",
    "U+FFFD": "\N{REPLACEMENT CHARACTER}",
    "letter+?": "a?",
    "short lines": "Home\n",
    "mojibake prose": "CafÃ© crÃ¨me brÃ»lÃ©e. ",
}
SIZES = (125_000, 250_000, 500_000, 1_000_000)


def main() -> None:
    print(f"{'input':<20}" + "".join(f"{s // 1000:>9} kB" for s in SIZES) + "   (s per MB)")
    for name, unit in KINDS.items():
        row = []
        for size in SIZES:
            text = unit * (size // len(unit))
            t0 = time.perf_counter()
            cleaner.clean(text)
            elapsed = time.perf_counter() - t0
            row.append(elapsed / (size / 1e6))
        print(f"{name:<20}" + "".join(f"{v:>12.3f}" for v in row))


if __name__ == "__main__":
    main()
