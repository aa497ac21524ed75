"""Widget vocabularies, by label and language: data only, no logic.

Entries are written in their natural form; `textutil.fold` (lower case, no accents,
straight apostrophes) is applied once when they are compiled, so "À lire aussi" also
matches "A LIRE AUSSI". Site names in comments say where a form was seen.
"""

from __future__ import annotations

from ..models import Label

# fmt: off

# Lines that, alone on their line, open a widget zone (rails, comment blocks, share bars…).
# Counts and decorations around them ("12 commentaires", "Comments (3)", "À lire aussi :")
# are stripped before matching.
HEADINGS: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.RELATED: {
        "fr": (
            "à regarder",  # franceinfo
            "à lire aussi", "lire aussi", "à lire également",
            "lire également",  # Le Monde, RFI
            "à voir aussi", "voir aussi", "à voir", "à découvrir", "à lire",
            "sur le même sujet",
            "sur le même thème",  # RFI, Jeune Afrique
            "dans la même rubrique",
            "dans la même catégorie",  # lefaso.net, maliweb
            "les plus lus", "les plus lues", "articles les plus lus", "les plus partagés",
            "les plus commentés", "les plus populaires", "populaires", "nos vidéos",
            "nos dernières vidéos", "vidéos", "dernières vidéos", "articles similaires",
            "articles liés", "articles connexes", "articles récents", "derniers articles",
            "dernières infos", "dernières actualités", "dernières nouvelles",
            "vous aimerez aussi", "vous aimerez peut-être", "vous pourriez aimer",
            "vous pourriez aussi aimer", "ces articles peuvent vous intéresser",
            "à ne pas manquer", "à ne pas rater", "l'actu en continu", "en continu",
            "toute l'actualité", "plus de sujets", "plus d'articles", "nos recommandations",
            "recommandé pour vous", "sélectionné pour vous", "la sélection de la rédaction",
            "les choix de la rédaction", "contenus sponsorisés", "autres articles",
            "autres actualités", "dans l'actualité", "à la une", "les titres du jour",
            "tous les articles", "ailleurs sur le web", "du même auteur", "lire la suite",
            # tdg.ch; (with "otras noticias", Página Siete: dev te innertext +0.0006,
            # te-fr innertext +0.0145, te gettext +0.0003, sh unchanged)
            "articles en relation", "articles en lien",
        ),
        "en": (
            "related", "related articles", "related stories", "related content",
            "related news", "related coverage", "related topics", "related posts",
            "related links", "related reading", "read more", "read next", "read also",
            "also read", "see also", "more stories", "more news", "more from",
            "more on this story", "more in", "more videos", "more to explore", "most read",
            "most popular", "most viewed", "most shared", "popular", "popular now", "trending",
            "trending now", "top stories", "latest news", "latest stories", "latest", "watch",
            "videos", "watch more", "recommended", "recommended for you",
            "recommended stories", "you may also like", "you might also like",
            "you may be interested in", "editor's picks", "editors' picks", "up next",
            "what to read next", "don't miss", "around the web", "sponsored stories",
            "promoted stories", "from our partners", "in other news", "other news",
            "stories you may like", "in case you missed it", "more from this author",
        ),
        "de": (
            "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel",
            "meistgelesen", "meistgelesene artikel", "ähnliche artikel", "auch interessant",
            "lesen sie auch", "empfehlungen", "top themen", "verwandte artikel", "mehr aus",
            "neueste artikel", "weitere meldungen", "passend zum thema",
        ),
        "es": (
            "noticias relacionadas", "te puede interesar", "lo más leído", "más noticias",
            "relacionado", "relacionados", "también te puede interesar", "lee también",
            "te recomendamos", "más leídas", "artículos relacionados",
            "otras noticias",
        ),
        # Hausa: "related news", "read also", "most read", "other news"; BBC Hausa-style
        # rails (both spellings: ƙ has no accent to fold away)
        "ha": (
            "labarai masu alaƙa", "labarai masu alaka", "karanta kuma", "mafi karantawa",
            "sauran labarai",
        ),
        # Bambara: "other news", "news on the same subject"; composed for sahelclean from
        # Bailleul's dictionary, not yet seen on a site
        "bm": ("kunnafoni wɛrɛw", "kunnafoni wèrèw", "kunnafoni kelen"),
        # Arabic: "read also", "related articles/news/topics", "most read"; Al Jazeera,
        # BBC Arabic, France 24 Arabic
        "ar": (
            "اقرأ أيضا", "اقرأ ايضا", "إقرأ أيضا", "مقالات ذات صلة", "أخبار ذات صلة",
            "مواضيع ذات صلة", "الأكثر قراءة", "اقرأ المزيد", "المزيد من الأخبار",
        ),
    },
    Label.COMMENTS: {
        "fr": (
            "commentaires", "commentaire", "réagir", "réagissez", "réactions", "vos réactions",
            "laisser un commentaire", "laissez un commentaire", "ajouter un commentaire",
            "écrire un commentaire", "vos commentaires", "donnez votre avis", "le débat",
            "dites-nous ce que vous en pensez",
            "forum", "contributions",
            "les contributions",  # Le Monde uses "Contributions"
        ),
        "en": (
            "comments", "comment", "leave a comment", "leave a reply", "join the conversation",
            "add a comment", "post a comment", "reader comments", "conversation",
            "show comments", "view comments", "discussion", "responses",
            "tell us what you think",
        ),
        "de": ("kommentare", "kommentar schreiben", "diskussion", "leserkommentare"),
        "es": ("comentarios", "deja un comentario", "deja tu comentario"),
        # Hausa "comment(s)", "your opinions" (sharhi: Newman's dictionary)
        "ha": ("sharhi", "sharhohi", "ra'ayoyinku"),
        # Bambara "opinions" (hakilina: Bailleul's dictionary); composed for sahelclean
        "bm": ("hakilinaw", "aw ka hakilinaw"),
        # Arabic "comments", "readers' comments", "add a comment"; Al Jazeera, Hespress
        "ar": ("التعليقات", "تعليقات", "تعليقات القراء", "أضف تعليقا", "اترك تعليقا"),
    },
    Label.SHARE: {
        # WordPress's likes box too: "J'aime ça :", "Like this:" (ActuNiger; dev: all
        # figures unchanged)
        "fr": ("partager", "partagez", "partager cet article", "partager sur", "partage",
               "j'aime ça", "j'aime ceci"),
        "en": ("share", "share this", "share this article", "share this story", "share on",
               "like this"),
        "de": ("teilen", "artikel teilen", "diesen artikel teilen"),
        "es": ("compartir", "comparte", "compartir en"),
        # Arabic "share", "share the article"; Al Jazeera, Sky News Arabia
        "ar": ("شارك", "شارك المقال", "مشاركة", "شارك الخبر"),
    },
    Label.NEWSLETTER: {
        "fr": (
            "newsletter", "newsletters", "lettre d'information", "la newsletter",
            "inscrivez-vous à la newsletter", "abonnez-vous à notre newsletter",
            "recevez notre newsletter", "restez informé",
        ),
        "en": (
            "newsletter", "newsletters", "sign up for our newsletter", "get our newsletter",
            "subscribe to our newsletter", "stay informed", "daily briefing",
        ),
        "de": ("newsletter", "newsletter abonnieren"),
        "es": ("boletín", "newsletter", "suscríbete al boletín"),
    },
    Label.NAVIGATION: {
        "fr": ("menu", "navigation", "rubriques", "sommaire", "accueil", "rechercher"),
        "en": ("menu", "navigation", "sections", "search", "skip to content", "home"),
        "de": ("menü", "navigation", "startseite", "suche"),
        "es": ("menú", "navegación", "inicio", "buscar"),
        # Arabic: "home", "main page", "menu", "search"
        "ar": ("الرئيسية", "الصفحة الرئيسية", "القائمة", "بحث"),
    },
    Label.FOOTER: {
        "fr": ("suivez-nous", "nous suivre", "retrouvez-nous sur", "à propos", "liens utiles"),
        "en": ("follow us", "about us", "connect with us", "useful links"),
        "de": ("folgen sie uns", "über uns"),
        "es": ("síguenos", "sobre nosotros"),
    },
    Label.PAYWALL: {
        "fr": ("réservé aux abonnés", "article réservé aux abonnés", "abonnez-vous", "s'abonner"),
        "en": ("subscribers only", "for subscribers", "subscribe", "subscribe now"),
        "de": ("nur für abonnenten", "jetzt abonnieren"),
        "es": ("solo para suscriptores", "suscríbete"),
    },
}

