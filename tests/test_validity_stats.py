"""The statistics of benchmarks/validity.py on made-up numbers (no evaldata needed)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from benchmarks.validity_stats import (
    Stat,
    auc,
    beats,
    cluster_resamples,
    independent_delta,
    meets,
    paired_delta,
    resamples,
    rho,
    token_f1,
    tokens,
    within_interval,
)


def stat(value: float, low: float, high: float) -> Stat:
    return Stat(value, low, high, 100)


def test_cluster_resamples_keep_each_cluster_whole_and_are_seeded() -> None:
    groups = ["a", "a", "a", "b", "c", "c"]
    first, again = cluster_resamples(groups, "k", b=50), cluster_resamples(groups, "k", b=50)
    assert all(np.array_equal(x, y) for x, y in zip(first, again))
    members = {"a": {0, 1, 2}, "b": {3}, "c": {4, 5}}
    for row in first:
        drawn = [groups[i] for i in row]
        for g, items in members.items():  # a drawn cluster brings all its items, as often as it was drawn
            counts = {i: int((row == i).sum()) for i in items}
            assert len(set(counts.values())) == 1
            assert drawn.count(g) == len(items) * counts[min(items)]
    assert any(len(row) != len(groups) for row in first)  # clusters differ in size: lengths vary


def test_rho_and_auc_match_scipy_and_clusters_give_an_interval() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=60)
    y = x + rng.normal(size=60)
    r = rho(x, y, resamples(60, "t"))
    assert r.value == pytest.approx(sps.spearmanr(x, y).statistic)
    assert r.low < r.value < r.high
    rc = rho(x, y, cluster_resamples([i // 3 for i in range(60)], "t"))
    assert rc.value == pytest.approx(r.value) and rc.low < rc.value < rc.high
    label = y > 0
    a = auc(x, label, resamples(60, "t"))
    assert a.value == pytest.approx(sps.mannwhitneyu(x[label], x[~label]).statistic / (label.sum() * (~label).sum()))
    assert not rho(np.ones(20), y[:20], resamples(20, "c")).ok  # constant score: no value, with a reason
    assert not auc(x, np.zeros(60, bool), resamples(60, "c")).ok


def test_token_f1() -> None:
    assert tokens("I'm SO sorry, friend!") == {"i", "m", "so", "sorry", "friend"}
    assert token_f1(["so sorry to hear that"], ["sorry to hear that"]) == pytest.approx(2 * 4 / (5 + 4))
    assert token_f1([], ["sorry"]) == 0.0
    assert token_f1(["anything"], []) is None and token_f1(["anything"], [" | "]) is None
    assert token_f1(["a b", "c"], ["c d", "a"]) == pytest.approx(2 * 2 / (3 + 3))  # unions on both sides


def test_verdicts_follow_the_interval() -> None:
    assert meets(stat(0.5, 0.42, 0.58), 0.40) == "yes"
    assert meets(stat(0.45, 0.38, 0.52), 0.40) == "not distinguishable"
    assert meets(stat(0.2, 0.1, 0.3), 0.40) == "no"
    assert meets(Stat(0.5, float("nan"), float("nan"), 5), 0.40) == "no interval"
    assert beats(stat(0.1, 0.02, 0.2)) == "yes" and beats(stat(0.0, -0.1, 0.1)) == "not distinguishable"
    assert beats(stat(-0.2, -0.3, -0.1)).startswith("no")
    assert within_interval(stat(-0.02, -0.06, 0.03)) == "yes" and within_interval(stat(-0.09, -0.13, -0.05)) == "no"


def test_deltas_pair_or_combine_the_resamples() -> None:
    a = Stat(0.5, 0.4, 0.6, 10, boot=np.array([0.4, 0.5, 0.6] * 10))
    b = Stat(-0.3, -0.4, -0.2, 10, boot=np.array([-0.2, -0.3, -0.4] * 10))
    d = paired_delta(a, b)  # a negative baseline is taken in its better direction: 0.5 - 0.3
    assert d.value == pytest.approx(0.2)
    assert np.allclose(d.boot, a.boot + b.boot)
    g = independent_delta(a, b)
    assert g.value == pytest.approx(0.8) and np.allclose(g.boot, a.boot - b.boot)
