"""The outcome matrix: each contact evaluated once, then re-scored cheaply for any points.

Points never change an outcome, so one engine pass gives everything a new set of points
needs: per contact and scored criterion whether it counted (pass or fail, ``applicable``),
whether it earned its points (pass and not zeroed by a ``fail_section`` failure,
``earned``), whether the outcome is only an ``na_policy`` assumption, and whether a
``fail_contact`` criterion failed. :func:`rescore` re-scores with the project's own
:func:`~sqaudit.scoring.score_findings` (every reported number comes from it);
:func:`fast_scores` is the same arithmetic in numpy (a test holds the two equal), and
:func:`surrogate` is its smooth version with a Jacobian, for the optimiser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from sqaudit.checks import is_detector
from sqaudit.model import DIMENSIONS, ContactResult, Finding, Outcome
from sqaudit.rubric.model import Rubric
from sqaudit.scoring import score_findings

EPS = 1e-9  # keeps the surrogate's denominators away from 0


@dataclass(frozen=True, eq=False)
class OutcomeMatrix:
    ids: tuple[str, ...]
    criteria: tuple[str, ...]  # scored criteria, rubric order
    dimensions: tuple[str, ...]  # of each criterion
    points: np.ndarray  # (m,) the points as written
    applicable: np.ndarray  # (n, m) bool: pass or fail, so the criterion counts
    earned: np.ndarray  # (n, m) bool: pass, and its section not zeroed
    assumed: np.ndarray  # (n, m) bool: outcome only assumed by na_policy
    fail_contact: np.ndarray  # (n,) bool
    findings: tuple[tuple[Finding, ...], ...]  # as the engine gave them
    weights: Mapping[str, float] | None
    pass_score: float

    def rows(self, index: Sequence[int] | np.ndarray) -> OutcomeMatrix:
        index = np.asarray(index, dtype=int)
        return replace(self, ids=tuple(self.ids[i] for i in index), applicable=self.applicable[index],
                       earned=self.earned[index], assumed=self.assumed[index], fail_contact=self.fail_contact[index],
                       findings=tuple(self.findings[i] for i in index))

    def groups(self) -> tuple[np.ndarray, np.ndarray]:
        """(m, G) membership of each criterion in a group and the groups' weights: the five dimensions
        when the rubric weighs them, else one group holding every criterion."""
        if not self.weights:
            return np.ones((len(self.criteria), 1)), np.ones(1)
        member = np.array([[d == name for name in DIMENSIONS] for d in self.dimensions], dtype=float)
        return member.reshape(len(self.criteria), len(DIMENSIONS)), np.array(
            [self.weights.get(name, 1.0) for name in DIMENSIONS])


def outcome_matrix(results: Sequence[ContactResult], rubric: Rubric) -> OutcomeMatrix:
    """The matrix of engine results scored with ``rubric`` (the same rubric, as written)."""
    scored = [c for c in rubric.criteria if not is_detector(c.kind)]
    n, m = len(results), len(scored)
    applicable, earned, assumed = (np.zeros((n, m), dtype=bool) for _ in range(3))
    fail_contact = np.zeros(n, dtype=bool)
    for i, result in enumerate(results):
        by_id = {f.criterion_id: f for f in result.findings}
        failed = [f for f in result.findings if f.critical and f.outcome is Outcome.FAIL]
        zeroed = {f.section for f in failed if f.critical == "fail_section"}
        fail_contact[i] = any(f.critical == "fail_contact" for f in failed)
        for j, criterion in enumerate(scored):
            f = by_id.get(criterion.id)
            if f is None:
                raise ValueError(f"contact {result.id} was not scored with rubric {rubric.id}: no {criterion.id}")
            applicable[i, j] = f.outcome in (Outcome.PASS, Outcome.FAIL)
            earned[i, j] = f.outcome is Outcome.PASS and f.section not in zeroed
            assumed[i, j] = f.assumed
    return OutcomeMatrix(tuple(r.id for r in results), tuple(c.id for c in scored), tuple(c.dimension for c in scored),
                         np.array([c.points for c in scored], dtype=float), applicable, earned, assumed, fail_contact,
                         tuple(r.findings for r in results), dict(rubric.dimension_weights or {}) or None,
                         rubric.pass_score)


def rescore(matrix: OutcomeMatrix, points: np.ndarray) -> np.ndarray:
    """Each contact's score with these points, by :func:`sqaudit.scoring.score_findings` (NaN: no score)."""
    column = {cid: float(p) for cid, p in zip(matrix.criteria, points)}
    out = np.full(len(matrix.ids), np.nan)
    for i, findings in enumerate(matrix.findings):
        fresh = [f if f.criterion_id not in column else _with_points(f, column[f.criterion_id]) for f in findings]
        score = score_findings(fresh, matrix.weights, matrix.pass_score).overall
        if score is not None:
            out[i] = score
    return out


