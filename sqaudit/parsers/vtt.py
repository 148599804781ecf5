"""WebVTT captions (Zoom, Microsoft Teams, most ASR services): one turn per cue, ``.vtt``.

    WEBVTT
    Language: en

    1
    00:00:01.200 --> 00:00:04.000
    <v Dana Smith>Thank you for calling Northwind, this is Dana.</v>

    00:00:05.000 --> 00:00:07.500
    Li Wei: Hi, I was charged twice.

The speaker is the cue's voice tag ``<v Name>`` (as Teams writes it) or a ``Name:`` at the
start of its text (as Zoom writes it); a cue that names none continues with the speaker of
the cue before. A cue with a voice tag on several of its lines gives a turn per voice. Role
names (Agent, Customer, 客服, 客户 ...) map directly; other names and ``Speaker 1`` / ``spk_0``
are mapped by ``--agent-speaker`` or by the reported heuristic (see ``sqaudit formats`` and
:mod:`sqaudit.parsers.speakers`). Cue times become each turn's start and end in seconds;
other cue tags (``<b>``, ``<i>``, ``<c.x>``) are removed. The contact's id is the file name
without its suffix, its channel ``call``, its language the header's ``Language:`` if given.
NOTE, STYLE and REGION blocks are skipped.

A cue that cannot be read (bad timings, no text, no speaker, a time beyond 24 h) and text
outside any cue are errors naming their line; the contact is scored from the other cues.
A file that does not start with ``WEBVTT`` is refused. Cues are parsed by webvtt-py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from sqaudit.errors import InputError
from sqaudit.parsers.assemble import MAX_CALL_S, RawTurn, build, time_problem
from sqaudit.parsers.base import InputFormat, Item, ReadOptions
from sqaudit.parsers.cues import Block, blocks, split_label
from sqaudit.parsers.source import whole_file
from sqaudit.redact import redact  # before cutting a quote: a cut number is no longer recognised

HINT = "a cue is a line 'hh:mm:ss.mmm --> hh:mm:ss.mmm' and its text, with '<v Name>' or 'Name: ' naming the speaker"
SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def sniff(head: str, options: ReadOptions) -> bool:
    return head.lstrip().startswith("WEBVTT")


@whole_file
def read(path: Path, text: str, options: ReadOptions) -> Iterator[Item]:
    found = blocks(text.lstrip("\ufeff"))
    if not found or not found[0].lines[0].startswith("WEBVTT"):
        yield InputError(f"{path}:1", "not a WebVTT file: the first line must be WEBVTT",
                         "export the captions as WebVTT, or name the format with --input-format")
        return
    header, language = found[0], None
    for line in header.lines[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == "language" and value.strip():
            language = value.strip()
    turns: list[RawTurn] = []
    speaker: str | None = None
    for block in found[1:]:
        if block.lines[0].startswith(SKIPPED_BLOCKS):
            continue
        for item in _cue(path, block, speaker):
            if isinstance(item, InputError):
                yield item
            else:
                turns.append(item)
                speaker = item.label
    yield from build(f"{path}:1", path.stem, turns, options, channel="call", language=language)


def _cue(path: Path, block: Block, speaker: str | None) -> Iterator[RawTurn | InputError]:
    at = block.timing()
    if at is None:
        yield InputError(f"{path}:{block.line}", "text outside a cue (no timings line before it)", HINT)
        return
    line = block.line + at
    try:
        captions = webvtt.from_string("WEBVTT\n\n" + "\n".join(block.lines), strict=True).captions
    except (MalformedCaptionError, MalformedFileError, ValueError) as exc:
        yield InputError(f"{path}:{line}", f"cue cannot be read: {exc}", HINT)
        return
    except Exception as exc:  # noqa: BLE001  a library's bug on hostile input is still this cue's problem, not exit 3
        yield InputError(f"{path}:{line}", f"cue cannot be read ({type(exc).__name__})", HINT)
        return
    if len(captions) != 1:
        yield InputError(f"{path}:{line}", f"cue timings cannot be read: {redact(block.lines[at])[:60]!r}", HINT)
        return
    caption = captions[0]
    start, end = caption.start_time.in_milliseconds() / 1000, caption.end_time.in_milliseconds() / 1000
    problem = time_problem(start, end, MAX_CALL_S)
    if problem:
        yield InputError(f"{path}:{line}", f"cue: {problem}", HINT)
        return
    for voice, text in _voices(caption.lines):
        if voice is None:
            voice, text = split_label(text)
        voice = voice or speaker
        if not text.strip():
            yield InputError(f"{path}:{line}", "cue has no text", HINT)
        elif voice is None:
            yield InputError(f"{path}:{line}", "cue names no speaker and no cue before it does", HINT)
        else:
            yield RawTurn(voice, text.strip(), start, end, line)
            speaker = voice
    if not caption.lines:
        yield InputError(f"{path}:{line}", "cue has no text", HINT)


def _voices(lines: list[str]) -> list[tuple[str | None, str]]:
    """(voice, text without tags) per voice span: a line opening ``<v Name>`` starts the next one."""
    parts: list[list[str]] = []
    for line in lines:
        if not parts or (line.startswith("<v") and webvtt.Caption(text=[line]).voice is not None):
            parts.append([line])
        else:
            parts[-1].append(line)
    spans = [webvtt.Caption(text=part) for part in parts]
    return [(span.voice, span.text) for span in spans]


FORMAT = InputFormat("vtt", (".vtt",), "WebVTT captions from Zoom, Teams or an ASR; <v Name> or 'Name:' speakers",
                     __doc__ or "", read, sniff)
