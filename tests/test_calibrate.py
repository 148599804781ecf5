"""sqaudit.calibrate: re-scoring equals the engine, the fit recovers known points, CV and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import approx_fprime

from sqaudit.calibrate import CalibrationRefused, calibrate, cross_validate, read_labels
from sqaudit.calibrate.features import (
    fast_scores,
    outcome_matrix,
    rescore,
    structural_measured,
    surrogate,
)
from sqaudit.calibrate.fit import fit_points, free_criteria
from sqaudit.calibrate.labels import human_scores
from sqaudit.calibrate.write import rubric_source, tuned_text
from sqaudit.engine import evaluate
from sqaudit.parsers import DEFAULT_OPTIONS, iter_contacts
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.model import Rubric

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PHRASES = {"GRT": "hello there", "APO": "so sorry", "FIX": "it is fixed", "BYE": "have a nice day",
           "NAM": "mister smith", "REF": "your reference"}

TINY = """\
# A tiny rubric for calibration tests.
id: tiny
version: "2.3"
title: Tiny rubric
languages: [en]
{dimensions}
criteria:
  # opening
  - id: GRT
    dimension: assurance
    title: Greets
    kind: phrase
    points: 1
    phrases: {{en: ["hello there"]}}
  - id: APO   # apology
    dimension: empathy
    title: Apologises
    kind: phrase
    points: 1
    phrases: {{en: ["so sorry"]}}
  - {{id: FIX, dimension: reliability, title: Fixes it, kind: phrase, points: 1, phrases: {{en: ["it is fixed"]}}}}
  - id: BYE
    dimension: responsiveness
    title: Says goodbye
    kind: phrase
    phrases: {{en: ["have a nice day"]}}
"""


def tiny_rubric(tmp_path: Path, weighted: bool = False) -> Path:
    dims = "dimensions: {assurance: 2, empathy: 1, reliability: 3, responsiveness: 1}" if weighted else ""
    path = tmp_path / ("tiny-w.yml" if weighted else "tiny.yml")
    path.write_text(TINY.format(dimensions=dims), encoding="utf-8")
    return path


def contacts(n: int, seed: int, ids: tuple[str, ...] = ("GRT", "APO", "FIX", "BYE")) -> tuple[list[dict], np.ndarray]:
    """n native transcripts; each criterion's phrase is said with its own probability."""
    rng = np.random.default_rng(seed)
    said = rng.random((n, len(ids))) < np.linspace(0.3, 0.7, len(ids))
    out = []
    for i in range(n):
        text = " ".join(PHRASES[c] for c, s in zip(ids, said[i]) if s) or "ok"
        out.append({"id": f"c{i:03d}", "channel": "chat", "language": "en",
                    "turns": [{"speaker": "customer", "text": "my internet is down"},
                              {"speaker": "agent", "text": text}]})
    return out, said


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    return path


def scored(path: Path, rubric: Rubric) -> list:
    compiled = compile_rubric(rubric)
    return [evaluate(t, compiled) for t in iter_contacts((path,), DEFAULT_OPTIONS) if hasattr(t, "turns")]


def write_labels(path: Path, values: dict[str, float], column: str = "score") -> Path:
    path.write_text(f"id,{column}\n" + "".join(f"{k},{v}\n" for k, v in values.items()), encoding="utf-8")
    return path


