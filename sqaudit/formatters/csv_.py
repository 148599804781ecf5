"""``--format csv``: one row per contact x criterion, for spreadsheets and pandas.

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
get a leading apostrophe; quotes are already redacted. Written row by row as contacts
arrive.
"""

from __future__ import annotations

import csv
from typing import TextIO

from sqaudit.formatters.safe import defuse_cell
from sqaudit.run import AuditRun

COLUMNS = ["contact_id", "agent", "team", "channel", "language", "contact_score", "contact_passed", "complaint",
           "criterion_id", "dimension", "section", "outcome", "points", "max_points", "critical", "message",
           "evidence_turn", "evidence_start_s", "evidence_quote", "say_instead", "rubric"]


def write(run: AuditRun, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    rubric = f"{run.header.rubric_id}@{run.header.rubric_version}"
    for r in run.contacts():
        score = "" if r.score is None else round(r.score, 2)
        for f in r.findings:
            first = f.evidence[0] if f.evidence else None
            row = [r.id, r.agent or "", r.team or "", r.channel or "", r.language, score,
                   "" if r.passed is None else str(r.passed).lower(), str(r.complaint).lower(),
                   f.criterion_id, f.dimension, f.section or "", f.outcome.value, f.points, f.max_points,
                   f.critical or "", f.message, "" if first is None else first.turn,
                   "" if first is None or first.start is None else first.start,
                   "" if first is None else first.quote, f.say_instead or "", rubric]
            writer.writerow([defuse_cell(cell) for cell in row])
