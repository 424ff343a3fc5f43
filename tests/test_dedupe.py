"""Duplicate-line removal: exact and near-exact repeats inside one document."""

from __future__ import annotations

from cleaner.dedupe import dedupe_key, find_duplicates, remove_duplicate_lines
from cleaner.options import CleanOptions
from cleaner.trace import Reason, Stage


def test_key_ignores_case_whitespace_and_punctuation() -> None:
    assert dedupe_key("The  Mayor said: 'No.'") == dedupe_key("the mayor said no")
    assert dedupe_key("\u00a0Hello,\tworld!\u00a0") == "hello world"


def test_key_keeps_letters_of_every_script() -> None:
    assert dedupe_key("Привет, МИР!") == "привет мир"
    assert dedupe_key("東京は晴れ。") == "東京は晴れ"


def test_exact_repeat_keeps_first() -> None:
    lines = ["A quiet morning in the harbour.", "x", "A QUIET morning in the harbour"]
    assert find_duplicates(lines, [0, 1, 2]) == {2: (0, 0.95)}


def test_near_duplicate_keeps_the_longer_line() -> None:
    alt = "Donald Tusk waves flowers after the vote, 24 Nov 2007"
    caption = "New Prime Minister Donald Tusk waves flowers after the vote, 24 Nov 2007"
    dups = find_duplicates([alt, caption], [0, 1])
    assert list(dups) == [0]
    assert dups[0][0] == 1


def test_near_duplicate_needs_whole_words() -> None:
    lines = ["concatenate strings quickly", "cat strings quick"]
    assert find_duplicates(lines, [0, 1]) == {}


def test_near_duplicate_only_between_neighbours() -> None:
    short = "The minister arrived in Sochi on Friday"
    long = "The minister arrived in Sochi on Friday for talks"
    filler = [f"Filler paragraph number {i} with its own words." for i in range(5)]
    lines = [short, *filler, long]
    assert find_duplicates(lines, list(range(len(lines)))) == {}


def test_short_keys_are_not_compared() -> None:
    lines = ["Yes", "No", "Yes", "OK", "OK"]
    assert find_duplicates(lines, list(range(len(lines)))) == {}


def test_only_candidates_are_considered() -> None:
    lines = ["Same line of text here", "Same line of text here", "Same line of text here"]
    assert find_duplicates(lines, [0, 2]) == {2: (0, 0.95)}


def test_given_keys_decide_like_computed_ones() -> None:
    lines = [
        "Harbour seals return to the bay",
        "Menu",
        "Harbour seals return to the bay, officials say",
        "harbour SEALS return to the bay!",
        "A different paragraph about the weather.",
    ]
    candidates = [0, 2, 3, 4]
    keys = [dedupe_key(lines[i]) for i in candidates]
    assert find_duplicates(lines, candidates, keys) == find_duplicates(lines, candidates)
    assert find_duplicates(lines, candidates, keys) == {3: (0, 0.95), 0: (2, 0.8)}


def test_remove_duplicate_lines_reports_steps() -> None:
    text = "Caption of the photo, 2019\n\nCaption of the photo, 2019\n\nBody text follows."
    out, steps = remove_duplicate_lines(text, CleanOptions())
    assert out == "Caption of the photo, 2019\n\n\nBody text follows."
    assert [(s.stage, s.reason, s.line, s.before) for s in steps] == [
        (Stage.DEDUPE, Reason.DUPLICATE, 3, "Caption of the photo, 2019")
    ]
    assert steps[0].detail == "repeats line 1"


def test_remove_duplicate_lines_honours_options() -> None:
    text = "Repeated line of text\nRepeated line of text"
    assert remove_duplicate_lines(text, CleanOptions(remove_duplicates=False)) == (text, [])
    keep = CleanOptions(keep_categories=frozenset({"duplicate"}))
    assert remove_duplicate_lines(text, keep) == (text, [])


def test_state_is_local_to_each_call() -> None:
    text = "A line that appears once per call"
    first = remove_duplicate_lines(text, CleanOptions())
    second = remove_duplicate_lines(text, CleanOptions())
    assert first == second == (text, [])


def test_unchanged_text_comes_back_identical() -> None:
    text = "One.\r\nTwo lines here.\r\n\r\nThree, all different.\n"
    assert remove_duplicate_lines(text, CleanOptions()) == (text, [])
