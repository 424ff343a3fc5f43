"""Multilingual phrase lexicons for boilerplate lines, kept as data apart from the logic.

Every table maps a line category (a :class:`cleaner.trace.Reason` value) to phrases per
language. Phrases are written in lower case with single spaces and no punctuation, the
form :func:`label_key` gives a line, so matching is a dictionary look-up and never a regex
over the input.

Two kinds of phrase:

``LABELS``
    Interface labels. They mark a *short* line (a menu item, a button, a heading of a
    page widget) when the whole line is the phrase, or when the line starts with it
    (``"follow us on twitter"`` starts with ``"follow us"``). Known false positives: an
    article subheading that happens to be one word like ``"Video"`` or ``"Comments"``;
    the classifier only trusts labels outside the article body, except the categories in
    ``IN_BODY_CATEGORIES``.

``MARKERS``
    Phrases specific enough to mark a line of any length wherever they occur in it
    (``"all rights reserved"``, ``"we use cookies"``). Known false positives: an article
    *about* cookie banners or copyright; the classifier applies markers to long lines in
    the body only when the line is also short of sentences (see boilerplate.py).

CJK labels (zh, ja) are matched as substrings of short lines, since those languages do
not separate words with spaces.

The stopword lists (the most frequent words of each language according to wordfreq)
live in ``cleaner/data/stopwords.json``; regenerate them with
``python -m cleaner.phrases``.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

from cleaner.trace import Reason

# The tables are laid out by hand (one language per line); the formatter leaves them be.
# fmt: off

# ---------------------------------------------------------------------------------------
# Interface labels, by category and language.

LABELS: dict[Reason, dict[str, tuple[str, ...]]] = {
    Reason.SOCIAL: {
        "en": (
            "share", "share this", "share this article", "share this story", "share on",
            "share via", "shares", "share article", "share story", "share the article",
            "follow us", "follow me", "follow", "follow on", "connect with us", "tweet",
            "tweet this", "retweet", "like us on facebook", "find us on facebook", "facebook",
            "twitter", "linkedin", "pinterest", "instagram", "youtube", "reddit", "tumblr",
            "whatsapp", "telegram", "flipboard", "digg", "del icio us", "delicious",
            "stumbleupon", "technorati", "newsvine", "google", "google plus", "pin it",
            "email this", "email to a friend", "e mail this", "send to a friend",
            "email this article", "social media", "social", "stay connected", "messenger",
            "copy link", "sms", "viber", "vk", "xing", "buffer", "mix", "pocket",
            "addthis", "bookmark", "bookmark and share", "share tweet", "share tweet email",
            "share tweet submit", "icon email", "email icon", "facebook icon", "twitter icon",
        ),
        "de": ("teilen", "artikel teilen", "folgen sie uns", "folge uns", "jetzt teilen",
               "auf facebook teilen", "per e mail teilen", "twittern", "empfehlen"),
        "fr": ("partager", "partager cet article", "partagez", "suivez nous", "suivre",
               "partager sur facebook", "envoyer par e mail", "tweeter"),
        "es": ("compartir", "compartir en", "síguenos", "siguenos", "comparte",
               "compartir este artículo", "enviar por correo"),
        "it": ("condividi", "seguici", "seguici su", "condividi su facebook",
               "condividi questo articolo"),
        "pt": ("compartilhar", "partilhar", "siga nos", "compartilhe", "partilhe"),
        "nl": ("delen", "deel dit artikel", "volg ons", "deel", "deel op facebook"),
        "ru": ("поделиться", "поделитесь", "мы в соцсетях", "подписывайтесь на нас",
               "рассказать друзьям", "твитнуть"),
        "tr": ("paylaş", "bizi takip edin", "paylaşın", "takip et"),
        "pl": ("udostępnij", "podziel się", "obserwuj nas", "śledź nas", "poleć"),
        "cs": ("sdílet", "sledujte nás", "sdílejte"),
        "el": ("κοινοποίηση", "μοιραστείτε", "ακολουθήστε μας"),
        "ar": ("شارك", "مشاركة", "تابعنا", "شارك على فيسبوك"),
    },
    Reason.NAVIGATION: {
        "en": (
            "home", "homepage", "home page", "menu", "main menu", "navigation", "skip to",
            "skip to content", "skip to main content", "skip navigation", "jump to",
            "back to top", "top", "go to top", "next", "previous", "prev", "next post",
            "previous post", "next article", "previous article", "next story",
            "previous story", "older posts", "newer posts", "more", "see more", "see all",
            "view all", "show more", "load more", "more stories", "more news", "read more",
            "continue reading", "full story", "click here", "sections", "section", "topics",
            "categories", "category", "tags", "tagged", "filed under", "posted in",
            "archives", "archive", "sitemap", "site map", "site index", "text only",
            "text size", "font size", "print", "print this", "print this page",
            "print this article", "printer friendly", "print version", "email", "e mail",
            "rss", "rss feed", "rss feeds", "feed", "feeds", "subscribe via rss", "xml",
            "close", "open", "toggle navigation", "expand", "collapse", "hide", "show",
            "loading", "you are here", "breadcrumb", "page", "pages", "all", "latest",
            "news", "local", "world", "business", "politics", "sports", "sport", "opinion",
            "entertainment", "lifestyle", "health", "technology", "tech", "science",
            "travel", "video", "videos", "photos", "photo", "galleries", "gallery",
            "multimedia", "audio", "podcast", "podcasts", "blogs", "blog", "weather",
            "obituaries", "classifieds", "jobs", "careers", "real estate", "cars", "autos",
            "events", "calendar", "columnists", "contributors", "features", "editorials",
            "trending", "popular", "most popular", "most read", "most viewed",
            "most shared", "top stories", "latest news", "breaking news", "in pictures",
            "about", "about us", "about me", "contact", "contact us", "contact me", "help",
            "faq", "faqs", "feedback", "advertise", "advertise with us", "advertising",
            "media kit", "press", "press releases", "corrections", "staff", "our team",
            "who we are", "mobile", "apps", "app", "epaper", "e paper", "digital edition",
            "today s paper", "newsletters", "store", "shop", "marketplace", "deals",
            "services", "resources", "tools", "links", "useful links", "quick links",
            "english", "language", "edition", "select language", "select edition",
            "back to gallery", "back to article", "back to home", "continue article",
            "article continues", "view gallery", "next image", "previous image",
            "full list of articles", "all articles", "more articles", "previous articles",
            "article browser", "jump to comments", "scroll to top", "printer friendly version",
            "print friendly", "report error", "report an error", "report a typo", "font",
        ),
        "de": ("startseite", "home", "menü", "navigation", "zum inhalt", "nach oben",
               "weiter", "zurück", "mehr", "mehr zum thema", "weiterlesen", "alle artikel",
               "drucken", "artikel drucken", "nachrichten", "politik", "wirtschaft",
               "sport", "kultur", "panorama", "wissen", "kontakt", "impressum",
               "über uns", "hilfe", "archiv", "themen", "schlagworte", "seite",
               "mehr anzeigen", "inhalt", "zur startseite", "regional", "meinung"),
        "fr": ("accueil", "menu", "aller au contenu", "haut de page", "retour en haut",
               "suivant", "précédent", "plus", "lire la suite", "lire aussi", "voir plus",
               "voir tout", "imprimer", "actualités", "actualité", "politique",
               "économie", "sport", "sports", "culture", "international", "contact",
               "contactez nous", "à propos", "qui sommes nous", "aide", "archives",
               "mots clés", "rubriques", "page", "en continu", "vidéos", "vidéo"),
        "es": ("inicio", "portada", "menú", "ir al contenido", "volver arriba",
               "siguiente", "anterior", "más", "leer más", "ver más", "ver todo",
               "imprimir", "noticias", "política", "economía", "deportes", "cultura",
               "internacional", "contacto", "contáctenos", "quiénes somos",
               "acerca de", "ayuda", "archivo", "etiquetas", "temas", "página",
               "últimas noticias", "opinión", "sociedad", "vídeos"),
        "it": ("home", "menu", "vai al contenuto", "torna su", "successivo",
               "precedente", "altro", "leggi tutto", "leggi anche", "continua a leggere",
               "vedi tutti", "stampa", "notizie", "politica", "economia", "sport",
               "cultura", "esteri", "cronaca", "contatti", "chi siamo", "aiuto",
               "archivio", "tag", "argomenti", "pagina", "ultime notizie", "video"),
        "pt": ("início", "inicio", "página inicial", "menu", "ir para o conteúdo",
               "voltar ao topo", "próximo", "anterior", "mais", "leia mais", "ler mais",
               "ver mais", "ver todos", "imprimir", "notícias", "política", "economia",
               "esportes", "desporto", "cultura", "mundo", "contato", "contacto",
               "quem somos", "sobre nós", "ajuda", "arquivo", "tags", "temas",
               "página", "últimas notícias", "opinião", "vídeos"),
        "nl": ("home", "menu", "naar inhoud", "naar boven", "volgende", "vorige", "meer",
               "lees meer", "lees verder", "bekijk alles", "printen", "afdrukken",
               "nieuws", "politiek", "economie", "sport", "cultuur", "buitenland",
               "binnenland", "contact", "over ons", "help", "archief", "tags",
               "onderwerpen", "pagina", "laatste nieuws", "opinie"),
        "ru": ("главная", "главная страница", "меню", "навигация", "наверх",
               "далее", "назад", "ещё", "еще", "подробнее", "читать далее",
               "читать полностью", "все новости", "версия для печати", "печать",
               "новости", "политика", "экономика", "спорт", "культура", "общество",
               "в мире", "происшествия", "контакты", "о нас", "о проекте", "помощь",
               "архив", "теги", "метки", "рубрики", "страница", "мнения", "видео", "фото",
               "лента новостей"),
        "tr": ("ana sayfa", "anasayfa", "menü", "yukarı", "sonraki", "önceki", "daha fazla",
               "devamını oku", "devamı", "tümünü gör", "yazdır", "haberler", "haber",
               "gündem", "siyaset", "ekonomi", "spor", "kültür", "dünya", "iletişim",
               "hakkımızda", "yardım", "arşiv", "etiketler", "sayfa", "son dakika",
               "yazarlar", "video", "foto galeri", "galeri"),
        "pl": ("strona główna", "menu", "przejdź do treści", "do góry", "następny",
               "poprzedni", "więcej", "czytaj więcej", "czytaj dalej", "zobacz więcej",
               "zobacz wszystkie", "drukuj", "wiadomości", "polityka", "gospodarka",
               "sport", "kultura", "świat", "kraj", "kontakt", "o nas", "pomoc",
               "archiwum", "tagi", "tematy", "strona", "najnowsze", "opinie", "wideo"),
        "cs": ("úvod", "hlavní stránka", "menu", "nahoru", "další", "předchozí", "více",
               "číst dál", "tisk", "zprávy", "domácí", "zahraničí", "ekonomika", "sport",
               "kultura", "kontakt", "o nás", "nápověda", "archiv", "štítky"),
        "el": ("αρχική", "αρχική σελίδα", "μενού", "επόμενο", "προηγούμενο",
               "περισσότερα", "διαβάστε περισσότερα", "εκτύπωση", "ειδήσεις",
               "πολιτική", "οικονομία", "αθλητισμός", "πολιτισμός", "κόσμος",
               "επικοινωνία", "ποιοι είμαστε", "αρχείο", "ετικέτες"),
        "ar": ("الرئيسية", "الصفحة الرئيسية", "القائمة", "التالي", "السابق", "المزيد",
               "اقرأ المزيد", "طباعة", "أخبار", "الأخبار", "سياسة", "اقتصاد", "رياضة",
               "ثقافة", "اتصل بنا", "من نحن", "الأرشيف", "أرشيف", "وسوم"),
    },
    Reason.COOKIE: {
        "en": ("cookie policy", "cookies policy", "cookie settings", "cookie preferences",
               "manage cookies", "accept cookies", "accept all cookies", "accept all",
               "reject all", "cookie notice", "cookies", "accept", "i accept", "got it",
               "ok got it", "privacy settings", "manage preferences", "do not sell my info",
               "do not sell my personal information", "adchoices", "ad choices"),
        "de": ("cookie einstellungen", "cookies akzeptieren", "alle akzeptieren",
               "akzeptieren", "datenschutzeinstellungen", "cookie richtlinie"),
        "fr": ("gestion des cookies", "accepter les cookies", "tout accepter", "accepter",
               "paramètres des cookies", "politique de cookies", "j accepte"),
        "es": ("política de cookies", "aceptar cookies", "aceptar todas", "aceptar",
               "configuración de cookies", "configurar cookies"),
        "it": ("cookie policy", "accetta i cookie", "accetta tutti", "accetta",
               "impostazioni cookie", "informativa cookie"),
        "pt": ("política de cookies", "aceitar cookies", "aceitar todos", "aceitar",
               "configurações de cookies"),
        "nl": ("cookiebeleid", "cookies accepteren", "alles accepteren", "accepteren",
               "cookie instellingen"),
        "ru": ("политика cookie", "принять cookie", "принять", "настройки cookie",
               "политика использования файлов cookie"),
        "tr": ("çerez politikası", "çerezleri kabul et", "kabul et", "çerez ayarları"),
        "pl": ("polityka cookies", "akceptuję", "zaakceptuj wszystkie",
               "ustawienia cookies", "polityka plików cookies"),
        "cs": ("zásady cookies", "přijmout vše", "souhlasím"),
        "el": ("πολιτική cookies", "αποδοχή", "αποδοχή όλων"),
        "ar": ("سياسة ملفات تعريف الارتباط", "قبول", "موافق"),
    },
    Reason.SUBSCRIBE: {
        "en": ("subscribe", "subscribe now", "subscribe to", "subscribe today",
               "subscriptions", "subscription", "subscriber services", "sign up",
               "sign up now", "sign up for", "sign in", "sign out", "log in", "login",
               "log out", "logout", "register", "create account", "create an account",
               "my account", "account", "newsletter", "newsletters", "email newsletter",
               "get our newsletter", "join", "join now", "join us", "become a member",
               "members", "premium", "go premium", "already a subscriber",
               "home delivery", "manage subscription", "forgot password",
               "forgot your password", "don t miss", "get the app", "download the app",
               "donate", "support us", "unlock", "free trial", "start free trial"),
        "de": ("abonnieren", "abo", "jetzt abonnieren", "anmelden", "einloggen",
               "abmelden", "registrieren", "newsletter", "mein konto", "konto",
               "newsletter abonnieren", "jetzt registrieren", "plus artikel"),
        "fr": ("s abonner", "abonnez vous", "abonnement", "se connecter", "connexion",
               "déconnexion", "s inscrire", "inscription", "mon compte", "newsletter",
               "inscrivez vous à la newsletter", "créer un compte"),
        "es": ("suscríbete", "suscribirse", "suscripción", "iniciar sesión", "entrar",
               "cerrar sesión", "registrarse", "regístrate", "mi cuenta", "boletín",
               "newsletter", "crear cuenta"),
        "it": ("abbonati", "abbonamento", "accedi", "esci", "registrati", "il mio account",
               "iscriviti", "iscriviti alla newsletter", "newsletter"),
        "pt": ("assine", "assinar", "assinatura", "entrar", "sair", "cadastre se",
               "registar", "registe se", "minha conta", "newsletter", "inscreva se"),
        "nl": ("abonneren", "abonnement", "inloggen", "uitloggen", "registreren",
               "mijn account", "nieuwsbrief", "aanmelden", "word abonnee"),
        "ru": ("подписаться", "подписка", "войти", "вход", "выйти", "регистрация",
               "зарегистрироваться", "личный кабинет", "рассылка",
               "подпишитесь на рассылку"),
        "tr": ("abone ol", "abonelik", "giriş yap", "giriş", "çıkış", "kayıt ol",
               "üye ol", "hesabım", "bülten", "e bülten"),
        "pl": ("subskrybuj", "prenumerata", "zaloguj", "zaloguj się", "wyloguj",
               "zarejestruj się", "rejestracja", "moje konto", "newsletter",
               "zapisz się"),
        "cs": ("předplatné", "přihlásit", "přihlášení", "odhlásit", "registrace",
               "odebírat", "newsletter"),
        "el": ("εγγραφή", "σύνδεση", "αποσύνδεση", "συνδρομή", "newsletter"),
        "ar": ("اشترك", "اشترك الآن", "تسجيل الدخول", "تسجيل", "النشرة البريدية"),
    },
    Reason.ADVERTISEMENT: {
        "en": ("advertisement", "advertisements", "advertising", "advert", "ad", "ads",
               "sponsored", "sponsored content", "sponsored links", "sponsored stories",
               "paid content", "promoted", "promoted stories", "promoted content",
               "partner content", "from our partners", "story continues below",
               "story continues below advertisement", "article continues below",
               "continue reading below", "continue reading the main story",
               "report this ad", "recommended by", "ads by google", "around the web",
               "more from the web", "from the web", "we recommend", "you may like",
               "by taboola", "sponsored by", "presented by"),
        "de": ("anzeige", "werbung", "gesponsert", "sponsored", "artikel geht unten weiter",
               "weiter nach der anzeige"),
        "fr": ("publicité", "pub", "annonce", "contenu sponsorisé", "sponsorisé",
               "la suite après la publicité", "article réservé aux abonnés"),
        "es": ("publicidad", "anuncio", "patrocinado", "contenido patrocinado"),
        "it": ("pubblicità", "annuncio", "sponsorizzato", "contenuto sponsorizzato"),
        "pt": ("publicidade", "anúncio", "patrocinado", "conteúdo patrocinado"),
        "nl": ("advertentie", "reclame", "gesponsord"),
        "ru": ("реклама", "спонсорский материал", "на правах рекламы", "партнерский материал"),
        "tr": ("reklam", "sponsorlu", "sponsorlu içerik"),
        "pl": ("reklama", "sponsorowane", "materiał sponsorowany", "artykuł sponsorowany"),
        "cs": ("reklama", "komerční sdělení"),
        "el": ("διαφήμιση", "χορηγούμενο"),
        "ar": ("إعلان", "إعلانات", "محتوى مدعوم"),
    },
    Reason.RELATED: {
        "en": ("related", "related articles", "related stories", "related posts",
               "related news", "related links", "related content", "related topics",
               "related coverage", "related reading", "related videos", "see also",
               "also read", "read also", "read next", "up next", "what to read next",
               "more on this", "more on this story", "more from", "more in",
               "more stories from", "more like this", "you might also like",
               "you may also like", "recommended", "recommended for you",
               "recommended stories", "editor s picks", "editors picks", "don t miss",
               "popular posts", "recent posts", "latest posts", "latest stories",
               "top news", "trending now", "what s hot", "in case you missed it",
               "external links", "most discussed", "most emailed", "most commented",
               "elsewhere on", "popular on", "trending stories", "top video", "top videos",
               "must read", "must watch", "must listen", "more videos", "latest videos",
               "other news", "more headlines", "headlines", "also on", "also in news",
               "further reading", "more news", "top headlines", "most recent"),
        "de": ("verwandte artikel", "ähnliche artikel", "das könnte sie auch interessieren",
               "auch interessant", "mehr zum thema", "lesen sie auch", "weitere artikel",
               "meistgelesen", "empfohlene artikel", "top themen", "neueste artikel"),
        "fr": ("articles similaires", "articles liés", "à lire aussi", "lire aussi",
               "sur le même sujet", "vous aimerez aussi", "les plus lus", "à voir aussi",
               "dans la même rubrique", "derniers articles"),
        "es": ("artículos relacionados", "noticias relacionadas", "te puede interesar",
               "lee también", "lo más leído", "más leídas", "también te puede interesar",
               "relacionado", "relacionados", "últimas entradas"),
        "it": ("articoli correlati", "notizie correlate", "potrebbe interessarti",
               "leggi anche", "i più letti", "più letti", "ti potrebbe interessare",
               "correlati"),
        "pt": ("artigos relacionados", "notícias relacionadas", "leia também",
               "veja também", "mais lidas", "você também pode gostar", "relacionados"),
        "nl": ("gerelateerde artikelen", "lees ook", "meest gelezen", "ook interessant",
               "gerelateerd", "meer nieuws"),
        "ru": ("похожие статьи", "похожие новости", "читайте также", "смотрите также",
               "по теме", "самое читаемое", "популярное", "рекомендуем", "вам может понравиться",
               "другие новости", "последние новости"),
        "tr": ("ilgili haberler", "benzer haberler", "bunları da okuyun",
               "en çok okunanlar", "ilginizi çekebilir", "öne çıkanlar"),
        "pl": ("powiązane artykuły", "zobacz także", "czytaj także", "przeczytaj także",
               "najczęściej czytane", "polecamy", "może cię zainteresować", "podobne"),
        "cs": ("související články", "čtěte také", "nejčtenější", "doporučujeme"),
        "el": ("σχετικά άρθρα", "διαβάστε επίσης", "δημοφιλή", "περισσότερα άρθρα"),
        "ar": ("مقالات ذات صلة", "أخبار ذات صلة", "اقرأ أيضا", "الأكثر قراءة"),
    },
    Reason.COMMENTS: {
        "en": ("comments", "comment", "0 comments", "no comments", "leave a comment",
               "leave a reply", "post a comment", "add a comment", "add comment",
               "view comments", "show comments", "hide comments", "join the discussion",
               "join the conversation", "reply", "replies", "cancel reply", "report",
               "report abuse", "flag", "like", "likes", "dislike", "reader comments",
               "recent comments", "comments are closed", "comment policy",
               "have your say", "write a comment", "discuss", "discussion",
               "sort by", "oldest", "newest", "best", "upvote", "downvote",
               "powered by disqus", "comments powered by disqus", "notify me of",
               "you must be logged in to post a comment", "responses", "trackbacks",
               "pingback", "permalink", "verify your comment", "previewing your comment",
               "trackback", "trackbacks", "trackback url", "reblog", "pingbacks"),
        "de": ("kommentare", "kommentar", "kommentieren", "kommentar schreiben",
               "antworten", "diskussion", "leserkommentare", "melden"),
        "fr": ("commentaires", "commentaire", "commenter", "laisser un commentaire",
               "répondre", "réagir", "réactions", "signaler"),
        "es": ("comentarios", "comentario", "comentar", "deja un comentario",
               "responder", "deja una respuesta", "denunciar"),
        "it": ("commenti", "commento", "commenta", "lascia un commento", "rispondi",
               "segnala"),
        "pt": ("comentários", "comentário", "comentar", "deixe um comentário",
               "responder", "denunciar"),
        "nl": ("reacties", "reactie", "reageer", "plaats een reactie", "beantwoorden"),
        "ru": ("комментарии", "комментарий", "комментировать", "оставить комментарий",
               "ответить", "добавить комментарий", "пожаловаться"),
        "tr": ("yorumlar", "yorum", "yorum yap", "yorum yaz", "cevapla", "yanıtla"),
        "pl": ("komentarze", "komentarz", "skomentuj", "dodaj komentarz", "odpowiedz"),
        "cs": ("komentáře", "diskuse", "odpovědět"),
        "el": ("σχόλια", "σχόλιο", "απάντηση"),
        "ar": ("تعليقات", "التعليقات", "أضف تعليق", "رد"),
    },
    Reason.FOOTER: {
        "en": ("privacy", "privacy policy", "privacy notice", "privacy statement",
               "terms", "terms of use", "terms of service", "terms and conditions",
               "terms conditions", "terms of sale", "legal", "legal notice", "imprint",
               "disclaimer", "copyright", "all rights reserved", "accessibility",
               "accessibility statement", "community guidelines", "code of conduct",
               "site terms", "user agreement", "powered by", "designed by",
               "ethics policy", "copyright policy", "your privacy rights",
               "california privacy rights", "your california privacy rights"),
        "de": ("impressum", "datenschutz", "datenschutzerklärung", "agb",
               "nutzungsbedingungen", "alle rechte vorbehalten", "rechtliches",
               "barrierefreiheit"),
        "fr": ("mentions légales", "confidentialité", "politique de confidentialité",
               "conditions générales", "cgu", "cgv", "tous droits réservés",
               "données personnelles", "plan du site"),
        "es": ("aviso legal", "privacidad", "política de privacidad",
               "términos y condiciones", "condiciones de uso", "mapa del sitio",
               "todos los derechos reservados"),
        "it": ("note legali", "privacy", "informativa privacy", "termini e condizioni",
               "condizioni d uso", "mappa del sito", "tutti i diritti riservati",
               "partita iva", "p iva"),
        "pt": ("aviso legal", "privacidade", "política de privacidade",
               "termos de uso", "termos e condições", "mapa do site",
               "todos os direitos reservados"),
        "nl": ("privacy", "privacybeleid", "privacyverklaring", "algemene voorwaarden",
               "disclaimer", "colofon", "alle rechten voorbehouden"),
        "ru": ("политика конфиденциальности", "пользовательское соглашение",
               "правовая информация", "все права защищены", "карта сайта",
               "условия использования"),
        "tr": ("gizlilik politikası", "kullanım koşulları", "künye",
               "tüm hakları saklıdır", "kvkk", "gizlilik", "site haritası"),
        "pl": ("polityka prywatności", "regulamin", "prywatność",
               "wszelkie prawa zastrzeżone", "mapa strony", "redakcja"),
        "cs": ("ochrana osobních údajů", "podmínky užití", "všechna práva vyhrazena"),
        "el": ("όροι χρήσης", "πολιτική απορρήτου", "με επιφύλαξη παντός δικαιώματος"),
        "ar": ("سياسة الخصوصية", "شروط الاستخدام", "جميع الحقوق محفوظة"),
    },
    Reason.FORM_CONTROL: {
        "en": ("search", "search for", "search form", "advanced search", "go", "submit",
               "send", "ok", "cancel", "yes", "no", "name", "your name", "name required",
               "email required", "email address", "your email", "your email address",
               "enter your email", "enter your email address", "email will not be published",
               "website", "url", "password", "username", "required", "required fields",
               "select", "select month", "select category", "choose", "enter",
               "enter keywords", "keywords", "search this site", "search the site",
               "type your search", "submit comment", "post comment", "send message",
               "message", "subject", "first name", "last name", "phone", "zip code",
               "captcha", "remember me", "save my name", "invalid url", "clear",
               "reset", "apply", "filter", "sort", "load", "more options"),
        "de": ("suche", "suchen", "suchbegriff", "absenden", "senden", "abbrechen",
               "ja", "nein", "name", "e mail adresse", "passwort", "pflichtfeld"),
        "fr": ("rechercher", "recherche", "envoyer", "valider", "annuler", "oui", "non",
               "nom", "adresse e mail", "mot de passe", "champs obligatoires"),
        "es": ("buscar", "búsqueda", "enviar", "cancelar", "sí", "nombre",
               "correo electrónico", "contraseña", "campos obligatorios"),
        "it": ("cerca", "ricerca", "invia", "annulla", "sì", "nome", "indirizzo email",
               "password", "campi obbligatori"),
        "pt": ("pesquisar", "buscar", "pesquisa", "enviar", "cancelar", "sim", "não",
               "nome", "senha", "campos obrigatórios"),
        "nl": ("zoeken", "zoek", "verzenden", "versturen", "annuleren", "ja", "nee",
               "naam", "e mailadres", "wachtwoord"),
        "ru": ("поиск", "найти", "искать", "отправить", "отмена", "да", "нет", "имя",
               "пароль", "обязательные поля"),
        "tr": ("ara", "arama", "gönder", "iptal", "evet", "hayır", "ad", "şifre",
               "e posta"),
        "pl": ("szukaj", "wyszukaj", "wyślij", "anuluj", "tak", "nie", "imię", "hasło"),
        "cs": ("hledat", "vyhledávání", "odeslat", "zrušit", "heslo"),
        "el": ("αναζήτηση", "αποστολή", "ακύρωση", "όνομα", "κωδικός"),
        "ar": ("بحث", "ابحث", "إرسال", "إلغاء", "الاسم", "كلمة المرور"),
    },
    Reason.CREDIT: {
        "en": ("photo", "photos", "image", "images", "picture", "photo credit",
               "image credit", "image copyright", "image caption", "photograph",
               "credit", "getty images", "shutterstock", "istock", "file photo",
               "source", "via", "courtesy", "enlarge", "enlarge this image",
               "click to enlarge", "view gallery", "view photo", "hide caption",
               "toggle caption", "expand image", "fullscreen", "play video", "watch",
               "caption", "show caption", "close caption", "view caption",
               "watch video", "media playback is unsupported on your device"),
        "de": ("foto", "bild", "bildquelle", "quelle", "fotos", "bilder", "vergrößern"),
        "fr": ("photo", "crédit photo", "crédits photo", "illustration", "agrandir"),
        "es": ("foto", "fotografía", "imagen", "ampliar"),
        "it": ("foto", "immagine", "ingrandisci"),
        "pt": ("foto", "imagem", "ampliar"),
        "nl": ("foto", "afbeelding", "beeld", "vergroten"),
        "ru": ("фото", "фотография", "изображение", "источник фото"),
        "tr": ("fotoğraf", "foto", "görsel"),
        "pl": ("fot", "zdjęcie", "źródło zdjęcia"),
        "cs": ("foto", "zdroj"),
        "el": ("φωτογραφία", "πηγή"),
        "ar": ("صورة", "الصورة"),
    },
}

# Label categories trusted inside the article body too: a short line there that is one
# of these labels is page furniture dropped into the text flow ("Advertisement",
# "Share this", "Related stories"). Navigation words and form labels are not trusted in
# the body: "Politics", "Video" or "Search" may be a subheading.
IN_BODY_CATEGORIES: frozenset[Reason] = frozenset(
    {Reason.SOCIAL, Reason.ADVERTISEMENT, Reason.SUBSCRIBE, Reason.RELATED,
     Reason.COMMENTS, Reason.COOKIE, Reason.FOOTER}
)

# Labels matched only as the whole line (never as a prefix): single words whose prefix
# use would swallow ordinary sentences ("More than 20 people ...", "Search teams ...").
WHOLE_LINE_ONLY: frozenset[str] = frozenset(
    {"more", "next", "previous", "home", "search", "top", "news", "world", "business",
     "local", "all", "latest", "open", "close", "show", "hide", "print", "email", "page",
     "go", "ok", "yes", "no", "name", "send", "like", "flag", "report", "reply", "join",
     "source", "via", "watch", "photo", "photos", "image", "images", "picture", "credit",
     "follow", "share", "ad", "ads", "members", "account", "message", "subject", "select",
     "enter", "choose", "required", "clear", "reset", "apply", "filter", "sort", "load",
     "phone", "website", "url", "password", "best", "oldest", "newest", "discuss",
     "discussion", "responses", "popular", "recommended", "related", "headlines",
     "google", "mix", "pocket", "buffer", "sport", "sports", "video", "videos", "audio",
     "events", "features", "tags", "topics", "press", "mobile", "shop", "store", "help",
     "about", "contact", "legal", "terms", "privacy", "accept", "social", "ja", "nein",
     "oui", "non", "sí", "sim", "não", "nee", "да", "нет", "evet", "hayır", "tak",
     "nie", "ara", "foto", "bild", "quelle", "fot", "zdroj", "cerca", "mehr",
     "plus", "más", "mais", "meer", "ещё", "еще", "altro", "weiter", "suivant"}
)

# Headings that open a comment section. Once the article body has had prose, the first of
# these inside it ends the article (human golds leave comments out). Matched on the label
# key with numbers removed ("53 Comments", "12 thoughts on “Title”"), as the whole line
# or its start.
COMMENT_SECTION_HEADS: frozenset[str] = frozenset(
    {"comments", "comment", "responses", "responses to", "one response to", "replies",
     "replies to", "comments to", "comments on", "thoughts on", "one thought on",
     "reactions", "reactions to", "leave a reply", "leave a comment", "post a comment",
     "add a comment", "add your comment", "join the discussion", "join the conversation",
     "reader comments", "readers comments", "discussion", "comments are closed",
     "what do you think", "have your say", "show comments", "view comments",
     "kommentare", "leserkommentare", "diskussion", "commentaires", "réactions",
     "laisser un commentaire", "comentarios", "deja un comentario", "commenti",
     "lascia un commento", "comentários", "deixe um comentário", "reacties",
     "plaats een reactie", "комментарии", "оставить комментарий", "yorumlar",
     "yorum yap", "komentarze", "dodaj komentarz", "komentáře", "diskuse", "σχόλια",
     "تعليقات", "التعليقات"}
)

# ---------------------------------------------------------------------------------------
# Markers: phrases specific enough to mark a line of any length.

MARKERS: dict[Reason, tuple[str, ...]] = {
    Reason.COOKIE: (
        "we use cookies", "this site uses cookies", "this website uses cookies",
        "uses cookies", "use of cookies", "use cookies", "cookie policy", "cookies policy",
        "by continuing to use this site", "by continuing to browse",
        "by using this site you agree", "by using our site", "accept cookies",
        "verwendet cookies", "nutzt cookies", "wir verwenden cookies",
        "utilise des cookies", "utilisation des cookies", "utilizamos cookies",
        "usa cookies", "utiliza cookies", "utilizza cookie", "utilizza i cookie",
        "gebruikt cookies", "maakt gebruik van cookies", "используем файлы cookie",
        "использует файлы cookie", "файлы cookie", "çerez kullan", "çerezler",
        "używa plików cookie", "pliki cookies", "plików cookies", "používá cookies",
        "χρησιμοποιεί cookies", "ملفات تعريف الارتباط",
        "enable javascript", "javascript is disabled", "javascript is required",
        "javascript must be enabled", "please enable javascript", "turn on javascript",
        "browser does not support", "your browser is out of date",
        "update your browser",
    ),
    Reason.FOOTER: (
        "all rights reserved", "all right reserved",
        "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
        "tutti i diritti riservati", "todos os direitos reservados",
        "alle rechten voorbehouden", "все права защищены", "tüm hakları saklıdır",
        "wszelkie prawa zastrzeżone", "všechna práva vyhrazena",
        "με επιφύλαξη παντός δικαιώματος", "جميع الحقوق محفوظة",
        "may not be published broadcast rewritten or redistributed",
        "may not be reproduced", "without permission is prohibited",
        "reproduction in whole or in part", "privacy policy and terms",
        "terms of use and privacy", "terms of service and privacy",
        "subsidiary of", "registered in england",
    ),
    Reason.SUBSCRIBE: (
        "sign up for our newsletter", "subscribe to our newsletter",
        "sign up for our daily", "sign up to receive", "get the latest news delivered",
        "delivered to your inbox", "straight to your inbox", "enter your email",
        "newsletter abonnieren", "abonnez vous à notre newsletter",
        "suscríbete a nuestro boletín", "iscriviti alla nostra newsletter",
        "assine nossa newsletter", "подпишитесь на нашу рассылку",
        "to continue reading", "subscribers only", "already a subscriber",
        "you have reached your limit", "free articles remaining",
    ),
    Reason.COMMENTS: (
        "comments are closed", "leave a comment", "leave a reply",
        "your email address will not be published", "required fields are marked",
        "you must be logged in to post", "comment moderation", "comments powered by",
        "notify me of follow up comments", "notify me of new posts",
        "log in to comment", "login to comment", "sign in to comment",
    ),
    Reason.SOCIAL: (
        "follow us on", "share this article", "share on facebook", "share on twitter",
        "like us on facebook", "click to share", "opens in new window",
        "folgen sie uns auf", "suivez nous sur", "síguenos en", "seguici su",
        "siga nos no", "volg ons op", "подписывайтесь на нас в",
    ),
}

# ---------------------------------------------------------------------------------------
# CJK labels (zh, ja): matched as substrings of short lines.

CJK_LABELS: dict[Reason, tuple[str, ...]] = {
    Reason.SOCIAL: ("分享", "分享到", "关注我们", "微信", "微博", "シェア", "ツイート",
                    "フォロー", "いいね"),
    Reason.NAVIGATION: ("首页", "首頁", "返回顶部", "上一篇", "下一篇", "更多", "导航",
                        "网站地图", "ホーム", "トップ", "トップページ", "次へ", "前へ",
                        "もっと見る", "一覧", "メニュー", "サイトマップ", "打印", "印刷"),
    Reason.COOKIE: ("クッキー", "cookie"),
    Reason.SUBSCRIBE: ("登录", "注册", "订阅", "ログイン", "会員登録", "新規登録", "購読"),
    Reason.ADVERTISEMENT: ("广告", "廣告", "广告位", "推广", "広告", "スポンサー", "PR"),
    Reason.RELATED: ("相关文章", "相关阅读", "相关新闻", "热门文章", "推荐阅读", "热点",
                     "関連記事", "関連ニュース", "人気記事", "おすすめ", "ランキング"),
    Reason.COMMENTS: ("评论", "評論", "留言", "发表评论", "コメント", "返信"),
    Reason.FOOTER: ("版权所有", "版權所有", "隐私政策", "免责声明", "关于我们", "联系我们",
                    "利用規約", "プライバシーポリシー", "会社概要", "お問い合わせ",
                    "著作権", "無断転載"),
    Reason.FORM_CONTROL: ("搜索", "检索", "提交", "検索", "送信"),
}

# ---------------------------------------------------------------------------------------
# Source credits that belong to the article although they are not sentences: they are
# kept when they follow the article body. Matched on the label key of the line, as word
# sequences anywhere in it. Known false positive: a sidebar line "Reuters" right after the
# body, which is then kept (a stray line is the lesser failure).

SOURCE_CREDITS: tuple[str, ...] = (
    "reporting by", "editing by", "writing by", "additional reporting",
    "contributed to this report", "contributed reporting", "compiled by",
    "and agencies", "with agencies", "agencies", "wire services", "news agencies",
    "associated press", "the associated press", "reuters", "afp", "ap", "dpa", "xinhua",
    "ians", "pti", "ani", "efe", "ansa", "anadolu", "tass", "ria novosti", "interfax",
    "mit material von", "mit material der", "avec afp", "avec agences",
    "con información de", "con agencias", "fonte", "fuente", "source", "quelle",
    "источник", "kaynak", "źródło", "zdroj", "πηγή", "المصدر",
)

# Image credits ("Photo: Jane Doe/Reuters", "Smith/Getty Images"): a short line that opens
# with one of these words and a colon, or names a picture agency. They are dropped with
# reason ``credit``; source credits of the text above are kept.
IMAGE_CREDIT_OPENERS: frozenset[str] = frozenset(
    {"photo", "photos", "image", "images", "picture", "pictures", "photograph", "credit",
     "credits", "illustration", "foto", "fotos", "bild", "bilder", "bildquelle",
     "fotografía", "imagen", "immagine", "imagem", "afbeelding", "beeld", "фото",
     "fotoğraf", "görsel", "zdjęcie", "fot", "φωτογραφία", "صورة", "写真", "图片"}
)
IMAGE_AGENCIES: tuple[str, ...] = (
    "getty images", "shutterstock", "istock", "istockphoto", "alamy", "imago",
    "picture alliance", "ap photo", "afp photo", "reuters photo", "epa efe",
)

# Words that open a byline ("By Tess Bonn") in the languages the lexicons cover.
BYLINE_OPENERS: frozenset[str] = frozenset(
    {"by", "von", "par", "por", "di", "door", "de", "da", "автор", "yazan", "autor",
     "posted by", "written by", "words by", "story by", "text", "texte", "texto"}
)

# Month names (en, de, fr, es, it, pt, nl, tr, pl, ru genitive) for datelines.
MONTHS: frozenset[str] = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "januar", "februar", "märz", "mai",
     "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril", "juin",
     "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero",
     "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio",
     "giugno", "luglio", "settembre", "ottobre", "dicembre", "janeiro", "fevereiro",
     "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
     "januari", "februari", "maart", "mei", "augustus", "ocak", "şubat", "mart", "nisan",
     "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
     "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
     "września", "października", "listopada", "grudnia", "января", "февраля", "марта",
     "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
     "декабря"}
)

# fmt: on

# ---------------------------------------------------------------------------------------
# Builders (run once, cached: the tables are read-only).

_KEY_RE = re.compile(r"[^\W_]+")
_WORD_RE = re.compile(r"[^\W\d_]+")

STOPWORDS_PATH = Path(__file__).resolve().parent / "data" / "stopwords.json"

# How many of each language's most frequent words count as its stopwords. jusText's
# hand-made stoplists have 100 to 400 words; 200 of wordfreq's top words gives a share of
# about 0.45 in English news prose and 0.15 in menus (measured on scraped pages).
STOPWORDS_PER_LANGUAGE = 200
# Distinct sets of page languages whose stopword union is kept (a page has one to six
# languages; a corpus uses a few dozen sets, so this bounds memory, not speed).
STOPWORD_UNIONS_CACHED = 256


def label_key(line: str) -> str:
    """The form lexicon phrases are written in: case-folded words, single spaces.

    >>> label_key("  Follow us on:\\u00a0 ")
    'follow us on'
    >>> label_key("Don't miss — SUBSCRIBE!")
    'don t miss subscribe'
    """
    return " ".join(_KEY_RE.findall(line.casefold()))


@functools.cache
def label_table() -> dict[str, Reason]:
    """Every label phrase (in :func:`label_key` form) mapped to its category.

    When a phrase is listed under two categories the first one in ``LABELS`` wins.

    >>> label_table()["advertisement"]
    <Reason.ADVERTISEMENT: 'advertisement'>
    """
    table: dict[str, Reason] = {}
    for reason, by_lang in LABELS.items():
        for phrases in by_lang.values():
            for phrase in phrases:
                table.setdefault(label_key(phrase), reason)
    return table


@functools.cache
def label_first_words() -> frozenset[str]:
    """The first words of the label phrases: a line that starts with none of them does not
    start with a label.

    >>> "follow" in label_first_words(), "the" in label_first_words()
    (True, False)
    """
    return frozenset(key.split(" ")[0] for key in label_table())


@functools.cache
def label_prefixes() -> dict[str, Reason]:
    """The labels a line may start with (all but the ``WHOLE_LINE_ONLY`` ones).

    >>> label_prefixes()["follow us"], "more" in label_prefixes()
    (<Reason.SOCIAL: 'social'>, False)
    """
    return {k: v for k, v in label_table().items() if k not in WHOLE_LINE_ONLY}


@functools.cache
def label_prefix_lengths() -> dict[str, tuple[int, ...]]:
    """First word -> the word counts of the :func:`label_prefixes` starting with it,
    longest first (the only prefixes of a line worth looking up).

    >>> label_prefix_lengths()["sign"], "follow" in label_prefixes()
    ((3, 2), False)
    """
    lengths: dict[str, set[int]] = {}
    for key in label_prefixes():
        words = key.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}


@functools.cache
def marker_table() -> dict[str, tuple[tuple[tuple[str, ...], Reason], ...]]:
    """Markers indexed by their first word: first word -> ((words, category), ...).

    >>> (("we", "use", "cookies"), Reason.COOKIE) in marker_table()["we"]
    True
    """
    index: dict[str, list[tuple[tuple[str, ...], Reason]]] = {}
    for reason, phrases in MARKERS.items():
        for phrase in phrases:
            words = tuple(label_key(phrase).split())
            if words:
                index.setdefault(words[0], []).append((words, reason))
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def marker_anchor_table() -> dict[str, tuple[tuple[str, int, Reason], ...]]:
    """Markers indexed by their *anchor*, the word a line must hold for the marker to be
    in it: anchor -> ((" phrase ", rank, category), ...), the phrase in label key form
    padded with spaces, ``rank`` its place in ``MARKERS`` (the first listed wins).

    The anchor is the phrase's longest word that is no language's stopword (its longest
    word if all are), so most lines hold no anchor and are done with one set test.

    >>> [(p, r) for p, _, r in marker_anchor_table()["cookies"] if p == " we use cookies "]
    [(' we use cookies ', <Reason.COOKIE: 'cookie'>)]
    """
    common = stopword_index()
    index: dict[str, list[tuple[str, int, Reason]]] = {}
    rank = 0
    for reason, phrases in MARKERS.items():
        for phrase in phrases:
            words = label_key(phrase).split()
            if not words:
                continue
            rare = [w for w in words if w not in common] or words
            anchor = max(rare, key=len)
            index.setdefault(anchor, []).append((f" {' '.join(words)} ", rank, reason))
            rank += 1
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def source_credit_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Source-credit phrases indexed by first word.

    >>> ("reporting", "by") in source_credit_table()["reporting"]
    True
    """
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in SOURCE_CREDITS:
        words = tuple(label_key(phrase).split())
        index.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def stopword_table() -> dict[str, frozenset[str]]:
    """Language -> its most frequent words (see ``STOPWORDS_PER_LANGUAGE``).

    >>> "the" in stopword_table()["en"] and "und" in stopword_table()["de"]
    True
    """
    with STOPWORDS_PATH.open(encoding="utf-8") as f:
        raw: dict[str, list[str]] = json.load(f)["languages"]
    return {lang: frozenset(words) for lang, words in raw.items()}


