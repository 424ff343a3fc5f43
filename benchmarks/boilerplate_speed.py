"""Speed of boilerplate removal: documents per second and milliseconds per document.

    python benchmarks/boilerplate_speed.py [CASES.jsonl] [--repeat 3]

Reads the ``input`` texts of a JSON Lines case file (by default the boilerplate dev set)
and times, on one core, in the same run and on the same texts:

* ``cleaner.clean(text)`` with default options (the whole pipeline);
* ``cleaner.clean(text, remove_boilerplate=False)`` (the pipeline without line removal);
* ``remove_boilerplate(text, options)`` alone (the line-removal stage);
* a plain line dedupe (drop exact repeated lines), the baseline: the least any line
  remover has to do (split, normalise whitespace, look up, join).

Each system's row gives documents per second, milliseconds per document and its time
relative to the baseline of the same run. Each figure is the best of ``--repeat`` passes,
timed in CPU time of this process, so a busy machine disturbs it less. It measures and
prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import cleaner
from cleaner.boilerplate import remove_boilerplate
from cleaner.options import CleanOptions

DEFAULT_CASES = Path(__file__).resolve().parents[1].parent / "shared/bench/boilerplate/dev.jsonl"
_WS = re.compile(r"\s+")


def plain_dedupe(text: str) -> str:
    """Drop exact repeated lines (whitespace-normalised), keep the first: the baseline."""
    seen: set[str] = set()
    out = []
    for line in text.splitlines():
        key = _WS.sub(" ", line).strip()
        if key:
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return "\n".join(out)


def docs_per_second(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - start)
    return len(texts) / best if best > 0 else float("inf")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="?", default=str(DEFAULT_CASES), help="JSON Lines with 'input'")
    ap.add_argument("--repeat", type=int, default=3, help="passes per system (best is kept)")
    args = ap.parse_args()

    with open(args.cases, encoding="utf-8") as f:
        texts = [json.loads(line)["input"] for line in f if line.strip()]
    options = CleanOptions()
    # Warm-up: lexicons and tables load once per process, outside the timed passes.
    cleaner.clean(texts[0])

    systems: list[tuple[str, Callable[[str], object]]] = [
        ("clean() default", lambda t: cleaner.clean(t)),
        ("clean() remove_boilerplate=False", lambda t: cleaner.clean(t, remove_boilerplate=False)),
        ("remove_boilerplate() stage", lambda t: remove_boilerplate(t, options)),
        ("baseline: plain line dedupe", plain_dedupe),
    ]
    chars = sum(len(t) for t in texts)
    mean = chars / len(texts)
    print(f"{len(texts)} documents, {mean:.0f} characters on average, best of {args.repeat}")
    rates = {name: docs_per_second(fn, texts, args.repeat) for name, fn in systems}
    baseline = rates[systems[-1][0]]
    print(f"{'system':<36}{'docs/s':>10}{'ms/doc':>10}{'x baseline time':>17}")
    for name, rate in rates.items():
        print(f"{name:<36}{rate:>10.1f}{1000 / rate:>10.3f}{baseline / rate:>17.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
