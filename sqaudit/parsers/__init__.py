"""Input formats behind one registry: suffix -> reader. Directories are walked.

``iter_contacts`` yields transcripts and InputErrors in a stable order (paths sorted,
directories walked in sorted order, symlinked directories not followed) so the same
inputs always give the same output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqaudit.encodings import ENCODING_HINT, SAMPLE, decode, detect, lines_split_on_bytes
from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript
from sqaudit.parsers.native import read_json, read_jsonl_line
from sqaudit.parsers.plaintext import read_txt



@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs, from the command line: picklable, so worker processes get the same."""

    input_format: str | None = None  # a registry name; None: by suffix, then by content
    encoding: str | None = None  # overrides detection
    column_map: tuple[tuple[str, str], ...] = ()  # field -> column of a chat table export
    agent_speaker: tuple[str, ...] = ()  # speaker labels that are the agent (spk_0, Speaker 1)


DEFAULT_OPTIONS = ReadOptions()
Reader = Callable[[Path, str], Iterator["Transcript | InputError"]]
WHOLE_FILE_READERS: dict[str, Reader] = {".json": read_json, ".txt": read_txt}
STREAMED = (".jsonl", ".ndjson")
SUFFIXES = tuple(sorted([*WHOLE_FILE_READERS, *STREAMED]))
MAX_WHOLE_FILE = 64 * 1024 * 1024


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named directly, and the known-format files under named directories.

    The arguments are sorted and de-duplicated, so the order they are listed in does not
    change the output."""
    for given in sorted({str(p) for p in paths}):
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                        yield Path(root) / name
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(str(path), "not a regular file")
        else:
            yield InputError(str(path), "no such file or directory")


def _guessed(path: Path, encoding: str) -> InputNotice:
    return InputNotice(str(path), f"read as {encoding} (detected; --encoding overrides)")


def read_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Transcript | InputError | InputNotice]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(f"{path}:1", f"unknown input format '{suffix or path.name}'",
                         f"sqaudit reads {', '.join(SUFFIXES)}")
        return
    try:
        if suffix in STREAMED:
            yield from _stream_lines(path, options.encoding)
            return
        if path.stat().st_size > MAX_WHOLE_FILE:
            yield InputError(f"{path}:1", f"file larger than {MAX_WHOLE_FILE >> 20} MB",
                             "split it, or write one contact per line as .jsonl, which is streamed")
            return
        decoded = decode(path.read_bytes(), str(path), options.encoding)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(f"{path}:1", f"cannot read: {exc.strerror or exc}")
        return
    if decoded.guessed:
        yield _guessed(path, decoded.encoding)
    yield from WHOLE_FILE_READERS[suffix](path, decoded.text)


def _stream_lines(path: Path, override: str | None) -> Iterator[Transcript | InputError | InputNotice]:
    """Decode and parse line by line, so one bad line costs only itself and memory stays flat."""
    with path.open("rb") as handle:
        encoding, guessed = detect(handle.read(SAMPLE), override)
    if not encoding:
        yield InputError(f"{path}:1", "binary data or an unknown text encoding", ENCODING_HINT)
        return
    if guessed:
        yield _guessed(path, encoding)
    if not lines_split_on_bytes(encoding):  # UTF-16: lines cannot be split on bytes; such exports are small
        lines: Iterable[bytes | str] = decode(path.read_bytes(), str(path), encoding).text.splitlines()
    else:
        lines = path.open("rb")
    first = "utf-8-sig" if encoding in ("utf-8", "utf-8-sig") else encoding
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw if isinstance(raw, str) else raw.decode(first if number == 1 else encoding)
        except UnicodeDecodeError as exc:
            yield InputError(f"{path}:{number}", f"not {encoding} text (byte {exc.start} of the line)",
                             ENCODING_HINT)
            continue
        item = read_jsonl_line(path, number, line)
        if item is not None:
            yield item
    if hasattr(lines, "close"):
        lines.close()


def iter_contacts(paths: Iterable[str | Path],
                  options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Transcript | InputError | InputNotice]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, options)
