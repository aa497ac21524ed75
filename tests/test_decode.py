"""decode.decode: BOMs, UTF-8, declared and detected legacy charsets, tidying, refusals."""

from __future__ import annotations

import codecs
import random

import pytest

from sahelclean.errors import EmptyInputError, InputError
from sahelclean.read.decode import Decoded, decode

FRENCH = "Un élève de Kayes présente son œuvre ; l'entrée coûte 5 €.\n"
# A few sentences of legacy French: long enough for any detector to be sure.
FRENCH_PARAGRAPH = (
    "À Niamey, les élèves du lycée ont présenté leur œuvre collective devant le préfet "
    "de la région.\n"
    "Le projet, financé à hauteur de 3 000 € par une fondation, a été salué par les enseignants.\n"
    "« C'est une réussite », a déclaré la directrice, qui espère répéter l'expérience "
    "l'année prochaine.\n"
    "Les familles étaient nombreuses à assister à la cérémonie, malgré la chaleur.\n"
)


# --- byte order marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec", "charset"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom"],
)
def test_bom_decides_and_is_stripped(bom: bytes, codec: str, charset: str) -> None:
    got = decode(bom + FRENCH.encode(codec))
    assert got == Decoded(FRENCH, charset, "bom")
    assert not got.text.startswith("\ufeff")


def test_bom_beats_a_contradicting_declaration() -> None:
    raw = codecs.BOM_UTF8 + b'<meta charset="windows-1252">' + FRENCH.encode("utf-8")
    got = decode(raw, declared="iso-8859-1")
    assert got.how == "bom"
    assert "élève" in got.text and "œuvre" in got.text and "€" in got.text


# --- UTF-8 ------------------------------------------------------------------------------


def test_valid_utf8_without_declaration() -> None:
    got = decode(FRENCH.encode("utf-8"))
    assert got == Decoded(FRENCH, "utf-8", "utf-8")


def test_plain_ascii_is_utf8() -> None:
    got = decode(b"Rains return to the Sahel.\n")
    assert (got.text, got.how) == ("Rains return to the Sahel.\n", "utf-8")


def test_wrong_meta_declaration_loses_to_valid_utf8() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><p>Un élève, une œuvre, 5 €.</p></body></html>"
    )
    got = decode(page.encode("utf-8"))
    assert got.how == "utf-8"
    assert got.charset == "utf-8"
    assert got.text == page  # no mojibake such as "Ã©"


def test_wrong_transport_declaration_loses_to_valid_utf8() -> None:
    got = decode(FRENCH.encode("utf-8"), declared="iso-8859-1")
    assert (got.text, got.how) == (FRENCH, "utf-8")


# --- declared legacy charsets -----------------------------------------------------------


def test_right_meta_declaration_windows_1252() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Météo</title></head>'
        "<body><p>Un élève, une œuvre, 5 €.</p></body></html>"
    )
    got = decode(page.encode("cp1252"))
    assert got.how == "declared"
    assert got.charset == "cp1252"
    assert got.text == page


def test_transport_declaration_is_used_when_bytes_agree() -> None:
    got = decode(FRENCH.encode("cp1252"), declared="windows-1252")
    assert (got.text, got.charset, got.how) == (FRENCH, "cp1252", "declared")


def test_iso_8859_1_declaration_is_read_as_cp1252() -> None:
    # Byte 0x80 is a C1 control in latin-1 but "€" in cp1252 (WHATWG treats the label so).
    page = '<meta charset="iso-8859-1"><p>Prix : 5 € pour un élève.</p>'
    got = decode(page.encode("cp1252"))
    assert got.how == "declared"
    assert got.text == page


def test_unknown_declaration_is_ignored() -> None:
    page = '<meta charset="klingon-42"><p>' + FRENCH_PARAGRAPH + "</p>"
    got = decode(page.encode("cp1252"))
    assert got.how in ("detected", "fallback")
    assert got.text == page


# --- legacy bytes without declaration ---------------------------------------------------


