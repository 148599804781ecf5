"""Message times as exports write them, to seconds.

Three kinds, never mixed within a conversation: ``clock`` (a date and time: ISO 8601 with or
without ``T`` and ``Z``, ``2026/05/01 09:30:05``, ``2026年5月1日 09:30``, a spreadsheet's
datetime), ``seconds`` (a number: seconds from the start or since 1970; a number above 10¹¹
is taken as epoch milliseconds) and ``offset`` (``mm:ss`` or ``h:mm:ss`` from the start).
A time without a zone is read as UTC only to take differences: nothing is shifted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone

OFFSET = re.compile(r"^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$")
FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H:%M:%S",
           "%Y.%m.%d %H:%M:%S")
EPOCH_MS = 1e11  # 1e11 s is the year 5138; 1e11 ms is 1973


@dataclass(frozen=True, slots=True)
class Parsed:
    kind: str  # clock | seconds | offset
    seconds: float
    iso: str | None = None  # the clock time as written back (ISO 8601), for started_at


def parse_time(cell: object) -> Parsed | None:
    """The time a cell holds, or None when it is empty or holds no time."""
    if isinstance(cell, datetime):
        return _clock(cell)
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return _number(float(cell))
    text = str(cell).strip()
    if not text:
        return None
    try:
        return _number(float(text))
    except ValueError:
        pass
    found = OFFSET.match(text)
    if found:
        hours, minutes, seconds = found.groups()
        return Parsed("offset", int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds))
    return _text_clock(text)


def _number(value: float) -> Parsed | None:
    if not math.isfinite(value) or value < 0:
        return None
    return Parsed("seconds", value / 1000 if value > EPOCH_MS else value)


def _text_clock(text: str) -> Parsed | None:
    iso = re.sub(r"[zZ]$", "+00:00", text.replace("/", "-") if re.match(r"^\d{4}/\d", text) else text)
    try:
        return _clock(datetime.fromisoformat(iso))
    except ValueError:
        pass
    for pattern in FORMATS:
        try:
            return _clock(datetime.strptime(text, pattern))
        except ValueError:
            continue
    return None


def _clock(value: datetime) -> Parsed | None:
    try:
        moment = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return Parsed("clock", moment.timestamp(), value.isoformat())
    except (OverflowError, ValueError, OSError):
        return None
