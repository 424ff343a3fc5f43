"""Boilerplate removal on hand-written pages: article kept, chrome dropped with its reason."""

from __future__ import annotations

import dataclasses

import pytest

import cleaner
from cleaner.boilerplate import (
    _MENU_LIKE_RE,
    LineInfo,
    _analyse,
    _is_ascii_menu_like,
    _lexicon,
    _line_record,
    _one_pass,
    _words_are_ascii,
    marker_of,
    remove_boilerplate,
)
from cleaner.dedupe import dedupe_key
from cleaner.options import CleanOptions
from cleaner.phrases import MARKERS, label_key
from cleaner.trace import Reason, Stage, Step

OPTS = CleanOptions()


def page(*blocks: str | list[str]) -> str:
    """Blocks separated by a blank line; a list is one block of lines joined by line breaks."""
    return "\n\n".join("\n".join(b) if isinstance(b, list) else b for b in blocks)


def reasons(text: str, options: CleanOptions = OPTS) -> dict[str, Reason]:
    """Dropped line text -> reason."""
    _out, steps = remove_boilerplate(text, options)
    return {s.before.strip(): s.reason for s in steps if s.action == "drop_line" and s.before}


def kept(text: str, options: CleanOptions = OPTS) -> list[str]:
    out, _steps = remove_boilerplate(text, options)
    return [line for line in out.split("\n") if line.strip()]


# ---------------------------------------------------------------------------------------
# An English news page

EN_TOP = ["Skip to main content", "Subscribe", "Sign in", "Search"]
EN_MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Opinion", "Video"]
EN_SHARE = ["Share this article", "Facebook", "Twitter", "Email"]
EN_TITLE = "Harbour town votes to rebuild its old sea wall"
EN_BYLINE = "By Jane Morrow"
EN_DATE = "March 3, 2024, 9:15 am"
EN_BODY = [
    "The council of the small harbour town voted on Monday to rebuild the sea wall that "
    "has protected its fishing port for more than a century, after two winter storms "
    "damaged large parts of it.",
    "The work is expected to take three years and will be paid for in part by a regional "
    "fund, the mayor said, adding that the town could not wait for the next storm to "
    "decide what to do.",
    "Fishermen who use the port said they were relieved. Many of them had lost boats and "
    "nets in January, when waves broke over the wall and flooded the streets near the quay.",
    "Engineers will first survey the foundations, which were laid in the 1890s, before "
    "they decide whether the old stones can be used again or must be replaced.",
]
EN_CAPTION = "Waves break over the damaged sea wall in January. Photo: Tom Reyes"
EN_CREDIT = "(Reporting by Jane Morrow; Editing by Paul Kent)"
EN_AD = "Advertisement"
EN_COOKIE = [
    "We use cookies to improve your experience on our site. By continuing to browse "
    "you agree to our use of cookies.",
    "Accept all",
]
EN_RELATED = [
    "Related stories",
    "Storm season starts early on the coast",
    "City council approves a new budget",
    "Local team wins the regional cup",
]
EN_COMMENTS = ["12 Comments", "Leave a comment"]
EN_FOOTER = [
    "About us",
    "Contact us",
    "Privacy Policy",
    "Terms of Use",
    "\u00a9 2024 Harbour Media Ltd. All rights reserved.",
]


def english_page() -> str:
    return page(
        *EN_TOP,
        *EN_MENU,
        EN_TITLE,
        [EN_BYLINE, EN_DATE],
        EN_SHARE,
        EN_BODY[0],
        EN_CAPTION,
        EN_BODY[1],
        EN_AD,
        EN_BODY[2],
        EN_BODY[3],
        EN_CREDIT,
        EN_SHARE,
        *EN_RELATED,
        *EN_COMMENTS,
        *EN_FOOTER,
        *EN_COOKIE,
    )


def test_english_page_keeps_only_the_article() -> None:
    assert kept(english_page()) == [
        EN_TITLE,
        EN_BYLINE,
        EN_DATE,
        EN_BODY[0],
        EN_CAPTION,
        EN_BODY[1],
        EN_BODY[2],
        EN_BODY[3],
        EN_CREDIT,
    ]


def test_english_page_reason_of_each_dropped_line() -> None:
    got = reasons(english_page())
    assert got["Skip to main content"] == Reason.NAVIGATION
    assert got["Subscribe"] == Reason.SUBSCRIBE
    assert got["Sign in"] == Reason.SUBSCRIBE
    assert got["Search"] == Reason.FORM_CONTROL
    for item in EN_MENU:
        assert got[item] == Reason.NAVIGATION, item
    assert got["Share this article"] == Reason.SOCIAL
    assert got["Facebook"] == Reason.SOCIAL
    assert got["Twitter"] == Reason.SOCIAL
    assert got[EN_AD] == Reason.ADVERTISEMENT
    for item in EN_RELATED:
        assert got[item] == Reason.RELATED, item
    for item in EN_COMMENTS:
        assert got[item] == Reason.COMMENTS, item
    assert got["Privacy Policy"] == Reason.FOOTER
    assert got["Terms of Use"] == Reason.FOOTER
    assert got[EN_FOOTER[-1]] == Reason.FOOTER
    assert got[EN_COOKIE[0]] == Reason.COOKIE
    assert got["Accept all"] == Reason.COOKIE


