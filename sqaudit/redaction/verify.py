"""Read a redacted copy back with sqaudit's own readers and list the PII they still see.

The file kinds mask strings, lines and cells; a reader may put them together differently
(the plain-text reader joins a turn's continuation lines, a subtitle reader may merge cues),
and a value split across those pieces would then show again in scores and quotes. So every
copy is read back like ``sqaudit score`` would read it, and each field of each contact
(id, agent, team, metadata values, turn text) and each error message is searched again.
What is found is masked in a second pass; what is still found after that is never written.
A kind no reader knows yet (none registered for its suffix) is not read back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import Transcript
from sqaudit.parsers import SUFFIXES, ReadOptions, read_file
from sqaudit.redact import find_pii

__all__ = ["leftovers"]


def leftovers(path: Path, encoding: str | None) -> dict[str, str]:
    """Sensitive substrings sqaudit's reader still finds in ``path``: value -> kind."""
    if path.suffix.lower() not in SUFFIXES:
        return {}
    found: dict[str, str] = {}
    for item in read_file(path, ReadOptions(encoding=encoding)):
        for text in _texts(item):
            for span in find_pii(text):
                found.setdefault(text[span.start : span.end], span.kind)
    return found


def _texts(item: object) -> Iterator[str]:
    if isinstance(item, InputError):
        yield item.message
    elif isinstance(item, Transcript):
        yield from (v for v in (item.id, item.agent, item.team, item.channel, item.language, item.started_at) if v)
        yield from (value for _, value in item.metadata)
        yield from (turn.text for turn in item.turns)