def test_rescore_equals_the_engine_on_servqual(tmp_path: Path) -> None:
    """Outcomes once, then new points: the same scores as the engine with a rubric holding those points
    (weights, na_policy pass, fail_contact and the complaint detector all take part)."""
    text, source = rubric_source("servqual")  # one snapshot of the text for both rubrics
    original = tmp_path / "servqual.yml"
    original.write_text(text, encoding="utf-8")
    rubric = load_rubric(original)
    inputs = sorted((EXAMPLES / "calls").glob("*.txt")) + sorted((EXAMPLES / "chats").glob("*.json*"))
    transcripts = [t for t in iter_contacts(tuple(inputs), DEFAULT_OPTIONS) if hasattr(t, "turns")]
    matrix = outcome_matrix([evaluate(t, compile_rubric(rubric)) for t in transcripts], rubric)
    assert matrix.fail_contact.any() and matrix.assumed.any()
    rng = np.random.default_rng(7)
    points = np.round(rng.uniform(0, 5, len(matrix.criteria)), 2)
    points[rng.integers(0, len(points), 3)] = 0.0  # some criteria switched off
    path = tmp_path / "s.yml"
    path.write_text(tuned_text(text, "servqual.yml", dict(zip(matrix.criteria, points)), "9", ["test"],
                               source.parent, tmp_path), encoding="utf-8")
    compiled = compile_rubric(load_rubric(path))
    engine = np.array([np.nan if r.score is None else r.score for r in (evaluate(t, compiled) for t in transcripts)])
    assert not np.isnan(engine).all()
    np.testing.assert_allclose(rescore(matrix, points), engine, rtol=0, atol=1e-9)
    np.testing.assert_allclose(fast_scores(matrix, points), engine, rtol=0, atol=1e-9)


@pytest.mark.parametrize("weighted", [False, True])
def test_surrogate_jacobian_matches_finite_differences(tmp_path: Path, weighted: bool) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path, weighted))
    matrix = outcome_matrix(scored(write_jsonl(tmp_path / "c.jsonl", contacts(40, 1)[0]), rubric), rubric)
    points = np.array([1.5, 0.7, 2.0, 1.1])
    measured = structural_measured(matrix, np.ones(4, dtype=bool))
    scores, jacobian = surrogate(matrix, points, measured)
    np.testing.assert_allclose(scores, fast_scores(matrix, points), atol=1e-6)
    for i in range(0, 40, 7):
        numeric = approx_fprime(points, lambda p, i=i: surrogate(matrix, p, measured)[0][i], 1e-7)
        np.testing.assert_allclose(jacobian[i], numeric, atol=1e-4)


def test_fit_recovers_the_points_that_made_the_labels(tmp_path: Path) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path))
    results = scored(write_jsonl(tmp_path / "c.jsonl", contacts(200, 2)[0]), rubric)
    matrix = outcome_matrix(results, rubric)
    truth = np.array([1.0, 3.0, 0.5, 2.0])
    labels = 1.0 + 0.04 * rescore(matrix, truth)  # another scale: 1..5
    fitted = fit_points(matrix, labels, ridge=1e-7)
    np.testing.assert_allclose(fitted / fitted.sum(), truth / truth.sum(), atol=0.01)
    cv = cross_validate(results, dict(zip(matrix.ids, labels)), rubric, folds=5, seed=3)
    assert cv.after.spearman.value > 0.99 > cv.before.spearman.value
    assert cv.difference.spearman.low > 0 and cv.after.mae.value < cv.before.mae.value


def test_cross_validation_is_seeded_and_intervals_hold_the_value(tmp_path: Path) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path, weighted=True))
    results = scored(write_jsonl(tmp_path / "c.jsonl", contacts(120, 4)[0]), rubric)
    noise = np.random.default_rng(0).normal(0, 0.3, len(results))
    said = np.array([[f.outcome.value == "pass" for f in r.findings] for r in results], dtype=float)
    labels = {r.id: float(said[i] @ [0.2, 1.0, 0.1, 0.6] + noise[i]) for i, r in enumerate(results)}
    one, two = (cross_validate(results, labels, rubric, folds=4, seed=11, resamples=300) for _ in range(2))
    assert one == two
    assert cross_validate(results, labels, rubric, folds=4, seed=12, resamples=300) != one
    for agreement in (one.before, one.after, one.difference):
        for x in (agreement.spearman, agreement.mae):
            assert x.low <= x.value <= x.high
    assert one.n == 120 and {p.fold for p in one.predictions} == {0, 1, 2, 3}


