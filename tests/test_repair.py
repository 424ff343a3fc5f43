"""Tests of mojibake repair (cleaner/repair.py): data-driven cases, made-up mojibake,
negatives, the trace and the options."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

# cleaner.repair imports ftfy, which registers the sloppy-windows-125x codecs used below
from cleaner import chardata
from cleaner.options import CleanOptions
from cleaner.repair import best_repair, diff_spans, implausibility, known_word_share, repair_text
from cleaner.trace import Reason, Stage, Step

CASES = Path(__file__).resolve().parent / "cases"
CASE_FILES = ("mojibake.json", "negative.json", "known-failures.json")
CASE_KEYS = {"label", "original", "expected", "expect", "comment"}
OPTIONS = CleanOptions()


def load_cases(name: str) -> list[dict[str, Any]]:
    with open(CASES / name, encoding="utf-8") as f:
        return json.load(f)


def params(name: str) -> list[Any]:
    out = []
    for case in load_cases(name):
        marks = []
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case["comment"]))
        out.append(pytest.param(case, id=case["label"], marks=marks))
    return out


def mojibake(text: str, *charsets: str) -> str:
    """UTF-8 read through each charset in turn."""
    for charset in charsets:
        text = text.encode("utf-8").decode(charset)
    return text


def replay(text: str, steps: list[Step]) -> str:
    """Apply steps (offsets in ``text``, non-overlapping) to ``text``."""
    out = []
    pos = 0
    for step in sorted(steps, key=lambda s: s.start or 0):
        assert step.start is not None and step.end is not None
        assert text[step.start : step.end] == step.before
        out.append(text[pos : step.start])
        out.append(step.after or "")
        pos = step.end
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------------------------------
# The case files


@pytest.mark.parametrize("name", CASE_FILES)
def test_case_files_follow_the_schema(name: str) -> None:
    cases = load_cases(name)
    assert cases, name
    labels = [c["label"] for c in cases]
    assert len(labels) == len(set(labels))
    for case in cases:
        assert set(case) == CASE_KEYS, case["label"]
        assert case["expect"] in ("pass", "fail")
        assert all(isinstance(case[k], str) for k in CASE_KEYS)
    if name == "negative.json":
        assert all(c["original"] == c["expected"] for c in cases)
    if name == "known-failures.json":
        assert all(c["expect"] == "fail" for c in cases)


@pytest.mark.parametrize("case", params("mojibake.json"))
def test_mojibake_cases(case: dict[str, Any]) -> None:
    assert repair_text(case["original"], OPTIONS)[0] == case["expected"]


@pytest.mark.parametrize("case", params("negative.json"))
def test_negative_cases_come_back_unchanged(case: dict[str, Any]) -> None:
    assert repair_text(case["original"], OPTIONS) == (case["original"], [])


@pytest.mark.parametrize("case", params("known-failures.json"))
def test_known_failures(case: dict[str, Any]) -> None:
    assert repair_text(case["original"], OPTIONS)[0] == case["expected"]


# ---------------------------------------------------------------------------------------
# Made-up mojibake, one charset at a time


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Мороз и солнце; день чудесный!", "koi8_r"),
        ("Мороз и солнце; день чудесный!", "cp866"),
        ("Мороз и солнце; день чудесный!", "sloppy-windows-1251"),
        ("Žluťoučký kůň pěl ódy.", "iso-8859-2"),
        ("Żółta łódź płynie po jeziorze.", "sloppy-windows-1250"),
        ("Crème brûlée à la française.", "mac_roman"),
        ("Über Größe lässt sich streiten.", "cp437"),
        ("Ελληνικά γράμματα.", "sloppy-windows-1253"),
        ("Günaydın, nasılsınız?", "sloppy-windows-1254"),
        ("Lietuvių kalba yra graži.", "sloppy-windows-1257"),
        ("Señor Núñez llegó tarde.", "latin-1"),
    ],
)
def test_single_layer_charsets(text: str, charset: str) -> None:
    damaged = mojibake(text, charset)
    fixed, steps = repair_text(damaged, OPTIONS)
    assert fixed == text
    # charsets that agree on these bytes are equivalent readings; the first one is named
    assert steps and all(s.detail.startswith("utf-8 as ") for s in steps)


def test_two_layers_name_the_chain() -> None:
    text = "Ça coûte très cher."
    damaged = mojibake(text, "sloppy-windows-1252", "sloppy-windows-1252")
    fixed, steps = repair_text(damaged, OPTIONS)
    assert fixed == text
    assert {s.detail for s in steps} == {"utf-8 as sloppy-windows-1252 x2"}


def test_only_damaged_lines_change() -> None:
    clean = "Ceci est déjà propre.\nЭта строка тоже чистая."
    damaged_line = mojibake("Ошибка кодировки здесь.", "koi8_r")
    fixed, steps = repair_text(clean + "\n" + damaged_line, OPTIONS)
    assert fixed == clean + "\nОшибка кодировки здесь."
    assert {s.line for s in steps} == {3}


def test_c1_controls_are_read_as_windows_1252() -> None:
    fixed, steps = repair_text("\x93Quoted\x94 text", OPTIONS)
    assert fixed == "“Quoted” text"
    assert {s.reason for s in steps} == {Reason.C1_CONTROLS}


# ---------------------------------------------------------------------------------------
# The trace


def test_steps_replay_to_the_output() -> None:
    text = (
        "Plain first line.\n"
        + mojibake("Deuxième ligne abîmée.", "sloppy-windows-1252")
        + "\nClean middle — with a dash.\n"
        + mojibake("Четвёртая строка.", "koi8_r")
        + "\n"
    )
    fixed, steps = repair_text(text, OPTIONS)
    assert fixed != text
    assert replay(text, steps) == fixed
    for step in steps:
        assert step.stage is Stage.REPAIR
        assert step.action == "repair"
        assert step.reason in (Reason.MOJIBAKE, Reason.C1_CONTROLS)
        assert step.detail.startswith(("utf-8 as", "ftfy", "c1 controls"))
        assert step.line in (2, 4)
        assert step.confidence is not None and 0.0 < step.confidence <= 1.0


def test_steps_are_positioned_per_chunk() -> None:
    fixed, steps = repair_text("CafÃ© and crÃ¨me", OPTIONS)
    assert fixed == "Café and crème"
    assert [(s.start, s.end, s.before, s.after) for s in steps] == [
        (3, 5, "Ã©", "é"),
        (12, 14, "Ã¨", "è"),
    ]


def test_diff_spans_falls_back_to_one_span() -> None:
    assert diff_spans("a b", "a\u00a0b") == [(1, 2, " ", "\u00a0")]


def test_explain_false_still_repairs() -> None:
    options = dataclasses.replace(OPTIONS, explain=False)
    assert repair_text("CafÃ©", options)[0] == "Café"


# ---------------------------------------------------------------------------------------
# Options that restyle text run only when asked


def test_style_options_are_off_by_default_and_work_when_asked() -> None:
    text = "“Quote” ﬁne ＷＩＤＥ"
    assert repair_text(text, OPTIONS) == (text, [])
    options = dataclasses.replace(
        OPTIONS, uncurl_quotes=True, fix_latin_ligatures=True, fix_character_width=True
    )
    fixed, steps = repair_text(text, options)
    assert fixed == '"Quote" fine WIDE'
    assert replay(text, steps) == fixed
    assert {s.reason for s in steps} == {Reason.STYLE}


def test_line_breaks_when_asked() -> None:
    text = "one\r\ntwo\rthree"
    assert repair_text(text, OPTIONS) == (text, [])
    fixed, steps = repair_text(text, dataclasses.replace(OPTIONS, fix_line_breaks=True))
    assert fixed == "one\ntwo\nthree"
    assert replay(text, steps) == fixed


def test_unescape_html_when_asked() -> None:
    text = "Fish &amp; chips"
    assert repair_text(text, OPTIONS)[0] == text
    assert repair_text(text, dataclasses.replace(OPTIONS, unescape_html=True))[0] == "Fish & chips"


# ---------------------------------------------------------------------------------------
# Plausibility and robustness


def test_implausibility_orders_readings() -> None:
    assert implausibility("Привет, мир") == 0.0
    assert implausibility(mojibake("Привет, мир", "koi8_r")) > 0.0
    assert implausibility(mojibake("naïve café", "sloppy-windows-1252")) > 0.0


def test_quoting_line_is_left_alone() -> None:
    assert best_repair('Seeing "Ã¼ber" instead of "über" means it was decoded twice.') is None


@pytest.mark.parametrize(
    "text",
    [
        "Ã" * 100_000,
        "?" * 100_000,
        "\u00a0" * 100_000,
        "Ã©" * 50_000,
        ("Ð¾" * 1000 + "\n") * 50,
        "\x81\x8d" * 10_000,
        "\ufffd" * 50_000,
        "",
        "\n\n\n",
    ],
    ids=["a-tilde", "qmark", "nbsp", "e-acute", "long-lines", "c1", "fffd", "empty", "newlines"],
)
def test_degenerate_inputs_do_not_crash(text: str) -> None:
    fixed, steps = repair_text(text, OPTIONS)
    assert isinstance(fixed, str)
    assert replay(text, steps) == fixed


def test_one_long_line_is_repaired_in_pieces() -> None:
    sentence = "Une très longue ligne, répétée avec des mots différents numéro {}. "
    text = "".join(sentence.format(i) for i in range(300))
    damaged = mojibake(text, "sloppy-windows-1252")
    fixed, steps = repair_text(damaged, OPTIONS)
    assert fixed == text
    assert replay(damaged, steps) == fixed
    assert {s.line for s in steps} == {1}


def test_suspect_pattern_skips_plain_english() -> None:
    assert chardata.SUSPECT_RE.search("Don’t “quote” me — it’s fine… ok.") is None


# ---------------------------------------------------------------------------------------
# Lossy mojibake: bytes the charset cannot show were lost


def lossy_mojibake(text: str, charset: str, lost: str) -> str:
    """UTF-8 read through ``charset``, each byte it cannot show written as ``lost``
    (``latin-1`` loses every C1 byte)."""
    out = []
    for byte in text.encode("utf-8"):
        if charset == "latin-1":
            out.append(lost if 0x80 <= byte < 0xA0 else chr(byte))
            continue
        try:
            out.append(bytes([byte]).decode(charset))
        except UnicodeDecodeError:
            out.append(lost)
    return "".join(out)


@pytest.mark.parametrize("lost", ["?", "\N{REPLACEMENT CHARACTER}"])
def test_lost_byte_takes_a_letter_of_the_lines_alphabet(lost: str) -> None:
    # ``s`` + lost byte is ``să`` in Romanian but also ``są`` in Polish: the line's other
    # letters (â) rule Polish out
    text = "Ea a spus că vrea să plece acasă mâine seara."
    damaged = lossy_mojibake(text, "latin-1", lost)
    assert repair_text(damaged, OPTIONS)[0] == text


@pytest.mark.parametrize("lost", ["?", "\N{REPLACEMENT CHARACTER}"])
def test_lost_capital_at_a_word_start_is_filled(lost: str) -> None:
    # Н and А lose their second byte in Windows-1252; every choice is a capital, so the
    # lexicon decides
    text = "Наш дом стоит у реки. На берегу растут деревья."
    damaged = lossy_mojibake(text, "cp1252", lost)
    assert lost in damaged
    assert repair_text(damaged, OPTIONS)[0] == text


def test_lost_byte_of_a_word_or_a_name_stays_unknown() -> None:
    # Č or č at a word start: a name or a word, the lexicon cannot tell
    damaged = lossy_mojibake("Pojedeme do Česka a pak dál.", "latin-1", "?")
    fixed = repair_text(damaged, OPTIONS)[0]
    assert "česka" not in fixed
    assert "\N{REPLACEMENT CHARACTER}" in fixed


def test_lost_capital_on_a_short_line_stays_unknown() -> None:
    damaged = lossy_mojibake("Новый", "cp1252", "?")
    assert repair_text(damaged, OPTIONS)[0] != "Новый"


def test_unknown_name_takes_the_one_reading_of_a_single_alphabet() -> None:
    # no lexicon knows the name; of ā, č, ď, Đ, ĝ only č fits beside ć in one alphabet
    text = "Zapisnik je potpisao Tomislav Brkačić iz Osijeka."
    damaged = lossy_mojibake(text, "cp1252", "?")
    assert repair_text(damaged, OPTIONS)[0] == text


def test_vanished_byte_before_a_space_is_filled() -> None:
    # ě loses its second byte in Latin-1 and nothing marks it: ``mÄstÄ je`` could also
    # be a lost NBSP (``Ġ``), which no Czech word holds
    text = "Ve městě je dnes krásně a teplo."
    damaged = lossy_mojibake(text, "latin-1", "")
    assert repair_text(damaged, OPTIONS)[0] == text


def test_vanished_byte_is_one_the_charset_cannot_show() -> None:
    # the line shows Windows-1252's own ‚ and ‹ ... so only its five undefined bytes can
    # have vanished: Н (not З, Д, П ... which would also make words)
    text = "Наша школа стоит на холме. Недалеко есть река и лес"
    damaged = lossy_mojibake(text, "cp1252", "")
    assert "\N{REPLACEMENT CHARACTER}" not in damaged
    assert repair_text(damaged, OPTIONS)[0] == text


def test_space_after_a_lead_is_first_read_as_a_lost_nbsp_inside_the_word() -> None:
    # Р is D0 A0: read as Windows-1252 with NBSP turned into a space, ``Ð `` starts the
    # word; it could also be a character whose byte vanished before a real space
    text = "Русская кухня и её рецепты"
    damaged = lossy_mojibake(text, "cp1252", "\N{REPLACEMENT CHARACTER}").replace("\xa0", " ")
    assert "Ð " in damaged
    assert repair_text(damaged, OPTIONS)[0] == text


def test_a_grave_whose_nbsp_became_a_space_is_repaired() -> None:
    # à is C3 A0: read as Windows-1252 with NBSP turned into a space it is ``Ã `` (and
    # the rest of the line, ``À`` included, reads plausibly without it)
    text = "À la fin, il a dit : à bientôt."
    damaged = lossy_mojibake(text, "cp1252", "").replace("\xa0", " ")
    assert "Ã  bient" in damaged
    assert repair_text(damaged, OPTIONS)[0] == text


def test_portuguese_capital_a_tilde_before_a_space_is_not_a_lost_nbsp() -> None:
    text = "SÃO PAULO: A MAÇÃ É VERDE E A IRMÃ VEIO."
    assert repair_text(text, OPTIONS) == (text, [])


# ---------------------------------------------------------------------------------------
# Characters lost whole: one U+FFFD each, left for recovery

HOLE = "\N{REPLACEMENT CHARACTER}"


def holes_only(fixed: str, text: str) -> bool:
    """Whether ``fixed`` is ``text`` with some characters replaced by one U+FFFD each."""
    return len(fixed) == len(text) and all(a in (b, HOLE) for a, b in zip(fixed, text, strict=True))


@pytest.mark.parametrize("lost", ["?", HOLE])
@pytest.mark.parametrize(
    "text",
    ["서울에서 친구를 만났어요. 날씨가 좋았어요.", "今天我们在公园里散步，天气很好。"],
    ids=["korean", "chinese"],
)
def test_character_that_lost_two_bytes_becomes_one_hole(text: str, lost: str) -> None:
    # Latin-1 loses every C1 byte: many characters keep only their lead and one byte
    damaged = lossy_mojibake(text, "latin-1", lost)
    assert lost * 2 in damaged
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)
    assert HOLE in fixed


def test_lead_whose_two_bytes_vanished_becomes_one_hole() -> None:
    # Latin-1 drops every C1 byte: most kana keep only their lead byte (``ã``)
    text = "きょうはあめがふっています。"
    damaged = lossy_mojibake(text, "latin-1", "")
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)
    assert fixed.count(HOLE) >= len(text) // 2


def test_vanished_byte_amid_another_script_becomes_a_hole() -> None:
    # a name alone on its line: no lexicon decides, but a Latin ``Ñ`` between Cyrillic
    # letters is no letter of the name, and the space after it is a real one
    text = "Захар Фомич Суховеев"
    damaged = lossy_mojibake(text, "latin-1", "")
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)
    assert HOLE in fixed


def test_vanished_byte_before_a_real_space_keeps_the_space() -> None:
    # ก (E0 B8 81) loses its last byte before a space and a bracket: the space is real,
    # not a lost NBSP (ภ is nowhere else on the line)
    text = "ผลการศึกษาทางคลินิก (clinical study)"
    damaged = lossy_mojibake(text, "latin-1", "")
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)
    assert fixed.endswith(" (clinical study)")


def test_vietnamese_capital_is_chosen_by_its_alphabet() -> None:
    # Đ (C4 90) loses 0x90 in Windows-1252; of ā, č, ď, Đ, ĝ only Đ is Vietnamese
    text = "Chúng tôi sống ở Đồng Nai và làm việc ở Đông Hà."
    damaged = lossy_mojibake(text, "cp1252", "?")
    assert "Ä?" in damaged
    assert repair_text(damaged, OPTIONS)[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "Não há problema, irmã? Sim, irmã.",
        "Cos'è?? Perché?? Non lo so.",
        "¿Qué?» dijo ella, «no entiendo».",
        "To sú najvä?šie mestá, kde ?ijú ?udia.",
        "Ö?retmen Ay?e Hanım ö?rencilerle konu?tu.",
    ],
    ids=["portuguese", "italian", "spanish-quotes", "slovak-qmarks", "turkish-qmarks"],
)
def test_text_that_only_looks_lossy_is_left_alone(text: str) -> None:
    assert repair_text(text, OPTIONS) == (text, [])


def test_lost_sequences_count_as_implausible() -> None:
    assert implausibility("Sá»? 8") > implausibility(f"S{HOLE} 8")
    assert implausibility("ì??ì??ì??") > 0
    for clean in ("¿Qué?»", "“café”?", "là?? ok", "Cos'è??"):
        assert chardata.LOST_SEQUENCE_RE.search(clean) is None, clean


def test_a_hole_costs_one_wherever_it_stands() -> None:
    assert implausibility(f"Ти{HOLE}он") == implausibility(f"{HOLE} Тихон") == 1.0


def test_cedilla_spelling_counts_as_known() -> None:
    assert known_word_share("Preşedintele ţării") == known_word_share("Președintele țării")


def test_a_line_that_marks_lost_bytes_reads_a_space_after_a_lead_as_nbsp() -> None:
    # Hebrew through Windows-1252: ם (D7 9D) lost to U+FFFD, נ (D7 A0) to a plain space;
    # with lost bytes marked on the line, none vanished, so ``× `` is נ inside its word
    text = "אני גר בשכונה נעימה עם הורים"
    damaged = lossy_mojibake(text, "cp1252", HOLE).replace("\xa0", " ")
    assert "× " in damaged and HOLE in damaged
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)


def test_vanished_byte_before_another_lead_is_a_hole() -> None:
    # Latin-1 drops the second byte of most Hebrew letters: ``×`` follows ``×``
    text = "כך הייתי אומר"
    damaged = lossy_mojibake(text, "latin-1", "")
    assert "××" in damaged
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)


def test_nbsp_turned_space_beside_a_lost_byte_in_one_character() -> None:
    # 적 is EC A0 81: through Windows-1252 its NBSP became a space and 0x81 a U+FFFD;
    # the character still lost a single unknown byte, so it is one hole, not two
    text = "그는 적극적으로 참여했다."
    damaged = lossy_mojibake(text, "cp1252", HOLE).replace("\xa0", " ")
    assert f"\u00ec {HOLE}" in damaged
    fixed = repair_text(damaged, OPTIONS)[0]
    assert holes_only(fixed, text)


def test_lossy_word_is_judged_with_its_whole_sequences_decoded() -> None:
    # every non-ASCII word is damaged, so the line's alphabet comes from the sequences that
    # survived whole (á, é, š, ž), and ``ďalšie`` is judged as a whole word, not ``ďalÅ¡ie``
    clean = "Vo štvrtok prišla vláda, ďalšie schôdze budú v marci a potom v máji."
    fixed = repair_text(lossy_mojibake(clean, "cp1252", "?"), OPTIONS)[0]
    assert fixed == clean


def test_mid_sentence_case_only_for_very_common_words() -> None:
    # ``či`` after a small letter is a common word: written small; ``Česka`` (a name that
    # wordfreq lists in small letters) could be either: left for recovery, not ``česka``
    clean = "Vláda jednala v pátek či v sobotu, potom do Česka dorazil zvýšený zájem."
    damaged = lossy_mojibake(clean, "latin-1", "?")
    assert damaged.count("?") == 2
    fixed = repair_text(damaged, OPTIONS)[0]
    assert "pátek či v sobotu" in fixed
    assert "česka" not in fixed.replace("Česka", "")
