"""The label catalogue: every key in every language, every placeholder the same."""

from __future__ import annotations

import string

import pytest

from sqaudit.groups import Reason
from sqaudit.i18n import CATALOGUE, DIMENSION_NAMES, REASONS, family, format_time, reason_text


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("table", [CATALOGUE, DIMENSION_NAMES, REASONS], ids=["labels", "dimensions", "reasons"])
def test_every_language_has_every_key_with_the_same_placeholders(table: dict) -> None:
    english = table["en"]
    for lang, entries in table.items():
        assert set(entries) == set(english), lang
        for key, text in entries.items():
            assert text.strip(), (lang, key)
            assert fields(text) == fields(english[key]), (lang, key)


@pytest.mark.parametrize(("given", "expected"), [("zh-Hant", "zh"), ("ZH", "zh"), ("en-GB", "en"), ("fr", "en"),
                                                 (None, "en"), ("und", "en")])
def test_family(given: str | None, expected: str) -> None:
    assert family(given) == expected


@pytest.mark.parametrize(("seconds", "expected"), [(None, ""), (0, "0:00"), (65.9, "1:05"), (3725, "1:02:05")])
def test_format_time(seconds: float | None, expected: str) -> None:
    assert format_time(seconds) == expected


def test_reasons_in_both_languages() -> None:
    few, wide = Reason("few", 4, 10), Reason("wide", 14.63, 10)
    assert (str(few), str(wide)) == ("n=4 < 10 contacts", "95% CI ±14.6 is wider than ±10")
    assert reason_text(few, "zh") == "样本数 4 < 10" and "宽于 ±10" in reason_text(wide, "zh-Hant")