@functools.lru_cache(maxsize=STOPWORD_UNIONS_CACHED)
def stopword_union(langs: tuple[str, ...]) -> frozenset[str]:
    """The stopwords of several languages together (pages share their sets of languages).

    >>> {"the", "und"} <= stopword_union(("de", "en")), stopword_union(())
    (True, frozenset())
    """
    table = stopword_table()
    return frozenset().union(*(table[lang] for lang in langs))


@functools.cache
def stopword_index() -> dict[str, tuple[str, ...]]:
    """Word -> the languages whose stopword list holds it.

    >>> "en" in stopword_index()["the"]
    True
    """
    index: dict[str, list[str]] = {}
    for lang, words in sorted(stopword_table().items()):
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@functools.cache
def stopword_groups() -> tuple[dict[str, int], tuple[tuple[str, ...], ...]]:
    """:func:`stopword_index` with each distinct tuple of languages numbered: word -> number,
    and number -> languages (small integers count faster than tuples). Numbers start at 1,
    so every number is true and ``filter(None, ...)`` drops only the words of no list.

    >>> numbers, languages = stopword_groups()
    >>> languages[numbers["the"]] == stopword_index()["the"], min(numbers.values())
    (True, 1)
    """
    numbers: dict[tuple[str, ...], int] = {(): 0}
    by_word = {w: numbers.setdefault(langs, len(numbers)) for w, langs in stopword_index().items()}
    return by_word, tuple(numbers)


