"""Chat exports as Excel workbooks, one message per row: ``.xlsx``, ``.xlsm``.

The first worksheet is read; its first non-empty row is the header. Errors name the sheet's
row number. Dates and times typed as Excel dates are read as such; ids typed as numbers
(``1001``) are read as text. The workbook is streamed (openpyxl's read-only mode), twice.

Columns, grouping, times and speakers follow the shared rules below.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook

from sqaudit.errors import InputError
from sqaudit.parsers import chat_table
from sqaudit.parsers.base import InputFormat, Item, ReadOptions

HINT = "save it again from Excel as .xlsx, or export the chats as CSV"


def sniff(head: str, options: ReadOptions) -> bool:
    return False  # a workbook is a zip archive: known by its suffix only


def claims(path: Path, options: ReadOptions) -> bool:
    """Whether the first sheet's first non-empty row names a speaker and a text column."""
    for item in _rows(path):
        if isinstance(item, InputError):
            return True  # unreadable: let read() say why
        if any(chat_table.text_of(c) for c in item[1]):
            return chat_table.looks_like_header(item[1], options.column_map)
    return True


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    try:
        with zipfile.ZipFile(path) as archive:
            archive.getinfo("[Content_Types].xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
        yield InputError(f"{path}:1", f"not an Excel .xlsx workbook ({type(exc).__name__})", HINT)
        return
    yield from chat_table.read_table(str(path), path.stem, lambda: _rows(path), options)


def _rows(path: Path) -> Iterator[chat_table.Row | InputError]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001  openpyxl raises many kinds on a damaged archive: all are this file's problem
        yield InputError(f"{path}:1", f"the workbook cannot be read ({type(exc).__name__})", HINT)
        return
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            yield InputError(f"{path}:1", "the workbook has no worksheet", HINT)
            return
        yield from enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
    except Exception as exc:  # noqa: BLE001  a damaged sheet part shows only while rows are read
        yield InputError(f"{path}:1", f"the worksheet cannot be read ({type(exc).__name__})", HINT)
    finally:
        book.close()


FORMAT = InputFormat("chat-xlsx", (".xlsx", ".xlsm"), "chat export workbook, one message per row (first sheet)",
                     (__doc__ or "") + "\n" + (chat_table.__doc__ or ""), read, sniff, claims)
