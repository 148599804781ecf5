"""SERVQUAL arithmetic: item and dimension gaps, the SERVQUAL index, SERVPERF.

* item gap: P − E for each respondent who answered both, averaged.
* dimension score per respondent: the mean of the dimension's items they answered, when
  they answered at least half of them (rounded up); otherwise they are left out of that
  dimension (its n says how many are in). The dimension gap is the mean of the respondents'
  dimension gaps, with Student's t 95 % interval.
* negative share: respondents whose dimension gap is below 0 (Wilson interval).
* paired test: the dimension's P against its E over the same respondents (a paired t-test,
  ``scipy.stats.ttest_rel``, two-sided), Holm-adjusted over the dimensions tested;
  ``dz`` is the mean gap over its standard deviation (Cohen's effect size for paired data).
* SERVQUAL index: per respondent the mean of their dimension gaps (all dimensions needed),
  then averaged. Weighted: per respondent Σ wᵈ·gapᵈ / Σ wᵈ with their own 100 importance
  points where they gave them (normalised if they do not add to 100), else the instrument's
  weights; which source was used, and for how many, is part of the result.
* SERVPERF: the same with perceptions only.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from sqaudit.stats import Estimate, RunningMean, proportion_interval
from sqaudit.survey.model import Instrument, Response

TEST_NAME = "paired t-test of P against E (scipy.stats.ttest_rel, two-sided), Holm-adjusted over the dimensions"


@dataclass(frozen=True)
class Answers:
    """The responses as arrays: one row per respondent, one column per item (NaN: no answer)."""

    expectation: np.ndarray
    perception: np.ndarray
    weights: np.ndarray  # respondents × dimensions
    members: tuple[tuple[int, ...], ...]  # per dimension: its item columns

    @property
    def gap(self) -> np.ndarray:
        return self.perception - self.expectation


def answers(responses: Sequence[Response], instrument: Instrument) -> Answers:
    k, d = len(instrument.items), len(instrument.dimensions)
    as_row = (lambda values, width: [np.nan if v is None else v for v in values] or [np.nan] * width)
    e = np.array([as_row(r.expectation, k) for r in responses], dtype=float).reshape(len(responses), k)
    p = np.array([as_row(r.perception, k) for r in responses], dtype=float).reshape(len(responses), k)
    w = np.array([as_row(r.weights, d) for r in responses], dtype=float).reshape(len(responses), d)
    return Answers(e, p, w, tuple(instrument.items_of(dim) for dim in instrument.dimension_ids))


def per_respondent(matrix: np.ndarray, members: tuple[tuple[int, ...], ...]) -> np.ndarray:
    """Respondents × dimensions: the mean of the items answered, NaN below half of them."""
    out = np.full((matrix.shape[0], len(members)), np.nan)
    for j, cols in enumerate(members):
        block = matrix[:, list(cols)]
        answered = (~np.isnan(block)).sum(axis=1)
        enough = answered >= math.ceil(len(cols) / 2)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows: masked out just below
            means = np.nanmean(block, axis=1)
        out[enough, j] = means[enough]
    return out


def estimate(values: np.ndarray, bounds: tuple[float, float]) -> Estimate:
    """Mean with Student's t 95 % interval over the non-missing values, clipped to the bounds."""
    running = RunningMean()
    for value in values[~np.isnan(values)]:
        running.add(float(value))
    return running.estimate(bounds=bounds)


@dataclass(frozen=True)
class GapTest:
    n: int
    statistic: float | None
    df: int
    p_value: float | None
    p_adjusted: float | None
    dz: float | None  # mean gap / SD of the gaps
    name: str = TEST_NAME

    def to_dict(self) -> dict[str, object]:
        r = (lambda x, nd=4: None if x is None else round(x, nd))
        return {"name": self.name, "n": self.n, "t": r(self.statistic), "df": self.df, "p_value": r(self.p_value, 6),
                "p_adjusted": r(self.p_adjusted, 6), "dz": r(self.dz)}


@dataclass(frozen=True)
class DimensionScore:
    dimension: str
    items: int
    expectation: Estimate | None
    perception: Estimate
    gap: Estimate | None
    negative: Estimate | None  # share of respondents with a gap below 0
    test: GapTest | None

    def to_dict(self) -> dict[str, object]:
        opt = (lambda e: None if e is None else e.to_dict())
        return {"dimension": self.dimension, "items": self.items, "expectation": opt(self.expectation),
                "perception": opt(self.perception), "gap": opt(self.gap),
                "negative_share": None if self.negative is None else _share(self.negative),
                "test": None if self.test is None else self.test.to_dict()}


@dataclass(frozen=True)
class ItemScore:
    item: str
    dimension: str
    reverse: bool
    expectation: Estimate | None
    perception: Estimate
    gap: Estimate | None

    def to_dict(self) -> dict[str, object]:
        opt = (lambda e: None if e is None else e.to_dict())
        return {"item": self.item, "dimension": self.dimension, "reverse": self.reverse,
                "expectation": opt(self.expectation), "perception": opt(self.perception), "gap": opt(self.gap)}


@dataclass(frozen=True)
class Index:
    unweighted: Estimate | None  # SERVQUAL: mean of the dimension gaps
    weighted: Estimate | None
    weights_source: str  # respondents | instrument | respondents+instrument | none
    own_weights: int  # respondents weighted by their own allocation
    instrument_weights: int  # respondents weighted by the instrument's
    weights: dict[str, float] | None  # the instrument's, or the mean of the respondents' allocation
    servperf: Estimate | None  # mean of the dimension perceptions

    def to_dict(self) -> dict[str, object]:
        opt = (lambda e: None if e is None else e.to_dict())
        return {"servqual_unweighted": opt(self.unweighted), "servqual_weighted": opt(self.weighted),
                "weights_source": self.weights_source, "respondents_own_weights": self.own_weights,
                "respondents_instrument_weights": self.instrument_weights,
                "weights": None if self.weights is None else {k: round(v, 2) for k, v in self.weights.items()},
                "servperf": opt(self.servperf)}


