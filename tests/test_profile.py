"""Site profiles: learning lines across the pages of a site, then dropping its boilerplate."""
# ruff: noqa: E501 (fixture sentences are kept whole, one per line)

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from sahelclean import Options, clean
from sahelclean.batch.learn import Learner, learn, learn_page
from sahelclean.classify.sitepass import thresholds
from sahelclean.cli import main
from sahelclean.models import Document, Label, RawPage
from sahelclean.sites.profile import (
    Counts,
    PageLines,
    count_pages,
    line_hash,
    normalise,
    page_lines,
    site_of,
)
from sahelclean.sites.profiledb import FrozenProfile, ProfileError, close_profiles, write_counts


@dataclass(frozen=True)
class Site:
    """A fake news site: what every page prints, and one article per page."""

    host: str
    head: tuple[str, ...]  # tagline and menu, above the article
    tail: tuple[str, ...]  # read-more block, newsletter line and footer, below it
    articles: tuple[tuple[str, ...], ...]  # title then paragraphs
    quote: str  # a sentence two articles quote word for word
    shared: tuple[str, ...]  # the lines no rule knows, that only the profile can drop
    pledge: str  # a sentence every article ends with: the classifier alone keeps it


# A sentence two articles of the site quote word for word, as a paragraph of its own.
QUOTE_FR = "« Nous ne laisserons personne au bord de la route, ni en ville ni dans les villages du fleuve. »"
QUOTE_EN = "\u201cNobody will be left by the side of the road, not in town and not in the river villages.\u201d"

FR = Site(
    host="echo-du-fleuve.example",
    head=("L'Écho du fleuve", "Le quotidien des deux rives depuis 1987", "Accueil",
          "Régions", "Pirogues et marchés", "Nos reporters"),
    tail=("À lire aussi", "La saison des mangues s'annonce précoce", "Le bac de Ségou reprend du service",
          "Chaque matin, le journal des deux rives dans votre boîte aux lettres électronique",
          "© 2024 L'Écho du fleuve, tous droits réservés"),
    articles=(
        ("Les maraîchers de Kayes face à la crue",
         "La montée rapide des eaux a surpris les maraîchers installés sur les berges, qui ont perdu en une nuit une grande partie de leurs planches de salade et d'oignons.",
         "Les producteurs réclament une aide pour replanter avant la fin de la saison, faute de quoi les prix grimperont sur les marchés de la ville dès le mois prochain."),
        ("Un nouveau pont relie enfin les deux quartiers",
         "Après trois ans de travaux, le pont a été ouvert à la circulation mardi matin, en présence des habitants venus nombreux traverser à pied pour la première fois.",
         QUOTE_FR,
         "C'est ce qu'a promis la ministre des transports devant la foule rassemblée sur la rive gauche.",
         "Les commerçants espèrent que la nouvelle voie ramènera des clients qui faisaient jusqu'ici un long détour par le bac."),
        ("La coopérative des tisserandes double sa production",
         "Grâce à deux métiers neufs financés par les tisserandes elles-mêmes, la coopérative a doublé sa production et livre ses pagnes aux boutiques de la capitale chaque semaine.",
         "La présidente veut maintenant former une vingtaine de jeunes femmes du village voisin, qui ont déjà demandé à rejoindre l'atelier dès la rentrée."),
        ("Les écoles rurales attendent leurs manuels",
         "À deux semaines de la rentrée, plusieurs écoles des villages du cercle n'ont toujours pas reçu les manuels de lecture promis par l'académie au printemps dernier.",
         QUOTE_FR,
         "La ministre l'a répété, interrogée sur le retard par les parents d'élèves lors de sa visite.",
         "Les enseignants photocopient en attendant les pages des anciens livres, à leurs frais, pour que les élèves puissent commencer l'année sans perdre de temps."),
        ("Le festival du fleuve accueille ses premiers musiciens",
         "Les premières troupes sont arrivées en pirogue samedi soir, accueillies par les tambours des pêcheurs sur la grève illuminée pour l'occasion par des centaines de lampes.",
         "Les organisateurs attendent plus de dix mille visiteurs cette année, soit deux fois plus que lors de l'édition précédente, et ont ouvert un second camping."),
        ("La pêche reprend après la saison des pluies",
         "Les pêcheurs ont remis leurs filets à l'eau lundi, après trois mois d'interdiction destinés à laisser les poissons se reproduire dans les bras morts du fleuve.",
         "Les premières prises sont jugées encourageantes par la fédération, qui rappelle toutefois que les mailles trop fines restent interdites toute l'année."),
    ),
    quote=QUOTE_FR,
    pledge="Les reportages de L'Écho du fleuve sont financés par ses lecteurs et par personne d'autre.",
    shared=("L'Écho du fleuve", "Le quotidien des deux rives depuis 1987", "Pirogues et marchés",
            "Nos reporters", "La saison des mangues s'annonce précoce",
            "Le bac de Ségou reprend du service"),
)  # fmt: skip

