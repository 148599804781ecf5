"""Team-report formats: one module each with ``write(run, out, by)``, registered by name.

A module that writes bytes (xlsx) sets ``BINARY = True``; the CLI then opens the output in
binary mode and refuses to write it to a terminal. Every module builds the same
:class:`~sqaudit.report.TeamReport` with ``build_report``, so the figures never differ
between formats.
"""

from __future__ import annotations

from types import ModuleType

from sqaudit.reports import html, json_, xlsx

REPORT_FORMATS: dict[str, ModuleType] = {"json": json_, "html": html, "xlsx": xlsx}