# Phrases that mark a whole (short) line as a widget wherever it stands. Matched as folded
# substrings; a line longer than `PHRASE_MAX_WORDS` is prose that merely mentions them.
PHRASES: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.COOKIE: {
        "fr": (
            "nous utilisons des cookies", "utilise des cookies", "utilisation des cookies",
            "utilisent des cookies", "cookies pour améliorer", "cookies afin de",
            "gérer les cookies", "paramétrer les cookies", "accepter les cookies",
            "vos préférences de cookies",
        ),
        "en": (
            "we use cookies", "uses cookies", "use of cookies", "cookie policy",
            "use cookies to", "use cookies and", "cookies to improve",
            "cookie settings", "cookie preferences", "manage cookies", "accept cookies",
            "accept all cookies", "your privacy choices", "manage consent",
        ),
        "de": ("wir verwenden cookies", "cookie-einstellungen"),
        "es": ("utilizamos cookies", "política de cookies"),
    },
    Label.AD: {
        "fr": (
            "la suite après cette publicité", "la suite après la publicité",
            "contenu sponsorisé",
        ),
        "en": (
            "continue reading the main story", "story continues below advertisement",
            "article continues below", "continue reading below", "sponsored content",
            "advertisement - scroll to continue", "paid content", "paid post",
            # "Advertisement · Scroll to continue" (Reuters; the dot folds to no dash;
            # dev: all figures unchanged)
            "scroll to continue", "faites défiler pour continuer",
        ),
        "de": ("anzeige - weiterlesen", "weiter nach der anzeige"),
        "es": ("sigue leyendo tras la publicidad",),
    },
    Label.PAYWALL: {
        "fr": (
            "réservé aux abonnés", "réservée aux abonnés", "de cet article à lire",
            "déjà abonné", "abonnez-vous pour lire", "lire la suite de l'article",
            "accédez à tous nos contenus",
        ),
        "en": (
            "subscribe to continue", "subscribers only", "for subscribers",
            "already a subscriber", "create a free account to continue",
            "this article is for subscribers", "you have reached your limit",
        ),
        "de": ("nur für abonnenten", "bereits abonnent"),
        "es": ("solo para suscriptores", "ya soy suscriptor", "suscríbete para seguir"),
    },
    Label.NEWSLETTER: {
        # the sign-up box's pitch ("Notre newsletter gratuite…", "… directement dans votre
        # boîte mail") and the blog subscription widget's line (WordPress, in each language:
        # "… de chaque nouvel article par e-mail"). (Dev: 4 German sites; te innertext
        # +0.0009, te gettext +0.0014, all else unchanged.)
        "fr": (
            "recevez l'essentiel", "s'inscrire à la newsletter", "désinscrire à tout moment",
            "désabonner à tout moment", "notre newsletter gratuite",
            "directement dans votre boîte mail", "directement dans votre boîte e-mail",
            "chaque nouvel article par e-mail", "chaque nouvel article par email",
        ),
        "en": (
            "delivered to your inbox", "unsubscribe at any time", "sign up to receive",
            "our free newsletter", "straight to your inbox", "direct to your inbox",
            "notifications of new posts by email",
        ),
        "de": (
            "newsletter abonnieren", "unser kostenloser newsletter", "direkt in dein postfach",
            "direkt in ihr postfach", "neue beiträge per e-mail", "double-opt-in",
        ),
        "es": ("recibe en tu correo",),
        # the pitch names the site's own letter ("Abonniere unseren Newsletter!"), or
        # promises the reader misses nothing (see also BUTTON_PHRASES). (Dev: 30 te pages of
        # 28 sites and 8 sh pages, de, en, fr, each a sign-up box; te innertext +0.0012, te
        # gettext +0.0012, sh gettext +0.0001, sh innertext -0.0000, HTML unchanged.)
        "any": (
            "notre newsletter", "nos newsletters", "inscrivez-vous pour recevoir",
            "our newsletter", "our newsletters", "sign up to get",
            "unseren newsletter", "unserem newsletter", "unser newsletter",
            "verpasse keine", "verpassen sie keine", "nichts mehr verpassen",
            "nichts mehr versäumen", "nuestro boletín", "nuestra newsletter",
        ),
    },
    Label.COMMENTS: {
        "fr": (
            "déjà un compte", "créez votre compte", "signaler un abus",
            "signaler ce commentaire", "les commentaires sont fermés", "charte de modération",
            "réponses à ce commentaire",
        ),
        "en": (
            "to post a comment", "already have an account", "report abuse",
            "report this comment", "comments are closed", "community guidelines",
            "commenting is", "view all comments", "show more comments", "load more comments",
        ),
        "de": ("kommentar melden", "kommentarfunktion"),
        "es": ("deja tu comentario", "reportar abuso"),
    },
    Label.SHARE: {
        # ... and the likes box's placeholder, "J'aime chargement…" (WordPress; dev: all
        # figures unchanged)
        "fr": ("partager sur facebook", "partager sur twitter", "partager par e-mail", "cliquez pour partager",
               "j'aime chargement", "cliquez pour imprimer"),
        "en": ("click to share on", "click to email this", "click to print", "opens in new window", "share on facebook", "share on twitter",
               "like loading"),
        "de": ("auf facebook teilen", "auf twitter teilen", "per e-mail teilen"),
        "es": ("compartir en facebook", "compartir en twitter"),
    },
    Label.FOOTER: {
        "fr": (
            "tous droits réservés", "mentions légales", "politique de confidentialité",
            "charte éditoriale", "conditions d'utilisation",
        ),
        "en": (
            "all rights reserved", "privacy policy", "terms of use", "terms of service",
            "terms and conditions", "accessibility statement", "do not sell my",
        ),
        "de": ("alle rechte vorbehalten", "nutzungsbedingungen"),
        "es": ("todos los derechos reservados", "aviso legal", "política de privacidad"),
    },
}

