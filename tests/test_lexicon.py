"""Compact word tables: same answers as the dicts they replace, in a fraction of the memory."""

from __future__ import annotations

import pickle
import random
import string

import pytest
import wordfreq

from cleaner import lexicon
from cleaner.lexicon import WordGroups, WordTable, ZipfLanguages, word_set

# wordfreq's smallest list (Vietnamese, about 11,000 words): cheap to compare word by word.
SMALL_LIST = "vi"


def random_words(count: int, seed: int, alphabet: str) -> list[str]:
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))] = None
    return list(found)


def test_table_answers_like_a_dict() -> None:
    words = random_words(5000, 1, string.ascii_lowercase + "\u00e9\u0161\u0436\u706b")
    codes = {w: i % 7 for i, w in enumerate(words)}
    labels = tuple(f"label {i}" for i in range(7))
    table = WordTable(codes.items(), labels, front=100)
    assert len(table) == len(words)
    assert all(table.get(w) == labels[c] for w, c in codes.items())
    assert all(table[w] == labels[c] for w, c in codes.items())
    assert all(w in table for w in words)
    absent = [w + "\N{LATIN SMALL LETTER A WITH OGONEK}" for w in words]
    assert not any(w in table for w in absent)
    assert all(table.get(w, "none") == "none" for w in absent)
    with pytest.raises(KeyError):
        table[absent[0]]


def test_front_dict_and_arrays_agree() -> None:
    words = random_words(3000, 2, string.ascii_lowercase)
    pairs = [(w, i % 3) for i, w in enumerate(words)]
    plain = WordTable(pairs, (0.5, 0.25, 0.125))
    fronted = WordTable(pairs, (0.5, 0.25, 0.125), front=1000)
    assert [plain.get(w) for w in words] == [fronted.get(w) for w in words]


def test_groups_build_the_same_table_as_pairs() -> None:
    groups = [(0, ["the", "of"]), (2, ["cat"]), (5, ["kuća", "\u706b", "kp"])]
    labels = tuple(range(6))
    pairs = [(w, c) for c, ws in groups for w in ws]
    by_groups = WordTable.from_groups(groups, labels, front=2)
    by_pairs = WordTable(pairs, labels)
    assert [by_groups.get(w) for w, _ in pairs] == [by_pairs.get(w) for w, _ in pairs]
    assert [by_groups.get(w) for w, _ in pairs] == [0, 0, 2, 5, 5, 5]


def test_strings_with_the_same_bytes_are_told_apart() -> None:
    # CPython hashes a string's internal bytes: two Latin-1 letters and one two-byte
    # letter with the same bytes share a hash unless the length is mixed in.
    table = WordTable([("kp", 0), ("\u706b", 1)], ("ascii", "cjk"))
    assert (table.get("kp"), table.get("\u706b")) == ("ascii", "cjk")


@pytest.mark.parametrize("front", [0, 3])
def test_a_word_given_twice_keeps_its_smallest_code(front: int) -> None:
    table = WordTable([("word", 3), ("other", 1), ("word", 2)], tuple(range(4)), front=front)
    assert table.get("word") == 2


def test_empty_table() -> None:
    table = WordTable([], (1.0,))
    assert not table
    assert len(table) == 0
    assert table.get("anything", 0.0) == 0.0
    assert "anything" not in table
    assert 3 not in table  # not a word at all


def test_codes_must_have_labels() -> None:
    with pytest.raises(ValueError, match="no label"):
        WordTable([("word", 2)], ("a", "b"))
    with pytest.raises(ValueError, match="no label"):
        WordTable.from_groups([(-1, ["word"])], ("a", "b"))


def test_tables_refuse_pickling() -> None:
    # Their keys are this process's string hashes: in another process they would be wrong.
    with pytest.raises(TypeError, match="each process"):
        pickle.dumps(word_set(["word"]))
    with pytest.raises(TypeError, match="each process"):
        pickle.dumps(WordGroups(["word"], key=str.upper))


