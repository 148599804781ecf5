"""What a calibration found: frozen dataclasses the formatters and benchmarks read.

Every figure here comes from re-scoring contacts with :func:`sqaudit.scoring.score_findings`
and the points named beside it, never from the smooth surrogate the optimiser used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqaudit.model import InputProblem


def _num(x: float) -> float | None:
    return None if math.isnan(x) else round(x, 6)


@dataclass(frozen=True, slots=True)
class Interval:
    """A statistic and its 95 % bootstrap interval over contacts (NaN when undefined)."""

    value: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float | None]:
        return {"value": _num(self.value), "low": _num(self.low), "high": _num(self.high)}


@dataclass(frozen=True, slots=True)
class Agreement:
    """Rubric score vs human label over the same held-out contacts.

    ``spearman``: Spearman's rho of score and label. ``mae``: mean absolute error on the label's
    own scale, after an affine map score -> label fitted on the training folds only."""

    spearman: Interval
    mae: Interval

    def to_dict(self) -> dict[str, object]:
        return {"spearman": self.spearman.to_dict(), "mae": self.mae.to_dict()}


@dataclass(frozen=True, slots=True)
class CriterionKappa:
    """Cohen's kappa of the tool's and the reviewer's outcome (pass / fail / n/a) for one criterion.

    Points cannot change an outcome, so this is the same before and after calibration."""

    criterion: str
    n: int
    kappa: Interval
    agreement: float  # raw proportion of equal outcomes

    def to_dict(self) -> dict[str, object]:
        return {"criterion": self.criterion, "n": self.n, "kappa": self.kappa.to_dict(),
                "agreement": _num(self.agreement)}


@dataclass(frozen=True, slots=True)
class Prediction:
    """One held-out contact: its label, its score as written and as calibrated on the other folds."""

    id: str
    label: float
    fold: int
    before: float
    after: float


@dataclass(frozen=True, slots=True)
class CVResult:
    """k-fold cross-validation of the calibration (see :func:`sqaudit.calibrate.cross_validate`).

    ``before`` is the rubric as written, ``after`` the points fitted on the other folds and scored
    on the held-out fold, ``difference`` is after - before on the same bootstrap resamples."""

    n: int  # contacts in the comparison (labelled, with a score both as written and calibrated)
    folds: int
    seed: int
    resamples: int
    before: Agreement
    after: Agreement
    difference: Agreement
    kappa: tuple[CriterionKappa, ...] = ()
    predictions: tuple[Prediction, ...] = ()
    fold_points: tuple[tuple[tuple[str, float], ...], ...] = ()  # per fold: (criterion, points)

    def to_dict(self) -> dict[str, object]:
        return {"n": self.n, "folds": self.folds, "seed": self.seed, "bootstrap_resamples": self.resamples,
                "before": self.before.to_dict(), "after": self.after.to_dict(),
                "difference": self.difference.to_dict(), "kappa": [k.to_dict() for k in self.kappa],
                "fold_points": [dict(points) for points in self.fold_points]}


@dataclass(frozen=True, slots=True)
class PointChange:
    criterion: str
    dimension: str
    old: float
    new: float

    @property
    def change(self) -> float:
        return self.new - self.old


@dataclass(frozen=True, slots=True)
class Unfitted:
    """A scored criterion whose points were kept: nothing in these contacts says what they should be."""

    criterion: str
    points: float
    reason: str


@dataclass(frozen=True, slots=True)
class Matching:
    """How the labels met the contacts."""

    label_source: str
    mode: str  # "contact" (one number per contact) or "criterion" (reviewer outcomes per criterion)
    column: str
    rows: int  # data rows read
    problems: tuple[InputProblem, ...]  # rows skipped, with file:line and a hint
    matched: int  # labelled contacts that were scored
    labels_without_contact: int
    contacts_without_label: int
    without_score: int  # matched, but nothing in the rubric applied (no score to compare)


@dataclass(frozen=True)
class Calibration:
    rubric_id: str
    rubric_version: str
    new_version: str
    rubric_sha256: str
    rubric_source: str
    matching: Matching
    cv: CVResult
    points: tuple[tuple[str, float], ...]  # every scored criterion's fitted points, rubric order
    changes: tuple[PointChange, ...]  # sorted by size of change, largest first
    unfitted: tuple[Unfitted, ...]
    in_sample: Interval  # Spearman rho of the final points on every labelled contact (optimistic)
    free_parameters: int