EN = Site(
    host="riverside-courier.example",
    head=("The Riverside Courier", "Independent news for the valley since 1952", "Home",
          "Valley", "Farms and Markets", "Our Reporters"),
    tail=("Read more", "Mango season looks set to start early", "The old ferry is running again",
          "Get the valley's news in your inbox every morning before breakfast",
          "© 2024 The Riverside Courier. All rights reserved."),
    articles=(
        ("Market gardeners count the cost of the flood",
         "The river rose so fast that growers on the banks lost most of their lettuce and onion beds overnight, and many of them had only just finished planting.",
         "They are asking for help to replant before the end of the season, or prices at the town markets will climb sharply as early as next month."),
        ("A new bridge finally links the two districts",
         "After three years of work the bridge opened to traffic on Tuesday morning, with crowds of residents walking across it for the very first time.",
         QUOTE_EN,
         "That was the promise the transport minister made to the crowd gathered on the left bank of the river.",
         "Shopkeepers hope the new crossing will bring back customers who used to make a long detour to take the ferry."),
        ("The weavers' cooperative doubles its output",
         "Thanks to two new looms paid for by the members themselves, the cooperative now delivers its cloth to shops in the capital every single week.",
         "Its chair now wants to train twenty young women from the next village, who have already asked to join the workshop when the school year starts."),
        ("Rural schools are still waiting for textbooks",
         "Two weeks before term starts, several village schools in the district have still not received the reading books the education office promised in the spring.",
         QUOTE_EN,
         "The minister said it again when parents asked about the delay during her visit to the district.",
         "Teachers are photocopying pages of the old books at their own expense so that pupils can start the year without losing any time."),
        ("The river festival welcomes its first musicians",
         "The first bands arrived by canoe on Saturday evening, greeted by the fishermen's drums on a beach lit for the occasion by hundreds of lamps.",
         "The organisers expect more than ten thousand visitors this year, twice as many as last time, and have opened a second campsite near the water."),
        ("Fishing resumes after the rainy season",
         "Fishermen put their nets back in the water on Monday after a three-month ban meant to let the fish breed in the quiet backwaters of the river.",
         "The first catches look encouraging according to the federation, which reminds everyone that nets with very fine mesh remain banned all year round."),
    ),
    quote=QUOTE_EN,
    pledge="The reporting of the Riverside Courier is paid for by its readers and by nobody else.",
    shared=("The Riverside Courier", "Independent news for the valley since 1952",
            "Farms and Markets", "Our Reporters", "Mango season looks set to start early",
            "The old ferry is running again"),
)  # fmt: skip

SITES = pytest.mark.parametrize("site", [FR, EN], ids=["fr", "en"])


def page_text(site: Site, n: int) -> str:
    """Page n of the site as an innerText dump: one line per block, <p> set apart."""
    title, *paras = site.articles[n]
    body = "\n\n".join([title, *paras, site.pledge])
    return "\n".join(site.head) + "\n\n" + body + "\n\n" + "\n".join(site.tail) + "\n"


def url(site: Site, n: int) -> str:
    """The address of page n."""
    return f"https://www.{site.host}/news/{n}"


