"""SubRip subtitles with ``Speaker:`` prefixes: one turn per subtitle, ``.srt``.

    1
    00:00:01,200 --> 00:00:04,000
    Agent: Thank you for calling Northwind, this is Dana.

    2
    00:00:05,000 --> 00:00:07,500
    Customer: Hi, I was charged twice.

Each subtitle's text starts with its speaker and a colon (``Agent:``, ``客服：``, ``Dana Smith:``,
``Speaker 1:``); a subtitle that names none continues with the speaker of the one before.
Role names map directly; other names and numbered speakers are mapped by ``--agent-speaker``
or by the reported heuristic (:mod:`sqaudit.parsers.speakers`). Subtitle times become each
turn's start and end in seconds. A block with no timings line (a blank line inside a
subtitle's text) continues the subtitle before it, as SRT players read it. The contact's id
is the file name without its suffix, its channel ``call``.

A subtitle that cannot be read (bad timings, no text, no speaker, a time beyond 24 h) is an
error naming its line; the contact is scored from the other subtitles. Subtitles are parsed
by the ``srt`` library.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import srt

from sqaudit.errors import InputError
from sqaudit.parsers.assemble import MAX_CALL_S, RawTurn, build, time_problem
from sqaudit.parsers.base import InputFormat, Item, ReadOptions
from sqaudit.parsers.cues import Block, blocks, split_label
from sqaudit.parsers.source import whole_file
from sqaudit.redact import redact  # before cutting a quote: a cut number is no longer recognised

HINT = "a subtitle is a number, a line 'hh:mm:ss,mmm --> hh:mm:ss,mmm' and its text, starting with 'Speaker: '"


def sniff(head: str, options: ReadOptions) -> bool:
    found = blocks(head[:4096])
    return bool(found) and found[0].timing() is not None and "," in found[0].lines[found[0].timing() or 0]


@whole_file
def read(path: Path, text: str, options: ReadOptions) -> Iterator[Item]:
    turns: list[RawTurn] = []
    speaker: str | None = None
    last_ok = False  # whether the subtitle before was read: only then does a loose block continue it
    for block in blocks(text.lstrip("\ufeff")):
        if block.timing() is None:
            if turns and last_ok:
                turns[-1] = replace(turns[-1], text=f"{turns[-1].text}\n" + "\n".join(block.lines).strip())
            else:
                yield InputError(f"{path}:{block.line}", "text outside a subtitle (no timings line before it)", HINT)
            continue
        item = _subtitle(path, block, speaker)
        last_ok = isinstance(item, RawTurn)
        if isinstance(item, InputError):
            yield item
        else:
            turns.append(item)
            speaker = item.label
    yield from build(f"{path}:1", path.stem, turns, options, channel="call")


def _subtitle(path: Path, block: Block, speaker: str | None) -> RawTurn | InputError:
    at = block.timing() or 0
    line = block.line + at
    body = list(block.lines) if at == 1 else ["1", *block.lines]  # the index line may be missing
    try:
        subtitles = list(srt.parse("\n".join(body) + "\n"))
    except srt.SRTParseError:
        return InputError(f"{path}:{line}", f"subtitle timings cannot be read: {redact(block.lines[at])[:60]!r}",
                          HINT)
    except Exception as exc:  # noqa: BLE001  a library's bug on hostile input is still this block's problem
        return InputError(f"{path}:{line}", f"subtitle cannot be read ({type(exc).__name__})", HINT)
    if len(subtitles) != 1:
        return InputError(f"{path}:{line}", "subtitle cannot be read", HINT)
    sub = subtitles[0]
    start, end = sub.start.total_seconds(), sub.end.total_seconds()
    problem = time_problem(start, end, MAX_CALL_S)
    if problem:
        return InputError(f"{path}:{line}", f"subtitle: {problem}", HINT)
    label, text = split_label(sub.content)
    label = label or speaker
    if not text.strip():
        return InputError(f"{path}:{line}", "subtitle has no text", HINT)
    if label is None:
        return InputError(f"{path}:{line}", "subtitle names no speaker and no subtitle before it does", HINT)
    return RawTurn(label, text.strip(), start, end, line)


FORMAT = InputFormat("srt", (".srt",), "SubRip subtitles, each starting with 'Speaker:'", __doc__ or "", read, sniff)
