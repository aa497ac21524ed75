"""Context-free rules of widget lines: phrases, buttons, labels, teasers, links to other
posts, comment threads, consent and sign-up boxes, footers, breadcrumbs.

Each rule looks at one block's features and returns a verdict or None; rules.py runs them
in its ladder with the metadata lines' rules (metalines.py). They are apart from those
because their lines are never the article's: a widget's text, found by its words or its
shape.
"""

from __future__ import annotations

import re

from ..models import Label, Verdict
from ..text.features import Features
from ..text.lexicon import vocabulary
from ..vocab.files import BUTTON_MAX_WORDS, PHRASE_MAX_WORDS

# A line longer than PHRASE_MAX_WORDS (shared with site rules, as the heading and button
# sizes are) is prose that mentions a widget phrase, not the widget itself...
# ... unless the line, no longer than this, has several sentences and the phrase is in the
# first: a notice or a widget's rules go on for a few sentences ("We recommend the best products
# through an independent review process, and advertisers do not influence our picks. We
# may receive…", "We welcome reader comments… comments are moderated…"). (Dev: te html
# +0.0003, te innertext +0.0016, te gettext +0.0013, 2 pages of 2 en sites; sh
# unchanged. One long sentence that names a phrase stays prose: "… « tous droits réservés »…".)
PHRASE_OPENING_MAX_WORDS = 60
# Cookie banners are long paragraphs of legal prose; they still are banners up to this size.
COOKIE_MAX_WORDS = 90
# ... and a line that says "cookie" this often is one, whatever else it says.
COOKIE_MENTIONS = 2
THREAD_REASON = "comment thread heading ('N comments on “…”')"
# "© 2024 Sahel Info. Tous droits réservés." A credit "© AFP" under a photo is a caption.
_COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright)\s*[^\d\n]{0,60}?(?:19|20)\d\d\b")
COPYRIGHT_MAX_WORDS = 25
# "Alex on September 17, 2018 at 6:34 am said:"
AUTHOR_MAX_WORDS = 14
# A teaser needs a headline after its lead-in.
TEASER_MIN_WORDS = 3
# The link to the previous or next post: an arrow before or after a headline of at least
# two words, or a lead-in (common.toml's post_links) and a headline. (Dev: te innertext
# +0.0008, te-fr innertext +0.0261: 4 pages of 4 sites gain, de, en, fr, one loses a line
# it had kept by luck as the title of a comment thread; gettext, sh and HTML unchanged: a
# get_text() dump prints the arrow or the lead-in on a line of its own.)
POST_LINK_MIN_WORDS = 2
_POST_ARROWS = ("←", "→")
POST_LINK_REASON = "link to the previous or next post"

# What a consent banner talks about besides cookies (fr, en, de, es).
CONSENT_WORDS = re.compile(
    r"\b(?:site|website|web|navigat\w*|browser|brows\w*|consent\w*|accept\w*|privacy|"
    r"confidentialite|preferences?|parametr\w*|donnees|data|partenaires|partners|traceurs|"
    r"tracking|experience|audience|mesur\w*|measur\w*|fonctionnalit\w*|features?|refus\w*|"
    r"datenschutz|zustimm\w*|sitio|navegacion|aceptar)\b"
)
# What a sign-up box asks for besides the newsletter itself.
_EMAIL_WORDS = re.compile(
    r"\b(?:e-?mail\w*|courriel|adresse|address|inscri\w*|abonn\w*|anmeld\w*|sign(?:ing)? up|"
    r"subscri\w*|suscri\w*)"
)
# A newsletter's name is a few words: "PC Gamer Newsletter", "La newsletter d'Afrique".
NEWSLETTER_NAME_MAX_WORDS = 4
# (Dev: 20 te pages of 19 sites and 6 sh pages, de, en, pl, each a sign-up box or a menu;
# te innertext +0.0003, te gettext +0.0003, sh innertext +0.0002, sh gettext +0.0003, HTML
# unchanged.)
_NEWSLETTER_NAME = re.compile(
    r"^(?:(?:la|le|the|die|der|unsere?|our|nos|notre)\s+)?newsletters?\b|[\s-]newsletters?\W*$"
)
_BREADCRUMB_SEP = re.compile(r"\s(?:>|›|»|/|\||→)\s")


def separator(f: Features) -> Verdict | None:
    """Lines of bare punctuation ("-", "•", "|") only separate list entries."""
    if f.is_separator:
        return Verdict(Label.BOILERPLATE, "separator line")
    return None


def inline_teaser(f: Features) -> Verdict | None:
    """ "À lire aussi : <titre>", "READ MORE: …" inside the article is a related link."""
    match = vocabulary().teaser.match(f.folded)
    if match is None or f.n_words > PHRASE_MAX_WORDS:
        return None
    rest = f.text[match.end() :]
    if len(rest.split()) < TEASER_MIN_WORDS:
        return None
    return Verdict(Label.RELATED, f"inline teaser '{f.text[: match.end()].strip()}'")