def test_steps_point_at_input_lines() -> None:
    text = english_page()
    lines = text.split("\n")
    _out, steps = remove_boilerplate(text, OPTS)
    assert steps
    for step in steps:
        assert step.action == "drop_line"
        assert step.stage in (Stage.BOILERPLATE, Stage.DEDUPE)
        assert step.line is not None
        assert lines[step.line - 1] == step.before
        assert step.confidence is not None
        assert OPTS.boilerplate_threshold <= step.confidence <= 1.0


def test_output_paragraphs_are_separated_by_one_blank_line() -> None:
    text = english_page().replace(EN_BODY[1], EN_BODY[1] + "\n\u00a0\n \n\n")
    out, steps = remove_boilerplate(text, OPTS)
    assert "\n\n\n" not in out
    assert out.endswith(EN_CREDIT + "\n")
    assert any(s.reason == Reason.EMPTY and s.before == "\u00a0" for s in steps)
    assert f"{EN_BYLINE}\n{EN_DATE}" in out  # a line break inside a block stays


# ---------------------------------------------------------------------------------------
# The seed document


def test_seed(seed_pair: tuple[str, str]) -> None:
    raw, expected = seed_pair
    assert cleaner.clean(raw).text == expected


def test_seed_line_removal_alone(seed_pair: tuple[str, str]) -> None:
    """Without recovery the stage gives the expected text with the raw ``?`` letters."""
    raw, expected = seed_pair
    out, steps = remove_boilerplate(raw, OPTS)
    assert out == expected.replace("\u00c7avu\u015fo\u011flu", "\u00c7avu?o?lu")
    dropped = [(s.reason, s.line) for s in steps if s.action == "drop_line"]
    assert dropped[0] == (Reason.SOCIAL, 1)
    assert (Reason.DUPLICATE, 8) in dropped
    assert "TBP and Agencies" in out


# ---------------------------------------------------------------------------------------
# Other languages

DE_PAGE = page(
    ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"],
    "Anmelden",
    "Stadtrat beschließt neue Brücke über den Fluss",
    "Von Anna Becker",
    ["Artikel teilen", "Facebook", "Twitter"],
    "Der Stadtrat hat am Montag beschlossen, die alte Brücke über den Fluss abzureißen und "
    "durch einen Neubau zu ersetzen, weil die Pfeiler nach dem Hochwasser nicht mehr sicher sind.",
    "Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern. In dieser Zeit "
    "wird eine Fähre eingesetzt, damit die Menschen weiterhin zur Arbeit und zur Schule kommen.",
    "Anzeige",
    "Viele Anwohner begrüßten die Entscheidung, auch wenn sie sich über die lange Bauzeit "
    "sorgen. Der Bürgermeister versprach, die Kosten und den Zeitplan regelmäßig zu "
    "veröffentlichen.",
    ["Das könnte Sie auch interessieren", "Neue Buslinie ab Dezember", "Schwimmbad öffnet wieder"],
    ["Impressum", "Datenschutz", "Kontakt", "\u00a9 2024 Stadtanzeiger. Alle Rechte vorbehalten."],
)

FR_PAGE = page(
    ["Accueil", "Actualités", "Politique", "Économie", "Culture"],
    "Le port de pêche retrouve ses bateaux après la tempête",
    "Par Claire Martin",
    ["Partager", "Facebook", "Twitter"],
    "Les pêcheurs du petit port ont pu reprendre la mer cette semaine, trois mois après la "
    "tempête qui avait détruit une partie de la digue et plusieurs bateaux.",
    "La mairie a annoncé que les travaux de réparation de la digue seraient terminés avant "
    "l'été, grâce à une aide de la région et de l'État.",
    "Publicité",
    "Pour les familles qui vivent de la pêche depuis des générations, ce retour est un "
    "soulagement, même si les prix du carburant restent très élevés.",
    ["À lire aussi", "La saison touristique commence tôt", "Un nouveau marché sur le quai"],
    ["Mentions légales", "Politique de confidentialité", "Tous droits réservés"],
)

ES_PAGE = page(
    ["Inicio", "Noticias", "Deportes", "Cultura", "Opinión"],
    "La ciudad abre un nuevo parque junto al río",
    ["Compartir", "Facebook", "Twitter"],
    "El ayuntamiento inauguró el sábado un parque de diez hectáreas en la orilla del río, "
    "en unos terrenos que durante décadas ocuparon antiguas fábricas abandonadas.",
    "Los vecinos podrán usar los caminos, las zonas de juego y un pequeño embarcadero, y "
    "el alcalde prometió que el parque estará abierto todos los días del año.",
    "Publicidad",
    "Las obras costaron más de lo previsto, pero la mayoría de los vecinos que asistieron a "
    "la inauguración dijeron que había valido la pena esperar.",
    ["Noticias relacionadas", "El tranvía llega al barrio norte", "Récord de visitantes"],
    ["Aviso legal", "Política de privacidad", "Todos los derechos reservados"],
)

RU_PAGE = page(
    ["Главная", "Новости", "Политика", "Экономика", "Спорт"],
    "В городе открыли новую библиотеку",
    ["Поделиться", "Facebook", "Twitter"],
    "В субботу в центре города открылась новая библиотека, в которой будет больше ста тысяч "
    "книг, читальные залы и отдельная комната для детей.",
    "По словам директора, здание строили почти три года, и все это время жители района "
    "помогали собирать книги и предлагали, какие кружки стоит открыть.",
    "Реклама",
    "В первый же день библиотеку посетили более двух тысяч человек, а многие из них сразу "
    "записались в клубы любителей чтения и истории.",
    ["Читайте также", "Мост через реку закроют на ремонт", "Новый маршрут автобуса"],
    ["Политика конфиденциальности", "Все права защищены"],
)

