"""Text encodings of real exports: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5.

Order of evidence: an ``--encoding`` given by the user; a byte-order mark; strict UTF-8
(the default, not a guess); otherwise charset-normalizer's best guess, which callers
report ("read as gb18030 (detected)") — a guess is never made silently.

GB2312 and GBK guesses are widened to GB18030, their superset, so a rare character in a
GBK-detected file still decodes. Data that decodes to NUL or other control characters is
binary and refused with a hint rather than scored as gibberish.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from sqaudit.errors import InputError

__all__ = ["Decoded", "ENCODING_HINT", "check_name", "decode", "detect", "lines_split_on_bytes"]

ENCODING_HINT = "save it as UTF-8, or name the encoding with --encoding (e.g. gb18030, big5, utf-16)"
SAMPLE = 256 * 1024  # charset-normalizer looks at this much; enough for any export's mix of scripts
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_BINARY = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # controls no text export contains (tab, CR, LF, FF ok)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "gb18030"
    guessed: bool  # True when charset-normalizer chose it: the caller reports the guess


def check_name(name: str) -> str:
    """The codec's canonical name, or ValueError for an unknown one (for ``--encoding``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None


def detect(sample: bytes, override: str | None = None) -> tuple[str, bool]:
    """(encoding, guessed) for a file starting with ``sample``; ('', False) when nothing fits."""
    if override:
        return check_name(override), False
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name, False
    try:
        sample.decode("utf-8")
        return "utf-8", False
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) >= SAMPLE:  # cut mid-character at the sample's end
            return "utf-8", False
    best = from_bytes(sample[:SAMPLE]).best()
    if best is None:
        return "", False
    name = codecs.lookup(best.encoding).name
    return _WIDER.get(name, name), True


def lines_split_on_bytes(encoding: str) -> bool:
    """True when a b"\\n" byte is always a newline (ASCII-compatible codecs: not UTF-16/32)."""
    return not encoding.startswith(("utf-16", "utf-32"))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, source: str, override: str | None = None) -> Decoded:
    """Decode a whole file; InputError (naming source:line) when it is binary or undecodable."""
    encoding, guessed = detect(data[:SAMPLE], override)
    if not encoding:
        raise InputError(f"{source}:1", "binary data or an unknown text encoding", ENCODING_HINT)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if override or guessed or len(data) <= SAMPLE:
            raise InputError(f"{source}:{_line_of(data, exc.start)}",
                             f"not {encoding} text (byte {exc.start})", ENCODING_HINT) from None
        # the sample was UTF-8 but a later byte is not: let the whole file decide
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        encoding, _ = detect(data[line_start:line_start + SAMPLE])
        return _decoded(data, source, encoding, True)
    return _checked(text, source, encoding, guessed)


def _decoded(data: bytes, source: str, encoding: str, guessed: bool) -> Decoded:
    try:
        return _checked(data.decode(encoding), source, encoding, guessed)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{source}:1", f"mixed or unknown text encoding (tried {encoding or 'utf-8'})",
                         ENCODING_HINT) from None


def _checked(text: str, source: str, encoding: str, guessed: bool) -> Decoded:
    found = _BINARY.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError(f"{source}:{line}", "binary data, not text", ENCODING_HINT)
    return Decoded(text, encoding, guessed)
