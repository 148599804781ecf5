"""Calibrate a rubric's criterion points to a team's own human scores.

The contacts are evaluated once by the engine; the outcome matrix
(:mod:`~sqaudit.calibrate.features`) re-scores them for any points. Points are fitted with
L-BFGS-B (:mod:`~sqaudit.calibrate.fit`), checked by k-fold cross-validation with bootstrap
intervals (:mod:`~sqaudit.calibrate.cv`), and written back into the rubric's own YAML text
(:mod:`~sqaudit.calibrate.write`).

Public API::

    cross_validate(results_or_matrix, labels, rubric, folds=5, seed=0) -> CVResult
    calibrate(results, label_set, rubric, folds=5, seed=0) -> Calibration
    read_labels(path, rubric, column="score") -> LabelSet
"""

from sqaudit.calibrate.cv import cross_validate
from sqaudit.calibrate.features import OutcomeMatrix, outcome_matrix, rescore
from sqaudit.calibrate.fit import fit_points, free_criteria
from sqaudit.calibrate.labels import LabelError, LabelSet, read_labels
from sqaudit.calibrate.pipeline import CalibrationRefused, calibrate
from sqaudit.calibrate.result import Agreement, Calibration, CVResult, Interval

__all__ = ["Agreement", "CVResult", "Calibration", "CalibrationRefused", "Interval", "LabelError", "LabelSet",
           "OutcomeMatrix", "calibrate", "cross_validate", "fit_points", "free_criteria", "outcome_matrix",
           "read_labels", "rescore"]
