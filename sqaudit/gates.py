"""Pass/fail gates on a finished run: the service standard a CI job or QA lead sets.

``score`` exposes two: ``--min-score`` (the batch's mean contact score must reach it) and
``--fail-on-critical`` (no contact may have a critical failure). ``check`` adds the rest,
from the command line or a config file (:mod:`sqaudit.config`): ``min_pass_rate`` (0–1),
``max_critical`` (contacts), ``min_dimension`` (a floor per SERVQUAL dimension), each on the
whole batch or on one team's contacts.

A gate reports what was observed, with its interval where there is one, so
"78.1 (95% CI 74.0–82.2, n=120)" against ">= 80" says how close the batch came. Decisions:

- A mean or rate gate compares the **point estimate** with the threshold; the interval is
  shown, not tested (a batch at 79.9 ± 4 fails ">= 80"; a lead who wants "surely above"
  sets the threshold higher).
- A mean or rate gate on fewer than ``min_n`` contacts is **not evaluated** (never failed):
  "not evaluated: n=3 < 10". ``score`` sets no ``min_n`` (its behaviour is unchanged).
- The critical-failure gate counts events, not an estimate: one card number read out is a
  breach at any n, so it is evaluated whatever ``min_n`` says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqaudit.model import DIMENSIONS
from sqaudit.stats import Estimate

if TYPE_CHECKING:
    from sqaudit.groups import GroupStats
    from sqaudit.run import RunSummary


@dataclass(frozen=True, slots=True)
class GateSpec:
    min_score: float | None = None
    fail_on_critical: bool = False
    min_pass_rate: float | None = None  # 0–1
    max_critical: int | None = None  # contacts with a critical failure
    min_dimension: tuple[tuple[str, float], ...] = ()  # (dimension, floor 0–100), in order given
    min_n: int | None = None  # fewer scored contacts: a mean/rate gate is not evaluated; None: no floor

    @property
    def empty(self) -> bool:
        return (self.min_score is None and not self.fail_on_critical and self.min_pass_rate is None
                and self.max_critical is None and not self.min_dimension)


@dataclass(frozen=True, slots=True)
class GateResult:
    name: str
    observed: str
    threshold: str
    status: str  # pass | fail | not_evaluated
    scope: str = "batch"  # batch | team:NAME
    note: str = ""  # why not evaluated, e.g. "n=3 < 10"

    def to_dict(self) -> dict[str, str]:
        data = {"name": self.name, "observed": self.observed, "threshold": self.threshold, "status": self.status}
        # ``score`` documents (and --reproduce) keep their shape: batch gates carry no extra keys
        if self.scope != "batch":
            data["scope"] = self.scope
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class Figures:
    """What a gate looks at, from the whole run or from one group."""

    score: Estimate
    pass_rate: Estimate
    critical: int
    dimensions: Mapping[str, Estimate]

    @classmethod
    def of_summary(cls, summary: RunSummary) -> Figures:
        return cls(summary.score, summary.pass_rate, summary.with_critical_failure, summary.dimensions)

    @classmethod
    def of_group(cls, group: GroupStats) -> Figures:
        return cls(group.score, group.pass_rate, group.critical_failures, group.dimensions)


def fmt_estimate(est: Estimate, percent: bool = False) -> str:
    """``78.1 (95% CI 74.0–82.2, n=120)``; a rate as ``54.1 % (95% CI 46.6–61.4, n=170)``."""
    k, unit = (100.0, " %") if percent else (1.0, "")
    value = est.value * k if est.value is not None else 0.0
    if est.low is not None and est.high is not None:
        return f"{value:.1f}{unit} (95% CI {est.low * k:.1f}–{est.high * k:.1f}, n={est.n})"
    return f"{value:.1f}{unit} (n={est.n})"


def _estimate_gate(name: str, est: Estimate, floor: float, spec: GateSpec, scope: str,
                   percent: bool = False) -> GateResult:
    threshold = f">= {floor * 100:g} %" if percent else f">= {floor:g}"
    if est.value is None:
        note = f"n=0 < {spec.min_n}" if spec.min_n else "no scored contact"
        return GateResult(name, "no scored contact", threshold, "not_evaluated", scope, note)
    observed = fmt_estimate(est, percent)
    if spec.min_n is not None and est.n < spec.min_n:
        return GateResult(name, observed, threshold, "not_evaluated", scope, f"n={est.n} < {spec.min_n}")
    return GateResult(name, observed, threshold, "pass" if est.value >= floor else "fail", scope)


def evaluate_scope(spec: GateSpec, figures: Figures, scope: str = "batch") -> list[GateResult]:
    """Every gate of ``spec`` on one scope's figures, in a fixed order."""
    results = []
    if spec.min_score is not None:
        results.append(_estimate_gate("mean score", figures.score, spec.min_score, spec, scope))
    if spec.min_pass_rate is not None:
        results.append(_estimate_gate("pass rate", figures.pass_rate, spec.min_pass_rate, spec, scope, percent=True))
    for dimension, floor in spec.min_dimension:
        est = figures.dimensions.get(dimension)
        if est is not None:
            results.append(_estimate_gate(f"{dimension} score", est, floor, spec, scope))
    if spec.fail_on_critical and spec.max_critical is None:
        count = figures.critical
        results.append(GateResult("critical failures", f"{count} contact(s)", "0",
                                  "pass" if count == 0 else "fail", scope))
    elif spec.max_critical is not None:
        limit = 0 if spec.fail_on_critical else spec.max_critical
        count = figures.critical
        results.append(GateResult("critical failures", f"{count} contact(s)", f"<= {limit}",
                                  "pass" if count <= limit else "fail", scope))
    return results


def evaluate_gates(spec: GateSpec, summary: RunSummary) -> list[GateResult]:
    """The batch gates of ``score`` and ``report`` (and the batch scope of ``check``)."""
    return evaluate_scope(spec, Figures.of_summary(summary))


@dataclass(frozen=True)
class GatePlan:
    """Batch gates plus team gates: what ``sqaudit check`` evaluates.

    ``teams`` holds the gates of the teams the config names (the defaults with that team's
    overrides); with ``per_team``, every other team in the batch gets ``team_default``.
    """

    batch: GateSpec
    teams: Mapping[str, GateSpec]
    per_team: bool = False
    team_default: GateSpec | None = None


def evaluate_plan(plan: GatePlan, summary: RunSummary, groups: Iterable[GroupStats]) -> list[GateResult]:
    """Batch gates first, then teams by name. A named team absent from the batch is not evaluated."""
    results = evaluate_scope(plan.batch, Figures.of_summary(summary))
    seen = {g.key: g for g in groups if g.key is not None}
    names = sorted(set(plan.teams) | (set(seen) if plan.per_team else set()))
    for name in names:
        spec = plan.teams.get(name) or plan.team_default
        if spec is None or spec.empty:
            continue
        scope = f"team:{name}"
        group = seen.get(name)
        if group is None:
            results += [GateResult(g.name, "no contact", g.threshold, "not_evaluated", scope,
                                   "team not in the batch")
                        for g in evaluate_scope(spec, _NO_FIGURES, scope)]
        else:
            results += evaluate_scope(spec, Figures.of_group(group), scope)
    return results


_NONE = Estimate(None, None, None, 0, "t")
_NO_FIGURES = Figures(_NONE, _NONE, 0, dict.fromkeys(DIMENSIONS, _NONE))
