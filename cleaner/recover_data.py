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

# The charsets documents are usually written in when legacy bytes reach a UTF-8 reader
# (Windows and ISO code pages). Used to tell which letter pairs a UTF-8 decoder swallows
# into one U+FFFD; DOS and Mac code pages are left out so that their byte layouts do not
# add pairs that Windows-era text never produces.
LEGACY_TEXT_CHARSETS: tuple[str, ...] = tuple(
    cs for cs in LOSSY_CHARSETS if cs.startswith(("cp125", "iso8859", "latin"))
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
        "\u00e1\u010d\u010f\u00e9\u011b\u00ed\u0148\u00f3\u0159\u0161\u0165\u00fa\u016f\u00fd\u017e"
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

# Quotation marks (opening, closing) a language writes, for a pair of ``?`` that stood for
# lost ones: a lost mark was never the ASCII ``"`` (every charset has it). Languages not
# listed get DEFAULT_QUOTATION_MARKS (English and most web text).
DEFAULT_QUOTATION_MARKS = "\u201c\u201d"
QUOTATION_MARKS: dict[str, str] = {
    "bg": "\u201e\u201c",
    "cs": "\u201e\u201c",
    "de": "\u201e\u201c",
    "et": "\u201e\u201c",
    "is": "\u201e\u201c",
    "lt": "\u201e\u201c",
    "mk": "\u201e\u201c",
    "sk": "\u201e\u201c",
    "sl": "\u201e\u201c",
    "hu": "\u201e\u201d",
    "pl": "\u201e\u201d",
    "ro": "\u201e\u201d",
    "ru": "\u00ab\u00bb",
    "uk": "\u00ab\u00bb",
    "kk": "\u00ab\u00bb",
}

# The dash a language writes between spaces, for a lone ``?`` or U+FFFD that stood for a
# lost one (``page 42 ? don’t``): English sets the em dash, most other languages a spaced
# en dash.
DEFAULT_SPACED_DASH = "\u2013"
SPACED_DASHES: dict[str, str] = {"en": "\u2014"}

# Languages whose typography sets a no-break space inside guillemets and before ``?``,
# ``!``, ``:`` and ``;`` (``«\u00a0C'est fini\u00a0?\u00a0»``). Legacy bytes of such a text
# read as UTF-8 lose the space (A0) and the guillemets (AB, BB) alike, each to one U+FFFD.
SPACED_PUNCTUATION_LANGUAGES = frozenset({"fr"})
GUILLEMETS = "\u00ab\u00bb"

# Languages that write ordinal numbers with a superscript ordinal indicator after the digits
# (``2\u00aa Se\u00e7\u00e3o``, ``1\u00ba andar``): feminine before a noun with one of the
# listed endings, else masculine. Both indicators are bytes AA and BA of the Windows and
# ISO Latin charsets, which UTF-8 cannot start a character with.
ORDINAL_INDICATORS = "\u00aa\u00ba"
FEMININE_ENDINGS: dict[str, tuple[str, ...]] = {
    "pt": ("a", "\u00e7\u00e3o", "s\u00e3o", "dade", "gem"),
    "es": ("a", "i\u00f3n", "dad"),
    "gl": ("a", "ci\u00f3n", "dade"),
}

# The mark a lone ``?`` or U+FFFD stood for between two words written together
# (``north?east``, ``subject\ufffdverb``) in a text whose language has no letter the charset
# lacked: the non-breaking hyphen, which no 8-bit charset writes, for a ``?``; the en dash,
# the in-word dash of the Windows charsets (byte 96), for a U+FFFD from legacy bytes (no
# 8-bit charset writes the non-breaking hyphen, so no byte of it can be lost).
JOINING_MARKS: dict[str, str] = {"?": "\u2011", "\ufffd": "\u2013"}

# Languages that elide a short word before a vowel with an apostrophe (``l’entrée``,
# ``qu’il``, ``dell’arte``). Their lexicons keep the two parts apart (wordfreq splits
# the elision), so such a word is looked up part by part.
ELIDING_LANGUAGES = frozenset({"fr", "it", "ca"})
# Letters (folded) an elided word's tail may start with: a vowel or a mute ``h``.
ELISION_TAIL_INITIALS = frozenset("aeiouyh")
# Longest elided head (``quell’``, ``nell’``, ``aujourd’hui`` is a word of its own).
MAX_ELIDED_HEAD_LETTERS = 5

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

# The most frequent words of each wordfreq language (letters only, up to 150), used to tell
# a document's language from its intact words. Generated by ``python -m
# cleaner.recover_data`` (wordfreq.top_n_list); do not edit by hand. Known weakness: very
# short words ("a", "i", "de") are shared by many languages and only count together.
STOP_WORDS: dict[str, str] = {
    "ar": (
        "في من على أن لا إلى و ما عن هذا مع التي كل هذه أو هو كان الذي ذلك بعد "
        "الله لم بين ان كانت يا حتى قبل قد هي إن كما أي أيضا حيث أنه اليوم خلال "
        "عليه غير وهو بعض تم علي إذا فى له مثل محمد هناك يوم لك أكثر عام لي ولا "
        "ثم بن يمكن الناس به ولكن أنت الى شيء لكن وفي قال ومن فيه فيها منذ إلا "
        "الذين العالم يكون أحد عندما فقط وقد الآن بها لو عدد بشكل أخرى تلك هنا "
        "ليس هل عند كنت العام انا لها أنا بأن تكون كيف عبد المتحدة تحت حول وهي "
        "العربية السعودية العمل ب آخر الوقت جدا جميع أجل الأول فإن أنها الحياة "
        "بما واحد يتم بسبب دون لن مدينة مصر منها يجب شخص عليها الكثير مرة الأمر "
        "مما والتي عمل عبر فقد يقول الثاني العديد بل عليك هم الأولى ل لنا أكبر "
        "أول رئيس لهم"
    ),
    "bg": (
        "на и в да е от за се с не си че по ще са това като а ми но до го много "
        "най има му ако към може съм ти ли само няма след през аз които г при "
        "ви или как какво той ни трябва всички който във което те един още така "
        "със време когато този я българия тази ги вече която години една малко "
        "нещо преди ме повече сега без беше защото им тези тя бъде всичко добре "
        "защо година едно софия все хора ден както между също тук всеки става "
        "мен него път там сме някой толкова част кой човек други над работа "
        "колко под хората срещу няколко сте място тях чрез би ето нас около "
        "дали две днес докато ние пак просто според то бе винаги нищо прави "
        "дори пред живота заради български имам имат точно й къде някои искам "
        "май the град доста"
    ),
    "bn": (
        "না করে এবং ও এই থেকে আর জন্য তার হয় করা এর একটি যে আমি করতে হবে এ "
        "নিয়ে সাথে আমার কি তিনি এক হয়েছে কিছু আমাদের হয়ে কোন ছিল আমরা কিন্তু "
        "তাদের মধ্যে কথা তারা যায় অনেক যা সময় সে হচ্ছে একটা করেন দিয়ে করার "
        "বা আছে পর সব একজন মনে এখন নয় পারে নেই শুরু কাজ আপনার কাছে বলে যদি তা "
        "বছর হতে এটা সেই তাকে রয়েছে আপনি হিসেবে করেছে তবে নতুন আগে ভালো প্রথম "
        "যখন করেছেন নাম এমন কে তাই তো দিন দেখা বাংলাদেশ কেউ গেছে থাকে এটি বেশি "
        "কেন জাতীয় বিভিন্ন শেষ বড় মানুষ পর্যন্ত খুব টাকা তুমি জন দিতে দিকে "
        "দুই সরকার আজ করছে করবে করি মতো যাবে এখানে পরে মাধ্যমে উপর আবার ব্যবহার "
        "মত প্রতি হল কারণ তখন তোমার দেশের ধরে প্রায় কোনো নিজের বিরুদ্ধে সঙ্গে "
        "তাঁর বন্ধ শুধু জীবন তাহলে পুলিশ প্রধান হলো কারণে তৈরি বাংলাদেশের মা "
        "আরো যাচ্ছে আরও যার চাই দেয়"
    ),
    "ca": (
        "de la a i que el l d en per del un les els una no amb va és al es ha "
        "com més dels s hi o ser aquest si però tot fer seu aquesta molt als ja "
        "ho van seva també ens han són se cap anys això estat sobre quan ara "
        "entre fa fins on què era pel perquè tots des després està dia fet "
        "altres gran m només persones sense pot té any encara part seus hem li "
        "gent havia dos em així dir durant t qui ni contra veure us gràcies "
        "lloc jo tant primer temps he mateix cada catalunya barcelona manera "
        "món vaig govern pels bé ciutat millor sempre aquests vida nou seves "
        "tenir tan tres nostra aquí país abans diu et nostre passat segons casa "
        "haver nova res sant estan n nostres qual uns aquestes història poder "
        "dies dones primera altre avui donar"
    ),
    "cs": (
        "a se v na je to že s z si do jsem ale o i tak pro ve za co k jako jak "
        "po by už od jsou mi když mě jen nebo byl bude já u má jsme které ty "
        "jeho který až není bylo aby než ze ještě byla být také ani pak při tam "
        "toho ten kde mám která ho ne před bych protože první tu podle pokud "
        "tom něco tím další teď nic let mezi nás vám vás bez jste kdo moc proč "
        "své tomu asi jejich může kdy ji měl ti více mu roku dnes či mít roce "
        "takže no nám všechny díky však již nad jestli mají pod ta třeba den "
        "praha právě tady taky všechno ke velmi přes české dva její proti proto "
        "místo nikdy jeden musí budou jsi někdo práce tohle dobře jde kteří "
        "kvůli zde lidí měla jim každý tedy víc"
    ),
    "da": (
        "i og er af det at en til på jeg har for ikke med den der de du kan som "
        "så et var vi om han fra men skal ved vil også være hvor nu man hvis "
        "sig efter mig eller her hvad ud alle godt meget noget da dig kunne "
        "lige min når op blev bliver havde mere over hun se år bare få have dem "
        "to lidt selv din mange vores får kun deres helt end jo kommer må dag "
        "denne dette hans ind flere gør ja nok andre mod alt været blive god "
        "går igen os fik hele sammen gang ville hvordan nye nogle skulle tid "
        "danmark dansk siden ham under første sin gøre måske danske ingen siger "
        "sådan altid anden kom a del uden ser andet fordi gerne nogen samme "
        "store tak blevet før mellem tilbage tror dog sidste arbejde brug dit "
        "finde tage gå hvorfor"
    ),
    "de": (
        "die der und in das ich ist nicht zu den von mit es ein auf für im sie "
        "eine sich auch dem des als er an dass so bei wie aber aus hat sind "
        "nach noch wir du war nur wenn oder wird was werden einen am man um "
        "haben einer zum kann über da dann einem schon habe ja mehr mir sein "
        "vor mal zur durch hier mich bis doch ihr immer jetzt diese wurde "
        "wieder keine alle sehr können muss uns bin unter vom gut gibt hatte "
        "ihre dieser gegen seine alles also geht viel zeit ab ganz machen denn "
        "meine damit dir will einfach ohne weil beim etwas waren zwei mein "
        "eines kein seit soll selbst wo dich menschen hab heute kommt nichts "
        "nun würde leben wer macht anderen deutschland ihm jahr ob ihn jahren "
        "seiner viele zwischen jahre wäre diesem dieses wurden dabei a dort "
        "müssen"
    ),
    "el": (
        "και το να του η με την τησ για ο που τα από σε δεν θα τον είναι στο "
        "στην οι των μου τη τουσ μασ τισ ότι μια ένα στη ήταν τι σασ σου στα αν "
        "στον έχει αλλά αυτό ή στισ κι όταν πωσ μην γιατί πολύ δε όπωσ πιο μετά "
        "μόνο αυτή ωσ πρέπει μπορεί κατά όχι δύο όλα μέσα σ στουσ είχε τώρα "
        "έχουν έχω μία σαν χρόνια εγώ κάνει α μέχρι εδώ κάτι χωρίσ ένασ έτσι "
        "κάθε αυτά μη κ όμωσ ζωή παιδιά σήμερα ενώ ναι πριν προσ υπάρχει είμαι "
        "είσαι ελλάδα οποία ακόμα καλά μαζί τόσο νέα πάντα έναν έχουμε απ καθώσ "
        "λίγο τότε ούτε όλοι επίσησ έχεισ καλό πάνω ασ μέροσ πολλά ποτέ φορά "
        "απο μ όπου καλή μέρα όσο ώρα άλλο έγινε εκεί πρώτη άλλη οποίο υπάρχουν "
        "γίνει θέλω μέσω θέση λέει σπίτι λεσ μεγάλη ν ε μεταξύ σύμφωνα αυτόσ "
        "γίνεται είμαστε"
    ),
    "en": (
        "the to and of a in i is for that you it on with this was be as are "
        "have at he not by but from my or we an your all so his they me if one "
        "can will just like about up out what has when more do no were who had "
        "their there her which time get been would she new people how some also "
        "them now other its our than good only after first him into know see "
        "two make over think any then could back these us want because go well "
        "said way most much very where even should may here need really did "
        "right work year years being day too going before off why made still "
        "take got many never those life say world down great through last s "
        "while best such love man home long look something use same used both "
        "every am"
    ),
    "es": (
        "de la que el en y a los no un se por es del las con una para lo su al "
        "como me más si pero te o mi le este sus esta todo ya ha cuando yo ser "
        "son sin hay está fue tu muy sobre también todos eso tiene nos porque "
        "qué así años dos bien entre puede desde hasta hacer ahora era esto vez "
        "hace nada ni donde parte solo algo tiempo día uno mejor mucho tan ver "
        "vida e ese han mismo siempre tengo cada después están gente esa estado "
        "estoy mundo va año les mas otro otros gracias otra cosas gran menos "
        "nunca personas tanto antes poco sea había tener trabajo durante ellos "
        "lugar creo cómo hecho quiero sólo aunque contra cuenta decir gobierno "
        "país soy todas casa estos forma he nuevo sido él aquí ella estas sí "
        "estaba estar hoy tienen alguien dice quien"
    ),
    "fa": (
        "و به در از که این با را است رو من تو برای بود هم تا یک ها ایران شده ما "
        "آن شد می یا بر شما همه سال کرد خود هر یه چه های نه کار باید دو پس اما "
        "اون ای فقط دست یکی داره کرده دارد چرا کردن اگه روز فیلم قرار نام کنم "
        "استفاده بعد او مورد دارم کشور الان اگر باشه خیلی هست بازی نیست انجام "
        "داشته تهران خوب كه کنید گفت راه روی نیز چون وجود سر مردم چند اول حالا "
        "دیگر فکر ولی پیش کردم کن بوده نظر حال دوست مرد چی باشد بیشتر زندگی شدن "
        "شود هستند ی بین داد مثل نفر تمام زمان سه کند اینکه بدون تنها داشت شرکت "
        "صورت شهر عنوان کنه بار زیر ساعت بچه حرف دانشگاه واقعا کتاب امروز توسط "
        "باز بزرگ زن کنیم ایرانی خدا درباره واسه آب آمریکا اين داده دولت دیگه "
        "ماه نداره اسلامی"
    ),
    "fi": (
        "ja on ei että se oli mutta ole kun niin myös hän jos ovat voi nyt sen "
        "kuin tai en joka olla sitä mitä vain jo kanssa tämä sitten kaikki "
        "olisi ollut vielä kyllä siitä ne suomen hyvä sekä jälkeen miten mukaan "
        "paljon saa olen pitää ihan mitään tulee hyvin tässä hänen vaan koska "
        "aina eivät koko kuitenkin vaikka mikä vuoden ennen jotka aika eli "
        "jossa et näin tämän noin vuonna eikä siis sillä ehkä itse onko tehdä "
        "tuo vähän yksi jotain juuri siinä suomessa jonka kuten miksi kaksi "
        "lisäksi taas tuli enää joku siihen enemmän eri ettei tästä he joten "
        "kiitos pitäisi tätä vastaan aikana esimerkiksi osa yli siellä vai no "
        "kuinka pois suomi vuotta aivan ilman niitä edes mm lisää olivat mies "
        "sai tällä aikaa oikein todella minä täällä missä saada jopa toinen "
        "ainakin kautta tähän ajan kolme me n tänään liian meillä ottaa viime "
        "alkaa heti mukana"
    ),
    "fil": (
        "sa ng ang na mga at ay isang hindi ito ko kung may ni si ako pa para "
        "mula siya mo o pag kanyang lang naman niya lahat ano rin ka dahil din "
        "upang kaya nito tao nila walang sila mas pero po nang araw isa ba "
        "bilang kay ngayon mag nga kanilang pang buhay wala di dapat iba "
        "maaaring kahit kapag saan yung dito ibang nag pamamagitan noong natin "
        "kasi ilang lamang ngunit taon taong alam kong nasa i panahon bagay "
        "gusto hanggang kami mong namin bahay bakit of the ayon akong kasama "
        "maraming naging pagkatapos tulad babae bansa maging man kailangan loob "
        "tayo habang talaga kanya kayo anak buong daw sarili and bago unang to "
        "bagong dalawang mukha itong pilipinas sabi ibig kaniyang oras ikaw "
        "siyang a paano parang sabihin akin bayan ilalim nya diyos lalo sakit "
        "kang uri bawat in lugar yun aaral bahagi tunay huwag mundo"
    ),
    "fr": (
        "de la le et l à les est en des d un que a pas une du il pour dans je "
        "qui c au ce sur qu par on ne plus avec j n mais se vous s ça tu elle "
        "son y ai ou si sont tout fait nous comme être bien ils cette faire sa "
        "aux même me ont t m était été mon ses lui aussi peut deux leur moi ces "
        "quand après suis très tous sans avoir non où va encore alors avait "
        "entre temps ans autres dit ma là peu autre france rien dire monde te "
        "fois faut toujours voir bon contre votre avant depuis donc notre sous "
        "jamais vie moins dont toi déjà quoi soit trop leurs ton toute chez "
        "gens juste oui vraiment ainsi as grand pays français mes beaucoup jour "
        "quelques comment es premier sera nos parce personne cela trois homme "
        "ici"
    ),
    "he": (
        "את של לא על זה הוא אני כל עם מה גם לי אם היה יש אבל היא או כי יותר רק "
        "אין ב אחד אל בין הם ישראל לו שלי אתה כמו כך לך עד הזה שלא שם אותו אז ה "
        "זו טוב שהוא כדי כן עוד מי להיות ולא לפני בית כמה שלו כבר בכל שאני אך "
        "דבר זאת איך בן אשר בו היו למה לה צריך אף אותי עכשיו לנו שלך אחת היום "
        "הרבה ידי יום יכול להם אדם יהיה רוצה אותה מאוד שני ביותר לאחר לעשות שיש "
        "אחר פעם כאן אחרי אנחנו ל אותם אותך בבית ו הייתה שנים אנשים אתם לכל נגד "
        "שנה אפשר הכל ממש משהו אומר זמן חיים כאשר שלנו אלא באמת נראה שהיא מ שזה "
        "שלה אמר בה דרך פה שהם אולי הייתי ואני יודע ראש בני העולם מספר פי תמיד "
        "במקום האם פשוט אלה אפילו וגם כ לפי עדיין לכם שאתה דברים"
    ),
    "hi": (
        "के है में की से और को का हैं पर भी एक तो नहीं ने कर ही हो लिए कि इस था "
        "यह गया किया जो ये आप करने रहे साथ अपने रहा क्या अब कुछ कोई थे दिया तक "
        "थी भारत बाद वो हम या न किसी वह बात आज करते रही जब जी बहुत लेकिन होता "
        "अपनी मैं वाले सरकार हुआ हुए फिर जा नाम जाता दिन देश नही लोग हर दो पहले "
        "कहा गए समय काम सकता ना बार अगर करना सभी होगा गई चाहिए कभी तरह दे होने "
        "उनके कई करता करें आ इन इसके होती उसके घर रूप हुई दी द्वारा मुझे "
        "उन्होंने उस कम जैसे मे मेरे मोदी लोगों व वे सब सबसे आपको साल उसे सकते "
        "उन्हें जाने लिया अपना प्रदेश ले हूँ ऐसे पास एवं हमारे आपके ऐसा क्यों "
        "मेरी तुम बारे वाली जीवन दिल्ली बस अधिक उनकी ज्यादा दिल भारतीय होते"
    ),
    "hu": (
        "a az és nem hogy egy is de meg csak ha van volt ez vagy már még én "
        "kell el jó ki azt most akkor mint ezt minden mert magyar nagyon így "
        "olyan itt mi sem lesz lehet vagyok majd es nagy úgy be nincs aki két "
        "fel után ne új amikor ami első te több pedig mindig nekem amit szerint "
        "kis mit s egyik ilyen le sok e jól i miért volna azért tudom budapest "
        "milyen igen között lett ott alatt ember ma miatt t lenne által hát más "
        "ő mikor valami ben egész arra ezért vannak ahol át ezek legyen nap rá "
        "the elég neki aztán előtt se valaki év amely kicsit semmi tényleg "
        "mellett erre fog mindenki neked na nélkül saját szép ahogy akik három "
        "inkább jobb szerintem együtt hogyan túl valamint legjobb újra biztos c "
        "ezzel mivel másik néhány vissza őket ban ellen ennek hanem pár"
    ),
    "id": (
        "yang dan di ini dari untuk dengan itu bisa aku ada tidak akan adalah "
        "dalam pada kita orang ke juga anda dia saya ya kamu lebih apa sudah "
        "mereka tapi karena atau menjadi tak baik jadi harus satu lagi seperti "
        "oleh banyak jika hanya kami saat tahun jangan sebagai hari telah semua "
        "dapat hal anak bahwa bukan indonesia saja sangat masih memiliki pernah "
        "mau lain sekarang baru sama seorang tersebut kalau beberapa besar "
        "salah sendiri ingin sebuah ia setelah waktu sampai tempat membuat "
        "punya mungkin hidup melakukan siapa belum kali kau tentang atas dua "
        "dunia secara ketika bahasa cara para rumah selalu lalu benar kota diri "
        "bagian kembali pasti selama pertama bersama nama setiap tanpa terjadi "
        "kepada mulai paling tetap masa tahu lama perlu berada cukup kan kasih "
        "kata kemudian luar mana masalah bulan malam masuk melihat namun wanita "
        "memang sedang sekali tetapi hati hingga makan merupakan nya pun air"
    ),
    "is": (
        "og í á að er sem til en við af hann um ekki var fyrir með ég eru frá "
        "það þar því eða eftir hún svo hefur vera þá verið þegar hafa þess úr "
        "út upp ef eins nú sé þú fram sér hér þeir þetta voru yfir allt hjá mér "
        "þeirra einnig vel gera hans þeim getur okkur þó sig þau koma okkar inn "
        "hvað vegna hafi undir bara fara mjög væri árið saman fá ár of síðan "
        "íslands aftur honum má sjá áður dag kemur kom skal heldur enn hvernig "
        "líka tíma hafði sama ára þær milli einn fer mig sínum fór meira segir "
        "ásamt ekkert mun segja taka aðeins eitt rétt sá þér halda allir gert "
        "hvort meðal varð þann annars íslandi alla bæði hennar sinni fyrsta hef "
        "sína hins alltaf gegn gott niður stað henni öðrum þannig þessi hana "
        "menn mikið geta áfram innan öll finna"
    ),
    "it": (
        "di e che il la a in non un per è del l i una le si con della da sono "
        "ma al ha come più dei se nel mi alla anche lo gli delle o questo ho ci "
        "su ad dal solo essere io nella ti cui d era stato quando tutti ed "
        "questa c tutto cosa hanno tra fatto prima suo loro parte perché anni "
        "due sia sua ai fare così dalla degli dopo sul alle uno ne poi quello "
        "sempre fa me chi ancora molto senza mai ogni altri ora mio può quanto "
        "mia sulla tempo dove vita nei no già sei quella quindi secondo hai "
        "proprio altro bene grazie lavoro modo dai noi nelle vi casa persone "
        "qui sta te volta dire italia tu giorno mondo questi stata lui siamo "
        "stesso via cose grande primo contro de caso li mentre tutte abbiamo "
        "quel oggi tanto città"
    ),
    "ja": (
        "の に て は が た を で し と な ない も だ か ん から です する よ "
        "ます さ こと いる れ ね てる ある う い 人 や 日 いい なっ まし この "
        "そう って たら ば お けど これ よう じゃ 年 その たい だけ まで 的 "
        "なる なら 者 月 だっ 見 という 中 それ でも 何 れる だろ なく 私 ため "
        "わ 時 あり もの へ 一 あっ さん ので 今 方 き せ として 日本 でき ませ "
        "やっ など 思っ 自分 なかっ られ ー より とか 俺 前 気 時間 どう でしょ "
        "また もう 目 言っ え できる なり 話 くれ 事 出 ず 思う かも 分 家 たり "
        "ご み 円 後 のに みたい ください たち 二 好き 良い ここ ぞ 大 性 上 回 "
        "考え 感じ 数 必要 行っ そんな なんて ら 万 来 ちょっと 世界 他 本 誰 "
        "ありがとう"
    ),
    "ko": (
        "이 는 을 하 에 다 의 고 은 가 를 있 들 한 도 어 게 에서 으로 일 나 로 "
        "지 했 었 해 아 과 되 기 것 그 수 면 와 적 할 인 만 안 거 보 요 습니다 "
        "없 주 월 말 좋 내 니 않 시 년 같 제 입 더 사람 자 지만 겠 는데 야 여 "
        "아니 우리 던 에게 된 때 라고 며 전 네 라 한다 저 님 알 았 잘 합니다 등 "
        "까지 받 오 중 서 못 생각 번 세요 싶 다고 개 대 두 였 시간 면서 부터 성 "
        "분 라는 명 the 많 원 살 다른 지금 때문 어서 왜 다는 여자 으면 뭐 위 화 "
        "좀 해서 건 죠 하나 한국 후 같이 날 시작 신 먹 사랑 그리고 니까 만들 맞 "
        "a 게임 군 및 사용 차 너 될 위해 줄 집 함께"
    ),
    "lt": (
        "ir kad į su iš yra tai kaip ar o buvo savo tik bet nuo ne apie taip m "
        "lietuvos kai labai dėl per dar gali jau po iki jis bei jei už jo pat "
        "to būti kas mūsų turi prie bus metų nes jos d jie tačiau arba daug jų "
        "metu daugiau nors čia ant nėra ji jūsų prieš reikia kur aš ką pagal "
        "tiek be mes net a nei vienas būtų lietuvoje vis dabar mano kuris man "
        "visi jog jums jį tikrai metais todėl kartą tarp tuo vilniaus europos "
        "jeigu vieną g kiek juos kartu kurie žmonės jūs miesto kuri kurios šį "
        "gal ją laiko lietuvių tada valstybės gerai jam tiesiog pats ten viena "
        "visą dieną kauno kol kultūros kurių tam šis du kitų šios dalis tą "
        "visus žemės galima žmonių kuo ko pasaulio tas toks viskas vėliau "
        "visada šiandien jiems kurį rajono žmogus mums toliau i nieko"
    ),
    "lv": (
        "un ir ar par ka no kā uz kas arī vai bet es tā nav to tas man ja lai "
        "bija ko pēc tikai tad līdz kad var jau pie tu latvijas vēl būs jo ļoti "
        "gan ne savu tev viņš gada tik nu šo mēs kur visu tās esmu kaut mums "
        "tagad viņa mūsu viss daudz laikā būtu valsts pa jūs tiek pat vairāk "
        "jums labi būt cik kāds tam viņu mani tur latvijā taču varētu bez rīgas "
        "visi kurš pret viens šī pirms tie tika kopā tieši kādu kāpēc paldies "
        "viņi tāpēc esi gadu gadā jā šis jūsu nekā tomēr tevi laiku kuru vien "
        "vienmēr pats vairs viena vienu vienkārši a nē eiropas lūdzu varbūt "
        "kuras latviešu te šajā cilvēki vajag visiem neko trīs kura kuri kurā "
        "kāda nekad pasaules rīgā tajā dēļ labāk laika laiks starp viņiem citu "
        "nevar patīk vietā viņam iespējams iet sevi tāpat cilvēku"
    ),
    "mk": (
        "на и во да се од за е со не го ќе што дека ги како ја тоа а кој кои си "
        "по ми до ти многу но или само има кога беше сите тој ако така може "
        "која ова јас година еден нема сум биде му треба време македонија "
        "повеќе уште пред им тие ме па една сега каде луѓе овој ни години дали "
        "оваа таа те дел без би ви исто кај додека некој ние работи кон поради "
        "ден зошто други некои овие според страна затоа нешто веќе имаат работа "
        "колку сакам сме преку толку бидејќи мене неколку околу бил г под секој "
        "било луѓето место светот ве нив против тогаш ама добро значи кое "
        "скопје бидат меѓу цел живот него сте тебе неговата биле две ништо она "
        "мислам тука денес имам пат знам малку низ оние својата три дури можат "
        "начин никогаш своите нас неговиот човек беа"
    ),
    "ms": (
        "yang dan di tak boleh dengan untuk saya ini awak dalam dari orang aku "
        "tapi kau kita nak adalah ke semua ada pada apa lagi buat dah bukan "
        "jadi mana itu dia tidak anda kepada daripada ialah ia telah baik lebih "
        "mereka sekolah satu jangan tahu hari juga rasa kalau ni atau bagi anak "
        "lain tu cakap seorang seperti akan keluar menjadi malaysia selamat "
        "macam sama kawan tempat baru lihat lelaki tiada pun malam masuk tahun "
        "kerana kata kan suka tetapi beliau dua hidup kami masa pergi banyak "
        "bila dunia hati kena mempunyai mak pernah salah atas besar memang "
        "bersama kampung rumah sebab beberapa kawasan nama bahawa jalan kenapa "
        "sekarang kali masih ya hanya lama oleh sayang ibu jika lagu betul "
        "makan sendiri wanita sebelum siapa tolong sebagai sekali air cari kamu "
        "tuhan dulu ketika manusia tengok diri kemudian minta nampak pertama al "
        "benda in kerja luar dapat kuala sangat"
    ),
    "nb": (
        "i og er det å på som til en av for ikke med har jeg at de du om den så "
        "vi fra var kan et men han seg dette noe skal noen ble vil bare også ut "
        "da nå hva etter eller meg være blir hadde alle når her må ha deg få "
        "man mer opp andre gjør over litt ved vært bli får inn denne enn år "
        "gjøre hun mye der hvor norge se igjen kommer mot selv hvis ta to før "
        "fikk alt flere helt ser min oss går vel hvordan jo uten ingen mange "
        "dere kunne siden sin tror folk nok si sier dag norsk første god godt "
        "hele kanskje dem din gang skulle slik bra norske kom samme sammen "
        "under vet annet bedre disse gå aldri ja tar blitt oslo mellom ville "
        "sett tid veldig nye hvorfor rundt rett trenger fordi gi gikk hans nei"
    ),
    "nl": (
        "de van het een en in is op ik dat voor je te met niet zijn die als er "
        "maar om aan hij ook ze door naar uit bij dan dit was we wat heeft of "
        "over nog deze hebben kan meer zo al geen mijn wel tot u wordt heb "
        "worden nu haar ben kunnen veel jaar me moet hoe mensen na ons waar "
        "werd goed gaan gaat onze wil zich zou doen andere hier dus tegen maken "
        "alleen mij onder had hun twee nieuwe weer zien zal jij moeten eerste "
        "komt wij echt eens daar heel toch dag mee staat alle tijd zij zoals "
        "iets komen leven omdat toen ga t waren hem jullie tijdens altijd "
        "tussen ja weet wie laten waarom alles net via even gewoon grote man "
        "terug af laat zonder uur steeds zie bent eigen keer maakt willen "
        "iedereen weg hele iemand binnen uw werden"
    ),
    "pl": (
        "w i nie na się to z do jest że o jak a ale co tak za od po dla tym czy "
        "przez tego są ma tylko już mi mnie ze może bo ja ten oraz bardzo "
        "będzie być jego by sobie ich mam jeśli roku też jeszcze był które jako "
        "jestem było jej kiedy który nawet teraz go no pod coś ci lat tam te "
        "więc gdy gdzie tej bez żeby jednak lub wiem nic wszystko można przy "
        "ludzie przed więcej chyba ludzi nas także tu on była u tych również ta "
        "takie ktoś niż dobrze kto r zawsze która właśnie masz sie aby albo ty "
        "osób czas mają dzięki którzy podczas bardziej dlaczego dzieci nich raz "
        "mu nad nigdy pracy im mamy życie chce dnia innych je jesteś temu tutaj "
        "wiele został będą jeden miejsce polski wszyscy wszystkich wszystkie "
        "były kilka nam sposób we domu dzień których prostu"
    ),
    "pt": (
        "de a o que e do em da é para não um uma com no se na por os eu como as "
        "mais dos mas foi ao me você ser seu sua tem são das ou à ele muito "
        "isso já nos também quando está meu pelo ela vai só dia pela sobre bem "
        "até mesmo pode pessoas te ter tudo ainda aqui fazer minha anos todos "
        "quem sem agora entre era seus nas assim depois este onde vou brasil "
        "mundo estão esse tempo vida essa eles há porque tenho casa nada the "
        "ver melhor bom foram sempre ano grande esta vez aos apenas coisa sou "
        "suas dois nunca todo quero mim parte outros hoje sei tão então nem "
        "nossa faz cidade qual às deus quer estou trabalho nós durante estado "
        "forma novo pra seja dias maior outro primeiro será cada lá qualquer "
        "sim acho menos alguém antes coisas nome"
    ),
    "ro": (
        "de în și a la să din o pe cu nu mai un este că care pentru se au ce "
        "fost ca al am sunt fi si va s lui dar sau e sa dacă după i ne ar le "
        "poate prin cum când ale in despre era iar mult are l ai cel mare "
        "trebuie ani cele doar foarte noi el fie ei n dintre te timp tot până "
        "face într pot chiar românia vă toate vor așa acest bine mi acum nici "
        "către două atunci unui avea cât mă unde cea eu unei fără fiind între "
        "această multe parte anul îi asta ceea putea alte decât avut lor vezi "
        "îl făcut loc atât d unul sub aici m astfel zi lucru ea prima trei "
        "orice precum spre timpul asemenea ceva fiecare peste puțin spune "
        "numele apoi cei nou fel bucurești oameni fac primul încă spus unor "
        "partea acesta"
    ),
    "ru": (
        "в и на не с что я по а как из это за для о к но то у его он от все так "
        "же мы до ты только был если когда было мне меня уже еще бы или их они "
        "при будет время кто года чтобы есть она во вы может после нет очень "
        "были со была также вот ее чем быть где под этом вас россии да даже "
        "можно того просто этого больше сейчас том более г ну без году лет нас "
        "ни об там человек которые себя этот который ли м раз всех один тебя "
        "теперь всего сегодня надо через ему них сша тоже области почему день "
        "пока тем эти жизни им всегда между этой здесь потому нужно себе такой "
        "тебе год два людей него однако п люди много ничего тут свою всё её "
        "жизнь нам несколько своей сказал тогда хочу вам мой ещё место потом "
        "против"
    ),
    "sh": (
        "je u i da se na od za su a ne sa iz to kao o što godine koji kako bi "
        "ali nije još po s do sve bio ili sam će koja samo te biti više koje "
        "kada ako tako bilo sad smo mi može ima on ga jer pa ni zbog prema "
        "godina bila kod jedan nakon treba bez li mogu ih oko šta dok ja ljudi "
        "oni rekao ovo dana toga gde mu ovaj pod sada nego nas broj između kad "
        "svi bili dva pre prvi svoje gdje nema ona tu bih bude ko nam nisu im "
        "radi ti tome mnogo danas uz vidi taj tri nešto ono put vreme grada dan "
        "kaže koju nekoliko onda tokom uvek već svoju zato opštine protiv svoj "
        "vrijeme odnosno dobro neće postoji ove vam me novi drugi koliko možete "
        "puta život njih strane neki preko tim ime jednom ovde republike"
    ),
    "sk": (
        "a v sa na je to z že s ako aj o si do som ale po za tak od čo už bol "
        "by pre sú ak k alebo nie sme ich len vo aby keď ktorý ktoré pri má "
        "jeho bola bude ktorá až veľmi bolo byť vám jej so roku ho ešte i zo "
        "podľa mi však ani ste tu viac kde boli pred medzi môže nás vás no tiež "
        "tým pozri toho tom či pod počas potom ju všetko bez ja rokov tento nám "
        "tam iba ľudí ma niečo preto deň možno pretože tomu všetky mať mu mali "
        "práve teda ten vďaka dnes vždy toto u každý svoje asi teraz veľa mal "
        "miesto nad najmä jeden ktorú stále tejto ide proti takže spolu čas "
        "ktorej lebo mám tie časti nič oblasti okrem im napríklad svoju ľudia "
        "dobre iné nich slovenskej slovensku určite cez ktorých máte môžete "
        "všetkých"
    ),
    "sl": (
        "je in v na se da so za ki pa z tudi lahko s ne kot po še iz bi bo od "
        "tako to pri ali o če že bil do ni med vse jih ko kar ga si smo bila "
        "leta več sem tem ter nekaj saj ta tega zelo jo zaradi bilo ob a bodo "
        "ker kjer sta zato vedno le ima pred veliko prav kaj samo naj vam kako "
        "nas mi te brez k let boste nam vendar dan del čas bomo dela vas ime "
        "svoje mu pod bili gre slovenije času bolj danes delo dobro ampak drugi "
        "proti seveda strani časa sloveniji vsi ti prvi skupaj ljudi mogoče "
        "niso potem svojo mesto ste ljudje najbolj jim leto predvsem torej zdaj "
        "druge poleg letih mora res biti pomeni treba dve malo vsak drugih "
        "življenje eno imajo katerih ljubljana nad nato občine glede mestu celo "
        "delu dva tri"
    ),
    "sv": (
        "är det att och i jag på en inte som för med har av om du så till den "
        "de ett kan vi men man var ska när nu vad från här mig bara eller han "
        "då hur kommer alla vill sig vara där får bra finns ha skulle ut min "
        "dig hade ju lite mycket upp in gör få blir mer än år efter göra över "
        "detta ni ta också allt hon måste se går även under någon vet andra "
        "något tror bli ja mot kanske ser vid ingen sverige två varför många "
        "dem din hela sen sin helt utan gå väl fick oss säger aldrig varit mitt "
        "blev rätt dom sedan själv behöver några svenska åt första nog tar "
        "tycker alltid bättre denna igen tack just idag nej folk inget kom del "
        "säga fan innan ner barn mina samma borde dag verkligen nya sätt vilket "
        "annat tid genom"
    ),
    "ta": (
        "ஒரு இந்த மற்றும் என்ற நான் தான் என்று இது அந்த உள்ள என் பல அது "
        "வேண்டும் என்பது இருக்கும் இருந்து இல்லை மக்கள் முதல் என அவர் என்ன சில "
        "தமிழ் போது மேலும் இன்று அல்லது அரசு உள்ளது தனது மூலம் ஆனால் போன்ற "
        "கொண்டு வரும் வரை அதன் நாம் இரண்டு எந்த எனக்கு கூட வந்து இந்திய ஆண்டு "
        "என்றும் மட்டும் அரசியல் அவன் அவர்கள் உங்கள் படம் ஆம் நல்ல போல அதை "
        "அவரது நாள் மட்டுமே மிகவும் இன்னும் கொண்ட பி பின்னர் பெரிய எப்படி எம் "
        "இருந்தது எல்லாம் விட்டு எஸ் தலைவர் பற்றி புதிய மீது சென்னை தன் "
        "முடியாது இதில் வேலை ஒன்று நீங்கள் பிறகு இருந்த செய்ய நம் என்றால் ஒரே "
        "பெண் பேர் மூன்று வந்த ஏன் இருக்க செய்து பல்வேறு சேர்ந்த அடுத்த இவர் "
        "என்னை முறை தமிழக தொடர்ந்து நீ இலங்கை காரணம் மத்திய இதன் இப்படி சரி "
        "பின் மீண்டும் அதிக ஒவ்வொரு டி ஆகிய மிக the இரு செய்யும் தேசிய பார்த்து "
        "முடியும் விட அனைத்து இ பெண்கள் போல் மு வாழ்க்கை வைத்து அதே அவர்களின் "
        "இங்கு இந்தியா க பகுதியில் பெயர் மாதம் வெற்றி அன்று இதனால் இதை கலந்து "
        "திட்டம் வேண்டிய கொஞ்சம் நிலை"
    ),
    "tr": (
        "ve bir bu için de da çok ile ne daha en gibi olarak her kadar o olan "
        "ben var ama sonra ki iyi yok ya değil sen büyük yeni güzel sadece "
        "zaman ilk iki mi hiç ise oldu bile nasıl şey benim böyle son tek gün "
        "tüm yer önce artık göre mı seni beni türkiye aynı bana tarafından türk "
        "doğru veya biz olduğunu diye kendi olduğu olur d şu birlikte devam "
        "diğer sana fazla neden a önemli yıl içinde olmak şimdi çünkü ancak "
        "başka biri bunu işte olsun karşı arasında insanlar öyle şekilde bütün "
        "istanbul iş senin dünya genel hemen yine adam siz tam uzun bizim bugün "
        "saat az bunun eden hakkında küçük size teşekkürler alan bazı geri "
        "olacak gelen insan kadın onu üç biraz gece hem kişi yani ayrıca eski i "
        "kabul etti hiçbir ilgili yapılan özel bize evet gerçek e vardır fakat "
        "kez sahip yüksek zaten üzerine geldi"
    ),
    "uk": (
        "в на не і у з що та до це за а я як про для від так україни але він "
        "його все то є ви по ми й ще які під вже коли якщо або року було вони "
        "із мене щоб мені ж тут чи час який просто ти був с буде нас ну тому її "
        "також дуже може після через їх хто де там тільки б можна вона всі ні "
        "років те того україні цього бути при без яка має цей треба більше чому "
        "була були зі бо вас зараз вам один щодо будь навіть лише життя людей "
        "от себе и тепер о них р сша день проти щось яких люди нічого ось рік "
        "сьогодні багато м нам немає саме області ради тебе тоді україна цьому "
        "же між інших завжди свою ці два нього році би всіх добре йому таке "
        "чого the потрібно той ніж раз росії теж"
    ),
    "ur": (
        "کے میں کی ہے اور سے کا کو اس پر ہیں نے بھی ایک کر یہ نہیں کہ تو کیا وہ "
        "ہو ان تھا جو ہی و جس نہ پاکستان گیا آپ لیے اللہ تھے بعد کوئی اپنے گا "
        "ہم کسی تھی کرنے یا ساتھ جب رہے تک گے دیا والے بات ہوئے اگر ہونے جائے "
        "ہوں اپنی ہوا کرتے بہت سب کچھ اب ملک پھر گئے حکومت رہا لیکن ہر زیادہ "
        "طور لئے گئی گی وقت ہوتا دو پہلے پی کریں آئی صرف نام انہوں جاتا خان "
        "لوگوں ہوئی اسے دے بے سال طرح بن دنیا رہی اسلام دی لوگ مگر حاصل لے کرنا "
        "کہا کام آج جا خلاف وجہ کیلئے جن خود محمد دن صاحب اسی تم تمام مجھے ہوتی "
        "افراد اے شامل ہمارے استعمال والی کرتا طرف سی عوام وسلم کم علی مطابق "
        "کرے آباد زندگی لیا میرے سکتا شروع گھر ایسے دور غیر پاکستانی پاس پنجاب"
    ),
    "vi": (
        "là và có của được một các không trong cho người này với ở đã thể để "
        "như những đến khi làm sẽ từ ra công họ tại về vào đó cũng thành lại "
        "đầu chỉ năm sự tôi bị học phải chính ngày số ông động mà nhà thì trên "
        "việc sau nam điều còn chúng gia mình thế nhưng rất đi bộ nhân thực bạn "
        "hiện theo thời anh con hơn nước nhất sinh đây nên sử cả quốc trung "
        "hành hình phát vì nó cần nhiều tin đại quan viên đang biết ta độ do "
        "hội lên việt đồng hay khác nếu trước bản dân kết nói định thứ cùng cầu "
        "nào xuất dụng lý pháp cao thị trường tên tốt cách thấy văn chủ qua "
        "thích vị mới phần tự ý giải bảo cơ em giới hợp liên bằng hai ngoài cảm "
        "giúp tới vậy tháng"
    ),
    "zh": (
        "的 是 在 了 我 和 有 不 人 也 你 为 他 这 中 与 年 对 就 都 一个 上 说 "
        "吗 我们 会 到 要 来 中国 月 被 他们 没有 还 而 个 可以 后 等 但 于 "
        "什么 日 这个 将 并 能 一 很 让 从 国家 以 好 大 她 着 多 自己 问题 时 "
        "给 把 去 看 又 美国 或 因为 下 不是 之 现在 过 新 里 做 及 地 由 怎么 "
        "没 用 就是 已经 更 这些 得 所 发展 开始 想 最 这样 公司 它 政府 可能 "
        "那 工作 社会 三 可 吧 如果 知道 进行 世界 其 日本 该 不能 只 向 计划 "
        "前 成为 时间 认为 需要 出 啊 已 再 国际 地区 小 当 时候 们 内 却 使用 "
        "才 经济 活动 爱 但是 历史 应该 政治 第 谁 不会 以及 情况 真的 组织 "
        "人民"
    ),
}


def _width(text: str) -> int:
    """Display width: wide East Asian characters count twice."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _generate_stop_words(limit: int = 150) -> str:
    """The source text of STOP_WORDS, from wordfreq's top-word lists."""
    import unicodedata

    import wordfreq

    def letters_only(word: str) -> bool:
        return all(unicodedata.category(c)[0] in "LM" for c in word)

    lines = ["STOP_WORDS: dict[str, str] = {"]
    for lang in sorted(wordfreq.available_languages()):
        top = [w for w in wordfreq.top_n_list(lang, 2 * limit) if letters_only(w)][:limit]
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
