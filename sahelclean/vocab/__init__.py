"""The widget vocabularies as data, and the loader that reads them.

- data/<code>.toml: one file per language (fr, en, de, es, pt, it, pl, ar, ha, bm, and any
  for entries of no one language): widget headings, phrases, buttons and label lines by
  label, and the lead-ins of inline teasers (languages.py);
- data/common.toml: the language-neutral tables: bylines, datelines, caption and end-note
  regexes, comment threads, bios, the HTML containers of widgets (common.py);
- files.py: the one reader of vocabulary sections, which site rules files share.

text/lexicon.py folds and compiles them once per process. A user adds a language, or words
for one, with a file of the same shape under ~/.config/sahelclean/vocab/ or `--vocab FILE`.
"""

from __future__ import annotations

from .common import CommonVocab, common
from .languages import LANGUAGES, LanguageVocab, VocabSet, builtin_languages, load_vocab

__all__ = [
    "LANGUAGES",
    "CommonVocab",
    "LanguageVocab",
    "VocabSet",
    "builtin_languages",
    "common",
    "load_vocab",
]
