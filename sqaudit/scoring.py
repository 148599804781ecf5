"""From findings to scores: points, N/A, critical failures, dimensions and the overall score.

* A criterion earns its points on pass and 0 on fail; not applicable leaves the
  denominator (its ``na_policy`` may count it as a pass or a fail instead).
* A failed ``fail_section`` criterion zeroes every applicable criterion of its section.
* A dimension's score is earned / possible points of its criteria x 100, or None when no
  criterion of it applied (None is "not measured", never 0).
* The overall score is earned / possible points over all applicable criteria, or, when the
  rubric gives dimension weights, the weighted mean of the measured dimensions (a dimension
  the rubric gives no weight weighs 1).
* A failed ``fail_contact`` criterion sets the score to 0 and ``passed`` to false.
* When every scored outcome is only an ``na_policy`` assumption, nothing was observed and
  the contact has no score (None), rather than 100 or 0 for a contact nobody worked on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqaudit.model import DIMENSIONS, Finding, Outcome


@dataclass(frozen=True, slots=True)
class Score:
    overall: float | None
    passed: bool | None
    dimensions: tuple[tuple[str, float | None], ...]
    critical_failures: tuple[str, ...]
    findings: tuple[Finding, ...]


def score_findings(findings: Sequence[Finding], weights: Mapping[str, float] | None, pass_score: float) -> Score:
    failed_critical = [f for f in findings if f.critical and f.outcome is Outcome.FAIL]
    zeroed_sections = {f.section for f in failed_critical if f.critical == "fail_section"}
    findings = tuple(
        replace(f, points=0, message=f"{f.message} [section '{f.section}' zeroed by a critical failure]")
        if f.section in zeroed_sections and f.outcome is Outcome.PASS and f.max_points else f
        for f in findings
    )
    earned: dict[str, float] = {}
    possible: dict[str, float] = {}
    # only na_policy assumptions and nothing observed: nothing to score
    observed = any(f.max_points > 0 and not f.assumed for f in findings)
    for f in findings if observed else ():
        if f.outcome in (Outcome.PASS, Outcome.FAIL) and f.max_points > 0:
            earned[f.dimension] = earned.get(f.dimension, 0.0) + f.points
            possible[f.dimension] = possible.get(f.dimension, 0.0) + f.max_points
    dimensions = {d: (100.0 * earned[d] / possible[d] if possible.get(d) else None) for d in DIMENSIONS}
    overall = _overall(dimensions, earned, possible, weights)
    fail_contact = any(f.critical == "fail_contact" for f in failed_critical)
    if fail_contact:
        overall = 0.0
    # compare at the precision that is shown (74.99999999999999 is reported, and passes, as 75.0)
    passed = None if overall is None else (round(overall, 6) >= pass_score and not fail_contact)
    return Score(overall, passed, tuple(dimensions.items()), tuple(sorted(f.criterion_id for f in failed_critical)),
                 findings)


def _overall(dimensions: Mapping[str, float | None], earned: Mapping[str, float], possible: Mapping[str, float],
             weights: Mapping[str, float] | None) -> float | None:
    if weights:
        measured = [(weights.get(d, 1.0), s) for d, s in dimensions.items() if s is not None and weights.get(d, 1.0) > 0]
        total = sum(w for w, _ in measured)
        return sum(w * s for w, s in measured) / total if total else None
    denominator = sum(possible.values())
    return 100.0 * sum(earned.values()) / denominator if denominator else None
