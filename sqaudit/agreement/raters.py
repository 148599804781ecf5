"""Read each FILE as one rater (or several, with a rater column) and check the names.

A file is sqaudit's scored output when it ends in ``.json``/``.jsonl``/``.ndjson`` or its text
starts with ``{``; otherwise it is a review sheet (CSV in any encoding, or xlsx) read by
:func:`sqaudit.survey.readers.read_table`. The rater's name is the file's stem, the name
given with ``--name`` (one per file, in order), or the sheet's rater column. The same name
from two files is refused: it would silently merge two people.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqaudit.agreement.ratings import Rater, RaterSet
from sqaudit.agreement.scored import looks_scored, read_scored
from sqaudit.agreement.sheets import SheetRead, read_sheet
from sqaudit.encodings import decode
from sqaudit.errors import InputError, UsageError
from sqaudit.model import InputNotice, InputProblem
from sqaudit.survey.readers import MAX_BYTES, read_table

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


def read_raters(paths: Sequence[Path], names: Sequence[str] = (), encoding: str | None = None,
                sheet: str | None = None) -> RaterSet:
    """Every rater of every file; an unreadable file is a problem (counted), not an exception."""
    if names and len(names) != len(paths):
        raise UsageError(f"--name was given {len(names)} time(s) for {len(paths)} file(s): give one per file, in order")
    raters: list[Rater] = []
    owner: dict[str, str] = {}
    problems: list[InputProblem] = []
    notices: list[InputNotice] = []
    rows = skipped = partial = unreadable = 0
    for i, path in enumerate(paths):
        default = names[i] if names else path.stem
        try:
            read = _read_file(path, default, encoding, sheet)
        except InputError as exc:
            problems.append(InputProblem(exc.source, f"{exc.message}; file not used", exc.hint))
            unreadable += 1
            continue
        for name, builder in read.builders.items():
            if name in owner and owner[name] != str(path):
                raise UsageError(f"rater '{name}' is in both {owner[name]} and {path}: name the files apart with "
                                 "--name (one per file), or rename a rater")
            owner[name] = str(path)
            rater = builder.build()
            if rater.ratings:
                raters.append(rater)
            else:
                notices.append(InputNotice(str(path), f"rater '{name}' rated nothing and is left out"))
        problems += read.problems
        notices += read.notices
        rows, skipped, partial = rows + read.rows, skipped + read.skipped, partial + read.partial
    return RaterSet(tuple(raters), tuple(problems), tuple(notices), rows, skipped, partial, unreadable)


def _read_file(path: Path, rater: str, encoding: str | None, sheet: str | None) -> SheetRead:
    suffix = path.suffix.lower()
    if path.is_dir():
        raise InputError(str(path), "a directory, not a file", "name the review file or scored JSON of one rater")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return read_sheet(read_table(path, encoding, sheet), rater)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(str(path), f"larger than {MAX_BYTES // 1024 // 1024} MB", "split the file")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    decoded = decode(data, str(path), encoding)
    if suffix in JSON_SUFFIXES or looks_scored(decoded.text):
        read = read_scored(decoded.text, str(path), rater)
    else:
        read = read_sheet(read_table(path, encoding, sheet), rater)
    if decoded.guessed:
        read.notices.insert(0, InputNotice(str(path), f"read as {decoded.encoding} (detected)"))
    return read
