"""Plain rows shared by the human-readable formats (terminal table and Markdown).

Each view returns headers and rows of strings, already in the order a QA lead reads
them: contacts worst first, criteria most-missed first.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from sqaudit.gates import GateResult
from sqaudit.model import ContactResult, Outcome
from sqaudit.run import AuditRun, RunSummary
from sqaudit.stats import Estimate

Rows = tuple[list[str], list[list[str]]]


def fmt_score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def fmt_estimate(est: Estimate, percent: bool = False) -> str:
    if est.value is None:
        return "— (n=0)"
    scale, unit = (100.0, " %") if percent else (1.0, "")
    text = f"{est.value * scale:.1f}{unit}"
    if est.low is not None and est.high is not None:
        text += f" (95% CI {est.low * scale:.1f}–{est.high * scale:.1f})"
    return f"{text}, n={est.n}"


def lowest_contacts(run: AuditRun, limit: int) -> list[ContactResult]:
    """Consume the run, keeping only the ``limit`` lowest-scoring contacts (memory stays flat)."""
    return heapq.nsmallest(limit, run.contacts(), key=_rank)


def _rank(r: ContactResult) -> tuple[bool, float, str]:
    return (r.score is None, r.score if r.score is not None else 0.0, r.id)


def contact_rows(results: Sequence[ContactResult]) -> Rows:
    headers = ["contact", "agent", "team", "channel", "lang", "score", "passed", "critical", "missed"]
    rows = []
    for r in sorted(results, key=_rank):
        missed = [f.criterion_id for f in r.findings if f.outcome is Outcome.FAIL]
        rows.append([r.id, r.agent or "—", r.team or "—", r.channel or "—", r.language, fmt_score(r.score),
                     {True: "yes", False: "no", None: "—"}[r.passed], ", ".join(r.critical_failures) or "",
                     ", ".join(missed[:5]) + (f" +{len(missed) - 5}" if len(missed) > 5 else "")])
    return headers, rows


def contacts_title(shown: int, summary: RunSummary) -> str:
    if shown >= summary.contacts:
        return "Contacts (lowest score first)"
    return f"The {shown} lowest-scoring of {summary.contacts} contacts (all of them: -f csv, json or jsonl)"


def criterion_rows(run: AuditRun, summary: RunSummary) -> Rows:
    headers = ["criterion", "dimension", "title", "met", "missed", "n/a", "missed %"]
    rows = []
    for criterion in run.compiled.rubric.criteria:
        tally = summary.criteria[criterion.id]
        rate = None if criterion in run.compiled.detectors else tally.miss_rate()
        rows.append([criterion.id, criterion.dimension, criterion.title, str(tally.passed), str(tally.failed),
                     str(tally.not_applicable), "—" if rate is None else f"{rate * 100:.0f} %"])
    rows.sort(key=lambda row: (-float(row[6][:-2]) if row[6] != "—" else 1.0, row[0]))
    return headers, rows


def summary_rows(run: AuditRun, summary: RunSummary) -> Rows:
    rows = [
        ["rubric", f"{run.header.rubric_id} v{run.header.rubric_version} — {run.header.rubric_title}"],
        ["scoring", f"{run.header.policy['overall']}; not applicable leaves the denominator; "
                    f"pass at {run.header.policy['pass_score']:g}"],
        ["contacts scored", f"{summary.scored} of {summary.contacts} read"
         + (f"; {summary.skipped} skipped (see errors)" if summary.skipped else "")],
        ["mean score", fmt_estimate(summary.score)],
        ["passed", fmt_estimate(summary.pass_rate, percent=True)],
        ["critical failures", f"{summary.with_critical_failure} contact(s)"],
        ["complaints", f"{summary.complaints} contact(s)"],
    ]
    rows += [[f"  {name}", fmt_estimate(est)] for name, est in summary.dimensions.items()]
    return ["", ""], rows


def gate_rows(gates: Sequence[GateResult]) -> Rows:
    return ["gate", "observed", "threshold", "result"], [
        [g.name, g.observed, g.threshold, g.status.replace("_", " ")] for g in gates]


def error_rows(run: AuditRun) -> Rows:
    return ["source", "problem"], [[e.source, e.message + (f" — hint: {e.hint}" if e.hint else "")]
                                   for e in run.errors]