# Calls to action that make a widget only when a short line opens with them: "S'inscrire
# à la newsletter", "Accept all", "Connectez-vous pour commenter". In running text they
# are ordinary words ("the minister declined to comment", "sans engagement financier").
BUTTON_PHRASES: dict[Label, tuple[str, ...]] = {
    Label.COOKIE: (
        "tout accepter", "tout refuser", "accepter et fermer", "continuer sans accepter",
        "gérer mes choix", "accept all", "reject all", "manage preferences",
        "alle akzeptieren", "aceptar todas",
    ),
    Label.PAYWALL: (
        "sans engagement", "for subscribers", "subscribe now", "subscribe for",
        "become a member", "unlimited access", "je m'abonne", "to continue reading",
        "pour lire la suite", "jetzt abonnieren", "offre d'abonnement", "abonnez-vous dès",
        "start your free trial", "weiterlesen mit",
    ),
    Label.NEWSLETTER: (
        "inscrivez-vous", "je m'inscris", "votre e-mail", "recevez notre", "recevez chaque",
        "recevez gratuitement", "sign up for", "email address", "get the latest",
        "in your inbox", "subscribe to our", "jetzt anmelden", "suscríbete a",
        "votre adresse e-mail", "votre adresse email", "votre adresse mail",
        "your email address", "enter your email", "ihre e-mail-adresse",
        "tu correo electrónico",
        # "Never miss a story", "Ne manquez plus aucun article": at the start of a line only,
        # "he would never miss a market day" is a sentence
        "never miss a", "ne manquez plus", "ne manquez rien", "ne ratez plus", "ne ratez rien",
    ),
    Label.COMMENTS: (
        "pour commenter", "pour réagir", "connectez-vous", "your comment", "votre commentaire",
        "créer un compte", "create an account", "um zu kommentieren", "para comentar",
        "soyez le premier à", "be the first to comment", "sign in to comment",
        "log in to comment", "register to comment",
    ),
    Label.FOOTER: (
        "contact us", "about us", "nous contacter", "qui sommes-nous", "site map", "sitemap",
        "plan du site", "données personnelles", "conditions générales", "impressum",
        "datenschutz",
    ),
}

# Words that, alone on a line, are buttons or labels of a widget (a line made only of them,
# e.g. "Facebook", "Twitter", "Copier le lien", is that widget).
LABEL_LINES: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.SHARE: {
        "any": (
            "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "pinterest",
            "reddit", "messenger", "flipboard", "tumblr", "email", "e-mail", "mail", "sms",
            "tweet", "tweeter", "imprimer", "print", "copier le lien", "copy link",
            "lien copié", "link copied", "envoyer par e-mail", "envoyer par mail",
            "partager sur facebook", "partager sur twitter", "share on facebook",
            "share on twitter", "share via email", "copier", "copy",
            # print buttons ("Drucken" alone on 16 te pages; dev: te innertext +0.0003, sh
            # html +0.0000, all else unchanged)
            "imprimer l'article", "imprimer cet article", "print this article",
            "print article", "drucken", "artikel drucken", "seite drucken", "imprimir",
            # the tool bar's gift and save buttons (Le Monde, NYT-style; dev: all figures
            # unchanged)
            "offrir l'article", "offrir cet article", "lire plus tard", "sauvegarder",
            "gift this article", "gift article", "save for later", "save article",
            # the buttons of a radio site's audio player, in its tool bar beside "Partager"
            # (RFI, Studio Tamani, Deutsche Welle; dev: all figures unchanged)
            "écouter", "télécharger", "écouter l'article", "télécharger le podcast",
            "listen", "download", "listen to this article", "download audio",
            "anhören", "herunterladen", "escuchar", "descargar",
        ),
    },
    Label.AD: {
        "any": (
            "publicité", "pub", "advertisement", "advertising", "ad", "ads", "annonce",
            "annonces", "sponsored", "sponsorisé", "partenaire", "anzeige", "werbung",
            "publicidad", "promoted", "contenu partenaire",
        ),
    },
    Label.COMMENTS: {
        "any": (
            "répondre", "signaler", "j'aime", "je n'aime pas", "reply", "report", "like",
            "dislike", "flag", "voir les réponses", "view replies", "show replies",
            "se connecter", "log in", "sign in", "connexion", "s'identifier", "envoyer",
            "poster", "publier", "submit", "post comment", "annuler", "cancel", "plus récents",
            "plus anciens", "newest", "oldest", "top comments", "meilleurs commentaires",
            "trier par", "sort by",
            # a SPIP forum's reply link (lefaso.net; dev: all figures unchanged)
            "répondre à ce message", "répondre à ce commentaire", "reply to this message",
            "reply to this comment",
        ),
    },
    Label.NAVIGATION: {
        "any": (
            "accueil", "home", "menu", "rechercher", "recherche", "search", "fermer", "close",
            "retour", "back", "suivant", "précédent", "next", "previous", "retour en haut",
            "back to top", "haut de page", "skip to content", "aller au contenu",
            "aller au contenu principal", "skip to main content", "mon compte", "my account",
            "s'abonner", "subscribe", "log out", "déconnexion", "voir plus", "see more",
            "show more", "load more", "afficher plus", "charger plus", "tout voir", "see all",
            "view all", "plus", "more", "sections", "direct", "live", "en direct", "voir tout",
            "voir toutes les vidéos", "voir tous les articles", "toutes les vidéos",
            "tous les articles", "more video", "all videos", "see all videos", "all stories",
            # the way back out of a photo gallery or an article to its list (Hearst's US
            # papers, Swiss and German administrations' news; dev: sh innertext +0.0001,
            # sh gettext +0.0001, te gettext +0.0003, all else unchanged)
            "back to gallery", "retour à la galerie", "zurück zur galerie",
            "back to list", "retour à la liste", "zurück zur übersicht", "zurück zur liste",
        ),
    },
    # the link to the sign-up page, alone on its line inside the article ("Sign up here.",
    # Reuters; dev: all figures unchanged)
    Label.NEWSLETTER: {
        "any": (
            "sign up here", "subscribe here", "inscrivez-vous ici", "abonnez-vous ici",
        ),
    },
    Label.FOOTER: {
        "any": (
            "contact", "contactez-nous", "cgu", "cgv", "rss", "flux rss", "faq", "aide",
            "help", "careers", "carrières", "recrutement", "publicité sur le site",
            "advertise", "à propos", "about", "impressum", "cookies",
        ),
    },
}

# An inline teaser: a lead-in phrase then a linked headline, on one line of the article.
# "À lire aussi : …", "LIRE AUSSI >> …", "Read more: …", "Related: …"
TEASER_PREFIXES: tuple[str, ...] = (
    "à lire aussi", "lire aussi", "à lire également", "lire également", "à lire",
    "à voir aussi", "voir aussi", "à voir", "à regarder", "à écouter", "écouter aussi",
    "regarder aussi", "sur le même sujet", "notre article", "notre dossier", "lire notre",
    "voir notre", "read more", "read also", "also read", "related", "see also", "more",
    "watch", "recommended", "read next", "listen", "mehr zum thema", "lesen sie auch",
    "auch interessant", "lee también", "te puede interesar", "leer más",
)