def write_jsonl(path: Path, site: Site, pages: range) -> Path:
    """The pages as JSONL records with their URL."""
    with path.open("w", encoding="utf-8") as fh:
        for n in pages:
            record = {"id": str(n), "url": url(site, n), "text": page_text(site, n)}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(autouse=True)
def _fresh_profiles() -> Iterator[None]:
    """Each test reads its profiles afresh."""
    yield
    close_profiles()


def learned(tmp_path: Path, site: Site, pages: range = range(6), name: str = "site.db") -> Path:
    """A profile learned from the site's pages."""
    db = tmp_path / name
    write_counts(count_pages(page_lines_of(site, n) for n in pages), db)
    return db


def page_lines_of(site: Site, n: int) -> PageLines:
    """What learning keeps of page n."""
    return learn_page(RawPage(page_text(site, n), source=f"p{n}.txt", url=url(site, n)))


def cleaned(site: Site, n: int, db: Path | None, **changes: object) -> Document:
    """Page n cleaned, with the profile when one is given."""
    options = replace(Options(profile=str(db) if db else None), **changes)  # type: ignore[arg-type]
    return clean(page_text(site, n), source=f"p{n}.txt", url=url(site, n), options=options)


# ------------------------------------------------------------ pure parts


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (("https://www.example.org/a/b", None), "example.org"),
        (("http://News.Example.COM:8080/x", None), "news.example.com"),
        (("https://web.archive.org/web/2016/http://www.blog.example/post", None), "blog.example"),
        ((None, "/data/site.example/page1.txt"), "site.example"),
        (("hard::page.html", "/data/crawl/dump.jsonl:12"), "crawl"),
        ((None, "/data/warcs/crawl.warc.gz#<urn:uuid:1>"), "warcs"),
    ],
    ids=["www", "case-port", "wayback", "directory", "not-a-url", "warc-record"],
)
def test_site_of(given: tuple[str | None, str | None], expected: str) -> None:
    assert site_of(*given) == expected


def test_normalise_folds_case_accents_spaces_and_digits() -> None:
    assert normalise("  © 2024  L'Écho\u00a0du Fleuve ") == "© 0 l'echo du fleuve"
    assert line_hash("© 2023 L’Écho du fleuve") == line_hash("© 2024 l'echo  du FLEUVE")
    assert line_hash("Accueil") != line_hash("Accueils")


def test_a_page_counts_each_line_once_and_is_known_by_its_url() -> None:
    first = page_lines(["Menu", "Menu", "Text of the page."], "https://www.a.example/1#top", None)
    assert len(first.lines) == 2 and first.site == "a.example"
    again = page_lines(["Menu", "Changed text."], "https://a.example/1", None)
    assert again.page != first.page  # www. is the site's, not the page's: another address
    assert page_lines(["x"], "https://www.a.example/1", None).page == first.page


def test_merge_counts_a_page_once_and_changes_neither_side() -> None:
    a = page_lines(["menu", "one"], "https://s.example/1", None)
    b = page_lines(["menu", "two"], "https://s.example/2", None)
    left, right = count_pages([a, b]), count_pages([b])
    merged = left.merge(right)
    assert merged.sites["s.example"].line_counts() == {
        line_hash("menu"): 2, line_hash("one"): 1, line_hash("two"): 1,
    }  # fmt: skip
    assert left.n_pages == 2 and right.n_pages == 1 and merged.n_pages == 2


# ------------------------------------------------------------ learning and cleaning


@SITES
def test_shared_lines_go_as_site_boilerplate_with_counts(tmp_path: Path, site: Site) -> None:
    db = learned(tmp_path, site)
    doc = cleaned(site, 1, db)
    removed = {line: r for r in doc.removed for line in r.lines}
    for line in site.shared:
        assert line in removed, line
        assert line not in doc.text
    by_profile = [r for r in doc.removed if r.kind is Label.SITE_BOILERPLATE]
    assert by_profile, [(r.kind, r.reason) for r in doc.removed]
    for r in by_profile:
        assert r.reason == f"seen on 6 of 6 pages of {site.host}"
    assert site.quote in doc.text  # quoted on two pages only: still the article's


