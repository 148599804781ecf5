"""``agree -f csv``: every figure as one record ``section, subject, measure, value, ci_low, ci_high, n, note``.

Sections: ``criterion`` (subject: the criterion id), ``criterion_pair`` (``id: a / b``),
``pair`` (``a / b``), ``scores``, ``rater``, ``verdict``, ``errors`` (subject: file:line).
Numbers are plain (rounded to 4 places); text a spreadsheet would run as a formula (a rater
called ``=HYPERLINK(...)``) is defused.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from sqaudit.agreement.kappa import Stat
from sqaudit.agreement.result import AgreementReport
from sqaudit.survey.formats.csv_ import plain

COLUMNS = ("section", "subject", "measure", "value", "ci_low", "ci_high", "n", "note")
Record = tuple[object, ...]


def _stat(section: str, subject: str, measure: str, s: Stat | None, note: str = "") -> Iterator[Record]:
    if s is not None:
        yield section, subject, measure, s.value, s.low, s.high, s.n, note


def records(report: AgreementReport) -> Iterator[Record]:
    for c in report.criteria:
        note = "; ".join(c.notes)
        yield from _stat("criterion", c.criterion, c.statistic, c.kappa, note)
        yield "criterion", c.criterion, "observed_agreement", c.observed, None, None, c.n, ""
        yield from _stat("criterion", c.criterion, "krippendorff_alpha", c.alpha)
        yield "criterion", c.criterion, "pass_rate", c.pass_rate, None, None, c.n, ""
        yield "criterion", c.criterion, "applicability_disagreements", c.applicability_disagreements, None, None, \
            None, ""
        if c.gate is not None:
            yield "criterion", c.criterion, "gate", c.gate, None, None, c.n, f"min_kappa {report.settings.min_kappa}"
        for p in c.pairwise:
            yield from _stat("criterion_pair", f"{c.criterion}: {p.a} / {p.b}", "cohen_kappa", p.kappa)
    for p in report.pairs:
        subject = f"{p.a} / {p.b}"
        yield from _stat("pair", subject, "kappa_pooled", p.kappa)
        yield from _stat("pair", subject, "spearman", p.spearman)
        yield from _stat("pair", subject, "mean_abs_diff", p.mean_abs_diff)
        yield from _stat("pair", subject, "mean_diff", p.mean_diff)
    if report.scores is not None:
        yield from _stat("scores", ", ".join(report.scores.raters), "krippendorff_alpha_interval",
                         report.scores.alpha, "; ".join(report.scores.notes))
    for r in report.raters:
        yield "rater", r.name, "mean_score", r.mean_score, None, None, r.shared, r.kind
        yield from _stat("rater", r.name, "score_vs_others", r.score_diff)
        yield "rater", r.name, "pass_rate", r.pass_rate, None, None, r.shared, ""
        yield from _stat("rater", r.name, "pass_rate_vs_others", r.pass_diff)
    v = report.verdict
    yield "verdict", v.strictest or "", "strictest", v.basis, None, None, None, v.message
    yield "verdict", v.most_lenient or "", "most_lenient", v.basis, None, None, None, ""


def write(report: AgreementReport, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records(report):
        writer.writerow([plain(v) for v in record])
    for p in report.problems:
        writer.writerow([plain(v) for v in ("errors", p.source, "skipped", None, None, None, None,
                                             p.message + (f" (hint: {p.hint})" if p.hint else ""))])
