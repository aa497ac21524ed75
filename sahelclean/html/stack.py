"""The HTML stack (trafilatura, lxml, lxml_html_clean): its versions, and one clear error
with the package to install when it does not import."""

from __future__ import annotations

import platform
import re
from functools import cache
from importlib import import_module, metadata

from ..errors import SahelcleanError

# What the HTML path imports at run time, in the order a failure is most telling.
# lxml.html.clean left lxml in 5.2 (it is the lxml_html_clean project since), and jusText,
# which trafilatura imports, still needs it: pip < 24 installed lxml 6 without it.
MODULES = ("lxml.etree", "lxml.html", "lxml.html.clean", "trafilatura")

# Top-level module -> the distribution that provides it, for the install hint.
PACKAGES = {
    "lxml": "lxml",
    "lxml_html_clean": "lxml_html_clean",
    "trafilatura": "trafilatura",
    "justext": "jusText",
    "htmldate": "htmldate",
    "courlan": "courlan",
    "charset_normalizer": "charset-normalizer",
    "dateparser": "dateparser",
}

# The versions `sahelclean --version` names, beside Python's.
REPORTED = ("trafilatura", "lxml")


class HtmlStackError(SahelcleanError):
    """The HTML extraction stack does not import: the install is broken, not the page."""


def install_hint(error: ImportError) -> str:
    """The pip command that mends an ImportError of the HTML stack."""
    message = str(error)
    named = [PACKAGES[top] for top in PACKAGES if re.search(rf"\b{top}\b", message)]
    if error.name:
        top = error.name.split(".")[0]
        named.insert(0, PACKAGES.get(top, top))
    # "lxml.html.clean … lxml_html_clean": the separate project is what is missing.
    if "lxml_html_clean" in named:
        named = ["lxml_html_clean"]
    wanted = list(dict.fromkeys(named)) or ["trafilatura", "lxml", "lxml_html_clean"]
    return "pip install " + " ".join(wanted)


def stack_error(error: ImportError, source: str | None = None) -> HtmlStackError:
    """One line: what failed to import, and what to install."""
    what = " ".join(str(error).split()) or type(error).__name__
    return HtmlStackError(
        f"the HTML stack does not import ({what}); HTML pages cannot be cleaned until it "
        f"does: {install_hint(error)}",
        source,
    )


def require_html_stack(source: str | None = None) -> None:
    """Import the HTML stack, or raise HtmlStackError naming the package to install."""
    try:
        _import_stack()
    except ImportError as error:
        raise stack_error(error, source) from error


@cache
def _import_stack() -> None:
    """Import the stack's modules: done once per process once it works (a failure is not
    cached, so a fixed install is seen)."""
    for name in MODULES:
        import_module(name)


def versions() -> dict[str, str]:
    """The installed versions of the HTML stack's main packages, and Python's."""
    found = {}
    for name in REPORTED:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    found["Python"] = platform.python_version()
    return found


def version_line(own: str) -> str:
    """`sahelclean X (trafilatura Y, lxml Z, Python W)`."""
    parts = ", ".join(f"{name} {version}" for name, version in versions().items())
    return f"sahelclean {own} ({parts})"