@SITES
def test_the_article_itself_is_unchanged(tmp_path: Path, site: Site) -> None:
    db = learned(tmp_path, site)
    for n in (1, 3):  # the two pages with the shared quote
        title, *paras = site.articles[n]
        doc = cleaned(site, n, db)
        assert doc.title == title
        assert [p for s in doc.sections for p in s.paragraphs] == paras


@SITES
def test_the_profile_drops_what_the_page_alone_cannot_tell(tmp_path: Path, site: Site) -> None:
    plain, profiled = cleaned(site, 2, None), cleaned(site, 2, learned(tmp_path, site))
    assert not any(r.kind is Label.SITE_BOILERPLATE for r in plain.removed)
    assert site.pledge in plain.text  # prose after the article: the page alone cannot tell
    assert site.pledge not in profiled.text
    (pledge,) = [r for r in profiled.removed if site.pledge in r.lines]
    assert pledge.kind is Label.SITE_BOILERPLATE
    assert profiled.text.replace("\n", "") == plain.text.replace(site.pledge, "").replace("\n", "")


@SITES
def test_a_line_on_too_few_pages_or_too_small_a_share_stays(tmp_path: Path, site: Site) -> None:
    db = learned(tmp_path, site, range(2))
    # two pages: enough for the menu and the footer, under profile_prose_min_pages for the
    # sentence every article ends with
    doc = cleaned(site, 1, db)
    gone = [line for r in doc.removed if r.kind is Label.SITE_BOILERPLATE for line in r.lines]
    assert gone and all(line in site.head or not line.endswith(".") for line in gone)
    assert site.pledge in doc.text
    doc = cleaned(site, 1, db, profile_min_pages=3)
    assert not any(r.kind is Label.SITE_BOILERPLATE for r in doc.removed)
    strict = cleaned(
        site, 1, learned(tmp_path, site, name="all.db"), profile_min_pages=7,
        profile_prose_min_pages=7,
    )  # fmt: skip
    assert not any(r.kind is Label.SITE_BOILERPLATE for r in strict.removed)


@SITES
def test_prose_needs_a_stricter_share(tmp_path: Path, site: Site) -> None:
    db = learned(tmp_path, site)
    # the quote is on 2 of 6 pages: with a low floor it would pass the widget share, not prose
    doc = cleaned(site, 1, db, profile_min_pages=2, profile_min_share=0.3)
    assert site.quote in doc.text
    doc = cleaned(site, 1, db, profile_min_share=0.3, profile_prose_share=0.3)
    assert site.quote in doc.text  # on 2 pages: under profile_prose_min_pages
    doc = cleaned(
        site, 1, db, profile_min_share=0.3, profile_prose_share=0.3, profile_prose_min_pages=2
    )
    assert site.quote not in doc.text


@SITES
def test_learning_again_is_idempotent_and_incremental(tmp_path: Path, site: Site) -> None:
    db = learned(tmp_path, site, range(4))
    assert write_counts(count_pages(page_lines_of(site, n) for n in range(4)), db) == 0
    assert write_counts(count_pages(page_lines_of(site, n) for n in range(2, 6)), db) == 2
    assert dump(db) == dump(learned(tmp_path, site, name="once.db"))