LATIN1_PARAGRAPH = (
    "À Niamey, les élèves du lycée ont présenté leur travail collectif devant le préfet "
    "de la région.\n"
    "Le projet, financé à hauteur de 3 000 francs par une fondation, a été salué "
    "par les enseignants.\n"
    "« C'est une réussite », a déclaré la directrice, qui espère répéter l'expérience "
    "l'année prochaine.\n"
    "Les familles étaient nombreuses à assister à la cérémonie, malgré la chaleur.\n"
    "Le ministre de l'Éducation a promis de revenir l'an prochain pour voir les progrès "
    "des élèves.\n"
    "Selon lui, ce genre d'initiative montre que l'école peut changer la vie des quartiers "
    "populaires.\n"
)
# The first three sentences alone (about 290 bytes) are already mis-detected (see the xfail).
LATIN1_SHORT = "".join(LATIN1_PARAGRAPH.splitlines(keepends=True)[:3])


@pytest.mark.parametrize(
    ("codec", "text"),
    [("cp1252", FRENCH_PARAGRAPH), ("latin-1", LATIN1_PARAGRAPH)],
    ids=["cp1252", "latin-1"],
)
def test_legacy_french_paragraph_without_declaration(codec: str, text: str) -> None:
    got = decode(text.encode(codec))
    assert got.how in ("detected", "fallback")
    assert got.text == text
    assert "élèves" in got.text


def test_cp1252_euro_and_oe_ligature_without_declaration() -> None:
    got = decode(FRENCH_PARAGRAPH.encode("cp1252"))
    assert "œuvre" in got.text
    assert "3 000 €" in got.text
    assert "Ã" not in got.text and "\ufffd" not in got.text


@pytest.mark.parametrize(
    "text",
    [
        "Un élève",
        "Un élève de Gao a présenté son œuvre au jury.",
        "La météo prévoit une forte chaleur à Ouagadougou cette semaine, "
        "avec des pointes à 44 degrés.",
        LATIN1_SHORT,
    ],
    ids=["two-words", "eleve-oeuvre", "meteo-a", "three-sentences"],
)
def test_short_cp1252_french_line_without_declaration(text: str) -> None:
    assert decode(text.encode("cp1252")).text == text


# --- UTF-16 without BOM -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "charset"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_without_bom_is_detected(codec: str, charset: str) -> None:
    got = decode(FRENCH.encode(codec))
    assert (got.text, got.charset, got.how) == (FRENCH, charset, "detected")


# --- tidying ----------------------------------------------------------------------------


def test_nul_bytes_are_removed() -> None:
    text = "Le fleuve Niger\x00 a débordé à Niamey pendant la nuit de samedi.\x00\n"
    got = decode(text.encode("utf-8"))
    assert "\x00" not in got.text
    assert got.text == "Le fleuve Niger a débordé à Niamey pendant la nuit de samedi.\n"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (b"un\r\ndeux\r\ntrois", "un\ndeux\ntrois"),
        (b"un\rdeux\rtrois\r", "un\ndeux\ntrois\n"),
        (b"un\r\n\r\ndeux\rtrois\n", "un\n\ndeux\ntrois\n"),
    ],
    ids=["crlf", "cr", "mixed"],
)
def test_line_ends_become_lf(raw: bytes, want: str) -> None:
    assert decode(raw).text == want


def test_str_line_ends_become_lf() -> None:
    assert decode("a\r\nb\rc").text == "a\nb\nc"


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [b"", b"   ", b" \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n"],
    ids=["empty", "spaces", "whitespace", "bom-only", "bom-whitespace"],
)
def test_empty_input_raises_naming_the_source(raw: bytes) -> None:
    with pytest.raises(EmptyInputError) as info:
        decode(raw, source="pages/vide.txt")
    assert "pages/vide.txt" in str(info.value)
    assert info.value.source == "pages/vide.txt"


def test_whitespace_only_str_raises_empty() -> None:
    with pytest.raises(EmptyInputError, match=r"dump\.txt"):
        decode(" \n\t ", source="dump.txt")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_binary_data_raises_input_error_naming_the_source(seed: int) -> None:
    rng = random.Random(seed)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000))
    with pytest.raises(InputError) as info:
        decode(png, source="img/logo.png")
    assert type(info.value) is InputError  # not "empty"
    assert "img/logo.png" in str(info.value)
    assert "binary" in str(info.value)


# --- str input --------------------------------------------------------------------------


def test_str_passes_through() -> None:
    got = decode(FRENCH)
    assert got == Decoded(FRENCH, "utf-8", "str")


def test_str_ignores_declaration() -> None:
    got = decode("<meta charset='cp1252'>élève", declared="cp1252")
    assert (got.text, got.how) == ("<meta charset='cp1252'>élève", "str")
