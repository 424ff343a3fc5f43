"""Recovery of letters of non-Latin alphabets lost to U+FFFD or ``?``."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from cleaner import clean
from cleaner.options import CleanOptions
from cleaner.recover_script import _choose_language, alphabet, recover_scripts
from cleaner.trace import Reason, Stage, Step

OPTIONS = CleanOptions()
R = "\ufffd"


def fix(text: str) -> str:
    return recover_scripts(text, OPTIONS)[0]


# ---------------------------------------------------------------------------------------
# Damage that is repaired


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # a cut two-byte letter: two U+FFFD for one letter
        (
            f"Наша библиотека получила новые книги. Читатели пришли в би{R}{R}лиотеку утром.",
            "Наша библиотека получила новые книги. Читатели пришли в библиотеку утром.",
        ),
        (
            f"Η βιβλιοθήκη άνοιξε νωρίς. Οι αναγνώστες ήρθαν στη βιβλιοθ{R}{R}κη το πρωί.",
            "Η βιβλιοθήκη άνοιξε νωρίς. Οι αναγνώστες ήρθαν στη βιβλιοθήκη το πρωί.",
        ),
        # one U+FFFD per lost letter, of letters no lossy mojibake repair loses (legacy
        # bytes in UTF-8): read as any letter, since no letter it may lose fits
        (
            f"Сегодня в {R}ороде открылся новый музей, и все жители {R}ришли на праздник.",
            "Сегодня в городе открылся новый музей, и все жители пришли на праздник.",
        ),
        (
            f"Οι κάτοικοι του χωριού ήταν πολύ φιλόξενοι και μας πρόσ{R}εραν φαγητό.",
            "Οι κάτοικοι του χωριού ήταν πολύ φιλόξενοι και μας πρόσφεραν φαγητό.",
        ),
        # a final sigma is written as such (the repair lost it everywhere)
        (
            f"Ο πρόεδρο{R} τη{R} χώρα{R} μίλησε.",
            "Ο πρόεδρος της χώρας μίλησε.",
        ),
    ],
)
def test_lost_letters_come_back(damaged: str, expected: str) -> None:
    assert fix(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # Greek: ``\u03bc`` (CE BC) survives every such charset, ``\u03c3`` (CF 83) may not
        (
            f"Η Μαρία μένει {R}ε ένα μικρό σπίτι κοντά στη θάλασ{R}α.",
            "Η Μαρία μένει σε ένα μικρό σπίτι κοντά στη θάλασσα.",
        ),
        # Bulgarian: ``\u0441`` (D1 81), not ``\u0434`` (D0 B4) or ``\u043d`` (D0 BD)
        (
            f"Книгите {R}а на масата, а тетрадките {R}а в чантата.",
            "Книгите са на масата, а тетрадките са в чантата.",
        ),
        # a capital at a sentence's start: ``\u041c`` (D0 9C)
        (
            f"Мы приехали вечером. {R}осква встретила нас дождём и ве{R}ром.",
            "Мы приехали вечером. Москва встретила нас дождём и ветром.",
        ),
    ],
)
def test_a_lossy_mojibake_repair_loses_only_letters_with_a_c1_byte(
    damaged: str, expected: str
) -> None:
    # One U+FFFD per letter: the letter had a byte (80-9F) the charset left undefined; that
    # narrows even a word with one intact letter.
    assert fix(damaged) == expected


def test_a_lost_arabic_vowel_point_stays_a_replacement_character() -> None:
    # A lossy mojibake repair loses Arabic harakat too (D9 8E ...): which one is not known,
    # so the hole after a word that is whole without it stays; the lost letters come back.
    text = f"انتشر الإسلام في ا{R}بلاد، وكان ا{R}تشار{R} سريعا بين ا{R}ناس."
    assert fix(text) == f"انتشر الإسلام في البلاد، وكان انتشار{R} سريعا بين الناس."


def test_a_word_mostly_lost_stays_when_several_words_fit() -> None:
    # Two of four letters lost: ``رسمي``, ``رقمي`` ... fit, so the word stays.
    text = f"هذا قرار ر{R}{R}ي من الوزارة وهذا قرار غ{R}ر ر{R}{R}ي."
    assert fix(text) == text.replace(f"غ{R}ر", "غير")


def test_a_word_with_one_intact_letter_stays_when_characters_were_cut() -> None:
    # Two U+FFFD per hole: any letter may have been cut, and one letter fits too many words.
    text = f"Книгите {R}{R}а на масата, а тетрадките {R}{R}а в чантата, {R}{R}а."
    assert recover_scripts(text, OPTIONS) == (text, [])


def ukrainian_through_koi8_r(text: str) -> str:
    """Ukrainian forced through a Russian charset: і, ї, є, ґ become ``?``."""
    return text.encode("koi8_r", "replace").decode("koi8_r")


@pytest.mark.parametrize(
    "text",
    [
        "Наступного тижня в місті відкриється виставка сучасного мистецтва.",
        "Учора ми ходили до парку, а потім пили каву в маленькій кав'ярні.",
        "Міська бібліотека отримала нові книжки для читачів. Ви прийдете?",
    ],
)
def test_question_marks_that_replaced_letters(text: str) -> None:
    damaged = ukrainian_through_koi8_r(text)
    assert "?" in damaged.rstrip("?")
    assert fix(damaged) == text


def test_a_final_question_mark_stays_when_it_asks() -> None:
    # A text that lost letters to ``?`` may still ask questions.
    text = "Де ти була? Чому ти не прийшла до бібліотеки? Я чекала."
    damaged = ukrainian_through_koi8_r(text)
    assert fix(damaged) == text


def test_a_lone_question_mark_between_words_is_a_word_of_one_letter() -> None:
    text = "Вони прийшли до бібліотеки, і читачі взяли книжки."
    damaged = text.replace(" і ", " ? ")
    assert fix(damaged) == text


def test_question_marks_spaced_apart_in_russian_stay() -> None:
    text = "Что ? Где ? Когда ? это игра"
    assert recover_scripts(text, OPTIONS) == (text, [])


def test_question_marks_in_a_text_that_lost_none() -> None:
    # Russian fits every Cyrillic charset: a ``?`` there never stood for a letter.
    text = "Где ты была? Почему ты не пришла в библиотеку? Я ждала тебя весь день."
    assert recover_scripts(text, OPTIONS) == (text, [])


def test_capital_at_a_sentence_start() -> None:
    text = f"Вчера был дождь. {R}{R}егодня светит солнце, и сегодня тепло."
    assert fix(text) == "Вчера был дождь. Сегодня светит солнце, и сегодня тепло."


def test_all_capitals_word_is_filled_in_capitals() -> None:
    text = f"Новости дня. МО{R}{R}ВА и Москва готовятся к празднику."
    assert fix(text) == "Новости дня. МОСКВА и Москва готовятся к празднику."


def test_a_devanagari_word_of_one_letter_and_its_signs() -> None:
    # "में" (in): the letter lost, its two vowel signs intact.
    text = f"पिछले सप्ताह हम पहाड़ों के एक छोटे गाँव गए और गाँव {R}{R}{R}\u0947\u0902 दो दिन रहे।"
    assert fix(text) == text.replace(R * 3, "\u092e")


def test_the_first_part_of_a_persian_word() -> None:
    # "می" before a zero-width non-joiner: one intact letter, read among first parts.
    text = f"او هر شب پیش از خواب کتاب {R}{R}\u06cc\u200c\u062e\u0648\u0627\u0646\u062f."
    assert fix(text) == text.replace(R * 2, "\u0645")


def test_greek_capitals_take_no_accent() -> None:
    text = f"Η ΕΛΛΗΝΙ{R}{R}Η ΓΛΩΣΣΑ είναι αρχαία."
    assert fix(text) == "Η ΕΛΛΗΝΙΚΗ ΓΛΩΣΣΑ είναι αρχαία."


def test_words_of_the_document_fill_holes_without_a_lexicon() -> None:
    # Armenian has no word list: the same word intact elsewhere is the evidence.
    word = "\u0563\u0580\u0561\u0564\u0561\u0580\u0561\u0576"  # a library, in Armenian
    damaged = word[:3] + R + R + word[4:]
    text = f"{word} {word} {damaged}"
    assert fix(text) == f"{word} {word} {word}"


def test_a_step_per_recovered_word() -> None:
    text = f"Первая строка.\nНа второй строке слово потеряло бу{R}{R}ву."
    out, steps = recover_scripts(text, OPTIONS)
    assert out == "Первая строка.\nНа второй строке слово потеряло букву."
    (step,) = steps
    assert step.stage == Stage.RECOVER
    assert step.reason == Reason.LOSSY_REPLACEMENT
    assert (step.line, step.before, step.after, step.detail) == (2, f"бу{R}{R}ву", "букву", "ru")
    assert text[step.start : step.end] == step.before
    assert step.confidence is not None and step.confidence >= OPTIONS.min_recovery_confidence


def replay(text: str, steps: list[Step]) -> str:
    """Apply the steps' before/after at their offsets (offsets refer to ``text``)."""
    out, prev = [], 0
    for step in sorted(steps, key=lambda s: s.start or 0):
        assert step.start is not None and step.end is not None
        assert text[step.start : step.end] == step.before
        out.append(text[prev : step.start])
        out.append(step.after or "")
        prev = step.end
    return "".join(out) + text[prev:]


