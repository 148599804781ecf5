"""Coaching-scorecard formats by name: each module has ``render(card) -> str`` and ``SUFFIX``.

``sqaudit coach -f NAME`` looks the module up here; with ``--all`` it writes one file per
agent, named ``<agent><SUFFIX>``.
"""

from __future__ import annotations

from types import ModuleType

from sqaudit.coaching import html, json_, markdown

COACH_FORMATS: dict[str, ModuleType] = {"markdown": markdown, "html": html, "json": json_}