# A link to the blog's previous or next post under the article: the lead-in, then that
# post's headline, on one line ("Article suivant Après la crue…", "Next: How to…",
# "← Older title", "Newer title →"; WordPress, Jannah and Newspaper themes). Matched at the
# start of the folded line; an arrow alone needs no lead-in (see rules.post_link).
POST_LINK_PREFIXES: tuple[str, ...] = (
    "article suivant", "article précédent", "billet suivant", "billet précédent",
    "next:", "previous:", "next post", "previous post", "next article", "previous article",
    "newer post", "older post", "nächster beitrag", "vorheriger beitrag",
    "nächster artikel", "vorheriger artikel", "artículo siguiente", "artículo anterior",
    "entrada siguiente", "entrada anterior", "articolo successivo", "articolo precedente",
)

# Lines that only carry who wrote the article and when (bylines, datelines, reading time).
BYLINE_PREFIXES: tuple[str, ...] = (
    "par ", "article rédigé par", "rédigé par", "écrit par", "propos recueillis par",
    "de notre correspondant", "reporting by", "additional reporting by", "editing by",
    "writing by", "de notre envoyé", "by ", "written by", "reported by", "von ",
    "por ", "auteur :", "author:", "rédaction", "avec afp", "with afp", "avec reuters",
    # a radio's correspondent over the text ("Avec notre correspondant à N'Djamena, X";
    # RFI, Studio Tamani; dev: all figures unchanged)
    "avec notre correspondant", "avec notre envoyé", "avec nos correspondants",
    "avec notre envoyée", "from our correspondent", "our correspondent in",
)
DATELINE_WORDS: tuple[str, ...] = (
    "publié le", "publié :", "mis à jour le", "mis à jour :", "modifié le", "posté le",
    "published", "updated", "last updated", "posted", "temps de lecture", "lecture :",
    "min de lecture", "min read", "minute read", "minutes read", "veröffentlicht",
    "aktualisiert", "lesezeit", "publicado", "actualizado", "image :", "image:", "photo :",
    "photo:", "©", "getty images", "afp photo", "illustration :",
    # a credit line, not "Credit Union", "UniCredit": the word with its colon or ellipsis
    # (matched on folded text: "crédit :" stands for "credit :" too)
    "crédit :", "crédit:", "crédits :", "crédits:", "crédits photo", "crédit photo",
    "credit...", "credit…", "crédito:",
    "crédito :", "photocredit", "photo credit", "image credit",
    "tempo de leitura", "tiempo de lectura",
    # the page's own change date ("Letzte Änderung 14.02.2019", "Last modified: …"): like
    # "updated", not a date the article cites (2 of te's `without` snippets; dev: te html
    # +0.0003, all else unchanged)
    "last modified", "dernière modification", "letzte änderung", "zuletzt geändert",
    "zuletzt aktualisiert", "última modificación", "última actualización",
    # Arabic (Chad, Sudan, Mauritania): "published on", "date of publication", "last
    # update" (dev: no Arabic page; unchanged)
    "نشر في", "نشر بتاريخ", "تاريخ النشر", "آخر تحديث",
)

# A subscriber badge in the article's head, above or below the standfirst: it marks the
# article as paid, it is no box that cuts the head off the body (heads.extend_head).
# Le Monde, Jeune Afrique, lefigaro.fr; en: The Times, Telegraph-style badges. (Dev: all
# figures unchanged.)
PAYWALL_BADGES: tuple[str, ...] = (
    "article réservé aux abonnés", "réservé aux abonnés", "article abonné", "abonnés",
    "exclusivité abonnés", "subscribers only", "for subscribers", "subscriber exclusive",
    "subscriber-only", "premium", "nur für abonnenten", "solo para suscriptores",
)

# "il y a 3 heures", "2 hours ago", "vor 5 Minuten", "hace 2 días": comment and feed times.
RELATIVE_TIME_PATTERNS: tuple[str, ...] = (
    r"^il y a (?:\d+|une?|quelques) (?:s|sec|secondes?|min|minutes?|h|heures?|jours?|semaines?|mois|ans?)\b",
    r"^(?:\d+|an?|one) (?:s|sec|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?) ago\b",
    r"^vor (?:\d+|einer?) (?:sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|jahren?)\b",
    r"^hace (?:\d+|una?) (?:segundos?|minutos?|horas?|días?|semanas?|meses?|años?)\b",
    r"^(?:hier|aujourd'hui|avant-hier|yesterday|today|gestern|heute|ayer|hoy)\b(?:,? (?:a|at|um|a las) \d{1,2}[h:.]\d{2}(?: ?[ap]m)?)?$",
)
# What may follow a relative time on its line: "2 days ago at 07:52 am", "il y a 2 h · modifié".
RELATIVE_TIME_TAIL = r"^\W*(?:(?:at|a|à|um|a las) \d{1,2}[h:.]\d{2}(?: ?[ap]\.?m\.?)?)?\W*$"

# The heading of a blog's comment thread: a count, a word for comments and the post's
# title in quotes ("11 responses to “…”", "3 commentaires sur « … »", "5 Gedanken zu
# „…“"; WordPress themes in every language). Folded; see rules.thread_heading. (Dev: 16
# te pages, de and en, and 2 sh pages; te innertext +0.0003, te gettext +0.0003, sh
# innertext +0.0005, sh gettext +0.0006, HTML unchanged; none loses.)
THREAD_COUNT_WORDS: tuple[str, ...] = ("one", "un", "une", "ein", "eine", "uno", "una")
THREAD_NOUNS: tuple[str, ...] = (
    "response", "responses", "reply", "replies", "comment", "comments", "thought",
    "thoughts", "reponse", "reponses", "commentaire", "commentaires", "reaction",
    "reactions", "gedanke", "gedanken", "kommentar", "kommentare", "antwort", "antworten",
    "respuesta", "respuestas", "comentario", "comentarios",
    # WordPress in French: "3 réflexions sur « … »"
    "reflexion", "reflexions",
)
THREAD_LINKS: tuple[str, ...] = ("to", "on", "a", "sur", "zu", "auf", "en", "para", "de")

# A commenter's name line: "Awa says:", "Alex on 17 September 2018 at 6:34 am said:".
COMMENT_AUTHOR_ENDINGS: tuple[str, ...] = (
    "says:", "said:", "wrote:", "writes:", "replied:", "a dit :", "a écrit :", "écrit :",
    "dit :", "a répondu :", "schreibt:", "sagt:", "schrieb:", "dice:", "escribió:", "dijo:",
)

# Words no line of prose ends on (articles, prepositions, conjunctions): a get_text() line
# that ends on one continues on the next line, where a link or <b> cut it.
DANGLING_WORDS: frozenset[str] = frozenset(
    {
        # fr
        "de", "du", "des", "le", "la", "les", "un", "une", "à", "au", "aux", "par", "pour",
        "sur", "dans", "avec", "selon", "et", "ou", "entre", "contre", "chez", "vers", "sous",
        # en
        "the", "a", "an", "of", "to", "in", "on", "by", "for", "with", "from", "at", "and",
        "or", "according",
        # de
        "der", "die", "das", "den", "dem", "ein", "eine", "einen", "von", "mit", "und", "zu",
        "im", "vom", "zum", "zur", "laut",
        # es
        "el", "los", "las", "del", "con", "por", "para", "y", "según",
    }
)

