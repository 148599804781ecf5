"""Read every survey file of a batch into responses, keeping what was skipped and guessed.

``read_survey`` never raises on bad input: an unreadable file, a missing column or a bad
row becomes an :class:`~sqaudit.model.InputProblem` (file:line, message, hint) and the rest
is read; a guessed encoding becomes an :class:`~sqaudit.model.InputNotice`. The caller
decides whether what is left is enough for a verdict.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import InputNotice, InputProblem
from sqaudit.redact import redact
from sqaudit.survey.columns import ColumnMap, map_columns, rows
from sqaudit.survey.model import Instrument, Response
from sqaudit.survey.readers import Table, expand, header_candidates, read_table


@dataclass(frozen=True)
class FileInfo:
    path: str
    kind: str  # csv | xlsx | unreadable
    rows: int  # non-blank rows under the header
    used: int  # of them, respondents kept
    sha256: str | None
    encoding: str | None = None
    guessed: bool = False
    sheet: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "kind": self.kind, "rows": self.rows, "used": self.used, "sha256": self.sha256,
                "encoding": self.encoding, "encoding_guessed": self.guessed, "sheet": self.sheet}


@dataclass(frozen=True)
class SurveyData:
    responses: tuple[Response, ...]
    problems: tuple[InputProblem, ...]
    notices: tuple[InputNotice, ...]
    files: tuple[FileInfo, ...]

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def skipped_rows(self) -> int:
        return self.rows - len(self.responses)

    @property
    def unreadable_files(self) -> int:
        return sum(f.kind == "unreadable" for f in self.files)


def read_survey(paths: Iterable[str | Path], instrument: Instrument, encoding: str | None = None,
                sheet: str | None = None) -> SurveyData:
    responses: list[Response] = []
    problems: list[InputProblem] = []
    notices: list[InputNotice] = []
    files: list[FileInfo] = []
    for path in expand(tuple(Path(p) for p in paths)):
        if isinstance(path, InputError):
            problems.append(InputProblem(path.source, path.message, path.hint))
            files.append(FileInfo(path.source, "unreadable", 0, 0, None))
            continue
        try:
            table = read_table(path, encoding, sheet)
            table, (cmap, mapped, noted) = _mapped(table, instrument)
        except InputError as exc:
            problems.append(InputProblem(exc.source, redact(exc.message), exc.hint))
            files.append(FileInfo(str(path), "unreadable", 0, 0, _sha256(path)))
            continue
        problems.extend(mapped)
        if table.guessed:
            notices.append(InputNotice(table.path, f"read as {table.encoding} (detected)"))
        notices.extend(noted)
        count = used = 0
        for item in rows(table, instrument, cmap):
            if isinstance(item, InputProblem):
                problems.append(item)
            else:
                used += 1
                responses.append(item)
        count = sum(1 for _, cells in table.rows if any(str(c).strip() for c in cells if c is not None))
        files.append(FileInfo(table.path, table.kind, count, used, _sha256(path), table.encoding, table.guessed,
                              table.sheet))
    notices.extend(_duplicates(responses))
    return SurveyData(tuple(responses), tuple(problems), tuple(notices), tuple(files))


def _mapped(table: Table, instrument: Instrument) -> tuple[Table, tuple[ColumnMap, list[InputProblem],
                                                                        list[InputNotice]]]:
    """Map the header; when nothing matches, try the next rows (a title row above the real header)."""
    try:
        return table, map_columns(table, instrument)
    except InputError as first:
        for candidate in header_candidates(table):
            try:
                return candidate, map_columns(candidate, instrument)
            except InputError:
                continue
        raise first from None


def _duplicates(responses: list[Response]) -> list[InputNotice]:
    first: dict[str, str] = {}
    found = []
    for response in responses:
        if response.respondent is None:
            continue
        if response.respondent in first:
            found.append(InputNotice(response.source, f"respondent {response.respondent} also answered at "
                                     f"{first[response.respondent]}: both rows are counted"))
        first.setdefault(response.respondent, response.source)
    return found


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
