"""Lossy-letter recovery: damage is made in the test, then undone by recover_text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.options import CleanOptions
from cleaner.recover import (
    _compound_score,
    _has_letter_damage,
    ascii_fold,
    charset_repertoire,
    coherent,
    language_letters,
    lexicon_key,
    recover_text,
    stem_support,
)
from cleaner.trace import Reason, Stage

OPTIONS = CleanOptions()


def qmark_damage(text: str, charset: str) -> str:
    """What ``text`` becomes when forced through ``charset`` with ``errors="replace"``."""
    return text.encode(charset, "replace").decode(charset)


def fffd_damage(text: str, charset: str) -> str:
    """Legacy bytes of ``text`` read back as UTF-8 with replacement characters."""
    return text.encode(charset).decode("utf-8", "replace")


def chunked_damage(text: str, size: int) -> str:
    """UTF-8 of ``text`` decoded ``size`` bytes at a time (split characters become U+FFFD)."""
    data = text.encode("utf-8")
    return "".join(data[i : i + size].decode("utf-8", "replace") for i in range(0, len(data), size))


# (charset, original): sentences written for these tests.
QMARK_CASES = [
    ("latin-1", "Türkiye Cumhuriyeti güneyde Akdeniz ile çevrilidir ve başkenti Ankara şehridir."),
    ("ascii", "Der Bürgermeister hat gestern über die Straße gesprochen."),
    ("cp1251", "Vielä kerran: äiti ja isä menivät kauppaan ostamaan leipää."),
    ("latin-1", "Genocid je zločin, o kojem se u knjizi piše mnogo."),
    ("cp1252", "Policie zadržela řidiče, který jel příliš rychle."),
    ("ascii", "Le château se trouve près de la rivière et du marché."),
]


@pytest.mark.parametrize(("charset", "original"), QMARK_CASES)
def test_question_marks_become_letters(charset: str, original: str) -> None:
    damaged = qmark_damage(original, charset)
    assert damaged != original
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    assert steps and all(s.reason is Reason.LOSSY_QMARK for s in steps)


FFFD_CASES = [
    ("cp1250", "Na náměstí stála kašna a vedle ní lavička."),
    ("cp1252", "São Paulo é a maior cidade do Brasil, com população enorme."),
    ("cp1252", "Nous avons déjà visité le musée près de la gare."),
]


@pytest.mark.parametrize(("charset", "original"), FFFD_CASES)
def test_replacement_characters_become_letters(charset: str, original: str) -> None:
    damaged = fffd_damage(original, charset)
    assert "\ufffd" in damaged
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    assert all(s.reason is Reason.LOSSY_REPLACEMENT for s in steps)


def test_one_replacement_character_for_two_letters() -> None:
    # cp1250 "äť" is E4 9D: a UTF-8 reader takes it for one broken sequence.
    damaged = fffd_damage("Päť rokov som študoval v Toronte.", "cp1250")
    assert damaged.startswith("P\ufffd ")
    fixed, _ = recover_text(damaged, OPTIONS)
    assert fixed.startswith("Päť ")


def test_utf8_read_in_chunks() -> None:
    original = "Вчера вечером в городе прошла большая конференция по экономике."
    damaged = chunked_damage(original, 16)
    assert "\ufffd\ufffd" in damaged
    fixed, _ = recover_text(damaged, OPTIONS)
    assert fixed.count("\ufffd") < damaged.count("\ufffd")
    assert "экономике" in fixed


def test_folded_copy_in_the_document_names_the_letters() -> None:
    text = (
        "Minister Cavusoglu met his counterpart on Friday. Later that day, "
        "Çavu?o?lu'nun statement was read to reporters."
    )
    fixed, steps = recover_text(text, OPTIONS)
    assert "Çavuşoğlu'nun" in fixed
    assert steps[0].before == "Çavu?o?lu" and steps[0].after == "Çavuşoğlu"


@pytest.mark.parametrize(
    ("charset", "original", "expected"),
    [
        ("iso8859_2", "Řekl jen „nemám čas“ a odešel domů.", "Řekl jen „nemám čas“ a odešel domů."),
        ("koi8_r", "Он сказал: «Я приду завтра» и ушёл.", "Он сказал: «Я приду завтра» и ушёл."),
        ("latin-1", "She said “not today” and left.", "She said “not today” and left."),
    ],
)
def test_lost_quotation_marks_become_the_language_s_quotation_marks(
    charset: str, original: str, expected: str
) -> None:
    fixed, steps = recover_text(qmark_damage(original, charset), OPTIONS)
    assert fixed == expected
    assert [s.detail for s in steps].count("quotation mark") == 2


def test_names_on_their_own_line() -> None:
    fixed, _ = recover_text(qmark_damage("Marek Novák, Květinová 12, Brno", "cp1252"), OPTIONS)
    assert fixed == "Marek Novák, Květinová 12, Brno"


def test_seed_gets_its_name_back(seed_pair: tuple[str, str]) -> None:
    raw, _ = seed_pair
    fixed, steps = recover_text(raw, OPTIONS)
    assert "Çavu?o?lu" in raw
    assert "Çavuşoğlu" in fixed and "Çavu?o?lu" not in fixed
    assert any(s.after == "Çavuşoğlu" for s in steps)


def test_casing_is_restored() -> None:
    damaged = qmark_damage("IŞİD'in hesapları kapatıldı, dedi yetkili.", "latin-1")
    fixed, _ = recover_text(damaged, OPTIONS)
    assert fixed.startswith("IŞİD'in")
    fixed, _ = recover_text(qmark_damage("Žena řekla, že přijde.", "latin-1"), OPTIONS)
    assert fixed.startswith("Žena")


def test_step_fields() -> None:
    text = "Prvi red.\nGenocid je zlo?in iznad svih zlo?ina."
    fixed, steps = recover_text(text, OPTIONS)
    assert fixed.endswith("zločin iznad svih zločina.")
    step = steps[0]
    assert step.stage is Stage.RECOVER and step.action == "recover"
    assert step.line == 2
    assert text[step.start : step.end] == step.before == "zlo?in"
    assert step.after == "zločin"
    assert step.detail and 0.0 <= step.confidence <= 1.0


def test_threshold_option_is_honoured() -> None:
    text = qmark_damage("Der Bürgermeister hat gestern über die Straße gesprochen.", "ascii")
    strict = dataclasses.replace(OPTIONS, min_recovery_confidence=1.0)
    loose_fixed, loose_steps = recover_text(text, OPTIONS)
    strict_fixed, strict_steps = recover_text(text, strict)
    assert len(strict_steps) < len(loose_steps)
    assert all(s.confidence >= 1.0 for s in strict_steps)
    assert strict_fixed != loose_fixed


def test_language_hint_is_used() -> None:
    # "Kj?r" is Danish "Kjær" or Norwegian "Kjør"; the hint decides.
    text = "Preben Kj?r"
    danish = recover_text(text, dataclasses.replace(OPTIONS, languages=("da",)))[0]
    norwegian = recover_text(text, dataclasses.replace(OPTIONS, languages=("no",)))[0]
    assert (danish, norwegian) == ("Preben Kjær", "Preben Kjør")


NEVER_TOUCH = [
    "What?",
    "What? No way!",
    "¿Qué? ¡No lo sé!",
    "?!",
    "https://x.org/a?b=1",
    "a ? b : c",
    "???",
    "Why?Because",
    "int? x = null; // C? in code",
    "Q: Who wrote Hamlet? A: Shakespeare. Q: When? A: Around 1600.",
    "Is it true? Yes. Are you sure? Quite.",
    "Czy to już otyłość? Kiedy powinniśmy zacząć się martwić naszą wagą?",
    "Mitä kuuluu tänään? Hyvää, kiitos.",
    "Kdo to je? To je můj přítel.",
    "Wie geht's? Gut, danke. Und dir?",
    "SELECT * FROM t WHERE a = ? AND b = ?",
    "Ça va? Oui, très bien.",
]


@pytest.mark.parametrize("text", NEVER_TOUCH)
def test_real_question_marks_are_left_alone(text: str) -> None:
    assert recover_text(text, OPTIONS) == (text, [])


CLEAN = [
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Zażółć gęślą jaźń.",
    "Съешь же ещё этих мягких французских булок, да выпей чаю.",
    "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.",
    "The quick brown fox jumps over the lazy dog.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_unchanged(text: str) -> None:
    assert recover_text(text, OPTIONS) == (text, [])


def test_huge_inputs_finish() -> None:
    # Linear work: these must simply return (no timing asserted here; see benchmarks/).
    for text in ("?" * 1_000_000, "\ufffd" * 1_000_000, "a?" * 500_000, "na? " * 250_000):
        fixed, _ = recover_text(text, OPTIONS)
        assert len(fixed) >= len(text) // 2


def test_pipeline_runs_recovery() -> None:
    result = clean("Genocid je zlo?in iznad svih zlo?ina.", remove_boilerplate=False)
    assert result.text == "Genocid je zločin iznad svih zločina."
    assert any(s.stage is Stage.RECOVER for s in result.steps)


def test_helpers() -> None:
    assert ascii_fold("Øresund Straße") == "oresund strasse"
    assert lexicon_key("PREŞEDINTELE", "ro") == "președintele"
    assert "\u015f" not in charset_repertoire("cp1252")
    assert "\u0131" in language_letters("tr")
    assert coherent("Łódź") and not coherent("Łődź")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    fixed, steps = recover_text(text, OPTIONS)
    assert isinstance(fixed, str)
    assert all(s.before is not None for s in steps)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="?\ufffd"), max_size=200))
def test_text_without_damage_is_unchanged(text: str) -> None:
    assert recover_text(text, OPTIONS) == (text, [])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["What?", "is", "it", "Why?", "ok", "no", "?", "a", "yes.", "Hm?!"]),
        max_size=20,
    )
)
def test_questions_in_english_are_unchanged(words: list[str]) -> None:
    text = " ".join(words)
    assert recover_text(text, OPTIONS)[0] == text


def test_long_article_with_only_question_marks_at_word_edges_is_left_alone() -> None:
    article = (
        "Is this news? The editor asked whether the story was ready. " * 12
        + "Who proofread it? Nobody knew. Travel? Not this year."
    )
    assert recover_text(article, CleanOptions()) == (article, [])


def test_questions_ending_lines_before_lower_case_lines_do_not_open_the_gate() -> None:
    # Headlines ending in a question, each followed by a byline or a date in lower case:
    # a line break after the ``?`` says it ends the line, not a word that lost a letter.
    item = "Where did the campaign go wrong?\n\nupdated 10:57 AM, by the news desk\n\n"
    article = item * 12 + "The story goes on after the list of headlines."
    assert not _has_letter_damage(article)
    assert recover_text(article, OPTIONS) == (article, [])
    # Marks before lower-case words on the same line, in different lines, read as damage.
    joined = "".join(f"Where did campaign {k} go wrong? updated by desk {k}\n\n" for k in "ABCDEF")
    assert _has_letter_damage(joined)
    # A caption repeated under each picture is one question, however often it shows.
    caption = "Will the new sedan sell here? image\n\n"
    page = (caption + "The car was shown in Tokyo on Monday to a large crowd.\n\n") * 4
    assert not _has_letter_damage(page * 3)


def test_long_article_with_damage_inside_a_word_is_still_weighed() -> None:
    article = ("The minister met reporters after the meeting in the capital. " * 10) + (
        "Turkish Foreign Minister Mevlut Cavusoglu spoke first. Later Çavu?o?lu said more."
    )
    out, steps = recover_text(article, CleanOptions())
    assert "Çavuşoğlu said more" in out
    assert steps and steps[0].reason == "lossy_question_mark"


def test_word_with_more_holes_than_the_fillings_budget_is_looked_up_by_shape() -> None:
    # Five lost Turkish letters: too many fillings to try one by one in every language,
    # so the word is found among the lexicon words of the same shape.
    text = fffd_damage("Ekipler arama çalışmalarını yaptı.", "cp1254")
    assert text.count("\ufffd") == 6
    out, steps = recover_text(text, OPTIONS)
    assert out == "Ekipler arama çalışmalarını yaptı."
    assert {s.reason for s in steps} == {Reason.LOSSY_REPLACEMENT}


def test_trailing_question_mark_is_a_lost_letter_when_it_makes_a_far_commoner_word() -> None:
    text = qmark_damage("Non so ancora perché", "ascii")
    assert text == "Non so ancora perch?"
    assert recover_text(text, OPTIONS)[0] == "Non so ancora perché"


@pytest.mark.parametrize(
    "text", ["Ma dove sei? Non ti vedo.", "Che cosa fai?", "Where is Marco?", "Is it done?"]
)
def test_questions_ending_in_ordinary_words_keep_their_question_mark(text: str) -> None:
    assert recover_text(text, OPTIONS) == (text, [])


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("Anna Holm, Bj?rkstigen 4, 90325 Lule", "Anna Holm, Björkstigen 4, 90325 Lule"),
        ("Ich wohne in der Kirschbl?tenweg 4.", "Ich wohne in der Kirschblütenweg 4."),
    ],
)
def test_compound_no_lexicon_lists_is_read_as_known_parts(damaged: str, expected: str) -> None:
    out, steps = recover_text(damaged, OPTIONS)
    assert out == expected
    assert len(steps) == 1


def test_compound_reading_needs_every_part_known() -> None:
    # ``Kxrvägen`` has no known first part: no compound reading (a line of names may still
    # be spelled by its language's letter model, which is another rule).
    assert _compound_score("kxårvägen", ("sv",))[0] == 0.0
    assert _compound_score("kyrkvägen", ("sv",))[0] > 0.0


def test_question_mark_after_a_comma_is_a_lost_closing_quotation_mark() -> None:
    text = qmark_damage("„Přijdu zítra,“ řekl a odešel domů.", "iso8859_2")
    assert text == "?Přijdu zítra,? řekl a odešel domů."
    out, steps = recover_text(text, OPTIONS)
    assert out.endswith("zítra,“ řekl a odešel domů.")
    assert any(s.after == "\u201c" and s.detail == "quotation mark" for s in steps)


def test_lost_closing_marks_are_found_in_linear_time_on_many_lines() -> None:
    # A long text is weighed once a word shows lost letters inside it.
    text = "To je zlo?in.\n" + "Ano,? řekl.\n" * 20000
    out, steps = recover_text(text, OPTIONS)
    assert out.count("\u201c") == 20000
    assert steps[-1].line == 20001


def test_lost_apostrophes_become_typographic_ones() -> None:
    damaged = qmark_damage("We can’t stay, and they won’t wait, but it’s fine.", "latin-1")
    assert recover_text(damaged, OPTIONS)[0] == "We can’t stay, and they won’t wait, but it’s fine."


def test_elisions_are_read_part_by_part() -> None:
    original = "Elle m’a dit qu’il pleuvait, mais c’était une blague sans intérêt."
    assert recover_text(qmark_damage(original, "latin-1"), OPTIONS)[0] == original


def test_no_elision_before_a_consonant() -> None:
    original = "Le séjour était court, mais le séjour suivant fut plus long."
    assert recover_text(fffd_damage(original, "cp1252"), OPTIONS)[0] == original


def test_intact_words_tell_a_short_text_s_language() -> None:
    # ``kertek`` and ``ablakok`` are Hungarian words only: the lost letter is Hungarian.
    fixed = recover_text(fffd_damage("Kertek, ablakok: Szab\u00f3", "cp1250"), OPTIONS)[0]
    assert fixed == "Kertek, ablakok: Szabó"


def test_gate_is_cheap_on_questions_in_a_long_article() -> None:
    article = "Is it true? Nobody knows. " * 2000 + "What is next? See example.com/a?b=1"
    assert recover_text(article, OPTIONS) == (article, [])


def test_mid_sentence_question_mark_is_a_lost_letter() -> None:
    original = "La casa non ha porte né finestre, e il tetto è rotto."
    fixed = recover_text(qmark_damage(original, "ascii"), OPTIONS)[0]
    assert "né finestre" in fixed


def test_word_that_is_barely_commoner_is_not_read_as_a_quotation() -> None:
    # ``?to`` opens no quotation: ``to`` is barely commoner than ``što``.
    original = "Rekao je što je znao, a ona je rekla naš grad je lijep, što je istina."
    damaged = qmark_damage(original, "latin-1")
    fixed = recover_text(damaged, OPTIONS)[0]
    assert "\u201c" not in fixed and "\u201d" not in fixed


@pytest.mark.parametrize(
    "original",
    [
        "Sastanak je vodio gradonačelnik, a govorio je i Zdravko Mlinarević, koji je bio sretan.",
        "Na sastanku su bili Ana Kovačević i Marko Đurđevac, koji su sve pažljivo saslušali.",
    ],
)
def test_names_no_lexicon_lists_are_spelled_by_the_letter_model(original: str) -> None:
    # The surnames are in no lexicon: the language's letter n-grams choose their letters,
    # also for a ``?`` ending a word before a comma (no question mark stands there).
    assert recover_text(qmark_damage(original, "latin-1"), OPTIONS)[0] == original


def test_letter_model_settles_a_name_the_lexicon_hesitates_over() -> None:
    # ``Świerad`` is rare in the lexicon; its spelling is clearly Polish.
    original = "Na spotkaniu był pan Wojciech Świerad z żoną i córką, którzy przyjechali wcześniej."
    fixed = recover_text(qmark_damage(original, "latin-1"), OPTIONS)[0]
    assert "Świerad" in fixed


def test_lone_mark_between_spaces_in_damaged_text_is_a_lost_dash() -> None:
    original = "Zdrowie to podstawa – mówi lekarz, który bada związki między snem a otyłością."
    assert recover_text(qmark_damage(original, "latin-1"), OPTIONS)[0] == original
    english = "The result \u2014 we\u2019re told \u2014 wasn\u2019t what anyone expected."
    damaged = fffd_damage(english, "cp1252")
    assert recover_text(damaged, OPTIONS)[0] == english


def test_lone_mark_stays_when_nothing_else_was_lost() -> None:
    for text in ("if a ? b then c", "Is it 42 ? Yes it is."):
        assert recover_text(text, OPTIONS)[0] == text


def test_rare_word_with_many_holes_is_spelled_by_a_beam_over_the_letter_model() -> None:
    # ``sağlamlaştırıldı`` is in no lexicon and has too many fillings to try them all.
    original = "Polis ekipleri çalışmalarını bu bölgede sağlamlaştırıldı ve sonuç alındı."
    assert recover_text(fffd_damage(original, "cp1254"), OPTIONS)[0] == original


def test_lost_no_break_space_between_number_and_word() -> None:
    original = "Der Laden öffnet am 3\u00a0März um 9\u00a0Uhr, mit 20\u00a0% Rabatt für Kunden."
    fixed, steps = recover_text(fffd_damage(original, "cp1252"), OPTIONS)
    assert fixed == original
    assert any(s.detail == "no-break space" for s in steps)


def test_ternary_in_damaged_text_is_no_dash() -> None:
    text = "Na?a zemlja je lijepa, ?ivot je dobar. Kod: x = a ? b : c; i to je sve."
    assert "a ? b : c" in recover_text(text, OPTIONS)[0]


def test_lone_mark_after_a_number_is_no_dash() -> None:
    # After a number the lost sign is as likely a currency sign (latin-1 has no euro).
    original = "Le séjour coûte 20 € par nuit, à régler à l’hôtel."
    fixed = recover_text(qmark_damage(original, "latin-1"), OPTIONS)[0]
    assert "20 ? par" in fixed


def test_question_mark_opening_a_capitalised_word_is_a_lost_opening_mark() -> None:
    original = "\u201eJdeme domů,\u201c řekl Petr a odešel před čtvrtou hodinou."
    assert recover_text(qmark_damage(original, "iso8859_2"), OPTIONS)[0] == original
    for text in ("Why ?NASA here", "What? ?Maybe not", "x = ?Foo"):
        assert recover_text(text, OPTIONS)[0] == text


def test_hesitant_ending_follows_the_letters_the_text_lost_elsewhere() -> None:
    # ``kalb?`` alone could be ``kalbą`` or ``kalbų``; the text lost ``ų`` in word after word.
    text = "Šiame straipsnyje rašoma apie kelių kalbų istoriją: latvių, prūsų ir kitų baltų kalbų."
    damaged = qmark_damage(text, "cp1252")
    assert damaged.count("kalb?") == 2
    assert recover_text(damaged, OPTIONS)[0] == text


def test_other_alphabets_losing_one_mark_per_letter_are_left_to_script_recovery() -> None:
    # One U+FFFD per lost Cyrillic letter (a lossy mojibake repair): the Latin reader would
    # take the two marks of ``\ufffd\ufffd`` for one letter.
    text = "Москва сто\ufffdица, а в Мо\ufffd\ufffdве живут люди."
    out, steps = recover_text(text, OPTIONS)
    assert out == text
    assert steps == []


def test_intact_words_of_one_language_overrule_a_reading_in_another() -> None:
    # ``m?zika`` reads only as Latvian, but ``hogyan``, ``tudunk`` and ``csomagokat`` are
    # Hungarian: the text is Hungarian and its legacy charset never wrote ``ū``.
    text = fffd_damage("Hogyan tudunk múzika csomagokat telepíteni?", "cp1250")
    out = recover_text(text, OPTIONS)[0]
    assert "\u016b" not in out
    assert "telepíteni" in out


def test_one_surname_does_not_overrule_the_reading_of_a_first_name() -> None:
    for name in ("José Andersen", "René Hansen"):
        assert recover_text(qmark_damage(name, "ascii"), OPTIONS)[0] == name


def test_legacy_fffd_is_filled_only_with_letters_of_the_languages_charsets() -> None:
    # A Czech text in cp1250: a U+FFFD is never a letter cp1250 cannot write (``ů`` yes,
    # ``ū`` no), whatever another language's lexicon says.
    text = fffd_damage("Na dvoře stála stará kůlna a za ní zahrada.", "cp1250")
    out = recover_text(text, OPTIONS)[0]
    written = charset_repertoire("cp1250")
    assert all(c in written for c in out if not c.isascii() and c != "\ufffd")


def test_a_bare_word_intact_elsewhere_does_not_make_a_lost_letter_a_quotation_mark() -> None:
    # ``to`` is intact in the text, ``što`` never can be: the ``?`` is its lost letter.
    sentence = "Rekao je da to nije ono što je obećao, a to je naš problem."
    out = recover_text(qmark_damage(sentence, "latin-1"), OPTIONS)[0]
    assert out == sentence
    for other in (
        "Znam da to nije što sam htio, ali to je naš grad i mi ga volimo.",
        "Pitali su ga što misli o tome, a on je rekao da je to naš izbor.",
    ):
        assert not any(
            c in "\u201c\u201d\u201e"
            for c in recover_text(qmark_damage(other, "latin-1"), OPTIONS)[0]
        )


def test_spelling_of_an_unknown_word_follows_the_letters_the_text_lost_elsewhere() -> None:
    # The text lost ``ä`` again and again; ``j?rvist??n`` is spelled with it, not with
    # ``å``, which the Finnish letter model alone finds about as likely.
    sentence = (
        "Tämä kylä on tunnettu järvistään ja metsistään. Täällä käyvät kesäisin myös "
        "lahtelaisperheet ja hämeenlinnalaiskävijät, jotka ihailevat näkymiä ja "
        "rauhallista elämää."
    )
    assert recover_text(qmark_damage(sentence, "cp1251"), OPTIONS)[0] == sentence


def test_a_line_of_names_is_told_its_language_by_spelling() -> None:
    # No stop word and no lexicon word: ``-dóttir`` and ``-sson`` spell Icelandic, whose
    # ``þ`` and ``ð`` Latin-2 cannot write.
    for name in ("Anna Þorvaldsdóttir", "Sigríður Eiðsson"):
        damaged = qmark_damage(name, "iso8859_2")
        assert damaged != name
        assert recover_text(damaged, OPTIONS)[0] == name


def test_spelling_does_not_name_a_language_without_a_clear_lead() -> None:
    # Bare initials and numbers tell no spelling: the ``?`` stays.
    assert recover_text("A. B. C?, 12 D?", OPTIONS)[0] == "A. B. C?, 12 D?"


@pytest.mark.parametrize(
    ("sentence", "charset"),
    [
        ("Non so dov'è andato il gatto questa mattina.", "iso8859_2"),
        ("Nous avons marché jusqu'à la rivière sans rien dire.", "cp1250"),
    ],
)
def test_mark_after_an_elided_word_is_a_lost_one_letter_word(sentence: str, charset: str) -> None:
    damaged = qmark_damage(sentence, charset)
    assert "'? " in damaged
    assert recover_text(damaged, OPTIONS)[0] == sentence


def test_mark_after_a_quoted_word_stays_a_question_mark() -> None:
    for text in ("Elle a dit 'non'? vraiment pas.", "Did he say 'yes'? nobody knows."):
        assert recover_text(text, OPTIONS)[0] == text


def test_lost_marks_before_a_capitalised_word_are_not_its_letters() -> None:
    # ``«\xa0`` in cp1252 read as UTF-8: two U+FFFD before ``Il``, which are no letters of it.
    text = fffd_damage("«\u00a0Il est déjà là\u00a0», dit l'élève.", "cp1252")
    out = recover_text(text, OPTIONS)[0]
    assert out.startswith("\ufffd\ufffdIl est déjà")


def test_foreign_word_english_cannot_fill_is_spelled_in_the_language_its_spelling_names() -> None:
    # English has no letter for the holes; ``-sı`` endings spell Turkish.
    text = fffd_damage("The box set ships with English and Turkish altyazısı files.", "cp1254")
    assert recover_text(text, OPTIONS)[0].endswith("Turkish altyazısı files.")


@pytest.mark.parametrize(
    "original",
    [
        "Predstava u kazališnoj dvorani počinje u osam sati, a karte su već rasprodane.",
        "Svi su bili ogorčeniji nego prošle godine, kad je štrajk trajao tjedan dana.",
    ],
)
def test_word_the_lexicon_lacks_is_filled_by_its_stem_relatives(original: str) -> None:
    damaged = qmark_damage(original, "latin-1")
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    assert any(step.detail.endswith(" stem") for step in steps)


def test_stem_support_counts_the_relatives_of_the_filled_stem_only() -> None:
    assert stem_support("kazališni", 7, "hr") > stem_support("kazalični", 7, "hr") == 0.0
    assert stem_support("kazališni", 12, "hr") == 0.0


@pytest.mark.parametrize(
    ("original", "charset", "damage"),
    [
        ("The wind turned north\u2011west by the evening.", "latin-1", qmark_damage),
        ("Check the source\u2013target pairs before training.", "cp1252", fffd_damage),
    ],
)
def test_mark_between_two_words_of_a_language_without_lost_letters_is_a_lost_joiner(
    original: str, charset: str, damage: Callable[[str, str], str]
) -> None:
    damaged = damage(original, charset)
    assert damaged != original
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    assert [step.detail for step in steps] == ["dash"]


@pytest.mark.parametrize(
    "text", ["Why?because I said so.", "Is it?yes it is.", "Ist das die Stra?e?"]
)
def test_question_before_a_word_or_a_lost_letter_is_no_joiner(text: str) -> None:
    _fixed, steps = recover_text(text, OPTIONS)
    assert all(step.detail != "dash" for step in steps)


def test_lost_quotation_marks_around_words_that_lost_letters_of_their_own() -> None:
    original = "Yazar kitabında “görüşmeleri” ve “öğretmenliğimizi” ayrıntılı biçimde anlatıyor."
    damaged = qmark_damage(original, "latin-1")
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    assert sum(step.detail == "quotation mark" for step in steps) == 4


def test_french_guillemets_and_no_break_spaces_lost_in_legacy_bytes_come_back() -> None:
    original = "«\u00a0Vous venez ce soir\u00a0?\u00a0» demanda la présidente, très émue."
    damaged = fffd_damage(original, "cp1252")
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    assert sum(step.detail == "spaced punctuation" for step in steps) == 3


def test_two_lost_letters_ending_a_french_word_are_no_closing_guillemet() -> None:
    original = "Le projet a été agréé par le ministère."
    fixed, _steps = recover_text(fffd_damage(original, "cp1252"), OPTIONS)
    assert fixed == original


def test_compound_with_too_many_fillings_is_found_part_by_part() -> None:
    original = "Toplantı, köyün 'köşebaşı' denilen yerinde öğleden sonra yapıldı."
    fixed, _steps = recover_text(fffd_damage(original, "cp1254"), OPTIONS)
    assert fixed == original


def test_lost_ordinal_indicators_follow_the_gender_of_the_next_word() -> None:
    original = "Moramos no 3º andar, ao lado da 1ª Seção da polícia, perto da praça."
    damaged = fffd_damage(original, "cp1252")
    fixed, steps = recover_text(damaged, OPTIONS)
    assert fixed == original
    ordinals = [(step.before, step.after) for step in steps if step.detail == "ordinal indicator"]
    assert ordinals == [("\ufffd", "º"), ("\ufffd", "ª")]
    assert all(damaged[s.start : s.end] == s.before for s in steps if s.start is not None)


def test_lone_mark_after_a_number_in_english_is_no_foreign_one_letter_word() -> None:
    fixed, _steps = recover_text("Turn to page 42 \ufffd don\ufffdt skip the notes", OPTIONS)
    assert fixed == "Turn to page 42 \ufffd don\u2019t skip the notes"


def test_lone_replacement_after_a_letter_in_a_text_with_intact_letters_is_one_letter() -> None:
    # A chunk boundary leaves two U+FFFD or more; a lossy mojibake repair leaves one per
    # letter.
    original = "Wczoraj w Krakowie odbyła się konferencja naukowa poświęcona historii miasta."
    damaged = original.replace("ę", "\ufffd", 2)
    assert damaged.count("\ufffd") == 2
    fixed, _steps = recover_text(damaged, OPTIONS)
    assert fixed == original


def test_lone_replacement_in_a_lone_word_with_intact_letters_stays() -> None:
    text = "Zażółć gęś\ufffd"
    assert recover_text(text, OPTIONS)[0] == text


def test_accentless_copy_that_is_a_word_of_its_own_is_no_evidence() -> None:
    from collections import Counter

    from cleaner import recover

    doc = dataclasses.replace(
        recover._EMPTY_DOCUMENT,
        words=Counter(["kalba", "cavusoglu"]),
        folded=Counter(["kalba", "cavusoglu"]),
        languages={"LATIN": ("lt",)},
        confident=frozenset({"LATIN"}),
    )
    # ``kalba`` is a Lithuanian word: it says nothing for ``kalbą`` against ``kalbų``.
    assert recover._score("kalbą", ("lt",), doc, "LATIN")[0] == recover.word_zipf("kalbą", "lt")
    # ``Cavusoglu`` is no Turkish word: an accent-less copy of ``Çavuşoğlu``.
    with_copy = recover._score("çavuşoğlu", ("tr",), doc, "LATIN")[0]
    assert with_copy > recover._score("çavuşoğlu", ("tr",), recover._EMPTY_DOCUMENT, "LATIN")[0]


def test_cyrillic_word_with_a_lost_first_letter_gets_its_capital_from_the_line() -> None:
    text = "Олена Іванівна Бойко, вулиця Європейська, 12, Ізюм"
    damaged = qmark_damage(text, "koi8-r")
    assert damaged.count("?") == 4
    assert clean(damaged).text == text


def test_ukrainian_apostrophe_is_a_letter_a_question_mark_may_stand_for() -> None:
    text = "Вчора Мар\u02bcяна купила хліб і молоко на ринку."
    assert lexicon_key("мар\u02bcяна", "uk") == "мар'яна"
    assert clean(qmark_damage(text, "koi8-r")).text == text


def test_letters_of_a_language_a_text_shows_only_as_loanword_letters_are_not_written() -> None:
    # An Azerbaijani address (no lexicon): ``ü`` and ``ç`` intact, every ``ə`` lost.
    damaged = "Nur?ddin ?liyev, Qusar ??h?ri, N.MÜSLÜMOV küç?si, b. 7, m. 2"
    text = recover_text(damaged, OPTIONS)[0]
    assert not set(text) & set("\u0153\u0152\u00e0\u00e2\u00e8")


def test_french_prose_quoting_a_name_with_a_stray_letter_keeps_its_language() -> None:
    text = (
        "Le professeur Müller a présenté ses travaux devant un public très nombreux, "
        "et la salle était pleine."
    )
    damaged = qmark_damage(text, "cp1250")
    assert "Müller" in damaged and "tr?s" in damaged
    assert clean(damaged).text == text


def test_arabic_script_words_with_question_marks_are_left_to_script_recovery() -> None:
    # Persian through ISO 8859-6 (``چ``, ``ی`` and the non-joiner lost): a hole where a
    # word's last letter may be lost or a question mark is better than a half-read word.
    damaged = "او هر شب ?ا? م??خورد و کتاب م??خواند."
    assert recover_text(damaged, OPTIONS) == (damaged, [])
    # Script recovery still reads a word whose letters are clear.
    assert clean("ا?ن کتاب را م??خوانم").text.startswith("این کتاب")


def test_question_marks_around_an_arabic_word_are_not_quotation_marks() -> None:
    damaged = "او گفت ?نه? و رفت"
    text = recover_text(damaged, OPTIONS)[0]
    assert "\u201c" not in text and "\u201d" not in text


def test_token_with_no_intact_letter_is_not_read_in_another_script() -> None:
    # Any Arabic letter fits a lost two-byte character with nothing kept around it.
    damaged = "امروز \ufffd\ufffd به بازار رفتم و نان خریدم"
    assert recover_text(damaged, OPTIONS) == (damaged, [])


def test_intact_copies_of_a_short_word_of_another_script_are_no_evidence() -> None:
    # ``на`` is intact twice, but the lost word is ``да``: a two-letter word is everywhere.
    damaged = "Тя иска \ufffd\ufffdа купи хляб от магазина на ъгъла и мляко от па\ufffd\ufffdара."
    text = recover_text(damaged, OPTIONS)[0]
    assert "иска на купи" not in text
    assert "пазара" in text


def test_text_with_intact_ascii_quotation_marks_lost_no_quotation_marks() -> None:
    # The quotations are written with ASCII marks, which survive: the ``?`` opening
    # ``?o??dkowo`` and the one ending ``oty?o?ci?`` are lost letters, not a pair of marks.
    original = 'Badanie "Sen" łączy kłopoty żołądkowo-jelitowe z otyłością w wieku szkolnym.'
    fixed, steps = recover_text(qmark_damage(original, "ascii"), OPTIONS)
    assert all(step.detail != "quotation mark" for step in steps)
    assert "\u201e" not in fixed and "\u201d" not in fixed
    assert "żołądkowo-jelitowe" in fixed
