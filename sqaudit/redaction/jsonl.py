"""``.jsonl`` / ``.ndjson``: one contact per line, masked line by line as the file streams.

Each line is masked like a ``.json`` document (string values and numbers in place, keys
and layout untouched). A line that is not valid JSON is masked as text as well, copied
through, and noted with its line number; blank lines and line ends stay as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sqaudit.redaction.base import Job, split_end
from sqaudit.redaction.json_ import splice

STREAMED = True  # read and written line by line: memory stays flat whatever the file's size


def redact_lines(lines: Iterable[str], job: Job) -> Iterator[str]:
    for number, line in enumerate(lines, start=1):
        content, end = split_end(line)
        if not content.strip():
            yield line
            continue
        try:
            json.loads(content)
        except (ValueError, RecursionError):
            job.note(number, "not valid JSON: masked as text")
            yield job.masker(splice(content, job)) + end
            continue
        yield splice(content, job) + end
