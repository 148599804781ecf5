"""Survey output formats: one module each with ``write(result, out, items=False)``, registered by name.

A module that writes bytes (xlsx) sets ``BINARY = True``; the CLI then opens the output in
binary mode and refuses to write it to a terminal. ``html`` is a page of its own with the
same section the team report shows under ``sqaudit report --survey``.
"""

from __future__ import annotations

from types import ModuleType

from sqaudit.survey.formats import csv_, html, json_, markdown, table, xlsx

SURVEY_FORMATS: dict[str, ModuleType] = {
    "table": table, "markdown": markdown, "json": json_, "csv": csv_, "xlsx": xlsx, "html": html,
}
SUFFIXES = {".md": "markdown", ".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".html": "html", ".htm": "html",
            ".txt": "table"}
