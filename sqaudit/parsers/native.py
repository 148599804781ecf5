"""The native transcript (ARCHITECTURE §4.1): ``.json`` (one contact or a list), ``.jsonl``.

    {"id": "c-0001", "agent": "a17", "team": "billing", "channel": "call", "language": "en",
     "started_at": "2026-05-01T09:30:00Z",
     "turns": [{"speaker": "customer", "text": "My card was charged twice.", "start": 0.0, "end": 3.1},
               {"speaker": "agent", "text": "I'm sorry about that, let me fix it.", "start": 4.0, "end": 6.5}],
     "metadata": {"queue": "cards"}}

Only ``id`` and each turn's ``speaker`` (agent, customer or system) and ``text`` are
required; ``start`` / ``end`` are seconds from the contact's start. A bad contact, or a bad
line of a ``.jsonl`` file, becomes an InputError naming the file and line; the others are
still read. A ``.jsonl`` file is streamed: it may be any size, but a line longer than 16 MB
is refused by number without being read into memory.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import CHANNELS, SPEAKERS, Transcript, Turn
from sqaudit.parsers.base import InputFormat, Item, ReadOptions
from sqaudit.parsers.source import stream_lines, whole_file

HINT_JSON = "each contact needs 'id' and 'turns': [{'speaker': 'agent'|'customer'|'system', 'text': ...}]"


def _time(value: object, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"'{name}' must be seconds from the contact's start (a number >= 0), got {value!r}")
    return float(value)


def _turn(raw: object) -> Turn:
    """One turn; ValueError says what is wrong with it."""
    if not isinstance(raw, dict):
        raise ValueError("a turn must be an object with 'speaker' and 'text'")
    speaker, text = raw.get("speaker"), raw.get("text")
    if not isinstance(speaker, str) or speaker.lower() not in SPEAKERS:
        raise ValueError(f"speaker must be agent, customer or system, got {speaker!r}")
    if not isinstance(text, str):
        raise ValueError(f"'text' must be a string, got {type(text).__name__}")
    start, end = _time(raw.get("start"), "start"), _time(raw.get("end"), "end")
    if start is not None and end is not None and end < start:
        raise ValueError(f"turn ends ({end:g}) before it starts ({start:g})")
    return Turn(speaker.lower(), text, start, end)


def transcript_from_dict(data: object, source: str) -> Transcript:
    if not isinstance(data, dict):
        raise InputError(source, f"a contact must be a JSON object, got {type(data).__name__}", HINT_JSON)
    cid = data.get("id")
    if isinstance(cid, bool) or not isinstance(cid, (str, int)) or cid == "":
        raise InputError(source, "missing or empty 'id'", HINT_JSON)
    raw_turns = data.get("turns")
    if not isinstance(raw_turns, list):
        raise InputError(source, f"contact {cid}: 'turns' must be a list", HINT_JSON)
    turns = []
    for i, raw in enumerate(raw_turns):
        try:
            turns.append(_turn(raw))
        except ValueError as exc:
            raise InputError(source, f"contact {cid}, turn {i}: {exc}", HINT_JSON) from None
    channel = data.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise InputError(source, f"contact {cid}: unknown channel {channel!r}", f"channels: {', '.join(CHANNELS)}")
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    return Transcript(
        id=str(cid), turns=tuple(turns), agent=_opt(data.get("agent")), team=_opt(data.get("team")),
        channel=channel, language=_opt(data.get("language")), started_at=_opt(data.get("started_at")),
        metadata=tuple(sorted((str(k), json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                              for k, v in metadata.items())),  # type: ignore[union-attr]
        source=source,
    )


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def read_json(path: Path, text: str, options: ReadOptions | None = None) -> Iterator[Transcript | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"{path}:{exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})",
                         "a .json file holds one contact object or a list of them; one per line is .jsonl")
        return
    except RecursionError:
        yield InputError(f"{path}:1", "JSON nested too deeply")
        return
    items = data if isinstance(data, list) else [data]
    for i, item in enumerate(items):
        source = f"{path}:1" if not isinstance(data, list) else f"{path}:1 [{i}]"
        try:
            yield transcript_from_dict(item, source)
        except InputError as exc:
            yield exc


def read_jsonl_line(path: Path, number: int, line: str) -> Transcript | InputError | None:
    """One line of a .jsonl file: a contact, an error naming the line, or None when blank."""
    if not line.strip():
        return None
    source = f"{path}:{number}"
    try:
        return transcript_from_dict(json.loads(line), source)
    except json.JSONDecodeError as exc:
        return InputError(source, f"invalid JSON: {exc.msg} (column {exc.colno})",
                          "each line of a .jsonl file is one complete contact object")
    except RecursionError:
        return InputError(source, "JSON nested too deeply")
    except InputError as exc:
        return exc


def sniff_json(head: str, options: ReadOptions) -> bool:
    return '"turns"' in head


def sniff_jsonl(head: str, options: ReadOptions) -> bool:
    first = next((line.strip() for line in head.splitlines() if line.strip()), "")
    return first.startswith("{") and first.endswith("}") and '"turns"' in first


read_json_file = whole_file(read_json)


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Line by line, so one bad line costs only itself and memory stays flat however long the file."""
    for item in stream_lines(path, options):
        if isinstance(item, tuple):
            contact = read_jsonl_line(path, *item)
            if contact is not None:
                yield contact
        else:
            yield item


FORMAT = InputFormat("native", (".json",), "sqaudit's own transcript: one contact object or a list of them",
                     __doc__ or "", read_json_file, sniff_json)
JSONL_FORMAT = InputFormat("jsonl", (".jsonl", ".ndjson"), "sqaudit's own transcript, one contact object per line "
                           "(streamed)", __doc__ or "", read_jsonl_file, sniff_jsonl)
