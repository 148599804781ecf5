"""Team-report formats: one module each with ``write(run, out, by, language)``, registered by name.

A module that writes bytes (xlsx) sets ``BINARY = True``; the CLI then opens the output in
binary mode and refuses to write it to a terminal. Every module builds the same
:class:`~sqaudit.report.TeamReport` with ``build_report``, so the figures never differ
between formats.
"""

from __future__ import annotations

from types import ModuleType

from sqaudit.reports import csv_, html, json_, markdown, table, xlsx

REPORT_FORMATS: dict[str, ModuleType] = {
    "table": table, "markdown": markdown, "json": json_, "csv": csv_, "html": html, "xlsx": xlsx,
}
# -o team.html picks html: the suffix says what the reader wants
SUFFIXES = {".md": "markdown", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html", ".xlsx": "xlsx",
            ".txt": "table"}
