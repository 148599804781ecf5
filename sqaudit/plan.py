"""How many contacts a review needs: the textbook sample-size formulas.

For a mean score with a margin of error E (half the confidence interval, in points) and a
standard deviation σ of contact scores::

    n = (z · σ / E)²                      rounded up; z = the normal quantile for the confidence

Because a small review is then analysed with Student's t rather than z, ``n_t`` is the
smallest n whose t-interval (n − 1 degrees of freedom) is within the margin (a little larger).
For a pass rate with margin E (percentage points) and an expected rate p::

    n = z² · p (1 − p) / E²               p = 0.5 when unknown: the largest n

With a finite population N (the contacts an agent handles in the period) the finite
population correction ``n / (1 + (n − 1) / N)`` is applied. σ comes from ``--sd`` or from
scored contacts: the pooled within-agent standard deviation, since reviews are per agent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats as sps

from sqaudit.groups import GroupStats


@dataclass(frozen=True)
class SamplePlan:
    measure: str  # "mean score" | "pass rate"
    margin: float
    confidence: float
    spread: float  # σ for a mean, p for a rate
    spread_source: str
    z: float
    n: int  # the textbook (z) formula
    n_t: int | None  # the same with Student's t (means only)
    population: int | None = None
    n_finite: int | None = None  # with the finite population correction

    def to_dict(self) -> dict[str, object]:
        return {"measure": self.measure, "margin": self.margin, "confidence": self.confidence,
                "sd" if self.measure == "mean score" else "p": round(self.spread, 4),
                "source": self.spread_source, "z": round(self.z, 6), "n": self.n, "n_t": self.n_t,
                "population": self.population, "n_finite_population": self.n_finite}


def z_for(confidence: float) -> float:
    return float(sps.norm.ppf(0.5 + confidence / 2))


def _ceil(x: float) -> int:
    # 34.000000000001 from floating point is 34, not 35
    return math.ceil(round(x, 9))


def _finite(n: int, population: int | None) -> int | None:
    return None if population is None else _ceil(n / (1 + (n - 1) / population))


def for_mean(margin: float, sd: float, confidence: float = 0.95, population: int | None = None,
             source: str = "given") -> SamplePlan:
    if margin <= 0 or sd < 0 or not 0 < confidence < 1:
        raise ValueError("margin must be > 0, sd >= 0 and confidence between 0 and 1")
    z = z_for(confidence)
    n = max(2, _ceil((z * sd / margin) ** 2))
    # the smallest n whose t-interval half-width t(n-1)·σ/√n is within the margin
    n_t = n
    while float(sps.t.ppf(0.5 + confidence / 2, n_t - 1)) * sd / math.sqrt(n_t) > margin + 1e-12:
        n_t += 1
    return SamplePlan("mean score", margin, confidence, sd, source, z, n, n_t, population, _finite(n, population))


def for_rate(margin_points: float, p: float = 0.5, confidence: float = 0.95,
             population: int | None = None, source: str = "given") -> SamplePlan:
    if margin_points <= 0 or not 0 <= p <= 1 or not 0 < confidence < 1:
        raise ValueError("margin must be > 0, p between 0 and 1 and confidence between 0 and 1")
    z = z_for(confidence)
    margin = margin_points / 100
    n = max(1, _ceil(z * z * p * (1 - p) / (margin * margin)))
    return SamplePlan("pass rate", margin_points, confidence, p, source, z, n, None, population,
                      _finite(n, population))


def pooled_sd(groups: Sequence[GroupStats]) -> float | None:
    """Within-group standard deviation pooled over groups with 2+ scores (None if none has)."""
    sum_squares, dof = 0.0, 0
    for g in groups:
        k = sum(count for _, count in g.score_counts)
        if k >= 2:
            mean = sum(score * count for score, count in g.score_counts) / k
            sum_squares += sum(count * (score - mean) ** 2 for score, count in g.score_counts)
            dof += k - 1
    return math.sqrt(sum_squares / dof) if dof else None
