"""Data tables for decoding bytes: candidate charsets, alphabets, scripts, codecs to refuse.

Tables only; the logic that reads them lives in :mod:`cleaner.detect`. Non-ASCII letters are
written as ``\\uXXXX`` escapes (several alphabets hold look-alikes of Latin letters); the
comment beside each alphabet shows it in clear.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Byte order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
# The codec named here strips nothing, the mark is cut before decoding.

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# ---------------------------------------------------------------------------------------
# Codecs that Python's codec registry knows but that do not turn bytes of a document into
# text: bytes-to-bytes transforms (base64, zlib, ...), str-to-str ciphers (rot13), domain
# name encodings (idna, punycode) and Python-literal escapes. A declared charset naming one
# of these is refused. Names are the canonical ``codecs.lookup(name).name``.

NON_TEXT_CODECS: frozenset[str] = frozenset(
    {
        "base64",
        "bz2",
        "hex",
        "idna",
        "punycode",
        "quopri",
        "raw-unicode-escape",
        "rot-13",
        "undefined",
        "unicode-escape",
        "uu",
        "zlib",
    }
)

# Charset labels used on the web (WHATWG Encoding Standard, HTTP headers, <meta charset>)
# that Python's codec registry does not know, mapped to the Python codec they mean.

WEB_CHARSET_ALIASES: dict[str, str] = {
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac_cyrillic",
    "x-mac-ukrainian": "mac_cyrillic",
    "x-mac-roman": "mac_roman",
    "x-mac-ce": "mac_latin2",
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "x-euc-jp": "euc_jp",
    "iso-8859-8-i": "iso8859_8",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-gbk": "gbk",
    "gb_2312-80": "gb2312",
    "koi8-ru": "koi8_u",
    "dos-862": "cp862",
    "dos-874": "cp874",
    "x-x-big5": "big5",
}

# Declared labels that web content means as a superset (WHATWG Encoding Standard: a page
# labelled ISO-8859-1 is decoded as windows-1252). The superset reads every byte the label
# defines the same way, and the C1 range as the punctuation the author typed.

DECLARED_SUPERSETS: dict[str, str] = {
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    "gb2312": "gbk",
    "euc_kr": "cp949",
}

# ---------------------------------------------------------------------------------------
# Legacy charsets tried on bytes that are not UTF-8, most common first. The order is also
# the preference among candidates that decode the bytes to the same text ("prefer the
# common name"): windows-125x before the ISO-8859 part they extend, the national standard
# before vendor supersets. Grouped by the scripts they serve.

LEGACY_CHARSETS: tuple[str, ...] = (
    # Western European
    "cp1252",
    "iso8859-1",
    "iso8859-15",
    # Central European
    "cp1250",
    "iso8859-2",
    # Cyrillic
    "cp1251",
    "koi8-r",
    "koi8-u",
    "iso8859-5",
    "cp866",
    "mac-cyrillic",
    "kz1048",
    "ptcp154",
    "cp855",
    # Greek
    "cp1253",
    "iso8859-7",
    "cp869",
    "cp737",
    # Turkish
    "cp1254",
    "iso8859-9",
    "cp857",
    # Baltic
    "cp1257",
    "iso8859-13",
    "iso8859-4",
    "cp775",
    # Hebrew, Arabic
    "cp1255",
    "iso8859-8",
    "cp862",
    "cp1256",
    "iso8859-6",
    # Thai, Vietnamese
    "tis-620",
    "cp874",
    "cp1258",
    # Japanese
    "shift_jis",
    "cp932",
    "euc_jp",
    # Chinese
    "gb2312",
    "gbk",
    "gb18030",
    "big5",
    "cp950",
    "big5hkscs",
    # Korean
    "euc_kr",
    "cp949",
    "johab",
    # Romanian, Nordic, Esperanto/Maltese
    "iso8859-16",
    "iso8859-10",
    "iso8859-3",
    # Mac and DOS code pages
    "mac-roman",
    "mac-latin2",
    "mac-iceland",
    "mac-turkish",
    "mac-croatian",
    "mac-romanian",
    "mac-greek",
    "cp850",
    "cp437",
    "cp852",
    "cp858",
    "cp860",
    "cp861",
    "cp863",
    "cp865",
    "cp1125",
    "cp720",
    # EBCDIC
    "cp037",
    "cp500",
    "cp1140",
    "cp273",
    "cp1026",
    "cp875",
)

# Charsets never guessed (they stay usable when declared): Unicode forms, which have their
# own tests, and variants that remap ASCII bytes (Shift_JIS-2004 reads "\\" as a yen sign
# and "~" as an overline), which would change plain ASCII text.

NEVER_GUESSED: frozenset[str] = frozenset(
    {
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "utf-7",
        "shift_jis_2004",
        "shift_jisx0213",
    }
)

# UTF-16 without a byte order mark, tried when its NUL pattern does not show (CJK, Thai).
UTF16_FORMS: tuple[str, ...] = ("utf-16-le", "utf-16-be")

# Stateful 7-bit charsets: their bytes are plain ASCII with ESC sequences, so they pass a
# strict UTF-8 decode and are only tried when an ESC byte is present.

ESCAPE_CHARSETS: tuple[str, ...] = (
    "iso2022_jp",
    "iso2022_jp_2",
    "iso2022_jp_ext",
    "iso2022_kr",
)

# EBCDIC code pages move letters out of the ASCII range; they are only worth trying when
# the EBCDIC space (0x40) is among the frequent bytes.

EBCDIC_CHARSETS: frozenset[str] = frozenset(
    {"cp037", "cp500", "cp1140", "cp273", "cp875", "cp1026"}
)
EBCDIC_SPACE = 0x40
# National EBCDIC variants put letters where others put ASCII symbols (German "\u00fc" is
# "}" in cp037): inside a word these symbols mean a wrong variant.
ASCII_SYMBOLS_NOT_IN_WORDS = "{}[]|~^\\`"

# ---------------------------------------------------------------------------------------
# Scripts. A letter's script is the first word of its Unicode name ("LATIN SMALL LETTER A"
# -> LATIN); these names are folded into one group because they share words in real text
# (Japanese mixes kanji and kana in one word). Hangul stays apart: Korean writes hanja
# as words of their own, never inside a hangul word.

SCRIPT_GROUPS: dict[str, str] = {
    "CJK": "CJK",
    "HIRAGANA": "CJK",
    "KATAKANA": "CJK",
    "KATAKANA-HIRAGANA": "CJK",
    "HALFWIDTH": "CJK",
    "HANGUL": "HANGUL",
    "BOPOMOFO": "CJK",
    "IDEOGRAPHIC": "CJK",
    "FULLWIDTH": "CJK",
}

# Languages tried for each script (wordfreq codes where wordfreq has a list). Languages
# without a wordfreq list still count through their alphabet.

SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "LATIN": (
        "en",
        "fr",
        "de",
        "es",
        "pt",
        "it",
        "ca",
        "nl",
        "da",
        "nb",
        "sv",
        "fi",
        "et",
        "is",
        "pl",
        "cs",
        "sk",
        "sl",
        "sh",
        "hu",
        "ro",
        "tr",
        "az",
        "lt",
        "lv",
        "sq",
        "vi",
        "id",
    ),
    "CYRILLIC": ("ru", "uk", "be", "bg", "mk", "sr", "kk"),
    "GREEK": ("el",),
    "HEBREW": ("he",),
    "ARABIC": ("ar", "fa", "ur"),
    "THAI": ("th",),
    "CJK": ("zh", "ja"),
    "HANGUL": ("ko",),
    "ARMENIAN": ("hy",),
    "GEORGIAN": ("ka",),
    "DEVANAGARI": ("hi",),
}

# The non-ASCII lower-case letters of each language's alphabet (Latin- and Cyrillic-script
# languages; Greek). A decoding whose letters fall outside every alphabet of its script is
# suspect (Lithuanian read as cp1250 gives "lietuvi\u0159"). Languages absent here are
# judged by their script alone.

ALPHABETS: dict[str, str] = {
    "en": "",
    "id": "",
    # à â æ ç é è ê ë î ï ô œ ù û ü ÿ
    "fr": "\u00e0\u00e2\u00e6\u00e7\u00e9\u00e8\u00ea\u00eb\u00ee\u00ef\u00f4\u0153\u00f9"
    "\u00fb\u00fc\u00ff",
    # ä ö ü ß
    "de": "\u00e4\u00f6\u00fc\u00df",
    # á é í ñ ó ú ü
    "es": "\u00e1\u00e9\u00ed\u00f1\u00f3\u00fa\u00fc",
    # à á â ã ç é ê í ó ô õ ú
    "pt": "\u00e0\u00e1\u00e2\u00e3\u00e7\u00e9\u00ea\u00ed\u00f3\u00f4\u00f5\u00fa",
    # à è é ì í î ò ó ù ú
    "it": "\u00e0\u00e8\u00e9\u00ec\u00ed\u00ee\u00f2\u00f3\u00f9\u00fa",
    # à ç è é í ï ò ó ú ü
    "ca": "\u00e0\u00e7\u00e8\u00e9\u00ed\u00ef\u00f2\u00f3\u00fa\u00fc",
    # á à é è ë ï ó ö ü
    "nl": "\u00e1\u00e0\u00e9\u00e8\u00eb\u00ef\u00f3\u00f6\u00fc",
    # æ ø å é
    "da": "\u00e6\u00f8\u00e5\u00e9",
    # æ ø å é è ê ó ò ô
    "nb": "\u00e6\u00f8\u00e5\u00e9\u00e8\u00ea\u00f3\u00f2\u00f4",
    # å ä ö é
    "sv": "\u00e5\u00e4\u00f6\u00e9",
    # ä ö å š ž
    "fi": "\u00e4\u00f6\u00e5\u0161\u017e",
    # ä ö õ ü š ž
    "et": "\u00e4\u00f6\u00f5\u00fc\u0161\u017e",
    # á ð é í ó ú ý þ æ ö
    "is": "\u00e1\u00f0\u00e9\u00ed\u00f3\u00fa\u00fd\u00fe\u00e6\u00f6",
    # ą ć ę ł ń ó ś ź ż
    "pl": "\u0105\u0107\u0119\u0142\u0144\u00f3\u015b\u017a\u017c",
    # á č ď é ě í ň ó ř š ť ú ů ý ž
    "cs": "\u00e1\u010d\u010f\u00e9\u011b\u00ed\u0148\u00f3\u0159\u0161\u0165\u00fa\u016f"
    "\u00fd\u017e",
    # á ä č ď é í ĺ ľ ň ó ô ŕ š ť ú ý ž
    "sk": "\u00e1\u00e4\u010d\u010f\u00e9\u00ed\u013a\u013e\u0148\u00f3\u00f4\u0155\u0161"
    "\u0165\u00fa\u00fd\u017e",
    # č š ž ć đ
    "sl": "\u010d\u0161\u017e\u0107\u0111",
    # č ć đ š ž  (Serbo-Croatian in Latin letters)
    "sh": "\u010d\u0107\u0111\u0161\u017e",
    # á é í ó ö ő ú ü ű
    "hu": "\u00e1\u00e9\u00ed\u00f3\u00f6\u0151\u00fa\u00fc\u0171",
    # ă â î ș ț ş ţ  (comma-below letters and their cedilla stand-ins of the legacy charsets)
    "ro": "\u0103\u00e2\u00ee\u0219\u021b\u015f\u0163",
    # ç ğ ı ö ş ü â î û
    "tr": "\u00e7\u011f\u0131\u00f6\u015f\u00fc\u00e2\u00ee\u00fb",
    # ç ə ğ ı ö ş ü
    "az": "\u00e7\u0259\u011f\u0131\u00f6\u015f\u00fc",
    # ą č ę ė į š ų ū ž
    "lt": "\u0105\u010d\u0119\u0117\u012f\u0161\u0173\u016b\u017e",
    # ā č ē ģ ī ķ ļ ņ š ū ž
    "lv": "\u0101\u010d\u0113\u0123\u012b\u0137\u013c\u0146\u0161\u016b\u017e",
    # ç ë
    "sq": "\u00e7\u00eb",
    # à á â ã è é ê ì í ò ó ô õ ù ú ý ă đ ĩ ũ ơ ư and the letters with a tone mark below/hook
    "vi": "\u00e0\u00e1\u00e2\u00e3\u00e8\u00e9\u00ea\u00ec\u00ed\u00f2\u00f3\u00f4\u00f5"
    "\u00f9\u00fa\u00fd\u0103\u0111\u0129\u0169\u01a1\u01b0\u1ea1\u1ea3\u1ea5\u1ea7\u1ea9"
    "\u1eab\u1ead\u1eaf\u1eb1\u1eb3\u1eb5\u1eb7\u1eb9\u1ebb\u1ebd\u1ebf\u1ec1\u1ec3\u1ec5"
    "\u1ec7\u1ec9\u1ecb\u1ecd\u1ecf\u1ed1\u1ed3\u1ed5\u1ed7\u1ed9\u1edb\u1edd\u1edf\u1ee1"
    "\u1ee3\u1ee5\u1ee7\u1ee9\u1eeb\u1eed\u1eef\u1ef1\u1ef3\u1ef5\u1ef7\u1ef9",
    # а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я
    "ru": "\u0430\u0431\u0432\u0433\u0434\u0435\u0451\u0436\u0437\u0438\u0439\u043a\u043b"
    "\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449"
    "\u044a\u044b\u044c\u044d\u044e\u044f",
    # а б в г ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я ʼ
    "uk": "\u0430\u0431\u0432\u0433\u0491\u0434\u0435\u0454\u0436\u0437\u0438\u0456\u0457"
    "\u0439\u043a\u043b\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446"
    "\u0447\u0448\u0449\u044c\u044e\u044f\u02bc",
    # а б в г д е ё ж з й і к л м н о п р с т у ў ф х ц ч ш ы ь э ю я
    "be": "\u0430\u0431\u0432\u0433\u0434\u0435\u0451\u0436\u0437\u0439\u0456\u043a\u043b"
    "\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u045e\u0444\u0445\u0446\u0447\u0448"
    "\u044b\u044c\u044d\u044e\u044f",
    # а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ь ю я ѝ
    "bg": "\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b\u043c"
    "\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044a"
    "\u044c\u044e\u044f\u045d",
    # а б в г д ѓ е ж з ѕ и ј к л љ м н њ о п р с т ќ у ф х ц ч џ ш
    "mk": "\u0430\u0431\u0432\u0433\u0434\u0453\u0435\u0436\u0437\u0455\u0438\u0458\u043a"
    "\u043b\u0459\u043c\u043d\u045a\u043e\u043f\u0440\u0441\u0442\u045c\u0443\u0444\u0445"
    "\u0446\u0447\u045f\u0448",
    # а б в г д ђ е ж з и ј к л љ м н њ о п р с т ћ у ф х ц ч џ ш
    "sr": "\u0430\u0431\u0432\u0433\u0434\u0452\u0435\u0436\u0437\u0438\u0458\u043a\u043b"
    "\u0459\u043c\u043d\u045a\u043e\u043f\u0440\u0441\u0442\u045b\u0443\u0444\u0445\u0446"
    "\u0447\u045f\u0448",
    # а б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я ә
    "kk": "\u0430\u0431\u0432\u0433\u0493\u0434\u0435\u0451\u0436\u0437\u0438\u0439\u043a"
    "\u049b\u043b\u043c\u043d\u04a3\u043e\u04e9\u043f\u0440\u0441\u0442\u0443\u04b1\u04af"
    "\u0444\u0445\u04bb\u0446\u0447\u0448\u0449\u044a\u044b\u0456\u044c\u044d\u044e\u044f"
    "\u04d9",
    # α β γ δ ε ζ η θ ι κ λ μ ν ξ ο π ρ σ ς τ υ φ χ ψ ω ά έ ή ί ό ύ ώ ϊ ϋ ΐ ΰ
    "el": "\u03b1\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba\u03bb\u03bc\u03bd"
    "\u03be\u03bf\u03c0\u03c1\u03c3\u03c2\u03c4\u03c5\u03c6\u03c7\u03c8\u03c9\u03ac\u03ad"
    "\u03ae\u03af\u03cc\u03cd\u03ce\u03ca\u03cb\u0390\u03b0",
}

# ---------------------------------------------------------------------------------------
# Common CJK characters: the first level of each national standard holds the characters in
# everyday use (GB 2312 level 1: 3755 hanzi; Big5 level 1: 5401 hanzi; JIS X 0208 level 1:
# 2965 kanji; KS X 1001: 2350 hangul syllables). A character whose encoding in one of them
# falls in these byte ranges counts as common; a decoding full of rare characters is suspect
# (Big5 bytes read as GBK give rare hanzi, kana and Greek letters).

COMMON_CJK_RANGES: dict[str, tuple[tuple[str, bytes, bytes], ...]] = {
    "zh": (("gb2312", b"\xb0\xa1", b"\xd7\xfe"), ("big5", b"\xa4\x40", b"\xc6\x7e")),
    "ja": (("euc_jp", b"\xb0\xa1", b"\xcf\xd3"),),
    "ko": (("euc_kr", b"\xb0\xa1", b"\xc8\xfe"),),
}

# Kana (full width) count as common Japanese letters; half-width katakana are a legacy of
# 1980s terminals and in decoded text mostly mean Shift_JIS applied to other bytes.
KANA_SCRIPTS: frozenset[str] = frozenset({"HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"})

# ---------------------------------------------------------------------------------------
# Punctuation that may open or close a word without making it suspect, stripped from the
# edges of a whitespace-separated chunk before the word inside is judged. Low-9 quotes
# only open a quotation, so they are stripped on the left only.

LEADING_PUNCTUATION = (
    "\"'([{<\u00ab\u00bb\u201c\u201d\u2018\u2019\u201e\u201a\u2039\u203a\u00bf\u00a1\u2013\u2014*#@"
)
TRAILING_PUNCTUATION = (
    "\"')]}>\u00ab\u00bb\u201c\u201d\u2018\u2019\u2039\u203a.,;:!?\u2026\u2013\u2014*"
)

# Joiners allowed inside a word (apostrophes, hyphens): the parts they separate are judged
# as words of their own. The Catalan middle dot joins only two l's (col\u00b7lecci\u00f3).
WORD_JOINERS = "'\u2019\u02bc-\u2010\u2011"
MIDDLE_DOT = "\u00b7"

# Symbols that sit next to numbers and may start a word (25 \u00b0C, 10 \u20ac, \u2116 5),
# but never follow a letter ("Milo\u2116" is cp1251 read for iso8859-2 "Milo\u0161").
NUMBER_SYMBOLS = "\u00b0\u20ac\u00a3\u00a5\u00a2\u2116\u2030"
# Symbols that may follow a letter or a number but not precede a letter (Windows\u2122,
# km\u00b2, and the ordinal indicators of 1\u00aa and 2\u00ba).
SUFFIX_SYMBOLS = "\u2122\u00ae\u00a9\u00b2\u00b3\u00aa\u00ba"
# No-break spaces sit between a word and punctuation (French "fini\u00a0?") but never
# between two letters.
NO_BREAK_SPACES = "\u00a0\u202f"

# Languages without a wordfreq lexicon borrow one for the words they share with it
# (Kazakh text is full of Russian loans and names); their own words count as unknown.
LEXICON_STAND_INS: dict[str, str] = {
    "kk": "ru",
    "be": "ru",
    "az": "tr",
    "et": "fi",
}

# Languages that drop accents on capitals: an all-capital word is looked up without them.
CAPS_WITHOUT_ACCENTS: frozenset[str] = frozenset({"el"})

# Letters folded before a lexicon lookup. Romanian: the legacy charsets have only the
# cedilla letters \u015f \u0163, wordfreq lists the comma-below ones \u0219 \u021b.
# Serbian: Cyrillic spelling maps letter for letter onto the Latin one of the
# Serbo-Croatian ("sh") lexicon (Vuk Karad\u017ei\u0107's alphabet and Gaj's Latin alphabet).
_SERBIAN_CYRILLIC = (
    "\u0430\u0431\u0432\u0433\u0434\u0452\u0435\u0436\u0437\u0438\u0458\u043a\u043b\u0459\u043c"
    "\u043d\u045a\u043e\u043f\u0440\u0441\u0442\u045b\u0443\u0444\u0445\u0446\u0447\u045f\u0448"
)
_SERBIAN_LATIN = (
    "a",
    "b",
    "v",
    "g",
    "d",
    "\u0111",
    "e",
    "\u017e",
    "z",
    "i",
    "j",
    "k",
    "l",
    "lj",
    "m",
    "n",
    "nj",
    "o",
    "p",
    "r",
    "s",
    "t",
    "\u0107",
    "u",
    "f",
    "h",
    "c",
    "\u010d",
    "d\u017e",
    "\u0161",
)
LEXICON_FOLDING: dict[str, dict[int, str]] = {
    "ro": {0x015F: "\u0219", 0x0163: "\u021b"},
    "sr": {ord(c): latin for c, latin in zip(_SERBIAN_CYRILLIC, _SERBIAN_LATIN, strict=True)},
}
# The lexicon a folded language is looked up in.
LEXICON_OF_FOLDED: dict[str, str] = {"sr": "sh"}

# CJK punctuation (ideographic comma and full stop, corner brackets, full-width forms) sits
# right against the letters of CJK text, which has no spaces between words.
CJK_PUNCTUATION: tuple[tuple[str, str], ...] = (
    ("\u3000", "\u303f"),
    ("\uff00", "\uff65"),
    ("\ufe30", "\ufe4f"),
)
