"""``survey -f markdown``: the survey as GitHub tables, for a wiki page or a CI summary.

The same rows as the terminal (:mod:`sqaudit.survey.formats.views`); cells are flattened to
one line and Markdown characters escaped, so a column value cannot break a table.
"""

from __future__ import annotations

from typing import TextIO

from tabulate import tabulate

from sqaudit.reports.markdown import cell
from sqaudit.survey.formats import views
from sqaudit.survey.labels import survey_labels
from sqaudit.survey.result import SurveyResult


def table(spec: views.Table, level: int = 2) -> str:
    title, headers, rows = spec
    body = [[cell(c) + (" ▼" if i == 0 and row.negative else "") for i, c in enumerate(row.cells)] for row in rows]
    return f"{'#' * level} {cell(title)}\n\n" + tabulate(body, headers=[cell(h) for h in headers], tablefmt="github",
                                                         disable_numparse=True) + "\n\n"


def write(result: SurveyResult, out: TextIO, items: bool = False) -> None:
    t = survey_labels(result.settings.language)
    out.write(f"# {cell(t['survey_title'])}\n\n")
    out.write("\n\n".join(cell(line) for line in views.summary_lines(result)) + "\n\n")
    if result.dimensions:
        out.write(table(views.dimension_table(result)))
    out.write(table(views.index_table(result)))
    if result.reliability:
        out.write(table(views.reliability_table(result)))
        if items:
            out.write(table(views.item_table(result)))
        out.write(f"## {cell(t['flags_title'])}\n\n")
        out.write("".join(f"- {cell(f.message)}\n" for f in result.flags) or f"{cell(t['no_flags'])}\n")
        out.write("\n")
    drivers = views.driver_table(result)
    if drivers is not None:
        out.write(table(drivers))
        note = views.driver_note(result)
        if note:
            out.write(f"_{cell(note)}_\n\n")
    if result.settings.by:
        out.write(table(views.segment_table(result)))
    lines, tables = views.linkage_tables(result)
    if tables:
        out.write(f"## {cell(t['linkage_title'].format(rubric=result.linkage.rubric.get('id', '')))}\n\n")
        out.write("\n\n".join(cell(line) for line in lines) + "\n\n")
        out.writelines(table(spec, 3) for spec in tables)
    if result.problems:
        out.write(table((t["skipped_title"], [t["source"], t["problem"]], views.problem_rows(result))))
    out.write("\n\n".join(f"_{cell(note)}_" for note in views.notes(result)) + "\n")
