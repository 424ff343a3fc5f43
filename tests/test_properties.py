"""Properties that hold for any input: never raises, idempotent, clean text unchanged."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Clean prose: words from several scripts, ordinary punctuation, never mojibake-looking
# sequences. Built from letters so the generator cannot produce damage by accident.
_WORDS = [
    "the",
    "house",
    "Straße",
    "garçon",
    "café",
    "niño",
    "żółw",
    "Çavuşoğlu",
    "Москва",
    "привет",
    "Αθήνα",
    "東京",
    "北京",
    "서울",
    "naïve",
    "façade",
    "Łódź",
    "İstanbul",
    "über",
    "año",
    "crème",
    "“quoted”",
    "it’s",
    "Mikulčić",
    "2024",
    "(note)",
    "São",
]
clean_line = (
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join).map(lambda s: s + ".")
)
clean_doc = st.lists(clean_line, min_size=1, max_size=6).map("\n".join)


@SETTINGS
@given(st.text())
def test_any_str_never_raises_and_is_idempotent(text: str) -> None:
    once = cleaner.clean(text, remove_boilerplate=False).text
    assert isinstance(once, str)
    assert cleaner.clean(once, remove_boilerplate=False).text == once


@SETTINGS
@given(st.text())
def test_default_pipeline_is_idempotent(text: str) -> None:
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_never_raise(data: bytes) -> None:
    result = cleaner.clean(data, remove_boilerplate=False)
    assert isinstance(result.text, str)
    assert result.decoding is not None
    assert 0.0 <= result.decoding.confidence <= 1.0


@SETTINGS
@given(clean_doc)
def test_clean_text_comes_back_unchanged(text: str) -> None:
    result = cleaner.clean(text, remove_boilerplate=False)
    assert result.text == text
    assert result.repairs == []


@SETTINGS
@given(clean_doc)
def test_clean_utf8_bytes_decode_to_the_same_text(text: str) -> None:
    assert cleaner.clean(text.encode("utf-8"), remove_boilerplate=False).text == text


@SETTINGS
@given(st.text(alphabet=string.printable))
def test_ascii_report_is_json_ready(text: str) -> None:
    import json

    report = cleaner.clean(text).to_dict()
    assert json.loads(json.dumps(report))["text"] == report["text"]