def test_the_steps_replay_to_the_output() -> None:
    text = (
        f"Вчера вечером мы долго гуля{R}{R}и по набережной.\n"
        f"Погода была тёплой, а в па{R}{R}ке играл оркестр.\n"
        f"Η βιβλιοθήκη άνοιξε νωρίς και οι αναγνώστες ήρθαν στη βιβλιοθ{R}{R}κη."
    )
    out, steps = recover_scripts(text, OPTIONS)
    assert len(steps) == 3
    assert replay(text, steps) == out
    assert [s.line for s in steps] == [1, 2, 3]


@pytest.mark.parametrize("seed", range(3))
def test_random_text_never_crashes_and_steps_stay_honest(seed: int) -> None:
    rng = random.Random(seed)
    pool = "абвгдеіїєґαβγάέאבג\u05b7ابت\u064e\u200cअकें\u094d가나ab??\ufffd\ufffd  ,.-/=\n09'\u02bc"
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        out, steps = recover_scripts(text, OPTIONS)
        assert replay(text, steps) == out


def test_question_mark_steps_carry_their_reason() -> None:
    text = ukrainian_through_koi8_r("Наступного тижня в місті відкриється виставка.")
    _, steps = recover_scripts(text, OPTIONS)
    assert steps and all(s.reason == Reason.LOSSY_QMARK for s in steps)


