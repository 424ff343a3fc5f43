"""Recovery of Chinese, Japanese and Korean characters lost to U+FFFD or ``?``."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner import recover_cjk as recover_cjk_module
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
# "She studies at the library every day." (the sho of toshokan, library)
JAPANESE = (
    "\u5f7c\u5973\u306f\u6bce\u65e5\u56f3\u66f8\u9928\u3067\u52c9\u5f37\u3057"
    "\u3066\u3044\u307e\u3059\u3002"
)
LOST_AT = JAPANESE.index("\u66f8")
CUT = "\ufffd\ufffd\ufffd"
DAMAGED = JAPANESE[:LOST_AT] + CUT + JAPANESE[LOST_AT + 1 :]
# "I am learning Korean. Korean is fun." (the seup of isseumnida)
KOREAN = (
    "\ud55c\uad6d\uc5b4\ub97c \uacf5\ubd80\ud558\uace0 \uc788\uc2b5\ub2c8\ub2e4. "
    "\ud55c\uad6d\uc5b4\ub294 \uc7ac\ubbf8\uc788\uc2b5\ub2c8\ub2e4."
)


def test_japanese_kanji_cut_by_chunked_utf8() -> None:
    fixed, steps = recover_cjk(DAMAGED, OPTIONS)
    assert fixed == JAPANESE
    assert len(steps) == 1
    step = steps[0]
    assert step.stage is Stage.RECOVER
    assert step.reason is Reason.LOSSY_REPLACEMENT
    assert step.before == CUT and step.after == "\u66f8"
    assert step.detail == "ja"
    assert step.line == 1
    assert (step.start, step.end) == (LOST_AT, LOST_AT + len(CUT))
    assert step.confidence is not None and step.confidence >= 0.9


def test_korean_syllable_cut_by_chunked_utf8() -> None:
    at = KOREAN.index("\uc2b5")
    damaged = KOREAN[:at] + "\ufffd\ufffd" + KOREAN[at + 1 :]
    fixed, steps = recover_cjk(damaged, OPTIONS)
    assert fixed == KOREAN
    assert [s.detail for s in steps] == ["ko"]


def test_one_replacement_character_per_lost_syllable() -> None:
    # a lossy mojibake repair leaves one U+FFFD per character whose UTF-8 holds a byte
    # Latin-1 or Windows-1252 lose (ni: EB 8B 88)
    damaged = KOREAN.replace("\ub2c8", "\ufffd")
    fixed, steps = recover_cjk(damaged, OPTIONS)
    assert fixed == KOREAN
    assert [(s.before, s.after) for s in steps] == [("\ufffd", "\ub2c8")] * 2


def test_holes_on_a_second_line_report_their_line() -> None:
    text = "Title\n" + DAMAGED
    fixed, steps = recover_cjk(text, OPTIONS)
    assert fixed == "Title\n" + JAPANESE
    assert steps[0].line == 2


def test_kanji_lost_to_a_chinese_charset() -> None:
    # "He studies economics.": kanji GB2312 writes only in their simplified forms (kei,
    # sai, kyou) lost as ?; the one the text makes clear comes back, the others stay
    text = "\u5f7c\u306f\u7d4c\u6e08\u5b66\u3092\u52c9\u5f37\u3057\u3066\u3044\u307e\u3059\u3002"
    damaged = "\u5f7c\u306f??\u5b66\u3092\u52c9?\u3057\u3066\u3044\u307e\u3059\u3002"
    fixed, steps = recover_cjk(damaged, OPTIONS)
    assert [(s.reason, s.before, s.after) for s in steps] == [(Reason.LOSSY_QMARK, "?", "\u5f37")]
    assert fixed == damaged.replace("\u52c9?", "\u52c9\u5f37")
    assert fixed.replace("??", "\u7d4c\u6e08") == text


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
    assert any(s.after == "\u66f8" for s in result.steps)


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_a_hole_is_never_read_as_an_ascii_character_or_a_mark(lang: str) -> None:
    # An ASCII character takes one byte (never cut, never lost to a lossy repair or a
    # charset); a combining mark is no character of its own. The models' vocabularies hold
    # both (Latin words, digits), the candidates must not.
    at = KOREAN.index("\uc2b5")
    text = DAMAGED if lang == "ja" else KOREAN[:at] + "\ufffd\ufffd" + KOREAN[at + 1 :]
    doc = recover_cjk_module._document(text, lang)
    model = recover_cjk_module.char_model(lang)
    assert model is not None
    assert any(c.isascii() for c in model.vocabulary)
    scorer = recover_cjk_module._Scorer(model, doc)
    for hole in recover_cjk_module._holes(text):
        candidates = recover_cjk_module._candidates(hole, doc, scorer, "")
        assert candidates
        assert not any(c.isascii() or unicodedata.category(c)[0] == "M" for c in candidates)