def _share(e: Estimate) -> dict[str, object]:
    r = (lambda x: None if x is None else round(x, 4))
    return {"value": r(e.value), "ci95": [r(e.low), r(e.high)], "n": e.n, "method": e.method}


def span(instrument: Instrument) -> tuple[float, float]:
    """The lowest and highest point over all items (the bounds of a perception mean)."""
    return (min(i.scale.low for i in instrument.items), max(i.scale.high for i in instrument.items))


def item_scores(a: Answers, instrument: Instrument) -> tuple[ItemScore, ...]:
    out = []
    for j, item in enumerate(instrument.items):
        bounds, gap_bounds = (item.scale.low, item.scale.high), (-item.scale.span, item.scale.span)
        has_e = bool(item.expectation) and instrument.has_expectations
        out.append(ItemScore(item.id, item.dimension, item.reverse,
                             estimate(a.expectation[:, j], bounds) if has_e else None,
                             estimate(a.perception[:, j], bounds),
                             estimate(a.gap[:, j], gap_bounds) if has_e else None))
    return tuple(out)


def dimension_scores(a: Answers, instrument: Instrument) -> tuple[DimensionScore, ...]:
    low, high = span(instrument)
    p_dim = per_respondent(a.perception, a.members)
    has_e = instrument.has_expectations and not np.all(np.isnan(a.expectation))
    e_dim = per_respondent(a.expectation, a.members) if has_e else None
    rows = []
    for j, dim in enumerate(instrument.dimension_ids):
        gap = test = negative = expectation = None
        if e_dim is not None:
            g = p_dim[:, j] - e_dim[:, j]
            expectation = estimate(e_dim[:, j], (low, high))
            gap = estimate(g, (low - high, high - low))
            g = g[~np.isnan(g)]
            negative = proportion_interval(int((g < 0).sum()), len(g))
            test = _paired(p_dim[:, j], e_dim[:, j])
        rows.append(DimensionScore(dim, len(a.members[j]), expectation, estimate(p_dim[:, j], (low, high)), gap,
                                   negative, test))
    return tuple(_holm(rows))


def _paired(p: np.ndarray, e: np.ndarray) -> GapTest | None:
    both = ~np.isnan(p) & ~np.isnan(e)
    n = int(both.sum())
    if n < 2:
        return None
    g = p[both] - e[both]
    sd = float(np.std(g, ddof=1))
    if sd == 0:
        return GapTest(n, None, n - 1, None, None, None)  # every gap the same: nothing to test
    result = sps.ttest_rel(p[both], e[both])
    return GapTest(n, float(result.statistic), n - 1, float(result.pvalue), None, float(np.mean(g)) / sd)


def _holm(rows: list[DimensionScore]) -> list[DimensionScore]:
    """Holm's step-down adjustment over the dimensions that were tested."""
    from dataclasses import replace

    tested = sorted((r.test.p_value, i) for i, r in enumerate(rows) if r.test and r.test.p_value is not None)
    m, running = len(tested), 0.0
    adjusted: dict[int, float] = {}
    for rank, (p, i) in enumerate(tested):
        running = max(running, min(1.0, (m - rank) * p))
        adjusted[i] = running
    return [replace(r, test=replace(r.test, p_adjusted=adjusted[i])) if i in adjusted and r.test else r
            for i, r in enumerate(rows)]


def index(a: Answers, instrument: Instrument) -> Index:
    low, high = span(instrument)
    p_dim = per_respondent(a.perception, a.members)
    complete_p = ~np.isnan(p_dim).any(axis=1)
    servperf = estimate(p_dim[complete_p].mean(axis=1), (low, high)) if p_dim.shape[1] else None
    if not instrument.has_expectations or np.all(np.isnan(a.expectation)):
        return Index(None, None, "none", 0, 0, instrument.weights, servperf)
    gap = p_dim - per_respondent(a.expectation, a.members)
    complete = ~np.isnan(gap).any(axis=1)
    bounds = (low - high, high - low)
    unweighted = estimate(gap[complete].mean(axis=1), bounds)
    own = ~np.isnan(a.weights).any(axis=1) & (np.nansum(a.weights, axis=1) > 0) if a.weights.shape[1] else \
        np.zeros(len(gap), dtype=bool)
    fallback = instrument.weights
    weighted = np.full(len(gap), np.nan)
    if own.any():
        w = a.weights[own] / a.weights[own].sum(axis=1, keepdims=True)
        weighted[own] = (w * gap[own]).sum(axis=1)
    if fallback:
        w = np.array([fallback[d] for d in instrument.dimension_ids]) / sum(fallback.values())
        weighted[~own] = (gap[~own] * w).sum(axis=1)
    used_own, used_instrument = int((own & complete).sum()), int((~own & complete).sum()) if fallback else 0
    source = ("respondents+instrument" if used_own and used_instrument else "respondents" if used_own
              else "instrument" if used_instrument else "none")
    shown = fallback if source == "instrument" else (
        {d: float(v) for d, v in zip(instrument.dimension_ids, np.mean(a.weights[own & complete] /
             a.weights[own & complete].sum(axis=1, keepdims=True), axis=0) * 100)} if used_own else None)
    return Index(unweighted, estimate(weighted[complete], bounds) if source != "none" else None, source, used_own,
                 used_instrument, shown, servperf)
