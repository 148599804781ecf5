"""What every input format shares: the read options, the format record the registry holds.

A format is a module with a docstring that documents it (``sqaudit formats NAME`` prints
it) and a ``FORMAT`` record: its name, the suffixes it claims, a one-line summary, a
``sniff`` that says from the first bytes of a file (decoded) whether the file is in this
format, and a ``read`` that yields contacts, errors and notices. ``read`` never raises:
anything wrong with the input is an :class:`~sqaudit.errors.InputError` naming the file and
line, and anything it had to guess is an :class:`~sqaudit.model.InputNotice`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript

Item = Transcript | InputError | InputNotice

# the fields a chat table (CSV, XLSX) can map with --map FIELD=COLUMN
TABLE_FIELDS = ("id", "time", "speaker", "text", "agent", "team", "channel", "language")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs, from the command line: picklable, so worker processes get the same."""

    input_format: str | None = None  # a registry name; None: by suffix, then by content
    encoding: str | None = None  # overrides detection
    column_map: tuple[tuple[str, str], ...] = ()  # field -> column of a chat table export
    agent_speaker: tuple[str, ...] = ()  # speaker labels that are the agent (spk_0, Speaker 1)
    speaker_map: tuple[tuple[str, str], ...] = ()  # speaker value -> agent | customer | system (mapping file)

    def to_dict(self) -> dict[str, object]:
        """What a run records, so ``score --reproduce`` reads the inputs the same way."""
        return {"input_format": self.input_format, "encoding": self.encoding, "column_map": dict(self.column_map),
                "agent_speaker": list(self.agent_speaker), "speaker_map": dict(self.speaker_map)}

    @classmethod
    def from_dict(cls, data: object) -> ReadOptions:
        """The inverse of :meth:`to_dict`; anything missing or malformed is the default."""
        if not isinstance(data, dict):
            return cls()
        def pairs(value: object) -> tuple[tuple[str, str], ...]:
            return tuple((str(k), str(v)) for k, v in value.items()) if isinstance(value, dict) else ()
        fmt, encoding, agents = data.get("input_format"), data.get("encoding"), data.get("agent_speaker")
        return cls(input_format=fmt if isinstance(fmt, str) else None,
                   encoding=encoding if isinstance(encoding, str) else None,
                   column_map=pairs(data.get("column_map")),
                   agent_speaker=tuple(str(a) for a in agents) if isinstance(agents, list) else (),
                   speaker_map=pairs(data.get("speaker_map")))


DEFAULT_OPTIONS = ReadOptions()


@dataclass(frozen=True)
class InputFormat:
    name: str  # what --input-format takes
    suffixes: tuple[str, ...]  # lower case, with the dot
    summary: str  # one line for `sqaudit formats`
    doc: str  # the module docstring
    read: Callable[[Path, ReadOptions], Iterator[Item]]
    sniff: Callable[[str, ReadOptions], bool]  # the file's first characters -> is it this format?
    # for a file found by walking a directory: is it really in this format? (a folder of exports
    # may hold tables of other kinds: survey answers next to chats). None: every file with the suffix is
    claims: Callable[[Path, ReadOptions], bool] | None = None