def test_word_set() -> None:
    known = word_set(["jezik", "kuća", "jezik"])
    assert "kuća" in known
    assert "kuca" not in known


def test_frequency_table_matches_wordfreq_exactly() -> None:
    table = lexicon.frequency_table(SMALL_LIST)
    expected = wordfreq.get_frequency_dict(SMALL_LIST, wordlist="best")
    assert len(table) == len(expected)
    assert all(table.get(w) == f for w, f in expected.items())  # the very same floats


def test_frequency_table_leaves_wordfreq_caches_empty() -> None:
    before = wordfreq.get_frequency_list.cache_info().currsize
    lexicon.frequency_table.__wrapped__("sl")  # uncached build
    assert wordfreq.get_frequency_list.cache_info().currsize == before


def test_ranked_words_follow_wordfreq_lists() -> None:
    pack = wordfreq.read_cBpack(wordfreq.available_languages("small")["sh"])
    expected = [(w, band) for band, words in enumerate(pack) for w in words]
    assert list(lexicon.ranked_words("sh", "small")) == expected
    assert [band for band, _ in lexicon.ranked_bands("sh", "small")] == [
        band for band, words in enumerate(pack) if words
    ]


def test_frequency_table_is_compact() -> None:
    table = lexicon.frequency_table("en")
    assert len(table) > 300_000
    assert table.nbytes() < 7 * len(table)


@pytest.mark.parametrize(("load_bits", "count"), [(0, 150_000), (4, 150_000), (30, 1000)])
def test_bucket_sizes_do_not_change_answers(
    monkeypatch: pytest.MonkeyPatch, load_bits: int, count: int
) -> None:
    # 0: more bucket bits than the 16 above the key (keys overlap the bucket number);
    # 30: one bucket, the 32-bit key alone tells the words apart.
    monkeypatch.setattr(lexicon, "_BUCKET_LOAD_BITS", load_bits)
    words = random_words(count, 4, string.ascii_lowercase)
    table = WordTable(((w, len(w) % 2) for w in words), (False, True))
    assert all(table.get(w) == (len(w) % 2 == 1) for w in words)
    assert not any(w + "\N{LATIN SMALL LETTER E WITH ACUTE}" in table for w in words[:20_000])


def test_unknown_language() -> None:
    assert not lexicon.frequency_table("xx")
    assert lexicon.zipf("word", "xx") == 0.0
    assert not lexicon.has_list("xx")


def test_zipf_and_known_share() -> None:
    assert lexicon.zipf("The", "en") == pytest.approx(
        wordfreq.zipf_frequency("the", "en"), abs=0.01
    )
    assert lexicon.known_share([], "en") == 0.0
    assert lexicon.known_share(["maison", "qzxwv"], "fr") == 0.5


def test_word_groups() -> None:
    words = ["Çavuşoğlu", "cavusoglu", "çavuşoğlu", "Kuća", "Çavuşoğlu"]
    groups = WordGroups(words, key=lambda w: w.lower().replace("ç", "c"))
    assert len(groups) == len(words)
    assert groups.get("cavuşoğlu") == ("Çavuşoğlu", "çavuşoğlu")  # input order, once each
    assert groups.get("kuća") == ("Kuća",)
    assert groups.get("nothing") == ()
    assert groups.get("nothing", ("default",)) == ("default",)


def test_word_groups_never_leak_hash_neighbours() -> None:
    words = random_words(4000, 3, "ab\u00e1\u010d")
    groups = WordGroups(words, key=len)
    for size in range(1, 13):
        assert groups.get(size) == tuple(w for w in words if len(w) == size)


def test_zipf_language_labels() -> None:
    labels = ZipfLanguages(("cs", "hr", "sv"))
    assert labels[labels.code(250, 2)] == (6.5, "sv")
    assert labels[labels.code(0, 0)] == (9.0, "cs")
    assert labels[0:2] == [(9.0, "cs"), (9.0, "hr")]
    with pytest.raises(IndexError):
        labels[len(labels)]
