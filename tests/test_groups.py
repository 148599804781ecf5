"""Agent and team figures checked against values computed independently (scipy, by hand)."""

from __future__ import annotations

import math
import statistics

import pytest
from scipy import stats as sps

from sqaudit.breakdown import Breakdown
from sqaudit.compare import rank_and_compare, two_groups
from sqaudit.groups import Settings, period_of
from sqaudit.model import ContactResult, Evidence, Finding, Outcome

AGENT_SCORES = {
    "good": [92.0, 88.0, 95.0, 90.0, 97.0, 85.0, 91.0, 94.0, 89.0, 93.0, 96.0, 90.0],
    "weak": [55.0, 62.0, 48.0, 70.0, 58.0, 66.0, 51.0, 60.0, 64.0, 57.0, 61.0],
    "mid": [78.0, 82.0, 75.0, 80.0, 79.0, 84.0, 76.0, 81.0, 77.0, 83.0, 80.0],
    "new": [70.0, 95.0, 40.0],
}


def contact(i: int, agent: str, score: float, team: str = "t1", *, critical: bool = False,
            complaint: bool = False, started_at: str | None = None) -> ContactResult:
    finding = Finding("GRT-01", "assurance", None, Outcome.PASS if score >= 75 else Outcome.FAIL,
                      1.0 if score >= 75 else 0.0, 1.0, "greeting", (Evidence(0, "agent", f"hello {i}", 1.0),))
    crit = Finding("PII-01", "assurance", None, Outcome.FAIL if critical else Outcome.PASS, 0.0, 1.0,
                   "asked for a password", (Evidence(2, "agent", "your [redacted]", 30.0),) if critical else (),
                   critical="fail_contact")
    return ContactResult(f"c{i}", agent, team, "call", "en", 0.0 if critical else score,
                         not critical and score >= 75, complaint, ("PII-01",) if critical else (),
                         tuple((d, score) for d in ("reliability", "assurance")), (finding, crit),
                         started_at=started_at)


def breakdown(settings: Settings = Settings()) -> Breakdown:
    b = Breakdown(("GRT-01", "PII-01"), settings)
    i = 0
    for agent, scores in AGENT_SCORES.items():
        for s in scores:
            b.add(contact(i, agent, s, team="t2" if agent == "weak" else "t1"))
            i += 1
    return b


def test_mean_interval_matches_scipy_t_interval() -> None:
    good = next(g for g in breakdown().agents() if g.key == "good")
    data = AGENT_SCORES["good"]
    low, high = sps.t.interval(0.95, len(data) - 1, loc=statistics.mean(data), scale=sps.sem(data))
    assert good.score.value == pytest.approx(statistics.mean(data))
    assert good.score.low == pytest.approx(low) and good.score.high == pytest.approx(high)
    assert good.score.half == pytest.approx((high - low) / 2)


def test_pass_rate_is_a_wilson_interval() -> None:
    mid = next(g for g in breakdown().agents() if g.key == "mid")
    k, n = sum(s >= 75 for s in AGENT_SCORES["mid"]), len(AGENT_SCORES["mid"])
    # Wilson by hand: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
    z, p = sps.norm.ppf(0.975), k / n
    centre, spread = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert mid.pass_rate.value == pytest.approx(p)
    assert mid.pass_rate.low == pytest.approx((centre - spread) / (1 + z * z / n))
    assert mid.pass_rate.high == pytest.approx(min(1.0, (centre + spread) / (1 + z * z / n)))


def test_too_few_contacts_is_insufficient_and_unranked() -> None:
    agents = {g.key: g for g in breakdown().agents()}
    assert agents["new"].insufficient and agents["new"].rank is None
    assert any(str(r) == "n=3 < 10 contacts" for r in agents["new"].insufficient)
    assert [r.code for r in agents["new"].insufficient] == ["few", "wide"]
    assert [agents[k].rank for k in ("good", "mid", "weak")] == [1, 2, 3]


@pytest.mark.parametrize("width", [3.0, 5.0, 8.0, 20.0])
def test_wide_interval_is_insufficient_even_with_enough_contacts(width: float) -> None:
    agents = {g.key: g for g in breakdown(Settings(min_contacts=3, max_ci_width=width)).agents()}
    for key, scores in AGENT_SCORES.items():
        low, high = sps.t.interval(0.95, len(scores) - 1, loc=statistics.mean(scores), scale=sps.sem(scores))
        assert bool(agents[key].insufficient) == (high - low > width), (key, high - low)
        assert (agents[key].rank is None) == (high - low > width)


@pytest.mark.parametrize(("agent", "verdict"), [("good", "higher"), ("weak", "lower"), ("new", "no clear difference")])
def test_peer_verdicts_follow_the_mann_whitney_test(agent: str, verdict: str) -> None:
    agents = {g.key: g for g in breakdown().agents()}
    assert agents[agent].vs_peers.verdict == verdict
    rest = [s for k, v in AGENT_SCORES.items() if k != agent for s in v]
    expected = sps.mannwhitneyu(AGENT_SCORES[agent], rest, alternative="two-sided").pvalue
    assert agents[agent].vs_peers.p_value == pytest.approx(expected)


