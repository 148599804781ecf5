"""``--format jsonl``: one scored contact per line (the §4.2 contact object), nothing else.

Errors and the summary go to stderr as diagnostics, so every stdout line is a contact and
``wc -l`` counts contacts. Each line names the rubric that scored it (id, version, sha256),
so a line read on its own still says which standard and policy it was held to. Use
``--format json`` for one document with errors, summary and the policy spelled out.
"""

from __future__ import annotations

from typing import TextIO

from sqaudit.formatters.json_ import dumps
from sqaudit.run import AuditRun


def write(run: AuditRun, out: TextIO) -> None:
    h = run.header
    rubric = {"id": h.rubric_id, "version": h.rubric_version, "sha256": h.rubric_sha256}
    for result in run.contacts():
        out.write(dumps({**result.to_dict(), "rubric": rubric}) + "\n")
