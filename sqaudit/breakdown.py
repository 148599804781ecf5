"""The run broken down by agent, team and (optionally) period, as contacts stream by.

``Breakdown.add`` files each contact result under its agent, its team and, with a
``period`` setting, under the week or month it started in. ``agents()``, ``teams()`` and
``periods()`` finish the figures: intervals, the insufficient-evidence flag, ranks among
groups with enough evidence, and a rank test of each group against its peers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqaudit.compare import rank_and_compare
from sqaudit.groups import GroupStats, GroupTally, Settings, finish, period_of
from sqaudit.model import ContactResult

Key = tuple[str, "str | None", "str | None"]  # kind, key, period


@dataclass
class Breakdown:
    criterion_order: tuple[str, ...]
    settings: Settings = field(default_factory=Settings)
    _tallies: dict[Key, GroupTally] = field(default_factory=dict)

    def add(self, result: ContactResult) -> None:
        self._tally("agent", result.agent, None).add(result)
        self._tally("team", result.team, None).add(result)
        if self.settings.period:
            period = period_of(result.started_at, self.settings.period)
            self._tally("period", None, period).add(result)
            self._tally("agent", result.agent, period).add(result)
            self._tally("team", result.team, period).add(result)

    def _tally(self, kind: str, key: str | None, period: str | None) -> GroupTally:
        found = self._tallies.get((kind, key, period))
        if found is None:
            # per-period tallies only need the figures; quotes are for the agent's coaching card
            found = GroupTally(kind, key, period, keep_quotes=kind == "agent" and period is None)
            self._tallies[(kind, key, period)] = found
        return found

    def _finished(self, kind: str, by_period: bool) -> list[GroupStats]:
        chosen = [t for (k, _, period), t in self._tallies.items() if k == kind and (period is not None) == by_period]
        chosen.sort(key=lambda t: (t.period is None, t.period or "", t.key is None, t.key or ""))
        return [finish(t, self.settings, self.criterion_order) for t in chosen]

    @cached_property
    def _agents(self) -> list[GroupStats]:
        return rank_and_compare(self._finished("agent", False))

    @cached_property
    def _teams(self) -> list[GroupStats]:
        return rank_and_compare(self._finished("team", False))

    def agents(self) -> list[GroupStats]:
        """Every agent (None: contacts with no agent), sorted by id, ranked and compared with peers."""
        return self._agents

    def teams(self) -> list[GroupStats]:
        return self._teams

    def periods(self) -> list[GroupStats]:
        """With a period setting: the whole run, each team and each agent, per period (trends)."""
        if not self.settings.period:
            return []
        return self._finished("period", True) + self._finished("team", True) + self._finished("agent", True)

    def agent(self, agent_id: str) -> GroupStats | None:
        return next((g for g in self._agents if g.key == agent_id), None)

    def team(self, team_id: str | None) -> GroupStats | None:
        return next((g for g in self._teams if g.key == team_id), None)