TR_PAGE = page(
    ["Ana Sayfa", "Gündem", "Ekonomi", "Spor", "Kültür"],
    "Şehirde yeni bir müze açıldı",
    ["Paylaş", "Facebook", "Twitter"],
    "Şehrin eski tren istasyonu, uzun süren bir restorasyonun ardından cumartesi günü "
    "müze olarak ziyaretçilere açıldı ve ilk gün binlerce kişi müzeyi gezdi.",
    "Müze müdürü, binanın tarihi dokusunun korunduğunu ve koleksiyonda bölgenin demiryolu "
    "geçmişine ait yüzlerce eşyanın sergilendiğini söyledi.",
    "Reklam",
    "Ziyaretçiler, özellikle eski vagonların ve istasyon saatinin bulunduğu salonun çok "
    "ilgi gördüğünü, çocukların da bu bölümde uzun zaman geçirdiğini anlattı.",
    ["İlgili Haberler", "Sahil yolu yenileniyor", "Yeni kütüphane hizmete girdi"],
    ["Gizlilik Politikası", "Tüm hakları saklıdır"],
)

PL_PAGE = page(
    ["Strona główna", "Wiadomości", "Polityka", "Sport", "Kultura"],
    "Miasto otwiera nowy most na rzece",
    ["Udostępnij", "Facebook", "Twitter"],
    "W sobotę w mieście otwarto nowy most, który połączył dwie dzielnice leżące po obu "
    "stronach rzeki i skrócił drogę do centrum dla tysięcy mieszkańców.",
    "Budowa trwała prawie trzy lata, a jej koszt wyniósł więcej niż planowano, jednak "
    "prezydent miasta podkreślił, że inwestycja była bardzo potrzebna.",
    "Reklama",
    "Mieszkańcy, którzy przyszli na otwarcie, mówili, że teraz do pracy i do szkoły będą "
    "mogli dojechać znacznie szybciej niż do tej pory.",
    ["Zobacz także", "Nowa linia tramwajowa", "Rekordowa frekwencja w muzeum"],
    ["Polityka prywatności", "Wszelkie prawa zastrzeżone"],
)

