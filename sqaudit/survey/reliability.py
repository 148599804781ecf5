"""Reliability and validity: Cronbach's α, item–total correlations, satisfaction drivers.

α = k/(k−1) · (1 − Σσ²ᵢ / σ²ₜ), computed from the items' covariance matrix C as
k/(k−1) · (1 − trace C / ΣC) (the same number: σ²ₜ, the variance of the sum, is ΣC).
Listwise (the default) uses the respondents who answered every item of the scale;
``pairwise`` fills each covariance from the respondents who answered both items, and the n
printed is then the smallest and largest pair count. The corrected item–total correlation
is the item against the sum of the *other* items of its dimension; an item whose correlation
is negative is flagged: a negatively worded item left unreversed, or a reversed one that
the export had already reversed. α below 0.70 (Nunnally's usual floor) is flagged as low.

Drivers (seed 002's diagnostic analysis): each dimension's perception and gap correlated
with overall satisfaction (Pearson r, Fisher-z 95 % interval, pairwise n), and the
standardised coefficients of a least-squares regression of satisfaction on the dimension
perceptions (respondents with all of them), with R².
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from sqaudit.survey.model import Instrument

LOW_ALPHA = 0.70


@dataclass(frozen=True)
class ItemReliability:
    item: str
    dimension: str
    reverse: bool
    item_total: float | None  # corrected: against the other items of the dimension
    alpha_if_deleted: float | None

    def to_dict(self) -> dict[str, object]:
        return {"item": self.item, "dimension": self.dimension, "reverse": self.reverse,
                "item_total_r": _r(self.item_total), "alpha_if_deleted": _r(self.alpha_if_deleted)}


@dataclass(frozen=True)
class ScaleReliability:
    scope: str  # "overall" or a dimension id
    k: int
    alpha: float | None
    n: int  # listwise n, or the smallest pairwise n
    n_max: int
    method: str  # listwise | pairwise
    items: tuple[ItemReliability, ...]

    def to_dict(self) -> dict[str, object]:
        return {"scope": self.scope, "items": self.k, "alpha": _r(self.alpha), "n": self.n, "n_max": self.n_max,
                "method": self.method, "item_stats": [i.to_dict() for i in self.items]}


@dataclass(frozen=True)
class Flag:
    item: str
    basis: str  # perception | expectation | gap | (for a scale) the scale's basis
    kind: str  # negative_item_total | low_alpha
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"item": self.item, "basis": self.basis, "kind": self.kind, "message": self.message}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def covariance(matrix: np.ndarray, pairwise: bool) -> tuple[np.ndarray, int, int]:
    """(C, n_min, n_max): listwise or pairwise-complete covariances with ddof=1."""
    if not pairwise:
        complete = matrix[~np.isnan(matrix).any(axis=1)]
        n = complete.shape[0]
        if n < 2:
            return np.full((matrix.shape[1],) * 2, np.nan), n, n
        return np.atleast_2d(np.cov(complete, rowvar=False, ddof=1)), n, n
    k = matrix.shape[1]
    c = np.full((k, k), np.nan)
    counts = []
    for i in range(k):
        for j in range(i, k):
            both = ~np.isnan(matrix[:, i]) & ~np.isnan(matrix[:, j])
            counts.append(int(both.sum()))
            if both.sum() >= 2:
                c[i, j] = c[j, i] = float(np.cov(matrix[both, i], matrix[both, j], ddof=1)[0, 1])
    return c, min(counts, default=0), max(counts, default=0)


def alpha_from(c: np.ndarray) -> float | None:
    k = c.shape[0]
    total = float(np.sum(c))
    if k < 2 or not math.isfinite(total) or total <= 0:
        return None
    return k / (k - 1) * (1 - float(np.trace(c)) / total)


def cronbach_alpha(matrix: np.ndarray, pairwise: bool = False) -> float | None:
    """α of respondents × items (NaN: no answer)."""
    return alpha_from(covariance(matrix, pairwise)[0])


def scale_reliability(scope: str, matrix: np.ndarray, ids: list[str], instrument: Instrument,
                      pairwise: bool) -> ScaleReliability:
    c, n_min, n_max = covariance(matrix, pairwise)
    k = len(ids)
    by_id = {item.id: item for item in instrument.items}
    stats = []
    for i, item_id in enumerate(ids):
        rest = [j for j in range(k) if j != i]
        r = alpha_del = None
        if rest and np.isfinite(c).all():
            var_rest = float(np.sum(c[np.ix_(rest, rest)]))
            denominator = math.sqrt(c[i, i] * var_rest) if c[i, i] > 0 and var_rest > 0 else 0.0
            r = float(np.sum(c[i, rest])) / denominator if denominator else None
            alpha_del = alpha_from(c[np.ix_(rest, rest)])
        item = by_id[item_id]
        stats.append(ItemReliability(item_id, item.dimension, item.reverse, r, alpha_del))
    return ScaleReliability(scope, k, alpha_from(c) if np.isfinite(c).all() else None, n_min, n_max,
                            "pairwise" if pairwise else "listwise", tuple(stats))


@dataclass(frozen=True)
class Reliability:
    basis: str  # perception | expectation | gap
    overall: ScaleReliability
    dimensions: tuple[ScaleReliability, ...]

    def to_dict(self) -> dict[str, object]:
        return {"basis": self.basis, "overall": self.overall.to_dict(),
                "dimensions": [d.to_dict() for d in self.dimensions]}


def reliability(basis: str, matrix: np.ndarray, instrument: Instrument, pairwise: bool) -> Reliability:
    ids = [item.id for item in instrument.items]
    dims = tuple(scale_reliability(d, matrix[:, list(cols)], [ids[c] for c in cols], instrument, pairwise)
                 for d in instrument.dimension_ids for cols in (instrument.items_of(d),))
    return Reliability(basis, scale_reliability("overall", matrix, ids, instrument, pairwise), dims)


def flags(results: list[Reliability]) -> tuple[Flag, ...]:
    """Negative corrected item–total correlations (one flag per item, every basis named) and low α."""
    negative: dict[str, list[tuple[str, ItemReliability, str]]] = {}
    low = []
    for rel in results:
        for scale in rel.dimensions:
            for item in scale.items:
                if item.item_total is not None and item.item_total < 0:
                    negative.setdefault(item.item, []).append((rel.basis, item, scale.scope))
            if scale.alpha is not None and scale.alpha < LOW_ALPHA and scale.k > 1:
                low.append(Flag(scale.scope, rel.basis, "low_alpha",
                                f"{scale.scope}: α = {scale.alpha:.2f} in {rel.basis}s is below {LOW_ALPHA:.2f} "
                                f"(n={scale.n})"))
    found = []
    for item_id, hits in negative.items():
        item, scope = hits[0][1], hits[0][2]
        why = ("it is marked reverse: true and was reversed; if the export had already reversed it, set "
               "reverse: false" if item.reverse else "a negatively worded item that should be reverse-coded "
               "(reverse: true)?")
        where = ", ".join(f"{r.item_total:.2f} in {basis}s" for basis, r, _ in hits)
        found.append(Flag(item_id, "+".join(b for b, _, _ in hits), "negative_item_total",
                          f"{item_id} ({scope}): item–total r = {where}: {why}"))
    return tuple(found + low)


@dataclass(frozen=True)
class Correlation:
    r: float | None
    low: float | None
    high: float | None
    n: int
    p_value: float | None
    method: str

    def to_dict(self) -> dict[str, object]:
        return {"r": _r(self.r), "ci95": [_r(self.low), _r(self.high)], "n": self.n,
                "p_value": None if self.p_value is None else round(self.p_value, 6), "method": self.method}


def correlate(x: np.ndarray, y: np.ndarray, method: str = "pearson") -> Correlation:
    """Pearson r or Spearman ρ over the pairs present, with a Fisher-z 95 % interval.

    For ρ the interval uses Bonett & Wright's standard error √((1 + ρ²/2)/(n − 3)).
    """
    both = ~np.isnan(x) & ~np.isnan(y)
    n = int(both.sum())
    name = "pearson, Fisher z interval" if method == "pearson" else "spearman, Fisher z interval (Bonett-Wright SE)"
    if n < 3 or np.std(x[both]) == 0 or np.std(y[both]) == 0:
        return Correlation(None, None, None, n, None, name)
    result = sps.pearsonr(x[both], y[both]) if method == "pearson" else sps.spearmanr(x[both], y[both])
    r = float(result.statistic)
    if n <= 3 or abs(r) >= 1:
        return Correlation(r, None, None, n, float(result.pvalue), name)
    se = math.sqrt((1 + r * r / 2) / (n - 3)) if method == "spearman" else 1 / math.sqrt(n - 3)
    z, crit = math.atanh(r), float(sps.norm.ppf(0.975))
    return Correlation(r, math.tanh(z - crit * se), math.tanh(z + crit * se), n, float(result.pvalue), name)


@dataclass(frozen=True)
class Driver:
    dimension: str
    perception: Correlation
    gap: Correlation | None
    beta: float | None  # standardised regression coefficient on the perceptions

    def to_dict(self) -> dict[str, object]:
        return {"dimension": self.dimension, "perception_r": self.perception.to_dict(),
                "gap_r": None if self.gap is None else self.gap.to_dict(), "beta": _r(self.beta)}


@dataclass(frozen=True)
class Drivers:
    outcome: str  # satisfaction | csat | nps
    rows: tuple[Driver, ...]
    r_squared: float | None
    n_regression: int

    def to_dict(self) -> dict[str, object]:
        return {"outcome": self.outcome, "dimensions": [d.to_dict() for d in self.rows],
                "regression": {"r_squared": _r(self.r_squared), "n": self.n_regression,
                               "method": "least squares on z-scores of the dimension perceptions"}}


def drivers(outcome: str, y: np.ndarray, p_dim: np.ndarray, gap_dim: np.ndarray | None,
            dimensions: tuple[str, ...]) -> Drivers:
    betas, r2, n_reg = _regression(y, p_dim)
    rows = tuple(Driver(d, correlate(p_dim[:, j], y), None if gap_dim is None else correlate(gap_dim[:, j], y),
                        betas[j] if betas else None) for j, d in enumerate(dimensions))
    return Drivers(outcome, rows, r2, n_reg)


def _regression(y: np.ndarray, x: np.ndarray) -> tuple[list[float] | None, float | None, int]:
    complete = ~np.isnan(y) & ~np.isnan(x).any(axis=1)
    n, k = int(complete.sum()), x.shape[1]
    if n <= k + 1:
        return None, None, n
    xs, ys = x[complete], y[complete]
    sx, sy = xs.std(axis=0, ddof=1), ys.std(ddof=1)
    if sy == 0 or (sx == 0).any():
        return None, None, n
    zx, zy = (xs - xs.mean(axis=0)) / sx, (ys - ys.mean()) / sy
    coef, *_ = np.linalg.lstsq(zx, zy, rcond=None)
    residual = zy - zx @ coef
    return [float(b) for b in coef], 1 - float(residual @ residual) / float(zy @ zy), n
