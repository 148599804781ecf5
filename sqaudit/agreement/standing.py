"""Who is strict, who is lenient, and what the raters share.

For each rater, over the contacts it shares with at least one other rater:

- **score**: the rater's score minus the mean of the other raters' scores on the same
  contact; the mean of these differences with its bootstrap interval;
- **pass rate**: on every contact × criterion that the rater and at least one other rated
  pass or fail, the rater's pass share minus the others' mean pass share (contacts resampled
  with all their criteria).

The verdict uses the score difference when two or more raters give scores, else the pass
rate. A rater is called strictest (lowest) or most lenient (highest) only when the interval
of its difference excludes 0; otherwise "no rater differs clearly".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sqaudit.agreement import kappa as k
from sqaudit.agreement.ratings import Rater
from sqaudit.agreement.result import Coverage, RaterStanding, Verdict

View = dict[str, dict[str, str]]


def coverage(raters: Sequence[Rater], criteria: Sequence[str]) -> Coverage:
    sets = [set(r.contacts) for r in raters]
    seen: dict[str, int] = {}
    for s in sets:
        for c in s:
            seen[c] = seen.get(c, 0) + 1
    shared_all = set.intersection(*sets) if sets else set()
    only = tuple((r.name, sum(1 for c in s if seen[c] == 1)) for r, s in zip(raters, sets))
    partial = []
    for criterion in criteria:
        who = tuple(r.name for r in raters if criterion in r.criteria)
        if len(who) < len(raters):
            partial.append((criterion, who))
    return Coverage(tuple((r.name, len(s)) for r, s in zip(raters, sets)), only, len(shared_all),
                    sum(1 for n in seen.values() if n >= 2), tuple(partial))


def standings(raters: Sequence[Rater], views: Sequence[View], boot: k.Bootstrap) -> tuple[RaterStanding, ...]:
    maps = [r.contacts for r in raters]
    out = []
    for i, rater in enumerate(raters):
        others = [j for j in range(len(raters)) if j != i]
        shared = [c for c in sorted(maps[i]) if any(c in maps[j] for j in others)]
        mine, theirs = [], []
        for c in shared:
            score = maps[i][c].score
            rest = [maps[j][c].score for j in others if c in maps[j] and maps[j][c].score is not None]
            if score is not None and rest:
                mine.append(score)
                theirs.append(float(np.mean(rest)))
        score_diff = k.mean_of(np.array(mine) - np.array(theirs), boot) if mine else None
        rows = []
        for c in shared:
            x = y = n = 0.0
            for criterion, outcome in views[i][c].items():
                if outcome == "na":
                    continue
                rest = [views[j][c][criterion] == "pass" for j in others
                        if views[j].get(c, {}).get(criterion) in ("pass", "fail")]
                if rest:
                    x, y, n = x + (outcome == "pass"), y + float(np.mean(rest)), n + 1
            if n:
                rows.append((x, y, n))
        table = np.array(rows, float).reshape(-1, 3)
        total = table.sum(axis=0)
        pass_diff = k.estimate(table, lambda s: (s[..., 0] - s[..., 1]) / s[..., 2], boot) if rows else None
        out.append(RaterStanding(
            rater.name, rater.source, rater.kind, len(maps[i]), len(rater.criteria), len(shared),
            float(np.mean(mine)) if mine else None, float(np.mean(theirs)) if theirs else None, score_diff,
            float(total[0] / total[2]) if rows else None, float(total[1] / total[2]) if rows else None, pass_diff))
    return tuple(out)


def verdict(stand: Sequence[RaterStanding]) -> Verdict:
    scored = [s for s in stand if s.score_diff is not None and s.score_diff.value is not None]
    passed = [s for s in stand if s.pass_diff is not None and s.pass_diff.value is not None]
    if len(scored) >= 2:
        basis, pool, diff = "score", scored, (lambda s: s.score_diff)
    elif len(passed) >= 2:
        basis, pool, diff = "pass_rate", passed, (lambda s: s.pass_diff)
    else:
        return Verdict(None, None, None, "no rater can be compared: no shared scores or pass/fail ratings")
    lower = [s for s in pool if diff(s).high is not None and diff(s).high < 0]
    higher = [s for s in pool if diff(s).low is not None and diff(s).low > 0]
    strictest = min(lower, key=lambda s: (diff(s).value, s.name)) if lower else None
    lenient = max(higher, key=lambda s: (diff(s).value, s.name)) if higher else None
    what = "score" if basis == "score" else "pass rate"
    parts = []
    for label, s in (("strictest", strictest), ("most lenient", lenient)):
        if s is not None:
            d = diff(s)
            parts.append(f"{label}: {s.name} ({what} {_signed(d.value, basis)} vs the others, 95% CI "
                         f"{_signed(d.low, basis)} to {_signed(d.high, basis)})")
    message = "; ".join(parts) if parts else f"no rater differs clearly ({what}: every interval includes 0)"
    return Verdict(basis, None if strictest is None else strictest.name, None if lenient is None else lenient.name,
                   message)


def _signed(value: float | None, basis: str) -> str:
    if value is None:
        return "?"
    return f"{value:+.1f}" if basis == "score" else f"{value * 100:+.1f} pp"
