"""``.json``: every string value masked in place; keys, layout and everything else byte for byte.

The document is not re-dumped: each string literal that holds PII is replaced by a new
literal (``\\u`` escapes kept where the old literal had only ASCII), and a number that
holds PII (a card or a phone stored as a number) by the masked string, so indentation,
key order, spacing and the line ends stay exactly as they were. Keys are never changed.

A file that is not valid JSON is still masked (its string literals, then the text as a
whole) and noted, rather than copied through unredacted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from sqaudit.redaction.base import Job

# in JSON, '"' only ever opens or closes a string, so a left-to-right scan finds every literal;
# outside strings, digits can only be numbers
_TOKEN_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?', re.S)
_KEY_RE = re.compile(r"\s*:")


def redact_lines(lines: Iterable[str], job: Job) -> Iterator[str]:
    text = "".join(lines)
    try:
        json.loads(text)
    except (ValueError, RecursionError) as exc:
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else 1
        job.note(line, "not valid JSON: masked as text")
        yield job.masker(splice(text, job))
        return
    yield splice(text, job)


def splice(text: str, job: Job) -> str:
    """``text`` with each string value and number that holds PII replaced; keys untouched."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN_RE.finditer(text):
        token = m.group()
        if token[0] == '"':
            if _KEY_RE.match(text, m.end()):
                continue
            try:
                value = json.loads(token)
            except ValueError:  # a broken literal in a broken document: left to the text pass
                continue
            masked = job.masker(value)
            if masked == value:
                continue
            new = json.dumps(masked, ensure_ascii=token.isascii())
        else:
            masked = job.masker(token)
            if masked == token:
                continue
            new = json.dumps(masked, ensure_ascii=False)
        out += [text[pos : m.start()], new]
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)
