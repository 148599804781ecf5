"""``.xlsx`` / ``.xlsm``: every cell of every sheet masked with openpyxl; the sheets, their order and styles kept.

Text cells are masked as text. A number that reads as PII (a phone or card number stored
as a number) becomes the masked text. A formula's text is masked too (a formula can hold
a literal such as ``="4111 1111 1111 1111"``), as is the text of cell comments. The header
row is masked like any row: column names hold no values, so they come out unchanged.

openpyxl keeps cell values, styles, merged cells, column widths and sheet order; it drops
what it cannot read back (images, charts, pivot caches), which a transcript export does not
hold. A macro-enabled workbook keeps its macros (``keep_vba``). An unchanged workbook is
copied byte for byte by the caller, not re-saved.
"""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook

from sqaudit.errors import InputError
from sqaudit.redaction.base import Job

BINARY = True
HINT = "save it from the spreadsheet program as an Excel workbook (.xlsx)"


def redact_bytes(data: bytes, job: Job) -> bytes:
    try:
        wb = load_workbook(io.BytesIO(data), keep_vba=job.suffix == ".xlsm")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError("", f"not an xlsx workbook ({exc})", HINT) from None
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    _mask_cell(cell, job)
        if not job.masker.total:
            return data  # nothing masked: not re-saved
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    finally:
        if wb.vba_archive is not None:  # keep_vba holds the input open
            wb.vba_archive.close()


def _mask_cell(cell: object, job: Job) -> None:
    value = cell.value  # type: ignore[attr-defined]
    if isinstance(value, str):
        masked = job.masker(value)
        if masked != value:
            kind = cell.data_type  # type: ignore[attr-defined]
            cell.value = masked  # type: ignore[attr-defined]
            cell.data_type = kind  # type: ignore[attr-defined]  # text that starts with "=" stays text
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        masked = job.masker(text)
        if masked != text:
            cell.value = masked  # type: ignore[attr-defined]
    comment = cell.comment  # type: ignore[attr-defined]
    if comment is not None and comment.text:
        masked = job.masker(comment.text)
        if masked != comment.text:
            comment.text = masked
