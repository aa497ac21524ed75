"""sahelclean: strip boilerplate from scraped news pages and keep the article alone."""

from __future__ import annotations

from ._version import __version__
from .errors import InputError, NoArticleError, OptionsError, SahelcleanError
from .models import Document, Failure, InputKind, Label, RawPage, Removed, Section
from .options import Options
from .pipeline import clean, clean_all

__all__ = [
    "Document",
    "Failure",
    "InputError",
    "InputKind",
    "Label",
    "NoArticleError",
    "Options",
    "OptionsError",
    "RawPage",
    "Removed",
    "SahelcleanError",
    "Section",
    "__version__",
    "clean",
    "clean_all",
]
