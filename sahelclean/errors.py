"""The one exception family of sahelclean; each message names the input and says what to try."""

from __future__ import annotations


class SahelcleanError(Exception):
    """Base class: a problem with one input or with the options, never a bug."""

    exit_code = 1

    def __init__(self, message: str, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


class InputError(SahelcleanError):
    """The input cannot be read or decoded as a page."""


class EmptyInputError(InputError):
    """The input holds no text at all."""


class NoArticleError(SahelcleanError):
    """The page was read, but no article text was found in it."""


class OptionsError(SahelcleanError):
    """The options (or a config file) are invalid."""

    exit_code = 2
