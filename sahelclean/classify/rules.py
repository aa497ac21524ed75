"""Context-free rules: each looks at one block's features and returns a verdict or None.

The rules run in the order of `RULES`; the first verdict wins. Widget headings are not
decided here but found by `widget_heading`, because they open a zone (see zones.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Label, Verdict
from ..text.features import Features
from ..text.lexicon import vocabulary
from ..vocab.files import BUTTON_MAX_WORDS, HEADING_MAX_WORDS, PHRASE_MAX_WORDS

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
# Captions are one or two sentences.
CAPTION_MAX_WORDS = 60
# An end note is a line or two: "Keith Diallo contributed reporting.", "Follow us on X."
END_NOTE_MAX_WORDS = 45
# ... and a paragraph up to this long is one when it opens with the note: a promotion that
# starts "Get access to X for as little as…", "Follow @X on Twitter to keep up…", "If you
# enjoyed this article, …" and goes on about the offer. (Dev: sh html +0.0004, sh
# innertext +0.0002, sh gettext +0.0002, 3 pages of 3 en sites; te unchanged. A note
# anywhere in such a paragraph gave the same figures, but would take an article's "… can
# be reached at …" too.)
OPENING_END_NOTE_MAX_WORDS = 80
# A byline or dateline line is short; a byline with its dates and reading time, less so.
BYLINE_MAX_WORDS = 30
METADATA_MAX_WORDS = 14
# A date line that starts with its word ("Publié le 14/11/2026 06:12 Mis à jour le
# 14/11/2026 09:40") is counted without its numbers: each date and time splits into two
# or three tokens. (Dev: sh innertext +0.0001, sh html -0.0001: one page drops its
# "PUBLISHED: … | UPDATED: …" line, another gains its headline; all else unchanged.)
_NUMBER = re.compile(r"\b\d+\b")
# A byline may follow the site's or agency's name and a bar ("LEFASO.NET | Par X"); that
# name is a word or two. (Dev: all figures unchanged.)
SITE_MAX_WORDS = 3
# "il y a 3 heures", "Posted 2 hours ago · Edited".
RELATIVE_TIME_MAX_WORDS = 8
RELATIVE_TIME_REASON = "relative time line"
DATE_LINE_REASON = "date line"
BYLINE_REASON = "byline"
THREAD_REASON = "comment thread heading ('N comments on “…”')"
# "© 2024 Sahel Info. Tous droits réservés." A credit "© AFP" under a photo is a caption.
_COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright)\s*[^\d\n]{0,60}?(?:19|20)\d\d\b")
COPYRIGHT_MAX_WORDS = 25
# "Alex on September 17, 2018 at 6:34 am said:"
AUTHOR_MAX_WORDS = 14
# A widget heading may trail off: "You may also like...", "Lire aussi…".
_TRAILING_OFF = ("...", "…")
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


def widget_heading(f: Features) -> Verdict | None:
    """A known widget heading ("À regarder", "12 commentaires", "Related") opens a zone."""
    if f.n_words == 0 or f.n_words > HEADING_MAX_WORDS:
        return None
    if f.ends_sentence and not f.text.rstrip().endswith(_TRAILING_OFF):
        return None  # "Commentaires." is a sentence; "You may also like..." trails off
    hit = vocabulary().headings.get(f.key)
    if hit is None:
        return None
    label, lang = hit
    return Verdict(label, f"widget heading '{f.text}' ({label}, {lang})")


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


def caption(f: Features) -> Verdict | None:
    """A photo caption or credit: "(AP Photo/…)", "Image caption …", "Crédit photo : …"."""
    if f.n_words > CAPTION_MAX_WORDS:
        return None
    match = vocabulary().caption.search(f.folded)
    if match is None:
        return None
    return Verdict(Label.CAPTION, f"photo caption or credit '{match.group(0).strip()[:40]}'")


def end_note(f: Features) -> Verdict | None:
    """A credit, contact or follow line under an article: "Awa Diallo contributed reporting"."""
    if f.n_words > OPENING_END_NOTE_MAX_WORDS:
        return None
    v = vocabulary()
    if v.any_end_note.search(f.folded) is None:
        return None
    opening = f.n_words > END_NOTE_MAX_WORDS  # a long paragraph: only a note that opens it
    for label, pattern in v.end_notes:
        match = pattern.match(f.folded) if opening else pattern.search(f.folded)
        if match is not None:
            return Verdict(label, f"end note '{match.group(0).strip()[:40]}'")
    return None


def relative_time(f: Features) -> Verdict | None:
    """ "il y a 3 heures", "2 hours ago": the time line of a comment or a feed entry."""
    if f.n_words > RELATIVE_TIME_MAX_WORDS:
        return None
    match = vocabulary().relative_time.match(f.folded)
    if match is None:
        return None
    rest = f.folded[match.end() :]
    if len(rest.split()) > 2 and not vocabulary().relative_tail.match(rest):
        return None  # "Il y a 10 ans, Gao tombait.": a sentence that starts with a time
    return Verdict(Label.METADATA, RELATIVE_TIME_REASON)


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


def metadata(f: Features) -> Verdict | None:
    """Bylines, datelines, reading times and photo credits outside the text."""
    if f.n_words > BYLINE_MAX_WORDS or f.n_words == 0:
        return None
    v = vocabulary()
    byline = f.folded.startswith(v.byline) or _signed_after_site(f, v.byline)
    if byline and f.n_words > METADATA_MAX_WORDS:
        # "Par X (Kéniéba, envoyé spécial) Publié le … Lecture 5 min.", "Reporting by X;
        # Editing by Y": one line of credits
        markers = (p for p in v.byline if len(p.split()) >= 2)  # "editing by", not "by "
        credits = v.dateline.search(f.folded) or any(p in f.folded[3:] for p in markers)
        return Verdict(Label.METADATA, "byline and dateline") if credits else None
    match = v.dateline.search(f.folded)
    if f.n_words > METADATA_MAX_WORDS and not _numeric_dateline(f, match):
        return None
    if byline and not f.ends_sentence:
        return Verdict(Label.METADATA, BYLINE_REASON)
    # At the start ("Publié le …", "5 min read" ends without a full stop), or in a line
    # that is no sentence: "The ministry published its report." stays prose, and so does
    # one that introduces what follows ("… in a recently-published write-up:"), unless
    # the word ends it ("X was last modified:", its date cut onto the next line).
    if match and (match.start() <= 2 or not (f.ends_sentence or _introduces(f, match))):
        return Verdict(Label.METADATA, "dateline, credit or reading time")
    if f.has_date and f.n_words <= 8 and not f.ends_sentence:
        return Verdict(Label.METADATA, DATE_LINE_REASON)
    return None


def _signed_after_site(f: Features, prefixes: tuple[str, ...]) -> bool:
    """ "LEFASO.NET | Par X", "AFP | By X": the site or agency, a bar, then the byline."""
    site, bar, rest = f.folded.partition(" | ")
    return bool(bar) and len(site.split()) <= SITE_MAX_WORDS and rest.startswith(prefixes)


def _numeric_dateline(f: Features, match: re.Match[str] | None) -> bool:
    """A line that starts with a dateline word and is short once its numbers are left out."""
    if match is None or match.start() > 2 or f.ends_sentence:
        return False
    return f.n_words - len(_NUMBER.findall(f.text)) <= METADATA_MAX_WORDS


def _introduces(f: Features, match: re.Match[str]) -> bool:
    """A line ending on a colon whose dateline word stands before its last words."""
    return f.ends_colon and bool(f.folded[match.end() :].strip(" :"))


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


Rule = Callable[[Features], Verdict | None]
# Priority order: the first rule that speaks decides.
RULES: tuple[Rule, ...] = (
    separator,
    inline_teaser,
    post_link,
    label_line,
    widget_phrase,
    button_phrase,
    cookie_notice,
    newsletter_notice,
    newsletter_name,
    caption,
    end_note,
    relative_time,
    thread_heading,
    comment_author,
    copyright_line,
    metadata,
    breadcrumb,
)


# Past PHRASE_MAX_WORDS only these rules can speak (each still checks its own bound);
# past COOKIE_MAX_WORDS none can. Most lines are short, but long ones cost the most.
_LONG_LINE_RULES: tuple[Rule, ...] = (
    widget_phrase,
    cookie_notice,
    newsletter_notice,
    caption,
    end_note,
)


def first_verdict(f: Features) -> Verdict | None:
    """Run the rules in order and return the first verdict, if any."""
    if f.n_words > COOKIE_MAX_WORDS:
        return None
    for rule in _LONG_LINE_RULES if f.n_words > PHRASE_MAX_WORDS else RULES:
        verdict = rule(f)
        if verdict is not None:
            return verdict
    return None


def is_list_entry(f: Features, verdict: Verdict | None) -> bool:
    """A rail or menu entry worth listing: not a date, a duration, a rank or a button."""
    if f.n_words < 2 or f.is_separator:
        return False
    if verdict is not None and verdict.label not in (Label.RELATED, Label.CAPTION):
        return False  # teasers and "Photos: …" galleries are entries; buttons and dates are not
    return not ((f.has_duration or f.has_date or f.has_count) and f.n_words <= 4)
