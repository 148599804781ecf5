"""Rows of text shared by the terminal table and Markdown: the same figures, the same words.

A figure reads ``0.62`` with its interval ``0.41 to 0.80`` in its own column. Rater names and
criterion ids come from the users' files: the writers escape them for their destination
(every terminal cell is a ``rich.text.Text``; Markdown cells are escaped).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqaudit.agreement.kappa import Stat
from sqaudit.agreement.result import NA_MODES, AgreementReport

DASH = "–"
Table = tuple[str, list[str], list["Row"]]  # title, headers, rows


@dataclass(frozen=True)
class Row:
    cells: list[str]
    bad: bool = False  # below --min-kappa
    muted: bool = False  # unstable or nothing to compare


def num(value: float | None, places: int = 2) -> str:
    return DASH if value is None else f"{value:.{places}f}"


def pct(value: float | None) -> str:
    return DASH if value is None else f"{value:.0%}"


def ci(stat: Stat | None, places: int = 2, scale: float = 1.0) -> str:
    if stat is None or stat.low is None or stat.high is None:
        return DASH
    return f"{stat.low * scale:.{places}f} to {stat.high * scale:.{places}f}"


def summary_lines(report: AgreementReport) -> list[str]:
    cov = report.coverage
    raters = ", ".join(f"{r.name} ({'sqaudit' if r.kind == 'sqaudit' else 'review'}, {r.contacts} contacts)"
                       for r in report.raters)
    s = report.settings
    return [f"Raters: {raters}",
            f"Contacts rated by every rater: {cov.shared_all}; by two or more: {cov.shared_two}",
            NA_MODES[s.na] + ".",
            f"Intervals: 95% percentile bootstrap over contacts ({s.bootstrap} resamples, seed {s.seed})."]


def criteria_table(report: AgreementReport) -> Table:
    kinds = {c.statistic for c in report.criteria}
    name = "Cohen's κ" if kinds == {"cohen_kappa"} else "Fleiss' κ" if kinds == {"fleiss_kappa"} else "κ"
    headers = ["Criterion", "Raters", "n", "Agreement", name, "95% CI", "Krippendorff's α", "Pass rate",
               "N/A vs pass/fail"]
    gated = report.settings.min_kappa is not None
    if gated:
        headers.append(f"κ ≥ {report.settings.min_kappa:g}")
    headers.append("Notes")
    rows = []
    for c in report.criteria:
        cells = [c.criterion, str(len(c.raters)), str(c.n), pct(c.observed), num(c.kappa.value), ci(c.kappa),
                 num(c.alpha.value), pct(c.pass_rate), str(c.applicability_disagreements)]
        if gated:
            cells.append({"pass": "yes", "fail": "NO", "not_evaluated": "not evaluated"}.get(c.gate or "", DASH))
        cells.append("; ".join(c.notes))
        rows.append(Row(cells, bad=c.gate == "fail", muted=any(n.startswith(("unstable", "no ")) for n in c.notes)))
    return "Agreement per criterion", headers, rows


def pairs_table(report: AgreementReport) -> Table:
    headers = ["Raters", "Units", "Agreement", "κ pooled", "95% CI", "Scores n", "Spearman ρ", "95% CI",
               "Mean |diff|", "95% CI", "Mean diff", "95% CI"]
    rows = []
    for p in report.pairs:
        rows.append(Row([f"{p.a} / {p.b}", str(p.units), pct(p.observed), num(p.kappa.value), ci(p.kappa),
                         str(p.score_n), num(p.spearman and p.spearman.value), ci(p.spearman),
                         num(p.mean_abs_diff and p.mean_abs_diff.value, 1), ci(p.mean_abs_diff, 1),
                         _signed(p.mean_diff), ci(p.mean_diff, 1)]))
    return "Pairs of raters (κ pooled over criteria; scores per contact, first − second)", headers, rows


def matrix_table(report: AgreementReport) -> Table | None:
    """Pairwise Cohen's κ (pooled over criteria) as a matrix, for three or more raters."""
    names = [r.name for r in report.raters]
    if len(names) < 3:
        return None
    value = {}
    for p in report.pairs:
        value[(p.a, p.b)] = value[(p.b, p.a)] = num(p.kappa.value)
    rows = [Row([a] + ["1" if a == b else value.get((a, b), DASH) for b in names]) for a in names]
    return "Pairwise Cohen's κ (pooled over criteria)", ["Rater", *names], rows


def raters_table(report: AgreementReport) -> Table:
    headers = ["Rater", "Kind", "Contacts", "Shared", "Mean score", "Others", "Difference", "95% CI", "Pass rate",
               "Others", "Difference", "95% CI"]
    rows = []
    for r in report.raters:
        pass_diff = None if r.pass_diff is None or r.pass_diff.value is None else r.pass_diff.value * 100
        rows.append(Row([r.name, r.kind, str(r.contacts), str(r.shared), num(r.mean_score, 1), num(r.others_score, 1),
                         _signed(r.score_diff), ci(r.score_diff, 1), pct(r.pass_rate), pct(r.others_pass_rate),
                         DASH if pass_diff is None else f"{pass_diff:+.1f} pp", ci(r.pass_diff, 1, 100)]))
    return "Raters against the others (on the contacts they share)", headers, rows


def coverage_table(report: AgreementReport) -> Table | None:
    partial = report.coverage.partial_criteria
    if not partial:
        return None
    groups: dict[tuple[str, ...], list[str]] = {}
    for criterion, who in partial:
        groups.setdefault(who, []).append(criterion)
    rows = [Row([", ".join(who) or DASH, ", ".join(criteria)], muted=len(who) < 2)
            for who, criteria in sorted(groups.items())]
    return ("Criteria not scored by every rater (by fewer than two: not compared)", ["Scored only by", "Criteria"],
            rows)


def score_lines(report: AgreementReport) -> list[str]:
    s = report.scores
    if s is None:
        return ["Contact scores: fewer than two raters gave scores; not compared."]
    a = s.alpha
    line = (f"Contact scores: Krippendorff's α (interval) {num(a.value)} (95% CI {ci(a)}, n = {a.n} contacts, "
            f"raters {', '.join(s.raters)})")
    return [line, *s.notes]


def verdict_line(report: AgreementReport) -> str:
    return f"Strictness: {report.verdict.message}"


def _signed(stat: Stat | None) -> str:
    return DASH if stat is None or stat.value is None else f"{stat.value:+.1f}"
