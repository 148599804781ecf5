"""What caption formats (WebVTT, SRT) share: blocks with their line numbers, ``Name:`` labels.

The cue grammar itself (timestamps, settings, voice spans, tags) is left to the libraries
(webvtt-py, srt); this module only keeps track of where each block starts, so an error can
name the line, and reads the speaker a cue names at the start of its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEWLINE = re.compile(r"\r\n|\r|\n")  # the line breaks of WebVTT and SRT
LABEL = re.compile(r"^\s*(?P<label>[^:：<>\n]{1,40}?)\s*[:：]\s*(?P<text>.*)$", re.DOTALL)
MAX_LABEL_WORDS = 4  # "Dana Smith", "Speaker 1", "客服": a longer prefix is a sentence with a colon


@dataclass(frozen=True, slots=True)
class Block:
    line: int  # line number of the block's first line
    lines: tuple[str, ...]

    def timing(self) -> int | None:
        """Index of the cue timings line (the first or, after an identifier, the second)."""
        for i, text in enumerate(self.lines[:2]):
            if "-->" in text:
                return i
        return None


def blocks(text: str) -> list[Block]:
    """Blank-line separated blocks; a timings line after the first two lines of a block starts a new one
    (a cue that lost its blank line, as the libraries also read it)."""
    found: list[Block] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(NEWLINE.split(text), start=1):
        new_cue = "-->" in line and (len(current) > 1 or (current and "-->" in current[0]))
        if (not line.strip() or new_cue) and current:
            found.append(Block(start, tuple(current)))
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line)
    if current:
        found.append(Block(start, tuple(current)))
    return found


def split_label(text: str) -> tuple[str | None, str]:
    """``"Dana Smith: Hello"`` -> ("Dana Smith", "Hello"); (None, text) when no speaker is named."""
    found = LABEL.match(text)
    if not found:
        return None, text
    label = found.group("label").strip()
    if not label or len(label.split()) > MAX_LABEL_WORDS or label.lower().startswith(("http", "www")) \
            or label.replace(" ", "").isdigit():
        return None, text
    return label, found.group("text").strip()