def test_the_pipeline_runs_the_stage() -> None:
    text = f"Вчера мы долго гуляли по набережной и обсуждали планы на ле{R}о."
    assert clean(text).text == "Вчера мы долго гуляли по набережной и обсуждали планы на лето."


def test_the_stage_follows_the_recovery_switch() -> None:
    text = f"Вчера мы долго гуляли по набережной и обсуждали {R}ланы на лето."
    assert clean(text, recover_lossy=False).text == text


# ---------------------------------------------------------------------------------------
# Text that must stay as it is


@pytest.mark.parametrize(
    "text",
    [
        "Что? Где? Когда? Почему ты не пришёл?",
        "Что?Где?Когда? — так называется игра.",
        "Τι ώρα είναι; Πού πας? Γιατί;",
        "هل أنت بخير؟ لماذا? متى تعود؟",
        "מה שלומך? איפה אתה? למה?",
        "Ты придёшь завтра? Я буду ждать.",
        "Спасибо за письмо, всё хорошо.",
        "",
    ],
)
def test_real_question_marks_and_clean_text_stay(text: str) -> None:
    assert recover_scripts(text, OPTIONS) == (text, [])


def test_hebrew_points_lost_to_a_charset_are_not_filled_with_letters() -> None:
    # ISO-8859-8 has no vowel points: every point became ``?``; no letter stands for one.
    text = "\u05d4\u05b7\u05d9\u05bc\u05b6\u05dc\u05b6\u05d3 \u05d4\u05b8\u05dc\u05b7\u05da"
    damaged = text.encode("iso8859_8", "replace").decode("iso8859_8")
    assert fix(damaged) == damaged


