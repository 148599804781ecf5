"""The one place where benchmarks/validity.py meets ``sqaudit.calibrate`` (the "stc3 calibrated" rows)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

UNAVAILABLE = "calibrate not available in this revision"
FOLDS = 5


def cross_validated_scores(results: Sequence[object], labels: np.ndarray, compiled: object,
                           seed: int) -> tuple[np.ndarray | None, str]:
    """Out-of-fold calibrated scores for one labelled set, or (None, why there are none).

    Inputs, aligned item by item: ``results`` the ContactResults of the built-in rubric
    ``compiled`` (servqual) and ``labels`` the human satisfaction ``S`` (floats). Output: one
    score per contact (NaN where the calibration gives none), each from a points fit that did not
    see that contact. The caller turns them into Spearman ρ with S, with its own bootstrap
    interval over contacts (the fit is not re-run per resample), and compares it with the 0.49
    target.

    Uses ``sqaudit.calibrate.cross_validate(results, labels, rubric, folds=, seed=)`` — k-fold,
    points fitted on the other folds — and reads the held-out scores from its
    ``CVResult.predictions`` (``Prediction.id`` / ``.after``), as documented in
    sqaudit/calibrate/cv.py and result.py. When the module does not import the reason is
    "calibrate not available in this revision"; when it imports but the call or its result does
    not match that description, the reason says what went wrong, and the row shows it.
    """
    try:
        from sqaudit import calibrate
    except ImportError:
        return None, UNAVAILABLE
    except Exception as exc:  # noqa: BLE001 - being written concurrently: a broken import is reported, not raised
        return None, f"{UNAVAILABLE} (sqaudit.calibrate does not import: {type(exc).__name__}: {exc})"
    cross_validate = getattr(calibrate, "cross_validate", None)
    if cross_validate is None:
        return None, f"{UNAVAILABLE} (sqaudit.calibrate has no cross_validate)"
    ids = [r.id for r in results]
    try:
        cv = cross_validate(list(results), dict(zip(ids, map(float, labels))), compiled.rubric, folds=FOLDS,
                            seed=seed)
        held_out = {p.id: float(p.after) for p in cv.predictions}
    except Exception as exc:  # noqa: BLE001 - an API still moving: say so in the row instead of stopping the benchmark
        return None, f"sqaudit.calibrate.cross_validate failed: {type(exc).__name__}: {exc}"
    return np.array([held_out.get(i, np.nan) for i in ids], float), f"{FOLDS}-fold cross_validate, seed {seed}"
