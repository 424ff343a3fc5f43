"""Data tables for lossy-letter recovery (:mod:`cleaner.recover`).

Nothing here runs on input text; :mod:`cleaner.recover` reads these tables. Letters are
written as ``\\uXXXX`` escapes wherever a look-alike exists (Romanian comma-below versus
Turkish cedilla, Turkish dotless i, Cyrillic versus Latin), and as plain letters otherwise.

The stop-word table at the end is generated: run ``python -m cleaner.recover_data`` to print
it again from wordfreq.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Lossy charsets

# The single-byte charsets text is commonly forced through with ``errors="replace"``. The
# letters a charset can represent are read from Python's codecs (see
# ``cleaner.recover.charset_repertoire``); this table only names the charsets worth
# considering. A document's intact non-ASCII characters rule charsets in or out: a charset
# that cannot represent an intact character was not the one used. Known blind spot:
# multi-byte legacy charsets (GB2312, Big5, EUC-KR, Shift_JIS) are not listed, so ``?``
# that replaced CJK ideographs is left alone.
LOSSY_CHARSETS: tuple[str, ...] = (
    "ascii",
    "latin-1",
    "cp1252",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "iso8859_16",
    "cp1257",
    "iso8859_4",
    "iso8859_13",
    "cp1254",
    "iso8859_9",
    "cp1258",
    "mac_roman",
    "cp437",
    "cp850",
    "cp852",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "iso8859_5",
    "cp866",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "iso8859_8",
    "cp1256",
    "iso8859_6",
)

# ---------------------------------------------------------------------------------------
# Letter inventories

# For each language, the letters its ordinary spelling uses beyond ASCII (Latin-script
# languages) or its whole alphabet (other scripts), lower case; ranges are written
# ``a-z`` (a hyphen between two letters). Upper-case forms are derived with ``str.upper``;
# letters whose upper case is not derived that way are in UPPER_ONLY_LETTERS.
# A lost letter can only be filled from these sets, so they are deliberately tight: a
# language that never writes a letter is not offered it (loanwords in a text are covered
# by the same word intact elsewhere). Known gaps: Hebrew and Arabic vowel points and
# Devanagari signs are not listed for filling, so lost points stay lost.
LANGUAGE_LETTERS: dict[str, str] = {
    "en": "",
    "id": "",
    "ms": "",
    "fil": "\u00f1",
    "de": "\u00e4\u00f6\u00fc\u00df",
    "fr": (
        "\u00e0\u00e2\u00e6\u00e7\u00e9\u00e8\u00ea\u00eb"
        "\u00ee\u00ef\u00f4\u0153\u00f9\u00fb\u00fc\u00ff"
    ),
    "es": "\u00e1\u00e9\u00ed\u00f1\u00f3\u00fa\u00fc",
    "pt": "\u00e1\u00e2\u00e3\u00e0\u00e7\u00e9\u00ea\u00ed\u00f3\u00f4\u00f5\u00fa\u00fc",
    "it": "\u00e0\u00e8\u00e9\u00ec\u00ed\u00ee\u00f2\u00f3\u00f9\u00fa",
    "ca": "\u00e0\u00e7\u00e8\u00e9\u00ed\u00ef\u00f2\u00f3\u00fa\u00fc",
    "nl": "\u00e1\u00e9\u00e8\u00eb\u00ef\u00f3\u00f6\u00fc",
    "da": "\u00e6\u00f8\u00e5\u00e9",
    "nb": "\u00e6\u00f8\u00e5\u00e9\u00e8\u00f3\u00f2\u00e2\u00f4",
    "sv": "\u00e5\u00e4\u00f6\u00e9",
    "fi": "\u00e4\u00f6\u00e5\u0161\u017e",
    "is": "\u00e1\u00f0\u00e9\u00ed\u00f3\u00fa\u00fd\u00fe\u00e6\u00f6",
    "et": "\u00e4\u00f6\u00f5\u00fc\u0161\u017e",
    "lv": "\u0101\u010d\u0113\u0123\u012b\u0137\u013c\u0146\u0161\u016b\u017e",
    "lt": "\u0105\u010d\u0119\u0117\u012f\u0161\u0173\u016b\u017e",
    "pl": "\u0105\u0107\u0119\u0142\u0144\u00f3\u015b\u017a\u017c",
    "cs": (
        "\u00e1\u010d\u010f\u00e9\u011b\u00ed\u0148\u00f3"
        "\u0159\u0161\u0165\u00fa\u016f\u00fd\u017e"
    ),
    "sk": (
        "\u00e1\u00e4\u010d\u010f\u00e9\u00ed\u013a\u013e\u0148"
        "\u00f3\u00f4\u0155\u0161\u0165\u00fa\u00fd\u017e"
    ),
    "sl": "\u010d\u0161\u017e",
    # Serbo-Croatian in Latin letters (Croatian, Bosnian, Serbian Latin).
    "sh": "\u010d\u0107\u0111\u0161\u017e",
    "hu": "\u00e1\u00e9\u00ed\u00f3\u00f6\u0151\u00fa\u00fc\u0171",
    # Romanian: both the comma-below letters (standard) and the cedilla ones (legacy
    # fonts and charsets); the document decides which.
    "ro": "\u0103\u00e2\u00ee\u0219\u021b\u015f\u0163",
    # Turkish dotless i (U+0131); its capital dotted I is in UPPER_ONLY_LETTERS.
    "tr": "\u00e7\u011f\u0131\u00f6\u015f\u00fc\u00e2\u00ee\u00fb",
    # Azerbaijani schwa (U+0259).
    "az": "\u00e7\u0259\u011f\u0131\u00f6\u015f\u00fc",
    # Vietnamese: every vowel with its tone mark, plus d with stroke.
    "vi": (
        "\u00e0\u00e1\u00e2\u00e3\u00e8\u00e9\u00ea\u00ec\u00ed\u00f2\u00f3\u00f4\u00f5"
        "\u00f9\u00fa\u00fd\u0103\u0111\u0129\u0169\u01a1\u01b0"
        "\u1ea1-\u1ef9"
    ),
    # Cyrillic.
    "ru": "\u0430-\u044f\u0451",
    "uk": "\u0430-\u0449\u044c\u044e\u044f\u0454\u0456\u0457\u0491\u02bc",
    "bg": "\u0430-\u044a\u044c\u044e\u044f",
    "mk": "\u0430-\u0438\u043a-\u0448\u0458\u0459\u045a\u045c\u045f\u0453\u0455",
    "sr": "\u0430-\u0438\u043a-\u0448\u0452\u0458\u0459\u045a\u045b\u045f",
    "kk": "\u0430-\u044f\u0451\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb\u0456",
    # Greek, with tonos and diaeresis, and final sigma.
    "el": "\u03b1-\u03c9\u03ac\u03ad\u03ae\u03af\u03cc\u03cd\u03ce\u03ca\u03cb\u0390\u03b0",
    # Hebrew consonants and final forms.
    "he": "\u05d0-\u05ea",
    # Arabic letters; Persian adds pe, che, zhe, gaf, keheh and Farsi yeh.
    "ar": "\u0621-\u063a\u0641-\u064a",
    "fa": "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc",
    "hi": "\u0901-\u0939\u093c-\u094d\u0950-\u0954\u0958-\u0963",
    "ko": "\uac00-\ud7a3",
}

# Capital letters that ``str.upper`` does not produce from a lower-case letter above.
UPPER_ONLY_LETTERS: dict[str, str] = {
    "tr": "\u0130",
    "az": "\u0130",
}

# Language codes people use, mapped to the code of the lexicon that covers them
# (wordfreq keeps one Serbo-Croatian list and one Norwegian Bokmål list).
LEXICON_ALIASES: dict[str, str] = {
    "hr": "sh",
    "bs": "sh",
    "sr": "sh",
    "no": "nb",
    "nn": "nb",
    "tl": "fil",
}

# Serbian Cyrillic to Serbian Latin, letter by letter (the two alphabets map one to one;
# three Cyrillic letters become Latin digraphs). Serbian words are looked up in the
# Serbo-Croatian lexicon, which is written in Latin letters.
SERBIAN_CYRILLIC_TO_LATIN: dict[str, str] = {
    "\u0430": "a",
    "\u0431": "b",
    "\u0432": "v",
    "\u0433": "g",
    "\u0434": "d",
    "\u0452": "\u0111",
    "\u0435": "e",
    "\u0436": "\u017e",
    "\u0437": "z",
    "\u0438": "i",
    "\u0458": "j",
    "\u043a": "k",
    "\u043b": "l",
    "\u0459": "lj",
    "\u043c": "m",
    "\u043d": "n",
    "\u045a": "nj",
    "\u043e": "o",
    "\u043f": "p",
    "\u0440": "r",
    "\u0441": "s",
    "\u0442": "t",
    "\u045b": "\u0107",
    "\u0443": "u",
    "\u0444": "f",
    "\u0445": "h",
    "\u0446": "c",
    "\u0447": "\u010d",
    "\u045f": "d\u017e",
    "\u0448": "\u0161",
}

# ---------------------------------------------------------------------------------------
# ASCII folding

# Letters that Unicode decomposition does not reduce to an ASCII base letter, and the
# ASCII spelling people use for them (``Nørgaard`` -> ``Norgaard``). Used to match a
# damaged word against an accent-less copy of it elsewhere in the document.
ASCII_FOLDS: dict[str, str] = {
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u00f8": "o",
    "\u0153": "oe",
    "\u0142": "l",
    "\u0111": "d",
    "\u00f0": "d",
    "\u00fe": "th",
    "\u0131": "i",
    "\u0259": "e",
    "\u0127": "h",
}

# ---------------------------------------------------------------------------------------
# Stop words

# The most frequent words of each wordfreq language (letters only, up to 40), used to tell
# a document's language from its intact words. Generated by ``python -m
# cleaner.recover_data`` (wordfreq.top_n_list); do not edit by hand. Known weakness: very
# short words ("a", "i", "de") are shared by many languages and only count together.
STOP_WORDS: dict[str, str] = {
    "ar": (
        "في من على أن لا إلى و ما عن هذا مع التي كل هذه أو هو كان الذي ذلك بعد "
        "الله لم بين ان كانت يا حتى قبل قد هي إن كما أي أيضا حيث أنه اليوم خلال "
        "عليه غير"
    ),
    "bg": (
        "на и в да е от за се с не си че по ще са това като а ми но до го много "
        "най има му ако към може съм ти ли само няма след през аз които г при"
    ),
    "bn": (
        "না করে এবং ও এই থেকে আর জন্য তার হয় করা এর একটি যে আমি করতে হবে এ "
        "নিয়ে সাথে আমার কি তিনি এক হয়েছে কিছু আমাদের হয়ে কোন ছিল আমরা কিন্তু "
        "তাদের মধ্যে কথা তারা যায় অনেক যা সময়"
    ),
    "ca": (
        "de la a i que el l d en per del un les els una no amb va és al es ha "
        "com més dels s hi o ser aquest si però tot fer seu aquesta molt als ja "
        "ho"
    ),
    "cs": (
        "a se v na je to že s z si do jsem ale o i tak pro ve za co k jako jak "
        "po by už od jsou mi když mě jen nebo byl bude já u má jsme které"
    ),
    "da": (
        "i og er af det at en til på jeg har for ikke med den der de du kan som "
        "så et var vi om han fra men skal ved vil også være hvor nu man hvis "
        "sig efter mig"
    ),
    "de": (
        "die der und in das ich ist nicht zu den von mit es ein auf für im sie "
        "eine sich auch dem des als er an dass so bei wie aber aus hat sind "
        "nach noch wir du war nur"
    ),
    "el": (
        "και το να του η με την τησ για ο που τα από σε δεν θα τον είναι στο "
        "στην οι των μου τη τουσ μασ τισ ότι μια ένα στη ήταν τι σασ σου στα αν "
        "στον έχει αλλά"
    ),
    "en": (
        "the to and of a in i is for that you it on with this was be as are "
        "have at he not by but from my or we an your all so his they me if one "
        "can will"
    ),
    "es": (
        "de la que el en y a los no un se por es del las con una para lo su al "
        "como me más si pero te o mi le este sus esta todo ya ha cuando yo ser "
        "son"
    ),
    "fa": (
        "و به در از که این با را است رو من تو برای بود هم تا یک ها ایران شده ما "
        "آن شد می یا بر شما همه سال کرد خود هر یه چه های نه کار باید دو پس"
    ),
    "fi": (
        "ja on ei että se oli mutta ole kun niin myös hän jos ovat voi nyt sen "
        "kuin tai en joka olla sitä mitä vain jo kanssa tämä sitten kaikki "
        "olisi ollut vielä kyllä siitä ne suomen hyvä sekä jälkeen"
    ),
    "fil": (
        "sa ng ang na mga at ay isang hindi ito ko kung may ni si ako pa para "
        "mula siya mo o pag kanyang lang naman niya lahat ano rin ka dahil din "
        "upang kaya nito tao nila walang sila"
    ),
    "fr": (
        "de la le et l à les est en des d un que a pas une du il pour dans je "
        "qui c au ce sur qu par on ne plus avec j n mais se vous s ça tu"
    ),
    "he": (
        "את של לא על זה הוא אני כל עם מה גם לי אם היה יש אבל היא או כי יותר רק "
        "אין ב אחד אל בין הם ישראל לו שלי אתה כמו כך לך עד הזה שלא שם אותו אז"
    ),
    "hi": (
        "के है में की से और को का हैं पर भी एक तो नहीं ने कर ही हो लिए कि इस था "
        "यह गया किया जो ये आप करने रहे साथ अपने रहा क्या अब कुछ कोई थे दिया तक"
    ),
    "hu": (
        "a az és nem hogy egy is de meg csak ha van volt ez vagy már még én "
        "kell el jó ki azt most akkor mint ezt minden mert magyar nagyon így "
        "olyan itt mi sem lesz lehet vagyok majd"
    ),
    "id": (
        "yang dan di ini dari untuk dengan itu bisa aku ada tidak akan adalah "
        "dalam pada kita orang ke juga anda dia saya ya kamu lebih apa sudah "
        "mereka tapi karena atau menjadi tak baik jadi harus satu lagi seperti"
    ),
    "is": (
        "og í á að er sem til en við af hann um ekki var fyrir með ég eru frá "
        "það þar því eða eftir hún svo hefur vera þá verið þegar hafa þess úr "
        "út upp ef eins nú sé"
    ),
    "it": (
        "di e che il la a in non un per è del l i una le si con della da sono "
        "ma al ha come più dei se nel mi alla anche lo gli delle o questo ho ci "
        "su"
    ),
    "ja": (
        "の に て は が た を で し と な ない も だ か ん から です する よ "
        "ます さ こと いる れ ね てる ある う い 人 や 日 いい なっ まし この "
        "そう って たら"
    ),
    "ko": (
        "이 는 을 하 에 다 의 고 은 가 를 있 들 한 도 어 게 에서 으로 일 나 로 "
        "지 했 었 해 아 과 되 기 것 그 수 면 와 적 할 인 만 안"
    ),
    "lt": (
        "ir kad į su iš yra tai kaip ar o buvo savo tik bet nuo ne apie taip m "
        "lietuvos kai labai dėl per dar gali jau po iki jis bei jei už jo pat "
        "to būti kas mūsų turi"
    ),
    "lv": (
        "un ir ar par ka no kā uz kas arī vai bet es tā nav to tas man ja lai "
        "bija ko pēc tikai tad līdz kad var jau pie tu latvijas vēl būs jo ļoti "
        "gan ne savu tev"
    ),
    "mk": (
        "на и во да се од за е со не го ќе што дека ги како ја тоа а кој кои си "
        "по ми до ти многу но или само има кога беше сите тој ако така може "
        "која ова"
    ),
    "ms": (
        "yang dan di tak boleh dengan untuk saya ini awak dalam dari orang aku "
        "tapi kau kita nak adalah ke semua ada pada apa lagi buat dah bukan "
        "jadi mana itu dia tidak anda kepada daripada ialah ia telah baik"
    ),
    "nb": (
        "i og er det å på som til en av for ikke med har jeg at de du om den så "
        "vi fra var kan et men han seg dette noe skal noen ble vil bare også ut "
        "da nå"
    ),
    "nl": (
        "de van het een en in is op ik dat voor je te met niet zijn die als er "
        "maar om aan hij ook ze door naar uit bij dan dit was we wat heeft of "
        "over nog deze hebben"
    ),
    "pl": (
        "w i nie na się to z do jest że o jak a ale co tak za od po dla tym czy "
        "przez tego są ma tylko już mi mnie ze może bo ja ten oraz bardzo "
        "będzie być jego"
    ),
    "pt": (
        "de a o que e do em da é para não um uma com no se na por os eu como as "
        "mais dos mas foi ao me você ser seu sua tem são das ou à ele muito "
        "isso"
    ),
    "ro": (
        "de în și a la să din o pe cu nu mai un este că care pentru se au ce "
        "fost ca al am sunt fi si va s lui dar sau e sa dacă după i ne ar le"
    ),
    "ru": (
        "в и на не с что я по а как из это за для о к но то у его он от все так "
        "же мы до ты только был если когда было мне меня уже еще бы или их"
    ),
    "sh": (
        "je u i da se na od za su a ne sa iz to kao o što godine koji kako bi "
        "ali nije još po s do sve bio ili sam će koja samo te biti više koje "
        "kada ako"
    ),
    "sk": (
        "a v sa na je to z že s ako aj o si do som ale po za tak od čo už bol "
        "by pre sú ak k alebo nie sme ich len vo aby keď ktorý ktoré pri má"
    ),
    "sl": (
        "je in v na se da so za ki pa z tudi lahko s ne kot po še iz bi bo od "
        "tako to pri ali o če že bil do ni med vse jih ko kar ga si smo"
    ),
    "sv": (
        "är det att och i jag på en inte som för med har av om du så till den "
        "de ett kan vi men man var ska när nu vad från här mig bara eller han "
        "då hur kommer alla"
    ),
    "ta": (
        "ஒரு இந்த மற்றும் என்ற நான் தான் என்று இது அந்த உள்ள என் பல அது "
        "வேண்டும் என்பது இருக்கும் இருந்து இல்லை மக்கள் முதல் என அவர் என்ன சில "
        "தமிழ் போது மேலும் இன்று அல்லது அரசு உள்ளது தனது மூலம் ஆனால் போன்ற "
        "கொண்டு வரும் வரை அதன் நாம்"
    ),
    "tr": (
        "ve bir bu için de da çok ile ne daha en gibi olarak her kadar o olan "
        "ben var ama sonra ki iyi yok ya değil sen büyük yeni güzel sadece "
        "zaman ilk iki mi hiç ise oldu bile nasıl"
    ),
    "uk": (
        "в на не і у з що та до це за а я як про для від так україни але він "
        "його все то є ви по ми й ще які під вже коли якщо або року було вони "
        "із"
    ),
    "ur": (
        "کے میں کی ہے اور سے کا کو اس پر ہیں نے بھی ایک کر یہ نہیں کہ تو کیا وہ "
        "ہو ان تھا جو ہی و جس نہ پاکستان گیا آپ لیے اللہ تھے بعد کوئی اپنے گا "
        "ہم"
    ),
    "vi": (
        "là và có của được một các không trong cho người này với ở đã thể để "
        "như những đến khi làm sẽ từ ra công họ tại về vào đó cũng thành lại "
        "đầu chỉ năm sự tôi bị"
    ),
    "zh": (
        "的 是 在 了 我 和 有 不 人 也 你 为 他 这 中 与 年 对 就 都 一个 上 说 "
        "吗 我们 会 到 要 来 中国 月 被 他们 没有 还 而 个 可以 后 等"
    ),
}


def _width(text: str) -> int:
    """Display width: wide East Asian characters count twice."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _generate_stop_words(limit: int = 40) -> str:
    """The source text of STOP_WORDS, from wordfreq's top-word lists."""
    import unicodedata

    import wordfreq

    def letters_only(word: str) -> bool:
        return all(unicodedata.category(c)[0] in "LM" for c in word)

    lines = ["STOP_WORDS: dict[str, str] = {"]
    for lang in sorted(wordfreq.available_languages()):
        top = [w for w in wordfreq.top_n_list(lang, 100) if letters_only(w)][:limit]
        chunks, current = [], ""
        for word in top:
            if _width(current + word) > 70:
                chunks.append(current)
                current = ""
            current += word + " "
        chunks.append(current.rstrip())
        if len(chunks) == 1:
            lines.append(f'    "{lang}": "{chunks[0]}",')
        else:
            lines.append(f'    "{lang}": (')
            lines.extend(f'        "{chunk}"' for chunk in chunks)
            lines.append("    ),")
    lines.append("}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(_generate_stop_words())
