"""Human review sheets (CSV in any encoding, xlsx) read into raters.

Three shapes, told apart by the header (see :mod:`sqaudit.agreement.columns`):

- **long**: ``contact_id, criterion, outcome`` — one row per contact and criterion; without an
  outcome column the ``points`` (or ``score``) column decides: more than 0 (or, with a
  ``max_points`` column, full marks) is a pass, 0 a fail, N/A or blank not applicable;
- **wide**: ``id, EMP-01, GRT-01, ...`` — one row per contact, one column per criterion;
  a column is a criterion when most of its cells are outcomes (others are reported and left out);
- **per contact**: ``id, score`` — the contact's score only (a wide sheet may carry one too).

A ``rater``/``reviewer`` column puts several raters in one file; otherwise the file is one
rater. A bad row is an :class:`~sqaudit.model.InputProblem` naming ``file:line`` with a hint;
the rest of the file is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqaudit.agreement.columns import (
    OUTCOME_HINT,
    find_columns,
    is_metadata,
    parse_number,
    parse_outcome,
    text_of,
)
from sqaudit.agreement.ratings import RaterBuilder
from sqaudit.errors import InputError
from sqaudit.model import InputNotice, InputProblem
from sqaudit.survey.readers import Table, header_candidates

HINT_HEADER = ("a header naming the contact id column (contact_id, id, 会话ID ...) and either criterion + outcome "
               "columns, one column per criterion, or a score column")


@dataclass
class SheetRead:
    builders: dict[str, RaterBuilder] = field(default_factory=dict)
    problems: list[InputProblem] = field(default_factory=list)
    notices: list[InputNotice] = field(default_factory=list)
    rows: int = 0
    skipped: int = 0
    partial: int = 0


def read_sheet(table: Table, default_rater: str) -> SheetRead:
    """Raters from one table; InputError when no header makes sense of it."""
    chosen = next((t for t in (table, *header_candidates(table)) if "id" in find_columns(t.header)), None)
    if chosen is None:
        listing = ", ".join(repr(h) for h in table.header if h) or "no named columns"
        raise InputError(f"{table.path}:{table.header_line}", f"no contact id column among {listing}", HINT_HEADER)
    columns = find_columns(chosen.header)
    read = SheetRead()
    if "rater" in columns:
        read.notices.append(InputNotice(table.path, f"raters named by the column '{chosen.header[columns['rater']]}'"))
    if "criterion" in columns:
        if "outcome" not in columns and "points" not in columns:
            raise InputError(f"{table.path}:{chosen.header_line}", "a criterion column but no outcome or points column",
                             HINT_HEADER)
        if "outcome" not in columns:
            rule = "full marks" if "max_points" in columns else "points > 0"
            read.notices.append(InputNotice(table.path, f"outcomes taken from the points column ({rule} is a pass)"))
        _rows(chosen, columns, default_rater, read, _long_row)
        return read
    criteria = _criterion_columns(chosen, columns, read)
    if not criteria and "score" not in columns:
        raise InputError(f"{table.path}:{chosen.header_line}", "no criterion, outcome or score column", HINT_HEADER)
    _rows(chosen, columns, default_rater, read, lambda *a: _wide_row(*a, criteria=criteria))
    return read


Handler = Callable[[RaterBuilder, str, str, tuple[object, ...], dict[str, int]], list[InputProblem]]


def _rows(table: Table, columns: dict[str, int], default_rater: str, read: SheetRead, handle: Handler) -> None:
    for line, cells in table.rows:
        if not any(text_of(c) for c in cells):
            continue
        read.rows += 1
        where = f"{table.path}:{line}"
        contact = text_of(_cell(cells, columns["id"]))
        rater = text_of(_cell(cells, columns["rater"])) if "rater" in columns else default_rater
        if not contact or not rater:
            read.skipped += 1
            read.problems.append(InputProblem(where, f"no {'contact id' if not contact else 'rater'}; row skipped",
                                              "every row needs the contact's id" + ("" if contact else " and a rater")))
            continue
        builder = read.builders.setdefault(rater, RaterBuilder(rater, table.path, "review"))
        problems = handle(builder, contact, where, cells, columns)
        if "score" in columns:
            try:
                score = parse_number(_cell(cells, columns["score"]), "score")
            except ValueError as exc:
                problems.append(InputProblem(where, f"{exc}; the score is left out", "a number such as 85 or 85.5"))
            else:
                builder.contact(contact, where)
                if score is not None:
                    problems += [p for p in [builder.add_score(contact, score, where)] if p]
        read.problems += problems
        if any("skipped" in p.message for p in problems):
            read.skipped += 1
        elif any("left out" in p.message for p in problems):
            read.partial += 1


def _long_row(builder: RaterBuilder, contact: str, where: str, cells: tuple[object, ...],
              columns: dict[str, int]) -> list[InputProblem]:
    criterion = text_of(_cell(cells, columns["criterion"]))
    if not criterion:
        return [InputProblem(where, "no criterion; row skipped", "name the criterion on every row")]
    try:
        outcome = (parse_outcome(_cell(cells, columns["outcome"])) if "outcome" in columns
                   else _from_points(cells, columns))
    except ValueError as exc:
        return [InputProblem(where, f"{criterion}: {exc}; row skipped", OUTCOME_HINT)]
    if outcome is None:
        return []  # not rated
    problem = builder.add_outcome(contact, criterion, outcome, where)
    return [problem] if problem else []


def _from_points(cells: tuple[object, ...], columns: dict[str, int]) -> str | None:
    raw = _cell(cells, columns["points"])
    points = parse_number(raw, "points")
    if points is None:
        return "na" if text_of(raw) else None
    if "max_points" in columns:
        full = parse_number(_cell(cells, columns["max_points"]), "max_points")
        if full is not None:
            return "pass" if points >= full else "fail"
    return "pass" if points > 0 else "fail"


def _wide_row(builder: RaterBuilder, contact: str, where: str, cells: tuple[object, ...], columns: dict[str, int],
              criteria: list[tuple[int, str]]) -> list[InputProblem]:
    problems = []
    builder.contact(contact, where)
    for index, criterion in criteria:
        try:
            outcome = parse_outcome(_cell(cells, index))
        except ValueError as exc:
            problems.append(InputProblem(where, f"column '{criterion}': {exc}; left out, the rest of the row is used",
                                         OUTCOME_HINT))
            continue
        if outcome is not None:
            problem = builder.add_outcome(contact, criterion, outcome, where)
            if problem:
                problems.append(problem)
    return problems


def _criterion_columns(table: Table, columns: dict[str, int], read: SheetRead) -> list[tuple[int, str]]:
    """Wide sheets: the columns most of whose filled cells are outcomes."""
    out = []
    for index, name in enumerate(table.header):
        label = text_of(name)
        if not label or index in columns.values() or is_metadata(label):
            continue
        filled = [c for _, cells in table.rows if text_of(c := _cell(cells, index))]
        good = sum(1 for c in filled if _is_outcome(c))
        if filled and good * 2 >= len(filled):
            out.append((index, label))
        else:
            read.notices.append(InputNotice(table.path, f"column '{label}' left out: its cells are not pass/fail/N/A"))
    return out


def _is_outcome(cell: object) -> bool:
    try:
        return parse_outcome(cell) is not None
    except ValueError:
        return False


def _cell(cells: tuple[object, ...], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None
