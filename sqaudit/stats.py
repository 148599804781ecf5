"""Intervals for the figures a QA lead reads: thin wrappers over scipy.

A mean is always shown with its n and a 95 % interval, because a mean of four contacts is
not a verdict. Means use Student's t-interval; proportions use the Wilson score interval
(the formula of scipy's ``binomtest(...).proportion_ci(method="wilson")``, checked against it
in the tests), which behaves at 0 % and 100 %.
"""

from __future__ import annotations

import math
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps


@dataclass(frozen=True, slots=True)
class Estimate:
    value: float | None
    low: float | None
    high: float | None
    n: int
    method: str
    half: float | None = None  # the t-interval's half-width before clipping: the "±" a reader sees

    def to_dict(self) -> dict[str, object]:
        r = (lambda x: None if x is None else round(x, 2))
        return {"value": r(self.value), "ci95": [r(self.low), r(self.high)], "n": self.n, "method": self.method}


def mean_interval(values: Sequence[float], confidence: float = 0.95) -> Estimate:
    running = RunningMean()
    for value in values:
        running.add(value)
    return running.estimate(confidence)


class RunningMean:
    """Mean and variance in constant memory (Welford), so a batch of millions stays flat."""

    __slots__ = ("n", "mean", "m2")

    def __init__(self) -> None:
        self.n, self.mean, self.m2 = 0, 0.0, 0.0

    def add(self, value: float) -> None:
        self.n += 1
        delta = value - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (value - self.mean)

    def estimate(self, confidence: float = 0.95, bounds: tuple[float, float] = (0.0, 100.0)) -> Estimate:
        """Student's t-interval, clipped to the scale's bounds (a score cannot pass 100)."""
        if self.n == 0:
            return Estimate(None, None, None, 0, "t")
        if self.n == 1:
            return Estimate(self.mean, None, None, 1, "t")
        half = float(sps.t.ppf(0.5 + confidence / 2, self.n - 1)) * math.sqrt(self.m2 / (self.n - 1) / self.n)
        return Estimate(self.mean, max(bounds[0], self.mean - half), min(bounds[1], self.mean + half), self.n, "t",
                        half)


def proportion_interval(successes: int, n: int, confidence: float = 0.95) -> Estimate:
    """Wilson score interval, as scipy's ``binomtest(k, n).proportion_ci(method="wilson")``.

    Written out because ``binomtest`` also computes an exact p-value nobody reads here, which
    made agent reports (one interval per agent × criterion) spend most of their time in it;
    tests/test_stats.py holds this to scipy's result.
    """
    if n == 0:
        return Estimate(None, None, None, 0, "wilson")
    z = _z(confidence)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # at 0 and n the Wilson bound is exactly 0 or 1; floating point would leave 5e-17 behind
    low = 0.0 if successes == 0 else max(0.0, centre - spread)
    high = 1.0 if successes == n else min(1.0, centre + spread)
    return Estimate(p, low, high, n, "wilson")


@lru_cache(maxsize=8)
def _z(confidence: float) -> float:
    return float(sps.norm.ppf(0.5 + confidence / 2))


def spearman_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Spearman's rho of each row of two (R, n) arrays (ties get average ranks, as in
    ``scipy.stats.spearmanr``); NaN where a row is constant. Bootstrap resamples are ranked
    again row by row, so R resamples cost one vectorised call."""
    rx, ry = sps.rankdata(x, axis=1), sps.rankdata(y, axis=1)
    rx -= rx.mean(axis=1, keepdims=True)
    ry -= ry.mean(axis=1, keepdims=True)
    denominator = np.sqrt((rx * rx).sum(axis=1) * (ry * ry).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, (rx * ry).sum(axis=1) / denominator, np.nan)
