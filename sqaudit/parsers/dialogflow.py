"""Google Contact Center AI (CCAI Insights / Dialogflow) conversation JSON, ``.json``.

    {"conversation_info": {"categories": [{"display_name": "Billing"}]},
     "entries": [{"start_timestamp_usec": 1714555800000000, "text": "Hi, I was charged twice.",
                  "role": "CUSTOMER", "user_id": 1},
                 {"start_timestamp_usec": 1714555804000000, "text": "I'm sorry about that.",
                  "role": "AGENT", "user_id": 2}]}

One conversation per file; each entry is a turn. ``role``: AGENT and HUMAN_AGENT are the
agent, CUSTOMER and END_USER the customer, AUTOMATED_AGENT (a virtual agent, a bot) is
``system`` — a bot's words are not the agent's to be scored for. ``start_timestamp_usec``
(microseconds since the Unix epoch) becomes each turn's start in seconds from the first
entry, and the first entry's time the contact's ``started_at``; turns have no end time.
camelCase names (``startTimestampUsec``, ``conversationInfo``) are read too. The contact's
id is the file name without its suffix; ``conversation_info.categories`` are kept in its
metadata as ``categories``.

An entry with no text, an unknown role or a bad timestamp is an error naming the entry
(``file:1 [entries i]``); the contact is scored from the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.parsers.assemble import MAX_CONTACT_S, RawTurn, build, time_problem
from sqaudit.parsers.base import InputFormat, Item, ReadOptions
from sqaudit.parsers.source import json_document, whole_file

HINT = "each entry needs 'role' (AGENT, CUSTOMER, END_USER, AUTOMATED_AGENT), 'text' and 'start_timestamp_usec'"
ROLES = {"AGENT": "agent", "HUMAN_AGENT": "agent", "CUSTOMER": "customer", "END_USER": "customer",
         "AUTOMATED_AGENT": "system"}
MAX_USEC = 253402300799 * 10**6  # 9999-12-31: later is not a time


def sniff(head: str, options: ReadOptions) -> bool:
    return '"entries"' in head and '"role"' in head


@whole_file
def read(path: Path, text: str, options: ReadOptions) -> Iterator[Item]:
    data = json_document(path, text, "is the file complete? A CCAI conversation is one JSON object with 'entries'")
    where = f"{path}:1"
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        yield InputError(where, "no 'entries' list: not a CCAI / Dialogflow conversation", HINT)
        return
    read_entries: list[tuple[str, str, int | None, str]] = []
    for i, entry in enumerate(entries):
        item = _entry(entry, f"{where} [entries {i}]")
        if isinstance(item, InputError):
            yield item
        else:
            read_entries.append(item)
    stamps = [usec for _, _, usec, _ in read_entries if usec is not None]
    first = min(stamps) if stamps else None
    turns = []
    for role, text, usec, source in read_entries:
        start = None if usec is None or first is None else (usec - first) / 1e6
        problem = time_problem(start, None, MAX_CONTACT_S)
        if problem:
            yield InputError(source, problem, HINT)
            continue
        turns.append(RawTurn(role, text, start, None, None))
    started = datetime.fromtimestamp(first / 1e6, tz=timezone.utc).isoformat() if first is not None else None
    yield from build(where, path.stem, turns, options, started_at=started, metadata=_metadata(data))


def _entry(entry: object, where: str) -> tuple[str, str, int | None, str] | InputError:
    if not isinstance(entry, dict):
        return InputError(where, "an entry must be an object", HINT)
    role = ROLES.get(str(entry.get("role")).upper())
    if role is None:
        return InputError(where, f"unknown role {entry.get('role')!r}", HINT)
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(where, "entry has no text", HINT)
    usec = entry.get("start_timestamp_usec", entry.get("startTimestampUsec"))
    if isinstance(usec, str) and usec.isdigit():  # proto3 JSON writes int64 as a string
        usec = int(usec)
    if usec is not None and (isinstance(usec, bool) or not isinstance(usec, int) or not 0 <= usec <= MAX_USEC):
        return InputError(where, f"start_timestamp_usec {usec!r} is not microseconds since 1970", HINT)
    return role, text.strip(), usec, where


def _metadata(data: dict) -> list[tuple[str, str]]:
    info = data.get("conversation_info", data.get("conversationInfo"))
    categories = info.get("categories") if isinstance(info, dict) else None
    if not isinstance(categories, list):
        return []
    names = [str(c.get("display_name", c.get("displayName"))) for c in categories if isinstance(c, dict)]
    return [("categories", json.dumps(names, ensure_ascii=False))] if names else []


FORMAT = InputFormat("dialogflow", (".json",),
                     "Google CCAI Insights / Dialogflow conversation (entries[] with role, text, start_timestamp_usec)",
                     __doc__ or "", read, sniff)
