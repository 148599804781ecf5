"""Input formats behind one registry (name -> :class:`InputFormat`); directories are walked.

Which format reads a file: the one ``--input-format NAME`` names; else the formats that
claim the file's suffix — where several do (``.json``: contact-lens, dialogflow, native;
``.txt``: chat-csv, plaintext) the first whose ``sniff`` recognises the file's first 64 KB,
else the suffix's default (native, plaintext). A file named directly with a suffix no format
claims is sniffed against every format (and the choice reported); a directory is searched
for the suffixes the formats claim. A table found in a directory (.csv, .xlsx ...) whose
header names no speaker and text column is another kind of export (a survey): it is noted
and not read, where the same file named directly is read and its problem reported.
``sqaudit formats`` lists the formats.

``iter_contacts`` yields transcripts, InputErrors and InputNotices in a stable order (paths
sorted, directories walked in sorted order, symlinked directories not followed, so a link
loop cannot hang a run) so the same inputs always give the same output. ``read_file`` is a
pure function of its arguments: worker processes can call it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqaudit.errors import InputError
from sqaudit.model import InputNotice, Transcript
from sqaudit.parsers import chat_csv, chat_xlsx, contact_lens, dialogflow, native, plaintext, subrip, vtt
from sqaudit.parsers.base import DEFAULT_OPTIONS, TABLE_FIELDS, InputFormat, Item, ReadOptions
from sqaudit.parsers.source import MAX_WHOLE_FILE, head_text

__all__ = ["DEFAULT_OPTIONS", "FORMATS", "MAX_WHOLE_FILE", "SUFFIXES", "TABLE_FIELDS", "InputFormat", "Item",
           "ReadOptions", "choose_format", "expand_paths", "iter_contacts", "read_file"]

# order matters: where formats share a suffix, the more specific sniffers are asked first
FORMATS: dict[str, InputFormat] = {f.name: f for f in (
    contact_lens.FORMAT, dialogflow.FORMAT, native.FORMAT, native.JSONL_FORMAT, vtt.FORMAT, subrip.FORMAT,
    chat_csv.FORMAT, chat_xlsx.FORMAT, plaintext.FORMAT)}
DEFAULTS = {".json": "native", ".txt": "plaintext"}  # when no sniffer recognises a shared suffix
SUFFIXES = tuple(sorted({suffix for f in FORMATS.values() for suffix in f.suffixes}))


def expand_paths(paths: Iterable[str | Path], suffixes: Iterable[str] = SUFFIXES,
                 skip_prefixes: tuple[str, ...] = (".",)) -> Iterator[Path | InputError]:
    """Files named directly, and the files with ``suffixes`` (the known formats) under named
    directories.

    The arguments are sorted and de-duplicated, so the order they are listed in does not
    change the output."""
    for item in _walk(paths, suffixes, skip_prefixes):
        yield item if isinstance(item, InputError) else item[0]


def _walk(paths: Iterable[str | Path], suffixes: Iterable[str] = SUFFIXES,
          skip_prefixes: tuple[str, ...] = (".",)) -> Iterator[tuple[Path, bool] | InputError]:
    """(file, whether it was found in a directory) or an error for a path that is not there.

    Directories are walked in sorted order, hidden ones and symlinked ones skipped; in them
    only files with one of ``suffixes`` whose names do not start with ``skip_prefixes``."""
    suffixes = frozenset(suffixes)
    for given in sorted({str(p) for p in paths}):
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(skip_prefixes) and Path(name).suffix.lower() in suffixes:
                        yield Path(root) / name, True
        elif path.is_file():
            yield path, False
        elif path.exists():
            yield InputError(str(path), "not a regular file")
        else:
            yield InputError(str(path), "no such file or directory")


def choose_format(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[InputFormat | None, bool]:
    """The format to read ``path`` with, and whether it was chosen by content alone (to report)."""
    if options.input_format:
        return FORMATS.get(options.input_format), False
    suffix = path.suffix.lower()
    candidates = [f for f in FORMATS.values() if suffix in f.suffixes]
    if len(candidates) == 1:
        return candidates[0], False
    head = head_text(path, options)
    for fmt in candidates or FORMATS.values():
        if fmt.sniff(head, options):
            return fmt, not candidates
    return (FORMATS[DEFAULTS[suffix]], False) if suffix in DEFAULTS else (None, False)


def read_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Transcript | InputError | InputNotice]:
    fmt, by_content = choose_format(path, options)
    if fmt is None:
        if options.input_format:
            yield InputError(f"{path}:1", f"unknown input format '{options.input_format}'",
                             f"formats: {', '.join(FORMATS)}")
        else:
            yield InputError(f"{path}:1", f"unknown input format '{path.suffix or path.name}'",
                             f"sqaudit reads {', '.join(SUFFIXES)}; --input-format names one of "
                             f"{', '.join(FORMATS)}")
        return
    if by_content:
        yield InputNotice(str(path), f"read as {fmt.name} (by its content; --input-format overrides)")
    yield from fmt.read(path, options)


def iter_contacts(paths: Iterable[str | Path],
                  options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Transcript | InputError | InputNotice]:
    for item in _walk(paths):
        if isinstance(item, InputError):
            yield item
            continue
        path, in_directory = item
        if in_directory and not options.input_format:
            fmt, _ = choose_format(path, options)
            if fmt is not None and fmt.claims is not None and not fmt.claims(path, options):
                yield InputNotice(str(path), f"not read: not a {fmt.name} file (no speaker and text columns); "
                                             "name the file, with --map if need be, to read it")
                continue
        yield from read_file(path, options)