@functools.lru_cache(maxsize=STOPWORD_UNIONS_CACHED)
def stopword_group_union(langs: tuple[str, ...]) -> frozenset[int]:
    """The :func:`stopword_groups` numbers of the words that are stopwords of ``langs``.

    >>> numbers, _ = stopword_groups()
    >>> numbers["the"] in stopword_group_union(("en",)), stopword_group_union(())
    (True, frozenset())
    """
    by_language = _stopword_groups_by_language()
    return frozenset().union(*(by_language.get(lang, ()) for lang in langs))


@functools.cache
def _stopword_groups_by_language() -> dict[str, frozenset[int]]:
    """Language -> the :func:`stopword_groups` numbers of the tuples that hold it."""
    _, languages = stopword_groups()
    numbers: dict[str, set[int]] = {}
    for n, group in enumerate(languages):
        for lang in group:
            numbers.setdefault(lang, set()).add(n)
    return {lang: frozenset(found) for lang, found in numbers.items()}


@functools.cache
def cjk_function_chars() -> frozenset[str]:
    """Single characters among the zh and ja stopwords (particles, 的, の ...).

    >>> "的" in cjk_function_chars() and "の" in cjk_function_chars()
    True
    """
    table = stopword_table()
    chars = {w for lang in ("zh", "ja") for w in table.get(lang, ()) if len(w) == 1}
    return frozenset(chars)


def build_stopword_data(per_language: int = STOPWORDS_PER_LANGUAGE) -> dict[str, object]:
    """The content of ``data/stopwords.json``, built from wordfreq's frequency lists."""
    import wordfreq

    languages = {}
    for lang in sorted(wordfreq.available_languages()):
        words = [w.casefold() for w in wordfreq.top_n_list(lang, per_language)]
        languages[lang] = sorted({w for w in words if _WORD_RE.fullmatch(w)})
    return {
        "generator": "python -m cleaner.phrases (wordfreq.top_n_list per language)",
        "wordfreq_version": getattr(wordfreq, "__version__", "unknown"),
        "per_language": per_language,
        "languages": languages,
    }


def main() -> int:
    """Regenerate ``data/stopwords.json``."""
    data = build_stopword_data()
    STOPWORDS_PATH.parent.mkdir(parents=True, exist_ok=True)
    with STOPWORDS_PATH.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    print(f"wrote {STOPWORDS_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
