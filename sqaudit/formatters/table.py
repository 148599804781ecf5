"""``--format table`` (the default on a terminal): rich tables a QA lead reads at a glance.

Every cell built from transcript data is a ``rich.text.Text``, never a markup string, so
``[inaudible]`` or ``[bold]`` in a transcript or an id is printed as written.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sqaudit.formatters import views
from sqaudit.run import AuditRun

SHOWN = 50  # contacts listed, lowest scores first; the full list is in csv / json / jsonl

STYLES = {"no": "red", "yes": "green", "fail": "bold red", "pass": "green", "not evaluated": "yellow"}


def _table(title: str, headers: list[str], rows: list[list[str]], styled: int | None = None) -> Table:
    table = Table(title=Text(title), title_justify="left", header_style="bold")
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    for row in rows:
        cells = [Text(cell) for cell in row]
        if styled is not None:
            cells[styled].stylize(STYLES.get(row[styled], ""))
        table.add_row(*cells)
    return table


def write(run: AuditRun, out: TextIO) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False,
                      width=None if out.isatty() else 160)
    results = views.lowest_contacts(run, SHOWN)
    summary = run.summary()
    console.print(_table(views.contacts_title(len(results), summary), *views.contact_rows(results), styled=6))
    console.print(_table("Criteria (most missed first)", *views.criterion_rows(run, summary)))
    headers, rows = views.summary_rows(run, summary)
    console.print(_table("Summary", ["", ""], rows))
    gates = run.gates()
    if gates:
        console.print(_table("Gates", *views.gate_rows(gates), styled=3))
    if run.errors:
        console.print(_table("Skipped input", *views.error_rows(run)))
