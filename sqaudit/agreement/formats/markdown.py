"""``agree -f markdown``: the report as GitHub tables, for a calibration wiki page or a CI summary.

The same rows as the terminal (:mod:`sqaudit.agreement.formats.views`); every cell is flattened
to one line and Markdown characters escaped, so a rater's name cannot break a table.
"""

from __future__ import annotations

from typing import TextIO

from tabulate import tabulate

from sqaudit.agreement.formats import views
from sqaudit.agreement.result import AgreementReport
from sqaudit.reports.markdown import cell


def table(spec: views.Table) -> str:
    title, headers, rows = spec
    body = [[cell(c) + (" ▼" if i == 0 and row.bad else "") for i, c in enumerate(row.cells)] for row in rows]
    return f"## {cell(title)}\n\n" + tabulate(body, headers=[cell(h) for h in headers], tablefmt="github",
                                              disable_numparse=True) + "\n\n"


def write(report: AgreementReport, out: TextIO) -> None:
    out.write("# Inter-rater agreement\n\n")
    out.write("\n\n".join(cell(line) for line in views.summary_lines(report)) + "\n\n")
    if report.criteria:
        out.write(table(views.criteria_table(report)))
    out.write(table(views.pairs_table(report)))
    matrix = views.matrix_table(report)
    if matrix is not None:
        out.write(table(matrix))
    out.write("\n\n".join(cell(line) for line in views.score_lines(report)) + "\n\n")
    out.write(table(views.raters_table(report)))
    out.write(f"**{cell(views.verdict_line(report))}**\n\n")
    coverage = views.coverage_table(report)
    if coverage is not None:
        out.write(table(coverage))
