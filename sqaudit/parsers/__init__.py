"""Input formats behind one registry: suffix -> reader. Directories are walked.

``iter_contacts`` yields transcripts and InputErrors in a stable order (paths sorted,
directories walked in sorted order, symlinked directories not followed) so the same
inputs always give the same output.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import Transcript
from sqaudit.parsers.native import read_json, read_jsonl_line
from sqaudit.parsers.plaintext import read_txt

Reader = Callable[[Path, str], Iterator["Transcript | InputError"]]
WHOLE_FILE_READERS: dict[str, Reader] = {".json": read_json, ".txt": read_txt}
STREAMED = (".jsonl", ".ndjson")
SUFFIXES = tuple(sorted([*WHOLE_FILE_READERS, *STREAMED]))
MAX_WHOLE_FILE = 64 * 1024 * 1024
ENCODING_HINT = "save the file as UTF-8 (UTF-16 with a byte-order mark is read too)"


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


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def read_file(path: Path) -> Iterator[Transcript | InputError]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(f"{path}:1", f"unknown input format '{suffix or path.name}'",
                         f"sqaudit reads {', '.join(SUFFIXES)}")
        return
    try:
        with path.open("rb") as handle:
            encoding = _encoding(handle.read(4))
        if suffix in STREAMED:
            yield from _stream_lines(path, encoding)
            return
        if path.stat().st_size > MAX_WHOLE_FILE:
            yield InputError(f"{path}:1", f"file larger than {MAX_WHOLE_FILE >> 20} MB",
                             "split it, or write one contact per line as .jsonl, which is streamed")
            return
        text = path.read_bytes().decode(encoding)
    except UnicodeDecodeError as exc:
        yield InputError(f"{path}:1", f"not {encoding} text (byte {exc.start})", ENCODING_HINT)
        return
    except OSError as exc:
        yield InputError(f"{path}:1", f"cannot read: {exc.strerror or exc}")
        return
    if "\x00" in text:
        yield InputError(f"{path}:1", "binary data, not a transcript", ENCODING_HINT)
        return
    yield from WHOLE_FILE_READERS[suffix](path, text)


def _stream_lines(path: Path, encoding: str) -> Iterator[Transcript | InputError]:
    """Decode and parse line by line, so one bad line costs only itself and memory stays flat."""
    if encoding == "utf-16":  # lines cannot be split on bytes; such exports are small
        lines: Iterable[bytes | str] = path.read_bytes().decode("utf-16").splitlines()
    else:
        lines = path.open("rb")
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw if isinstance(raw, str) else raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(f"{path}:{number}", f"not UTF-8 text (byte {exc.start} of the line)", ENCODING_HINT)
            continue
        item = read_jsonl_line(path, number, line)
        if item is not None:
            yield item
    if hasattr(lines, "close"):
        lines.close()


def iter_contacts(paths: Iterable[str | Path]) -> Iterator[Transcript | InputError]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)
