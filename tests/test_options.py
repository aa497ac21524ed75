"""options: parse_kinds, the frozen Options value, with_keep and to_dict."""

from __future__ import annotations

import dataclasses
import json

import pytest

from sahelclean.errors import OptionsError
from sahelclean.models import WIDGET_LABELS, Label
from sahelclean.options import Options, parse_kinds


@pytest.mark.parametrize(
    ("kinds", "want"),
    [
        ("related,comments", {Label.RELATED, Label.COMMENTS}),
        (" RELATED ", {Label.RELATED}),
        ("Share , cookie,", {Label.SHARE, Label.COOKIE}),
        ("related,related", {Label.RELATED}),
        ("", set()),
    ],
    ids=["two", "spaces-upper", "mixed-trailing-comma", "duplicate", "empty"],
)
def test_parse_kinds_accepts(kinds: str, want: set[Label]) -> None:
    got = parse_kinds(kinds)
    assert isinstance(got, frozenset)
    assert got == want


def test_parse_kinds_refuses_unknown_and_lists_known_kinds() -> None:
    with pytest.raises(OptionsError) as info:
        parse_kinds("related,bogus")
    message = str(info.value)
    assert "bogus" in message
    for label in WIDGET_LABELS:
        assert str(label) in message
    assert "title" not in message  # article roles are not offered
    assert info.value.exit_code == 2


def test_parse_kinds_refuses_article_role() -> None:
    with pytest.raises(OptionsError) as info:
        parse_kinds("title")
    assert "title" in str(info.value)
    assert "article role" in str(info.value)


@pytest.mark.parametrize("role", ["title", "paragraph"])
def test_parse_kinds_article_role_message_lists_known_kinds(role: str) -> None:
    with pytest.raises(OptionsError) as info:
        parse_kinds(role)
    for label in WIDGET_LABELS:
        assert str(label) in str(info.value)


def test_options_are_frozen() -> None:
    options = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.rail_min_items = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.keep = frozenset({Label.RELATED})  # type: ignore[misc]


def test_options_are_hashable_and_compare_by_value() -> None:
    assert Options() == Options()
    assert hash(Options()) == hash(Options())
    assert Options(rail_min_items=3) != Options()


def test_with_keep_returns_a_new_value() -> None:
    base = Options(rail_min_items=5)
    kept = base.with_keep("comments, related")
    assert kept.keep == {Label.COMMENTS, Label.RELATED}
    assert base.keep == frozenset()
    assert kept.rail_min_items == 5
    assert kept is not base


def test_with_keep_refuses_bad_kinds() -> None:
    with pytest.raises(OptionsError):
        Options().with_keep("related,lead")


def test_to_dict_is_json_serialisable() -> None:
    options = Options(language="fr").with_keep("share,related")
    data = options.to_dict()
    round_trip = json.loads(json.dumps(data))
    assert round_trip == data
    assert data["keep"] == ["related", "share"]
    assert data["language"] == "fr"
    assert data["max_bytes"] == Options().max_bytes
    assert set(data) == {f.name for f in dataclasses.fields(Options)}
