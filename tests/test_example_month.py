"""examples/month: the generated Northwind Mobile month is reproducible and scores the way its agents' profiles say.

The file is written by ``benchmarks/team_month.py`` (see examples/README.md). These tests keep
the committed file and the generator in step, and hold the servqual rubric to the obvious
reading of the profiles: strong agents well above weak ones, enough evidence where there are
enough contacts, none for the new starters, and the password request caught as critical.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.team_month import AGENTS, render
from sqaudit.compare import PeerComparison
from sqaudit.groups import GroupStats
from sqaudit.model import ContactResult
from sqaudit.parsers import iter_contacts
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import AuditRun, start_run

MONTH = Path(__file__).resolve().parents[1] / "examples" / "month" / "northwind-2026-05.jsonl"
STRONG, AVERAGE, WEAK, NEW = ("a31", "a41"), ("a32", "a42"), ("a33", "a43"), ("a34", "a44")
Scored = tuple[AuditRun, list[ContactResult], dict[str, GroupStats]]  # the run, its results, agent -> figures


@pytest.fixture(scope="module")
def scored() -> Scored:
    run = start_run(iter_contacts([MONTH]), compile_rubric(load_rubric("servqual")))
    results = run.collect()
    return run, results, {str(g.key): g for g in run.breakdown.agents()}


def mean(groups: dict[str, GroupStats], keys: tuple[str, ...]) -> float:
    values = [v for v in (groups[k].score.value for k in keys) if v is not None]
    assert len(values) == len(keys)
    return sum(values) / len(values)


def verdict(group: GroupStats) -> str:
    assert isinstance(group.vs_peers, PeerComparison)
    return group.vs_peers.verdict


def test_regenerating_gives_the_committed_bytes() -> None:
    assert render().encode("utf-8") == MONTH.read_bytes(), (
        "examples/month is out of date: python -m benchmarks.team_month --out " + str(MONTH.relative_to(MONTH.parents[2])))


def test_every_contact_is_scored_without_errors(scored: Scored) -> None:
    run, results, groups = scored
    assert run.errors == []
    assert len(results) == sum(a.contacts for a in AGENTS)
    assert all(r.score is not None for r in results)
    assert run.summary().internal_errors == 0
    assert set(groups) == {a.id for a in AGENTS}
    assert {r.language for r in results} == {"en", "zh"} and {r.channel for r in results} == {"call", "chat"}
    assert 0.15 <= sum(r.complaint for r in results) / len(results) <= 0.35  # about a quarter


def test_strong_agents_score_well_above_weak_ones(scored: Scored) -> None:
    _, _, groups = scored
    assert mean(groups, STRONG) - mean(groups, WEAK) > 30, {k: g.score.value for k, g in groups.items()}
    # and the average agents sit in between
    assert max(groups[k].score.value or 0 for k in WEAK) < min(groups[k].score.value or 0 for k in AVERAGE)
    assert max(groups[k].score.value or 0 for k in AVERAGE) < min(groups[k].score.value or 0 for k in STRONG)


def test_evidence_is_enough_only_with_enough_contacts(scored: Scored) -> None:
    _, _, groups = scored
    for key in STRONG:
        assert groups[key].enough, groups[key].insufficient
        assert groups[key].rank in (1, 2)
    for key in NEW:
        assert not groups[key].enough and groups[key].rank is None


def test_weak_agents_are_flagged(scored: Scored) -> None:
    _, results, groups = scored
    assert groups["a43"].critical_failures >= 1
    assert all(r.score == 0 for r in results if r.agent == "a43" and "PII-01" in r.critical_failures)
    assert not any(r.critical_failures for r in results if r.agent != "a43")
    assert verdict(groups["a33"]) == "lower"  # Mann-Whitney against everyone else's contacts
    assert verdict(groups["a31"]) == "higher"
