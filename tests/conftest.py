from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_pair() -> tuple[str, str]:
    raw = (SEEDS / "000_144bcb0af46da3c6.txt").read_text(encoding="utf-8")
    expected = (SEEDS / "000_144bcb0af46da3c6.expected.txt").read_text(encoding="utf-8")
    return raw, expected
