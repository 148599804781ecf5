"""Chat exports as CSV or tab-separated text, one message per row: ``.csv``, ``.tsv``, ``.txt``.

    conversation_id,time,sender_role,text,agent,team
    ch-0101,2026-05-04 10:02:11,visitor,"Hi, my invoice is wrong",,
    ch-0101,2026-05-04 10:02:40,agent,"Hello, thanks for waiting. Let me check that for you.",a41,billing

    会话ID,时间,发送方,内容,客服,团队
    zh-0201,2026-05-04 10:05:00,客户,我的话费扣了两次,,
    zh-0201,2026-05-04 10:05:31,客服,您好，非常抱歉给您带来不便，我马上为您查询。,a43,技术支持

The delimiter is the one of ``,`` tab ``;`` ``|`` under which the header names the most known
columns (``.tsv``: tab). Encodings: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode
text", tab-separated, usually saved as ``.txt``), GB18030/GBK, Big5 — detected, and the
guess reported; ``--encoding`` overrides. A ``.txt`` file is read as a table when its first
line names a speaker and a text column, else as a plain-text transcript.

Columns, grouping, times and speakers follow the shared rules below. Rows are
streamed (two passes), so a CSV larger than memory is read; a line longer than 16 MB is
refused by number. A row that the CSV module cannot split is an error naming its line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import InputNotice
from sqaudit.parsers import chat_table
from sqaudit.parsers.base import InputFormat, Item, ReadOptions
from sqaudit.parsers.source import head_text, stream_lines

DELIMITERS = (",", "\t", ";", "|")


def _delimiter(header: str, options: ReadOptions, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    def known(d: str) -> tuple[int, int]:
        cells = next(csv.reader([header], delimiter=d), [])
        try:
            return len(chat_table.find_columns(cells, options.column_map)), len(cells)
        except ValueError:
            return 0, len(cells)
    return max(DELIMITERS, key=known)


def _first_line(head: str) -> str:
    return next((line for line in head.splitlines() if line.strip()), "")


def sniff(head: str, options: ReadOptions) -> bool:
    line = _first_line(head)
    return any(chat_table.looks_like_header(next(csv.reader([line], delimiter=d), []), options.column_map)
               for d in DELIMITERS)


def claims(path: Path, options: ReadOptions) -> bool:
    return sniff(head_text(path, options), options)


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    delimiter = _delimiter(_first_line(head_text(path, options)), options, path.suffix.lower())
    yield from chat_table.read_table(str(path), path.stem, lambda: _rows(path, options, delimiter), options)


def _rows(path: Path, options: ReadOptions, delimiter: str) -> Iterator[chat_table.Row | InputError | InputNotice]:
    pending: list[InputError | InputNotice] = []
    at = [0]  # the number of the last line handed to the csv module

    def lines() -> Iterator[str]:
        for item in stream_lines(path, options):
            if isinstance(item, tuple):
                at[0] = item[0]
                yield item[1] + "\n"
            else:
                pending.append(item)

    reader = csv.reader(lines(), delimiter=delimiter)
    while True:
        first = at[0] + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield from pending
            pending.clear()
            yield InputError(f"{path}:{at[0]}", f"CSV row cannot be read: {exc}",
                             "is a quote left open? Each message is one row; quote fields with commas or line breaks")
            continue
        yield from pending
        pending.clear()
        yield first, cells
    yield from pending


FORMAT = InputFormat("chat-csv", (".csv", ".tsv", ".txt"),
                     "chat export table, one message per row (CSV / TSV / Excel Unicode text; en and zh column names)",
                     (__doc__ or "") + "\n" + (chat_table.__doc__ or ""), read, sniff, claims)
