"""Map an export's columns to an instrument, and turn each row into a :class:`Response`.

Headers are matched after :func:`~sqaudit.survey.model.column_key` (case, width and spaces
do not matter); an instrument lists candidate names per answer and the first one present
wins. Every column the instrument does not claim is kept as metadata (redacted: it may be
a free-text comment with a phone number in it), so ``--by`` can group by it.

A missing item column, an answer outside its scale or text where a number belongs is a
problem naming the file, the row (CSV line or sheet row) and the column; that answer is
left out and the rest of the row is used. A row with more fields than the header (a stray
delimiter shifts every answer after it) or with no answer at all is skipped whole. Blank
answers and the usual "no answer" codes (``NA``, ``-``, ``跳过`` ...) are missing, not errors.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from sqaudit.errors import InputError, did_you_mean
from sqaudit.model import InputNotice, InputProblem
from sqaudit.redact import redact
from sqaudit.survey.model import ROLES, Instrument, Item, Response, Scale, column_key
from sqaudit.survey.readers import Table

MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "-", "--", "—", ".", "#n/a", "跳过", "(跳过)",
                     "（跳过）", "未填", "未作答", "不适用", "无"})
MAX_CELLS_NAMED = 3  # a row's problem names this many bad cells, then "+N more"
MAX_MISSING_LISTED = 3  # missing item columns get a problem each up to this many, then one for them all
DATE_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y-%m-%d %H:%M", "%Y年%m月%d日 %H:%M:%S",
                "%Y年%m月%d日", "%d.%m.%Y")


@dataclass(frozen=True)
class ColumnMap:
    expectation: tuple[int | None, ...]  # per item: index into the header
    perception: tuple[int | None, ...]
    weights: tuple[int | None, ...]  # per instrument dimension
    roles: dict[str, int | None]
    singles: dict[str, int]  # only the ones found
    metadata: tuple[int, ...]  # every other named column


def map_columns(table: Table, instrument: Instrument) -> tuple[ColumnMap, list[InputProblem], list[InputNotice]]:
    """Where each answer sits; problems for missing item columns; InputError when nothing matches."""
    index: dict[str, int] = {}
    for i, name in enumerate(table.header):
        index.setdefault(column_key(name), i)
    find = (lambda names: next((index[column_key(n)] for n in names if column_key(n) in index), None))
    where = f"{table.path}:{table.header_line}"
    problems: list[InputProblem] = []
    notices: list[InputNotice] = []
    expectation = tuple(find(item.expectation) for item in instrument.items)
    perception = tuple(find(item.perception) for item in instrument.items)
    singles = {kind: i for kind, s in instrument.singles.items() for i in (find(s.columns),) if i is not None}
    if instrument.items and not any(i is not None for i in perception) and not singles:
        wanted = [instrument.items[0].perception[0], *(s.columns[0] for s in instrument.singles.values())]
        raise InputError(where, f"none of the columns of instrument '{instrument.id}' is in the header "
                         f"(looked for {', '.join(wanted)} ...)",
                         f"the header has {_shown(table.header)}; is this the right --instrument?")
    if not instrument.items and not singles:
        raise InputError(where, f"none of the columns of instrument '{instrument.id}' is in the header",
                         f"the header has {_shown(table.header)}")
    if instrument.has_expectations and not any(i is not None for i in expectation):
        problems.append(InputProblem(where, f"no expectation columns ({instrument.items[0].expectation[0]} ...): "
                                     "no gaps can be computed, only perceptions",
                                     "a perceptions-only export? try --instrument servperf-22"))
        expectation = tuple(None for _ in instrument.items)
    else:
        problems += _all_missing(where, [item for item, e in zip(instrument.items, expectation)
                                         if item.expectation and e is None], "expectation", table.header)
    problems += _all_missing(where, [item for item, p in zip(instrument.items, perception) if p is None],
                             "perception", table.header)
    weights = tuple(find(instrument.weight_columns.get(d, ())) for d in instrument.dimension_ids)
    if any(w is not None for w in weights) and not all(w is not None for w in weights):
        lacking = [d for d, w in zip(instrument.dimension_ids, weights) if w is None]
        problems.append(InputProblem(where, f"importance columns for {', '.join(lacking)} are missing: "
                                     "the respondents' allocation is not used",
                                     "give all of them, or none (then the instrument's weights apply)"))
        weights = tuple(None for _ in weights)
    for kind, single in instrument.singles.items():
        if kind not in singles:
            notices.append(InputNotice(table.path, f"no {kind.upper() if kind != 'satisfaction' else kind} "
                                       f"column ({', '.join(single.columns)}): not reported from this file"))
    roles = {role: find(instrument.roles.get(role, ())) for role in ROLES}
    claimed = {*expectation, *perception, *weights, *roles.values(), *singles.values()}
    metadata = tuple(i for i, name in enumerate(table.header) if i not in claimed and name.strip())
    return ColumnMap(expectation, perception, weights, roles, singles, metadata), problems, notices


def _shown(header: Sequence[str], limit: int = 8) -> str:
    names = [repr(h) for h in header[:limit]]
    return ", ".join(names) + (f" and {len(header) - limit} more" if len(header) > limit else "")


def _all_missing(where: str, items: Sequence[Item], kind: str, header: Sequence[str]) -> list[InputProblem]:
    """One problem per missing item column; past MAX_MISSING_LISTED, one problem naming them all."""
    if len(items) <= MAX_MISSING_LISTED:
        return [_missing(where, getattr(item, kind), f"item {item.id}", header) for item in items]
    names = [getattr(item, kind)[0] for item in items]
    return [InputProblem(where, f"{len(names)} {kind} columns are not in the header ({', '.join(names[:6])}"
                         f"{' …' if len(names) > 6 else ''}): those answers are missing for every row",
                         "rename the columns, or map them in the instrument (sqaudit instrument show)")]


def _missing(where: str, names: tuple[str, ...], what: str, header: Sequence[str]) -> InputProblem:
    hint = did_you_mean(names[0], [h for h in header if h.strip()])
    alternatives = f" (or {', '.join(repr(n) for n in names[1:])})" if len(names) > 1 else ""
    return InputProblem(where, f"column '{names[0]}'{alternatives} for {what} is not in the header: "
                        "that answer is missing for every row", hint or "rename the column, or map it in the instrument")


def rows(table: Table, instrument: Instrument, cmap: ColumnMap) -> Iterator[Response | InputProblem]:
    """One Response per usable row, and an InputProblem for each row with something wrong."""
    width = len(table.header)
    for line, cells in table.rows:
        if not any(_text(c) for c in cells):
            continue  # a blank line is not a respondent
        where = f"{table.path}:{line}"
        extra = [c for c in cells[width:] if _text(c)]
        if extra:
            yield InputProblem(where, f"the row has {width + len(extra)} or more fields but the header has {width}: "
                               "the row was skipped", "a stray delimiter or an unquoted comma shifts every answer")
            continue
        row = _Row(table, cells)
        cell, number, bad = row.cell, row.number, row.bad
        expectation, perception = [], []
        for item, e, p in zip(instrument.items, cmap.expectation, cmap.perception):
            for out, i in ((expectation, e), (perception, p)):
                value = number(i, item.scale)
                out.append(item.scale.reverse(value) if value is not None and item.reverse else value)
        weights = tuple(number(i, Scale(0, 100)) for i in cmap.weights)
        singles = tuple((kind, None if v is None else v - s.scale.low if kind == "nps" else v)
                        for kind, s in instrument.singles.items()
                        for v in (number(cmap.singles.get(kind), s.scale),))
        if bad:
            shown = "; ".join(bad[:MAX_CELLS_NAMED]) + (f" (+{len(bad) - MAX_CELLS_NAMED} more)"
                                                        if len(bad) > MAX_CELLS_NAMED else "")
            yield InputProblem(where, redact(shown) + ": left out, the rest of the row is used",
                               "answers must be numbers on the instrument's scale; blank means not answered")
        if all(v is None for v in (*expectation, *perception)) and all(v is None for _, v in singles):
            yield InputProblem(where, "no answer in this row: the row was skipped",
                               "a respondent who answered nothing is not counted")
            continue
        roles = {role: _text(cell(i)) or None for role, i in cmap.roles.items()}
        yield Response(
            source=where, respondent=redact(roles["respondent"]) if roles["respondent"] else None,
            contact=roles["contact"], agent=roles["agent"], team=roles["team"], date=iso_date(cell(cmap.roles["date"])),
            expectation=tuple(expectation), perception=tuple(perception), weights=weights, singles=singles,
            metadata=tuple((table.header[i], redact(text)) for i in cmap.metadata for text in (_text(cell(i)),)
                           if text))


class _Row:
    """One row's cells, and what was wrong with them (each bad answer with its column)."""

    def __init__(self, table: Table, cells: Sequence[object]):
        self.table, self.cells = table, cells
        self.bad: list[str] = []

    def cell(self, i: int | None) -> object:
        return self.cells[i] if i is not None and i < len(self.cells) else None

    def number(self, i: int | None, scale: Scale) -> float | None:
        value, problem = parse_number(self.cell(i), scale)
        if problem and i is not None:
            self.bad.append(f"{_column(self.table, i)}: {problem}")
        return value


def parse_number(value: object, scale: Scale) -> tuple[float | None, str | None]:
    """(answer, None), (None, None) for no answer, or (None, what is wrong)."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, f"{value!r} is not a number"
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if text.casefold() in MISSING:
            return None, None
        try:
            number = float(text)
        except ValueError:
            return None, f"'{_clip(text)}' is not a number"
    if not math.isfinite(number):
        return None, f"'{value}' is not a number"
    if not scale.contains(number):
        return None, f"{number:g} is outside the scale {scale}"
    return number, None


def iso_date(value: object) -> str | None:
    """An ISO 8601 date-time for ``--period``; text in a format we do not know is kept as written."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).isoformat()
        except ValueError:
            continue
    return text


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed into a spreadsheet comes back as 1017.0
    return str(value).strip()


def _clip(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column(table: Table, index: int) -> str:
    name = table.header[index] if index < len(table.header) else ""
    if table.kind == "xlsx":
        return f"column {get_column_letter(index + 1)} ('{name}')"
    return f"column '{name}'"
