"""Survey exports as tables: CSV (UTF-8, UTF-8 with BOM, GB18030, Big5, UTF-16) and xlsx.

A reader turns a file into a header and rows of raw cells, each row with the line a user
finds it on: for CSV the record's first physical line (the header is line 1; a quoted
answer spanning lines keeps its first line), for xlsx the sheet's row number. The encoding
comes from :func:`sqaudit.encodings.decode` (BOM, strict UTF-8, else a reported guess);
the delimiter is the one of ``,`` ``;`` tab that the header line holds most of. Nothing
here knows about instruments: :mod:`sqaudit.survey.columns` maps the cells.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqaudit.encodings import decode
from sqaudit.errors import InputError
from sqaudit.parsers import expand_paths

SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm")  # what a directory is searched for; a named file may be .txt too
MAX_BYTES = 200 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
Cell = object  # str, int, float, datetime, bool or None (xlsx); str (CSV)


@dataclass(frozen=True)
class Table:
    path: str
    kind: str  # csv | xlsx
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]  # (line or sheet row, cells)
    header_line: int = 1
    encoding: str | None = None
    guessed: bool = False
    sheet: str | None = None


HEADER_SEARCH = 10  # rows under a title or a note that may hold the real header


def header_candidates(table: Table) -> list[Table]:
    """The table read with each of the next few rows as its header (an export with a title row above it)."""
    out = []
    for i, (line, cells) in enumerate(table.rows[:HEADER_SEARCH]):
        if any(c not in (None, "") and str(c).strip() for c in cells):
            header = tuple("" if c is None else str(c) for c in cells)
            out.append(Table(table.path, table.kind, header, table.rows[i + 1:], line, table.encoding,
                             table.guessed, table.sheet))
    return out


def read_table(path: Path, encoding: str | None = None, sheet: str | None = None) -> Table:
    """The file's header and rows; InputError (naming the file) when it cannot be read at all."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(str(path), "an old binary .xls workbook", "save it as .xlsx or CSV")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise InputError(str(path), f"larger than {MAX_BYTES // 1024 // 1024} MB", "split the export")
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, sheet)
    return _csv(path, encoding)


def _csv(path: Path, encoding: str | None) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if data.startswith(b"PK\x03\x04"):
        raise InputError(str(path), "this is a zip file (an xlsx workbook?), not CSV text", "name it .xlsx")
    decoded = decode(data, str(path), encoding)
    text = decoded.text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=lambda d: (first.count(d), -DELIMITERS.index(d)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    header: tuple[str, ...] | None = None
    header_line, previous = 1, 0
    try:
        for record in reader:
            start = previous + 1
            previous = reader.line_num
            if header is None:
                if not any(cell.strip() for cell in record):
                    continue  # blank lines before the header
                header, header_line = tuple(record), start
                continue
            rows.append((start, tuple(record)))
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}", f"not readable as CSV: {exc}",
                         "an unclosed quote? export the survey again") from None
    if header is None:
        raise InputError(str(path), "the file is empty", "export the survey with its header row")
    return Table(str(path), "csv", header, tuple(rows), header_line, decoded.encoding, decoded.guessed)


def _xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError(str(path), f"not a readable xlsx workbook ({type(exc).__name__})",
                         "open it in a spreadsheet and save it as .xlsx or CSV") from None
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            from sqaudit.errors import did_you_mean

            raise InputError(str(path), f"no sheet '{sheet}'",
                             did_you_mean(sheet, wb.sheetnames) or f"sheets: {', '.join(wb.sheetnames)}")
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        header: tuple[str, ...] | None = None
        header_line = 1
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), 1):
            if header is None:
                if not any(v not in (None, "") for v in values):
                    continue
                header, header_line = tuple("" if v is None else str(v) for v in values), number
                continue
            rows.append((number, tuple(values)))
        if header is None:
            raise InputError(f"{path}:{ws.title}", "the sheet is empty", "export the survey with its header row")
        # trailing empty rows of a formatted sheet are not respondents
        while rows and not any(v not in (None, "") for v in rows[-1][1]):
            rows.pop()
        return Table(str(path), "xlsx", header, tuple(rows), header_line, sheet=ws.title)
    finally:
        wb.close()


def expand(paths: tuple[Path, ...]) -> Iterator[Path | InputError]:
    """Files named directly, and the survey files (CSV, xlsx) under named directories, sorted;
    Excel's ``~$`` lock files skipped."""
    return expand_paths(paths, SUFFIXES, (".", "~$"))
