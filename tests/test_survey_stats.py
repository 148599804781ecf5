"""Survey arithmetic against hand-computed values: Cronbach's α, gaps, the weighted index, NPS, CSAT.

Every expected number below was worked out by hand (the working is in the comments) or by
the textbook formula written out here, never by calling the code under test twice.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import stats as sps

from sqaudit.survey import SurveySettings, analyse, load_instrument, read_survey
from sqaudit.survey.instrument import builtin_names
from sqaudit.survey.model import Scale, Single
from sqaudit.survey.nps import csat, nps
from sqaudit.survey.reliability import correlate, cronbach_alpha, reliability
from sqaudit.survey.scores import per_respondent

# 4 respondents x 3 items. Item variances 5/3, 4.75/3, 2.75/3 (sum 12.5/3); totals 8, 11, 13, 16
# (variance 34/3); alpha = 3/2 * (1 - 12.5/34) = 32.25/34.
TINY = np.array([[2, 3, 3], [3, 4, 4], [4, 4, 5], [5, 6, 5]], dtype=float)
TINY_ALPHA = 32.25 / 34

TWO_DIMS = """\
id: two-dims
title: Two dimensions
scale: [1, 7]
dimensions: {reliability: {weight: 60}, empathy: {weight: 40}}
columns: {expectation: "e{n}", perception: "p{n}", weights: "w_{dimension}", agent: agent}
nps: nps
items:
  - {id: A1, dimension: reliability, text: {en: a one, zh: 甲一}}
  - {id: A2, dimension: reliability, text: {en: a two, zh: 甲二}}
  - {id: B1, dimension: empathy, text: {en: b one, zh: 乙一}}
