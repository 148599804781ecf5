"""``report -f markdown``: the team report as GitHub tables, for a wiki page or a CI summary.

Groups with too little evidence are marked in their own column (Markdown has no dimming);
cells are flattened to one line and their pipes escaped so an id cannot break a table.
"""

from __future__ import annotations

from typing import TextIO

from tabulate import tabulate

from sqaudit.i18n import labels
from sqaudit.report import build_report
from sqaudit.reports import views
from sqaudit.run import AuditRun


def cell(text: str) -> str:
    flat = " ".join(text.split())
    for ch in "\\|*_[]<>#`":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def table(headers: list[str], rows: list[views.Row]) -> str:
    body = [[cell(c) + (" ▼" if i == 0 and row.failing else "") for i, c in enumerate(row.cells)] for row in rows]
    return tabulate(body, headers=[cell(h) for h in headers], tablefmt="github", disable_numparse=True)


def write(run: AuditRun, out: TextIO, by: str = "agent", language: str | None = None) -> None:
    report = build_report(run, by, language=language)
    text = labels(report.language)
    out.write(f"# {cell(text['report_title'])}\n\n")
    out.write("\n\n".join(cell(line) for line in views.summary_lines(report)) + "\n\n")
    first, second = ("agent", "team") if by == "agent" else ("team", "agent")
    for kind in (first, second):
        out.write(f"## {text[kind + 's']}\n\n{table(*views.group_rows(report, kind))}\n\n")
    groups = report.agents if by == "agent" else report.teams
    out.write(f"## {text['dimensions']}\n\n{table(*views.dimension_rows(report, groups, by))}\n\n")
    out.write(f"## {text['most_missed']}\n\n{table(*views.missed_rows(report))}\n\n")
    if report.periods:
        out.write(f"## {text['trend']}\n\n{table(*views.period_rows(report))}\n\n")
    if report.errors:
        rows = [views.Row([e.source, e.message + (f" (hint: {e.hint})" if e.hint else "")]) for e in report.errors]
        out.write(f"## {text['skipped_input']}\n\n{table([text['source'], text['problem']], rows)}\n\n")
    out.write("▼ " + cell(f"< {report.rubric.pass_score:g}") + "\n\n")
    out.write("\n\n".join(f"_{cell(note)}_" for note in views.notes(report)) + "\n")
