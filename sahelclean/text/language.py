"""Stoplists and the language guess: jusText's lists (found without importing it) and our
own for the Sahel's languages (text/stoplists/), tried in the order our users need."""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

# jusText's stoplist file names -> ISO 639-1 codes, for the languages our users meet most.
# Names not listed are reported in lower case (e.g. "hawaiian").
ISO_CODES: dict[str, str] = {
    "Afrikaans": "af",
    "Arabic": "ar",
    "Bulgarian": "bg",
    "Catalan": "ca",
    "Croatian": "hr",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Estonian": "et",
    "Finnish": "fi",
    "French": "fr",
    "German": "de",
    "Greek": "el",
    "Hausa": "ha",
    "Hebrew": "he",
    "Hindi": "hi",
    "Hungarian": "hu",
    "Indonesian": "id",
    "Italian": "it",
    "Japanese": "ja",
    "Korean": "ko",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Malay": "ms",
    "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn",
    "Persian": "fa",
    "Polish": "pl",
    "Portuguese": "pt",
    "Romanian": "ro",
    "Russian": "ru",
    "Serbian": "sr",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Somali": "so",
    "Spanish": "es",
    "Swahili": "sw",
    "Swedish": "sv",
    "Thai": "th",
    "Turkish": "tr",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Vietnamese": "vi",
    "Wolof": "wo",
    "Yoruba": "yo",
    "Zulu": "zu",
    "Bambara": "bm",
    "Fula": "ff",
}
# Our own stoplists (<ISO code>.txt), for languages jusText lacks or lists poorly.
OWN_STOPLISTS = Path(__file__).parent / "stoplists"
# Stoplists that shadow a bigger one of the same language and would only split its votes.
SKIPPED_LISTS = frozenset({"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica"})
# Tried first: Sahel news languages, then the big European ones and their neighbours.
SAHEL_LANGUAGES = ("fr", "en", "ar", "ha", "bm")
COMMON_LANGUAGES = (*SAHEL_LANGUAGES, "de", "es", "pt", "it", "nl", "pl", "ru", "tr", "sw", "yo")
# Stopwords make up a quarter to a half of running text; a page where a common language
# explains this share of the tokens is in that language.
COMMON_MIN_SHARE = 0.22
# When two languages tie on stopword hits, prefer the ones our users clean most.
PREFERRED = ("fr", "en", "ar", "de", "es", "pt", "it")
# How many tokens of a page are enough to guess its language.
DETECT_TOKENS = 1500
# Fewer stopword hits than this is no evidence of any language (numbers, names, code).
MIN_HITS = 3
# A declared language gives way to one with this many times its stopword hits.
DECLARED_OUTVOTED = 2.0
# jusText's other lists are Wikipedia word counts of thousands of words, English names and
# words among them: on a page of menus, names and scores one of them wins by size alone (dev:
# English pages read as Marathi or Finnish, German ones as Estonian, Uzbek or Kurdish, all
# under 0.22 of the tokens; the pages truly in such a language, Indonesian, Hungarian, Korean,
# Finnish, reach 0.31 to 0.46). Under this share the best common language stands.
# (Dev, with DETECT_MIN_SHARE, over features.UNSPACED_CHARS_PER_WORD: sh innertext +0.0051,
# te innertext +0.0008, sh gettext +0.0056, te gettext -0.0004, html unchanged.)
FALLBACK_MIN_SHARE = 0.25
# When no list explains this share of the tokens, none describes the text: it is judged
# without one (dev: Japanese pages at 0.035 to 0.05, an English page of sports results at
# 0.04; the lowest real fit, a German shop page, 0.067). Without this floor the fallback
# margin alone lowered sh innertext by 0.0011 and te gettext by 0.0012.
DETECT_MIN_SHARE = 0.06


@lru_cache(maxsize=1)
def _stoplist_files() -> dict[str, Path]:
    """ISO code -> the stoplist file: jusText's (found without importing it), then ours.

    Ours (sahelclean/text/stoplists/<code>.txt) add Hausa and Bambara, and replace jusText's
    Arabic list, a Wikipedia frequency list holding content words ("city", "year", "God")
    that would make any Arabic menu line look like prose.
    """
    files: dict[str, Path] = {}
    spec = find_spec("justext")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
        files = {
            ISO_CODES.get(path.stem, path.stem.lower()): path
            for path in sorted(folder.glob("*.txt"))
            if path.stem not in SKIPPED_LISTS
        }
    files.update((path.stem, path) for path in sorted(OWN_STOPLISTS.glob("*.txt")))
    return files


