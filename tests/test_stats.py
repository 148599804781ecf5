"""The interval helpers against scipy's own implementations."""

from __future__ import annotations

import statistics

import pytest
from scipy import stats as sps

from sqaudit.stats import RunningMean, mean_interval, proportion_interval


@pytest.mark.parametrize("n", [1, 2, 5, 13, 40, 250])
@pytest.mark.parametrize("confidence", [0.9, 0.95, 0.99])
def test_wilson_matches_scipy_binomtest(n: int, confidence: float) -> None:
    for k in sorted({0, 1, n // 3, n // 2, n - 1, n}):
        if not 0 <= k <= n:
            continue
        ours = proportion_interval(k, n, confidence)
        ci = sps.binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
        assert ours.value == pytest.approx(k / n)
        assert ours.low == pytest.approx(ci.low, abs=1e-12) and ours.high == pytest.approx(ci.high, abs=1e-12)
        assert ours.low <= ours.value <= ours.high


def test_no_trials_no_rate() -> None:
    est = proportion_interval(0, 0)
    assert est.value is None and est.n == 0 and est.method == "wilson"


@pytest.mark.parametrize("values", [[50.0, 60.0], [10.0, 90.0, 55.5, 70.0], [99.0, 100.0, 98.0, 100.0, 97.0]])
def test_running_mean_matches_scipy_t_interval(values: list[float]) -> None:
    est = mean_interval(values)
    low, high = sps.t.interval(0.95, len(values) - 1, loc=statistics.mean(values), scale=sps.sem(values))
    assert est.value == pytest.approx(statistics.mean(values))
    assert est.half == pytest.approx((high - low) / 2)
    assert est.low == pytest.approx(max(0.0, low)) and est.high == pytest.approx(min(100.0, high))


def test_one_value_has_no_interval_and_none_has_no_mean() -> None:
    one = RunningMean()
    one.add(70.0)
    assert one.estimate().value == 70.0 and one.estimate().low is None and one.estimate().half is None
    assert RunningMean().estimate().value is None


def test_spearman_rows_is_scipy_spearmanr_row_by_row_and_nan_when_constant() -> None:
    import numpy as np

    from sqaudit.stats import spearman_rows

    rng = np.random.default_rng(3)
    x, y = rng.integers(0, 5, (20, 30)).astype(float), rng.normal(size=(20, 30))  # ties in x
    got = spearman_rows(x, y)
    for row in range(20):
        assert got[row] == pytest.approx(sps.spearmanr(x[row], y[row]).statistic, abs=1e-12)
    assert np.isnan(spearman_rows(np.ones((1, 5)), np.arange(5.0)[None]))[0]
