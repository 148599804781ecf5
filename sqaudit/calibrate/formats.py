"""Formats of ``sqaudit calibrate``: a terminal table, Markdown, JSON. Each takes only the finished
:class:`~sqaudit.calibrate.result.Calibration`; the table and Markdown share their rows."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import TextIO

from tabulate import tabulate

from sqaudit import __version__
from sqaudit.calibrate.result import Calibration, Interval
from sqaudit.reports.markdown import cell

Section = tuple[str, list[str], list[list[str]], str]  # title, headers, rows, note


def _iv(x: Interval, fmt: str = ".3f", signed: bool = False) -> str:
    if math.isnan(x.value):
        return "—"
    spec = ("+" if signed else "") + fmt
    bounds = "" if math.isnan(x.low) else f" [{x.low:{spec}}, {x.high:{spec}}]"
    return f"{x.value:{spec}}{bounds}"


def summary_lines(c: Calibration) -> list[str]:
    m, cv = c.matching, c.cv
    shape = "one number per contact" if m.mode == "contact" else "reviewer outcomes per criterion"
    return [
        (f"Rubric: {c.rubric_id} v{c.rubric_version} ({c.rubric_source}, sha256 {c.rubric_sha256[:12]}) "
         f"→ calibrated v{c.new_version}"),
        f"Labels: {m.label_source}, column {m.column} ({shape}); {m.rows} row(s), {len(m.problems)} skipped",
        (f"Contacts: {m.matched} labelled and scored · {m.labels_without_contact} label(s) matched no contact · "
         f"{m.contacts_without_label} contact(s) had no label · {m.without_score} matched without a score"),
        (f"Fitted {c.free_parameters} criteria; {len(c.unfitted)} kept as written (they never vary in these "
         f"contacts); {cv.n} labelled contacts, at least 10 per scored criterion needed"),
        (f"In-sample Spearman rho of the final points on all {cv.n} contacts: {_iv(c.in_sample)} (optimistic; "
         "the cross-validated figures below are the honest ones)"),
    ]


def verdict(c: Calibration) -> tuple[str, str]:
    """(better | worse | unclear, a sentence): what the cross-validated ρ difference says."""
    d = c.cv.difference.spearman
    if math.isnan(d.low):
        return "unclear", "no interval for the difference: too few contacts to tell"
    if d.low > 0:
        return "better", (f"calibration improves agreement on held-out contacts (Spearman rho "
                          f"{_iv(d, signed=True)}): the tuned rubric is worth reviewing")
    if d.high < 0:
        return "worse", (f"calibration makes agreement worse on held-out contacts (Spearman rho "
                         f"{_iv(d, signed=True)}): keep the rubric as written")
    return "unclear", (f"no clear improvement on held-out contacts (Spearman rho {_iv(d, signed=True)}, the "
                       "interval contains 0): the points as written are as good as the tuned ones")


def sections(c: Calibration) -> list[Section]:
    cv = c.cv
    scale = cv.before.mae.value  # three significant digits on the label's own scale
    mae = f".{max(0, 2 - math.floor(math.log10(scale)))}f" if scale > 0 and math.isfinite(scale) else ".3f"
    out: list[Section] = [(
        (f"{cv.folds}-fold cross-validation (seed {cv.seed}), {cv.n} held-out contacts, 95 % bootstrap intervals "
         f"({cv.resamples} resamples)"),
        ["statistic", "as written", "calibrated", "difference"],
        [["Spearman rho", _iv(cv.before.spearman), _iv(cv.after.spearman), _iv(cv.difference.spearman, signed=True)],
         ["MAE (label scale)", _iv(cv.before.mae, mae), _iv(cv.after.mae, mae), _iv(cv.difference.mae, mae, True)]],
        ("MAE after an affine map score → label fitted on the training folds only; calibrated scores use "
         "points fitted without the held-out fold.\nVerdict: " + verdict(c)[1] + "."))]
    out.append(("Points changed (largest change first)", ["criterion", "dimension", "written", "calibrated", "change"],
                [[p.criterion, p.dimension, f"{p.old:g}", f"{p.new:g}", f"{p.change:+.2f}"] for p in c.changes],
                "" if c.changes else "no point changed"))
    if c.unfitted:
        out.append(("Kept as written (cannot be fitted from these contacts)", ["criterion", "points", "why"],
                    [[u.criterion, f"{u.points:g}", u.reason] for u in c.unfitted], ""))
    if cv.kappa:
        out.append((("Tool vs reviewer per criterion (Cohen's kappa; points cannot change an outcome, so the "
                     "same before and after)"), ["criterion", "n", "kappa [95 %]", "same outcome"],
                    [[k.criterion, str(k.n), _iv(k.kappa, ".2f"), f"{k.agreement * 100:.0f} %"] for k in cv.kappa],
                    ""))
    return out


def write_table(c: Calibration, out: TextIO) -> None:
    out.write("\n".join(summary_lines(c)) + "\n")
    for title, headers, rows, note in sections(c):
        out.write(f"\n{title}\n")
        if rows:
            out.write(tabulate(rows, headers=headers, disable_numparse=True) + "\n")
        if note:
            out.write(f"{note}\n")


def write_markdown(c: Calibration, out: TextIO) -> None:
    out.write(f"# Calibration of {cell(c.rubric_id)} v{cell(c.rubric_version)}\n\n")
    out.write("".join(f"- {cell(line)}\n" for line in summary_lines(c)))
    for title, headers, rows, note in sections(c):
        out.write(f"\n## {cell(title)}\n\n")
        if rows:
            out.write(tabulate([[cell(x) for x in row] for row in rows], headers=headers, tablefmt="github",
                               disable_numparse=True) + "\n")
        if note:
            out.write(f"\n{cell(note)}\n")


def to_dict(c: Calibration) -> dict[str, object]:
    m = c.matching
    return {
        "tool": {"name": "sqaudit", "version": __version__},
        "rubric": {"id": c.rubric_id, "version": c.rubric_version, "sha256": c.rubric_sha256,
                   "source": c.rubric_source, "calibrated_version": c.new_version},
        "labels": {"source": m.label_source, "mode": m.mode, "column": m.column, "rows": m.rows,
                   "skipped": [p.to_dict() for p in m.problems], "matched": m.matched,
                   "labels_without_contact": m.labels_without_contact,
                   "contacts_without_label": m.contacts_without_label, "matched_without_score": m.without_score},
        "free_parameters": c.free_parameters,
        "cross_validation": c.cv.to_dict(),
        "verdict": verdict(c)[0],
        "in_sample": {"spearman": c.in_sample.to_dict()},
        "points": dict(c.points),
        "changes": [{"criterion": p.criterion, "dimension": p.dimension, "old": p.old, "new": p.new}
                    for p in c.changes],
        "kept": [{"criterion": u.criterion, "points": u.points, "reason": u.reason} for u in c.unfitted],
    }


def write_json(c: Calibration, out: TextIO) -> None:
    json.dump(to_dict(c), out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS: dict[str, Callable[[Calibration, TextIO], None]] = {
    "table": write_table, "markdown": write_markdown, "json": write_json}


def header_lines(c: Calibration, when: str) -> list[str]:
    """The comment written on top of the calibrated rubric."""
    cv, m = c.cv, c.matching
    return [
        f"Calibrated by `sqaudit calibrate` (sqaudit {__version__}) on {when}: only points (and version) changed.",
        f"From: {c.rubric_id} v{c.rubric_version}, {c.rubric_source}, sha256 {c.rubric_sha256}",
        (f"Fitted to: {m.label_source}, column {m.column}, {cv.n} labelled contacts; "
         f"{c.free_parameters} criteria fitted, {len(c.unfitted)} kept as written."),
        f"{cv.folds}-fold cross-validation (seed {cv.seed}), Spearman rho with 95 % bootstrap intervals:",
        (f"  as written {_iv(cv.before.spearman)} → calibrated {_iv(cv.after.spearman)} "
         f"(difference {_iv(cv.difference.spearman, signed=True)})."),
    ]
