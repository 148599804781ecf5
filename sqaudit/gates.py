"""Pass/fail gates on a finished run: the service standard a CI job or QA lead sets.

``score`` exposes two: ``--min-score`` (the batch's mean contact score must reach it) and
``--fail-on-critical`` (no contact may have a critical failure). A gate reports what was
observed, with its interval where there is one, so "78.1 (95 % CI 74.0–82.2) < 80" says
how close the batch came.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqaudit.run import RunSummary


@dataclass(frozen=True, slots=True)
class GateSpec:
    min_score: float | None = None
    fail_on_critical: bool = False


@dataclass(frozen=True, slots=True)
class GateResult:
    name: str
    observed: str
    threshold: str
    status: str  # pass | fail | not_evaluated

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "observed": self.observed, "threshold": self.threshold, "status": self.status}


def evaluate_gates(spec: GateSpec, summary: RunSummary) -> list[GateResult]:
    results = []
    if spec.min_score is not None:
        est = summary.score
        if est.value is None:
            results.append(GateResult("mean score", "no scored contact", f">= {spec.min_score:g}", "not_evaluated"))
        else:
            ci = f" (95% CI {est.low:.1f}–{est.high:.1f}, n={est.n})" if est.low is not None else f" (n={est.n})"
            status = "pass" if est.value >= spec.min_score else "fail"
            results.append(GateResult("mean score", f"{est.value:.1f}{ci}", f">= {spec.min_score:g}", status))
    if spec.fail_on_critical:
        count = summary.with_critical_failure
        results.append(GateResult("critical failures", f"{count} contact(s)", "0",
                                  "pass" if count == 0 else "fail"))
    return results