PAGES = {
    "de": (DE_PAGE, "Anzeige", "Datenschutz"),
    "fr": (FR_PAGE, "Publicité", "Mentions légales"),
    "es": (ES_PAGE, "Publicidad", "Aviso legal"),
    "ru": (RU_PAGE, "Реклама", "Политика конфиденциальности"),
    "tr": (TR_PAGE, "Reklam", "Gizlilik Politikası"),
    "pl": (PL_PAGE, "Reklama", "Polityka prywatności"),
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_other_languages_keep_the_article(lang: str) -> None:
    text, ad, footer = PAGES[lang]
    out = kept(text)
    long_lines = [line for line in text.split("\n") if len(line) > 120]
    assert len(long_lines) == 3
    for line in long_lines:
        assert line in out
    got = reasons(text)
    assert got[ad] == Reason.ADVERTISEMENT
    assert got[footer] == Reason.FOOTER
    assert got["Facebook"] == Reason.SOCIAL
    # the title (and the byline, where there is one) is kept, the menu is not
    title = next(line for line in text.split("\n") if line in TITLES)
    assert out[0] == title
    assert [line for line in out[1:] if line not in long_lines] in ([], [BYLINES.get(lang)])
    assert not set(text.split("\n\n")[0].split("\n")) & set(out)


TITLES = {
    "Stadtrat beschließt neue Brücke über den Fluss",
    "Le port de pêche retrouve ses bateaux après la tempête",
    "La ciudad abre un nuevo parque junto al río",
    "В городе открыли новую библиотеку",
    "Şehirde yeni bir müze açıldı",
    "Miasto otwiera nowy most na rzece",
}
BYLINES = {"de": "Von Anna Becker", "fr": "Par Claire Martin"}


ZH_PARAS = [
    "上周六，市政府在河边开放了一座新公园。公园占地十公顷，过去这里是几家废弃的工厂，"
    "附近的居民多年来一直希望把这片土地改造成公共空间。",
    "市长在开园仪式上说，公园全年每天开放，里面有步行道、儿童游乐区和一个小码头，"
    "周末还会举办音乐会和市场活动。",
    "不少居民表示，虽然工程比原计划多用了一年时间，费用也超出了预算，但他们认为这样的"
    "等待是值得的，因为孩子们终于有了一个安全的地方玩耍。",
]

JA_PARAS = [
    "市は土曜日、川沿いの古い工場の跡地に新しい公園を開園した。広さは約十ヘクタールで、"
    "近くに住む人たちは長い間、この場所を公共の空間にすることを望んでいた。",
    "市長は開園式で、公園は一年中毎日開いていると述べ、散歩道や子どもの遊び場、"
    "小さな船着き場があることを紹介した。週末には音楽会や市場も開かれる予定だという。",
    "工事は予定より一年長くかかり、費用も予算を上回ったが、多くの住民は待ったかいが"
    "あったと話し、子どもたちが安心して遊べる場所ができたことを喜んでいた。",
]


def cjk_page(title: str, paras: list[str], chrome: dict[str, list[str]]) -> str:
    return page(
        chrome["menu"],
        title,
        chrome["share"],
        paras[0],
        paras[1],
        chrome["ad"],
        paras[2],
        chrome["related"],
        chrome["footer"],
    )


ZH_CHROME = {
    "menu": ["首页", "新闻", "体育", "财经", "娱乐"],
    "share": ["分享到", "微信", "微博"],
    "ad": ["广告"],
    "related": ["相关文章", "地铁新线路年底开通", "图书馆延长开放时间"],
    "footer": ["关于我们", "联系我们", "版权所有"],
}

JA_CHROME = {
    "menu": ["ホーム", "ニュース", "スポーツ", "経済", "エンタメ"],
    "share": ["シェア", "ツイート"],
    "ad": ["広告"],
    "related": ["関連記事", "新しい地下鉄が年末に開業", "図書館の開館時間を延長"],
    "footer": ["会社概要", "お問い合わせ", "利用規約"],
}


@pytest.mark.parametrize(
    ("title", "paras", "chrome"),
    [
        ("河边新公园正式开放", ZH_PARAS, ZH_CHROME),
        ("川沿いに新しい公園が開園", JA_PARAS, JA_CHROME),
    ],
    ids=["zh", "ja"],
)
def test_cjk_article_is_kept(title: str, paras: list[str], chrome: dict[str, list[str]]) -> None:
    text = cjk_page(title, paras, chrome)
    out = kept(text)
    assert out == [title, *paras]
    got = reasons(text)
    assert got[chrome["ad"][0]] == Reason.ADVERTISEMENT
    assert got[chrome["related"][0]] == Reason.RELATED
    assert all(item in got for item in chrome["menu"])


EL_PARAS = [
    "Το δημοτικό συμβούλιο αποφάσισε τη Δευτέρα να ανακαινίσει το παλιό λιμάνι της πόλης, "
    "που είχε υποστεί μεγάλες ζημιές από τις καταιγίδες του χειμώνα.",
    "Οι εργασίες αναμένεται να διαρκέσουν δύο χρόνια και θα χρηματοδοτηθούν από το "
    "περιφερειακό ταμείο, όπως δήλωσε ο δήμαρχος σε συνέντευξη τύπου.",
    "Οι ψαράδες της περιοχής δήλωσαν ανακουφισμένοι, καθώς πολλοί από αυτούς έχασαν "
    "βάρκες και δίχτυα όταν τα κύματα πέρασαν πάνω από τον κυματοθραύστη.",
]

AR_PARAS = [
    "قرر مجلس المدينة يوم الاثنين إعادة بناء الجدار البحري القديم الذي يحمي ميناء الصيد "
    "منذ أكثر من مئة عام، بعد أن تضرر جزء كبير منه في عواصف الشتاء.",
    "ومن المتوقع أن تستغرق الأعمال ثلاث سنوات، وسيتم تمويلها جزئيا من صندوق إقليمي، كما "
    "قال رئيس البلدية في مؤتمر صحفي عقده في مقر المجلس.",
    "وقال الصيادون الذين يستخدمون الميناء إنهم يشعرون بالارتياح، إذ فقد كثير منهم قواربهم "
    "وشباكهم في يناير عندما تجاوزت الأمواج الجدار وغمرت الشوارع القريبة.",
]


@pytest.mark.parametrize("paras", [EL_PARAS, AR_PARAS], ids=["el", "ar"])
def test_greek_and_arabic_articles_inside_english_chrome(paras: list[str]) -> None:
    text = page(EN_TOP, EN_MENU, EN_SHARE, *paras, EN_RELATED, EN_FOOTER)
    out = kept(text)
    assert out == paras


# ---------------------------------------------------------------------------------------
# Texts without page structure come back unchanged


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "One short paragraph.",
        "Share this article\n\nHome\n\nA single paragraph between labels.",
        "Aaron Williams\nEvan Carpenter\nMaria Lopez\nJohn Smith\nJohn Smith\nAnna Berg\n"
        "Paul Meyer\nLena Fischer\nTom Novak",
        "Title\n\nFirst paragraph, quite short.\n\nSecond one.\n\nThe end.",
        "<rss>\n<item>\n<title>News</title>\n</item>\n<item>\n<title>News</title>\n</item>\n</rss>",
        "Line one\r\nLine two\r\n\r\nLine three\r\n",
    ],
)
def test_text_without_page_structure_is_unchanged(text: str) -> None:
    assert remove_boilerplate(text, OPTS) == (text, [])
    assert cleaner.clean(text).text == text


def test_clean_article_without_chrome_is_unchanged() -> None:
    text = page(EN_TITLE, [EN_BYLINE, EN_DATE], *EN_BODY, EN_CAPTION, *EN_BODY, EN_CREDIT)
    text = text.replace(EN_BODY[0], EN_BODY[0] + " Again.", 1)
    out, steps = remove_boilerplate(text, OPTS)
    # only the repeated paragraphs go; nothing of the article is lost
    assert {s.reason for s in steps} == {Reason.DUPLICATE}
    for line in [EN_TITLE, EN_BYLINE, EN_DATE, *EN_BODY, EN_CAPTION, EN_CREDIT]:
        assert line in out


def test_article_made_only_of_paragraphs_is_unchanged() -> None:
    text = page(*EN_BODY, *[p.replace("the", "a") for p in EN_BODY])
    assert remove_boilerplate(text, OPTS) == (text, [])


