"""textutil: folding, collapsing, tokens, stoplists and the language guess."""

from __future__ import annotations

import pytest

from sahelclean.textutil import collapse, detect_language, fold, stopwords_for, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Élève", "eleve"),
        ("À LIRE AUSSI", "a lire aussi"),
        ("Ségou, Ouagadougou, Tillabéri", "segou, ouagadougou, tillaberi"),
        ("çà et là, où, île, dû", "ca et la, ou, ile, du"),
        ("l’école", "l'ecole"),
        ("‘Mopti’", "'mopti'"),
        ("aujourdʼhui", "aujourd'hui"),
        ("5\u00a0000 francs", "5 000 francs"),
        ("Mopti\u202f: la crue", "mopti : la crue"),
        ("Plain ASCII", "plain ascii"),
    ],
    ids=[
        "acute-grave-upper",
        "capital-a-grave",
        "place-names",
        "cedilla-circumflex",
        "right-quote",
        "single-quotes",
        "modifier-apostrophe",
        "nbsp",
        "narrow-nbsp",
        "ascii",
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_the_length_of_french_text() -> None:
    # Folding must not eat or add characters: rules slice the original text by fold offsets.
    text = "À Niamey, l’élève a présenté son œuvre à 5\u00a0€."
    assert len(fold(text)) == len(text)


def test_fold_removes_combining_accents() -> None:
    assert fold("E\u0301le\u0300ve") == "eleve"


def test_collapse_and_words() -> None:
    assert collapse("  Les \t pluies\u00a0 \n reviennent  ") == "Les pluies reviennent"
    assert words("L'élève de Gao, 12 ans.") == ["l", "élève", "de", "gao", "12", "ans"]


# --- language -----------------------------------------------------------------------------

PARAGRAPHS = {
    "fr": "Les habitants du quartier ont passé la nuit dehors à cause de la chaleur. Le maire a "
    "promis que les coupures de courant seraient moins nombreuses dans les prochains jours, "
    "mais personne ne le croit vraiment.",
    "en": "The residents of the district spent the night outside because of the heat. The mayor "
    "promised that the power cuts would be less frequent in the coming days, but nobody "
    "really believes him.",
    "de": "Die Bewohner des Viertels haben die Nacht wegen der Hitze im Freien verbracht. Der "
    "Bürgermeister hat versprochen, dass die Stromausfälle in den nächsten Tagen seltener "
    "werden, aber niemand glaubt ihm wirklich.",
    "es": "Los vecinos del barrio pasaron la noche en la calle por culpa del calor. El alcalde "
    "prometió que los cortes de luz serían menos frecuentes en los próximos días, pero nadie "
    "le cree de verdad.",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_detect_language(lang: str) -> None:
    assert detect_language(words(PARAGRAPHS[lang])) == lang


@pytest.mark.parametrize(
    "text", ["12 34 56", "", "Mopti Gao Kidal"], ids=["numbers", "empty", "names"]
)
def test_detect_language_none_without_evidence(text: str) -> None:
    assert detect_language(words(text)) is None


def test_stopwords_for_french() -> None:
    fr = stopwords_for("fr")
    assert {"le", "de", "les", "est"} <= fr
    assert "und" not in fr and "nicht" not in fr  # jusText's French list does hold "the"


def test_stopwords_for_english() -> None:
    assert "the" in stopwords_for("en")


def test_stopwords_for_none_or_unknown_is_empty() -> None:
    assert stopwords_for(None) == frozenset()
    assert stopwords_for("xx-unknown") == frozenset()
