"""``--format markdown``: the summary, gates, contacts and criteria as GitHub tables.

For a CI job summary or a message to a team. Transcript-derived cells are flattened to one
line and Markdown's special characters escaped (:func:`sqaudit.reports.markdown.cell`), so an
id cannot break the table, nor become a link, an image or HTML where the page is rendered.
"""

from __future__ import annotations

from typing import TextIO

from tabulate import tabulate

from sqaudit.formatters import views
from sqaudit.reports.markdown import cell
from sqaudit.run import AuditRun

SHOWN = 50  # contacts listed, lowest scores first; the full list is in csv / json / jsonl


def _cell(text: str) -> str:
    return cell(text)  # one line, and every character Markdown gives a meaning to escaped


def _table(headers: list[str], rows: list[list[str]]) -> str:
    return tabulate([[_cell(c) for c in row] for row in rows], headers=headers, tablefmt="github", disable_numparse=True)


def write(run: AuditRun, out: TextIO) -> None:
    results = views.lowest_contacts(run, SHOWN)
    summary = run.summary()
    out.write(f"# sqaudit: {_cell(run.header.rubric_title)}\n\n")
    headers, rows = views.summary_rows(run, summary)
    out.write(_table(["", "value"], rows) + "\n\n")
    gates = run.gates()
    if gates:
        out.write("## Gates\n\n" + _table(*views.gate_rows(gates)) + "\n\n")
    out.write(f"## {views.contacts_title(len(results), summary)}\n\n" + _table(*views.contact_rows(results)) + "\n\n")
    out.write("## Criteria (most missed first)\n\n" + _table(*views.criterion_rows(run, summary)) + "\n")
    if run.errors:
        out.write("\n## Skipped input\n\n" + _table(*views.error_rows(run)) + "\n")
