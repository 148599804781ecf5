"""Transcript text is data in every output: never markup, HTML, a formula or a CI command.

A hostile batch (tests/hostile_corpus.py: terminal markup, HTML, spreadsheet formulas,
Markdown links, a GitHub workflow command after a newline, in contact ids, agent and team
names, metadata, turn text and a survey export) is run through every command and output
format of tests/corpus_runs.py (so a new format is checked here too; the runs are shared with
the PII test). Each output is checked for what its reader would interpret:

* terminal (rich) output shows markup literally: a marker word never appears without its tags;
* HTML never holds ``<script>alert`` (only its escaped form);
* Markdown never holds an unescaped ``<script`` or link target ``](http://evil)``;
* CSV and xlsx cells never start with ``= + - @``, tab or CR (numbers aside), xlsx has no formula;
* XML parses; JSON parses; no line of stdout or stderr starts a GitHub ``::`` command from the data.

``redact`` writes copies of the inputs, which hold the hostile values as given: only its
stdout and stderr are checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sqaudit.formatters.safe import FORMULA_STARTS
from tests.corpus_runs import CASES, run
from tests.hostile_corpus import CI_COMMAND, FORMULAS, MARKED


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _check_rich(where: str, text: str) -> None:
    for word, literal in MARKED.items():
        assert text.count(word) == text.count(literal), f"{where}: terminal markup around {word} was interpreted"
    assert "\x1b]8;" not in text, f"{where}: a terminal hyperlink was emitted"


def _check_html(where: str, text: str) -> None:
    assert "<script>alert" not in text and "javascript:" not in text, f"{where}: transcript HTML in the page"


def _check_markdown(where: str, text: str) -> None:
    assert not re.search(r"(?<!\\)<script", text), f"{where}: raw HTML in Markdown"
    assert not re.search(r"(?<!\\)\]\(http://evil", text), f"{where}: a live Markdown link"


def _check_csv(where: str, text: str) -> None:
    # a bare CR in an unquoted field is a row break to a spreadsheet: the next cell would start fresh
    assert "\r" not in text.replace("\r\n", ""), f"{where}: a bare carriage return"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [cell for row in rows for cell in row]
    live = [c for c in cells if c.startswith(FORMULA_STARTS) and not _is_number(c)]
    assert not live, f"{where}: cells a spreadsheet would run: {live[:5]}"


def _check_xlsx(where: str, data: bytes) -> None:
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{where}!{ws.title}!{c.coordinate}: a formula {c.value!r}"
                assert not (isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS)), \
                    f"{where}!{ws.title}!{c.coordinate}: {c.value!r}"


def _check_file(path: Path) -> str:
    """Check one written file by its kind; the kind checked (for the non-vacuity check)."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        _check_xlsx(str(path), data)
        return "xlsx"
    text = data.decode("utf-8")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        _check_html(str(path), text)
    elif suffix in (".md", ".markdown"):
        _check_markdown(str(path), text)
    elif suffix == ".csv":
        _check_csv(str(path), text)
    elif suffix == ".xml":
        ET.fromstring(data)
    elif suffix == ".json":
        json.loads(text)
    elif suffix in (".table", ".txt"):
        _check_rich(str(path), text)
    return suffix


@pytest.mark.parametrize("name, fmt", CASES)
def test_transcript_text_is_never_interpreted(name: str, fmt: str | None) -> None:
    result = run(name, fmt)
    assert result.exit_code in (0, 1), result.stderr
    for where, text in (("stdout", result.stdout), ("stderr", result.stderr)):  # the runners write reports to files
        _check_rich(where, text)
        assert not any(line.startswith(CI_COMMAND) for line in text.splitlines()), f"{where}: a CI command"
    for path in result.files if name != "redact" else ():
        _check_file(path)


def test_the_hostile_values_do_reach_the_outputs() -> None:
    """Guards the test above against passing because nothing hostile was shown at all."""
    table = run("score", "table").files[0].read_text(encoding="utf-8")
    assert MARKED["IDMK"] in table and MARKED["AGMK"] in table and MARKED["TMMK"] in table, table
    page = run("report", "html").files[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    rows = list(csv.reader(io.StringIO(run("score", "csv").files[0].read_text(encoding="utf-8"), newline="")))
    # defused, and a CR inside a cell is a line feed
    assert {"'" + FORMULAS[0], "'-1+2", "'\tcmd", "'\ncmd", "ok\n=1+1"} <= {c for row in rows for c in row}
    workbook = load_workbook(run("report", "xlsx").files[0])
    assert "'" + FORMULAS[0] in {c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row}
    assert any(line.startswith("::error file=") for line in run("check", None).stdout.splitlines())
