"""A tiny made-up corpus in the layout of shared/corpora (2 pages each in sh, te, fu), for tests."""

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
_LEAD = "The town library reopens on Monday after three years of building work."
_ARTICLE_FU = (
    ("h2", "A building for everyone"),
    ("p", "The new reading room has space for two hundred people and a garden on the roof."),
    ("p", "Children will find their own floor, with games, picture books and a small stage."),
    ("h2", "What comes next"),
    ("p", "The council plans evening opening hours from the autumn if enough staff are hired."),
)
_BOILER = ("Home", "News", "Sport", "Subscribe to our newsletter", "Related stories")

Block = tuple[str, str]  # an HTML tag (with its attributes) and the text inside


def _paragraphs(lines: tuple[str, ...]) -> tuple[Block, ...]:
    """Lines as <p> blocks."""
    return tuple(("p", line) for line in lines)


def _html(title: str, blocks: tuple[Block, ...]) -> str:
    """A small news page: navigation, the article's blocks, a related rail."""
    nav = "".join(f"<li><a href='#'>{b}</a></li>" for b in _BOILER)
    paras = "".join(f"<{tag}>{text}</{tag.split()[0]}>" for tag, text in blocks)
    return (
        f"<html><head><title>{title}</title></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>{title}</h1>{paras}</article>"
        "<aside><h2>Related stories</h2><ul><li>Another story about roads</li></ul></aside>"
        "<footer>Copyright 2024 The Valley Times</footer></body></html>"
    )


def _dump(title: str, blocks: tuple[Block, ...]) -> str:
    """The page's visible text, one block per line."""
    lines = (text for _, text in blocks)
    return "\n".join(
        (*_BOILER, title, *lines, "Related stories", "Another story about roads", "Copyright")
    )


def _write_page(
    corpus_dir: Path,
    doc_id: str,
    lang: str,
    title: str,
    blocks: tuple[Block, ...],
    gold: dict[str, object],
    host: str = "example.org",
) -> dict[str, object]:
    """Write one page's files and return its manifest entry."""
    page = corpus_dir / doc_id
    page.mkdir(parents=True)
    html = _html(title, blocks)
    dump = _dump(title, blocks)
    (page / "page.html").write_text(html, encoding="utf-8")
    (page / "innertext.txt").write_text(dump, encoding="utf-8")
    (page / "gettext.txt").write_text(dump, encoding="utf-8")
    url = f"https://{host}/{corpus_dir.name}/{doc_id}"
    head = {"corpus": corpus_dir.name, "doc_id": doc_id, "url": url, "lang": lang, "title": title}
    full: dict[str, object] = {**head, **gold}
    (page / "gold.json").write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    return {"doc_id": doc_id, "url": url, "lang": lang, "split": "dev", "body_state": "ok"}


def _fu_gold(lead: str | None, blocks: tuple[Block, ...]) -> dict[str, object]:
    """fu's gold: lead, intertitles, paragraphs, and the body that holds them in page order."""
    texts = [text for _, text in blocks]
    return {
        "lead": lead,
        "headings": [text for tag, text in blocks if tag == "h2"],
        "paragraphs": [text for tag, text in blocks if tag == "p"],
        "body": "\n\n".join(([lead] if lead else []) + texts),
        "with": None,
        "without": None,
    }


def write_fake_corpus(root: Path) -> Path:
    """Create root/sh, root/te and root/fu with two pages each (one te page in French, one fu
    page with a lead, the fu pages on two sites); return root."""
    for corpus in ("sh", "te", "fu"):
        (root / corpus).mkdir(parents=True, exist_ok=True)
    sh = [
        _write_page(root / "sh", "sh1", "en", "Bridge plan approved", _paragraphs(_ARTICLE),
                    {"body": "\n\n".join(_ARTICLE), "with": None, "without": None}),
        _write_page(root / "sh", "sh2", "en", "Bridge plan delayed", _paragraphs(_ARTICLE[:2]),
                    {"body": "\n\n".join(_ARTICLE[:2]), "with": None, "without": None}),
    ]  # fmt: skip
    te = [
        _write_page(root / "te", "te-fr", "fr", "Nouvelle médiathèque", _paragraphs(_ARTICLE_FR),
                    {"body": None, "with": [_ARTICLE_FR[0][:40], _ARTICLE_FR[2][:30]],
                     "without": ["Subscribe to our newsletter", "Another story about roads"]}),
        _write_page(root / "te", "te-de", "de", "Neue Schwimmhalle", _paragraphs(_ARTICLE_DE),
                    {"body": None, "with": [_ARTICLE_DE[1][:35]],
                     "without": ["Related stories", "Copyright"]}),
    ]  # fmt: skip
    with_lead = (("p class='lead'", _LEAD), *_ARTICLE_FU)
    fu = [
        _write_page(root / "fu", "fu1", "en", "Library reopens", with_lead,
                    _fu_gold(_LEAD, _ARTICLE_FU), host="www.valley-times.example"),
        _write_page(root / "fu", "fu2", "en", "Library hours", _ARTICLE_FU[3:],
                    _fu_gold(None, _ARTICLE_FU[3:]), host="hill-post.example"),
    ]  # fmt: skip
    for corpus, entries in (("sh", sh), ("te", te), ("fu", fu)):
        lines = "".join(json.dumps(e) + "\n" for e in entries)
        (root / corpus / "manifest.jsonl").write_text(lines, encoding="utf-8")
    return root
