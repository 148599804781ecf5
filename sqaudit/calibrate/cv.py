"""k-fold cross-validation of a calibration, with seeded bootstrap intervals over contacts.

:func:`cross_validate` is the public entry point (benchmarks call it). The labelled contacts
that have a score as written are split into ``folds`` folds by a seeded permutation. For each
fold, points are fitted on the other folds and the held-out contacts are re-scored with them
(:func:`~sqaudit.calibrate.features.rescore`, the project's own scoring). Reported:

* Spearman's rho of score and label, pooled over the held-out predictions: ``before`` with the
  rubric as written, ``after`` with each contact's out-of-fold points;
* the mean absolute error on the label's scale, after an affine map score -> label fitted by
  least squares on the training folds (for ``before`` too, so both are out-of-sample);
* 95 % percentile intervals from ``resamples`` bootstrap resamples of the contacts (numpy,
  seeded), the paired difference after - before computed on the same resamples.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from sqaudit.agreement.kappa import cohen_from_sums
from sqaudit.calibrate.features import OutcomeMatrix, outcome_matrix, rescore
from sqaudit.calibrate.fit import RIDGE, fit_points, free_criteria
from sqaudit.calibrate.labels import LabelSet, category, human_scores
from sqaudit.calibrate.result import (
    Agreement,
    CriterionKappa,
    CVResult,
    Interval,
    Prediction,
)
from sqaudit.model import ContactResult, Outcome
from sqaudit.rubric.model import Rubric
from sqaudit.stats import spearman_rows

RESAMPLES = 2000
CATEGORIES = ("pass", "fail", "na")


def cross_validate(results_or_matrix: Sequence[ContactResult] | OutcomeMatrix,
                   labels: Mapping[str, float] | LabelSet, rubric: Rubric | None = None, folds: int = 5,
                   seed: int = 0, resamples: int = RESAMPLES, ridge: float = RIDGE) -> CVResult:
    """Cross-validated agreement of the rubric score with human labels, as written and calibrated.

    ``results_or_matrix``: engine results scored with ``rubric`` (as written), or an
    :class:`OutcomeMatrix` built from them. ``labels``: contact id -> number (any scale), or a
    :class:`LabelSet` from :func:`~sqaudit.calibrate.labels.read_labels` (needs ``rubric`` for
    per-criterion reviews; then Cohen's kappa per criterion is reported too). Contacts without
    a label, or without a score as written, are left out; the first of two equal ids is used."""
    if isinstance(results_or_matrix, OutcomeMatrix):
        matrix = results_or_matrix
    else:
        if rubric is None:
            raise ValueError("cross_validate needs the rubric the results were scored with")
        matrix = outcome_matrix(results_or_matrix, rubric)
    if isinstance(labels, LabelSet):
        if rubric is None and labels.mode == "criterion":
            raise ValueError("per-criterion labels need the rubric to compute the human's score")
        targets = human_scores(labels, rubric) if rubric is not None else dict(labels.values)
    else:
        targets = dict(labels)
    first: dict[str, int] = {}
    for i, cid in enumerate(matrix.ids):
        first.setdefault(cid, i)
    y = np.array([targets.get(cid, np.nan) if first[cid] == i else np.nan for i, cid in enumerate(matrix.ids)])
    before = rescore(matrix, matrix.points)
    use = np.flatnonzero(~np.isnan(y) & ~np.isnan(before))
    result = _cross_validate(matrix.rows(use), y[use], before[use], folds, seed, resamples, ridge)
    if isinstance(labels, LabelSet) and labels.mode == "criterion" and rubric is not None:
        from dataclasses import replace

        rng = np.random.default_rng([seed, 2])
        result = replace(result, kappa=tuple(kappas(matrix.rows(use), labels, rubric, rng, resamples)))
    return result


def _cross_validate(matrix: OutcomeMatrix, y: np.ndarray, before: np.ndarray, folds: int, seed: int,
                    resamples: int, ridge: float) -> CVResult:
    n = len(y)
    if folds < 2 or n < 2 * folds:
        raise ValueError(f"{folds}-fold cross-validation needs at least {2 * folds} contacts, got {n}")
    fold_of = np.empty(n, dtype=int)
    fold_of[np.random.default_rng(seed).permutation(n)] = np.arange(n) % folds
    after, guess_before, guess_after = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    fold_points = []
    for k in range(folds):
        train, test = np.flatnonzero(fold_of != k), np.flatnonzero(fold_of == k)
        trained = matrix.rows(train)
        free, _ = free_criteria(trained)
        points = fit_points(trained, y[train], free, ridge)
        fold_points.append(tuple(zip(matrix.criteria, (float(p) for p in points))))
        after[test] = rescore(matrix.rows(test), points)
        guess_before[test] = _affine(before[train], y[train], before[test])
        guess_after[test] = _affine(rescore(trained, points), y[train], after[test])
    ok = ~np.isnan(after)
    y, before, after, guess_before, guess_after = (a[ok] for a in (y, before, after, guess_before, guess_after))
    ids = [i for i, keep in zip(matrix.ids, ok) if keep]
    idx = np.random.default_rng([seed, 1]).integers(0, len(y), (resamples, len(y)))
    rho_b, rho_a = spearman_rows(before[idx], y[idx]), spearman_rows(after[idx], y[idx])
    mae_b, mae_a = np.abs(guess_before - y)[idx].mean(axis=1), np.abs(guess_after - y)[idx].mean(axis=1)
    rho0_b, rho0_a = float(spearman_rows(before[None], y[None])[0]), float(spearman_rows(after[None], y[None])[0])
    err_b, err_a = float(np.abs(guess_before - y).mean()), float(np.abs(guess_after - y).mean())
    return CVResult(
        n=len(y), folds=folds, seed=seed, resamples=resamples,
        before=Agreement(interval(rho0_b, rho_b), interval(err_b, mae_b)),
        after=Agreement(interval(rho0_a, rho_a), interval(err_a, mae_a)),
        difference=Agreement(interval(rho0_a - rho0_b, rho_a - rho_b), interval(err_a - err_b, mae_a - mae_b)),
        predictions=tuple(Prediction(cid, float(t), int(f), float(b), float(a))
                          for cid, t, f, b, a in zip(ids, y, fold_of[ok], before, after)),
        fold_points=tuple(fold_points))


def interval(value: float, samples: np.ndarray) -> Interval:
    samples = samples[~np.isnan(samples)]
    if np.isnan(value) or len(samples) == 0:
        return Interval(value, float("nan"), float("nan"))
    low, high = np.percentile(samples, [2.5, 97.5])
    return Interval(float(value), float(low), float(high))


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    return float(spearman_rows(np.asarray(x, dtype=float)[None], np.asarray(y, dtype=float)[None])[0])


def _affine(scores: np.ndarray, y: np.ndarray, new: np.ndarray) -> np.ndarray:
    """Least-squares a + b * score -> label on (scores, y), applied to ``new``."""
    ok = ~np.isnan(scores)
    if ok.sum() < 2 or np.ptp(scores[ok]) == 0:
        return np.full(len(new), y[ok].mean() if ok.any() else np.nan)
    b, a = np.polyfit(scores[ok], y[ok], 1)
    return a + b * new


def kappas(matrix: OutcomeMatrix, labels: LabelSet, rubric: Rubric, rng: np.random.Generator,
           resamples: int) -> list[CriterionKappa]:
    """Cohen's kappa, tool vs reviewer, per criterion the reviewer judged (pass / fail / n/a;
    an outcome only assumed by na_policy counts as n/a on both sides)."""
    out = []
    for j, cid in enumerate(matrix.criteria):
        full = rubric.criterion(cid).points  # type: ignore[union-attr]
        pairs = []
        for i, contact in enumerate(matrix.ids):
            judged = labels.reviews.get(contact, {}).get(cid)
            tool = _tool_category(matrix, i, j)
            if judged is not None and tool is not None:
                pairs.append((CATEGORIES.index(tool), CATEGORIES.index(category(judged, full))))
        if not pairs:
            continue
        tool_side, human_side = (np.array(side) for side in zip(*pairs))
        idx = rng.integers(0, len(pairs), (resamples, len(pairs)))
        value = float(_kappa(tool_side[None], human_side[None])[0])
        out.append(CriterionKappa(cid, len(pairs), interval(value, _kappa(tool_side[idx], human_side[idx])),
                                  float((tool_side == human_side).mean())))
    return out


def _tool_category(matrix: OutcomeMatrix, i: int, j: int) -> str | None:
    finding = next(f for f in matrix.findings[i] if f.criterion_id == matrix.criteria[j])
    if finding.outcome is Outcome.ERROR:
        return None
    if finding.assumed or finding.outcome is Outcome.NOT_APPLICABLE:
        return "na"
    return finding.outcome.value


def _kappa(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cohen's kappa of each row of two (R, n) arrays of category indices (NaN where chance
    agreement is 1), through the agreement report's own formula."""
    k = len(CATEGORIES)
    codes = a * k + b
    table = np.stack([(codes == cell).sum(axis=1) for cell in range(k * k)], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return cohen_from_sums(table)