# ---------------------------------------------------------------------------------------
# Options


def test_keep_categories_keeps_recognised_lines() -> None:
    opts = CleanOptions(keep_categories=frozenset({"social", "advertisement"}))
    out = kept(english_page(), opts)
    assert "Share this article" in out
    assert EN_AD in out
    assert "Privacy Policy" not in out


def test_drop_phrases_drop_lines_with_user_phrase() -> None:
    opts = CleanOptions(drop_phrases=("Photo: Tom",))
    got = reasons(english_page(), opts)
    assert got[EN_CAPTION] == Reason.USER_PHRASE
    assert EN_CAPTION not in kept(english_page(), opts)


def test_drop_phrases_apply_to_texts_without_page_structure() -> None:
    text = "Keep this line.\nSponsored: buy now\nAnd this one."
    out, steps = remove_boilerplate(text, CleanOptions(drop_phrases=("sponsored:",)))
    assert out == "Keep this line.\nAnd this one."
    assert [(s.reason, s.line) for s in steps] == [(Reason.USER_PHRASE, 2)]


def test_keep_phrases_always_keep_lines() -> None:
    opts = CleanOptions(keep_phrases=("privacy policy", "Stadtrat"), drop_phrases=("Privacy",))
    out = kept(english_page(), opts)
    assert "Privacy Policy" in out
    assert "Terms of Use" not in out


def test_threshold_trades_recall_for_precision() -> None:
    strict = kept(english_page(), CleanOptions(boilerplate_threshold=1.0))
    default = kept(english_page())
    loose = kept(english_page(), CleanOptions(boilerplate_threshold=0.2))
    assert set(default) < set(strict)
    assert set(loose) <= set(default)
    assert all(line in loose for line in EN_BODY)


def test_duplicates_are_kept_when_asked() -> None:
    text = english_page().replace(EN_CAPTION, EN_CAPTION + "\n\n" + EN_CAPTION)
    assert kept(text).count(EN_CAPTION) == 1
    assert kept(text, CleanOptions(remove_duplicates=False)).count(EN_CAPTION) == 2
    assert kept(text, CleanOptions(keep_categories=frozenset({"duplicate"}))).count(EN_CAPTION) == 2
    _out, steps = remove_boilerplate(text, OPTS)
    dup = [s for s in steps if s.reason == Reason.DUPLICATE]
    assert len(dup) == 1
    assert dup[0].stage == Stage.DEDUPE


def test_remove_boilerplate_false_removes_nothing() -> None:
    text = english_page()
    assert cleaner.clean(text, remove_boilerplate=False).text == text


def test_explain_false_gives_the_same_text() -> None:
    text = english_page()
    assert cleaner.clean(text, explain=False).text == cleaner.clean(text).text


def test_options_are_frozen_and_replaceable() -> None:
    opts = dataclasses.replace(OPTS, boilerplate_threshold=0.9)
    assert kept(english_page(), opts)[: len(EN_BODY)] != []


# ---------------------------------------------------------------------------------------
# Structure inside and around the body


def test_comment_section_after_the_article_is_dropped() -> None:
    comments = [
        "Mark T.",
        "March 3, 2024 at 11:02 am",
        "I grew up in that town and I am glad that they finally decided to do something "
        "about the wall before it was too late for the harbour and the boats in it.",
        "Reply",
        "Sue",
        "March 3, 2024 at 12:40 pm",
        "The money would have been better spent on the roads, which are in a terrible state "
        "after the winter, but nobody on the council ever listens to us.",
        "Reply",
    ]
    text = page(EN_MENU, EN_TITLE, *EN_BODY, "3 Comments", comments, EN_FOOTER)
    out = kept(text)
    assert out == [EN_TITLE, *EN_BODY]
    assert reasons(text)[comments[2]] == Reason.COMMENTS


def test_menus_with_sentences_of_teasers_are_not_the_article() -> None:
    teasers = []
    for i in range(6):
        teasers += [f"Headline number {i} about the news", "Read more"]
    text = page(EN_MENU, teasers, EN_TITLE, *EN_BODY, EN_FOOTER)
    out = kept(text)
    assert out == [EN_TITLE, *EN_BODY]


def test_list_announced_by_the_article_is_kept() -> None:
    items = [f"June {d} -- Arena number {d}, Springfield" for d in range(1, 9)]
    text = page(EN_MENU, EN_TITLE, *EN_BODY, ["The tour dates:", *items], EN_FOOTER)
    out = kept(text)
    for item in items:
        assert item in out
    assert "Privacy Policy" not in out


# ---------------------------------------------------------------------------------------
# Robustness


@pytest.mark.parametrize(
    "text",
    [
        "?" * 200_000,
        "\u00c3" * 200_000,
        "word " * 100_000,
        "\u00a0" * 200_000,
        "\u00a0\n" * 50_000,
        "Home\n\n" * 20_000,
        ("A sentence of prose that goes on. " * 10 + "\n\nMenu\n\n") * 2_000,
        "\x00\ud800\n\n\ufeff\n\n" * 10,
    ],
    ids=["qmarks", "mojibake", "one-line", "nbsp", "nbsp-lines", "labels", "mixed", "odd"],
)
def test_pathological_inputs_finish(text: str) -> None:
    out, steps = remove_boilerplate(text, OPTS)
    assert isinstance(out, str)
    assert all(s.line is not None for s in steps)


