"""``survey -f csv``: every figure as one row of :data:`~sqaudit.survey.formats.records.COLUMNS`.

Numbers are plain numbers (rounded to 4 places), text cells that a spreadsheet would run as
a formula are defused, and skipped rows follow as ``section=errors`` records naming their
file:line in ``group`` and the problem in ``method``.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqaudit.formatters.safe import defuse_cell
from sqaudit.survey.formats.records import COLUMNS, records
from sqaudit.survey.result import SurveyResult


def plain(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 4)
    return defuse_cell(value)


def write(result: SurveyResult, out: TextIO, items: bool = False) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records(result):
        writer.writerow([plain(v) for v in record])
    for p in result.problems:
        writer.writerow([plain(v) for v in ("errors", p.source, None, None, "skipped", None, None, None, None,
                                             p.message + (f" (hint: {p.hint})" if p.hint else ""))])
