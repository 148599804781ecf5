"""The team report: a finished run seen by agent, team and criterion.

``build_report`` consumes an :class:`~sqaudit.run.AuditRun` (calling ``on_contact`` for
each result, so a formatter can stream a per-contact sheet) and returns a frozen
:class:`TeamReport` that every report format renders: terminal, Markdown, JSON, CSV,
HTML and xlsx. Nothing here prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from sqaudit.gates import GateResult
from sqaudit.groups import GroupStats, Settings, majority
from sqaudit.i18n import family
from sqaudit.model import ContactResult, InputProblem, RunHeader
from sqaudit.rubric.model import Criterion, Rubric
from sqaudit.run import AuditRun, RunSummary

HISTOGRAM_BINS = 10  # contact scores in tens: 0-10, 10-20, ... 90-100


@dataclass(frozen=True)
class CriterionLine:
    """One criterion over the whole run, for "most often missed" lists."""

    criterion: Criterion
    passed: int
    failed: int
    not_applicable: int
    is_detector: bool

    @property
    def judged(self) -> int:
        return self.passed + self.failed

    @property
    def miss_rate(self) -> float | None:
        return self.failed / self.judged if self.judged and not self.is_detector else None


@dataclass(frozen=True)
class TeamReport:
    header: RunHeader
    rubric: Rubric
    by: str  # agent | team: the table a reader sees first
    language: str  # en | zh: the language most contacts are in; labels come from sqaudit.i18n
    settings: Settings
    summary: RunSummary
    agents: tuple[GroupStats, ...]
    teams: tuple[GroupStats, ...]
    periods: tuple[GroupStats, ...]
    criteria: tuple[CriterionLine, ...]  # most often missed first
    histogram: tuple[int, ...]  # contact scores per bin of 10 points
    gates: tuple[GateResult, ...]
    errors: tuple[InputProblem, ...]

    @property
    def groups(self) -> tuple[GroupStats, ...]:
        """The groups of the ``by`` table, worst first: ranked ones by mean, then the rest."""
        rows = self.agents if self.by == "agent" else self.teams
        return tuple(sorted(rows, key=worst_first))

    def team_of(self, agent: GroupStats) -> GroupStats | None:
        return next((t for t in self.teams if t.key == agent.team), None)

    def to_dict(self) -> dict[str, object]:
        return {"by": self.by, "language": self.language, "summary": self.summary.to_dict(),
                "agents": [g.to_dict() for g in self.agents], "teams": [g.to_dict() for g in self.teams],
                "periods": [g.to_dict() for g in self.periods],
                "criteria": [{"id": c.criterion.id, "dimension": c.criterion.dimension, "title": c.criterion.title,
                              "pass": c.passed, "fail": c.failed, "not_applicable": c.not_applicable,
                              "miss_rate": None if c.miss_rate is None else round(c.miss_rate, 4)}
                             for c in self.criteria],
                "histogram": {"bin_width": 100 // HISTOGRAM_BINS, "counts": list(self.histogram)},
                "errors": [e.to_dict() for e in self.errors], "gates": [g.to_dict() for g in self.gates]}


def worst_first(g: GroupStats) -> tuple[bool, float, str]:
    """Groups with a mean first, lowest mean first; ties and no-score groups by key."""
    return (g.score.value is None, g.score.value if g.score.value is not None else 0.0, g.key or "")


def build_report(run: AuditRun, by: str = "agent", on_contact: Callable[[ContactResult], None] | None = None,
                 language: str | None = None) -> TeamReport:
    bins = [0] * HISTOGRAM_BINS
    for result in run.contacts():
        if result.score is not None:
            bins[min(int(result.score // (100 // HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)] += 1
        if on_contact is not None:
            on_contact(result)
    summary = run.summary()
    detectors = run.compiled.detectors
    lines = [CriterionLine(c, t.passed, t.failed, t.not_applicable, c in detectors)
             for c in run.compiled.rubric.criteria for t in (summary.criteria[c.id],)]
    lines.sort(key=lambda c: (c.miss_rate is None, -(c.miss_rate or 0.0), c.criterion.id))
    breakdown = run.breakdown
    languages = Counter()
    for agent in breakdown.agents():
        languages[family(agent.language)] += agent.contacts
    return TeamReport(
        header=run.header, rubric=run.compiled.rubric, by=by,
        language=language or family(majority(languages)), settings=breakdown.settings, summary=summary,
        agents=tuple(breakdown.agents()), teams=tuple(breakdown.teams()), periods=tuple(breakdown.periods()),
        criteria=tuple(lines), histogram=tuple(bins), gates=tuple(run.gates()), errors=tuple(run.errors))
