"""One calibration: match labels to scored contacts, refuse what cannot be fitted, cross-validate, fit.

Refused (:class:`CalibrationRefused`, exit 2) when no labelled id matches a contact, when
the labels are constant, when no criterion varies, and when there are fewer labelled,
matched contacts than 10 per scored criterion of the rubric (with fewer, the fitted points
follow the noise in the labels rather than the reviewers' standard). Criteria that never vary
in these contacts keep their points (see :func:`~sqaudit.calibrate.fit.free_criteria`), but
they still count towards the minimum: the rule is about the rubric, not about this sample.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from sqaudit.calibrate.cv import (
    RESAMPLES,
    cross_validate,
    interval,
    spearman,
)
from sqaudit.calibrate.features import outcome_matrix, rescore
from sqaudit.calibrate.fit import fit_points, free_criteria
from sqaudit.calibrate.labels import LabelSet, human_scores
from sqaudit.calibrate.result import Calibration, Matching, PointChange
from sqaudit.errors import SqauditError
from sqaudit.model import ContactResult
from sqaudit.redact import redact
from sqaudit.rubric.model import Rubric
from sqaudit.stats import spearman_rows

PER_CRITERION = 10  # labelled contacts needed per scored criterion


class CalibrationRefused(SqauditError):
    """The labels and contacts cannot support a fit (exit 2); the message says why."""


def calibrate(results: Sequence[ContactResult], labels: LabelSet, rubric: Rubric, folds: int = 5, seed: int = 0,
              resamples: int = RESAMPLES) -> Calibration:
    """Cross-validate, then fit ``rubric``'s points on every labelled contact of ``results``."""
    seen: set[str] = set()
    unique = [r for r in results if not (r.id in seen or seen.add(r.id))]  # type: ignore[func-returns-value]
    labelled = set(labels.ids)
    matched = [r for r in unique if r.id in labelled]
    if not matched:
        example = f" (labels e.g. '{redact(labels.ids[0])}', contacts e.g. '{redact(unique[0].id)}')" if unique else ""
        raise CalibrationRefused(f"none of the {len(labelled)} labelled ids matches one of the {len(unique)} "
                                 f"contacts{example}: the label file's id column must hold the contacts' ids")
    targets = human_scores(labels, rubric)
    matrix = outcome_matrix(matched, rubric)
    y = np.array([targets.get(cid, np.nan) for cid in matrix.ids])
    before = rescore(matrix, matrix.points)
    use = np.flatnonzero(~np.isnan(y) & ~np.isnan(before))
    matrix, y = matrix.rows(use), y[use]
    if len(y) > 1 and np.ptp(y) == 0:
        raise CalibrationRefused(f"every one of the {len(y)} matched labels is {y[0]:g}: constant labels rank "
                                 "nothing (is --label-column the right column?)")
    free, unfitted = free_criteria(matrix)
    k = int(free.sum())
    need = PER_CRITERION * len(matrix.criteria)
    if len(y) < need:
        raise CalibrationRefused(f"too few labelled contacts: {len(y)} matched and scored, but rubric {rubric.id} has "
                                 f"{len(matrix.criteria)} scored criteria and calibrating needs at least {need} "
                                 f"({PER_CRITERION} per criterion), or the fitted points would follow the noise "
                                 "in the labels; label more contacts or calibrate a smaller rubric")
    if k == 0:
        raise CalibrationRefused("no scored criterion both passes and fails in the labelled contacts: no point "
                                 "can be fitted")
    if len(y) < 2 * folds:
        raise CalibrationRefused(f"{folds}-fold cross-validation needs at least {2 * folds} labelled contacts, "
                                 f"has {len(y)}: use fewer --folds")
    cv = cross_validate(matrix, labels, rubric, folds=folds, seed=seed, resamples=resamples)
    points = fit_points(matrix, y, free)
    after = rescore(matrix, points)
    ok = ~np.isnan(after)
    rng = np.random.default_rng([seed, 3])
    idx = rng.integers(0, int(ok.sum()), (resamples, int(ok.sum())))
    fitted, truth = after[ok], y[ok]
    in_sample = interval(spearman(fitted, truth), spearman_rows(fitted[idx], truth[idx]))
    written = {cid: float(p) for cid, p in zip(matrix.criteria, matrix.points)}
    changes = sorted((PointChange(cid, dim, written[cid], float(p))
                      for cid, dim, p in zip(matrix.criteria, matrix.dimensions, points) if float(p) != written[cid]),
                     key=lambda c: (-abs(c.change), c.criterion))
    matching = Matching(labels.source, labels.mode, labels.column, labels.rows, labels.problems, len(matched),
                        len(labelled - {r.id for r in unique}), len(unique) - len(matched), len(matched) - len(y))
    return Calibration(rubric.id, rubric.version, bump_version(rubric.version), rubric.sha256, rubric.source,
                       matching, cv, tuple((cid, float(p)) for cid, p in zip(matrix.criteria, points)),
                       tuple(changes), tuple(unfitted), in_sample, k)


def bump_version(version: str) -> str:
    """``1.0`` -> ``1.1``, ``3`` -> ``4``, ``2024.1-qa`` -> ``2024.2-qa``; no number: ``draft`` -> ``draft.1``."""
    numbers = list(re.finditer(r"\d+", version))
    if not numbers:
        return f"{version}.1" if version else "1"
    last = numbers[-1]
    return f"{version[:last.start()]}{int(last.group()) + 1}{version[last.end():]}"