"""
# R1: reliability P 4.5 - E 6 = -1.5, empathy +1; R2: -0.5, -2; R3: E a2 missing: 6 - 5 = +1, empathy 0
ROWS = """\
respondent,agent,e1,e2,e3,p1,p2,p3,w_reliability,w_empathy,nps
R1,a1,6,6,5,5,4,6,80,20,10
R2,a1,7,7,7,7,6,5,50,50,3
R3,a2,5,,4,6,6,4,,,8
"""


def survey(tmp_path: Path, rows: str = ROWS, instrument: str = TWO_DIMS, **settings: object):
    (tmp_path / "i.yml").write_text(instrument, encoding="utf-8")
    (tmp_path / "r.csv").write_text(rows, encoding="utf-8")
    inst = load_instrument(tmp_path / "i.yml")
    return analyse(read_survey([tmp_path / "r.csv"], inst), inst, SurveySettings(**settings))  # type: ignore[arg-type]


def textbook_alpha(matrix: np.ndarray) -> float:
    k = matrix.shape[1]
    items = sum(statistics.variance(matrix[:, i].tolist()) for i in range(k))
    total = statistics.variance(matrix.sum(axis=1).tolist())
    return k / (k - 1) * (1 - items / total)


def test_alpha_by_hand_and_by_the_textbook_formula() -> None:
    assert cronbach_alpha(TINY) == pytest.approx(TINY_ALPHA, abs=1e-12)
    assert textbook_alpha(TINY) == pytest.approx(TINY_ALPHA, abs=1e-12)
    rng = np.random.default_rng(7)
    other = rng.integers(1, 8, size=(30, 5)).astype(float) + rng.integers(0, 3, size=(30, 1))
    assert cronbach_alpha(other) == pytest.approx(textbook_alpha(other), abs=1e-12)


def test_alpha_listwise_drops_incomplete_rows_and_pairwise_matches_when_nothing_is_missing() -> None:
    with_gap = np.vstack([TINY, [[1, np.nan, 7]]])
    assert cronbach_alpha(with_gap) == pytest.approx(TINY_ALPHA)  # the incomplete row is left out
    assert cronbach_alpha(TINY, pairwise=True) == pytest.approx(TINY_ALPHA)
    assert cronbach_alpha(with_gap, pairwise=True) != pytest.approx(TINY_ALPHA)  # it uses the pairs it has
    assert cronbach_alpha(np.ones((5, 3))) is None  # no variance: no alpha, not a division by zero


def test_item_total_and_alpha_if_deleted_by_hand(tmp_path: Path) -> None:
    # item 1 against items 2+3 (6, 8, 9, 11): cov 8/3, variances 5/3 and 13/3 -> r = 8 / sqrt(65)
    # without item 1: 2 * (1 - (4.75 + 2.75) / 13) = 11/13
    inst = load_instrument("servqual-22")
    sub = replace(inst, items=inst.items[:3], dimensions=tuple(d for d in inst.dimensions if d.id == "tangibles"))
    rel = reliability("perception", TINY, sub, pairwise=False)
    first = rel.dimensions[0].items[0]
    assert first.item_total == pytest.approx(8 / math.sqrt(65))
    assert first.alpha_if_deleted == pytest.approx(11 / 13)
    assert rel.dimensions[0].alpha == pytest.approx(TINY_ALPHA) and rel.dimensions[0].n == 4


def test_dimension_gaps_negative_share_and_paired_test_by_hand(tmp_path: Path) -> None:
    result = survey(tmp_path)
    dims = {d.dimension: d for d in result.dimensions}
    assert dims["reliability"].gap.value == pytest.approx((-1.5 - 0.5 + 1) / 3)
    assert dims["empathy"].gap.value == pytest.approx((1 - 2 + 0) / 3)
    assert dims["reliability"].gap.n == 3 and dims["reliability"].negative.value == pytest.approx(2 / 3)
    assert dims["empathy"].negative.value == pytest.approx(1 / 3)
    # the paired test is scipy's t-test of the respondents' gaps against 0
    gaps = [-1.5, -0.5, 1.0]
    expected = sps.ttest_1samp(gaps, 0.0)
    assert dims["reliability"].test.statistic == pytest.approx(expected.statistic)
    assert dims["reliability"].test.p_value == pytest.approx(expected.pvalue)
    assert dims["reliability"].test.dz == pytest.approx(np.mean(gaps) / np.std(gaps, ddof=1))
    # Holm over two tests: the smaller p doubled, the larger kept (but never below the first)
    ps = sorted(d.test.p_value for d in result.dimensions)
    adjusted = sorted(d.test.p_adjusted for d in result.dimensions)
    assert adjusted[0] == pytest.approx(min(1, 2 * ps[0]))
    assert adjusted[1] == pytest.approx(max(adjusted[0], ps[1]))
    # item gap: P - E over the respondents who answered both (a2: only R1 and R2)
    items = {i.item: i for i in result.items}
    assert items["A2"].gap.value == pytest.approx(((4 - 6) + (6 - 7)) / 2) and items["A2"].gap.n == 2


def test_servqual_index_unweighted_and_weighted_by_hand(tmp_path: Path) -> None:
    index = survey(tmp_path).index
    # per respondent: (-1.5 + 1)/2, (-0.5 - 2)/2, (1 + 0)/2
    assert index.unweighted.value == pytest.approx((-0.25 - 1.25 + 0.5) / 3)
    # R1 80/20: -1.5*.8 + 1*.2 = -1.0; R2 50/50: -1.25; R3 has no allocation: the instrument's 60/40 -> 0.6
    assert index.weighted.value == pytest.approx((-1.0 - 1.25 + 0.6) / 3)
    assert (index.weights_source, index.own_weights, index.instrument_weights) == ("respondents+instrument", 2, 1)
    # SERVPERF: mean perception per respondent over the dimensions: (4.5+6)/2, (6.5+5)/2, (6+4)/2
    assert index.servperf.value == pytest.approx((5.25 + 5.75 + 5.0) / 3)


def test_a_dimension_needs_half_of_its_items() -> None:
    members = ((0, 1, 2), (3,))
    matrix = np.array([[1, np.nan, np.nan, 4], [1, 3, np.nan, np.nan]], dtype=float)
    out = per_respondent(matrix, members)
    assert np.isnan(out[0, 0]) and out[0, 1] == 4  # 1 of 3 answered: below half
    assert out[1, 0] == 2 and np.isnan(out[1, 1])


def test_nps_and_its_interval_by_hand() -> None:
    # 5 promoters, 3 passives, 2 detractors: NPS 30; Var = (0.5 + 0.2 - 0.3^2)/10 = 0.061
    result = nps([10, 9, 9, 10, 9, 8, 7, 7, 3, 6])
    assert (result.promoters, result.passives, result.detractors, result.n) == (5, 3, 2, 10)
    half = 100 * 1.959963984540054 * math.sqrt(0.061)
    assert result.score == pytest.approx(30.0)
    assert (result.low, result.high) == (pytest.approx(30 - half), pytest.approx(30 + half))
    assert result.rough  # n < 30
    extreme = nps([10] * 40)
    assert (extreme.score, extreme.low, extreme.high, extreme.rough) == (100.0, 100.0, 100.0, True)
    assert nps([]) is None


def test_nps_reads_an_export_that_codes_0_to_10_as_1_to_11(tmp_path: Path) -> None:
    instrument = TWO_DIMS.replace("nps: nps", "nps: {column: nps, scale: [1, 11]}")
    rows = "respondent,e1,e2,e3,p1,p2,p3,nps\nR1,5,5,5,5,5,5,11\nR2,5,5,5,5,5,5,10\nR3,5,5,5,5,5,5,1\n"
    result = survey(tmp_path, rows, instrument)
    assert (result.nps.promoters, result.nps.detractors) == (2, 1)  # 11 -> 10, 10 -> 9, 1 -> 0


def test_csat_top_two_box_with_wilson_interval_and_mean() -> None:
    answers = [5, 4, 4, 3, 5, 2, 4, 1, 5, 4]
    result = csat(answers, Single("csat", ("csat",), Scale(1, 5), top_box=2))
    assert result.top_box.value == pytest.approx(7 / 10)
    wilson = sps.binomtest(7, 10).proportion_ci(method="wilson")
    assert (result.top_box.low, result.top_box.high) == (pytest.approx(wilson.low), pytest.approx(wilson.high))
    assert result.mean.value == pytest.approx(3.7) and result.mean.n == 10


def test_spearman_interval_uses_fisher_z_with_bonett_wright_error() -> None:
    x = np.arange(20, dtype=float)
    y = np.array([v + (3 if i % 4 == 0 else -2) for i, v in enumerate(x)])
    c = correlate(x, y, "spearman")
    rho = sps.spearmanr(x, y).statistic
    se = math.sqrt((1 + rho * rho / 2) / 17)
    assert c.r == pytest.approx(rho) and c.n == 20
    assert c.low == pytest.approx(math.tanh(math.atanh(rho) - 1.959963984540054 * se))


def test_every_builtin_loads_and_servqual_has_22_items_in_five_dimensions_with_en_and_zh() -> None:
    assert builtin_names() == ["csat-nps", "servperf-22", "servqual-22"]
    servqual = load_instrument("servqual-22")
    assert len(servqual.items) == 22 and len(servqual.dimensions) == 5
    counts = {d: len(servqual.items_of(d)) for d in servqual.dimension_ids}
    assert counts == {"tangibles": 4, "reliability": 5, "responsiveness": 4, "assurance": 4, "empathy": 5}
    assert all(item.texts.get("en") and item.texts.get("zh") for item in servqual.items)
    servperf = load_instrument("servperf-22")
    assert not servperf.has_expectations and [i.texts for i in servperf.items] == [i.texts for i in servqual.items]
