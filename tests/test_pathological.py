"""Pathological inputs of 1 MB: each must come back (work is linear in input size).

These tests assert behaviour, not speed; benchmarks/linearity.py measures the scaling.
"""

from __future__ import annotations

import pytest

import cleaner

MB = 1_000_000

PATHOLOGICAL = {
    "question_marks": "?" * MB,
    "mojibake_A_tilde": "Ã" * MB,
    "one_unbroken_line": ("word" * (MB // 4)),
    "nbsp": "\N{NO-BREAK SPACE}" * MB,
    "replacement_chars": "\N{REPLACEMENT CHARACTER}" * MB,
    "letters_and_qmarks": "a?" * (MB // 2),
    "many_short_lines": "Home\n" * (MB // 5),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_one_megabyte_inputs_come_back(name: str) -> None:
    text = PATHOLOGICAL[name]
    result = cleaner.clean(text, remove_boilerplate=False)
    assert isinstance(result.text, str)
    assert len(result.text) <= len(text) * 2


def test_real_question_marks_survive_a_megabyte() -> None:
    text = "?" * MB
    assert cleaner.clean(text, remove_boilerplate=False).text == text


def test_one_megabyte_of_bytes_comes_back() -> None:
    data = bytes(range(256)) * (MB // 256)
    assert isinstance(cleaner.clean(data, remove_boilerplate=False).text, str)
