"""Agreement statistics, each written once for a batch of bootstrap replicates.

Every statistic here is a function of *per-contact sums*, so one resample of contacts is
one sum over rows, and B resamples are one numpy gather — the same code gives the point
estimate (the identity resample) and the interval (the replicates):

- **Cohen's κ** (two raters, Cohen 1960): κ = (p_o − p_e) / (1 − p_e) from the k×k
  confusion table; p_e from each rater's own marginals. Undefined (None) when p_e = 1
  (both raters used one category throughout).
- **Fleiss' κ** (m ≥ 3 raters, Fleiss 1971): from the per-contact category counts n_ij of
  contacts every rater scored: P̄ = mean_i Σ_j n_ij(n_ij − 1) / (m(m − 1)), P̄_e = Σ_j p_j².
- **Krippendorff's α** (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
  α = 1 − D_o / D_e over all contacts with at least two ratings (missing ratings allowed).
  Nominal: D_o and D_e count mismatching pairs; interval: squared differences, which for a
  contact reduce to Σ_{i≠j}(v_i − v_j)² = 2(m Σv² − (Σv)²). The ``krippendorff`` package is
  the reference the tests hold these to; it is not called at run time because its interval
  metric builds a V×V table over every distinct score (≈0.35 s per call for 600 distinct
  scores), which B = 2000 replicates per criterion cannot afford.
- **Spearman's ρ**: Pearson's r of the ranks (ties averaged), as ``scipy.stats.spearmanr``.

**Intervals**: percentile bootstrap over contacts (a contact's ratings travel together),
B replicates from ``numpy.random.default_rng(seed)``, the same seed for every statistic so
the output is reproducible. Replicates where the statistic is undefined are dropped; with
fewer than half defined there is no interval (None).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sqaudit.stats import spearman_rows

CONFIDENCE = 0.95
CHUNK = 4_000_000
MIN_DEFINED = 0.5  # share of replicates that must give a value for an interval to be shown

Array = np.ndarray


@dataclass(frozen=True)
class Bootstrap:
    replicates: int = 2000
    seed: int = 1

    def indices(self, n: int) -> Array:
        """Row 0 is the sample itself (the point estimate); rows 1..B are resamples of n contacts."""
        rng = np.random.default_rng(self.seed)
        draws = rng.integers(0, n, size=(self.replicates, n)) if n else np.zeros((self.replicates, 0), int)
        return np.vstack([np.arange(n)[None, :], draws])


@dataclass(frozen=True)
class Stat:
    """A figure with its 95 % percentile-bootstrap interval and the n it rests on."""

    value: float | None
    low: float | None
    high: float | None
    n: int

    def excludes_zero(self) -> bool:
        return self.low is not None and self.high is not None and (self.low > 0 or self.high < 0)

    def to_dict(self, places: int = 3) -> dict[str, object]:
        r = (lambda x: None if x is None else round(x, places))
        return {"value": r(self.value), "ci95": [r(self.low), r(self.high)], "n": self.n}


def estimate(per_contact: Array, statistic: Callable[[Array], Array], boot: Bootstrap) -> Stat:
    """``statistic`` maps sums over contacts (shape (R, ...)) to one value per row; per_contact
    is (n, ...)."""
    n = per_contact.shape[0]
    if n == 0:
        return Stat(None, None, None, 0)
    idx = boot.indices(n)
    cells = max(1, n * int(np.prod(per_contact.shape[1:])))
    step = max(1, CHUNK // cells)  # resamples gathered at once: memory stays ~CHUNK floats at any n
    sums = np.concatenate([per_contact[idx[i:i + step]].sum(axis=1) for i in range(0, len(idx), step)])
    with np.errstate(divide="ignore", invalid="ignore"):
        values = statistic(sums)
    return interval(values, n)


def interval(values: Array, n: int) -> Stat:
    point = float(values[0]) if np.isfinite(values[0]) else None
    reps = values[1:]
    defined = reps[np.isfinite(reps)]
    if point is None or reps.size == 0 or defined.size < MIN_DEFINED * reps.size:
        return Stat(point, None, None, n)
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(defined, [tail, 100 - tail])
    return Stat(point, float(low), float(high), n)


# --- Cohen's κ -------------------------------------------------------------------------------

def confusion_rows(a: Array, b: Array, k: int) -> Array:
    """Per-contact one-hot confusion cells, shape (n, k*k): the input of :func:`cohen_from_sums`."""
    return np.eye(k * k)[a * k + b]


def cohen_from_sums(sums: Array) -> Array:
    """κ for each row of summed confusion cells (R, k*k); NaN where p_e = 1."""
    k = math.isqrt(sums.shape[-1])
    table = sums.reshape(*sums.shape[:-1], k, k)
    total = table.sum(axis=(-1, -2))
    po = np.trace(table, axis1=-2, axis2=-1) / total
    pe = (table.sum(axis=-1) * table.sum(axis=-2)).sum(axis=-1) / total**2
    kappa = (po - pe) / (1 - pe)
    return np.where(np.isclose(pe, 1.0), np.nan, kappa)


def observed_from_sums(sums: Array) -> Array:
    k = math.isqrt(sums.shape[-1])
    table = sums.reshape(*sums.shape[:-1], k, k)
    return np.trace(table, axis1=-2, axis2=-1) / table.sum(axis=(-1, -2))


def cohen_kappa(a: Array, b: Array, k: int) -> float | None:
    with np.errstate(divide="ignore", invalid="ignore"):
        value = cohen_from_sums(confusion_rows(np.asarray(a), np.asarray(b), k).sum(axis=0)[None, :])[0]
    return float(value) if np.isfinite(value) else None


# --- Fleiss' κ -------------------------------------------------------------------------------

def fleiss_rows(counts: Array) -> Array:
    """Per-contact [Σ_j n_ij(n_ij−1), n_i1 … n_ik, 1] for :func:`fleiss_from_sums`; counts is (n, k)
    with the same number of ratings m on every row."""
    counts = np.asarray(counts, float)
    return np.column_stack([(counts * (counts - 1)).sum(axis=1), counts, np.ones(len(counts))])


def fleiss_from_sums(sums: Array, m: int) -> Array:
    pairs, cats, units = sums[..., 0], sums[..., 1:-1], sums[..., -1]
    p_bar = pairs / (units * m * (m - 1))
    p_j = cats / (units * m)[..., None]
    pe = (p_j**2).sum(axis=-1)
    return np.where(np.isclose(pe, 1.0), np.nan, (p_bar - pe) / (1 - pe))


def fleiss_observed(sums: Array, m: int) -> Array:
    return sums[..., 0] / (sums[..., -1] * m * (m - 1))


def fleiss_kappa(counts: Array) -> float | None:
    counts = np.asarray(counts, float)
    m = int(counts[0].sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        value = fleiss_from_sums(fleiss_rows(counts).sum(axis=0)[None, :], m)[0]
    return float(value) if np.isfinite(value) else None


# --- Krippendorff's α ------------------------------------------------------------------------

def alpha_nominal_rows(counts: Array) -> Array:
    """Per-contact [D_o numerator, n_u1 … n_uk] from value counts (n, k); contacts with fewer than
    two values contribute nothing (they are not pairable)."""
    counts = np.asarray(counts, float)
    m = counts.sum(axis=1)
    pairable = m >= 2
    with np.errstate(divide="ignore", invalid="ignore"):
        within = np.where(pairable, (counts * (m[:, None] - counts)).sum(axis=1) / (m - 1), 0.0)
    return np.column_stack([within, counts * pairable[:, None]])


def alpha_nominal_from_sums(sums: Array) -> Array:
    within, cats = sums[..., 0], sums[..., 1:]
    n = cats.sum(axis=-1)
    expected = (cats * (n[..., None] - cats)).sum(axis=-1)
    return np.where(expected > 0, 1 - (n - 1) * within / expected, np.nan)


def alpha_interval_rows(values: Array) -> Array:
    """Per-contact [D_o numerator, m, Σv, Σv²] from a (n, raters) matrix with NaN for missing."""
    values = np.asarray(values, float)
    m = np.isfinite(values).sum(axis=1).astype(float)
    s1 = np.nansum(values, axis=1)
    s2 = np.nansum(values**2, axis=1)
    pairable = m >= 2
    with np.errstate(divide="ignore", invalid="ignore"):
        within = np.where(pairable, 2 * (m * s2 - s1**2) / (m - 1), 0.0)
    keep = pairable.astype(float)
    return np.column_stack([within, m * keep, s1 * keep, s2 * keep])


def alpha_interval_from_sums(sums: Array) -> Array:
    within, n, s1, s2 = sums[..., 0], sums[..., 1], sums[..., 2], sums[..., 3]
    expected = 2 * (n * s2 - s1**2)
    return np.where(expected > 1e-12, 1 - (n - 1) * within / expected, np.nan)


def krippendorff_alpha(matrix: Array, level: str = "nominal") -> float | None:
    """α of a (raters, contacts) matrix with NaN for missing; nominal values are category codes."""
    data = np.asarray(matrix, float).T
    if level == "interval":
        sums = alpha_interval_rows(data).sum(axis=0)[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            value = alpha_interval_from_sums(sums)[0]
    else:
        cats = np.unique(data[np.isfinite(data)])
        counts = np.stack([(data == c).sum(axis=1) for c in cats], axis=1) if cats.size else np.zeros((len(data), 1))
        with np.errstate(divide="ignore", invalid="ignore"):
            value = alpha_nominal_from_sums(alpha_nominal_rows(counts).sum(axis=0)[None, :])[0]
    return float(value) if np.isfinite(value) else None


# --- scores ----------------------------------------------------------------------------------

def spearman(a: Array, b: Array, boot: Bootstrap) -> Stat:
    """ρ with a bootstrap interval (the resampled pairs are ranked again)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    n = len(a)
    if n < 3:
        return Stat(None, None, None, n)
    idx = boot.indices(n)
    step = max(1, CHUNK // n)
    rho = np.concatenate([spearman_rows(a[part], b[part]) for part in
                          (idx[i:i + step] for i in range(0, len(idx), step))])
    return interval(rho, n)


def mean_of(values: Array, boot: Bootstrap) -> Stat:
    """A mean (of differences, of absolute differences) with its bootstrap interval."""
    values = np.asarray(values, float)
    rows = np.column_stack([values, np.ones(len(values))])
    return estimate(rows, lambda s: s[..., 0] / s[..., 1], boot)
