from __future__ import annotations

import json
import subprocess
import sys

import pytest

import cleaner
from cleaner import CleanOptions, InvalidInput, InvalidOptions


def test_str_and_bytes_go_through_one_call() -> None:
    assert cleaner.clean("CafÃ© crÃ¨me", remove_boilerplate=False).text == "Café crème"
    r = cleaner.clean("Café crème brûlée".encode("cp1252"), remove_boilerplate=False)
    assert r.text == "Café crème brûlée"
    assert r.decoding is not None and r.decoding.encoding


def test_report_is_json_ready_and_names_stage_and_reason() -> None:
    r = cleaner.clean("CafÃ© crÃ¨me", remove_boilerplate=False)
    report = json.loads(json.dumps(r.to_dict()))
    assert report["text"] == "Café crème"
    assert report["repairs"][0]["stage"] == "repair"
    assert report["repairs"][0]["reason"] == "mojibake"
    assert report["stats"]["repair_mojibake"] >= 1


def test_clean_text_is_unchanged_and_reports_nothing() -> None:
    text = "Plain sentence, with “curly quotes”, ﬁ ligature and ＦＵＬＬ width."
    r = cleaner.clean(text, remove_boilerplate=False)
    assert r.text == text
    assert r.steps == ()


def test_bad_types_and_options_raise_documented_errors() -> None:
    with pytest.raises(InvalidInput):
        cleaner.clean(12)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        cleaner.clean_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptions) as e:
        cleaner.clean("x", colour=True)
    assert e.value.option == "colour"
    with pytest.raises(InvalidOptions):
        CleanOptions(min_recovery_confidence=2.0)
    with pytest.raises(InvalidOptions):
        CleanOptions(keep_categories=frozenset({"nonsense"}))


def test_explain_false_skips_the_trace() -> None:
    r = cleaner.clean("CafÃ©", remove_boilerplate=False, explain=False)
    assert r.text == "Café"
    assert r.steps == ()


def test_empty_input() -> None:
    assert cleaner.clean("").text == ""
    assert cleaner.clean(b"").text == ""


def test_import_does_not_pull_adapters() -> None:
    code = (
        "import sys, cleaner; "
        "bad = {'flask', 'click', 'dask', 'gunicorn'} & set(sys.modules); print(sorted(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_changed_flag_does_not_depend_on_the_trace() -> None:
    assert cleaner.clean("CafÃ©", remove_boilerplate=False, explain=False).to_dict()["changed"]
    assert not cleaner.clean("Café", remove_boilerplate=False).to_dict()["changed"]


def test_option_lists_must_hold_strings() -> None:
    with pytest.raises(InvalidOptions) as e:
        cleaner.options_from_mapping({"keep_categories": [{}]})
    assert e.value.option == "keep_categories"
    with pytest.raises(InvalidOptions):
        cleaner.options_from_mapping({"drop_phrases": [1, 2]})