# Photo captions and credits: "(AP Photo/Jane Doe)", "Image caption …", "FILE PHOTO: …",
# "(Photo : AFP)", "Crédit photo : …". Matched on the folded line.
CAPTION_PATTERNS: tuple[str, ...] = (
    r"^(?:image caption|media caption|file photo|photo d'illustration|photo ?:|photos ?:|image ?:|illustration ?:|credit ?:|credits ?:|credit photo|caption ?:)",
    # "In this Dec. 12, 2006, file photo, …": dates and commas before the word photo
    r"^in this (?:[\w.,'-]+ ){0,8}(?:file )?(?:photo|image|picture|photograph)\b",
    r"^(?:this|a|the) (?:\w+ ){0,4}(?:file )?(?:photo|image|picture|photograph) (?:shows|provided|released|taken|made)\b",
    r"\((?:ap|afp|reuters|epa|dpa|getty|ap photo|afp photo|photo|photos|credit|credits|image|crédit|credit photo|©)\b[^)]{0,80}\)\s*$",
    r"(?:credit|photo|image) ?: ?[^.]{0,60}(?:getty|reuters|afp|ap|istock|shutterstock|alamy|epa)\W*$",
    r"[/|] ?(?:ap|afp|reuters|getty images|epa|istock|shutterstock|alamy)(?: file)?\W*$",
    r"\bgetty images?\W*$",
    # a caption's sentence, then its credit after a copyright sign: "…, le 28 septembre
    # 2024. © Awa Diallo pour Sahel Info", "… on Monday. © Jane Doe/Reuters" (dev: sh
    # innertext +0.0002, all else unchanged)
    r"[.!?]\s+©\s?[^.©]{2,60}$",
    # German, Spanish, Italian, Portuguese, Polish photo credits: "Foto: Privat", "Bild:
    # dpa", "Bildquelle: Stadt Ulm", "Fotos: ATON", "Titelbild:"; at the end of a caption
    # too: "… angekommen. (Foto: Privat)". (Dev: 19 credit lines among te's `without`
    # snippets, on 19 sites in 5 languages; with the stock credits below: te innertext
    # +0.0005, te gettext +0.0029, te html +0.0007, sh and te-fr unchanged. A list of
    # sights whose every entry has a "Foto:" credit loses its core on one page.)
    r"^(?:fotos?|bild(?:er)?|bildquelle|bildnachweis|fotonachweis|fotoquelle|titelbild|beitragsbild|fot\.) ?:",
    r"^(?:titelbild|beitragsbild|vorschaubild)\W*$",
    r"\((?:fotos?|bild|bildquelle|foto de|fot\.) ?:[^)]{0,80}\)\s*$",
    # a stock library's credit that ends the line: "Jean Dupont/Shutterstock.com", "Photo
    # by X on Unsplash", "Photo de X sur Unsplash", "iStock.com"; in a short line with no
    # sentence end (a sentence that names one of these firms ends with a full stop)
    r"^[^.!?]{0,100}?\b(?:shutterstock|istock(?:photo)?|fotolia|unsplash|pixabay|pexels|adobe ?stock|dreamstime|depositphotos|123rf)(?:\.com)?[\s)\]]*$",
    # a credit that ends the caption: "… à Gao. Photo : Awa Keita", "… Foto: Privat / CC BY
    # 2.0", "… / (c) Awa Keita"; a Creative Commons licence closes a caption too. (Dev: 38
    # te pages of 30 sites, de, en, es, fr, and 3 sh pages; te innertext +0.0019, te
    # gettext +0.0013, te-fr innertext +0.0276, te-fr gettext +0.0149, te-fr html
    # +0.0153, sh innertext +0.0003, sh gettext +0.0003; none loses. A stock library's
    # credit in brackets or with its ".com" closing a caption: te innertext +0.0006, two
    # pages of two sites, all else unchanged.)
    r"\b(?:fotos?|photos?|bild|image|imagen|foto de|credit|credits|credito) ?: ?(?:[^.:!?]|\.(?:com|org|net|de|fr)\b){1,60}$",
    r"\([^()]{0,60}\b(?:shutterstock|istock(?:photo)?|fotolia|unsplash|pixabay|pexels|adobe ?stock|dreamstime|depositphotos|123rf)(?:\.com)?\)\s*$",
    r"\bcc[ -]by(?:[ -](?:sa|nd|nc)){0,3}(?: \d\.\d)?\W*$",
    r"\b(?:licence|license|lizenz|licencia) creative commons\b",
    r"[/|] ?(?:\(c\)|©) ?[^.:!?]{1,40}$",
    # a numbered figure's caption: "Figure 2 : …", "Abbildung 4: …" (dev: te innertext
    # +0.0006, te gettext +0.0011, te html +0.0007, two pages of two sites, de and en; all
    # else unchanged)
    r"^(?:abbildung|abb\.|figure|fig\.|grafik|graphique|figura|grafico) \d+ ?[:.]",
)

