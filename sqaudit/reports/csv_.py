"""``report -f csv``: one row per agent (or team with ``--by team``), numbers as plain numbers.

The columns are the xlsx report's agents (teams) sheet: stable English headers, an
interval as two columns, formula-like text defused.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqaudit.formatters.safe import defuse_cell
from sqaudit.model import DIMENSIONS
from sqaudit.report import build_report, worst_first
from sqaudit.reports.xlsx import group_columns, group_stats
from sqaudit.run import AuditRun


def write(run: AuditRun, out: TextIO, by: str = "agent", language: str | None = None) -> None:
    report = build_report(run, by, language=language)
    dims = [d for d in DIMENSIONS if any(c.dimension == d for c in report.rubric.criteria)]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.header for c in group_columns(by, dims)])
    groups = sorted(report.agents if by == "agent" else report.teams, key=worst_first)
    for g in groups:
        second = g.team if by == "agent" else g.agents
        values = [g.key, second, *group_stats(g, dims)]
        writer.writerow(["" if v is None else defuse_cell(round(v, 4) if isinstance(v, float) else v)
                         for v in values])
