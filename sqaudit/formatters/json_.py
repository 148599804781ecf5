"""``--format json``: one document, exactly ARCHITECTURE §4.2, written as contacts arrive.

The document is streamed (header, then each contact, then errors, summary and gates), so
a batch of a million contacts never sits in memory. Keys keep the contract's order;
``notices`` (what a reader guessed: an encoding, who the agent is), ``summary``, ``gates``, ``agents``, ``teams`` (and ``periods`` with ``--period``),
``rubric.policy`` and ``run`` (input files with their sha256, and the options: see
sqaudit.provenance) are additions that schema_version 1 allows.
"""

from __future__ import annotations

import json
from typing import TextIO

from sqaudit.run import AuditRun

SCHEMA_VERSION = 1


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def head(run: AuditRun) -> dict[str, object]:
    h = run.header
    return {"schema_version": SCHEMA_VERSION, "tool": {"name": "sqaudit", "version": h.tool_version},
            "rubric": {"id": h.rubric_id, "version": h.rubric_version, "sha256": h.rubric_sha256,
                       "title": h.rubric_title, "policy": h.policy}}


def tail(run: AuditRun) -> dict[str, object]:
    breakdown = run.breakdown
    data: dict[str, object] = {
        "errors": [e.to_dict() for e in run.errors], "notices": [n.to_dict() for n in run.notices],
        "summary": run.summary().to_dict(),
        "gates": [g.to_dict() for g in run.gates()],
        "agents": [g.to_dict() for g in breakdown.agents()], "teams": [g.to_dict() for g in breakdown.teams()]}
    if breakdown.settings.period:
        data["periods"] = [g.to_dict() for g in breakdown.periods()]
    if run.header.provenance:
        data["run"] = run.header.provenance
    return data


def write(run: AuditRun, out: TextIO) -> None:
    opening = dumps(head(run))
    out.write(opening[:-1] + ', "contacts": [')
    for i, result in enumerate(run.contacts()):
        out.write(("\n  " if i == 0 else ",\n  ") + dumps(result.to_dict()))
    closing = dumps(tail(run))
    out.write("\n], " + closing[1:] + "\n")
