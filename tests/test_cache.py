"""The disk cache of derived models: round trips, damage, turning it off, folders that
cannot be written, stale fingerprints."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from cleaner import cache, detect, recover, recover_cjk, recover_script, thresholds


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path))
    return tmp_path


def _counting(name: str, value: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    calls: list[tuple[Any, ...]] = []

    @cache.persistent(name)
    def build(*args: Any) -> Any:
        calls.append(args)
        return value

    return build, calls


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.marshal"))


def test_second_call_reads_the_file(cache_dir: Path) -> None:
    build, calls = _counting("model", {"ab": 2, "b": 1})
    assert build("xx") == {"ab": 2, "b": 1}
    assert build("xx") == {"ab": 2, "b": 1}
    assert calls == [("xx",)]
    (entry,) = _files(cache_dir)
    assert entry.parent.name == cache.fingerprint()


def test_arguments_key_the_entries(cache_dir: Path) -> None:
    build, calls = _counting("model", [1, 2])
    build("en", 3)
    build("en", 4)
    build("en", 3)
    assert calls == [("en", 3), ("en", 4)]
    assert len(_files(cache_dir)) == 2


def test_damaged_file_is_rebuilt_and_rewritten(cache_dir: Path) -> None:
    build, calls = _counting("model", {"key": 7})
    build("de")
    (entry,) = _files(cache_dir)
    blob = bytearray(entry.read_bytes())
    blob[-3] ^= 0xFF
    entry.write_bytes(bytes(blob))
    assert build("de") == {"key": 7}
    assert len(calls) == 2
    entry.write_bytes(b"not a model")
    assert build("de") == {"key": 7}
    assert len(calls) == 3
    assert build("de") == {"key": 7}
    assert len(calls) == 3  # the rewritten file is good again


def test_off_builds_every_time_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_DIR, "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    build, calls = _counting("model", (1, "a"))
    assert build("fr") == build("fr") == (1, "a")
    assert len(calls) == 2
    assert _files(tmp_path) == []


def test_unwritable_folder_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "models"))
    build, calls = _counting("model", frozenset({"ab", "cd"}))
    assert build("pl") == frozenset({"ab", "cd"})
    assert build("pl") == frozenset({"ab", "cd"})
    assert len(calls) == 2


def test_values_that_are_not_plain_data_are_not_written(cache_dir: Path) -> None:
    build, calls = _counting("model", {"when": object()})
    build("it")
    build("it")
    assert len(calls) == 2
    assert _files(cache_dir) == []


def test_a_new_fingerprint_starts_a_new_folder_and_prunes_old_ones(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build, calls = _counting("model", {"v": 1})
    prints = [f"{n:020x}" for n in range(cache.KEEP_FOLDERS + 2)]
    for number, print_ in enumerate(prints):
        monkeypatch.setattr(cache, "fingerprint", lambda print_=print_: print_)
        build("sv")
        os.utime(cache_dir / print_, (1_000_000 + number, 1_000_000 + number))
    assert len(calls) == len(prints)  # a stale folder is never read
    kept = sorted(p.name for p in cache_dir.iterdir())
    assert kept == prints[-cache.KEEP_FOLDERS :]


def test_other_folders_beside_the_cache_are_left_alone(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (cache_dir / "wheelhouse").mkdir()
    build, _calls = _counting("model", {"v": 1})
    for n in range(cache.KEEP_FOLDERS + 1):
        monkeypatch.setattr(cache, "fingerprint", lambda n=n: f"{n:020x}")
        build("sv")
    assert (cache_dir / "wheelhouse").is_dir()


def test_fingerprint_changes_with_the_package_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "module.py").write_text("A = 1\n")
    monkeypatch.setattr(cache, "_PACKAGE", tmp_path)
    cache.fingerprint.cache_clear()
    try:
        first = cache.fingerprint()
        cache.fingerprint.cache_clear()
        assert cache.fingerprint() == first
        (tmp_path / "module.py").write_text("A = 2\n")
        cache.fingerprint.cache_clear()
        assert cache.fingerprint() != first
    finally:
        cache.fingerprint.cache_clear()


@pytest.mark.parametrize(
    ("builder", "args"),
    [
        (
            recover._count_grams,
            ("cs", thresholds.MAX_LETTER_MODEL_WORDS // 20, thresholds.LETTER_MODEL_ORDER),
        ),
        (detect._letter_pairs.__wrapped__, ("pl",)),
        (recover_script.word_index.__wrapped__, ("el",)),
        (recover_script.letter_model.__wrapped__, ("el",)),
        (recover_cjk._char_model_parts, ("ko",)),
    ],
)
def test_models_read_back_equal_to_a_fresh_build(
    cache_dir: Path, builder: Any, args: tuple[Any, ...]
) -> None:
    fresh = builder.__wrapped__(*args)
    first = builder(*args)  # built and written
    assert _files(cache_dir)
    again = builder(*args)  # read from the file
    assert first == fresh
    assert again == fresh
    assert type(again) is type(fresh)
