"""Recovery of Chinese, Japanese and Korean characters lost to U+FFFD or ``?``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.options import CleanOptions
from cleaner.recover_cjk import (
    chinese_variety,
    has_cjk_damage,
    recover_cjk,
    traditional_forms,
)
from cleaner.trace import Reason, Stage

OPTIONS = CleanOptions()

# Sentences written for these tests.
# "This is my book. Your book is on the desk. My book is in the bag." (the particle no)
JAPANESE = (
    "\u3053\u308c\u306f\u79c1\u306e\u672c\u3067\u3059\u3002\u3042\u306a\u305f"
    "\u306e\u672c\u306f\u673a\u306e\u4e0a\u306b\u3042\u308a\u307e\u3059\u3002"
    "\u79c1\u306e\u672c\u306f\u9784\u306e\u4e2d\u3067\u3059\u3002"
)
# the last "desu": its su cut by chunked UTF-8
LOST_AT = JAPANESE.rindex("\u3067\u3059") + 1
CUT = "\ufffd\ufffd\ufffd"
DAMAGED = JAPANESE[:LOST_AT] + CUT + JAPANESE[LOST_AT + 1 :]


def test_japanese_kana_cut_by_chunked_utf8() -> None:
    fixed, steps = recover_cjk(DAMAGED, OPTIONS)
    assert fixed == JAPANESE
    assert len(steps) == 1
    step = steps[0]
    assert step.stage is Stage.RECOVER
    assert step.reason is Reason.LOSSY_REPLACEMENT
    assert step.before == CUT and step.after == "\u3059"
    assert step.line == 1
    assert (step.start, step.end) == (LOST_AT, LOST_AT + len(CUT))
    assert step.confidence is not None and step.confidence >= 0.9


def test_kanji_lost_to_a_chinese_charset() -> None:
    # "Shimada-san lives in Tokyo. Shimada-san's house is near the station.": the kanji
    # shima (GB2312 writes only its simplified form) lost as ?
    text = (
        "\u5cf6\u7530\u3055\u3093\u306f\u6771\u4eac\u306b\u4f4f\u3093\u3067\u3044"
        "\u307e\u3059\u3002\u5cf6\u7530\u3055\u3093\u306e\u5bb6\u306f\u99c5\u306e"
        "\u8fd1\u304f\u3067\u3059\u3002"
    )
    damaged = text.replace("\u5cf6", "?")
    fixed, steps = recover_cjk(damaged, OPTIONS)
    assert all(s.reason is Reason.LOSSY_QMARK for s in steps)
    # every fill is right; a hole the model doubts stays a hole
    for step in steps:
        assert step.after == "\u5cf6"
    assert fixed.replace("?", "\u5cf6") == text


def test_questions_are_left_alone() -> None:
    for text in (
        "\u4f60\u597d\u5417? \u6211\u5f88\u597d\u3002",  # ni hao ma? ...
        "\u4ec0\u4e48\uff1f",  # a full-width question mark
        "\u672c\u5f53\u306b?",  # a question at the end of the text
        "\u672c\u5f53???",  # a run of question marks
        "https://example.com/\u691c\u7d22?q=1",
    ):
        assert recover_cjk(text, OPTIONS) == (text, [])


def test_isolated_holes_without_context_stay() -> None:
    text = "\ufffd\ufffd\ufffd \u4e2d"
    out, steps = recover_cjk(text, OPTIONS)
    assert steps == [] or all(s.confidence is not None and s.confidence >= 0.8 for s in steps)
    assert out.endswith("\u4e2d")


def test_gate() -> None:
    assert has_cjk_damage("\u4e2d?\u6587")
    assert has_cjk_damage("\ufffd\ufffd\ud55c")
    assert not has_cjk_damage("Where? Here \ufffd.")
    assert not has_cjk_damage("\u4e2d\u6587\u3002")


def test_variety_and_forms() -> None:
    assert chinese_variety("\u5011\u570b") == "hant"
    assert chinese_variety("\u4eec\u56fd") == "hans"
    assert "\u570b" in traditional_forms()["\u56fd"]


def test_text_without_cjk_passes_through() -> None:
    text = "Plain text? Yes. \ufffd " * 2000
    assert recover_cjk(text, OPTIONS) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "?" * 100_000,
        "\ufffd" * 100_000,
        ("\u4e2d" + "?") * 20_000,
        ("\u4e2d\ufffd\ufffd") * 20_000,
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    out, _ = recover_cjk(text, OPTIONS)
    assert len(out) <= len(text)


_CLEAN_CJK = st.text(
    alphabet=st.sampled_from(
        list("\u4e2d\u6587\u65e5\u672c\u306e\u3092\ud55c\uad6d\uc5b4\uff0c\u3002 abc12?!")
    ),
    max_size=40,
).filter(lambda t: not has_cjk_damage(t))


@settings(max_examples=60, deadline=None)
@given(_CLEAN_CJK)
def test_text_without_holes_is_unchanged(text: str) -> None:
    assert recover_cjk(text, OPTIONS) == (text, [])


def test_registered_in_clean() -> None:
    result = clean(DAMAGED, remove_boilerplate=False, explain=True)
    assert result.text == JAPANESE
    assert any(s.after == "\u3059" for s in result.steps)
