"""Agreement output formats: one module each with ``write(report, out, ...)``, registered by name."""

from __future__ import annotations

from types import ModuleType

from sqaudit.agreement.formats import csv_, json_, markdown, table

AGREE_FORMATS: dict[str, ModuleType] = {"table": table, "markdown": markdown, "json": json_, "csv": csv_}
