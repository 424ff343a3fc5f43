"""The bytes -> str door: BOMs, declared charsets, UTF-16/32, legacy charsets, mixed lines."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import UndecodableInput, detect_encoding
from cleaner.charsets import NON_TEXT_CODECS
from cleaner.detect import canonical_charset, plausibility, rank_charsets
from cleaner.trace import Reason, Stage


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------
# Byte order marks

BOM_CASES = [
    ("utf-8-sig", "Zürich liegt am See."),
    ("utf-16", "Zürich liegt am See."),
    ("utf-16-le", "Zürich liegt am See."),
    ("utf-16-be", "Zürich liegt am See."),
    ("utf-32", "Москва — столица."),
    ("utf-32-le", "Москва — столица."),
    ("utf-32-be", "東京は日本の首都です。"),
]


@pytest.mark.parametrize(("codec", "text"), BOM_CASES)
def test_bom_is_used_and_stripped(codec: str, text: str) -> None:
    data = text.encode(codec)
    if not codec.endswith("sig") and codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        data = "\ufeff".encode(codec) + data
    decoded = detect_encoding(data)
    assert decoded.text == text
    assert decoded.steps[-1].reason == Reason.BOM
    assert decoded.decoding.confidence == 1.0
    assert not decoded.text.startswith("\ufeff")


def test_bom_beats_a_declared_charset() -> None:
    decoded = detect_encoding(b"\xef\xbb\xbfcaf\xc3\xa9", declared_encoding="latin-1")
    assert decoded.text == "café"
    assert decoded.decoding.declared == "iso8859-1"
    assert decoded.decoding.declared_used is False


# ---------------------------------------------------------------------------------------
# UTF-16/32 without a byte order mark

NO_BOM_CASES = [
    ("utf-16-le", "Das Wetter in Hamburg ist heute wieder regnerisch und kühl."),
    ("utf-16-be", "Das Wetter in Hamburg ist heute wieder regnerisch und kühl."),
    ("utf-16-le", "Погода в Новосибирске сегодня солнечная и морозная."),
    ("utf-16-be", "Η θάλασσα ήταν ήρεμη όλη την ημέρα."),
    ("utf-32-le", "Weather report: light rain, then sun."),
    ("utf-32-be", "Weather report: light rain, then sun."),
    ("utf-16-le", "今天的天气很好，我们一起去公园散步吧。"),
    ("utf-16-be", "วันนี้อากาศดีมาก เราไปเดินเล่นที่สวนกัน"),
]


@pytest.mark.parametrize(("codec", "text"), NO_BOM_CASES)
def test_utf16_32_without_bom(codec: str, text: str) -> None:
    decoded = detect_encoding(text.encode(codec))
    assert decoded.text == text
    assert decoded.decoding.encoding == codec


# ---------------------------------------------------------------------------------------
# UTF-8, ISO-2022, empty input


def test_clean_utf8_comes_back_unchanged() -> None:
    text = "Smörgåsbord, crème brûlée, Ελληνικά, 日本語, emoji 🙂\n\tand tabs"
    decoded = detect_encoding(text.encode())
    assert decoded.text == text
    assert decoded.decoding.encoding == "utf-8"
    assert decoded.decoding.confidence == 1.0
    assert decoded.steps[-1].reason == Reason.DETECTED
    assert decoded.steps[-1].stage == Stage.DECODE


def test_empty_bytes() -> None:
    decoded = detect_encoding(b"")
    assert decoded.text == ""
    assert decoded.decoding.encoding == "utf-8"


def test_utf8_cut_in_the_last_character_stays_utf8() -> None:
    data = "Größe: 5 €".encode()[:-1]
    decoded = detect_encoding(data)
    assert decoded.decoding.encoding == "utf-8"
    assert decoded.text.startswith("Größe: 5 ")


def test_legacy_text_ending_in_a_lead_like_byte_is_not_cut_utf8() -> None:
    text = "Nous avons bu un café"
    decoded = detect_encoding(text.encode("cp1252"))  # ends in 0xE9, a UTF-8 lead byte
    assert decoded.text == text
    assert decoded.decoding.encoding == "cp1252"


def test_iso2022_jp_is_not_taken_for_ascii() -> None:
    text = "来週の会議は水曜日に変更になりました。"
    decoded = detect_encoding(text.encode("iso2022_jp"))
    assert decoded.text == text
    assert decoded.decoding.encoding == "iso2022_jp"


def test_ansi_escape_codes_stay_utf8() -> None:
    data = b"\x1b[31mred\x1b[0m text"
    assert detect_encoding(data).text == data.decode()


# ---------------------------------------------------------------------------------------
# Legacy charsets, short texts in several languages and scripts

LEGACY_CASES = [
    ("cp1252", "café crème"),
    ("cp1252", "Le garçon a mangé une pêche à Noël."),
    ("cp1252", "Die Brücke über den Fluß wurde gesperrt."),
    ("cp1252", "Anna Weber, Lindenstraße 4, Hamburg"),  # only ß: looked up case-folded
    ("cp1252", "El niño pidió más información sobre el año."),
    ("cp1252", "Hann sagði að veðrið væri gott í dag."),
    ("cp1252", "Don’t say “never” — it’s a long time."),
    ("iso8859-2", "Zażółć gęślą jaźń, powiedział spokojnie."),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    ("cp1250", "Az árvíztűrő tükörfúrógép működik."),
    ("cp1251", "привет"),
    ("cp1251", "Вчера вечером в городе шёл сильный дождь."),
    ("koi8-r", "Вчера вечером в городе шёл сильный дождь."),
    ("cp866", "Вчера вечером в городе шёл сильный дождь."),
    ("cp1251", "Учора ввечері в Києві йшов сильний дощ."),
    ("cp1253", "Χθες το βράδυ έβρεχε πολύ στην πόλη."),
    ("iso8859-7", "Χθες το βράδυ έβρεχε πολύ στην πόλη."),
    ("cp1254", "Dün akşam şehirde çok yağmur yağdı."),
    ("cp1257", "Vakar mieste smarkiai lijo, gatvės buvo šlapios."),
    ("cp1255", "אתמול בערב ירד גשם חזק בעיר."),
    ("cp1256", "هطلت أمطار غزيرة في المدينة مساء أمس."),
    ("tis-620", "เมื่อคืนฝนตกหนักมากในเมือง"),
    ("shift_jis", "昨日の夜、町では強い雨が降りました。"),
    ("euc_jp", "昨日の夜、町では強い雨が降りました。"),
    ("gbk", "昨天晚上城里下了很大的雨。"),
    ("big5", "昨天晚上城裡下了很大的雨。"),
    ("euc_kr", "어제 저녁에 도시에 비가 많이 내렸습니다."),
    ("johab", "어제 저녁에 도시에 비가 많이 내렸습니다."),
    ("mac-turkish", "Dün akşam şehirde çok yağmur yağdı."),
    ("mac-iceland", "Hann sagði að veðrið væri gott."),
    ("cp850", "Die Förderung der Schüler ist wichtig."),
    ("cp037", "The mainframe printed the monthly report again."),
    ("cp273", "Der Bürgermeister hat die Straße gesperrt."),
    ("kz1048", "Мен заңгермен сөйлескім келеді, қалада жаңбыр жауды."),
]


@pytest.mark.parametrize(("codec", "text"), LEGACY_CASES)
def test_short_legacy_texts(codec: str, text: str) -> None:
    decoded = detect_encoding(text.encode(codec))
    assert nfc(decoded.text) == nfc(text)
    assert decoded.steps[-1].reason == Reason.DETECTED
    assert decoded.decoding.declared_used is False
    assert 0.0 < decoded.decoding.confidence <= 1.0
    # the reported charset decodes the bytes to the reported text
    assert text.encode(codec).decode(decoded.decoding.encoding) == decoded.text


@pytest.mark.parametrize(
    ("codec", "text", "language"),
    [
        ("cp1252", "Die Brücke über den Fluß wurde gesperrt.", "de"),
        ("cp1251", "Вчера вечером в городе шёл сильный дождь.", "ru"),
        ("cp1257", "Vakar mieste smarkiai lijo, gatvės buvo šlapios.", "lt"),
        ("cp1253", "Χθες το βράδυ έβρεχε πολύ στην πόλη.", "el"),
        ("shift_jis", "昨日の夜、町では強い雨が降りました。", "ja"),
    ],
)
def test_language_is_reported(codec: str, text: str, language: str) -> None:
    assert detect_encoding(text.encode(codec)).decoding.language == language


def test_wrong_charset_decodings_score_lower() -> None:
    right = "Lietuvių kalba yra baltų kalba."
    wrong = right.encode("cp1257").decode("cp1250")
    assert plausibility(right)[0] > plausibility(wrong)[0]


def test_candidates_are_ranked_and_distinct() -> None:
    data = "Le garçon a mangé une pêche à Noël.".encode("cp1252")
    ranked = rank_charsets(data)
    assert ranked[0].encoding == "cp1252"
    texts = [data.decode(r.encoding) for r in ranked]
    assert len(texts) == len(set(texts))  # equivalent decodings are merged
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    # iso8859-1 reads these bytes the same way: an equivalent of the common name
    assert "iso8859-1" in ranked[0].equivalents


def test_decoding_report_is_complete() -> None:
    decoded = detect_encoding("Вчера вечером шёл дождь.".encode("koi8-r"))
    report = decoded.decoding.to_dict()
    assert report["encoding"] == "koi8-r"
    assert report["candidates"][0]["encoding"] == "koi8-r"
    assert all(0.0 <= c["score"] <= 1.0 for c in report["candidates"])
    assert report["language"] == "ru"
    assert report["declared"] is None


# ---------------------------------------------------------------------------------------
# Declared charsets


def test_declared_charset_is_honoured() -> None:
    data = "Grüße".encode("cp1252")
    decoded = detect_encoding(data, declared_encoding="Windows-1252")
    assert decoded.text == "Grüße"
    assert decoded.decoding.declared == "cp1252"
    assert decoded.decoding.declared_used is True
    assert decoded.steps[-1].reason == Reason.DECLARED


def test_declared_latin1_is_read_as_windows_1252() -> None:
    data = "It’s “quoted” — really.".encode("cp1252")
    decoded = detect_encoding(data, declared_encoding="ISO-8859-1")
    assert decoded.text == "It’s “quoted” — really."
    assert decoded.decoding.encoding == "cp1252"
    assert decoded.decoding.declared == "iso8859-1"
    assert decoded.decoding.declared_used is True
    # a byte windows-1252 leaves undefined keeps the plain Latin-1 reading
    assert detect_encoding(b"a\x81b", declared_encoding="latin-1").text == "a\x81b"


def test_declared_charset_wins_over_detection() -> None:
    # cp1251 bytes declared as koi8-r: honoured, because they decode
    data = "привет".encode("cp1251")
    decoded = detect_encoding(data, declared_encoding="koi8-r")
    assert decoded.decoding.encoding == "koi8-r"
    assert decoded.text == data.decode("koi8-r")


def test_web_charset_labels_are_known() -> None:
    assert canonical_charset("x-mac-cyrillic") == "mac-cyrillic"
    assert canonical_charset(" UTF8 ") == "utf-8"


@pytest.mark.parametrize(
    "name",
    [
        "rot13",
        "rot_13",
        "base64",
        "zlib",
        "hex",
        "idna",
        "punycode",
        "uu",
        "bz2",
        "quopri",
        "quoted-printable",
        "unicode_escape",
        "raw_unicode_escape",
        "undefined",
    ],
)
def test_non_text_codecs_are_refused(name: str) -> None:
    assert codecs.lookup(name).name in NON_TEXT_CODECS
    with pytest.raises(UndecodableInput, match="not a text encoding"):
        detect_encoding(b"hello", declared_encoding=name)


def test_unknown_charset_is_refused() -> None:
    with pytest.raises(UndecodableInput, match="unknown charset"):
        detect_encoding(b"hello", declared_encoding="no-such-charset")


def test_wrong_real_charset_falls_back_to_detection() -> None:
    data = "Le garçon a mangé une pêche.".encode("cp1252")
    decoded = detect_encoding(data, declared_encoding="utf-8")
    assert decoded.text == "Le garçon a mangé une pêche."
    assert decoded.decoding.declared == "utf-8"
    assert decoded.decoding.declared_used is False
    rejected = [s for s in decoded.steps if s.action == "reject_declared"]
    assert len(rejected) == 1
    assert rejected[0].reason == Reason.DECLARED
    assert rejected[0].detail == "utf-8"
    assert decoded.steps[-1].reason == Reason.DETECTED


# ---------------------------------------------------------------------------------------
# Files mixing UTF-8 and legacy lines


@pytest.mark.parametrize(
    ("legacy", "line"),
    [
        ("cp1251", "Сегодня в Москве прошёл большой концерт."),
        ("cp1252", "Le concert a eu lieu à la salle Pleyel, très réussi."),
        ("gbk", "今天在北京举行了一场大型音乐会。"),
    ],
)
def test_mixed_utf8_and_legacy_lines(legacy: str, line: str) -> None:
    lines = [line, "Ünïcödé line in UTF-8: naïve café", line, "plain ascii", "Ελληνικά σε UTF-8"]
    encodings = [legacy, "utf-8", legacy, "ascii", "utf-8"]
    data = b"\n".join(text.encode(enc) for text, enc in zip(lines, encodings, strict=True))
    decoded = detect_encoding(data)
    assert decoded.text == "\n".join(lines)
    assert decoded.steps[-1].reason == Reason.MIXED_LINES
    label = decoded.decoding.encoding
    assert label.startswith("utf-8+")
    assert line.encode(legacy).decode(label.removeprefix("utf-8+")) == line


# ---------------------------------------------------------------------------------------
# Any byte string gets a result


def test_noise_gets_a_best_effort_result() -> None:
    data = bytes(range(128, 256)) * 4
    decoded = detect_encoding(data)
    assert isinstance(decoded.text, str)
    assert decoded.steps[-1].reason == Reason.BEST_EFFORT
    assert decoded.decoding.confidence < 0.5


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data: bytes) -> None:
    decoded = detect_encoding(data)
    assert isinstance(decoded.text, str)
    assert 0.0 <= decoded.decoding.confidence <= 1.0
    assert decoded.steps and decoded.steps[-1].stage == Stage.DECODE
    assert decoded.decoding.to_dict()["encoding"]


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_any_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates are not UTF-8
    if text.startswith("\ufeff") or "\x00" in text or "\x1b" in text:
        return  # a mark, NULs (UTF-16 patterns) and ESC (ISO-2022) are tested apart
    assert detect_encoding(data).text == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Žmonės kalba lietuviškai ir gyvena Lietuvoje.", "lt"),
        ("Die Straße war gesperrt.", "de"),
        ("Ελληνικά κείμενα", "el"),
        ("plain ASCII text", None),
        ("café", None),  # é belongs to many alphabets
    ],
)
def test_utf8_language_comes_from_distinctive_letters(text: str, language: str | None) -> None:
    assert detect_encoding(text.encode()).decoding.language == language
