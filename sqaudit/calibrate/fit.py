"""Fit criterion points to human scores: L-BFGS-B on a smooth surrogate of the rubric score.

**What is fitted.** Only the points of scored criteria that vary in the labelled contacts
(both passed and failed somewhere; see :func:`free_criteria`). Everything else stays as
written: detectors (0), the structure, dimensions, dimension weights, sections, N/A
policies and critical rules. Points are bounded to ``[0, 100 x`` the mean written point``]``.

**Objective.** Human labels come on any scale, so the fit maximises Pearson's r between the
rubric score and the label, which is the same as the least-squares error after the best
affine map score -> label (the map the reports use for MAE). The score is a ratio of sums of
points (per dimension, then a weighted mean), so it is smooth in the points away from 0;
:func:`~sqaudit.calibrate.features.surrogate` holds which dimensions each contact is measured
on fixed during the fit and keeps denominators away from 0, and gives an exact Jacobian, so
L-BFGS-B (bounded quasi-Newton) converges in a few dozen steps from the written points.

**Scale and shrinkage.** A dimension's score does not change when all its points are
multiplied by one number (nor, without dimension weights, the whole score), so the fit is
only defined up to scale. A small ridge penalty on the distance from the written points
(relative to their mean) fixes the scale and keeps points the data say little about near
where the author put them. The result is rounded to 0.01, which is what is written and what
every reported figure is computed with. Every reported figure re-scores contacts with
:func:`~sqaudit.scoring.score_findings`; the surrogate only steers the search.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize

from sqaudit.calibrate.features import OutcomeMatrix, structural_measured, surrogate
from sqaudit.calibrate.result import Unfitted
from sqaudit.model import DIMENSIONS

RIDGE = 0.002  # penalty per criterion for moving a point by the mean written point, in units of r
DECIMALS = 2


def free_criteria(matrix: OutcomeMatrix) -> tuple[np.ndarray, list[Unfitted]]:
    """Which criteria the labelled contacts can fit (a mask), and why each other one keeps its points.

    A criterion that never counts in these contacts has nothing to fit. One that always passes
    (or always fails) where it counts would be rewarded only for *where* it applies, not for what
    it observes, so it keeps its points too. A criterion of a dimension weighted 0 has no effect."""
    weight_of = dict(zip(DIMENSIONS, matrix.groups()[1])) if matrix.weights else {}
    free = np.zeros(len(matrix.criteria), dtype=bool)
    kept = []
    for j, cid in enumerate(matrix.criteria):
        counted = matrix.applicable[:, j]
        passed = int((matrix.earned[:, j] & counted).sum())
        n = int(counted.sum())
        if matrix.weights and weight_of.get(matrix.dimensions[j], 1.0) <= 0:
            reason = f"its dimension '{matrix.dimensions[j]}' has weight 0: its points change no score"
        elif n == 0:
            reason = "never applicable in these contacts"
        elif passed in (0, n):
            reason = f"{'passed' if passed else 'failed'} in all {n} contacts where it applies: constant"
        else:
            free[j] = True
            continue
        kept.append(Unfitted(cid, float(matrix.points[j]), reason))
    return free, kept


def fit_points(matrix: OutcomeMatrix, labels: np.ndarray, free: np.ndarray | None = None,
               ridge: float = RIDGE) -> np.ndarray:
    """Points (every scored criterion, rounded) that best rank ``matrix``'s contacts like ``labels``.

    ``labels`` is aligned with the matrix rows; rows with a NaN label are ignored."""
    if free is None:
        free, _ = free_criteria(matrix)
    written = matrix.points.astype(float)
    keep = ~np.isnan(labels)
    matrix, y = matrix.rows(np.flatnonzero(keep)), labels[keep]
    if not free.any() or len(y) < 3 or np.ptp(y) == 0:
        return written.copy()
    measured = structural_measured(matrix, free | (written > 0))
    rows = measured.any(axis=1) | matrix.fail_contact
    matrix, y, measured = matrix.rows(np.flatnonzero(rows)), y[rows], measured[rows]
    yc = y - y.mean()
    y_norm = np.linalg.norm(yc)
    scale = float(written[free].mean()) or 1.0
    index = np.flatnonzero(free)

    def objective(x: np.ndarray) -> tuple[float, np.ndarray]:
        points = written.copy()
        points[index] = x
        scores, jacobian = surrogate(matrix, points, measured)
        sc = scores - scores.mean()
        s_norm = np.linalg.norm(sc) + 1e-12
        r = float(sc @ yc) / (s_norm * y_norm)
        d_scores = (yc / y_norm - r * sc / s_norm) / s_norm  # dr/dscores, already centred
        gap = (x - written[index]) / scale
        value = -r + ridge * float(gap @ gap)
        grad = -(jacobian[:, index].T @ d_scores) + 2.0 * ridge * gap / scale
        return value, grad

    found = minimize(objective, written[index], jac=True, method="L-BFGS-B",
                     bounds=[(0.0, 100.0 * scale)] * len(index), options={"maxiter": 500})
    points = written.copy()
    points[index] = np.round(found.x, DECIMALS)
    return _keep_dimensions_measured(matrix, points, written)


def _keep_dimensions_measured(matrix: OutcomeMatrix, points: np.ndarray, written: np.ndarray) -> np.ndarray:
    """A weighted dimension whose points all reached 0 would silently leave every score: keep its points."""
    member, weights = matrix.groups()
    for g in range(member.shape[1]):
        mine = member[:, g] > 0
        if weights[g] > 0 and (written[mine] > 0).any() and not (points[mine] > 0).any():
            points[mine] = written[mine]
    return points