def test_ambiguous_short_word_stays() -> None:
    # "του", "που", "μου", "σου" all fit: no reading is confident.
    text = f"Η ιστορία {R}{R}ου χωριού είναι μεγάλη."
    assert fix(text) == text


def test_unknown_word_stays() -> None:
    text = f"Город назывался Ква{R}{R}ырбург, и никто не знал почему."
    assert fix(text) == text


def test_latin_and_mixed_script_words_are_left_to_latin_recovery() -> None:
    text = f"Caf{R} и кофе, Moskv{R}, Mosk{R}a"
    assert recover_scripts(text, OPTIONS) == (text, [])


def test_words_with_digits_or_code_stay() -> None:
    text = f"код Б7{R}{R}К и путь /папка?файл=1"
    assert recover_scripts(text, OPTIONS) == (text, [])


def test_a_question_mark_in_a_url_stays() -> None:
    text = ukrainian_through_koi8_r("Міська бібліотека: сайт/пошук?запит=книги і нові журнали.")
    assert "/пошук?запит=" in fix(text)


def test_no_space_scripts_are_not_read() -> None:
    text = f"日本語の文{R}{R}です"
    assert recover_scripts(text, OPTIONS) == (text, [])


# ---------------------------------------------------------------------------------------
# Tables and pathological input


def test_alphabets_hold_their_letters() -> None:
    assert "\u0451" in alphabet("ru")  # ё
    assert "\u0457" in alphabet("uk") and "\u0457" not in alphabet("ru")  # ї
    assert "\u03c9" in alphabet("el")  # ω
    assert all(c.islower() or not c.isupper() for c in alphabet("el"))


@pytest.mark.parametrize(
    "text",
    [
        R * 200_000,
        "?" * 200_000,
        "\u0436?" * 100_000,
        ("\u0436" * 50 + R + R) * 4000,
        (f"сло{R}{R}о ") * 20_000,
        "\u00a0" * 200_000,
    ],
)
def test_pathological_input_is_handled(text: str) -> None:
    out, steps = recover_scripts(text, OPTIONS)
    assert isinstance(out, str)
    assert len(steps) <= len(text)


def test_a_question_mark_glued_before_a_word_is_its_lost_letter() -> None:
    # No question mark stands glued before a small letter: KOI8-R lost the ``ґ`` there (a
    # capital at the text's start).
    text = "Ґрунт біля ґанку був твердий, і ми пішли далі."
    damaged = ukrainian_through_koi8_r(text)
    assert damaged.startswith("?рунт")
    assert fix(damaged) == text
    assert fix("Сьогодні ?анок ще не пофарбували.") == "Сьогодні ґанок ще не пофарбували."


def test_a_question_mark_glued_before_a_capital_stays() -> None:
    text = "Він відповів коротко: ?Так, прийду."
    assert recover_scripts(text, OPTIONS) == (text, [])


def persian_through_iso8859_6(text: str) -> str:
    """Persian forced through the Arabic ISO charset: ``ی``, ``پ``, ``چ`` ... become ``?``."""
    return text.encode("iso8859_6", "replace").decode("iso8859_6")


