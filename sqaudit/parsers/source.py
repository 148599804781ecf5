"""Getting text out of an input file: whole (small formats) or line by line (streamed ones).

Whole-file formats (JSON, VTT, SRT, plain text) are capped at ``MAX_WHOLE_FILE``; streamed
ones (JSONL, CSV) have no size limit, but a single line longer than ``MAX_LINE`` is refused
by its number and skipped without ever being held in memory (files are read in blocks), so
one runaway line costs only itself. The encoding comes from :mod:`sqaudit.encodings`; a guess
is reported as a notice.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from sqaudit.encodings import ENCODING_HINT, SAMPLE, decode, detect, lines_split_on_bytes
from sqaudit.errors import InputError
from sqaudit.model import InputNotice
from sqaudit.parsers.base import Item, ReadOptions

MAX_WHOLE_FILE = 64 * 1024 * 1024
MAX_LINE = 16 * 1024 * 1024  # no real export has a line this long; a 100 MB line is a broken file
BLOCK = 1024 * 1024
HEAD = 64 * 1024  # what sniffing looks at
_BINARY = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # the controls sqaudit.encodings refuses as binary

Line = tuple[int, str]  # (line number, text without its line break)


def guessed(path: Path, encoding: str) -> InputNotice:
    return InputNotice(str(path), f"read as {encoding} (detected; --encoding overrides)")


def load_text(path: Path, options: ReadOptions) -> tuple[str, InputNotice | None]:
    """The whole file as text and a notice when its encoding was guessed; InputError otherwise."""
    try:
        if path.stat().st_size > MAX_WHOLE_FILE:
            raise InputError(f"{path}:1", f"file larger than {MAX_WHOLE_FILE >> 20} MB",
                             "split it, or convert it to .jsonl (one contact per line), which is streamed")
        decoded = decode(path.read_bytes(), str(path), options.encoding)
    except OSError as exc:
        raise InputError(f"{path}:1", f"cannot read: {exc.strerror or exc}") from None
    except (ValueError, LookupError) as exc:  # an --encoding Python does not know
        raise InputError(f"{path}:1", str(exc), ENCODING_HINT) from None
    return decoded.text, guessed(path, decoded.encoding) if decoded.guessed else None


def whole_file(parse: Callable[[Path, str, ReadOptions], Iterator[Item]]) -> Callable[[Path, ReadOptions], Iterator[Item]]:
    """A reader for a whole-file format from its parser of text: the file is decoded first (an
    unreadable one is an error, a guessed encoding a notice), and an InputError the parser raises
    is reported in its place, after the contacts it already gave."""
    @functools.wraps(parse)
    def read(path: Path, options: ReadOptions) -> Iterator[Item]:
        try:
            text, notice = load_text(path, options)
        except InputError as exc:
            yield exc
            return
        if notice:
            yield notice
        try:
            yield from parse(path, text, options)
        except InputError as exc:
            yield exc

    return read


def json_document(path: Path, text: str, hint: str) -> object:
    """The file's JSON value; InputError naming the line for a broken or too-deep document."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})", hint) from None
    except RecursionError:
        raise InputError(f"{path}:1", "JSON nested too deeply") from None


def head_text(path: Path, options: ReadOptions) -> str:
    """The file's first characters, decoded leniently: only for sniffing its format."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(HEAD)
        encoding, _ = detect(sample, options.encoding)
        return sample.decode(encoding or "utf-8", errors="ignore").lstrip("\ufeff")
    except (OSError, ValueError, LookupError):
        return ""


def stream_lines(path: Path, options: ReadOptions) -> Iterator[InputNotice | InputError | Line]:
    """Numbered lines of a file of any size, decoded one by one.

    A line that does not decode or is longer than MAX_LINE is an InputError for that line and
    reading goes on (for UTF-16/32, where lines cannot be split on bytes, a decoding error ends
    the file)."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE)
        encoding, was_guessed = detect(sample, options.encoding)
    except OSError as exc:
        yield InputError(f"{path}:1", f"cannot read: {exc.strerror or exc}")
        return
    except (ValueError, LookupError) as exc:
        yield InputError(f"{path}:1", str(exc), ENCODING_HINT)
        return
    head = sample.decode(encoding or "utf-8", errors="ignore") if encoding else ""
    if not encoding or _BINARY.search(head):
        yield InputError(f"{path}:1", "binary data or an unknown text encoding", ENCODING_HINT)
        return
    if was_guessed:
        yield guessed(path, encoding)
    try:
        if lines_split_on_bytes(encoding):
            yield from _byte_lines(path, encoding)
        else:
            yield from _text_lines(path, encoding)
    except OSError as exc:
        yield InputError(f"{path}:1", f"cannot read: {exc.strerror or exc}")


def _too_long(path: Path, number: int) -> InputError:
    return InputError(f"{path}:{number}", f"line longer than {MAX_LINE >> 20} MB: skipped",
                      "one contact, message or row per line; is this file truncated or binary?")


def _byte_lines(path: Path, encoding: str) -> Iterator[InputError | Line]:
    first = "utf-8-sig" if encoding in ("utf-8", "utf-8-sig") else encoding
    number, partial, skipping = 0, bytearray(), False  # partial: the start of a line that goes on in the next block
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            start = 0
            while (cut := block.find(b"\n", start)) >= 0:
                number += 1
                if skipping:  # the end of a line already refused
                    skipping = False
                else:
                    raw = bytes(partial) + block[start:cut] if partial else block[start:cut]
                    yield _decoded(path, number, raw, first if number == 1 else encoding)
                partial.clear()
                start = cut + 1
            if not skipping:
                partial += block[start:]
                if len(partial) > MAX_LINE:  # refused now, so the line is never held whole
                    yield _too_long(path, number + 1)
                    skipping, partial = True, bytearray()
    if partial and not skipping:
        yield _decoded(path, number + 1, bytes(partial), first if number == 0 else encoding)


def _decoded(path: Path, number: int, raw: bytes, encoding: str) -> InputError | Line:
    try:
        return number, raw.decode(encoding).rstrip("\r")
    except UnicodeDecodeError as exc:
        return InputError(f"{path}:{number}", f"not {encoding} text (byte {exc.start} of the line)", ENCODING_HINT)


def _text_lines(path: Path, encoding: str) -> Iterator[InputError | Line]:
    limit = MAX_LINE // 2  # characters; UTF-16 takes two bytes or more for each
    number = 0
    with io.TextIOWrapper(path.open("rb"), encoding=encoding, newline="") as text:
        while True:
            number += 1
            try:
                line = text.readline(limit)
                if not line:
                    return
                if len(line) >= limit and not line.endswith(("\n", "\r")):
                    while (rest := text.readline(limit)) and not rest.endswith(("\n", "\r")):
                        pass
                    yield _too_long(path, number)
                    continue
            except UnicodeDecodeError as exc:
                yield InputError(f"{path}:{number}", f"not {encoding} text ({exc.reason}): the rest of the file "
                                 "is skipped", ENCODING_HINT)
                return
            yield number, line.rstrip("\r\n").lstrip("\ufeff") if number == 1 else line.rstrip("\r\n")
