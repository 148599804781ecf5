"""``report -f xlsx``: the team report as a workbook a QA lead can filter, sort and pivot.

Sheets, in this order, each one header row over plain records: ``agents`` and ``teams``
(the ``by`` table first, so it is the sheet that opens), ``criteria``, ``dimensions``
(long format: one row per agent and dimension), ``periods`` (with a period setting),
``contacts`` (one row per scored contact), ``errors`` (when some input was skipped) and
``about`` (rubric, tool, settings, method). Numbers are numeric cells with a display
format, an interval is two columns, booleans are booleans and absent values are empty
cells. Headers are stable English identifiers (as in the CSV), whatever the report
language, so formulas and pivot tables keep working from one batch to the next.

The contacts sheet can hold a million rows, so the workbook is write-only (each sheet's
rows go to a temporary file) and contact rows are written while the run streams, through
``build_report(on_contact=...)``; the other sheets are inserted before it afterwards.
Past Excel's 1,048,576 rows a sheet, contacts continue on ``contacts_2`` and so on.
Every text cell goes through :func:`~sqaudit.formatters.safe.defuse_cell`, so transcript
data is stored as a string and never as a formula.

The document properties carry a fixed date, so the workbook's parts are identical for the
same input; the zip entries still carry the time of writing, so two files' bytes differ.
"""

from __future__ import annotations

import json
import math
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import BinaryIO, NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from sqaudit.compare import TEST_NAME, PeerComparison
from sqaudit.formatters.safe import defuse_cell
from sqaudit.groups import GroupStats
from sqaudit.i18n import labels
from sqaudit.model import DIMENSIONS, ContactResult, Outcome
from sqaudit.report import TeamReport, build_report, worst_first
from sqaudit.run import AuditRun

BINARY = True

SCORE, RATE, P_VALUE = "0.0", "0.0%", "0.0000"
MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header's included
MAX_CELL = 32_767  # Excel's limit on characters in a cell: a longer one makes it "repair" the file
FIXED_TIME = datetime(1980, 1, 1)  # the earliest zip date: "no date", instead of the time of writing
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")


class Column(NamedTuple):
    header: str
    number_format: str | None = None
    width: int = 0  # characters; at least the header's


class Table:
    """One sheet: a styled, frozen header row, rows appended as they come, an autofilter."""

    def __init__(self, wb: Workbook, title: str, columns: Sequence[Column], index: int | None = None):
        self.ws = wb.create_sheet(title, index)  # a WriteOnlyWorksheet
        self.columns = columns
        self.rows = 0
        # a write-only sheet writes its panes and column widths before its first row
        self.ws.freeze_panes = "A2"
        for i, column in enumerate(columns, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = max(len(column.header) + 2, column.width)
        header = []
        for column in columns:
            cell = WriteOnlyCell(self.ws, column.header)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            header.append(cell)
        self.ws.append(header)

    def add(self, values: Sequence[object]) -> None:
        self.ws.append([self._cell(v, c.number_format) for v, c in zip(values, self.columns)])
        self.rows += 1

    def close(self) -> None:
        # the autofilter is written after the rows, so its extent can wait until they are all in
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows + 1}"

    def _cell(self, value: object, number_format: str | None) -> object:
        if isinstance(value, str):
            return text(value)
        if isinstance(value, float) and not math.isfinite(value):
            return None  # Excel has no NaN or infinity
        if number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
            cell = WriteOnlyCell(self.ws, value)
            cell.number_format = number_format
            return cell
        return value


class ContactSheets:
    """The contacts sheet, continued on ``contacts_2``, ``contacts_3``... past Excel's row limit."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.tables = [Table(wb, "contacts", CONTACT_COLUMNS)]

    def add(self, result: ContactResult) -> None:
        if self.tables[-1].rows == MAX_ROWS - 1:
            self.tables[-1].close()
            self.tables.append(Table(self.wb, f"contacts_{len(self.tables) + 1}", CONTACT_COLUMNS))
        self.tables[-1].add(contact_row(result))

    def close(self) -> None:
        self.tables[-1].close()


def text(value: str) -> str:
    """A data string as a safe text cell: no XML-illegal control characters, no formula, within Excel's limit."""
    return str(defuse_cell(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)[: MAX_CELL - 1]))


