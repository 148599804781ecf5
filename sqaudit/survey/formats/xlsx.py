"""``survey -f xlsx``: the survey as a workbook, one sheet per section of the records.

Sheets, in reading order: ``dimensions``, ``overall``, ``reliability``, ``items``,
``drivers``, ``segments`` (with ``--by``), ``linkage`` (with ``--contacts``), ``errors``
(rows skipped or partly read), ``notices`` and ``about``. Each sheet has the records'
columns (:data:`~sqaudit.survey.formats.records.COLUMNS`), a frozen header and an
autofilter; numbers are numeric cells and every text cell goes through the team report's
:func:`~sqaudit.reports.xlsx.text` (formula defused, control characters replaced, within
Excel's cell limit). The document properties carry a fixed date, as in the team report.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from sqaudit.reports.xlsx import FIXED_TIME, Column, Table, fill
from sqaudit.survey.formats.records import COLUMNS, records
from sqaudit.survey.result import SurveyResult

BINARY = True
SECTIONS = ("dimensions", "overall", "reliability", "items", "drivers", "segments", "linkage")
WIDTHS = {"section": 12, "group": 16, "dimension": 15, "item": 10, "measure": 24, "method": 40}


def write(result: SurveyResult, out: BinaryIO, items: bool = False) -> None:
    wb = Workbook(write_only=True)
    columns = [Column(name, "0.00" if name in ("value", "ci_low", "ci_high") else None, WIDTHS.get(name, 0))
               for name in COLUMNS]
    by_section: dict[str, list[tuple[object, ...]]] = {s: [] for s in SECTIONS}
    for record in records(result):
        by_section[str(record[0]).split(":")[0]].append(record)
    for section in SECTIONS:
        if by_section[section]:
            fill(Table(wb, section, columns), by_section[section])
    if result.problems:
        fill(Table(wb, "errors", [Column("source", width=40), Column("message", width=70), Column("hint", width=40)]),
             ([p.source, p.message, p.hint] for p in result.problems))
    if result.notices:
        fill(Table(wb, "notices", [Column("source", width=40), Column("message", width=80)]),
             ([n.source, n.message] for n in result.notices))
    i = result.instrument
    about = [["instrument_id", i.id], ["instrument_version", i.version], ["instrument_sha256", i.sha256],
             ["instrument_title", i.title], ["tool", "sqaudit"], ["tool_version", result.tool_version],
             ["rows", result.rows], ["respondents", result.respondents], ["skipped_rows", result.skipped_rows],
             *([f"setting.{k}", v] for k, v in result.settings.to_dict().items()),
             *([f"input.{f.path}", (f"{f.kind} {f.encoding or ''}{' (detected)' if f.guessed else ''} "
                                    f"rows={f.rows} used={f.used} sha256={f.sha256}")] for f in result.files)]
    from sqaudit.survey.result import method_notes

    about += [[f"method.{k}", v] for k, v in method_notes(result).items()]
    fill(Table(wb, "about", [Column("field", width=24), Column("value", width=90)]), about)
    wb.properties.creator = "sqaudit"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ExcelWriter(wb, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
