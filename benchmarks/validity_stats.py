"""Statistics for benchmarks/validity.py: seeded bootstrap intervals, Spearman ρ, ROC AUC, F1, token F1.

Pure numpy/scipy (no sqaudit import), so tests can use it on made-up numbers.

Intervals are 95 % percentile bootstraps with ``B`` resamples drawn by a seeded
``numpy.random.default_rng`` keyed by a string: the same key gives the same resamples, so every
statistic computed on one resample set is paired with the others (differences get their own,
narrower, interval). Two kinds of resample sets:

* an ``(B, n)`` integer array: contacts drawn with replacement (``resamples``);
* a list of ``B`` index arrays of varying length: a *cluster* bootstrap (``cluster_resamples``),
  whole dialogues drawn with replacement and all their labelled turns kept together, because the
  turns of one dialogue are not independent.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import stats as sps

B = 1000
MIN_N = 10  # fewer items than this: no correlation reported
SEED = 20260501
NAN = float("nan")

Index = np.ndarray | list  # (B, n) array, or B arrays of turn indices (cluster bootstrap)


def resamples(n: int, key: str, b: int = B) -> np.ndarray:
    rng = np.random.default_rng([SEED, zlib.crc32(key.encode())])
    return rng.integers(0, max(n, 1), size=(b, n))


def cluster_resamples(groups: Sequence[object], key: str, b: int = B) -> list[np.ndarray]:
    """Resample the clusters (e.g. dialogues) with replacement; each resample keeps every item of a
    drawn cluster, as many times as the cluster was drawn. ``groups[i]`` is item i's cluster."""
    order: dict[object, list[int]] = {}
    for i, g in enumerate(groups):
        order.setdefault(g, []).append(i)
    members = [np.array(v, dtype=np.int64) for v in order.values()]
    draws = resamples(len(members), key, b)
    return [np.concatenate([members[g] for g in row]) if len(row) else np.empty(0, np.int64) for row in draws]


def _rowwise_pearson(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a - a.mean(axis=-1, keepdims=True)
    b = b - b.mean(axis=-1, keepdims=True)
    den = np.sqrt((a * a).sum(axis=-1) * (b * b).sum(axis=-1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, (a * b).sum(axis=-1) / np.where(den > 0, den, 1), np.nan)


def _auc_rows(s: np.ndarray, lab: np.ndarray) -> np.ndarray:
    ranks = sps.rankdata(s, axis=-1)
    n1 = lab.sum(axis=-1)
    n0 = lab.shape[-1] - n1
    ok = (n1 > 0) & (n0 > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        u = (ranks * lab).sum(axis=-1) - n1 * (n1 + 1) / 2
        return np.where(ok, u / np.where(ok, n1 * n0, 1), np.nan)


def spearman_boot(x: np.ndarray, y: np.ndarray, idx: Index) -> np.ndarray:
    """Spearman ρ of every resample: Pearson of ranks, ties averaged."""
    if isinstance(idx, np.ndarray):
        return _rowwise_pearson(sps.rankdata(x[idx], axis=1), sps.rankdata(y[idx], axis=1))
    return np.array([_rowwise_pearson(sps.rankdata(x[i]), sps.rankdata(y[i])) if len(i) > 1 else NAN
                     for i in idx], float)


def auc_boot(score: np.ndarray, label: np.ndarray, idx: Index) -> np.ndarray:
    """ROC AUC (Mann-Whitney U / n1·n0, ties count 1/2) of every resample."""
    lab = label.astype(bool)
    if isinstance(idx, np.ndarray):
        return _auc_rows(score[idx], lab[idx])
    return np.array([_auc_rows(score[i], lab[i]) for i in idx], float)


def mean_boot(x: np.ndarray, idx: Index) -> np.ndarray:
    if isinstance(idx, np.ndarray):
        return x[idx].mean(axis=1)
    return np.array([x[i].mean() if len(i) else NAN for i in idx], float)


@dataclass
class Stat:
    value: float
    low: float
    high: float
    n: int
    boot: np.ndarray = field(repr=False, default_factory=lambda: np.empty(0))
    why: str = ""  # why there is no value

    @property
    def ok(self) -> bool:
        return not np.isnan(self.value)

    @property
    def has_ci(self) -> bool:
        return self.ok and not np.isnan(self.low)

    def fmt(self, digits: int = 2, sign: bool = True) -> str:
        if not self.ok:
            return f"n/a ({self.why})" if self.why else "n/a"
        f = f"+.{digits}f" if sign else f".{digits}f"
        ci = f" [{self.low:{f}}, {self.high:{f}}]" if self.has_ci else " [CI n/a]"
        return f"{self.value:{f}}{ci}"

    def fmt_plain(self, digits: int = 2) -> str:  # AUC, precision...: no sign
        return self.fmt(digits, sign=False)


def missing(why: str, n: int = 0) -> Stat:
    return Stat(NAN, NAN, NAN, n, why=why)


def make_stat(value: float, boot: np.ndarray, n: int) -> Stat:
    """The point value with the 2.5/97.5 percentiles of ``boot``; no interval when more than
    10 % of the resamples are degenerate (NaN: constant scores, one class only)."""
    ok = boot[~np.isnan(boot)]
    if np.isnan(value) or len(ok) < 0.9 * len(boot):
        return Stat(float(value), NAN, NAN, n, boot)
    low, high = np.percentile(ok, [2.5, 97.5])
    return Stat(float(value), float(low), float(high), n, boot)


def _whole(n: int) -> np.ndarray:
    return np.arange(n)[None, :]


def rho(x: np.ndarray, y: np.ndarray, idx: Index) -> Stat:
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < MIN_N:
        return missing(f"n={len(x)}", len(x))
    if np.all(x == x[0]):
        return missing(f"constant {x[0]:g}", len(x))
    if np.all(y == y[0]):
        return missing("constant label", len(x))
    value = spearman_boot(x, y, _whole(len(x)))[0]
    return make_stat(value, spearman_boot(x, y, idx), len(x))


def auc(score: np.ndarray, label: np.ndarray, idx: Index) -> Stat:
    score, label = np.asarray(score, float), np.asarray(label).astype(bool)
    if len(score) < MIN_N:
        return missing(f"n={len(score)}", len(score))
    if label.all() or not label.any():
        return missing("one class only", len(score))
    return make_stat(auc_boot(score, label, _whole(len(score)))[0], auc_boot(score, label, idx), len(score))


def mean(x: np.ndarray, idx: Index) -> Stat:
    x = np.asarray(x, float)
    if not len(x):
        return missing("n=0")
    return make_stat(float(x.mean()), mean_boot(x, idx), len(x))


def prf(pred: np.ndarray, label: np.ndarray, idx: np.ndarray) -> dict[str, Stat]:
    """Precision, recall and F1 of a binary prediction, with paired intervals."""
    def rates(p: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        tp = (p & t).sum(axis=-1).astype(float)
        fp = (p & ~t).sum(axis=-1).astype(float)
        fn = (~p & t).sum(axis=-1).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            prec = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), np.nan)
            rec = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), np.nan)
            f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), np.nan)
        return prec, rec, f1

    p, t = np.asarray(pred).astype(bool), np.asarray(label).astype(bool)
    full, boots = rates(p, t), rates(p[idx], t[idx])
    return {name: make_stat(float(full[i]), boots[i], len(p)) for i, name in enumerate(("precision", "recall", "f1"))}


