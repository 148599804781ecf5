"""``survey -f table`` (the default on a terminal): the survey as rich tables.

Dimensions first (gaps with intervals, the share below expectation, the paired test, α),
then the overall figures (SERVQUAL index, weighted index, SERVPERF, NPS, CSAT, CES), α per
dimension, the reliability flags, what drives satisfaction, the segments of ``--by`` and
the link to transcripts. Every cell is a ``rich.text.Text``, so ``[inaudible]`` in an agent
id or a column value prints as written; on a pipe (or ``--no-color``) tables are plain ASCII.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sqaudit.survey.formats import views
from sqaudit.survey.labels import survey_labels
from sqaudit.survey.result import SurveyResult


def _table(console: Console, spec: views.Table) -> Table:
    title, headers, rows = spec
    table = Table(title=Text(title), title_justify="left", header_style="bold",
                  box=box.HEAVY_HEAD if console.is_terminal else box.ASCII)
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    for row in rows:
        style = " ".join(s for s, on in (("red", row.negative), ("dim", row.muted)) if on)
        table.add_row(*(Text(cell) for cell in row.cells), style=style or None)
    return table


def write(result: SurveyResult, out: TextIO, items: bool = False, no_color: bool = False) -> None:
    t = survey_labels(result.settings.language)
    console = Console(file=out, highlight=False, soft_wrap=False, no_color=no_color,
                      width=None if out.isatty() else 200)
    for line in views.summary_lines(result):
        console.print(Text(line))
    if result.dimensions:
        console.print(_table(console, views.dimension_table(result)))
    console.print(_table(console, views.index_table(result)))
    if result.reliability:
        console.print(_table(console, views.reliability_table(result)))
        if items:
            console.print(_table(console, views.item_table(result)))
        console.print(Text(t["flags_title"], style="bold"))
        for flag in result.flags:
            console.print(Text("  ! " + flag.message, style="yellow"))
        if not result.flags:
            console.print(Text("  " + t["no_flags"]))
    drivers = views.driver_table(result)
    if drivers is not None:
        console.print(_table(console, drivers))
        note = views.driver_note(result)
        if note:
            console.print(Text(note, style="dim"))
    if result.settings.by:
        console.print(_table(console, views.segment_table(result)))
    lines, tables = views.linkage_tables(result)
    if tables:
        console.print(Text(t["linkage_title"].format(rubric=result.linkage.rubric.get("id", "")), style="bold"))
        for line in lines:
            console.print(Text(line))
        for spec in tables:
            console.print(_table(console, spec))
    if result.problems:
        console.print(_table(console, (t["skipped_title"], [t["source"], t["problem"]], views.problem_rows(result))))
    for note in views.notes(result):
        console.print(Text(note, style="dim"))
