"""The cleaning pipeline: decode, sniff, segment, classify, assemble."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from .assemble import assemble
from .classify import PageHints, classify
from .classify.sitepass import site_view
from .classify.title import TITLE_HINT_CHARS, document_title
from .errors import InputError, SahelcleanError
from .html.stack import require_html_stack
from .models import Document, Failure, InputKind, RawPage
from .options import Options
from .read.decode import decode
from .read.sniff import sniff
from .sites.rules import site_rules
from .text.language import detect_language
from .text.lexicon import using
from .text.segment import segment_text
from .text.tokens import words

# The language shows in the first few thousand characters (menus included).
LANGUAGE_SAMPLE_CHARS = 8000


def clean(
    raw: str | bytes,
    *,
    source: str | None = None,
    url: str | None = None,
    options: Options | None = None,
    charset: str | None = None,
) -> Document:
    """Clean one raw page (HTML or a text dump) and return its Document."""
    options = options or Options()
    if len(raw) > options.max_bytes:
        raise InputError(
            f"the input is {len(raw):,} bytes, over the {options.max_bytes:,} limit "
            "(raise it with --max-bytes)",
            source,
        )
    decoded = decode(raw, charset, source)
    kind = sniff(decoded.text)
    stats = {"charset": decoded.charset, "charset_how": decoded.how}
    with using(options.vocab):  # the user's language files too, when the run has some
        if kind is InputKind.HTML:
            require_html_stack(source)  # one clear error, with what to install, if broken
            from .html.extract import clean_html  # lxml and trafilatura load for HTML only

            return clean_html(decoded.text, source=source, url=url, options=options, stats=stats)
        return clean_text(decoded.text, source=source, url=url, options=options, stats=stats)


def clean_text(
    text: str,
    *,
    source: str | None,
    url: str | None,
    options: Options,
    stats: Mapping[str, object] | None = None,
    input_kind: InputKind = InputKind.TEXT,
) -> Document:
    """Clean a decoded text dump."""
    language = options.language or detect_language(words(text[:LANGUAGE_SAMPLE_CHARS]))
    blocks = segment_text(text)
    hints = PageHints(site=site_view(options, url, source), rules=site_rules(options.rules, url))
    classified = classify(blocks, options, language, hints)
    # a get_text() dump opens with the page's <title>: the title when the page prints it
    window = blocks[0].text if blocks and len(blocks[0].text) <= TITLE_HINT_CHARS else None
    title = None
    if window:
        title, classified = document_title(classified, [window], printed_only=True, declared_at=0)
    return assemble(
        classified,
        kept_widgets=options.keep,
        source=source,
        url=url,
        input_kind=input_kind,
        language=language,
        stats=dict(stats or {}),
        title=title,
    )


def clean_page(page: RawPage, options: Options) -> Document | Failure:
    """Clean one page, turning a SahelcleanError into a Failure that names it."""
    try:
        return clean(
            page.content, source=page.source, url=page.url, options=options, charset=page.charset
        )
    except SahelcleanError as exc:
        return Failure(page.source, str(exc), type(exc).__name__)
    except RecursionError:
        return Failure(
            page.source, f"{page.source}: the page is nested too deeply to parse", "RecursionError"
        )
    except Exception as exc:  # a bug of ours or of a parser: this page fails, the batch goes on
        if options.debug:
            raise
        name = type(exc).__name__
        message = (
            f"{page.source}: unexpected {name} ({exc}); the page was skipped. "
            "Rerun it with --debug for the traceback, and please report it"
        )
        return Failure(page.source, message, name)


def clean_all(
    pages: Iterable[RawPage], options: Options | None = None
) -> Iterator[Document | Failure]:
    """Clean pages one after the other, yielding a Document or a Failure for each, in order."""
    options = options or Options()
    for page in pages:
        yield clean_page(page, options)