def paired_delta(a: Stat, b: Stat, center: float = 0.0) -> Stat:
    """a − b on the same resamples, b taken in its better direction around ``center`` (0 for ρ,
    0.5 for AUC): a baseline that correlates negatively is as useful as one that correlates
    positively, so the score has to beat ``|b|``."""
    if not a.ok or not b.ok or a.boot.shape != b.boot.shape or not a.boot.size:
        return missing("no paired values", a.n)
    flip = b.value < center
    b_val = 2 * center - b.value if flip else b.value
    b_boot = 2 * center - b.boot if flip else b.boot
    return make_stat(a.value - b_val, a.boot - b_boot, a.n)


def independent_delta(a: Stat, b: Stat) -> Stat:
    """a − b for statistics of two independent samples: resample r of a minus resample r of b
    (the two resample sets are drawn independently, so this is the bootstrap of the difference)."""
    if not a.ok or not b.ok or not a.boot.size or a.boot.shape != b.boot.shape:
        return missing("no values", a.n + b.n)
    return make_stat(a.value - b.value, a.boot - b.boot, a.n + b.n)


_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> set[str]:
    """Lowercase word tokens (``\\w+``, Unicode), as a set."""
    return set(_TOKEN.findall(text.lower()))


def token_f1(quoted: Sequence[str], reference: Sequence[str]) -> float | None:
    """F1 of the union of the quoted texts' tokens against the union of the reference spans'
    tokens; None when the reference has no token (nothing to compare), 0 when nothing is quoted."""
    ref = set().union(*(tokens(t) for t in reference)) if reference else set()
    if not ref:
        return None
    got = set().union(*(tokens(t) for t in quoted)) if quoted else set()
    if not got:
        return 0.0
    overlap = len(got & ref)
    return 2 * overlap / (len(got) + len(ref))


# ----------------------------------------------------------------------------- verdicts

def verdict(delta: Stat, what: str) -> str:
    if not delta.has_ci:
        return f"can't tell vs {what}"
    if delta.low > 0:
        return f"beats {what}"
    if delta.high < 0:
        return f"worse than {what}"
    return f"no clear difference from {what}"


def meets(stat: Stat, threshold: float) -> str:
    """Target "≥ threshold": yes when the whole 95 % interval is at or above it, no when the whole
    interval is below it, otherwise not distinguishable (the interval straddles the target)."""
    if not stat.ok:
        return "no value"
    if not stat.has_ci:
        return "no interval"
    if stat.low >= threshold:
        return "yes"
    if stat.high < threshold:
        return "no"
    return "not distinguishable"


def beats(delta: Stat) -> str:
    """Target "beat the baseline by more than the interval": yes when the paired difference's
    interval is above 0, no when it is below 0, otherwise not distinguishable."""
    if not delta.has_ci:
        return "no interval" if delta.ok else "no value"
    if delta.low > 0:
        return "yes"
    if delta.high < 0:
        return "no (worse)"
    return "not distinguishable"


def within_interval(gap: Stat) -> str:
    """Target "gap smaller than the interval": yes when the gap's 95 % interval contains 0."""
    if not gap.has_ci:
        return "no interval" if gap.ok else "no value"
    return "yes" if gap.low <= 0 <= gap.high else "no"
