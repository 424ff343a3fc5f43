"""Time repair-only cleaning against ftfy.fix_text on real article pages.

    python benchmarks/speed_vs_ftfy.py [CASES.jsonl] [--rounds N]

For every article input of the boilerplate dev set, times
``cleaner.clean(doc, remove_boilerplate=False)`` and ``ftfy.fix_text(doc)`` alternately in one
run (so both see the same machine load), and prints the totals and their ratio
(cleaner / ftfy; below 1.0 means cleaner is faster). It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import ftfy

import cleaner

DEFAULT_CASES = Path(__file__).resolve().parents[1].parent / "shared/bench/boilerplate/dev.jsonl"


def load_docs(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["input"] for line in f if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    docs = load_docs(args.cases)
    # Warm both over the whole set first: lexicons load once per process (a service or a
    # batch worker pays it once), so the timed rounds measure the steady state.
    t0 = time.perf_counter()
    for doc in docs:
        cleaner.clean(doc, remove_boilerplate=False)
    warm = time.perf_counter() - t0
    for doc in docs:
        ftfy.fix_text(doc)
    t_clean = t_ftfy = 0.0
    for _ in range(args.rounds):
        for doc in docs:
            t0 = time.perf_counter()
            cleaner.clean(doc, remove_boilerplate=False)
            t1 = time.perf_counter()
            ftfy.fix_text(doc)
            t2 = time.perf_counter()
            t_clean += t1 - t0
            t_ftfy += t2 - t1
    n = len(docs) * args.rounds
    mb = sum(len(d.encode("utf-8")) for d in docs) * args.rounds / 1e6
    print(f"documents: {len(docs)} x {args.rounds} rounds ({mb:.1f} MB)")
    print(f"first pass of cleaner, lexicons loading (not in the ratio): {warm:.2f} s")
    print(f"cleaner.clean(remove_boilerplate=False): {t_clean:.3f} s  {n / t_clean:.0f} docs/s")
    print(f"ftfy.fix_text (baseline):                {t_ftfy:.3f} s  {n / t_ftfy:.0f} docs/s")
    print(f"ratio cleaner/ftfy: {t_clean / t_ftfy:.2f}")


if __name__ == "__main__":
    main()
