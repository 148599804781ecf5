"""``report -f json``: the run's header and the :class:`~sqaudit.report.TeamReport`, no per-contact list.

The per-contact document is ``score -f json``; this one is the aggregate a dashboard
reads: ``agents``, ``teams`` (and ``periods``) exactly as in that document's tail, plus
the criteria most often missed and the score histogram.
"""

from __future__ import annotations

import json
from typing import TextIO

from sqaudit.formatters.json_ import head
from sqaudit.report import build_report
from sqaudit.run import AuditRun


def write(run: AuditRun, out: TextIO, by: str = "agent", language: str | None = None) -> None:
    report = build_report(run, by, language=language)
    document = {**head(run), **report.to_dict()}
    if run.header.provenance:
        document["run"] = run.header.provenance
    out.write(json.dumps(document, ensure_ascii=False, allow_nan=False, indent=1) + "\n")
