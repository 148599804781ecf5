"""``.txt``, ``.vtt``, ``.srt``: masked line by line; cue timings and cue numbers never change.

Each line is masked on its own and also with the previous text line as context, so a
trigger at the end of one line masks the value at the start of the next ("my card number
is" / "4 1 1 1 ..." on two subtitle cues; "Agent: 请告诉我验证码" / "Customer: 482913", the
speaker label and time stamp skipped). The previous text line is the last non-blank line
that is not a cue timing or cue number, so context carries across a cue break. This masks
more than scoring does, on purpose: a file shared with people should not hold the code a
customer read back.

In ``.vtt`` and ``.srt`` files, a timing line (``00:00:01.000 --> 00:00:04.000``, cue
settings after it included) and a cue number (a line of digits right before a timing
line) are copied as they are and never serve as context. The ``WEBVTT`` header, ``NOTE``
blocks and cue text are masked like any text. Line ends stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sqaudit.redaction.base import Job, split_end

_STAMP = r"(?:[0-9]+:)?[0-9]{1,2}:[0-9]{2}[.,][0-9]{1,3}"
TIMING_RE = re.compile(rf"^\s*{_STAMP}\s*-->\s*{_STAMP}(?:[ \t].*)?$")
CUE_NUMBER_RE = re.compile(r"^\s*[0-9]+\s*$")
CUES = (".vtt", ".srt")
# "[00:12] Customer: ", "客户：", "<v Agent>": skipped when the line is read after its context
LABEL_RE = re.compile(r"^\s*(?:\[[^\]]{1,24}\]\s*)?"  # a time stamp
                      r"(?:(?:[A-Za-z]{1,12}|[\u4e00-\u9fff]{2})\s*[:：]\s*|<v[ .][^>]{0,40}>\s*)?")


def redact_lines(lines: Iterable[str], job: Job) -> Iterator[str]:
    cues = job.suffix in CUES
    before = ""
    pending: str | None = None  # one line of look-ahead: a cue number is known by the timing line after it
    for line in lines:
        if pending is not None:
            if cues and CUE_NUMBER_RE.match(pending) and TIMING_RE.match(split_end(line)[0]):
                yield pending  # a cue number: untouched, and no context for the next line
            else:
                masked, before = _text_line(pending, before, job)
                yield masked
        content = split_end(line)[0]
        if cues and TIMING_RE.match(content):
            yield line
            pending = None
            continue
        pending = line
    if pending is not None:
        yield _text_line(pending, before, job)[0]


def _text_line(line: str, before: str, job: Job) -> tuple[str, str]:
    """The masked line, and the context for the next one."""
    content, end = split_end(line)
    if not content.strip():
        return line, before
    label = LABEL_RE.match(content)
    return job.masker(content, before, label.end() if label else 0) + end, content
