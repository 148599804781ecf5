"""Typed accessors for validating YAML data that record problems instead of raising.

Every accessor takes the value's key path, so a problem is reported where it was written
(``file:line:col: key.path: message (hint)``), and the validator goes on to find the next.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqaudit.errors import did_you_mean
from sqaudit.rubric.yamlsrc import KeyPath, YamlDoc
from sqaudit.text import language_family

LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Checker:
    """Small typed accessors that record a problem instead of raising."""

    def __init__(self, doc: YamlDoc):
        self.doc = doc

    def report(self, path: KeyPath, message: str, hint: str | None = None, *, key: bool = False) -> None:
        self.doc.problems.append(self.doc.problem(path, message, hint, key=key))

    def keys(self, data: Mapping[str, object], path: KeyPath, allowed: tuple[str, ...]) -> None:
        for key in data:
            if key not in allowed:
                self.report(path + (key,), f"unknown key '{key}'", _suggest(key, allowed), key=True)

    def string(self, data: Mapping[str, object], key: str, path: KeyPath, *, required: bool = False,
               default: str = "") -> str:
        if key not in data or data[key] is None:
            if required:
                self.report(path, f"missing required key '{key}'")
            return default
        value = data[key]
        word = self.doc.bool_words.get(path + (key,))
        if isinstance(value, bool) and word:
            self.report(path + (key,), f"'{word}' here is a YAML 1.1 boolean, not text", f"quote it: \"{word}\"")
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("version",):
            return str(value)
        if not isinstance(value, str):
            self.report(path + (key,), f"must be text, not {type(value).__name__}")
            return default
        return value

    def number(self, data: Mapping[str, object], key: str, path: KeyPath, default: float,
               low: float | None = None, high: float | None = None) -> float:
        value = data.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(path + (key,), "must be a number")
            return default
        if (low is not None and value < low) or (high is not None and value > high):
            self.report(path + (key,), f"must be between {low:g} and {high:g}" if high is not None
                        else f"must be at least {low:g}")
            return default
        return float(value)

    def choice(self, data: Mapping[str, object], key: str, path: KeyPath, choices: tuple[str, ...],
               default: str | None) -> str | None:
        value = self.string(data, key, path, default=default or "")
        if key in data and data[key] is not None and value and value not in choices:
            self.report(path + (key,), f"'{value}' is not one of {', '.join(choices)}", did_you_mean(value, choices))
            return default
        return value or default

    def text_list(self, value: object, path: KeyPath) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.report(path, "must be a list of text")
            return []
        out = []
        for i, item in enumerate(value):
            word = self.doc.bool_words.get(path + (i,))
            if isinstance(item, bool) and word:
                self.report(path + (i,), f"'{word}' here is a YAML 1.1 boolean, not text", f"quote it: \"{word}\"")
            elif not isinstance(item, str) or not item.strip():
                self.report(path + (i,), "must be non-empty text")
            else:
                out.append(item)
        return out

    def per_language(self, value: object, path: KeyPath) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            self.report(path, "must be a mapping language -> list of phrases, e.g. {en: [...], zh: [...]}")
            return {}
        out = {}
        for lang, items in value.items():
            if not LANG_RE.match(lang):
                self.report(path + (lang,), f"'{lang}' is not a language tag (en, zh, ...)", key=True)
                continue
            out[language_family(lang)] = out.get(language_family(lang), []) + self.text_list(items, path + (lang,))
        return out


# words rubric authors reach for, and the key sqaudit uses for them
SYNONYMS = {"weight": "points", "score": "points", "type": "kind", "check": "kind", "name": "title",
            "severity": "critical", "when": "applies_when", "na": "na_policy", "keywords": "phrases",
            "suggestion": "say_instead", "pattern": "options", "dimensions": "dimension"}


def _suggest(key: str, allowed: tuple[str, ...]) -> str | None:
    """Did-you-mean over the allowed keys and the synonyms that map to one of them."""
    synonyms = {word: real for word, real in SYNONYMS.items() if real in allowed}
    close = did_you_mean(key, [*allowed, *synonyms])
    if close is None:
        return None
    guess = close.split("'")[1]
    if guess in synonyms:
        return f"did you mean '{synonyms[guess]}'? ('{guess}' is called '{synonyms[guess]}' here)"
    return close
