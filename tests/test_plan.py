"""Sample sizes against the textbook formulas and worked examples."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from click.testing import CliRunner

from sqaudit.cli import cli
from sqaudit.plan import for_mean, for_rate, pooled_sd


@pytest.mark.parametrize(("margin", "sd", "confidence", "expected"), [
    (5, 15, 0.95, 35),    # (1.96 * 15 / 5)^2 = 34.57 -> 35, the classic worked example
    (2, 10, 0.95, 97),    # (1.96 * 10 / 2)^2 = 96.04 -> 97
    (5, 20, 0.99, 107),   # (2.5758 * 20 / 5)^2 = 106.16 -> 107
    (3, 12, 0.90, 44),    # (1.6449 * 12 / 3)^2 = 43.29 -> 44
])
def test_mean_matches_the_z_formula(margin: float, sd: float, confidence: float, expected: int) -> None:
    plan = for_mean(margin, sd, confidence)
    assert plan.n == expected
    assert plan.n_t >= plan.n  # t has fatter tails: never fewer


def test_t_refinement_is_self_consistent() -> None:
    from scipy import stats as sps

    plan = for_mean(5, 15)

    def half(n: int) -> float:
        return sps.t.ppf(0.975, n - 1) * 15 / math.sqrt(n)

    assert half(plan.n_t) <= 5 < half(plan.n_t - 1)  # the smallest n that reaches the margin


@pytest.mark.parametrize(("margin", "p", "expected"), [
    (5, 0.5, 385),   # 1.96^2 * 0.25 / 0.0025 = 384.16 -> 385, the famous one
    (10, 0.8, 62),   # 1.96^2 * 0.16 / 0.01 = 61.47 -> 62
    (3, 0.9, 385),   # 1.96^2 * 0.09 / 0.0009 = 384.16 -> 385
])
def test_rate_matches_the_proportion_formula(margin: float, p: float, expected: int) -> None:
    assert for_rate(margin, p).n == expected


def test_finite_population_correction() -> None:
    # 385 / (1 + 384 / 1000) = 278.2 -> 279
    assert for_rate(5, 0.5, population=1000).n_finite == 279
    assert for_mean(5, 15, population=40).n_finite == math.ceil(35 / (1 + 34 / 40))


def test_pooled_sd_is_the_within_group_sd() -> None:
    class G:
        def __init__(self, scores: list[float]):
            self.score_counts = tuple(sorted(Counter(scores).items()))

    a, b = [80.0, 90.0, 100.0, 90.0], [50.0, 60.0]
    # sum of squares within: 200 + 50 = 250 over 3 + 1 degrees of freedom (a repeated score counts twice)
    assert pooled_sd([G(a), G(b), G([70.0])]) == pytest.approx(math.sqrt(250 / 4))
    assert pooled_sd([G([70.0])]) is None


@pytest.mark.parametrize("bad", [dict(margin=0, sd=1), dict(margin=1, sd=-1)])
def test_nonsense_is_refused(bad: dict) -> None:
    with pytest.raises(ValueError):
        for_mean(**bad)


def test_cli_plan_prints_the_number_and_formula() -> None:
    result = CliRunner().invoke(cli, ["plan", "--margin", "5", "--sd", "15"])
    assert result.exit_code == 0, result.stderr
    assert "35 contacts per agent" in result.stdout and "z = 1.960" in result.stdout
    assert result.stderr == ""


def test_cli_plan_measures_the_spread_from_contacts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "examples" / "month"
    result = CliRunner().invoke(cli, ["plan", "--margin", "5", "--json", str(examples)])
    assert result.exit_code == 0, result.stderr
    import json

    plan = json.loads(result.stdout)
    assert plan["source"].startswith("pooled within-agent SD of 170 scored contacts")
    assert plan["n"] == math.ceil((1.959964 * plan["sd"] / 5) ** 2 - 1e-6)
    assert "170 contact(s) scored" in result.stderr


@pytest.mark.parametrize("args", [["--margin", "5"], ["--margin", "5", "--sd", "3", "examples"],
                                  ["--margin", "5", "--pass-rate", "0.5", "--sd", "3"], ["--sd", "3"]])
def test_cli_plan_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["plan", *args])
    assert result.exit_code == 2 and result.stdout == ""
