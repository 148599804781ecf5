"""``agree -f table`` (the default): the report as rich tables.

Every cell is a ``rich.text.Text``, so a rater called ``[bold]`` prints as written; on a pipe
(or with ``--no-color``) there is no colour and tables are plain ASCII.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sqaudit.agreement.formats import views
from sqaudit.agreement.result import AgreementReport


def _table(console: Console, spec: views.Table) -> Table:
    title, headers, rows = spec
    console.print(Text(title, style="bold"))  # above the table, not wrapped to a narrow table's width
    table = Table(header_style="bold", box=box.HEAVY_HEAD if console.is_terminal else box.ASCII)
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    for row in rows:
        style = "red" if row.bad else "dim" if row.muted else None
        table.add_row(*(Text(cell) for cell in row.cells), style=style)
    return table


def write(report: AgreementReport, out: TextIO, no_color: bool = False) -> None:
    terminal = out.isatty()
    console = Console(file=out, highlight=False, soft_wrap=False, no_color=no_color or not terminal,
                      width=None if terminal else 220)
    for line in views.summary_lines(report):
        console.print(Text(line))
    if report.criteria:
        console.print(_table(console, views.criteria_table(report)))
    else:
        console.print(Text("No criterion was scored by two or more raters.", style="yellow"))
    console.print(_table(console, views.pairs_table(report)))
    matrix = views.matrix_table(report)
    if matrix is not None:
        console.print(_table(console, matrix))
    for line in views.score_lines(report):
        console.print(Text(line))
    console.print(_table(console, views.raters_table(report)))
    console.print(Text(views.verdict_line(report), style="bold"))
    coverage = views.coverage_table(report)
    if coverage is not None:
        console.print(_table(console, coverage))
