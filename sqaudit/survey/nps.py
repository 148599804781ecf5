"""NPS, CSAT and CES: the one-question measures a survey tool exports.

* NPS (0–10; an export coding it 1–11 is shifted by the instrument's scale): promoters
  answer 9–10, passives 7–8, detractors 0–6; NPS = 100 · (promoters − detractors) / n.
  Its 95 % interval is the Wald interval of a difference of two proportions of the same
  multinomial sample: Var = (p₊ + p₋ − (p₊ − p₋)²) / n, clipped to −100…100. It is a normal
  approximation: below n = 30, or with every answer in one group, read it as rough (the
  result says so).
* CSAT: the share answering in the top ``top_box`` points of the scale (top-2-box on 1–5:
  4 or 5), with the Wilson interval, and the mean with Student's t interval.
* CES: the mean with Student's t interval, and which direction of the scale is easier.
* Overall satisfaction: the mean with Student's t interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats as sps

from sqaudit.stats import Estimate, RunningMean, proportion_interval
from sqaudit.survey.model import Single

NPS_METHOD = "Wald, variance of a difference of multinomial proportions (p+ + p- - (p+ - p-)^2)/n"
ROUGH_BELOW = 30


@dataclass(frozen=True)
class NPS:
    n: int
    promoters: int
    passives: int
    detractors: int
    score: float | None
    low: float | None
    high: float | None
    method: str = NPS_METHOD

    @property
    def rough(self) -> bool:
        """The normal approximation is poor: few answers, or all in one group (a zero-width interval)."""
        return self.n < ROUGH_BELOW or max(self.promoters, self.passives, self.detractors) == self.n

    def to_dict(self) -> dict[str, object]:
        r = (lambda x: None if x is None else round(x, 2))
        return {"n": self.n, "promoters": self.promoters, "passives": self.passives, "detractors": self.detractors,
                "nps": r(self.score), "ci95": [r(self.low), r(self.high)], "method": self.method,
                "rough": self.rough}


def nps(values: Sequence[float]) -> NPS | None:
    """Answers on 0–10 (already shifted to 0)."""
    n = len(values)
    if n == 0:
        return None
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    plus, minus = promoters / n, detractors / n
    score = 100 * (plus - minus)
    half = 100 * float(sps.norm.ppf(0.975)) * math.sqrt(max(0.0, plus + minus - (plus - minus) ** 2) / n)
    return NPS(n, promoters, n - promoters - detractors, detractors, score, max(-100.0, score - half),
               min(100.0, score + half))


def mean_estimate(values: Sequence[float], low: float, high: float) -> Estimate:
    running = RunningMean()
    for value in values:
        running.add(value)
    return running.estimate(bounds=(low, high))


@dataclass(frozen=True)
class CSAT:
    top_box: Estimate  # share in the top boxes, Wilson
    mean: Estimate
    boxes: int
    scale: str

    def to_dict(self) -> dict[str, object]:
        r = (lambda x: None if x is None else round(x, 4))
        return {"top_box": {"value": r(self.top_box.value), "ci95": [r(self.top_box.low), r(self.top_box.high)],
                            "n": self.top_box.n, "method": self.top_box.method, "boxes": self.boxes},
                "mean": self.mean.to_dict(), "scale": self.scale}


def csat(values: Sequence[float], single: Single) -> CSAT | None:
    if not values:
        return None
    threshold = single.scale.high - single.top_box + 1
    top = sum(1 for v in values if v >= threshold)
    return CSAT(proportion_interval(top, len(values)), mean_estimate(values, single.scale.low, single.scale.high),
                single.top_box, str(single.scale))


@dataclass(frozen=True)
class Mean:
    """CES or overall satisfaction: a mean on a scale, and which end is better."""

    mean: Estimate
    scale: str
    higher_is_better: bool

    def to_dict(self) -> dict[str, object]:
        return {"mean": self.mean.to_dict(), "scale": self.scale, "higher_is_better": self.higher_is_better}


def scale_mean(values: Sequence[float], single: Single) -> Mean | None:
    if not values:
        return None
    return Mean(mean_estimate(values, single.scale.low, single.scale.high), str(single.scale),
                single.higher_is_easier)
