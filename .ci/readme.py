"""The README's two commands, read from the README itself so that CI and the README can
never drift apart: `python3 .ci/readme.py install` prints the first fenced sh block (the
newcomer's install-and-run line), `python3 .ci/readme.py test` the second (the tests)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
WHICH = {"install": 0, "test": 1}


def commands(text: str) -> list[str]:
    """The fenced ```sh blocks of the README, in order, each as one command line."""
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    return [" ".join(block.split("\\\n")).strip() for block in blocks]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in WHICH:
        print(f"usage: {argv[0]} install|test", file=sys.stderr)
        return 2
    found = commands(README.read_text(encoding="utf-8"))
    if len(found) < 2 or any("\n" in command for command in found[:2]):
        print(f"ci: {README} must open with two one-line ```sh blocks", file=sys.stderr)
        return 1
    print(found[WHICH[argv[1]]])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