def test_a_page_is_never_emptied_by_the_classifier() -> None:
    text = english_page()
    out, _steps = remove_boilerplate(text, CleanOptions(boilerplate_threshold=0.0))
    assert out.strip()
    assert all(line in out for line in EN_BODY)
    menu_only = page(*EN_MENU, *EN_FOOTER)
    assert remove_boilerplate(menu_only, OPTS) == (menu_only, [])


def test_keeping_empty_lines_keeps_the_layout() -> None:
    text = english_page().replace(EN_BODY[1], EN_BODY[1] + "\n\u00a0")
    opts = CleanOptions(keep_categories=frozenset({"empty"}))
    out, steps = remove_boilerplate(text, opts)
    assert EN_BODY[1] + "\n\u00a0" in out
    assert not any(s.reason == Reason.EMPTY for s in steps)
    assert "Privacy Policy" not in out


def test_no_break_spaces_inside_kept_lines_become_spaces() -> None:
    body = EN_BODY[0].replace(" voted", "\u00a0voted")
    text = english_page().replace(EN_BODY[0], body)
    out, steps = remove_boilerplate(text, OPTS)
    assert EN_BODY[0] in out
    fixes = [s for s in steps if s.reason == Reason.WHITESPACE]
    assert [(s.action, s.before, s.after) for s in fixes] == [("normalize", body, EN_BODY[0])]


def test_comment_thread_without_heading_is_dropped() -> None:
    thread = []
    for i, name in enumerate(["Melinda", "Heather", "Joe"]):
        thread += [
            name,
            f"October {22 + i}, 2024 at 1:{10 + i} pm",
            f"Thanks for writing this, number {i}. I have been waiting for someone to "
            "explain what the town is going to do about the wall and the harbour.",
        ]
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, *thread, *EN_FOOTER)
    assert kept(text) == [EN_TITLE, *EN_BODY]
    got = reasons(text)
    assert got["Melinda"] == Reason.COMMENTS
    assert got[thread[2]] == Reason.COMMENTS


def test_image_credits_and_gallery_furniture_inside_the_body() -> None:
    furniture = ["Photo: Ann Lee/Reuters", "Ann Lee/Getty Images", "1 / 23", "IMG_2953"]
    text = page(
        *EN_MENU,
        EN_TITLE,
        EN_BODY[0],
        *furniture,
        EN_CAPTION,
        *EN_BODY[1:],
        EN_CREDIT,
        *EN_FOOTER,
    )
    got = reasons(text)
    assert got["Photo: Ann Lee/Reuters"] == Reason.CREDIT
    assert got["Ann Lee/Getty Images"] == Reason.CREDIT
    assert got["1 / 23"] == Reason.SHORT_CHROME
    assert got["IMG_2953"] == Reason.SHORT_CHROME
    assert kept(text) == [EN_TITLE, EN_BODY[0], EN_CAPTION, *EN_BODY[1:], EN_CREDIT]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_cleaning_clean_output_changes_nothing(lang: str) -> None:
    for text in (english_page(), PAGES[lang][0]):
        once, steps = remove_boilerplate(text, OPTS)
        lines = text.split("\n")
        assert all(lines[s.line - 1] == s.before for s in steps if s.line is not None)
        assert remove_boilerplate(once, OPTS) == (once, [])


def test_later_passes_map_back_to_input_lines_with_kept_blank_lines() -> None:
    text = english_page().replace(EN_BODY[1], EN_BODY[1] + "\n\u00a0")
    opts = CleanOptions(keep_categories=frozenset({"empty"}))
    _out, steps = remove_boilerplate(text, opts)
    lines = text.split("\n")
    assert all(lines[s.line - 1] == s.before for s in steps if s.line is not None)


def test_markup_documents_are_not_pages() -> None:
    entries = []
    for i in range(5):
        entries += [
            "<entry>",
            f"<title>Item {i}</title>",
            "<url>http://example.com</url>",
            "</entry>",
            "",
        ]
    text = "\n".join(entries)
    assert remove_boilerplate(text, OPTS) == (text, [])


@pytest.mark.parametrize(
    "line",
    [
        "Share_this: Tweet\tEmail | 12 comments",
        "IMG_2953.JPG (c) 2019-11-24 18:48",
        "Don't miss \u2014 SUBSCRIBE! \u00bb",
        "Stra\u00dfe und Pl\u00e4tze",
        "\u0627\u0644\u0623\u062e\u0628\u0627\u0631\u064e \u0627\u0644\u064a\u0648\u0645",
        "\u76f8\u5173\u6587\u7ae0 2",
        "x\x1fy\x0bz 3\u00bd",
        "x\x1fy\x0bz 3 _ 4a",
        "\u201cWe\u2019ll see\u201d \u2014 the mayor\u2019s 2 aides\u2026",
        "a\u064eb \u2014 c",
        "Ga\u0345 \u2019s",
        "\ud800 \u2019 x",
        "\u0152uvre d\u00e9j\u00e0 vue \u2014 \u00abCa va?\u00bb "
        "\u00bd \u00b9 \u00aa \u00ba \u00b5",
        "\u00c0 PROPOS \u2022 Fa\u00e7ade_N\u00b02 \u00d7 3 \u00f7 4 \u20ac5 \u0160koda \u0178",
        "Zaw\u00f3d \u0142\u0105ki \u2013 \u0130stanbul \u015fehri",
    ],
)
def test_line_words_match_the_lexicon_key_form(line: str) -> None:
    """Line keys are the lexicon's key form (marks that wordfreq drops aside), whichever
    path splits the line, and the duplicate key is the dedupe module's."""
    (info,) = _analyse([line])
    if "\u064e" not in line:
        assert info.key == label_key(line)
    assert info.dedupe_key == dedupe_key(line)
    if not info.cjk:
        assert info.words == [w for w in info.key.split(" ") if not w.isdigit()]