def dump(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Sites and line counts of a profile, comparable across files."""
    with sqlite3.connect(db) as con:
        sites = con.execute("SELECT name, pages FROM sites ORDER BY name").fetchall()
        lines = con.execute(
            "SELECT s.name, l.hash, l.pages FROM lines l JOIN sites s ON s.id = l.site "
            "ORDER BY 1, 2"
        ).fetchall()
    return sites, lines


def test_learner_writes_in_batches(tmp_path: Path) -> None:
    learner = Learner(tmp_path / "p.db", batch=4)
    for n in range(6):
        learner.add(page_lines_of(FR, n))
    assert learner.added == 4 and learner.held == 2
    learner.flush()
    assert learner.added == 6
    view = FrozenProfile(tmp_path / "p.db").site(FR.host, thresholds(Options()))
    assert view is not None and view.pages == 6
    assert view.counts[line_hash(FR.pledge)] == 6
    assert line_hash(FR.articles[0][1]) not in view.counts  # under the floor: not loaded


# ------------------------------------------------------------ concurrency and errors

WRITER = """
import sys
from sahelclean.batch.learn import learn
learn(sys.argv[2:], sys.argv[1], batch=2)
"""


def test_two_processes_learning_at_once_count_like_one(tmp_path: Path) -> None:
    fr = write_jsonl(tmp_path / "fr.jsonl", FR, range(6))
    en = write_jsonl(tmp_path / "en.jsonl", EN, range(6))
    both = tmp_path / "both.db"
    inputs = [str(fr), str(en)]
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(both), *order])
        for order in (inputs, inputs[::-1])
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    sequential = tmp_path / "seq.db"
    learn(inputs, sequential)
    assert dump(both) == dump(sequential)
    assert dict(dump(both)[0]) == {FR.host: 6, EN.host: 6}


def test_missing_or_damaged_profiles_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"nope\.db: the site profile does not exist"):
        FrozenProfile(tmp_path / "nope.db")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ProfileError, match=r"bad\.db: the site profile is damaged"):
        FrozenProfile(bad)
    with pytest.raises(ProfileError, match=r"bad\.db: the site profile is damaged"):
        write_counts(Counts(), bad)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ProfileError, match=r"other\.db: not a sahelclean site profile"):
        FrozenProfile(other)


def test_a_locked_profile_is_a_one_line_error(tmp_path: Path) -> None:
    db = learned(tmp_path, FR)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(ProfileError, match=r"site\.db: the site profile is locked"):
            write_counts(count_pages([page_lines_of(EN, 0)]), db, busy=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ------------------------------------------------------------ command line


def test_cli_learn_then_clean_with_profile(tmp_path: Path) -> None:
    runner = CliRunner()
    src = write_jsonl(tmp_path / "fr.jsonl", FR, range(6))
    db = tmp_path / "site.db"
    result = runner.invoke(main, ["learn", str(src), "--profile", str(db)])
    assert result.exit_code == 0, result.output
    assert "6 pages (6 new)" in result.stderr and "1 site" in result.stderr
    page = tmp_path / "page.txt"
    page.write_text(page_text(FR, 3), encoding="utf-8")
    result = runner.invoke(
        main, ["clean", str(page), "--profile", str(db), "-f", "json", "--language", "fr"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    # no URL: the site is the page's directory, which the profile does not know
    assert not any(r["kind"] == "site-boilerplate" for r in doc["removed"])
    site_dir = tmp_path / FR.host
    site_dir.mkdir()
    (site_dir / "p3.txt").write_text(page_text(FR, 3), encoding="utf-8")
    result = runner.invoke(main, ["learn", str(src), "--profile", str(db)])
    assert "6 pages (0 new)" in result.stderr
    result = runner.invoke(
        main, ["clean", str(site_dir / "p3.txt"), "--profile", str(db), "-f", "json"]
    )
    removed = json.loads(result.stdout)["removed"]
    # no URL, but the page's directory is named after the site: the profile speaks
    assert "seen on 6 of 6 pages of echo-du-fleuve.example" in {r["reason"] for r in removed}


def test_cli_clean_learn_counts_pages_as_they_pass(tmp_path: Path) -> None:
    runner = CliRunner()
    src = write_jsonl(tmp_path / "en.jsonl", EN, range(6))
    db = tmp_path / "cron.db"
    args = ["clean", str(src), "--profile", str(db), "--learn", "-f", "jsonl", "-j", "2"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert dump(db)[0] == [(EN.host, 6)]
    close_profiles()
    second = runner.invoke(main, args)  # the next cron run: the profile now speaks
    assert dump(db)[0] == [(EN.host, 6)]  # the same pages are not counted twice
    docs = [json.loads(line) for line in second.stdout.splitlines()]
    reasons = {r["reason"] for d in docs for r in d["removed"] if r["kind"] == "site-boilerplate"}
    assert reasons == {f"seen on 6 of 6 pages of {EN.host}"}
    assert all(EN.quote in d["text"] for d in (docs[1], docs[3]))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clean", "IN", "--profile", "missing.db"], "missing.db: the site profile does not exist"),
        (["clean", "IN", "--profile", "bad.db"], "bad.db: the site profile is damaged"),
        (["clean", "IN", "--learn"], "--learn needs --profile"),
        (["learn", "IN", "--profile", "bad.db"], "bad.db: the site profile is damaged"),
        (["learn", "IN"], "Missing option '--profile'"),
    ],
    ids=["missing", "damaged", "learn-without-profile", "learn-damaged", "learn-no-profile"],
)
def test_cli_profile_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "bad.db").write_bytes(b"garbage " * 200)
    page = tmp_path / "page.txt"
    page.write_text(page_text(FR, 0), encoding="utf-8")
    args = [str(page) if a == "IN" else str(tmp_path / a) if a.endswith(".db") else a for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1


def html_page(site: Site, n: int) -> str:
    """Page n of the site as HTML: header, article, aside and footer."""
    title, *paras = site.articles[n]
    head = "".join(f"<li><a href='/s{i}'>{h}</a></li>" for i, h in enumerate(site.head[2:]))
    body = "".join(f"<p>{p}</p>" for p in [*paras, site.pledge])
    tail = "".join(f"<li><a href='/t{i}'>{t}</a></li>" for i, t in enumerate(site.tail[1:3]))
    return (
        f"<html><head><title>{title}</title></head><body>"
        f"<header><p>{site.head[0]}</p><p>{site.head[1]}</p><nav><ul>{head}</ul></nav></header>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<aside><h2>{site.tail[0]}</h2><ul>{tail}</ul><p>{site.tail[3]}</p></aside>"
        f"<footer><p>{site.tail[4]}</p></footer></body></html>"
    )


@SITES
def test_html_pages_learn_their_visible_blocks(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "html.db"
    pages = (RawPage(html_page(site, n), source=f"p{n}.html", url=url(site, n)) for n in range(6))
    assert write_counts(count_pages(learn_page(p) for p in pages), db) == 6
    options = Options(profile=str(db))
    doc = clean(html_page(site, 4), source="p4.html", url=url(site, 4), options=options)
    assert site.pledge not in doc.text and site.head[1] not in doc.text
    assert all(p in doc.text for p in site.articles[4][1:])
    kinds = {r.kind for r in doc.removed if site.pledge in r.lines}
    assert kinds == {Label.SITE_BOILERPLATE}


def test_keep_site_boilerplate_puts_it_back(tmp_path: Path) -> None:
    db = learned(tmp_path, EN)
    doc = cleaned(EN, 2, db, keep=frozenset({Label.SITE_BOILERPLATE}))
    assert EN.pledge in doc.text


@SITES
def test_a_sentence_on_two_pages_goes_only_beside_the_sites_boilerplate(
    tmp_path: Path, site: Site
) -> None:
    """Two pages that both quote a sentence and both end on the site's sign-off, set just
    above its tagline: the sign-off goes with the tagline, the quote (between the
    articles' own paragraphs) stays."""

    def text(n: int) -> str:
        title, *paras = site.articles[n]
        body = "\n\n".join([title, *paras, site.pledge, site.head[1]])
        return "\n".join(site.head) + "\n\n" + body + "\n\n" + "\n".join(site.tail) + "\n"

    pages = [RawPage(text(n), source=f"p{n}.txt", url=url(site, n)) for n in (1, 3)]
    db = tmp_path / "two.db"
    write_counts(count_pages(learn_page(p) for p in pages), db)
    doc = clean(text(1), source="p1.txt", url=url(site, 1), options=Options(profile=str(db)))
    assert site.quote in doc.text
    assert site.pledge not in doc.text
    (gone,) = [r for r in doc.removed if site.pledge in r.lines]
    assert gone.kind is Label.SITE_BOILERPLATE
    assert "beside the site's other boilerplate" in gone.reason