# End notes: who contributed, how to reach or follow the author or the site. Printed under
# the article, they are no sentence of it (sh keeps none in its gold). Regexes on the folded
# line (lower case, no accents), each of a phrase no article sentence uses.
END_NOTE_PATTERNS: dict[Label, tuple[str, ...]] = {
    Label.METADATA: (
        # en: credits
        r"\bcontributed (?:reporting|to this (?:report|story|article))\b",
        r"^\(?(?:additional )?reporting by\b",
        r"^sources? ?: ?(?:news agencies|agencies|wire services)\W*$",
        # the agency or paper the article comes from, alone on its line: "(avec AFP)",
        # "(With Reuters)", "Source : L'Indépendant" (maliweb, ActuNiger, RFI; dev: sh html
        # +0.00002, one page; all else unchanged)
        r"^\(?(?:avec|with|mit|con) (?:l'|les? )?(?:afp|reuters|ap|ats|dpa|efe|apa|aps|xinhua|anadolu|agences?)"
        r"(?:(?:,| et| and| und| y) (?:afp|reuters|ap|ats|dpa|efe|apa|aps|xinhua|anadolu))*\)?\W*$",
        r"^sources? ?: ?[^.:!?]{2,50}$",
        # a reading time with its number after the word: "Lecture 3 min." (Le Monde; dev:
        # all figures unchanged. An embedded tweet's signature "— Name (@handle) date" is no
        # end note: sh keeps it in its gold, sh html -0.0006, te-fr html -0.016)
        r"^(?:lecture|temps de lecture|reading time|lesezeit|lectura) ?:? ?\d{1,3} ?(?:min|mn|minutes?)\.?$",
        # en: contact
        r"\b(?:may|can) be reached at\b",
        r"^reach the (?:reporter|author|writer)s?\b",
        r"^(?:have|got) a (?:news )?tip\b",
        r"^(?:write to|e-?mail) [^.@]{1,60} at [\w.+-]+@",
        # fr: credits and contact
        r"\ba contribue a (?:cet article|cette enquete|ce reportage)\b",
        r"^(?:ecrire|ecrivez) a l'auteure? ?:",
        r"^pour (?:joindre|contacter) (?:l'auteure?|la redaction|le journaliste)\b",
        # the tags line: "Filed under: Sahel |", "Classé dans : Économie" (metadata, not
        # navigation: a navigation line trafilatura kept would stay)
        r"^(?:filed under|posted in|classe dans|classe sous|publie dans) ?:",
        # ... and the category or keyword line of a blog or a press release: "Catégorie :
        # Économie", "Category : Press Releases", "Kategorie: News", "Mots-clés : Sahel"
        # (sh keeps none in its gold; 5 of te's `without` snippets; dev: te html +0.0003,
        # all else unchanged. With "Tags:" too, one blog's headline, between a menu and
        # a tags line, went to the menu: left to the tags heading of MORE_HEADINGS)
        r"^(?:categor(?:y|ies|ie|ias?)|kategorien?|rubriques?|mots[- ]cles"
        r"|schlagw(?:orte|orter)|etiquetas) ?:",
        # de, es
        r"\bhat zu diesem (?:bericht|artikel) beigetragen\b",
        r"\bcontribuyo a este (?:informe|articulo)\b",
    ),
    # calls to subscribe to the site's channel, letter or paper under an article
    Label.NEWSLETTER: (
        r"^subscribe to [^.]{1,60}\b(?:youtube|newsletter|podcast|channel)\b",
        r"^get [^.]{1,40} delivered\b",
        # "Get the essential news from the Sahel in your inbox every morning" (the French
        # "Recevez … dans votre boîte" below; dev unchanged)
        r"^get [^.]{1,60} (?:in|into|to) your inbox\b",
        r"^abonnez-vous a (?:notre|la) (?:chaine|newsletter|lettre)\b",
        r"^recevez [^.]{1,40} (?:dans votre boite|par e-?mail)\b",
    ),
    # the site's own promotion: "Listen to Newsbeat live at 12:45", "Écoutez … en direct"
    Label.AD: (
        r"^listen to [^.]{1,40} live\b",
        r"^(?:ecoutez|regardez) [^.]{1,40} en direct\b",
        # its app: "CLICK HERE TO GET THE FOX NEWS APP", "Get the iOS app", "For the latest
        # news download the X apps for iOS and Android", "Téléchargez notre application",
        # "Laden Sie unsere App … herunter" (6 dev sites; dev: te html +0.0003, sh innertext
        # +0.0001, sh gettext +0.0001, all else unchanged)
        r"^(?:click here to |for [^.]{1,60} )?(?:download|get|install) (?:the|our) "
        r"[^.]{0,40}\bapps?\b",
        r"^(?:telechargez|installez) (?:notre|l') ?(?:application|appli)\b",
        r"^(?:laden sie (?:sich )?|holen sie sich |hol dir )(?:unsere|die) [^.]{0,30}\bapp\b",
    ),
    # the site's offer under an article: "Subscribe to X and stay smart", "Get access to X
    # for as little as…", "Abonnez-vous à X et…", "Accédez à X pour seulement 1 €"
    Label.PAYWALL: (
        r"^subscribe (?:to|now to) [^.,]{1,40} and (?:get|stay|save|enjoy|read|support)\b",
        r"^get (?:full |unlimited )?access to [^.]{1,80} for (?:as little as|only|just)\b",
        r"^abonnez-vous (?:a|au|aux) [^.,]{1,40} et (?:profitez|accedez|soutenez|lisez|recevez)\b",
        r"^accedez (?:a|au|aux|en illimite) [^.]{1,80} (?:pour seulement|pour \d|a partir de|des) ?\d",
    ),
    # a pointer to the site's coverage: "Follow X's full coverage of Brexit at https://…"
    Label.RELATED: (
        r"^follow [^.]{1,40}\b(?:full |complete |latest )?coverage of\b",
        r"^(?:suivez|retrouvez) (?:toute |l'ensemble de )?(?:notre|la) couverture (?:de|du|des)\b",
    ),
    Label.SHARE: (
        # an audio or video player's clock, beside its buttons: "00:00 / 03:12" (RFI; dev:
        # all figures unchanged)
        r"^\d{1,2}:\d{2}(?::\d{2})? ?/ ?\d{1,2}:\d{2}(?::\d{2})?$",
        # "Like this story? Share it with a friend!", "Cet article vous a plu ?"
        r"^(?:like|liked|enjoyed) (?:this|the) (?:story|article)\b",
        r"^if you (?:enjoyed|liked) (?:this|the) (?:article|story)\b",
        r"^(?:vous avez aime cet article|cet article vous a plu)\b",
        # "Follow Newsbeat on Instagram, Facebook and X", "Follow him on Twitter @…"; the
        # channels of news sites on Telegram and WhatsApp too ("Síguenos en Telegram…",
        # "Suivez-nous sur WhatsApp"; dev, measured with html.mark_kept's match of blocks
        # printed in short lines, which brings that es page's follow line in: te html
        # +0.0003; all else unchanged)
        r"^follow [^.]{1,60}\bon (?:twitter|x|facebook|instagram|youtube|linkedin|tiktok|telegram|whatsapp)\b",
        r"\bfollow (?:him|her|them|us|me) (?:on|@)",
        r"^(?:suivez|retrouvez)[- ](?:nous|[^.]{1,60}) sur (?:twitter|x|facebook|instagram|youtube|linkedin|tiktok|telegram|whatsapp)\b",
        r"^folgen sie (?:uns|[^.]{1,60}) auf (?:twitter|x|facebook|instagram|youtube|telegram|whatsapp)\b",
        r"^(?:siguenos|sigue a [^.]{1,60}) en (?:twitter|x|facebook|instagram|youtube|telegram|whatsapp)\b",
    ),
}

# What an author's bio says the author is: "X is an award-winning writer based in…",
# "X est journaliste…" (see bios.bio_pattern; the bio stands among the last paragraphs).
# Matched in any case. Writers by another trade too: "X is the Founder & Principal
# Consultant at…", "X ist ERP-Experte…", "X ist Head of Social bei…" (dev: te innertext
# +0.0006, te gettext +0.0009, te html +0.0006; 3 pages of 3 sites gain, en and de, none
# loses; sh unchanged).
BIO_NOUNS: tuple[str, ...] = (
    "writer", "reporter", "journalist", "editor", "correspondent", "columnist",
    "contributor", "author", "producer", "journaliste", "rédacteur", "rédactrice",
    "correspondant", "correspondante", "chroniqueur", "chroniqueuse",
    "Journalist", "Journalistin", "Redakteur", "Redakteurin", "Autor", "Autorin",
    # the founder, consultant, expert or blogger who signs a guest post, the curator of a
    # deals column ("X is the Founder & Principal Consultant at…", "X est fondatrice
    # de…"), matched in any case. (Dev, measured on two branches: one en page each of sh
    # and te, te html +0.0003, te innertext +0.0003, te gettext +0.0003; and 3 pages of 3
    # sites, en and de, te innertext +0.0006, te gettext +0.0009, te html +0.0006. Verbs
    # in place of the noun, "X writes for", "X leitet das Ressort": no dev page changed.)
    "founder", "co-founder", "consultant", "curator", "expert", "blogger", "head of",
    "fondateur", "fondatrice", "cofondateur", "cofondatrice", "consultante", "experte",
    "blogueur", "blogueuse", "Gründer", "Gründerin", "Gründungspartner", "Berater",
    "Beraterin", "Experte", "Expertin", "Bloggerin",
)

