"""Redacted copies of transcript files, in their own format, for sharing with trainers.

One module per file kind, registered by suffix in :data:`KINDS`. A text kind has
``redact_lines(lines, job)`` (lines with their ends in, masked text out; ``STREAMED = True``
when it reads line by line), a binary kind has ``BINARY = True`` and
``redact_bytes(data, job)``. Every kind masks through one :class:`~sqaudit.redaction.masker.Masker`
per file, which uses :mod:`sqaudit.redact`, the same detection every output of sqaudit uses.

:func:`redact_file` guarantees three things:

* the copy keeps the input's format, encoding, BOM and line ends, and a file without PII
  is copied byte for byte;
* read back by sqaudit's own reader, the copy holds nothing :func:`~sqaudit.redact.find_pii`
  finds (:mod:`sqaudit.redaction.verify`); a copy that cannot be made so is never written;
* the destination appears whole or not at all (written beside it, then renamed).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from sqaudit.errors import InputError
from sqaudit.redaction import csv_, json_, jsonl, lines, xlsx
from sqaudit.redaction.base import Job
from sqaudit.redaction.codec import open_text, read_whole
from sqaudit.redaction.masker import Masker, describe_counts
from sqaudit.redaction.verify import leftovers

__all__ = ["KINDS", "Redacted", "redact_file"]

KINDS: dict[str, ModuleType] = {
    ".json": json_, ".jsonl": jsonl, ".ndjson": jsonl, ".txt": lines, ".vtt": lines, ".srt": lines,
    ".csv": csv_, ".tsv": csv_, ".xlsx": xlsx, ".xlsm": xlsx,
}


@dataclass(frozen=True, slots=True)
class Redacted:
    """What was done to one file: values masked per kind, notes (line, message), how it was read."""

    counts: dict[str, int]
    notes: tuple[tuple[int, str], ...]
    encoding: str | None  # None for a binary kind
    guessed: bool  # the encoding was detected, not certain: the user is told

    @property
    def masked(self) -> int:
        return sum(self.counts.values())


def redact_file(src: Path, dest: Path, encoding: str | None = None) -> Redacted:
    """Write a redacted copy of ``src`` to ``dest`` (whose directory exists).

    InputError when ``src`` cannot be read, or when sqaudit's reader would still find PII in
    the copy; ``dest`` is then left as it was.
    """
    module = KINDS[src.suffix.lower()]
    # not named after the input: the reader would take a file-named id ("13800138000.txt") for content
    fd, name = tempfile.mkstemp(prefix=".sqaudit-redact-", suffix=src.suffix, dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        result = _write(src, tmp, module, Masker(), encoding)
        found = leftovers(tmp, result.encoding)
        if found:  # a value the reader sees only when it joins lines: mask it wherever it stands
            result = _write(src, tmp, module, Masker(found), encoding)
            still = leftovers(tmp, result.encoding)
            if still:
                raise InputError(f"{src}:1", "sqaudit's reader still finds "
                                 f"{describe_counts(Counter(still.values()))} in the redacted copy: not written",
                                 "this is a bug in sqaudit's redaction, please report it")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _write(src: Path, tmp: Path, module: ModuleType, masker: Masker, encoding: str | None) -> Redacted:
    job = Job(src.suffix.lower(), masker)
    if getattr(module, "BINARY", False):
        try:
            data = module.redact_bytes(read_whole(src), job)
        except InputError as exc:
            raise InputError(f"{src}:1", exc.message, exc.hint) from None
        codec_name, guessed = None, False
        tmp.write_bytes(data)
    else:
        codec, text_lines = open_text(src, encoding, job, getattr(module, "STREAMED", False))
        codec_name, guessed = codec.encoding, codec.guessed
        with tmp.open("wb") as out:
            out.write(codec.bom)
            for chunk in module.redact_lines(text_lines, job):
                out.write(codec.encode(chunk))
    if masker.total == 0:  # nothing masked: the copy is the input, byte for byte
        shutil.copyfile(src, tmp)
    return Redacted(dict(masker.counts), tuple(job.notes), codec_name, guessed)