def post_link(f: Features) -> Verdict | None:
    """ "← Titre du billet précédent", "Article suivant <titre>": the blog's other posts.

    A lead-in or an arrow, then a headline (no full stop at its end): a sentence of the
    article that opens with "Next:" ends like one.
    """
    if not POST_LINK_MIN_WORDS <= f.n_words <= PHRASE_MAX_WORDS or f.ends_sentence:
        return None
    text = f.text.strip()
    if text.startswith(_POST_ARROWS[0]) or text.endswith(_POST_ARROWS[1]):
        return Verdict(Label.NAVIGATION, POST_LINK_REASON)
    match = vocabulary().post_link.match(f.folded)
    if match is None or len(f.text[match.end() :].split()) < TEASER_MIN_WORDS:
        return None
    return Verdict(Label.NAVIGATION, f"{POST_LINK_REASON} ('{f.text[: match.end()].strip()}')")


def label_line(f: Features) -> Verdict | None:
    """A line that is only a button or a label ("Facebook", "Répondre", "Publicité")."""
    label = vocabulary().label_lines.get(f.key) or vocabulary().label_lines.get(f.folded)
    if label is None or f.n_words > 4:
        return None
    return Verdict(label, f"{label} label '{f.text}'")


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def widget_phrase(f: Features) -> Verdict | None:
    """A short line holding a widget phrase ("nous utilisons des cookies", "déjà abonné")."""
    if f.n_words > COOKIE_MAX_WORDS:
        return None
    v = vocabulary()
    match = v.phrases.search(f.folded)
    if match is None:
        return None
    label = v.phrase_labels[match.group(0)]
    if f.n_words > PHRASE_MAX_WORDS and label is not Label.COOKIE:
        if f.n_words > PHRASE_OPENING_MAX_WORDS:
            return None
        stop = _SENTENCE_END.search(f.folded)
        if stop is None or stop.end() >= len(f.folded) or match.start() > stop.start():
            return None  # one long sentence, or prose that mentions the phrase further on
    return Verdict(label, f"{label} phrase '{match.group(0)}'")


def button_phrase(f: Features) -> Verdict | None:
    """A short line that opens with a call to action: "Accept all", "Je m'inscris"."""
    if f.n_words > BUTTON_MAX_WORDS:
        return None
    v = vocabulary()
    match = v.buttons.match(f.folded)
    if match is None:
        return None
    label = v.button_labels[match.group(1)]
    return Verdict(label, f"{label} button '{match.group(1)}'")


def cookie_notice(f: Features) -> Verdict | None:
    """Consent banners run long; a line about cookies and the site or consent is one."""
    if f.n_words > COOKIE_MAX_WORDS or f.folded.count("cookie") < COOKIE_MENTIONS:
        return None
    match = CONSENT_WORDS.search(f.folded)
    if match is None:
        return None  # "les cookies au mil de Fatou…": a recipe, not a banner
    mentions = f.folded.count("cookie")
    return Verdict(Label.COOKIE, f"mentions cookies {mentions} times, and '{match.group(0)}'")


def newsletter_notice(f: Features) -> Verdict | None:
    """The small print of a sign-up box: a newsletter and an e-mail address in one line."""
    if f.n_words > PHRASE_MAX_WORDS * 2 or "newsletter" not in f.folded:
        return None
    match = _EMAIL_WORDS.search(f.folded)
    if match is None:
        return None
    return Verdict(Label.NEWSLETTER, f"newsletter and '{match.group(0)}'")


def newsletter_name(f: Features) -> Verdict | None:
    """ "PC Gamer Newsletter", "La newsletter du Sahel": a sign-up box's title line."""
    if not 2 <= f.n_words <= NEWSLETTER_NAME_MAX_WORDS or f.ends_sentence:
        return None
    if _NEWSLETTER_NAME.search(f.folded) is None:
        return None
    return Verdict(Label.NEWSLETTER, "the name of a newsletter")


def thread_heading(f: Features) -> Verdict | None:
    """ "11 responses to “Title”", "3 commentaires sur « Titre »": a comment thread opens."""
    if f.n_words > PHRASE_MAX_WORDS or vocabulary().thread.match(f.folded) is None:
        return None
    return Verdict(Label.COMMENTS, THREAD_REASON)


def comment_author(f: Features) -> Verdict | None:
    """ "Awa says:", "Alex on 17 September 2018 at 6:34 am said:": a comment's first line."""
    if f.n_words > AUTHOR_MAX_WORDS:
        return None
    if f.folded.rstrip().endswith(vocabulary().author_endings):
        return Verdict(Label.COMMENTS, "comment author line ('… says:')")
    return None


def copyright_line(f: Features) -> Verdict | None:
    """ "© 2024 Sahel Info", "Copyright 2023 …": the page footer's legal line."""
    if f.n_words <= COPYRIGHT_MAX_WORDS and _COPYRIGHT.match(f.folded):
        return Verdict(Label.FOOTER, "copyright line")
    return None


def breadcrumb(f: Features) -> Verdict | None:
    """ "Accueil > Afrique > Mali": short items joined by arrows or slashes."""
    if f.ends_sentence or f.n_words > 20:
        return None
    parts = _BREADCRUMB_SEP.split(f.text)
    if len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts):
        return Verdict(Label.NAVIGATION, "breadcrumb")
    return None