# A press release's closing note on the company ("Acme is a leading provider of…",
# "Acme est un leader mondial de…"): a descriptive word, then what the company is.
COMPANY_WORDS: tuple[str, ...] = (
    "leading", "global", "worldwide", "international", "premier", "pioneering",
    "fast-growing", "world's leading", "principal", "spécialiste",
    "führender", "führende", "weltweit führender",
)
# … or a phrase that says it alone ("Acme est un leader mondial de la logistique").
COMPANY_PHRASES: tuple[str, ...] = (
    "leader mondial", "leader européen", "leader africain", "leader français",
    "acteur majeur", "acteur de référence", "world leader", "global leader",
    "market leader", "Weltmarktführer", "Marktführer",
)
COMPANY_NOUNS: tuple[str, ...] = (
    "provider", "company", "manufacturer", "maker", "developer", "supplier", "firm",
    "group", "platform", "leader", "specialist", "publisher", "operator", "fournisseur",
    "entreprise", "société", "groupe", "fabricant", "éditeur", "opérateur", "plateforme",
    "spécialiste", "Anbieter", "Hersteller", "Unternehmen",
)

# Words of class, id, aria-label and data-* attributes that mark a widget container in
# HTML. Attributes are split on - _ : / . and spaces; a word matches whole, or as a prefix
# when the entry ends with "*" ("comment*" matches "comments", "commentlist").
CONTAINER_TOKENS: dict[Label, tuple[str, ...]] = {
    Label.RELATED: (
        "related*", "outbrain*", "taboola*", "recommend*", "mostread", "most-read", "mostpopular",
        "most-popular", "popular-posts", "trending", "aregarder", "a-regarder",  # franceinfo
        "lireaussi", "lire-aussi", "alireaussi", "voiraussi", "meme-sujet", "memesujet",  # Le Monde, RFI
        "readmore", "read-more", "readnext", "read-next", "more-stories", "morestories",
        "teaser-list", "also-read", "see-also", "plista", "ligatus", "zergnet", "mgid", "revcontent",
    ),
    Label.COMMENTS: (
        "comment*", "commentaire*", "disqus*", "reactions", "respond", "replies", "fb-comments",
        "coral*", "viafoura*", "talk-embed",
    ),
    Label.SHARE: (
        "share", "sharing", "sharebar", "share-bar", "social-share", "socialshare", "share-buttons",
        "partage", "partager", "addthis*", "sharethis*", "shariff*", "social-links", "socials",
    ),
    Label.NAVIGATION: ("breadcrumb*", "fil-ariane", "pagination", "navbar", "menu", "skip-link"),
    Label.NEWSLETTER: ("newsletter*", "subscribe-box", "signup", "sign-up", "optin", "mailchimp*", "inscription-newsletter"),
    Label.COOKIE: ("cookie*", "consent*", "gdpr*", "cmp", "didomi*", "onetrust*", "tarteaucitron*", "axeptio*"),
    Label.AD: ("advert*", "ads", "ad-slot", "adslot", "adunit", "dfp", "gpt-ad", "publicite", "sponsor*", "banner-ad"),
    Label.PAYWALL: ("paywall*", "premium-banner", "subscriber-only", "reserve-abonnes", "regwall"),
    Label.FOOTER: ("footer", "site-footer", "pied-de-page", "colophon"),
}
# ARIA roles that mark page furniture.
CONTAINER_ROLES: dict[str, Label] = {
    "navigation": Label.NAVIGATION, "contentinfo": Label.FOOTER, "complementary": Label.RELATED,
    "banner": Label.NAVIGATION, "search": Label.NAVIGATION, "dialog": Label.COOKIE,
    "alertdialog": Label.COOKIE,
}
# HTML elements that are furniture by themselves.
CONTAINER_TAGS: dict[str, Label] = {"nav": Label.NAVIGATION, "footer": Label.FOOTER, "aside": Label.RELATED}

# More widget headings, second round on HTML quality (seen on German, Spanish,
# Portuguese and Polish news sites and blogs of a multilingual news set). Kept apart from
# HEADINGS so that both grow without touching each other's lines; lexicon.vocabulary reads
# both. Only headings printed over rails, tag lists, comment forms and share bars on many
# sites: no line an article would use as an intertitle ("Themen", "Weitere Informationen").
MORE_HEADINGS: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.RELATED: {
        "de": (
            "empfohlene beiträge", "empfohlene artikel", "weitere beiträge",
            "ähnliche beiträge", "verwandte beiträge", "beliebte beiträge",
            "neueste beiträge", "letzte beiträge", "aktuelle beiträge",
            "meistgelesene beiträge", "meist gelesen", "meistkommentiert",
            "meist diskutiert", "meistdiskutiert", "das könnte dich auch interessieren",
            "das könnte sie auch interessieren", "das könnte ihnen auch gefallen",
            "auch lesen", "lies auch", "weitere themen", "weitere nachrichten",
            "weiterführende links",
        ),
        # "More:" over a list of linked headlines (Al Jazeera-style); alone on its line
        "en": ("more",),
        "es": (
            "lo último", "lo más visto", "contenido relacionado", "le puede interesar",
            "también le puede interesar", "te podría interesar", "también te podría interesar",
            "entradas relacionadas", "publicaciones relacionadas", "últimas noticias",
        ),
        "pt": (
            "leia também", "notícias relacionadas", "veja também", "mais lidas",
            "artigos relacionados", "você pode gostar", "você também pode gostar",
            "você pode gostar também", "talvez você goste", "posts relacionados",
            "últimas notícias", "mais notícias", "recomendados para você",
        ),
        "it": (
            "articoli correlati", "notizie correlate", "potrebbe interessarti",
            "ti potrebbe interessare", "potrebbero interessarti", "i più letti",
            "più letti", "ultime notizie", "altre notizie", "post correlati",
        ),
        "pl": (
            "zobacz także", "zobacz też", "czytaj także", "przeczytaj także",
            "najczęściej czytane", "polecane", "podobne artykuły",
        ),
    },
    Label.NAVIGATION: {
        # tag lists under the article
        "en": ("tags",),

        "de": (
            "schlagworte", "schlagwörter", "beitragsnavigation", "nächster artikel",
            "vorheriger artikel", "nächster beitrag", "vorheriger beitrag",
        ),
        "es": ("etiquetas",),
    },
    Label.COMMENTS: {
        "de": (
            "kommentar hinzufügen", "keine kommentare", "schreibe einen kommentar",
            "hinterlasse einen kommentar", "kommentieren",
        ),
        "pt": ("comentários", "deixe um comentário"),
        "pl": ("komentarze", "dodaj komentarz"),
    },
    Label.SHARE: {
        "de": ("beitrag teilen", "diesen beitrag teilen"),
        "pt": ("compartilhe", "compartilhar"),
        "pl": ("udostępnij",),
    },
}

