"""``report -f table`` (the default): the team report as rich tables in the terminal.

The ``by`` table comes first, worst mean first. Groups with too little evidence are dimmed
and say why in their last column; groups whose mean is below the pass score are red.
Every cell is a ``rich.text.Text``, so markup in an agent id or a title is printed as
written. On a pipe (or with ``--no-color``) the tables are plain ASCII with no colour codes.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sqaudit.i18n import labels
from sqaudit.report import build_report
from sqaudit.reports import views
from sqaudit.run import AuditRun

def _table(console: Console, title: str, headers: list[str], rows: list[views.Row]) -> Table:
    table = Table(title=Text(title), title_justify="left", header_style="bold",
                  box=box.HEAVY_HEAD if console.is_terminal else box.ASCII)
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    for row in rows:
        style = "red" if row.failing else ""
        if row.insufficient:
            style = (style + " dim").strip()
        table.add_row(*(Text(cell) for cell in row.cells), style=style or None)
    return table


def write(run: AuditRun, out: TextIO, by: str = "agent", language: str | None = None,
          no_color: bool = False) -> None:
    report = build_report(run, by, language=language)
    text = labels(report.language)
    console = Console(file=out, highlight=False, soft_wrap=False, no_color=no_color,
                      width=None if out.isatty() else 160)
    for line in views.summary_lines(report):
        console.print(Text(line))
    console.print()
    first, second = ("agent", "team") if by == "agent" else ("team", "agent")
    console.print(_table(console, text[first + "s"], *views.group_rows(report, first)))
    console.print(_table(console, text[second + "s"], *views.group_rows(report, second)))
    groups = report.agents if by == "agent" else report.teams
    console.print(_table(console, text["dimensions"], *views.dimension_rows(report, groups, by)))
    console.print(_table(console, text["most_missed"], *views.missed_rows(report)))
    if report.periods:
        console.print(_table(console, text["trend"], *views.period_rows(report)))
    if report.errors:
        rows = [views.Row([e.source, e.message + (f" (hint: {e.hint})" if e.hint else "")]) for e in report.errors]
        console.print(_table(console, text["skipped_input"], [text["source"], text["problem"]], rows))
    for note in views.notes(report):
        console.print(Text(note, style="dim"))
