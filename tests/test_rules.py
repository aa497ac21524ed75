"""rules.py and its rules (metalines.py, widgetlines.py): every context-free rule,
widget_heading and is_list_entry, in French and English.

Each rule gets at least one French and one English line it must flag, and real prose that
mentions its words and must not be flagged. A meta-test checks that every rule of
`rules.RULES` has such cases, so a new rule cannot slip in untested.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from sahelclean.classify import metalines, rules, widgetlines
from sahelclean.models import Block, Label, Verdict
from sahelclean.text.features import Features, features
from sahelclean.text.language import stopwords_for


def feats(text: str) -> Features:
    return features(Block(0, text, 1, 1), stopwords_for("fr"))


class Case(NamedTuple):
    rule: str
    lang: str  # "fr", "en", or "any" for language-free lines
    text: str
    label: Label | None  # None: the rule must stay silent
    why: str = ""  # a substring the reason must hold


def _pos(rule: str, lang: str, text: str, label: Label, why: str) -> Case:
    return Case(rule, lang, text, label, why)


def _neg(rule: str, lang: str, text: str) -> Case:
    return Case(rule, lang, text, None)


# Long real sentences, used as negatives by several rules.
FR_COOKIE_FOOD = (
    "Les cookies au beurre de karité, que les pâtissières de Bamako vendent au marché de "
    "Médina Coura, ont conquis les écoliers du quartier, qui en achètent chaque matin avant "
    "les cours, à cinquante francs pièce."
)
EN_COOKIE_FOOD = (
    "The bakery next to the mosque in Niamey now sells cookies made with millet flour and shea "
    "butter, and its owner says they are more popular with the schoolchildren than any imported "
    "biscuit she has ever stocked."
)

CASES: list[Case] = [
    # --- separator ---
    _pos("separator", "fr", "»", Label.BOILERPLATE, "separator"),
    _pos("separator", "en", "|", Label.BOILERPLATE, "separator"),
    _pos("separator", "any", "•", Label.BOILERPLATE, "separator"),
    _pos("separator", "any", "***", Label.BOILERPLATE, "separator"),
    _neg("separator", "fr", "- Le maire de Gao a démissionné, selon ses proches."),
    _neg("separator", "en", "— We will stay here, the fisherman said."),
    # --- inline_teaser ---
    _pos(
        "inline_teaser",
        "fr",
        "À lire aussi : Au Niger, la saison des pluies s'annonce précoce",
        Label.RELATED,
        "À lire aussi :",
    ),
    _pos(
        "inline_teaser",
        "fr",
        ">> LIRE AUSSI >> Le Burkina rouvre ses écoles du nord",
        Label.RELATED,
        "LIRE AUSSI",
    ),
    _pos(
        "inline_teaser",
        "en",
        "Read more: Floods displace thousands in northern Nigeria",
        Label.RELATED,
        "Read more:",
    ),
    _pos(
        "inline_teaser",
        "en",
        "RELATED: Mali junta extends transition by two years",
        Label.RELATED,
        "RELATED:",
    ),
    _neg(
        "inline_teaser",
        "fr",
        "Il faut lire aussi le rapport de l'ONU publié hier, qui décrit une situation alarmante "
        "dans les camps de déplacés du centre du pays.",
    ),
    _neg(
        "inline_teaser",
        "en",
        "Read more about the floods in our special report on the Sahel rains.",
    ),
    _neg("inline_teaser", "fr", "Lire aussi : trois mots"),  # no headline after the lead-in
    # --- post_link ---
    _pos(
        "post_link",
        "fr",
        "Article suivant Kayes : la foire aux bétails rouvre ses portes",
        Label.NAVIGATION,
        "Article suivant",
    ),
    _pos(
        "post_link",
        "fr",
        "← Les maraîchers de Ségou face à la montée du fleuve",
        Label.NAVIGATION,
        "previous or next post",
    ),
    _pos(
        "post_link",
        "en",
        "Next: How to keep a mango orchard alive through the dry season",
        Label.NAVIGATION,
        "Next:",
    ),
    _pos(
        "post_link",
        "en",
        "Why we moved our newsroom to Niamey →",
        Label.NAVIGATION,
        "previous or next post",
    ),
    _pos(
        "post_link",
        "any",
        "Vorheriger Beitrag Der Markt von Mopti im Wandel",
        Label.NAVIGATION,
        "Vorheriger Beitrag",
    ),
    _neg("post_link", "en", "Next: the minister will address the assembly at noon."),
    _neg(
        "post_link",
        "fr",
        "Article suivant le décret, les préfets pourront fermer les marchés sans préavis.",
    ),
    _neg("post_link", "fr", "Le prix du mil → en hausse de 20 % à Niamey, selon les commerçants."),
    _neg("post_link", "en", "Next: two words"),  # no headline after the lead-in
    # --- label_line ---
    _pos("label_line", "fr", "Partager sur Facebook", Label.SHARE, "Partager sur Facebook"),
    _pos("label_line", "fr", "Répondre", Label.COMMENTS, "Répondre"),
    _pos("label_line", "fr", "Publicité", Label.AD, "Publicité"),
    _pos("label_line", "en", "Copy link", Label.SHARE, "Copy link"),
    _pos("label_line", "en", "Reply", Label.COMMENTS, "Reply"),
    _pos("label_line", "en", "Advertisement", Label.AD, "Advertisement"),
    _pos("label_line", "fr", "Retour à la galerie", Label.NAVIGATION, "Retour à la galerie"),
    _pos("label_line", "fr", "Imprimer l'article", Label.SHARE, "Imprimer l'article"),
    _pos("label_line", "en", "Print this article", Label.SHARE, "Print this article"),
    _pos("label_line", "any", "Drucken", Label.SHARE, "Drucken"),
    # the link to the sign-up page
    _pos("label_line", "en", "Sign up here.", Label.NEWSLETTER, "Sign up here."),
    _pos("label_line", "fr", "Inscrivez-vous ici.", Label.NEWSLETTER, "Inscrivez-vous ici."),
    _neg("label_line", "en", "Residents can sign up here for food aid until Friday."),
    # a tool bar's gift and save buttons
    _pos("label_line", "fr", "Offrir l'article", Label.SHARE, "Offrir l'article"),
    _pos("label_line", "fr", "Lire plus tard", Label.SHARE, "Lire plus tard"),
    _pos("label_line", "en", "Gift this article", Label.SHARE, "Gift this article"),
    _pos("label_line", "en", "Save for later", Label.SHARE, "Save for later"),
    _neg("label_line", "fr", "Lire plus tard le rapport ne changera rien à la décision."),
    # an audio player's buttons (a radio site's tool bar)
    _pos("label_line", "fr", "Télécharger", Label.SHARE, "Télécharger"),
    _pos("label_line", "fr", "Écouter", Label.SHARE, "Écouter"),
    _pos("label_line", "en", "Listen", Label.SHARE, "Listen"),
    _pos("label_line", "en", "Download audio", Label.SHARE, "Download audio"),
    _neg("label_line", "fr", "Écouter les habitants de Gao avant de décider."),
    # a SPIP forum's reply link
    _pos("label_line", "fr", "Répondre à ce message", Label.COMMENTS, "Répondre à ce message"),
    _pos("label_line", "en", "Reply to this comment", Label.COMMENTS, "Reply to this comment"),
    _neg("label_line", "en", "Download the full report of the mission to Gao."),
    _pos("label_line", "en", "Back to Gallery", Label.NAVIGATION, "Back to Gallery"),
    _pos("label_line", "any", "Zurück zur Übersicht", Label.NAVIGATION, "Zurück zur Übersicht"),
    _neg("label_line", "en", "Back to the gallery she had opened in Bamako went the paintings."),
    _neg(
        "label_line", "fr", "Facebook a supprimé des centaines de faux comptes liés à la campagne."
    ),
    _neg(
        "label_line",
        "fr",
        "Répondre à cette question prendra du temps, estime le chercheur malien.",
    ),
    _neg("label_line", "en", "Reply letters from readers poured in after the story ran on Monday."),
    # --- widget_phrase ---
    _pos(
        "widget_phrase",
        "fr",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        Label.COOKIE,
        "nous utilisons des cookies",
    ),
    _pos("widget_phrase", "fr", "Déjà abonné ? Connectez-vous", Label.PAYWALL, "deja abonne"),
    # a notice of a few sentences, the phrase in the first (widgetlines.PHRASE_OPENING_MAX_WORDS)
    _pos(
        "widget_phrase",
        "en",
        "We welcome comments from our readers on the stories of the day, and all comments are "
        "moderated before they appear. Please keep to the topic, write in lower case, and do "
        "not post links to other sites or your email address, or your comment will not be "
        "published.",
        Label.COMMENTS,
        "comments are moderated",
    ),
    _pos(
        "widget_phrase",
        "fr",
        "Nous accueillons avec plaisir les réactions de nos lecteurs, mais les commentaires sont "
        "modérés avant leur publication. Merci de rester courtois, de ne pas écrire en "
        "majuscules et de ne pas publier de liens vers d'autres sites, faute de quoi votre "
        "message ne sera pas publié.",
        Label.COMMENTS,
        "les commentaires sont moderes",
    ),
    # ... a long paragraph that mentions it in a later sentence is prose
    _neg(
        "widget_phrase",
        "en",
        "The council met on Monday to discuss the new water points in the valley, and the mayor "
        "promised more wells before the dry season. On the town forum, where comments are "
        "moderated by volunteers, residents asked why the last three wells had dried up within "
        "a year.",
    ),
    _neg(
        "widget_phrase",
        "fr",
        "Le conseil municipal s'est réuni lundi pour discuter des nouveaux points d'eau de la "
        "vallée, et le maire a promis d'autres puits avant la saison sèche. Sur le forum de la "
        "ville, où les commentaires sont modérés par des bénévoles, les habitants se demandent "
        "pourquoi les puits tarissent.",
    ),
    _pos(
        "button_phrase",
        "fr",
        "Inscrivez-vous à notre lettre quotidienne",
        Label.NEWSLETTER,
        "inscrivez-vous",
    ),
    _pos("button_phrase", "fr", "Tout accepter", Label.COOKIE, "tout accepter"),
    _pos(
        "button_phrase",
        "fr",
        "Connectez-vous ou créez votre espace pour commenter.",
        Label.COMMENTS,
        "connectez-vous",
    ),
    _pos("button_phrase", "en", "Accept all", Label.COOKIE, "accept all"),
    _neg("button_phrase", "en", "The minister declined to comment on the report."),
    _neg("button_phrase", "en", "The junta refused to accept all the conditions set by ECOWAS."),
    _neg(
        "button_phrase", "fr", "Le ministre a promis un soutien sans engagement financier précis."
    ),
    # a sign-up pitch that names the site's letter, or promises the reader misses nothing
    _pos(
        "widget_phrase",
        "fr",
        "Recevez chaque vendredi notre newsletter sur l'actualité du Sahel",
        Label.NEWSLETTER,
        "notre newsletter",
    ),
    _pos(
        "widget_phrase",
        "en",
        "Want more from the Delta Courier? Sign up for our newsletters.",
        Label.NEWSLETTER,
        "our newsletters",
    ),
    _pos(
        "widget_phrase",
        "en",
        "Sign up to get the week's best reporting from the Sahel, picked by our editors.",
        Label.NEWSLETTER,
        "sign up to get",
    ),
    _pos(
        "widget_phrase",
        "any",
        "Verpasse keine Nachricht aus Westafrika",
        Label.NEWSLETTER,
        "verpasse keine",
    ),
    _pos("button_phrase", "en", "Never miss a story from Gao", Label.NEWSLETTER, "never miss a"),
    _pos(
        "button_phrase",
        "fr",
        "Ne manquez plus aucun reportage de nos correspondants",
        Label.NEWSLETTER,
        "ne manquez plus",
    ),
    _neg("button_phrase", "en", "The elders say he would never miss a market day in Mopti."),
    _neg(
        "button_phrase",
        "fr",
        "Les éleveurs assurent qu'ils ne manquent plus de fourrage depuis l'arrivée des pluies.",
    ),
    _pos("widget_phrase", "fr", "Tous droits réservés", Label.FOOTER, "tous droits reserves"),
    _pos(
        "widget_phrase",
        "fr",
        "La suite après cette publicité",
        Label.AD,
        "la suite apres cette publicite",
    ),
    _pos("widget_phrase", "fr", "Signaler un abus", Label.COMMENTS, "signaler un abus"),
    _pos(
        "widget_phrase",
        "en",
        "We use cookies to improve your experience on our site.",
        Label.COOKIE,
        "we use cookies",
    ),
    _pos(
        "widget_phrase", "en", "Already a subscriber? Log in", Label.PAYWALL, "already a subscriber"
    ),
    _pos("button_phrase", "en", "Enter your email address", Label.NEWSLETTER, "enter your email"),
    _pos("widget_phrase", "en", "All rights reserved", Label.FOOTER, "all rights reserved"),
    # a WordPress likes box's placeholder; an ad's "scroll to continue"
    _pos("widget_phrase", "fr", "J’aime chargement…", Label.SHARE, "j'aime chargement"),
    _pos("widget_phrase", "en", "Like Loading...", Label.SHARE, "like loading"),
    _pos("widget_phrase", "en", "Advertisement · Scroll to continue", Label.AD, "scroll to"),
    _pos("widget_phrase", "fr", "Publicité · Faites défiler pour continuer", Label.AD, "defiler"),
    _pos(
        "widget_phrase",
        "en",
        "Story continues below advertisement",
        Label.AD,
        "story continues below advertisement",
    ),
    _pos(
        "button_phrase", "en", "Be the first to comment", Label.COMMENTS, "be the first to comment"
    ),
    _neg(
        "widget_phrase",
        "fr",
        "Le chanteur malien, qui affirme que les enregistrements de ses premiers concerts à Bamako "
        "sont « tous droits réservés », a saisi la justice contre trois radios privées accusées de "
        "diffuser ses chansons sans payer le moindre franc.",
    ),
    _neg(
        "widget_phrase",
        "en",
        "Farmers who want to sign up for the new irrigation scheme must travel to the prefecture "
        "in Mopti, bring a copy of their land title and wait, sometimes for several days, before "
        "an official agrees to register their names.",
    ),
    # a sign-up box's pitch, and the blog subscription widget's line
    _pos(
        "widget_phrase",
        "fr",
        "Notre newsletter gratuite vous informe chaque semaine de l'actualité du Sahel.",
        Label.NEWSLETTER,
        "notre newsletter gratuite",
    ),
    _pos(
        "widget_phrase",
        "fr",
        "Entrez votre adresse pour être notifié de chaque nouvel article par e-mail.",
        Label.NEWSLETTER,
        "chaque nouvel article par e-mail",
    ),
    _pos(
        "widget_phrase",
        "en",
        "The week's best reporting from Niamey, straight to your inbox!",
        Label.NEWSLETTER,
        "straight to your inbox",
    ),
    _pos(
        "widget_phrase",
        "en",
        "Enter your address to receive notifications of new posts by email.",
        Label.NEWSLETTER,
        "notifications of new posts by email",
    ),
    _pos(
        "widget_phrase",
        "any",
        "Die wichtigsten Nachrichten aus dem Sahel direkt in dein Postfach!",
        Label.NEWSLETTER,
        "direkt in dein postfach",
    ),
    _neg(
        "widget_phrase",
        "fr",
        "La commune a déposé les nouvelles cartes d'électeur directement dans votre boîte aux "
        "lettres, a précisé le maire de Gao.",
    ),
    _neg(
        "widget_phrase",
        "en",
        "Scammers posing as the ministry sent fake vaccination notices to your inbox last week, "
        "the police in Bamako warned.",
    ),
    _neg("widget_phrase", "fr", FR_COOKIE_FOOD),
    _neg("widget_phrase", "en", EN_COOKIE_FOOD),
    # --- cookie_notice ---
    _pos(
        "cookie_notice",
        "fr",
        "Les cookies nous aident à mesurer l'audience ; en refusant les cookies, certaines "
        "fonctions seront désactivées.",
        Label.COOKIE,
        "cookies 2 times",
    ),
    _pos(
        "cookie_notice",
        "en",
        "Cookies help us measure our audience; if you refuse cookies, some features will not work.",
        Label.COOKIE,
        "cookies 2 times",
    ),
    _neg("cookie_notice", "fr", FR_COOKIE_FOOD),
    _neg("cookie_notice", "en", EN_COOKIE_FOOD),
    # --- copyright_line ---
    _pos(
        "copyright_line",
        "fr",
        "© 2024 Sahel Info. Tous droits réservés.",
        Label.FOOTER,
        "copyright",
    ),
    _pos("copyright_line", "en", "Copyright 2023 The Niger Courier", Label.FOOTER, "copyright"),
    _neg("copyright_line", "fr", "© AFP"),
    _neg(
        "copyright_line",
        "en",
        "The copyright dispute over the Timbuktu manuscripts went to court in 2019.",
    ),
    # --- thread_heading ---
    _pos(
        "thread_heading",
        "fr",
        "3 commentaires sur « Les maraîchères de Ségou misent sur le solaire »",
        Label.COMMENTS,
        "comment thread",
    ),
    _pos(
        "thread_heading",
        "en",
        "11 responses to “Solar pumps change life for Ségou gardeners”",
        Label.COMMENTS,
        "comment thread",
    ),
    _pos(
        "thread_heading",
        "en",
        'One thought on "Why we moved our newsroom to Niamey"',
        Label.COMMENTS,
        "comment thread",
    ),
    _pos(
        "thread_heading",
        "any",
        "5 Gedanken zu „Der Markt von Mopti im Wandel“",
        Label.COMMENTS,
        "comment thread",
    ),
    _neg("thread_heading", "fr", "Trois réponses à la crise alimentaire se dessinent au Niger."),
    _neg(
        "thread_heading",
        "en",
        "2 replies to the ministry's letter were published on Monday, officials said.",
    ),
    # --- comment_author ---
    _pos("comment_author", "fr", "Moussa_Gao a écrit :", Label.COMMENTS, "author"),
    _pos(
        "comment_author",
        "en",
        "Alex on 17 September 2018 at 6:34 am said:",
        Label.COMMENTS,
        "author",
    ),
    _neg(
        "comment_author",
        "fr",
        "Le porte-parole du gouvernement malien a dit :"
        " « Nous ne céderons pas », lors d'un point de presse tenu jeudi à Bamako.",
    ),
    _neg(
        "comment_author",
        "en",
        "The mayor of Timbuktu told reporters on Tuesday what the council said.",
    ),
    # --- newsletter_notice ---
    _pos(
        "newsletter_notice",
        "fr",
        "En vous inscrivant à la newsletter, vous acceptez que votre adresse soit utilisée pour "
        "vous envoyer nos informations.",
        Label.NEWSLETTER,
        "newsletter and",
    ),
    _pos(
        "newsletter_notice",
        "en",
        "By signing up for the newsletter you agree that we store your email address.",
        Label.NEWSLETTER,
        "newsletter and",
    ),
    _neg(
        "newsletter_notice",
        "fr",
        "La newsletter du ministère de la Santé a annoncé mardi la fin de l'épidémie de rougeole "
        "dans la région de Mopti, après trois mois sans nouveau cas.",
    ),
    _neg(
        "newsletter_notice",
        "en",
        "The ministry's weekly newsletter said on Tuesday that the measles outbreak in Mopti was "
        "over after three months without a new case.",
    ),
    # --- newsletter_name ---
    _pos("newsletter_name", "fr", "La newsletter du Sahel", Label.NEWSLETTER, "newsletter"),
    _pos("newsletter_name", "fr", "Sahel Hebdo Newsletter", Label.NEWSLETTER, "newsletter"),
    _pos("newsletter_name", "en", "Delta Courier Newsletter", Label.NEWSLETTER, "newsletter"),
    _pos("newsletter_name", "en", "See all newsletters", Label.NEWSLETTER, "newsletter"),
    _pos("newsletter_name", "any", "KATAPULT-Newsletter", Label.NEWSLETTER, "newsletter"),
    _neg("newsletter_name", "fr", "La newsletter des éleveurs de Kidal a cessé de paraître."),
    _neg("newsletter_name", "en", "Why the Gao newsletter matters"),
    _neg(
        "newsletter_name",
        "en",
        "Readers of the weekly newsletter published by the cooperative asked for more news.",
    ),
    # --- caption ---
    _pos("caption", "fr", "Photo : Issouf Sanogo / AFP", Label.CAPTION, "photo :"),
    _pos(
        "caption",
        "fr",
        "Des manifestants devant l'Assemblée nationale à Niamey, le 3 août. (AFP)",
        Label.CAPTION,
        "(afp)",
    ),
    _pos(
        "caption",
        "en",
        "Protesters outside the national assembly in Niamey on August 3. (AP Photo/Sam Mednick)",
        Label.CAPTION,
        "(ap photo/sam mednick)",
    ),
    _pos(
        "caption",
        "en",
        "Image caption, Women queue for water in Gao",
        Label.CAPTION,
        "image caption",
    ),
    # stock libraries' credits and German-style "Foto:" credits
    _pos("caption", "en", "Photo by Awa Diallo on Unsplash", Label.CAPTION, "unsplash"),
    # a caption's sentence, then its credit after a copyright sign
    _pos(
        "caption",
        "fr",
        "Un producteur dans son champ près de Dédougou, le 28 septembre 2024. © Awa Diallo "
        "pour Sahel Info",
        Label.CAPTION,
        "© awa diallo",
    ),
    _pos(
        "caption",
        "en",
        "A farmer in his field near Dedougou on September 28, 2024. © Jane Doe/Reuters",
        Label.CAPTION,
        "© jane doe",
    ),
    _pos("caption", "en", "Sahel Images/iStock.com", Label.CAPTION, "istock.com"),
    _pos("caption", "fr", "Photo de Moussa Keïta sur Unsplash", Label.CAPTION, "unsplash"),
    _pos("caption", "fr", "Fatoumata Ba / Shutterstock.com", Label.CAPTION, "shutterstock"),
    _pos("caption", "any", "Foto: Aminata Coulibaly", Label.CAPTION, "foto:"),
    _pos("caption", "any", "Bildquelle: Stadt Ulm", Label.CAPTION, "bildquelle:"),
    _pos("caption", "any", "Titelbild:", Label.CAPTION, "titelbild"),
    _pos(
        "caption",
        "any",
        "Die Brücke über den Niger bei Gao im Mai. (Foto: Privat)",
        Label.CAPTION,
        "(foto: privat)",
    ),
    # a credit or a licence that ends the caption
    _pos(
        "caption",
        "fr",
        "Les maraîchères de Ségou au bord du fleuve. Photo : Awa Keïta",
        Label.CAPTION,
        "photo : awa keita",
    ),
    _pos(
        "caption",
        "en",
        "Herders water their cattle near Tillabéri. Credit: Sahel Images",
        Label.CAPTION,
        "credit: sahel images",
    ),
    _pos(
        "caption",
        "fr",
        "Le marché de Mopti au petit matin / (C) Moussa Traoré",
        Label.CAPTION,
        "(c) moussa traore",
    ),
    _pos(
        "caption",
        "en",
        "The old bridge at Gao, by Awa Diallo, CC BY-SA 2.0",
        Label.CAPTION,
        "cc by-sa 2.0",
    ),
    _pos(
        "caption",
        "fr",
        "Image d'illustration : des pirogues sur le Niger, en licence Creative Commons",
        Label.CAPTION,
        "licence creative commons",
    ),
    _pos(
        "caption",
        "fr",
        "Un troupeau de zébus au bord du lac Faguibine. (Awa Keïta / iStock.com)",
        Label.CAPTION,
        "istock",
    ),
    _pos(
        "caption",
        "en",
        "Sunset over the oil wells of Agadem. Image: Sahel Pics/Shutterstock.com",
        Label.CAPTION,
        "image: sahel pics/shutterstock.com",
    ),
    _pos(
        "caption",
        "fr",
        "Figure 2 : les pluies cumulées à Niamey entre juin et septembre",
        Label.CAPTION,
        "figure 2 :",
    ),
    _pos(
        "caption",
        "en",
        "Fig. 3: Rainfall in Niamey from June to September",
        Label.CAPTION,
        "fig. 3:",
    ),
    _neg("caption", "en", "Figure 2 in the report shows that rainfall fell by a third."),
    # a copyright sign inside the sentence
    _neg("caption", "fr", "Le logo © du festival a été dessiné par un artiste de Ségou."),
    _neg("caption", "en", "The © sign on the cover was added by the printer in Bamako."),
    _neg("caption", "en", "The party's image: a country at peace, its spokesman said."),
    _neg("caption", "fr", "Le slogan du parti tient en une image : un baobab debout."),
    _neg("caption", "en", "The agency sold its archive to Shutterstock."),
    _neg("caption", "fr", "Le groupe américain a racheté Shutterstock."),
    _neg("caption", "any", "Bildung: Die Schulen in Gao öffnen wieder nach drei Monaten."),
    _neg(
        "caption",
        "fr",
        "La photo de l'équipe nationale a fait le tour des réseaux sociaux après "
        "la victoire contre le Ghana.",
    ),
    _neg(
        "caption",
        "en",
        "The photographer spent three weeks in Gao documenting the lives of "
        "fishermen on the river.",
    ),
    # --- relative_time ---
    _pos("relative_time", "fr", "il y a 3 heures", Label.METADATA, "relative time"),
    _pos("relative_time", "fr", "Hier, à 14h30", Label.METADATA, "relative time"),
    _pos("relative_time", "en", "2 hours ago", Label.METADATA, "relative time"),
    _pos("relative_time", "en", "Yesterday at 9:15 am", Label.METADATA, "relative time"),
    _neg(
        "relative_time",
        "fr",
        "Il y a 3 jours, les habitants de Gao ont vu arriver les premiers "
        "camions d'aide alimentaire.",
    ),
    _neg(
        "relative_time",
        "en",
        "3 days ago, the first lorries of food aid finally reached the town "
        "of Gao after a long journey.",
    ),
    # --- metadata ---
    _pos("metadata", "fr", "Par Aminata Traoré", Label.METADATA, "byline"),
    _pos("metadata", "fr", "Propos recueillis par Idrissa Sangaré", Label.METADATA, "byline"),
    _pos("metadata", "fr", "Publié le 12 mars 2024 à 10h30", Label.METADATA, "dateline"),
    _pos("metadata", "fr", "3 juin 2024", Label.METADATA, "date line"),
    _pos("metadata", "en", "By John Smith", Label.METADATA, "byline"),
    _pos("metadata", "en", "5 min read", Label.METADATA, "reading time"),
    _pos("metadata", "en", "Last updated 14:05 GMT", Label.METADATA, "dateline"),
    # the page's change date: a dateline (which a block trafilatura kept cannot outweigh),
    # not a bare "date line"
    _pos("metadata", "fr", "Dernière modification : 14.02.2024", Label.METADATA, "dateline"),
    _pos("metadata", "en", "Last modified: 14 February 2024", Label.METADATA, "dateline"),
    _pos("metadata", "ar", "نشر في 12 سبتمبر 2024", Label.METADATA, "dateline"),
    _pos("metadata", "ar", "آخر تحديث: 14:05", Label.METADATA, "dateline"),
    _pos("metadata", "de", "Letzte Änderung 14.02.2024", Label.METADATA, "dateline"),
    _neg("metadata", "fr", "Par ailleurs, le ministre a démissionné."),
    _neg(
        "metadata",
        "fr",
        "Le rapport publié le mois dernier par le bureau des Nations unies à "
        "Bamako fait état de plus de deux cent mille déplacés dans le centre du pays.",
    ),
    _neg("metadata", "en", "By Tuesday, the water had reached the market."),
    # a line that introduces what follows, with a dateline word inside it, is a sentence
    _neg("metadata", "en", "We set out our reasons in a recently-published review:"),
    _neg("metadata", "fr", "Voici les chiffres du rapport mis à jour le mois dernier :"),
    # ... but the word before the colon is the dateline, its date on the next line
    _pos("metadata", "en", "This page was last modified:", Label.METADATA, "dateline"),
    _pos("metadata", "fr", "Cet article a été mis à jour le :", Label.METADATA, "dateline"),
    _pos("metadata", "fr", "Crédits photos : Aïcha Diallo", Label.METADATA, "dateline"),
    _pos("metadata", "en", "Image credit: Sahel Weekly", Label.METADATA, "dateline"),
    # dates and times split into many number tokens: counted without them
    _pos(
        "metadata",
        "fr",
        "Publié le 14/11/2026 06:12 Mis à jour le 14/11/2026 09:40",
        Label.METADATA,
        "dateline",
    ),
    _pos(
        "metadata",
        "en",
        "Published 11/14/2026 06:12 AM GMT, updated 11/14/2026 09:40 AM GMT",
        Label.METADATA,
        "dateline",
    ),
    _neg(
        "metadata",
        "fr",
        "Publié le 14/11/2026 à 06:12, le communiqué annonce la fermeture des écoles de "
        "la région de Gao jusqu'à nouvel ordre",
    ),
    _neg(
        "metadata",
        "en",
        "Published on 11/14/2026 at 06:12, the statement closes the schools of the Gao "
        "region until further notice",
    ),
    # the site's or agency's name, a bar, the byline
    _pos("metadata", "fr", "LEFASO.NET | Par Fatimata Ouédraogo", Label.METADATA, "byline"),
    _pos("metadata", "en", "Sahel Weekly | By Jane Doe", Label.METADATA, "byline"),
    _neg("metadata", "fr", "Niger | Par ailleurs, le ministre a démissionné."),
    _neg("metadata", "en", "Niger | By Tuesday, the water had reached the market."),
    # a radio's correspondent over the text
    _pos(
        "metadata",
        "fr",
        "Avec notre correspondant à N'Djamena, Mahamat Abakar",
        Label.METADATA,
        "byline",
    ),
    _pos("metadata", "en", "From our correspondent in Niamey, Jane Doe", Label.METADATA, "byline"),
    _neg(
        "metadata",
        "fr",
        "Avec notre correspondant à Bamako, la situation reste tendue après trois jours.",
    ),
    _neg("metadata", "fr", "Salle de la Caisse de crédit mutuel de Ségou"),
    _neg("metadata", "en", "Members of the Segou Farmers Credit Union"),
    _neg(
        "metadata",
        "en",
        "The report published last month by the United Nations office in Bamako "
        "counts more than two hundred thousand displaced people in the centre.",
    ),
    # --- end_note ---
    _pos(
        "end_note",
        "en",
        "Moussa Traoré contributed reporting from Gao.",
        Label.METADATA,
        "end note",
    ),
    _pos(
        "end_note",
        "en",
        "(Reporting by Awa Keita; Editing by John Smith)",
        Label.METADATA,
        "reporting by",
    ),
    _pos(
        "end_note",
        "en",
        "Have a tip? Awa Keita may be reached at akeita@example.com.",
        Label.METADATA,
        "end note",
    ),
    _pos(
        "end_note",
        "en",
        "Follow Sahel Weekly on Facebook, X and Instagram.",
        Label.SHARE,
        "end note",
    ),
    _pos(
        "end_note",
        "fr",
        "Ibrahim Maïga, à Tombouctou, a contribué à cet article.",
        Label.METADATA,
        "a contribue a cet article",
    ),
    _pos("end_note", "fr", "Suivez-nous sur Facebook et sur X.", Label.SHARE, "suivez-nous sur"),
    _pos(
        "end_note",
        "fr",
        "Suivez-nous sur WhatsApp pour recevoir nos alertes du Sahel.",
        Label.SHARE,
        "suivez-nous sur whatsapp",
    ),
    _pos(
        "end_note",
        "en",
        "Follow Sahel Weekly on Telegram for breaking news from the region.",
        Label.SHARE,
        "on telegram",
    ),
    _pos(
        "end_note",
        "fr",
        "Suivez Le Courrier du Delta sur Instagram pour nos reportages en images.",
        Label.SHARE,
        "end note",
    ),
    _pos(
        "end_note",
        "en",
        "Get Sahel Weekly delivered to your door every Friday. 52 issues for £40.",
        Label.NEWSLETTER,
        "delivered",
    ),
    _pos("end_note", "fr", "Abonnez-vous à notre chaîne YouTube", Label.NEWSLETTER, "abonnez"),
    _pos(
        "end_note",
        "en",
        "Get the essential news from the Sahel in your inbox every morning.",
        Label.NEWSLETTER,
        "get the essential news",
    ),
    _pos(
        "end_note",
        "fr",
        "Recevez l'essentiel de l'actualité du Sahel dans votre boîte mail chaque matin.",
        Label.NEWSLETTER,
        "recevez",
    ),
    _pos("end_note", "en", "Filed under: Niger | Agriculture", Label.METADATA, "filed under"),
    # a reading time after its word, a player's clock
    _pos("end_note", "fr", "Lecture 3 min.", Label.METADATA, "lecture 3 min"),
    _pos("end_note", "en", "Reading time: 4 minutes", Label.METADATA, "reading time"),
    _pos("end_note", "any", "00:00 / 03:12", Label.SHARE, "00:00 / 03:12"),
    _neg("end_note", "fr", "Lecture 3 : les élèves lisent le texte à voix haute pendant 10 min."),
    _neg("end_note", "en", "Reading time at the library went up by 4 minutes a day."),
    # the agency or paper the article comes from
    _pos("end_note", "fr", "(avec AFP)", Label.METADATA, "avec afp"),
    _pos("end_note", "fr", "Source : L'Indépendant", Label.METADATA, "source"),
    _pos("end_note", "en", "(With Reuters and AP)", Label.METADATA, "with reuters"),
    _pos("end_note", "en", "Source: The Sahel Weekly", Label.METADATA, "source"),
    _neg("end_note", "fr", "Source : le ministère a confirmé que trois écoles ont fermé."),
    _neg("end_note", "en", "Source: the ministry confirmed that three schools were shut."),
    _pos("end_note", "fr", "Classé dans : Économie, Mali", Label.METADATA, "classe dans"),
    _pos("end_note", "fr", "Catégorie : Agriculture, Niger", Label.METADATA, "categorie"),
    _pos("end_note", "fr", "Mots-clés : élevage, transhumance", Label.METADATA, "mots-cles"),
    _pos("end_note", "en", "Category : Press Releases", Label.METADATA, "category"),
    _pos("end_note", "de", "Schlagwörter: Landwirtschaft, Sahel", Label.METADATA, "schlagworter"),
    # a long promotion that opens with the note (metalines.OPENING_END_NOTE_MAX_WORDS)
    _pos(
        "end_note",
        "en",
        "Get access to Sahel Weekly Pro for as little as 20 dollars for the first year. Use "
        "the code HARMATTAN at checkout. Sahel Weekly Pro gives you every report from our "
        "correspondents in Gao, Niamey and Ouagadougou, market prices every morning, our "
        "weekly data letter on the harvest and the herds, and an archive going back ten years.",
        Label.PAYWALL,
        "get access to",
    ),
    _pos(
        "end_note",
        "fr",
        "Abonnez-vous au Courrier du Delta et profitez de tous nos reportages, de nos "
        "enquêtes et de nos analyses sur le Sahel, sans publicité, pour seulement deux euros "
        "par mois la première année. Vous recevrez aussi chaque vendredi notre lettre sur les "
        "prix des marchés, les pluies et la transhumance, et l'accès à nos archives.",
        Label.PAYWALL,
        "abonnez-vous au",
    ),
    # ... but a long paragraph that only mentions such a phrase further on is the article's
    _neg(
        "end_note",
        "en",
        "The cooperative opened a hotline for herders who lost animals to the floods, and its "
        "office in Mopti can be reached at any hour, the chairman said on Monday, adding that "
        "more than three hundred families had already called to ask for fodder, seed and "
        "help with the repair of the wells that the water had filled with sand and mud.",
    ),
    _neg(
        "end_note",
        "fr",
        "Le chercheur malien, qui a contribué à cette enquête sur les puits du delta, explique "
        "que les pluies de juillet ont comblé la moitié des ouvrages creusés depuis dix ans, et "
        "que les éleveurs doivent désormais parcourir plus de vingt kilomètres chaque jour "
        "pour abreuver leurs troupeaux avant de rentrer au campement à la nuit tombée.",
    ),
    _neg("end_note", "en", "The category of small farms grew by a third in the valley."),
    _neg("end_note", "fr", "La catégorie des petits éleveurs a doublé dans la région."),
    _pos("end_note", "en", "Like this story? Share it with a friend!", Label.SHARE, "like"),
    _pos(
        "end_note",
        "en",
        "Listen to Radio Segou live every morning at 7.",
        Label.AD,
        "listen to",
    ),
    _pos(
        "end_note",
        "fr",
        "Écoutez Radio Ségou en direct tous les matins.",
        Label.AD,
        "ecoutez",
    ),
    _neg("end_note", "en", "Listen to the herders and you hear how the rains have changed."),
    # the site's app
    _pos("end_note", "en", "CLICK HERE TO GET THE SAHEL WEEKLY APP", Label.AD, "get the"),
    _pos(
        "end_note",
        "en",
        "For breaking news from the Sahel download the Delta Courier apps for iOS and Android.",
        Label.AD,
        "for breaking news",
    ),
    _pos(
        "end_note",
        "fr",
        "Téléchargez notre application pour suivre l'actualité",
        Label.AD,
        "telechargez",
    ),
    _pos(
        "end_note",
        "de",
        "Laden Sie unsere App für iOS und Android herunter.",
        Label.AD,
        "laden sie",
    ),
    _neg("end_note", "en", "Farmers who download the weather app get alerts before the storms."),
    _neg("end_note", "fr", "Les éleveurs qui ont téléchargé l'application reçoivent des alertes."),
    _pos(
        "end_note",
        "en",
        "Subscribe to The Delta Courier and stay informed on the whole Sahel.",
        Label.PAYWALL,
        "subscribe to",
    ),
    _pos(
        "end_note",
        "en",
        "Get access to Courier Premium for as little as $2 a month.",
        Label.PAYWALL,
        "get access to",
    ),
    _pos(
        "end_note",
        "fr",
        "Abonnez-vous au Courrier du Delta et profitez de tous nos reportages.",
        Label.PAYWALL,
        "abonnez-vous",
    ),
    _pos(
        "end_note",
        "fr",
        "Accédez à Courrier Premium pour seulement 2 euros par mois.",
        Label.PAYWALL,
        "accedez",
    ),
    _pos(
        "end_note",
        "en",
        "Follow the Courier's full coverage of the Niger floods at https://example.org/floods",
        Label.RELATED,
        "coverage of",
    ),
    _pos(
        "end_note",
        "fr",
        "Retrouvez toute notre couverture des élections au Mali.",
        Label.RELATED,
        "couverture",
    ),
    _neg(
        "end_note",
        "en",
        "The herders follow the rains, and the coverage of the pastures decides their route.",
    ),
    _neg(
        "end_note",
        "fr",
        "Les habitants ont accédé au forage pour seulement quelques heures avant la panne.",
    ),
    _pos("end_note", "fr", "Cet article vous a plu ? Partagez-le.", Label.SHARE, "vous a plu"),
    _neg(
        "end_note",
        "en",
        "Farmers like the story of the new dam, which they say will get water to the fields.",
    ),
    _neg(
        "end_note",
        "fr",
        "Les bailleurs ont contribué à financer le barrage, et les habitants suivent de "
        "près les travaux sur le fleuve.",
    ),
    _neg(
        "end_note",
        "en",
        "The donors contributed to the dam, and the villagers follow the works on the "
        "river closely, said the mayor.",
    ),
    _neg("end_note", "en", "Herders follow the rains on their way south every year."),
    # --- breadcrumb ---
    _pos("breadcrumb", "fr", "Accueil > Afrique > Mali", Label.NAVIGATION, "breadcrumb"),
    _pos(
        "breadcrumb", "fr", "Accueil / Afrique de l'Ouest / Niger", Label.NAVIGATION, "breadcrumb"
    ),
    _pos("breadcrumb", "en", "Home > World > Africa > Sahel", Label.NAVIGATION, "breadcrumb"),
    _neg("breadcrumb", "fr", "Le trajet Bamako > Ségou > Mopti dure désormais deux jours."),
    _neg("breadcrumb", "en", "The road Bamako > Ségou > Mopti now takes two days."),
]

RULE_BY_NAME: dict[str, Callable[[Features], Verdict | None]] = {r.__name__: r for r in rules.RULES}


def _id(case: Case) -> str:
    kind = "neg" if case.label is None else case.label.value
    return f"{case.rule}-{case.lang}-{kind}-{case.text[:24]}"


def test_every_rule_has_french_english_and_negative_cases() -> None:
    for name in RULE_BY_NAME:
        mine = [c for c in CASES if c.rule == name]
        assert any(c.lang == "fr" and c.label for c in mine), f"{name}: no French positive"
        assert any(c.lang == "en" and c.label for c in mine), f"{name}: no English positive"
        assert any(c.label is None for c in mine), f"{name}: no negative"
    assert {c.rule for c in CASES} <= set(RULE_BY_NAME), "a case names a rule not in RULES"


@pytest.mark.parametrize("case", [c for c in CASES if c.label], ids=_id)
def test_rule_flags_its_widget_line(case: Case) -> None:
    verdict = RULE_BY_NAME[case.rule](feats(case.text))
    assert verdict is not None, f"{case.rule} missed {case.text!r}"
    assert verdict.label is case.label
    assert verdict.reason.strip()
    assert case.why in verdict.reason


@pytest.mark.parametrize("case", [c for c in CASES if c.label is None], ids=_id)
def test_rule_leaves_prose_alone(case: Case) -> None:
    f = feats(case.text)
    assert RULE_BY_NAME[case.rule](f) is None


@pytest.mark.parametrize(
    "text", sorted({c.text for c in CASES if c.label is None and len(c.text.split()) > 6})
)
def test_prose_negatives_get_no_verdict_at_all(text: str) -> None:
    f = feats(text)
    assert rules.first_verdict(f) is None
    assert rules.widget_heading(f) is None


def test_first_verdict_follows_rule_order() -> None:
    # Both caption and metadata speak on a photo credit; caption comes first in RULES.
    f = feats("Photo : Issouf Sanogo / AFP")
    assert metalines.caption(f) is not None and metalines.metadata(f) is not None
    assert rules.first_verdict(f) == metalines.caption(f)


# --- widget_heading ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "lang"),
    [
        ("Sur le même sujet", Label.RELATED, "fr"),
        ("À lire aussi :", Label.RELATED, "fr"),
        ("A LIRE AUSSI", Label.RELATED, "fr"),
        ("12 commentaires", Label.COMMENTS, "fr"),
        ("Partager", Label.SHARE, "fr"),
        ("Suivez-nous", Label.FOOTER, "fr"),
        ("Most read", Label.RELATED, "en"),
        (">> Related stories", Label.RELATED, "en"),
        ("Comments (3)", Label.COMMENTS, "en"),
        ("Leave a reply", Label.COMMENTS, "en"),
        ("Share this article", Label.SHARE, "en"),
        ("Articles en relation", Label.RELATED, "fr"),
        ("Otras noticias", Label.RELATED, "es"),
        ("J’aime ça :", Label.SHARE, "fr"),
        ("Like this:", Label.SHARE, "en"),
    ],
    ids=lambda v: str(v),
)
def test_widget_heading_known(text: str, label: Label, lang: str) -> None:
    verdict = rules.widget_heading(feats(text))
    assert verdict is not None
    assert verdict.label is label
    assert f"'{text}'" in verdict.reason
    assert lang in verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "Les commentaires du ministre ont été mal reçus par les syndicats.",
        "Partager l'eau du fleuve entre les pays riverains reste un défi majeur.",
        "Forum de Bamako : les jeunes veulent des emplois",
        "Comments from the minister angered the unions on Monday.",
        "Share prices of the mining company fell after the coup",
        "Commentaires.",  # a sentence, not a heading
    ],
    ids=[
        "fr-commentaires-prose",
        "fr-partager-prose",
        "fr-forum-headline",
        "en-comments-prose",
        "en-share-headline",
        "ends-sentence",
    ],
)
def test_widget_heading_not_prose(text: str) -> None:
    assert rules.widget_heading(feats(text)) is None


# --- is_list_entry ----------------------------------------------------------------------


def entry(text: str) -> bool:
    f = feats(text)
    return rules.is_list_entry(f, rules.first_verdict(f))


@pytest.mark.parametrize(
    "text",
    [
        "Au Niger, la saison des pluies s'annonce précoce",
        "Publicité : les annonceurs quittent les radios de Bamako",
        "À lire aussi : Au Niger, la saison des pluies s'annonce précoce",
        "Photos : les inondations de Niamey en images",
        "Floods displace thousands in northern Nigeria",
        "Advertising: brands leave Bamako radio stations",
        "Read more: Floods displace thousands in northern Nigeria",
    ],
    ids=[
        "fr-headline",
        "fr-mentions-pub",
        "fr-teaser",
        "fr-gallery",
        "en-headline",
        "en-mentions-ad",
        "en-teaser",
    ],
)
def test_is_list_entry_headlines(text: str) -> None:
    assert entry(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Mali",  # one word
        "•",
        "12:30",
        "3 juin 2024",
        "(12)",
        "Publicité",
        "Répondre",
        "Partager sur Facebook",
        "il y a 2 heures",
        "Copy link",
        "2 hours ago",
        "Last updated 14:05 GMT",
    ],
    ids=lambda v: v,
)
def test_is_list_entry_refuses_dates_counts_and_buttons(text: str) -> None:
    assert entry(text) is False


# --- known false positives (library bugs) -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister declined to comment on the report.",
        "The junta refused to accept all the conditions set by ECOWAS on Tuesday.",
        "Farmers can sign up for the subsidy at the prefecture.",
        "Le ministre a promis un soutien sans engagement financier précis.",
    ],
    ids=["to-comment", "accept-all", "sign-up-for", "sans-engagement"],
)
def test_widget_phrase_short_news_sentences(text: str) -> None:
    assert widgetlines.widget_phrase(feats(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The ministry published its report on Monday.",
        "The army posted new troops along the border with Niger.",
        "Farmers lack access to credit in the region.",
        "Le rapport publié le mois dernier a surpris les experts.",
    ],
    ids=["published", "posted", "credit", "publie-le"],
)
def test_metadata_short_news_sentences(text: str) -> None:
    assert metalines.metadata(feats(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Les cookies au mil de Fatou se vendent mieux que les cookies importés, car ils coûtent "
        "deux fois moins cher au marché de Niamey, où les écoliers en achètent chaque matin "
        "avant d'aller en classe.",
        "Fatou's millet cookies now outsell imported cookies at the Niamey market, because they "
        "cost half as much and the schoolchildren buy them every morning before class.",
    ],
    ids=["fr", "en"],
)
def test_cookie_notice_food_paragraph(text: str) -> None:
    assert widgetlines.cookie_notice(feats(text)) is None
