"""``.csv`` / ``.tsv``: every cell masked with the csv module, in the file's own dialect.

The delimiter and quoting are sniffed from the start of the file (``.tsv`` is tab-separated).
A record whose cells hold no PII is copied as it was, byte for byte (quoting, spacing and
line ends included); a record with PII is written again by the csv module in the sniffed
dialect, with its original line end. The header row goes through the masker like any row:
column names hold no values, so they come out unchanged. A cell split over several lines
inside quotes stays one cell. Text after a CSV syntax error is masked line by line as text
and noted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import chain

from sqaudit.redaction.base import Job, split_end

SNIFF_CHARS = 64 * 1024


def redact_lines(lines: Iterable[str], job: Job) -> Iterator[str]:
    source = iter(lines)
    head: list[str] = []
    for line in source:
        head.append(line)
        if sum(map(len, head)) >= SNIFF_CHARS:
            break
    dialect = _dialect("".join(head), job.suffix)
    consumed: list[str] = []  # the raw lines of the record being read
    rest = chain(head, source)

    def feed() -> Iterator[str]:
        for line in rest:
            consumed.append(line)
            yield line

    reader = csv.reader(feed(), dialect)
    try:
        for row in reader:
            raw = "".join(consumed)
            consumed.clear()
            masked = [job.masker(cell) for cell in row]
            if masked == row:
                yield raw
            else:  # a record that was quoted throughout stays quoted throughout
                quote_all = raw.startswith(dialect.quotechar or '"')
                yield _write_row(masked, dialect, split_end(raw)[1], quote_all)
    except csv.Error as exc:
        job.note(reader.line_num, f"CSV syntax error ({exc}): the rest masked as text")
        for line in chain(consumed, rest):
            content, end = split_end(line)
            yield job.masker(content) + end


def _dialect(sample: str, suffix: str) -> type[csv.Dialect]:
    if suffix == ".tsv":
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:  # one column, or too little text to tell
        return csv.excel


def _write_row(cells: list[str], dialect: type[csv.Dialect], end: str, quote_all: bool) -> str:
    buffer = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else dialect.quoting
    csv.writer(buffer, dialect, lineterminator=end or "\n", quoting=quoting).writerow(cells)
    text = buffer.getvalue()
    return text if end else text[:-1]  # the last line of a file without a final line end
