"""Output formats: one module each with ``write(run, out)``, registered by name."""

from __future__ import annotations

from types import ModuleType

from sqaudit.formatters import csv_, json_, jsonl, markdown, table

FORMATS: dict[str, ModuleType] = {
    "table": table, "json": json_, "jsonl": jsonl, "csv": csv_, "markdown": markdown,
}