def stoplists() -> dict[str, Path]:
    """The languages that have a stoplist (code -> file); read one with stopwords_for."""
    return _stoplist_files()


@cache
def _read_stoplist(code: str) -> frozenset[str]:
    """One language's stopwords, read on first use."""
    path = _stoplist_files().get(code)
    if path is None:
        return frozenset()
    text = path.read_text(encoding="utf-8")
    return frozenset(
        w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


@lru_cache(maxsize=2)
def _stopword_index(codes: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Each stopword -> the positions (in codes) of the languages that hold it."""
    index: dict[str, list[int]] = {}
    for n, code in enumerate(codes):
        for word in _read_stoplist(code):
            index.setdefault(word, []).append(n)
    return {w: tuple(langs) for w, langs in index.items()}


def detect_language(tokens: list[str]) -> str | None:
    """Guess the language from stopword hits; None when nothing stands out.

    The languages our users meet most are tried first (a dozen lists, read in a few
    milliseconds); all of jusText's are read only when none of those fits the page, and
    one of them wins only when it explains FALLBACK_MIN_SHARE of the tokens.
    """
    common = tuple(c for c in COMMON_LANGUAGES if c in _stoplist_files())
    code, share = _best_language(tokens, common)
    if code is not None and share >= COMMON_MIN_SHARE:
        return code
    other, other_share = _best_language(tokens, tuple(_stoplist_files()))
    if other is not None and other_share >= FALLBACK_MIN_SHARE:
        return other
    return code if share >= DETECT_MIN_SHARE else None


def confirm_language(tokens: list[str], declared: str) -> str:
    """The page's declared language, unless its words clearly say another.

    Templates carry their lang="en" onto pages written in German or French; read with the
    wrong stoplist, every paragraph is "short" text and the article is lost. The declared
    language gives way when another common language has DECLARED_OUTVOTED times its
    stopword hits and explains COMMON_MIN_SHARE of the words.
    """
    common = tuple(c for c in COMMON_LANGUAGES if c in _stoplist_files())
    if declared not in common:
        return declared
    hits, size = _hits(tokens, common)
    best = max(range(len(common)), key=hits.__getitem__)
    own = hits[common.index(declared)]
    strong = hits[best] >= MIN_HITS and hits[best] >= COMMON_MIN_SHARE * size
    if common[best] != declared and strong and hits[best] >= DECLARED_OUTVOTED * max(own, 1):
        return common[best]
    return declared


# Building the index of every list (99 lists, 170k words) costs a process about 0.27 s;
# without it a page's hits cost about 3 ms (a set intersection per list) against 0.3 ms
# with it. So the first INDEX_AFTER look-ups over a set of lists go without: a short run
# never pays the build, a long one pays at most twice the cheaper of the two (the rent or
# buy rule). The hits are the same either way.
INDEX_AFTER = 100
_lookups: Counter[tuple[str, ...]] = Counter()


def _hits(tokens: list[str], codes: tuple[str, ...]) -> tuple[list[int], int]:
    """The stopword hits of each language of codes in the sample, and the sample's size."""
    sample = tokens[:DETECT_TOKENS]
    counts = Counter(sample)
    _lookups[codes] += 1
    if _lookups[codes] <= INDEX_AFTER:
        lists = (_read_stoplist(code) for code in codes)
        return [sum(counts[w] for w in stop.intersection(counts)) for stop in lists], len(sample)
    index = _stopword_index(codes)
    hits = [0] * len(codes)
    for token, count in counts.items():
        for n in index.get(token, ()):
            hits[n] += count
    return hits, len(sample)


def _best_language(tokens: list[str], codes: tuple[str, ...]) -> tuple[str | None, float]:
    """The language with most stopword hits among codes, and its share of the tokens."""
    hits, size = _hits(tokens, codes)
    best = max(hits, default=0)
    if best < MIN_HITS:
        return None, 0.0
    tied = [codes[n] for n, h in enumerate(hits) if h == best]
    preferred = [code for code in PREFERRED if code in tied]
    return (preferred[0] if preferred else sorted(tied)[0]), best / size


def stopwords_for(language: str | None) -> frozenset[str]:
    """The stoplist of a language, or an empty set when there is none."""
    if language is None:
        return frozenset()
    return _read_stoplist(language)
