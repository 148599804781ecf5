"""``--format jsonl``: one scored contact per line (the §4.2 contact object), nothing else.

Errors and the summary go to stderr as diagnostics, so every stdout line is a contact and
``wc -l`` counts contacts. Use ``--format json`` for one document with errors included.
"""

from __future__ import annotations

from typing import TextIO

from sqaudit.formatters.json_ import dumps
from sqaudit.run import AuditRun


def write(run: AuditRun, out: TextIO) -> None:
    for result in run.contacts():
        out.write(dumps(result.to_dict()) + "\n")
