"""Read a text file the way sqaudit's readers do, and write its copy in the same encoding.

The encoding is found by :mod:`sqaudit.encodings` (``--encoding``, a byte-order mark, UTF-8,
else a reported guess). The copy gets the same bytes around the text: the same BOM (UTF-8,
UTF-16 or UTF-32, in the same byte order), the same codec (GB18030 stays GB18030) and the
same line ends, so a line without PII is the same bytes in both files.

Streamed kinds (``.jsonl``) are read line by line in any encoding where a newline byte is
always a newline; a line that does not decode is kept with its bytes as they were
(``surrogateescape``), masked as text, and noted. Other kinds are read whole, up to
:data:`MAX_WHOLE_FILE`, like the readers.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqaudit.encodings import (
    ENCODING_HINT,
    SAMPLE,
    decode,
    detect,
    lines_split_on_bytes,
)
from sqaudit.errors import InputError
from sqaudit.redaction.base import Job, split_lines

MAX_WHOLE_FILE = 64 * 1024 * 1024  # the readers' limit for a file that is not streamed
_BOMS = {"utf-8-sig": ((codecs.BOM_UTF8, "utf-8"),),
         "utf-16": ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")),
         "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))}


@dataclass(frozen=True, slots=True)
class TextCodec:
    encoding: str  # as sqaudit.encodings names it: utf-8, utf-8-sig, utf-16, gb18030, ...
    guessed: bool
    bom: bytes  # written once, before the text
    body: str  # the codec of the text after the BOM

    def encode(self, text: str) -> bytes:
        return text.encode(self.body, "surrogateescape")  # undecodable bytes go back as they came


def codec_for(head: bytes, encoding: str, guessed: bool) -> TextCodec:
    family = codecs.lookup(encoding).name  # utf-8-sig, utf-16, utf-32 read a BOM; the others do not
    if family not in _BOMS:
        return TextCodec(encoding, guessed, b"", encoding)
    for bom, body in _BOMS[family]:
        if head.startswith(bom):
            return TextCodec(encoding, guessed, bom, body)
    # named with --encoding but written without a BOM: the decoder took the native byte order
    body = "utf-8" if family == "utf-8-sig" else f"{family}-{'le' if sys.byteorder == 'little' else 'be'}"
    return TextCodec(encoding, guessed, b"", body)


def open_text(path: Path, override: str | None, job: Job, streamed: bool) -> tuple[TextCodec, Iterator[str]]:
    """The file's codec and its lines (with their ends); InputError when it is not text."""
    if not streamed:
        data = read_whole(path)
        decoded = decode(data, str(path), override)
        return codec_for(data[:4], decoded.encoding, decoded.guessed), split_lines(decoded.text)
    with path.open("rb") as handle:
        head = handle.read(SAMPLE)
    encoding, guessed = detect(head, override)
    if not encoding or (b"\x00" in head and lines_split_on_bytes(encoding)):
        raise InputError(f"{path}:1", "binary data or an unknown text encoding", ENCODING_HINT)
    codec = codec_for(head, encoding, guessed)
    if lines_split_on_bytes(encoding):
        return codec, _stream(path, codec, job)
    return codec, split_lines(decode(read_whole(path), str(path), encoding).text)  # UTF-16: small exports


def read_whole(path: Path) -> bytes:
    if path.stat().st_size > MAX_WHOLE_FILE:
        raise InputError(f"{path}:1", f"file larger than {MAX_WHOLE_FILE >> 20} MB",
                         "split it, or write one contact per line as .jsonl, which is streamed")
    return path.read_bytes()


def _stream(path: Path, codec: TextCodec, job: Job) -> Iterator[str]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw[len(codec.bom):]
            try:
                yield raw.decode(codec.body)
            except UnicodeDecodeError as exc:
                job.note(number, f"not {codec.encoding} text (byte {exc.start} of the line): "
                                 "its other bytes kept as they were, masked as text")
                yield raw.decode(codec.body, "surrogateescape")