def test_benjamini_hochberg_adjustment_by_hand() -> None:
    agents = breakdown().agents()
    raw = [g.vs_peers.p_value for g in agents]
    m = len(raw)
    order = sorted(range(m), key=lambda i: raw[i])
    adjusted = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):  # step-up: min over larger ranks of p * m / rank
        i = order[rank - 1]
        running = min(running, raw[i] * m / rank)
        adjusted[i] = running
    assert [g.vs_peers.p_adjusted for g in agents] == pytest.approx(adjusted)


def test_equal_scores_are_no_difference_and_tiny_groups_not_tested() -> None:
    assert two_groups([80.0, 80.0], [80.0, 80.0, 80.0]) == (1.0, False)
    assert two_groups([80.0], [70.0, 60.0]) is None
    alone = rank_and_compare([next(g for g in breakdown().agents() if g.key == "good")])
    assert alone[0].vs_peers.verdict == "not tested"


def test_teams_pool_their_agents_contacts() -> None:
    teams = {g.key: g for g in breakdown().teams()}
    t1 = AGENT_SCORES["good"] + AGENT_SCORES["mid"] + AGENT_SCORES["new"]
    assert teams["t1"].contacts == len(t1) and teams["t1"].agents == 3
    assert teams["t1"].score.value == pytest.approx(statistics.mean(t1))
    assert teams["t2"].score.value == pytest.approx(statistics.mean(AGENT_SCORES["weak"]))


def test_criteria_dimensions_complaints_and_critical_quotes() -> None:
    b = Breakdown(("GRT-01", "PII-01"), Settings(min_contacts=1))
    b.add(contact(1, "a", 90.0, complaint=True))
    b.add(contact(2, "a", 60.0, complaint=True))
    b.add(contact(3, "a", 80.0, critical=True))
    (a,) = b.agents()
    assert (a.criteria["GRT-01"].passed, a.criteria["GRT-01"].failed) == (2, 1)
    assert a.criteria["PII-01"].failed == 1 and a.critical_failures == 1
    assert a.complaints == 2 and a.complaint_pass_rate.value == 0.5
    assert a.dimensions["reliability"].value == pytest.approx((90 + 60 + 80) / 3)
    assert a.critical_quotes[0].contact_id == "c3" and a.critical_quotes[0].evidence.quote == "your [redacted]"
    assert {q.contact_id for q in a.quotes[("GRT-01", Outcome.PASS)]} == {"c1", "c3"}


@pytest.mark.parametrize(("started_at", "period", "expected"), [
    ("2026-05-04T09:30:00Z", "week", "2026-W19"),
    ("2026-01-01T00:00:00+00:00", "week", "2026-W01"),
    ("2027-01-01T10:00:00", "week", "2026-W53"),
    ("2026-05-31T23:59:59Z", "month", "2026-05"),
    (None, "week", None),
    ("last tuesday", "month", None),
])
def test_period_keys(started_at: str | None, period: str, expected: str | None) -> None:
    assert period_of(started_at, period) == expected


def test_periods_break_down_the_run_and_each_agent() -> None:
    b = Breakdown(("GRT-01", "PII-01"), Settings(period="month", min_contacts=1))
    for i, (agent, day) in enumerate([("a", "2026-04-30"), ("a", "2026-05-02"), ("b", "2026-05-03")]):
        b.add(contact(i, agent, 80.0, started_at=f"{day}T10:00:00Z"))
    keys = [(g.kind, g.key, g.period, g.contacts) for g in b.periods()]
    assert ("period", None, "2026-04", 1) in keys and ("period", None, "2026-05", 2) in keys
    assert ("agent", "a", "2026-05", 1) in keys and ("team", "t1", "2026-05", 2) in keys


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_large_samples_are_tested_from_counts_exactly_as_scipy_would(seed: int) -> None:
    import random
    from collections import Counter

    from scipy.stats import mannwhitneyu

    from sqaudit.compare import two_counted

    rng = random.Random(seed)
    a = [float(rng.choice(range(40, 101, 5))) for _ in range(3000)]  # few distinct scores: many ties
    b = [float(rng.choice(range(30, 101, 5))) for _ in range(4000)]
    expected = mannwhitneyu(a, b, alternative="two-sided")
    p, higher = two_counted(Counter(a), Counter(b))
    assert p == pytest.approx(float(expected.pvalue), rel=1e-9, abs=1e-300)
    assert higher == (expected.statistic > len(a) * len(b) / 2)


def test_group_memory_is_counts_of_distinct_scores_not_one_float_per_contact() -> None:
    from sqaudit.groups import GroupTally

    tally = GroupTally("agent", "a1")
    result = contact(1, "a1", 72.5)
    for _ in range(5000):
        tally.add(result)
    assert tally.score.n == 5000 and len(tally.score_counts) == 1