def _with_points(f: Finding, points: float) -> Finding:
    """The finding as the engine would give it with these points (``dataclasses.replace``, 4x faster)."""
    return Finding(f.criterion_id, f.dimension, f.section, f.outcome, points if f.outcome is Outcome.PASS else 0.0,
                   points if f.outcome in (Outcome.PASS, Outcome.FAIL) else 0.0, f.message, f.evidence,
                   f.say_instead, f.critical, f.assumed)


def fast_scores(matrix: OutcomeMatrix, points: np.ndarray) -> np.ndarray:
    """:func:`rescore` in numpy: the same scores (to rounding), a thousand times faster."""
    member, weights = matrix.groups()
    columns = member * points[:, None]
    earned, possible = matrix.earned @ columns, matrix.applicable @ columns
    with np.errstate(invalid="ignore", divide="ignore"):
        if matrix.weights:
            measured = (possible > 0) & (weights > 0)
            share = np.where(measured, weights, 0.0)
            dims = np.where(measured, 100.0 * earned / np.where(measured, possible, 1.0), 0.0)
            total = share.sum(axis=1)
            overall = np.where(total > 0, (share * dims).sum(axis=1) / np.where(total > 0, total, 1.0), np.nan)
        else:
            total = possible.sum(axis=1)
            overall = np.where(total > 0, 100.0 * earned.sum(axis=1) / np.where(total > 0, total, 1.0), np.nan)
    observed = (matrix.applicable & ~matrix.assumed) @ (points > 0) > 0
    overall = np.where(observed, overall, np.nan)
    return np.where(matrix.fail_contact, 0.0, overall)


def surrogate(matrix: OutcomeMatrix, points: np.ndarray, measured: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scores and their Jacobian (n, m) with ``measured`` (n, G) held fixed: the real score, except that
    a dimension whose applicable criteria all reach 0 points scores 0 instead of leaving the mean."""
    member, weights = matrix.groups()
    columns = member * points[:, None]
    earned, possible = matrix.earned @ columns, matrix.applicable @ columns + EPS
    share = np.where(measured, weights, 0.0)
    total = share.sum(axis=1, keepdims=True)
    share = share / np.where(total > 0, total, 1.0)  # (n, G), rows sum to 1 (or 0)
    scores = 100.0 * (share * earned / possible).sum(axis=1)
    group = member.argmax(axis=1)  # each criterion's group
    e, p, s = earned[:, group], possible[:, group], share[:, group]  # (n, m)
    jacobian = 100.0 * s * (matrix.earned * p - matrix.applicable * e) / (p * p)
    scores = np.where(matrix.fail_contact, 0.0, scores)
    jacobian[matrix.fail_contact] = 0.0
    return scores, jacobian


def structural_measured(matrix: OutcomeMatrix, usable: np.ndarray) -> np.ndarray:
    """(n, G): the groups a contact is measured on when the ``usable`` criteria (points > 0, or free) count."""
    member, weights = matrix.groups()
    counted = (matrix.applicable & usable[None, :]).astype(float) @ member > 0
    return counted & (weights > 0)[None, :]