def _first_marker_by_scanning(key: str) -> Reason | None:
    """The first marker in a key, found by trying every marker at every word."""
    words = key.split(" ")
    for pos in range(len(words)):
        for reason, markers in MARKERS.items():
            for marker in markers:
                phrase = label_key(marker).split(" ")
                if words[pos : pos + len(phrase)] == phrase:
                    return reason
    return None


@pytest.mark.parametrize(
    "line",
    [
        "Leave a comment below, and sign up for our newsletter",
        "Sign up for our newsletter. By continuing to use this site you accept our cookies",
        "Copyright 2024 Harbour Gazette. All rights reserved. Terms of use and privacy",
        "You must be logged in to post a comment; comments are closed",
        "The council will use cookies and cake to welcome visitors to the harbour fair",
        "Share on Facebook",
        "We use cookies",
        "Notre site utilise des cookies. Tous droits réservés",
        "",
    ],
)
def test_marker_is_the_first_one_in_the_line(line: str) -> None:
    key = label_key(line)
    assert marker_of(key) == _first_marker_by_scanning(key)


def test_drop_steps_equal_steps_built_field_by_field() -> None:
    fast = Step.dropped_line(Stage.BOILERPLATE, Reason.NAVIGATION, 4, "Home", 0.8)
    slow = Step(
        Stage.BOILERPLATE, "drop_line", Reason.NAVIGATION, line=4, before="Home", confidence=0.8
    )
    assert type(fast) is Step
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert fast.to_dict() == slow.to_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.line = 5  # type: ignore[misc]


def test_line_record_holds_the_text_facts() -> None:
    (info,) = _analyse(["Share this article on Facebook, 2 comments"])
    assert (info.n_words, info.label, info.digitless) == (6, Reason.SOCIAL, False)


@pytest.mark.parametrize(
    "lines",
    [
        ["Home", "HOME \u00bb", "home |"],
        ["Share 12", "share: 12", "SHARE (12)"],
        ["\u76f8\u5173\u6587\u7ae0 2", "\u76f8\u5173\u6587\u7ae0\u3000 2 !"],
        [
            "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u2022",
            "\u043d\u043e\u0432\u043e\u0441\u0442\u0438",
        ],
        ["Caf\u00e9 \u2013 Men\u00fc", "caf\u00e9 men\u00fc", "CAF\u00c9 / MEN\u00dc"],
        ["***", "\u2014", "\u00a9"],
    ],
)
def test_lines_with_one_key_have_one_word_count(lines: list[str]) -> None:
    """Repetition is counted by key over all lines: lines that share a key must share the
    word count that decides whether they are short enough to count."""
    infos = _analyse(lines)
    assert len({i.key for i in infos}) == 1
    assert len({(i.n_words, i.cjk) for i in infos}) == 1


def test_a_later_pass_keeps_only_judgements_made_with_the_same_stopword_count() -> None:
    """A record judged with another count of page-language stopwords is judged again."""
    text = english_page()
    memo: dict[str, LineInfo] = {}
    first, _steps, _rebuilt = _one_pass(text.split("\n"), OPTS, memo)
    body = memo[EN_BODY[0]]
    assert body.judged_stopwords > 0 and body.cls == "good"
    count = body.judged_stopwords
    body.judged_stopwords = count + 100
    body.cls = "short"
    again, _steps, _rebuilt = _one_pass(first.split("\n"), OPTS, memo)
    assert body.cls == "good" and body.judged_stopwords == count
    assert again == first


# The text facts of a record: its fields up to ``digitless`` (the judgement fields after
# them are set per pass).
_FIELDS = [f.name for f in dataclasses.fields(LineInfo)]
_TEXT_FACTS = _FIELDS[: _FIELDS.index("digitless") + 1]

ASCII_LINES = [
    "Home",
    "Follow us on Twitter and Facebook for more",
    "Share 12",
    "53 Comments",
    "2024",
    "***",
    "By Jane Morrow",
    "Posted by admin on March 3, 2024",
    "March 3, 2024, 9:15 am",
    "24.11.2007 18:48",
    "Photo: Tom Reyes",
    "Jane Doe/Getty Images",
    "Copyright 2024 Harbour Gazette. All rights reserved.",
    "(Reporting by Jane Morrow; Editing by Paul Kent)",
    EN_BODY[0],
    "The sea wall, built in 1911, cost 12,000 pounds and took 3 years to finish.",
    "IMG_2953.jpg",
    "News & Politics >",
]


def test_ascii_lines_read_together_get_the_records_read_one_by_one() -> None:
    """The joint reading of a page's ASCII lines and the one-line reading agree on every
    text fact of every line."""
    together = _analyse(ASCII_LINES)
    for line, info in zip(ASCII_LINES, together, strict=True):
        alone = _line_record(line, _lexicon())
        assert [getattr(info, f) for f in _TEXT_FACTS] == [getattr(alone, f) for f in _TEXT_FACTS]


