"""From the turns an export gives to a Transcript: speakers mapped, times checked.

Shared by every format but the native one. Rules, the same in every format:

- A turn's time must be a number of seconds from the contact's start, ``>= 0`` and at most
  ``MAX_CALL_S`` (24 h) for a recording's offsets or ``MAX_CONTACT_S`` (31 days) for the
  clock times of a chat; its end must not come before its start. A turn that breaks this is
  an error naming its line and is left out; the rest of the contact is scored.
- Turns stay in the order the file gives them. When a turn starts before the turn before it
  did, the order and the times disagree: the contact's times are dropped (timing criteria are
  then not applicable, never computed from a wrong order) and a notice says where.
- A contact left with no turn is an error; it is never scored as empty.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript, Turn
from sqaudit.parsers.base import Item, ReadOptions
from sqaudit.parsers.speakers import assign
from sqaudit.redact import redact

MAX_CALL_S = 24 * 3600.0  # no call recording is a day long: a larger offset is a broken file
MAX_CONTACT_S = 31 * 24 * 3600.0  # a chat or email thread may span days, not months


@dataclass(frozen=True, slots=True)
class RawTurn:
    label: str  # the speaker as the file names it; mapped to a role by speakers.assign
    text: str
    start: float | None
    end: float | None
    line: int | None  # in the file; None where a JSON entry has none of its own


def time_problem(start: float | None, end: float | None, limit: float) -> str | None:
    """What is wrong with a turn's times, or None."""
    for name, value in (("start", start), ("end", end)):
        if value is None:
            continue
        if not math.isfinite(value) or value < 0:
            return f"{name} time {value!r} is not a time from the contact's start"
        if value > limit:
            return f"{name} time {value:,.0f} s is beyond {limit / 3600:,.0f} h from the contact's start"
    if start is not None and end is not None and end < start:
        return f"turn ends ({end:g} s) before it starts ({start:g} s)"
    return None


def build(where: str, contact_id: str, raw: Sequence[RawTurn], options: ReadOptions, *,
          agent: str | None = None, team: str | None = None, channel: str | None = None,
          language: str | None = None, started_at: str | None = None,
          metadata: Sequence[tuple[str, str]] = ()) -> Iterator[Item]:
    """The contact (or an error when it has no turn) and the notices of what was assumed.

    ``where`` is "path:line" of the contact's start; notices and errors name it."""
    if not raw:
        yield InputError(where, f"contact {contact_id}: no turns found",
                         "every turn needs a speaker and some text")
        return
    mapping, note = assign([(t.label, t.text) for t in raw], options.agent_speaker, options.speaker_map)
    if note:
        yield InputNotice(where, redact(f"contact {contact_id}: {note}"))  # labels may be a phone number
    turns = [Turn(mapping[t.label], t.text, t.start, t.end, t.line) for t in raw]
    backwards = _first_backwards(turns)
    if backwards is not None:
        turn = turns[backwards]
        place = f"on line {turn.line}" if turn.line is not None else f"{backwards + 1}"
        yield InputNotice(where, f"contact {contact_id}: turn {place} starts before the turn before it: the "
                                 "contact's times are ignored (timing criteria not applicable)")
        turns = [replace(t, start=None, end=None) for t in turns]
    yield Transcript(id=contact_id, turns=tuple(turns), agent=agent, team=team, channel=channel,
                     language=language, started_at=started_at, metadata=tuple(sorted(metadata)), source=where)


def _first_backwards(turns: Sequence[Turn]) -> int | None:
    """Index of the first turn that starts before an earlier turn did."""
    last = None
    for i, turn in enumerate(turns):
        if turn.start is None:
            continue
        if last is not None and turn.start < last:
            return i
        last = turn.start
    return None
