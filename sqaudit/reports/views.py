"""Rows of text shared by the human-readable team reports (terminal and Markdown).

A mean reads ``82.5 ±4.1 (n=37)``: the ± is the 95 % t-interval's half-width, so a reader
sees at once how much a figure can be trusted. Rows carry two flags for styling: too
little evidence for a verdict, and a mean below the rubric's pass score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqaudit.compare import PeerComparison
from sqaudit.groups import GroupStats
from sqaudit.i18n import dimension, labels, reasons_text
from sqaudit.report import TeamReport, worst_first
from sqaudit.stats import Estimate

MISSED_SHOWN = 10


@dataclass(frozen=True)
class Row:
    cells: list[str]
    insufficient: bool = False
    failing: bool = False


def mean_text(est: Estimate) -> str:
    if est.value is None:
        return "— (n=0)"
    half = f" ±{est.half:.1f}" if est.half is not None else ""
    return f"{est.value:.1f}{half} (n={est.n})"


def rate_text(est: Estimate) -> str:
    if est.value is None:
        return "—"
    if est.low is None or est.high is None:
        return f"{est.value * 100:.0f}%"
    return f"{est.value * 100:.0f}% [{est.low * 100:.0f}–{est.high * 100:.0f}]"


def peers_text(comparison: object, text: Mapping[str, str]) -> str:
    if not isinstance(comparison, PeerComparison):
        return ""
    verdict = text.get(comparison.verdict, comparison.verdict)
    if comparison.p_adjusted is None:
        return verdict
    p = comparison.p_adjusted
    return f"{verdict} (p<0.001)" if p < 0.001 else f"{verdict} (p={p:.3f})"


def group_rows(report: TeamReport, kind: str) -> tuple[list[str], list[Row]]:
    """The agents or teams table, worst mean first; unranked groups after the ranked ones' order."""
    text = labels(report.language)
    groups: Sequence[GroupStats] = sorted(report.agents if kind == "agent" else report.teams, key=worst_first)
    headers = [text[kind]] + ([text["team"]] if kind == "agent" else [text["agents"]]) + [
        text["mean_score"], text["pass_rate"], text["critical"], text["complaints"], text["rank"],
        text["vs_peers"], text["insufficient"]]
    rows = []
    for g in groups:
        second = (g.team or "—") if kind == "agent" else str(g.agents)
        cells = [g.key or text["none"], second, mean_text(g.score), rate_text(g.pass_rate),
                 str(g.critical_failures), str(g.complaints), "—" if g.rank is None else str(g.rank),
                 peers_text(g.vs_peers, text), reasons_text(g.insufficient, report.language)]
        failing = g.score.value is not None and g.score.value < report.rubric.pass_score
        rows.append(Row(cells, bool(g.insufficient), failing))
    return headers, rows


def dimension_rows(report: TeamReport, groups: Sequence[GroupStats], kind: str) -> tuple[list[str], list[Row]]:
    text = labels(report.language)
    dims = [d for d in next(iter(groups)).dimensions] if groups else []
    headers = [text[kind]] + [dimension(d, report.language) for d in dims]
    rows = [Row([g.key or text["none"]] + [mean_text(g.dimensions[d]) for d in dims], bool(g.insufficient))
            for g in sorted(groups, key=worst_first)]
    return headers, rows


def missed_rows(report: TeamReport, limit: int = MISSED_SHOWN) -> tuple[list[str], list[Row]]:
    text = labels(report.language)
    headers = [text["criterion"], text["title"], text["met"], text["missed"], text["not_applicable"],
               text["missed_rate"]]
    rows = []
    for line in report.criteria:
        if line.miss_rate is None or line.failed == 0:
            continue
        rows.append(Row([line.criterion.id, line.criterion.title_for(report.language), str(line.passed),
                         str(line.failed), str(line.not_applicable), f"{line.miss_rate * 100:.0f}%"]))
    return headers, rows[:limit]


def period_rows(report: TeamReport) -> tuple[list[str], list[Row]]:
    text = labels(report.language)
    headers = [text["period"], text["team"] + " / " + text["agent"], text["mean_score"], text["pass_rate"]]
    rows = []
    for g in report.periods:
        who = "*" if g.kind == "period" else f"{g.kind}: {g.key or text['none']}"
        rows.append(Row([g.period or "—", who, mean_text(g.score), rate_text(g.pass_rate)], bool(g.insufficient)))
    return headers, rows


def summary_lines(report: TeamReport) -> list[str]:
    h, s, text = report.header, report.summary, labels(report.language)
    lines = [f"{text['rubric']}: {h.rubric_id} v{h.rubric_version} — {h.rubric_title}",
             f"{text['contacts']}: {s.scored}" + (f" (+{s.skipped} skipped)" if s.skipped else "")
             + f" · {text['mean_score']}: {mean_text(s.score)} · {text['pass_rate']}: {rate_text(s.pass_rate)}"
             + f" · {text['critical']}: {s.with_critical_failure} · {text['complaints']}: {s.complaints}"]
    return lines


def notes(report: TeamReport) -> list[str]:
    text = labels(report.language)
    settings = report.settings
    return [text["method_note"],
            f"{text['insufficient']}: n < {settings.min_contacts} or 95% CI wider than ±{settings.max_ci_width / 2:g}. "
            + text["insufficient_note"]]
