"""``sqaudit.agreement``: the statistics against published worked examples, then reading and joining."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import stats as sps

from sqaudit.agreement import Settings, analyse, read_raters
from sqaudit.agreement import kappa as k
from sqaudit.agreement.columns import parse_outcome

DATA = Path(__file__).parent / "data" / "agree"
BOOT = k.Bootstrap(500, 7)


def _pairs(table: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    a, b = [], []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [i] * count
            b += [j] * count
    return np.array(a), np.array(b)


# --- Cohen's κ ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("table", "expected"), [
    ([[20, 5], [10, 15]], 0.4),  # Wikipedia "Cohen's kappa" worked example: p_o 0.7, p_e 0.5
    ([[0, 4, 1], [0, 8, 0], [0, 1, 5]], 0.4842),  # SAS PROC FREQ example (statsmodels checks it too)
    ([[45, 15], [25, 15]], 0.1304),  # Wikipedia: same p_o 0.6, unbalanced marginals
    ([[25, 35], [5, 35]], 0.2593),
    ([[10, 0], [0, 10]], 1.0),
    ([[0, 10], [10, 0]], -1.0),
])
def test_cohen_kappa_textbook(table: list[list[int]], expected: float) -> None:
    a, b = _pairs(table)
    assert k.cohen_kappa(a, b, len(table)) == pytest.approx(expected, abs=5e-5)


def test_cohen_kappa_is_undefined_when_one_category_only() -> None:
    assert k.cohen_kappa(np.zeros(8, int), np.zeros(8, int), 2) is None


# --- Fleiss' κ ---------------------------------------------------------------------------------

WIKIPEDIA_FLEISS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
# Fleiss (1971), 30 patients × 6 psychiatrists × 5 diagnoses (R irr's ``diagnoses``): κ = 0.4302
FLEISS_1971 = """44444 4 222555 233335 555555 222444 113333 333355 113334 114444 555555 144444 124444 222333 144444
224445 333335 111455 111112 224444 133555 555555 244444 224555 114444 144445 222224 111155 224444 133333 555555"""


def test_fleiss_kappa_wikipedia_example() -> None:
    assert k.fleiss_kappa(np.array(WIKIPEDIA_FLEISS)) == pytest.approx(0.2099, abs=5e-5)


def test_fleiss_kappa_1971_diagnoses() -> None:
    rows = [w for w in FLEISS_1971.replace("44444 4", "444444").split()]
    assert len(rows) == 30 and all(len(r) == 6 for r in rows)
    counts = np.array([[r.count(str(c)) for c in range(1, 6)] for r in rows])
    assert k.fleiss_kappa(counts) == pytest.approx(0.4302445, abs=1e-7)


def test_fleiss_equals_cohen_style_agreement_for_identical_raters() -> None:
    assert k.fleiss_kappa(np.array([[3, 0], [0, 3], [3, 0], [0, 3]])) == pytest.approx(1.0)


# --- Krippendorff's α --------------------------------------------------------------------------

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 3 coders, 15 units, missing data
KRIPPENDORFF = [[NAN, NAN, NAN, NAN, NAN, 3, 4, 1, 2, 1, 1, 3, 3, NAN, 3],
                [1, NAN, 2, 1, 3, 3, 4, 3, NAN, NAN, NAN, NAN, NAN, NAN, NAN],
                [NAN, NAN, 2, 1, 3, 4, 4, NAN, 2, 1, 1, 3, 3, NAN, 4]]


def test_krippendorff_published_example() -> None:
    assert k.krippendorff_alpha(KRIPPENDORFF, "nominal") == pytest.approx(0.691, abs=5e-4)
    assert k.krippendorff_alpha(KRIPPENDORFF, "interval") == pytest.approx(0.811, abs=5e-4)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("level", ["nominal", "interval"])
def test_krippendorff_matches_the_reference_package(seed: int, level: str) -> None:
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 4, size=(4, 25)).astype(float)
    data[rng.random(data.shape) < 0.3] = np.nan
    ours = k.krippendorff_alpha(data, level)
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    assert ours == pytest.approx(theirs, abs=1e-9)


# --- scores and intervals ----------------------------------------------------------------------

def test_spearman_matches_scipy_and_has_an_interval() -> None:
    rng = np.random.default_rng(3)
    a = rng.normal(70, 10, 40).round()
    b = a + rng.normal(0, 6, 40).round()
    stat = k.spearman(a, b, BOOT)
    assert stat.value == pytest.approx(sps.spearmanr(a, b).statistic)
    assert stat.low is not None and stat.high is not None and stat.low < stat.value < stat.high
    assert stat.n == 40


def test_bootstrap_is_reproducible_and_seeded() -> None:
    values = np.arange(30, dtype=float)
    first, again = k.mean_of(values, BOOT), k.mean_of(values, BOOT)
    other = k.mean_of(values, k.Bootstrap(500, 8))
    assert first == again and first.value == pytest.approx(14.5)
    assert (first.low, first.high) != (other.low, other.high)
    assert first.excludes_zero()
    assert not k.mean_of(np.array([-1.0, 1.0, -2.0, 2.0]), BOOT).excludes_zero()


def test_cluster_bootstrap_point_equals_pooled_kappa() -> None:
    a, b = _pairs([[20, 5], [10, 15]])
    rows = k.confusion_rows(a, b, 2)
    stat = k.estimate(rows, k.cohen_from_sums, BOOT)
    assert stat.value == pytest.approx(0.4) and stat.low < 0.4 < stat.high and stat.n == 50


@pytest.mark.parametrize(("cell", "outcome"), [
    ("pass", "pass"), ("FAIL", "fail"), ("N/A", "na"), ("1", "pass"), ("0", "fail"), ("1.0", "pass"),
    ("yes", "pass"), ("no", "fail"), ("通过", "pass"), ("不通过", "fail"), ("不适用", "na"), ("", None),
    (" Not applicable ", "na"), ("✓", "pass"),
])
def test_outcome_words(cell: str, outcome: str | None) -> None:
    assert parse_outcome(cell) == outcome


@pytest.mark.parametrize("cell", ["maybe", "2", "passed?"])
def test_outcome_words_refused(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_outcome(cell)


# --- reading and analysis ------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_long_wide_and_chinese_gb18030_sheets_join() -> None:
    data = read_raters([DATA / "alice.csv", DATA / "bob_zh.csv"])
    assert [r.name for r in data.raters] == ["alice", "bob_zh"]
    alice, bob = data.raters
    assert len(alice.ratings) == len(bob.ratings) == 9
    assert bob.has_scores and not alice.has_scores
    assert bob.contacts["c-1101"].outcome("EMP-01") == "fail"  # 不通过
    assert any("备注" in n.message for n in data.notices) is False  # a metadata column, left out silently
    report = analyse(data, Settings(bootstrap=300))
    assert {c.criterion for c in report.criteria} == {"CLS-01", "EMP-01", "GRT-01", "OWN-01"}
    assert dict(report.coverage.partial_criteria) == {"PII-01": ("alice",)}
    assert all(c.statistic == "cohen_kappa" for c in report.criteria)


def test_rater_column_and_a_bad_row(tmp_path: Path) -> None:
    data = read_raters([DATA / "panel.csv"])
    assert [r.name for r in data.raters] == ["ann", "ben", "cai"]
    assert data.skipped_rows == 1
    (problem,) = data.problems
    assert problem.source.endswith("panel.csv:8") and "maybe" in problem.message and problem.hint
    report = analyse(data, Settings(bootstrap=300))
    q2 = next(c for c in report.criteria if c.criterion == "Q2")
    assert q2.statistic == "fleiss_kappa" and q2.n == 6 and len(q2.pairwise) == 3
    assert len(report.pairs) == 3
    q5 = next(c for c in report.criteria if c.criterion == "Q5")
    assert q5.applicability_disagreements == 1  # c1: ann and cai said N/A, ben pass


def test_na_as_a_category_changes_the_units(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.csv", "id,Q1\n1,pass\n2,na\n3,fail\n4,pass\n")
    b = _write(tmp_path, "b.csv", "id,Q1\n1,pass\n2,pass\n3,fail\n4,pass\n")
    data = read_raters([a, b])
    excluded = analyse(data, Settings(bootstrap=200)).criteria[0]
    category = analyse(data, Settings(na="category", bootstrap=200)).criteria[0]
    assert (excluded.n, excluded.observed, excluded.kappa.value) == (3, 1.0, 1.0)
    assert excluded.applicability_disagreements == 1
    assert category.n == 4 and category.observed == pytest.approx(0.75)


def test_notes_gate_and_undefined_kappa(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.csv", "id,Q1,Q2\n1,pass,pass\n2,pass,fail\n3,fail,pass\n4,pass,pass\n")
    b = _write(tmp_path, "b.csv", "id,Q1,Q2\n1,pass,pass\n2,fail,fail\n3,fail,pass\n4,pass,pass\n")
    report = analyse(read_raters([a, b]), Settings(bootstrap=200, min_kappa=0.9))
    q1, q2 = report.criteria
    assert q1.kappa.value == pytest.approx(0.5) and q1.gate == "fail"
    assert any(n.startswith("unstable: only 4") for n in q1.notes)
    assert q2.kappa.value == pytest.approx(1.0) and q2.gate == "pass"
    c = _write(tmp_path, "c.csv", "id,Q1\n1,pass\n2,pass\n")
    d = _write(tmp_path, "d.csv", "id,Q1\n1,pass\n2,pass\n")
    (same,) = analyse(read_raters([c, d]), Settings(bootstrap=200, min_kappa=0.6)).criteria
    assert same.kappa.value is None and same.gate == "pass" and "undefined" in same.notes[0]


def test_strictest_named_only_when_the_interval_excludes_zero(tmp_path: Path) -> None:
    ids = range(1, 31)
    strict = _write(tmp_path, "strict.csv", "id,score\n" + "".join(f"{i},{60 + i % 5}\n" for i in ids))
    fair = _write(tmp_path, "fair.csv", "id,score\n" + "".join(f"{i},{70 + i % 7}\n" for i in ids))
    kind = _write(tmp_path, "kind.csv", "id,score\n" + "".join(f"{i},{80 + i % 3}\n" for i in ids))
    report = analyse(read_raters([strict, fair, kind]), Settings(bootstrap=300))
    assert (report.verdict.basis, report.verdict.strictest, report.verdict.most_lenient) == ("score", "strict", "kind")
    noisy_a = _write(tmp_path, "na_.csv", "id,score\n1,70\n2,80\n3,60\n")
    noisy_b = _write(tmp_path, "nb_.csv", "id,score\n1,80\n2,70\n3,62\n")
    same = analyse(read_raters([noisy_a, noisy_b]), Settings(bootstrap=300))
    assert same.verdict.strictest is None and "no rater differs clearly" in same.verdict.message
    assert same.scores is not None and same.pairs[0].score_n == 3


def test_points_form_and_jsonl(tmp_path: Path) -> None:
    sheet = _write(tmp_path, "pts.csv", "联络ID,条目,分值,满分\n1,A,3,3\n1,B,1,3\n2,A,0,3\n2,B,n/a,3\n")
    data = read_raters([sheet])
    (rater,) = data.raters
    assert rater.contacts["1"].outcomes == (("A", "pass"), ("B", "fail"))
    assert rater.contacts["2"].outcomes == (("A", "fail"), ("B", "na"))
    assert any("points" in n.message for n in data.notices)
    lines = _write(tmp_path, "tool.jsonl", '{"id": "1", "score": 80, "criteria": [{"id": "A", "outcome": "pass"}, '
                   '{"id": "B", "outcome": "not_applicable"}]}\nnot json\n{"id": "2", "score": null, '
                   '"criteria": [{"id": "A", "outcome": "error"}]}\n')
    data = read_raters([lines])
    (tool,) = data.raters
    assert tool.kind == "sqaudit" and tool.contacts["1"].score == 80.0
    assert tool.contacts["1"].outcomes == (("A", "pass"), ("B", "na"))
    assert data.problems[0].source.endswith("tool.jsonl:2") and data.skipped_rows == 1
    assert any("outcome error" in n.message for n in data.notices)


def test_wide_sheet_bad_cell_keeps_the_rest_of_the_row(tmp_path: Path) -> None:
    sheet = _write(tmp_path, "w.csv", "id,Q1,Q2,score\n1,pass,??,88\n2,fail,pass,abc\n,pass,pass,1\n")
    data = read_raters([sheet])
    (rater,) = data.raters
    assert rater.contacts["1"].outcomes == (("Q1", "pass"),) and rater.contacts["1"].score == 88.0
    assert rater.contacts["2"].score is None
    assert [p.source.rsplit(":", 1)[1] for p in data.problems] == ["2", "3", "4"]
    assert (data.skipped_rows, data.partial_rows) == (1, 2)


def test_chunked_bootstrap_gives_the_same_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(5)
    a, b = rng.integers(0, 2, 60), rng.integers(0, 2, 60)
    x, y = rng.normal(size=60), rng.normal(size=60)
    whole = k.estimate(k.confusion_rows(a, b, 2), k.cohen_from_sums, BOOT), k.spearman(x, y, BOOT)
    monkeypatch.setattr(k, "CHUNK", 100)  # a few resamples at a time
    assert (k.estimate(k.confusion_rows(a, b, 2), k.cohen_from_sums, BOOT), k.spearman(x, y, BOOT)) == whole
