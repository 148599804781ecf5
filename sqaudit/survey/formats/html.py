"""``survey -f html`` and the survey section of ``sqaudit report --survey``.

:func:`view` turns a :class:`~sqaudit.survey.result.SurveyResult` into plain lists of text
(the rows of :mod:`~sqaudit.survey.formats.views`); ``templates/_survey.html.j2`` renders
them, with autoescaping on, inside the team report or on a page of its own. The page has the
team report's stylesheet, sorting script and Content-Security-Policy: nothing loads from
the network and nothing but that script can run.
"""

from __future__ import annotations

import re
from typing import TextIO

from markupsafe import Markup

from sqaudit.reports.html import csp, sort_script
from sqaudit.survey.formats import views
from sqaudit.survey.labels import survey_labels
from sqaudit.survey.result import SurveyResult
from sqaudit.templating import environment

NUMERIC = re.compile(r"^[-+–]?[\d.]")  # a figure (or "–" for none), right-aligned; wording stays left


def _table(spec: views.Table, before: list[str] | None = None, after: list[str] | None = None) -> dict[str, object]:
    title, headers, rows = spec
    numeric = [all(NUMERIC.match(row.cells[i]) for row in rows if i < len(row.cells)) for i in range(len(headers))]
    return {"title": title, "headers": headers, "rows": rows, "numeric": numeric, "before": before or [],
            "after": after or []}


def view(result: SurveyResult) -> dict[str, object]:
    t = survey_labels(result.settings.language)
    tables = []
    if result.dimensions:
        tables.append(_table(views.dimension_table(result)))
    tables.append(_table(views.index_table(result)))
    if result.reliability:
        tables.append(_table(views.reliability_table(result)))
        tables.append(_table(views.item_table(result)))
    drivers = views.driver_table(result)
    if drivers is not None:
        note = views.driver_note(result)
        tables.append(_table(drivers, after=[note] if note else []))
    if result.settings.by:
        tables.append(_table(views.segment_table(result)))
    lines, linked = views.linkage_tables(result)
    for i, spec in enumerate(linked):
        tables.append(_table(spec, before=lines if i == 0 else []))
    i = result.instrument
    return {"title": f"{t['survey_title']}: {i.title_for(result.settings.language)}",
            "instrument": f"{i.id} v{i.version}", "summary": views.summary_lines(result), "tables": tables,
            "flags_title": t["flags_title"], "flags": [f.message for f in result.flags],
            "problems_title": t["skipped_title"], "problems": views.problem_rows(result),
            "source_label": t["source"], "problem_label": t["problem"], "notes": views.notes(result)}


def write(result: SurveyResult, out: TextIO, items: bool = False) -> None:
    script = sort_script()
    out.write(environment().get_template("survey.html.j2").render(
        survey=view(result), language=result.settings.language, version=result.tool_version,
        script=Markup(script), csp=csp(script)))
