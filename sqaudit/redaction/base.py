"""What every file kind of ``sqaudit redact`` is given, and the line helpers they share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqaudit.redaction.masker import Masker

__all__ = ["Job", "split_end", "split_lines"]


@dataclass
class Job:
    """One file being redacted: its suffix, the masker, and notes for the user (line, message)."""

    suffix: str
    masker: Masker
    notes: list[tuple[int, str]] = field(default_factory=list)

    def note(self, line: int, message: str) -> None:
        self.notes.append((line, message))


def split_lines(text: str) -> Iterator[str]:
    """Lines with their endings, split on LF only (as the .jsonl reader does): a JSON string may
    hold U+2028 or a form feed, which ``str.splitlines`` would treat as line ends."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def split_end(line: str) -> tuple[str, str]:
    """``("text", "\\r\\n")``: the line's content and its ending, so the ending is written back as it was."""
    content = line.rstrip("\r\n")
    return content, line[len(content):]