# More widget phrases and teaser lead-ins, second round on HTML quality (same sites as
# MORE_HEADINGS; lexicon.vocabulary reads them with PHRASES and TEASER_PREFIXES).
MORE_PHRASES: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.COMMENTS: {
        "de": (
            "um kommentare zu schreiben", "um einen kommentar zu schreiben",
            "nicht eingeloggt", "kommentare erscheinen erst nach",
        ),
    },
    Label.NEWSLETTER: {
        "de": ("in deinen posteingang", "in ihren posteingang"),
    },
}
# Donation and support appeals (third round on HTML quality): a short line asking readers
# to pay for the site's work is furniture like a paywall box, never a sentence of the
# article. Only phrases that name the reader's support of the site ("support our
# journalism"), not "donation" alone: a charity's news may report on donations.
SUPPORT_PHRASES: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.PAYWALL: {
        "en": (
            "support our journalism", "support independent journalism",
            "we rely on your support", "rely on readers like you", "make a donation today",
            "donate now", "support us today", "supporting our work",
            # fifth round: membership pitches and "support" buttons (Snopes, El Faro, La
            # Prensa Gráfica, netzpolitik, MIXED; dev: te html +0.0003, te innertext
            # +0.0003, te gettext +0.0004, sh html +0.00007, all else unchanged)
            "click here to support", "support independent reporting",
        ),
        "de": (
            "unterstützen sie unsere arbeit", "unterstützen sie unseren journalismus",
            "unterstützen sie uns", "jede kleine spende", "jetzt spenden", "spenden sie jetzt",
            "unterstütze uns", "unterstütze unsere arbeit",
            "unterstütze unabhängige", "unterstütze auch du",
        ),
        "fr": (
            "faites un don", "soutenez notre journalisme", "soutenez-nous", "soutenez la rédaction",
            "soutenez notre travail", "devenez membre", "soutenez l'information indépendante",
        ),
        "es": (
            "hazte miembro", "apóyanos", "únete a nuestra comunidad de lectores",
            "apoya el periodismo",
        ),
    },
}
# Disclosures, embed blockers and notices printed around articles (third round on HTML
# quality): advertising notices, the consent plugins' "load the content"
# boxes over an embed, comment rules, reprint notices. Phrases no article sentence uses.
NOTICE_PHRASES: dict[Label, dict[str, tuple[str, ...]]] = {
    # advertising notices only: affiliate disclosures ("may earn a commission") are left
    # to the article, as the sh corpus keeps them in its gold
    Label.AD: {
        "en": ("advertisers do not influence", "this post contains advertising"),
        "de": ("dieser beitrag enthält werbung", "dieser artikel enthält werbung"),
        "fr": ("cet article contient de la publicité",),
    },
    Label.COOKIE: {
        "en": (
            "click the button below to load the content",
            "click on the button below to load the content",
        ),
        "de": ("klicken sie auf den unteren button", "klicken sie auf den button unten"),
        "fr": ("cliquez sur le bouton ci-dessous pour charger le contenu",),
    },
    # a teaser rail's lead-in as a sentence ("Das Thema könnte dich auch interessieren:")
    Label.RELATED: {
        "en": ("you might also be interested in", "you may also be interested in"),
        "de": (
            "könnte dich auch interessieren", "könnte sie auch interessieren",
            "lesen sie auch die folgenden",
        ),
        "fr": ("ces articles pourraient vous intéresser", "pourrait aussi vous intéresser"),
    },
    # the paywall's offer under a cut article
    Label.PAYWALL: {
        "en": ("to view the full story", "to read the full story, subscribe"),
        "de": ("um den ganzen artikel zu lesen",),
        "fr": ("accéder en illimité", "accédez en illimité"),
    },
    Label.COMMENTS: {
        "en": (
            "submit your letter to the editor",
            # the comment form's moderation note ("Note: we are temporarily moderating all
            # comments…", "Ihr Kommentar wird von einem Moderator überprüft…"; 5 dev sites
            # print one; dev: sh html +0.00002, all else unchanged. Portuguese "… aprovados
            # pelo moderador": sh html +0.0003 but sh innertext -0.0010, one site whose
            # calendar page then lost its core; left out)
            "comments are moderated", "moderating all comments", "comments will be moderated",
            "comments are subject to moderation",
        ),
        "de": (
            "unsere netiquette", "kommentare insgesamt", "kommentare werden moderiert",
            "von einem moderator überprüft",
        ),
        "fr": (
            "notre charte de modération", "les commentaires sont modérés",
            "commentaires sont soumis à modération", "publié après modération",
            "publiés après modération", "validé par un modérateur", "validés par un modérateur",
        ),
        "es": ("comentarios son moderados", "comentarios están moderados"),
    },
    Label.FOOTER: {
        "en": ("copyrighted property of", "written permission must be obtained"),
        "de": ("nachdruck nur mit genehmigung",),
        "fr": ("reproduction interdite sans autorisation",),
    },
}
MORE_TEASER_PREFIXES: tuple[str, ...] = (
    "auch lesen", "lies auch", "lesen sie hier", "le puede interesar",
    "también te puede interesar", "leia também", "veja também", "zobacz także",
    "czytaj także", "czytaj też",
    # fourth round (issue 5): "SEE MORE: …", "Related post: …", "Also: …", "(Leggi anche: …)"
    "see more", "related post", "related posts", "related article", "also",
    "à découvrir aussi", "découvrir aussi", "voir plus", "leggi anche", "leggi anche su",
)


# Every table of a kind, in the order the classifier reads them: the first table that
# lists a phrase gives its label. lexicon.vocabulary and `sahelclean rules list` read these.
# Headings of an author's bio box under the article: the name and a few lines about the
# writer follow. Only full headings ("À propos de l'auteur"), never a byline prefix.
AUTHOR_HEADINGS: dict[Label, dict[str, tuple[str, ...]]] = {
    Label.METADATA: {
        "fr": (
            "à propos de l'auteur", "à propos de l'autrice", "l'auteur", "l'autrice",
            "sur l'auteur", "qui est l'auteur", "auteur", "autrice",
        ),
        "en": (
            "about the author", "about the writer", "the author", "author", "author bio",
            "about the contributor",
        ),
        "de": (
            "über den autor", "über die autorin", "zum autor", "zur autorin", "autor",
            "autorin", "autoreninfo", "autorinfo",
        ),
        "es": ("sobre el autor", "acerca del autor", "autor"),
        "pt": ("sobre o autor", "sobre a autora", "autor"),
        "pl": ("o autorze", "autor"),
    },
}

HEADING_TABLES = (HEADINGS, MORE_HEADINGS, AUTHOR_HEADINGS)
PHRASE_TABLES = (PHRASES, MORE_PHRASES, SUPPORT_PHRASES, NOTICE_PHRASES)
ALL_TEASER_PREFIXES = (*TEASER_PREFIXES, *MORE_TEASER_PREFIXES)