def test_a_question_mark_ending_an_arabic_script_word_is_a_lost_letter() -> None:
    # Arabic script asks with its own mark (U+061F): a ``?`` ending a word is a letter the
    # charset lacked, even in a short line whose intact words are Arabic too.
    text = "آقای کریمی و خانم احمدی"
    damaged = persian_through_iso8859_6(text)
    assert damaged.count("?") == 5
    assert fix(damaged) == text


@pytest.mark.parametrize(
    "text",
    [
        # Persian that writes its ``ی`` intact: its charset lost nothing, a ``?`` asks
        "این کتاب را خواندید?",
        # Arabic: its charsets write every Arabic letter
        "هل قرأت هذا الكتاب? نعم",
    ],
)
def test_arabic_script_question_marks_stay_when_the_charset_lost_nothing(text: str) -> None:
    assert recover_scripts(text, OPTIONS) == (text, [])


def test_a_question_mark_that_may_be_one_letter_only_is_not_read_by_spelling() -> None:
    # Kazakh (no lexicon) through Windows-1251: the only Cyrillic letter its charsets lack
    # that a known language writes is Ukrainian ``ґ``; with one letter possible the spelling
    # has nothing to weigh, so the holes stay.
    text = "Біз ертең қалаға барамыз, онда көп адамдармен сөйлескім келеді."
    damaged = text.encode("cp1251", "replace").decode("cp1251")
    assert recover_scripts(damaged, OPTIONS) == (damaged, [])


def test_the_second_part_of_a_persian_word_is_read_with_its_first() -> None:
    # ``\ufffd\ufffdود`` alone fits ``شود``, ``بود``, ``رود`` ...; after ``می`` and a
    # zero-width non-joiner it is the second part of one word, and ``می\u200cشود`` is read.
    text = "کتابخانه پس از تعمیر روز دوشنبه صبح باز می\u200cشود."
    damaged = text.replace("\u200cش", f"\u200c{R}{R}")
    assert fix(damaged) == text
    lone = text.replace("می\u200cش", f"{R}{R}")
    assert recover_scripts(lone, OPTIONS) == (lone, [])


def test_names_that_lost_their_first_letter_to_the_charset_keep_their_capitals() -> None:
    # An address line: names and places in capitals, the words around them in lower case
    # (three capitals in seven intact words).
    text = "пані Олена Іваненко, вулиця Івана Франка, буд. 8, кв. 3, Житомир"
    damaged = ukrainian_through_koi8_r(text)
    assert "?ваненко, вулиця ?вана" in damaged
    assert fix(damaged) == text.replace("пані", "пан?")


def test_a_short_line_tells_its_language_from_words_that_lost_their_first_letter() -> None:
    # One intact word names no language; the words a ``?`` starts read as Ukrainian only.
    text = "Ігор Євгенович, провулок Їжакевича, 7, Ірпінь"
    damaged = ukrainian_through_koi8_r(text)
    holed = [w.strip(",") for w in damaged.split() if "?" in w]
    seen = frozenset(c for c in damaged.casefold() if c.isalpha())
    intact = Counter(["провулок"])
    assert _choose_language("CYRILLIC", intact, seen) == ""
    assert _choose_language("CYRILLIC", intact, seen, holed) == "uk"
    # with more intact capitals around, the names keep their capitals too
    text = "Ігор Євгенович Бондар, провулок Їжакевича, 7, Ірпінь"
    assert fix(ukrainian_through_koi8_r(text)) == text


def test_the_ukrainian_apostrophe_lost_to_a_charset_comes_back() -> None:
    # KOI8-R lacks the apostrophe letter (U+02BC) as it lacks ``і``; the lexicon spells it
    # ASCII, the text keeps its own letter.
    text = "Учора ми ходили до кав\u02bcярні, а потім п\u02bcять годин гуляли містом."
    damaged = ukrainian_through_koi8_r(text)
    assert "кав?ярн?" in damaged
    assert fix(damaged) == text