# Lines that are ASCII but for Windows-1252 punctuation (curly quotes, dashes, ellipsis,
# no-break space, bullet, trade mark): read together with the ASCII lines.
PUNCTUATED_LINES = [
    "Here\u2019s what the harbour master said about the storm on Monday.",
    "\u201cWe will rebuild,\u201d she said \u2014 and the crowd cheered\u2026",
    "Share \u2022 Tweet \u2022 Email",
    "By Jane\u00a0Morrow \u2013 March 3, 2024",
    "Acme\u2122 \u00bb More news",
    "\u2014",
    "Photo: Tom Reyes \u00b7 Reuters",
]


def test_punctuated_lines_read_together_get_the_records_read_one_by_one() -> None:
    together = _analyse(PUNCTUATED_LINES)
    for line, info in zip(PUNCTUATED_LINES, together, strict=True):
        assert _words_are_ascii(line)
        alone = _line_record(line, _lexicon())
        assert [getattr(info, f) for f in _TEXT_FACTS] == [getattr(alone, f) for f in _TEXT_FACTS]


@pytest.mark.parametrize(
    "line",
    [
        "Caf\u00e9 cr\u00e8me",
        "\u00a9 2024 Acme",
        "Stra\u00dfe",
        "\u00bd price",
        "\u0391\u03b8\u03ae\u03bd\u03b1",
    ],
)
def test_lines_with_letters_beyond_ascii_or_a_copyright_sign_are_read_one_by_one(
    line: str,
) -> None:
    assert not _words_are_ascii(line)


@pytest.mark.parametrize(
    "line",
    ["News & Politics", "Sci-Fi >", "World >", "Tel. 0800", "a-", "Home  >", "-Home", "x", ""],
)
def test_ascii_menu_test_agrees_with_the_menu_pattern(line: str) -> None:
    assert _is_ascii_menu_like(line) == (_MENU_LIKE_RE.fullmatch(line) is not None)


def test_text_that_is_no_page_is_judged_without_records() -> None:
    """Too few lines for a page: no record is built, and the text comes back unchanged."""
    memo: dict[str, LineInfo] = {}
    text = "Home\n\nNews\n\nA short note."
    out, steps, rebuilt = _one_pass(text.split("\n"), OPTS, memo)
    assert (out, steps, rebuilt, memo) == (text, [], False, {})


AGENCY_NOTICE = (
    "Copyright 2024 The Coastal Wire. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed."
)


def test_agency_rights_notice_under_the_article_is_kept() -> None:
    """A sentence-long copyright notice right under the last paragraph belongs to the
    article; the site's own short copyright line in the footer does not."""
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, AGENCY_NOTICE, *EN_RELATED, *EN_FOOTER)
    out = kept(text)
    assert out == [EN_TITLE, *EN_BODY, AGENCY_NOTICE]
    assert reasons(text)[EN_FOOTER[-1]] == Reason.FOOTER


def test_rights_notice_far_from_the_article_is_dropped() -> None:
    """The same notice after the related-stories list is page furniture."""
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, *EN_RELATED, *EN_FOOTER[:-1], AGENCY_NOTICE)
    assert AGENCY_NOTICE not in kept(text)
    assert reasons(text)[AGENCY_NOTICE] == Reason.FOOTER
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, "Harbour life", AGENCY_NOTICE, *EN_FOOTER)
    assert AGENCY_NOTICE not in kept(text)


RESULTS_TABLE = [
    "Northfield (Labour): 4,210 votes",
    "Eastbrook (Green): 3,877 votes",
    "Millbay (Liberal): 2,954 votes",
    "Harbourside (Labour): 2,101 votes",
    "Old Town (Independent): 1,460 votes",
]


def test_table_whose_rows_share_their_punctuation_after_the_article_is_kept() -> None:
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, "Results by ward", *RESULTS_TABLE, *EN_FOOTER)
    assert kept(text) == [EN_TITLE, *EN_BODY, "Results by ward", *RESULTS_TABLE]


def test_headlines_after_the_article_are_no_table() -> None:
    headlines = [
        "Storm season starts early on the coast",
        "Council approves a new budget for 2025",
        "Local team wins the regional cup, again",
        "Ferry prices: what the new timetable means",
        "Five walks along the old harbour wall",
    ]
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, *headlines, *EN_FOOTER)
    assert kept(text) == [EN_TITLE, *EN_BODY]


def test_table_just_above_the_article_is_kept() -> None:
    timetable = [
        "Monday: 7:15 \N{EN DASH} Northport",
        "Tuesday: 7:40 \N{EN DASH} Eastbrook",
        "Wednesday: 8:05 \N{EN DASH} Millbay",
        "Thursday: 7:15 \N{EN DASH} Old Town",
        "Friday: 9:30 \N{EN DASH} Northport",
    ]
    text = page(*EN_MENU, EN_TITLE, timetable, *EN_BODY, *EN_FOOTER)
    assert kept(text) == [EN_TITLE, *timetable, *EN_BODY]


def test_links_with_counts_next_to_the_article_are_no_table() -> None:
    categories = [
        "Harbour walks (12)",
        "Old boats (8)",
        "Fishing nets (31)",
        "Sea birds (5)",
        "Island ferries (17)",
    ]
    text = page(*EN_MENU, EN_TITLE, *EN_BODY, *categories, *EN_FOOTER)
    assert kept(text) == [EN_TITLE, *EN_BODY]
