"""Plain-text transcripts: an optional header, then one turn per line.

    id: c-1001
    agent: a11
    team: billing
    channel: call
    language: en

    [00:00] Agent: Thank you for calling, this is Dana.
    [00:04-00:09] Customer: Hi, I was charged twice.
    客服：您好，请问有什么可以帮您？

Header keys: id, agent, team, channel, language, started_at, written in lower case with a
one-word value (so ``agent: a11`` is a header and ``Agent: Hello there`` a turn). Speakers: Agent / Customer /
System, 客服 / 客户 / 顾客 / 系统 and their Traditional forms (either colon, ASCII or full-width). Times are optional:
``[mm:ss]``, ``[h:mm:ss]`` or ``[start-end]``. A line that starts no turn continues the
previous one; ``#`` starts a comment line. The same mini-format is used by the
``examples`` of rubric criteria.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.redact import redact
from sqaudit.model import CHANNELS, Transcript, Turn
from sqaudit.parsers.base import InputFormat, ReadOptions
from sqaudit.parsers.source import whole_file

HEADER_KEYS = ("id", "agent", "team", "channel", "language", "started_at")
SPEAKER_WORDS = {"agent": "agent", "customer": "customer", "system": "system", "客服": "agent",
                 "坐席": "agent", "客户": "customer", "顾客": "customer", "用户": "customer", "系统": "system",
                 "客戶": "customer", "顧客": "customer", "用戶": "customer", "系統": "system"}
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d+)?"
TURN_LINE = re.compile(
    rf"^\s*(?:\[(?P<start>{_TIME})(?:\s*[-–]\s*(?P<end>{_TIME}))?\]\s*)?"
    r"(?P<speaker>[A-Za-z]+|[\u4e00-\u9fff]{2})\s*[:：]\s?(?P<text>.*)$")
HEADER_LINE = re.compile(r"^\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")


def seconds(stamp: str) -> float:
    total = 0.0
    for part in stamp.split(":"):
        total = total * 60 + float(part)
    return total


def _is_header(key: str, value: str) -> bool:
    """``agent: a11`` is a header; ``Agent: Hello there`` is a turn (lower-case key, one-word value)."""
    return key in HEADER_KEYS and bool(value) and len(value.split()) == 1


def parse_text(text: str, source: str, default_id: str = "") -> Transcript:
    """Parse one plain-text contact; raise InputError naming the line of the first problem."""
    header: dict[str, str] = {}
    turns: list[dict[str, object]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head = HEADER_LINE.match(line)
        if not turns and head and _is_header(head.group("key"), head.group("value")):
            header[head.group("key")] = head.group("value")
            continue
        match = TURN_LINE.match(line)
        speaker = SPEAKER_WORDS.get(match.group("speaker").lower()) if match else None
        if match and speaker:
            turn: dict[str, object] = {"speaker": speaker, "text": match.group("text").strip(), "line": number}
            if match.group("start"):
                turn["start"] = seconds(match.group("start"))
            if match.group("end"):
                turn["end"] = seconds(match.group("end"))
            turns.append(turn)
            continue
        if turns:
            turns[-1]["text"] = f"{turns[-1]['text']}\n{line}".strip()
            continue
        raise InputError(f"{source}:{number}", f"expected a header 'key: value' or a turn, got {redact(line)[:40]!r}",
                         "turns look like '[00:05] Agent: text' or 'Customer: text'; header keys: "
                         + ", ".join(HEADER_KEYS))
    if not turns:
        raise InputError(f"{source}:1", "no turns found", "write one turn per line: 'Agent: ...' or 'Customer: ...'")
    channel = header.get("channel") or None
    if channel and channel not in CHANNELS:
        raise InputError(f"{source}:1", f"unknown channel '{channel}'", f"channels: {', '.join(CHANNELS)}")
    for turn in turns:
        if "end" in turn and "start" in turn and turn["end"] < turn["start"]:  # type: ignore[operator]
            raise InputError(f"{source}:{turn['line']}", "turn ends before it starts", "write [start-end], start first")
    return Transcript(
        id=header.get("id") or default_id or source,
        turns=tuple(Turn(str(t["speaker"]), str(t["text"]), t.get("start"), t.get("end"), int(t["line"]))  # type: ignore[arg-type]
                    for t in turns),
        agent=header.get("agent") or None, team=header.get("team") or None, channel=channel,
        language=header.get("language") or None, started_at=header.get("started_at") or None,
        source=f"{source}:1",
    )


def read_txt(path: Path, text: str, options: ReadOptions | None = None) -> Iterator[Transcript | InputError]:
    try:
        yield parse_text(text, str(path), default_id=path.stem)
    except InputError as exc:
        yield exc


def sniff(head: str, options: ReadOptions) -> bool:
    for line in head.splitlines()[:50]:
        match = TURN_LINE.match(line.strip())
        if match and match.group("speaker").lower() in SPEAKER_WORDS:
            return True
    return False


read = whole_file(read_txt)


FORMAT = InputFormat("plaintext", (".txt",), "one turn per line: '[00:05] Agent: text' or '客服：text', optional header",
                     __doc__ or "", read, sniff)