def test_unfittable_criteria_keep_their_points_and_say_why(tmp_path: Path) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path))
    items, _ = contacts(60, 5, ids=("GRT", "APO"))  # FIX and BYE are never said
    for item in items:
        item["turns"][1]["text"] += " so sorry"  # APO always passes
    results = scored(write_jsonl(tmp_path / "c.jsonl", items), rubric)
    free, kept = free_criteria(outcome_matrix(results, rubric))
    assert list(free) == [True, False, False, False]
    assert {k.criterion: k.reason.split(" in ")[0] for k in kept} == {
        "APO": "passed", "FIX": "failed", "BYE": "failed"}
    labels = {r.id: float(i % 7) for i, r in enumerate(results)}
    result = calibrate(results, _label_set(tmp_path, labels, rubric), rubric, resamples=200)
    assert dict(result.points)["APO"] == 1.0 and dict(result.points)["BYE"] == 1.0
    assert result.free_parameters == 1


def _label_set(tmp_path: Path, values: dict[str, float], rubric: Rubric):
    return read_labels(write_labels(tmp_path / "labels.csv", values), rubric)


def test_refusals(tmp_path: Path) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path))
    results = scored(write_jsonl(tmp_path / "c.jsonl", contacts(39, 6)[0]), rubric)
    varied = {r.id: float(i % 5) for i, r in enumerate(results)}
    with pytest.raises(CalibrationRefused, match="39 matched and scored, but rubric .* has 4 scored criteria and calibrating needs at least 40"):
        calibrate(results, _label_set(tmp_path, varied, rubric), rubric)
    with pytest.raises(CalibrationRefused, match="constant labels"):
        calibrate(results, _label_set(tmp_path, dict.fromkeys(varied, 3.0), rubric), rubric)
    with pytest.raises(CalibrationRefused, match="none of the 39 labelled ids"):
        calibrate(results, _label_set(tmp_path, {f"x{k}": v for k, v in varied.items()}, rubric), rubric)


def test_labels_per_contact_skip_bad_rows_with_file_and_line(tmp_path: Path) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path))
    path = tmp_path / "l.csv"
    path.write_text("contact_id,S,other\na,1.5,x\nb,oops,x\n,2,x\na,3,x\nc,-2,x\n", encoding="utf-8")
    labels = read_labels(path, rubric, "S")
    assert labels.values == {"a": 1.5, "c": -2.0}
    assert [p.source for p in labels.problems] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "not a number" in labels.problems[0].message and labels.problems[0].hint
    assert "labelled twice (first at line 2)" in labels.problems[2].message


def test_labels_per_criterion_make_the_human_score(tmp_path: Path) -> None:
    rubric = load_rubric(tiny_rubric(tmp_path))
    path = tmp_path / "qa.csv"
    path.write_text("id,criterion,outcome\na,GRT,pass\na,APO,fail\na,FIX,0.5\nb,GRT,na\nb,BYE,pass\n"
                    "b,GRX,pass\nb,APO,maybe\n", encoding="utf-8")
    labels = read_labels(path, rubric)
    assert labels.mode == "criterion" and len(labels.problems) == 2
    assert "did you mean 'GRT'?" in (labels.problems[0].hint or "")
    assert human_scores(labels, rubric) == {"a": pytest.approx(100 * 1.5 / 3), "b": 100.0}


def test_tool_vs_reviewer_kappa_is_cohens_kappa_row_by_row() -> None:
    from sqaudit.calibrate.cv import _kappa

    rng = np.random.default_rng(5)
    a, b = rng.integers(0, 3, (50, 40)), rng.integers(0, 3, (50, 40))
    b[:10] = a[:10]  # some rows agree more
    observed = (a == b).mean(axis=1)
    chance = sum((a == k).mean(axis=1) * (b == k).mean(axis=1) for k in range(3))
    assert _kappa(a, b) == pytest.approx((observed - chance) / (1 - chance), abs=1e-12)
    assert np.isnan(_kappa(np.zeros((1, 6), int), np.zeros((1, 6), int)))[0]  # chance agreement 1
