"""A tiny made-up corpus in the layout of shared/corpora (2 sh pages, 2 te pages), for tests."""

from __future__ import annotations

import json
from pathlib import Path

_ARTICLE = (
    "The river council met on Tuesday to discuss the new bridge over the valley.",
    "Engineers said the work would take two years and cost less than planned.",
    "Residents welcomed the plan but asked for a safer crossing near the school.",
)
_ARTICLE_FR = (
    "Le conseil municipal a voté mardi le budget de la nouvelle médiathèque.",
    "Les travaux commenceront au printemps et dureront environ dix-huit mois.",
    "Les habitants ont salué le projet, mais réclament des horaires plus larges.",
)
_ARTICLE_DE = (
    "Der Stadtrat hat am Dienstag den Bau einer neuen Schwimmhalle beschlossen.",
    "Die Arbeiten sollen im Frühjahr beginnen und rund zwei Jahre dauern.",
    "Viele Anwohner begrüßten den Plan und wünschen sich längere Öffnungszeiten.",
)
_BOILER = ("Home", "News", "Sport", "Subscribe to our newsletter", "Related stories")


def _html(title: str, lines: tuple[str, ...]) -> str:
    """A small news page: navigation, article paragraphs, a related rail."""
    nav = "".join(f"<li><a href='#'>{b}</a></li>" for b in _BOILER)
    paras = "".join(f"<p>{line}</p>" for line in lines)
    return (
        f"<html><head><title>{title}</title></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>{title}</h1>{paras}</article>"
        "<aside><h2>Related stories</h2><ul><li>Another story about roads</li></ul></aside>"
        "<footer>Copyright 2024 The Valley Times</footer></body></html>"
    )


def _dump(title: str, lines: tuple[str, ...]) -> str:
    """The page's visible text, one block per line."""
    return "\n".join(
        (*_BOILER, title, *lines, "Related stories", "Another story about roads", "Copyright")
    )


def _write_page(
    corpus_dir: Path,
    doc_id: str,
    lang: str,
    title: str,
    lines: tuple[str, ...],
    gold: dict[str, object],
) -> dict[str, object]:
    """Write one page's files and return its manifest entry."""
    page = corpus_dir / doc_id
    page.mkdir(parents=True)
    html = _html(title, lines)
    dump = _dump(title, lines)
    (page / "page.html").write_text(html, encoding="utf-8")
    (page / "innertext.txt").write_text(dump, encoding="utf-8")
    (page / "gettext.txt").write_text(dump, encoding="utf-8")
    url = f"https://example.org/{corpus_dir.name}/{doc_id}"
    head = {"corpus": corpus_dir.name, "doc_id": doc_id, "url": url, "lang": lang, "title": title}
    full: dict[str, object] = {**head, **gold}
    (page / "gold.json").write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    return {"doc_id": doc_id, "url": url, "lang": lang, "split": "dev", "body_state": "ok"}


def write_fake_corpus(root: Path) -> Path:
    """Create root/sh and root/te with two pages each (one te page in French); return root."""
    for corpus in ("sh", "te"):
        (root / corpus).mkdir(parents=True, exist_ok=True)
    sh = [
        _write_page(root / "sh", "sh1", "en", "Bridge plan approved", _ARTICLE,
                    {"body": "\n\n".join(_ARTICLE), "with": None, "without": None}),
        _write_page(root / "sh", "sh2", "en", "Bridge plan delayed", _ARTICLE[:2],
                    {"body": "\n\n".join(_ARTICLE[:2]), "with": None, "without": None}),
    ]  # fmt: skip
    te = [
        _write_page(root / "te", "te-fr", "fr", "Nouvelle médiathèque", _ARTICLE_FR,
                    {"body": None, "with": [_ARTICLE_FR[0][:40], _ARTICLE_FR[2][:30]],
                     "without": ["Subscribe to our newsletter", "Another story about roads"]}),
        _write_page(root / "te", "te-de", "de", "Neue Schwimmhalle", _ARTICLE_DE,
                    {"body": None, "with": [_ARTICLE_DE[1][:35]],
                     "without": ["Related stories", "Copyright"]}),
    ]  # fmt: skip
    for corpus, entries in (("sh", sh), ("te", te)):
        lines = "".join(json.dumps(e) + "\n" for e in entries)
        (root / corpus / "manifest.jsonl").write_text(lines, encoding="utf-8")
    return root