def write(run: AuditRun, out: BinaryIO, by: str = "agent", language: str | None = None) -> None:
    wb = Workbook(write_only=True)
    contacts = ContactSheets(wb)
    report = build_report(run, by, on_contact=contacts.add, language=language)
    contacts.close()
    # only the dimensions the rubric scores: a column of blanks would read as missing data
    dims = [d for d in DIMENSIONS if any(c.dimension == d for c in report.rubric.criteria)]
    agents, teams = sorted(report.agents, key=worst_first), sorted(report.teams, key=worst_first)
    groups = [("agents", group_columns("agent", dims), ([g.key, g.team, *group_stats(g, dims)] for g in agents)),
              ("teams", group_columns("team", dims), ([g.key, g.agents, *group_stats(g, dims)] for g in teams))]
    front = [*(groups[::-1] if by == "team" else groups),
             ("criteria", CRITERION_COLUMNS, ([c.criterion.id, c.criterion.dimension,
                                              c.criterion.title_for(report.language), c.is_detector, c.passed,
                                              c.failed, c.not_applicable, c.miss_rate] for c in report.criteria)),
             ("dimensions", DIMENSION_COLUMNS, ([g.key, g.team, d, e.value, e.low, e.high, e.n]
                                                for g in agents for d in dims for e in (g.dimensions[d],)))]
    if report.periods:
        front.append(("periods", PERIOD_COLUMNS + group_columns("period", dims)[2:],
                      ([g.period, g.kind, g.key, g.team if g.kind == "agent" else None, g.agents,
                        *group_stats(g, dims)] for g in report.periods)))
    # the contacts sheets were created first, because they stream: the summary sheets go in front, in reading order
    for index, (title, columns, rows) in enumerate(front):
        fill(Table(wb, title, columns, index), rows)
    if report.errors:
        fill(Table(wb, "errors", ERROR_COLUMNS), ([e.source, e.message, e.hint] for e in report.errors))
    fill(Table(wb, "about", ABOUT_COLUMNS), about_rows(report))
    wb.properties.creator = "sqaudit"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    # ExcelWriter rather than wb.save(): save() stamps "modified" with the current time
    ExcelWriter(wb, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()


def fill(table: Table, rows: Iterable[Sequence[object]]) -> None:
    for row in rows:
        table.add(row)
    table.close()


CONTACT_COLUMNS = [Column("id", width=14), Column("agent", width=10), Column("team", width=12), Column("channel"),
                   Column("language"), Column("started_at", width=22), Column("score", SCORE), Column("passed"),
                   Column("complaint"), Column("critical_failures", width=20), Column("missed_criteria", width=30),
                   Column("source", width=40)]
CRITERION_COLUMNS = [Column("id", width=10), Column("dimension", width=15), Column("title", width=50),
                     Column("detector"), Column("met"), Column("missed"), Column("not_applicable"),
                     Column("missed_rate", RATE)]
DIMENSION_COLUMNS = [Column("agent", width=10), Column("team", width=12), Column("dimension", width=15),
                     Column("mean", SCORE), Column("ci_low", SCORE), Column("ci_high", SCORE), Column("n")]
PERIOD_COLUMNS = [Column("period", width=10), Column("level"), Column("key", width=12), Column("team", width=12),
                  Column("agents")]  # then the agents sheet's columns from "contacts" on
ERROR_COLUMNS = [Column("source", width=40), Column("message", width=60), Column("hint", width=40)]
ABOUT_COLUMNS = [Column("field", width=22), Column("value", width=80)]


def contact_row(r: ContactResult) -> list[object]:
    missed = [f.criterion_id for f in r.findings if f.outcome is Outcome.FAIL]
    return [r.id, r.agent, r.team, r.channel, r.language, r.started_at, r.score, r.passed, r.complaint,
            ", ".join(r.critical_failures) or None, ", ".join(missed) or None, r.source or None]


def group_columns(kind: str, dims: Sequence[str]) -> list[Column]:
    second = Column("team", width=12) if kind == "agent" else Column("agents")
    return [Column(kind, width=12), second, Column("contacts"), Column("mean_score", SCORE),
            Column("ci_low", SCORE), Column("ci_high", SCORE), Column("pass_rate", RATE),
            Column("pass_ci_low", RATE), Column("pass_ci_high", RATE), Column("critical_failures"),
            Column("complaints"), Column("complaints_passed_rate", RATE), Column("insufficient_evidence"),
            Column("reasons", width=40), Column("rank"), Column("vs_peers", width=20), Column("p_adjusted", P_VALUE),
            *(Column(f"mean_{d}", SCORE) for d in dims)]


def group_stats(g: GroupStats, dims: Sequence[str]) -> list[object]:
    """The columns after the first two, shared by the agents, teams and periods sheets."""
    peers = g.vs_peers if isinstance(g.vs_peers, PeerComparison) else None
    return [g.contacts, g.score.value, g.score.low, g.score.high, g.pass_rate.value, g.pass_rate.low,
            g.pass_rate.high, g.critical_failures, g.complaints, g.complaint_pass_rate.value, bool(g.insufficient),
            "; ".join(str(r) for r in g.insufficient) or None, g.rank, peers.verdict if peers else None,
            peers.p_adjusted if peers else None, *(g.dimensions[d].value for d in dims)]


def about_rows(report: TeamReport) -> list[list[object]]:
    h, s = report.header, report.settings
    rows: list[list[object]] = [
        ["rubric_id", h.rubric_id], ["rubric_version", h.rubric_version], ["rubric_sha256", h.rubric_sha256],
        ["rubric_title", h.rubric_title], ["tool", "sqaudit"], ["tool_version", h.tool_version],
        ["by", report.by], ["language", report.language], ["contacts", report.summary.contacts],
        ["scored", report.summary.scored], ["skipped", report.summary.skipped],
        ["min_contacts", s.min_contacts], ["max_ci_width", s.max_ci_width], ["period", s.period]]
    for key, value in h.policy.items():
        # a dict (dimension weights) has no cell type: written as JSON text
        rows.append([f"policy.{key}", json.dumps(value, sort_keys=True) if isinstance(value, dict) else value])
    rows += [["peer_test", TEST_NAME], ["method_note", labels(report.language)["method_note"]]]
    return rows
