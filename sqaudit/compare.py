"""Ranks and differences that a QA lead can defend.

Two agents' means differ on every batch; the question is whether the difference is more
than noise. Here an agent (or team) is called *lower* or *higher* than its peers only when
a two-sided Mann–Whitney U test of its contact scores against everyone else's (scipy's
``mannwhitneyu``) is significant after the Benjamini–Hochberg correction over all the
groups tested (scipy's ``false_discovery_control``). Ranks are given only to groups with
enough evidence; the others are listed, unranked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from sqaudit.groups import GroupStats

ALPHA = 0.05
TEST_NAME = "Mann-Whitney U vs all other contacts, two-sided, Benjamini-Hochberg adjusted"


@dataclass(frozen=True, slots=True)
class PeerComparison:
    verdict: str  # lower | higher | no clear difference | not tested
    p_value: float | None
    p_adjusted: float | None
    peers_n: int
    test: str = TEST_NAME

    def to_dict(self) -> dict[str, object]:
        r = (lambda x: None if x is None else round(x, 6))
        return {"verdict": self.verdict, "p_value": r(self.p_value), "p_adjusted": r(self.p_adjusted),
                "peers_n": self.peers_n, "test": self.test}


Counts = dict[float, int]  # score -> contacts
EXPAND_UP_TO = 5000  # samples this small go to scipy as they are; larger ones are tested from their counts


def two_groups(a: Sequence[float], b: Sequence[float]) -> tuple[float, bool] | None:
    """Two-sided Mann–Whitney U test of two samples of contact scores.

    Returns the p-value and whether ``a`` tends to score higher than ``b`` (U above its
    null expectation), or None when either sample has fewer than 2 scores.
    """
    if len(a) < 2 or len(b) < 2:
        return None
    if len(set(a) | set(b)) == 1:
        return 1.0, False  # every score equal: no evidence of any difference (scipy would warn)
    result = sps.mannwhitneyu(a, b, alternative="two-sided")
    return float(result.pvalue), float(result.statistic) > len(a) * len(b) / 2


def two_counted(a: Counts, b: Counts) -> tuple[float, bool] | None:
    """:func:`two_groups` on samples kept as value -> count.

    Small samples are expanded and given to scipy (which may then use the exact test); large
    ones get scipy's own normal approximation — tie-corrected variance, continuity correction —
    computed from the counts, so a million contacts never become a million floats."""
    n1, n2 = sum(a.values()), sum(b.values())
    if n1 + n2 <= EXPAND_UP_TO:
        return two_groups(_expand(a), _expand(b))
    if n1 < 2 or n2 < 2:
        return None
    values = sorted(set(a) | set(b))
    if len(values) == 1:
        return 1.0, False
    rank_sum, below, ties = 0.0, 0, 0.0
    for value in values:
        in_a, together = a.get(value, 0), a.get(value, 0) + b.get(value, 0)
        rank_sum += in_a * (below + (together + 1) / 2)  # the midrank of a run of ties
        below += together
        ties += together**3 - together
    u1 = rank_sum - n1 * (n1 + 1) / 2
    n = n1 + n2
    sigma = np.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    z = (max(u1, n1 * n2 - u1) - n1 * n2 / 2 - 0.5) / sigma
    return float(min(1.0, 2 * sps.norm.sf(z))), u1 > n1 * n2 / 2


def _expand(counts: Counts) -> list[float]:
    return [value for value, count in sorted(counts.items()) for _ in range(count)]


def rank_and_compare(groups: Sequence[GroupStats], alpha: float = ALPHA) -> list[GroupStats]:
    """Return the groups with ``rank`` (1 = best mean, enough evidence only) and ``vs_peers`` set."""
    everyone: Counts = {}
    for g in groups:
        for value, count in g.score_counts:
            everyone[value] = everyone.get(value, 0) + count
    raw: list[tuple[float, bool] | None] = []
    for g in groups:
        own = dict(g.score_counts)
        peers = {value: count - own.get(value, 0) for value, count in everyone.items() if count > own.get(value, 0)}
        raw.append(two_counted(own, peers) if len(groups) > 1 else None)
    tested = [p[0] for p in raw if p is not None]
    adjusted = iter(sps.false_discovery_control(tested, method="bh").tolist() if tested else [])
    ranks = _ranks(groups)
    out = []
    for i, (g, test) in enumerate(zip(groups, raw)):
        peers_n = sum(everyone.values()) - g.score.n
        if test is None:
            comparison = PeerComparison("not tested", None, None, peers_n)
        else:
            p, higher = test
            q = float(next(adjusted))
            verdict = ("higher" if higher else "lower") if q < alpha else "no clear difference"
            comparison = PeerComparison(verdict, p, q, peers_n)
        out.append(dataclasses.replace(g, rank=ranks[i], vs_peers=comparison))
    return out


def _ranks(groups: Sequence[GroupStats]) -> list[int | None]:
    eligible = [i for i, g in enumerate(groups) if g.enough and g.score.value is not None]
    if not eligible:
        return [None] * len(groups)
    # rank 1 is the best mean; equal means share the better rank
    order = sps.rankdata([-(groups[i].score.value or 0.0) for i in eligible], method="min")
    ranks: list[int | None] = [None] * len(groups)
    for i, r in zip(eligible, order):
        ranks[i] = int(r)
    return ranks
