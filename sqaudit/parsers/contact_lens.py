"""Amazon Transcribe Call Analytics and Amazon Connect Contact Lens output, ``.json``.

    {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "Channel": "VOICE",
     "Participants": [{"ParticipantId": "A1", "ParticipantRole": "AGENT"}, ...],
     "Transcript": [{"Id": "...", "ParticipantRole": "AGENT", "Content": "Thank you for calling...",
                     "BeginOffsetMillis": 0, "EndOffsetMillis": 3100, "Sentiment": "NEUTRAL"}, ...],
     "ConversationCharacteristics": {"Sentiment": {"OverallSentiment": {"AGENT": 2.5, "CUSTOMER": -1.2}},
                                     "Interruptions": {"TotalCount": 1, ...}, ...},
     "Categories": {"MatchedCategories": ["escalation"], ...}}

One contact per file. Each ``Transcript`` entry is a turn: its speaker is its
``ParticipantRole`` (Transcribe Call Analytics) or the role that ``Participants`` gives its
``ParticipantId`` (Contact Lens) — AGENT is the agent, CUSTOMER the customer; its text is
``Content``; ``BeginOffsetMillis`` / ``EndOffsetMillis`` become start and end in seconds.
The contact's id is the file name without its suffix, less the ``_analysis_<time>`` that
Contact Lens appends to the contact id (``<contact id>_analysis_2020-02-04T21:14:16Z.json``);
``LanguageCode`` is its language and ``Channel`` (VOICE / CHAT) its channel (a call without one).

The service's own analytics are kept in the contact's metadata, as JSON text:
``aws_turn_sentiment`` (each turn's ``Sentiment``, in turn order), ``aws_overall_sentiment``,
``aws_interruptions``, ``aws_non_talk_time``, ``aws_talk_time`` and ``aws_categories``
(matched categories). sqaudit's own checks do not read them.

An entry with no text, an unknown participant or a bad time is an error naming the entry
(``file:line [Transcript i]``); the contact is scored from the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.parsers.assemble import MAX_CALL_S, RawTurn, build, time_problem
from sqaudit.parsers.base import InputFormat, Item, ReadOptions
from sqaudit.parsers.source import json_document, whole_file

HINT = "each Transcript entry needs ParticipantRole (or a ParticipantId listed in Participants) and Content"
CHANNELS = {"VOICE": "call", "CHAT": "chat"}
ANALYSIS_SUFFIX = re.compile(r"_analysis(?:_redacted)?_\d{4}-.*$")  # Contact Lens: <contact id>_analysis_<time>
KEPT = {"Sentiment": "aws_overall_sentiment", "Interruptions": "aws_interruptions",
        "NonTalkTime": "aws_non_talk_time", "TalkTime": "aws_talk_time"}


def sniff(head: str, options: ReadOptions) -> bool:
    return '"Transcript"' in head and any(key in head for key in ('"ParticipantRole"', '"ParticipantId"',
                                                                    '"BeginOffsetMillis"'))


@whole_file
def read(path: Path, text: str, options: ReadOptions) -> Iterator[Item]:
    data = json_document(path, text, "is the file complete? Contact Lens writes one JSON object per contact")
    where = f"{path}:1"
    entries = data.get("Transcript") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        yield InputError(where, "no 'Transcript' list: not Transcribe Call Analytics or Contact Lens output", HINT)
        return
    roles = _roles(data.get("Participants"))
    turns: list[RawTurn] = []
    sentiments: list[object] = []
    for i, entry in enumerate(entries):
        item = _turn(entry, roles, f"{where} [Transcript {i}]")
        if isinstance(item, InputError):
            yield item
        else:
            turns.append(item)
            sentiments.append(entry.get("Sentiment"))  # type: ignore[union-attr]
    yield from build(where, ANALYSIS_SUFFIX.sub("", path.stem) or path.stem, turns, options,
                     channel=CHANNELS.get(str(data.get("Channel")), "call"),
                     language=_text(data.get("LanguageCode")), metadata=_metadata(data, sentiments))


def _roles(participants: object) -> dict[str, str]:
    if not isinstance(participants, list):
        return {}
    return {str(p["ParticipantId"]): str(p["ParticipantRole"]) for p in participants
            if isinstance(p, dict) and "ParticipantId" in p and "ParticipantRole" in p}


def _turn(entry: object, roles: dict[str, str], where: str) -> RawTurn | InputError:
    if not isinstance(entry, dict):
        return InputError(where, "a Transcript entry must be an object", HINT)
    role = entry.get("ParticipantRole") or roles.get(str(entry.get("ParticipantId")))
    if role is None and entry.get("ParticipantId") in ("AGENT", "CUSTOMER"):
        role = entry["ParticipantId"]
    if not isinstance(role, str) or role.upper() not in ("AGENT", "CUSTOMER", "SYSTEM"):
        return InputError(where, f"unknown participant {entry.get('ParticipantRole') or entry.get('ParticipantId')!r}",
                          HINT)
    content = entry.get("Content")
    if not isinstance(content, str) or not content.strip():
        return InputError(where, "entry has no Content", HINT)
    try:
        start, end = _seconds(entry.get("BeginOffsetMillis")), _seconds(entry.get("EndOffsetMillis"))
    except ValueError as exc:
        return InputError(where, str(exc), "BeginOffsetMillis and EndOffsetMillis are milliseconds from the start")
    problem = time_problem(start, end, MAX_CALL_S)
    if problem:
        return InputError(where, problem, "BeginOffsetMillis and EndOffsetMillis are milliseconds from the start")
    return RawTurn(role.lower(), content.strip(), start, end, None)


def _seconds(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"offset {value!r} is not a number of milliseconds")
    try:
        return value / 1000
    except OverflowError:
        raise ValueError(f"offset {value} is not a time in a call") from None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _metadata(data: dict, sentiments: list[object]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if any(s is not None for s in sentiments):
        found.append(("aws_turn_sentiment", _json(sentiments)))
    traits = data.get("ConversationCharacteristics")
    if isinstance(traits, dict):
        for key, name in KEPT.items():
            value = traits.get(key)
            if key == "Sentiment" and isinstance(value, dict):
                value = value.get("OverallSentiment")
            if value is not None:
                found.append((name, _json(value)))
    categories = data.get("Categories")
    if isinstance(categories, dict) and categories.get("MatchedCategories") is not None:
        found.append(("aws_categories", _json(categories["MatchedCategories"])))
    return found


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


FORMAT = InputFormat("contact-lens", (".json",),
                     "Amazon Transcribe Call Analytics / Connect Contact Lens output (Transcript[], ParticipantRole)",
                     __doc__ or "", read, sniff)
