"""Coaching scorecards: what one agent should keep doing and what to say instead.

``coaching_card(report, agent_id)`` turns an agent's figures from a finished
:class:`~sqaudit.report.TeamReport` into a :class:`CoachingCard`: critical failures first,
then the criteria the agent missed most often (each with one or two redacted quotes from
the agent's own contacts and the rubric's ``say_instead``), the criteria met most often
(with one good quote), and the agent's dimension profile next to the team's. The card is
written in the language of the agent's contacts unless a language is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqaudit.groups import GroupStats, Quote
from sqaudit.i18n import family
from sqaudit.model import Outcome
from sqaudit.report import TeamReport
from sqaudit.rubric.model import Criterion
from sqaudit.stats import Estimate

SHOWN = 3  # strengths and things to work on: three is what a coaching session can hold


@dataclass(frozen=True)
class CoachingItem:
    criterion: Criterion
    title: str  # in the card's language when the rubric has it
    met: int
    missed: int
    quotes: tuple[Quote, ...]
    say_instead: str | None

    @property
    def judged(self) -> int:
        return self.met + self.missed


@dataclass(frozen=True)
class ProfileLine:
    dimension: str
    agent: Estimate
    team: Estimate | None

    @property
    def difference(self) -> float | None:
        if self.team is None or self.agent.value is None or self.team.value is None:
            return None
        return self.agent.value - self.team.value


@dataclass(frozen=True)
class CoachingCard:
    agent: GroupStats
    team: GroupStats | None
    language: str
    rubric_id: str
    rubric_title: str
    critical: tuple[tuple[Quote, str], ...]  # the failure and its criterion title
    to_work_on: tuple[CoachingItem, ...]
    strengths: tuple[CoachingItem, ...]
    profile: tuple[ProfileLine, ...]
    kinds: Mapping[str, str] = field(default_factory=dict)  # criterion id -> kind, for wording

    def to_dict(self) -> dict[str, object]:
        def item(i: CoachingItem) -> dict[str, object]:
            return {"id": i.criterion.id, "title": i.title, "met": i.met, "missed": i.missed,
                    "quotes": [q.to_dict() for q in i.quotes], "say_instead": i.say_instead}
        return {
            "agent": self.agent.key, "team": self.agent.team, "language": self.language,
            "rubric": self.rubric_id, "contacts": self.agent.contacts, "score": self.agent.score.to_dict(),
            "insufficient_evidence": bool(self.agent.insufficient),
            "insufficient_reasons": [str(r) for r in self.agent.insufficient],
            "critical_failures": [{**q.to_dict(), "title": title} for q, title in self.critical],
            "to_work_on": [item(i) for i in self.to_work_on], "strengths": [item(i) for i in self.strengths],
            "profile": [{"dimension": p.dimension, "agent": p.agent.to_dict(),
                         "team": p.team.to_dict() if p.team else None} for p in self.profile],
        }


def coaching_card(report: TeamReport, agent_id: str | None, language: str | None = None) -> CoachingCard:
    agent = next((a for a in report.agents if a.key == agent_id), None)
    if agent is None:
        raise KeyError(agent_id)
    lang = family(language or agent.language)
    team = report.team_of(agent)
    rubric = report.rubric
    detectors = {line.criterion.id for line in report.criteria if line.is_detector}
    items = []
    for criterion in rubric.criteria:
        if criterion.id in detectors:
            continue
        stats = agent.criteria[criterion.id]
        items.append((criterion, stats.passed, stats.failed))
    missed = sorted((i for i in items if i[2] > 0),
                    key=lambda i: (not i[0].critical, -i[2], -i[2] / (i[1] + i[2]), i[0].id))
    met = sorted((i for i in items if i[1] > 0 and i[1] >= i[2]),
                 key=lambda i: (not _has_words(agent, i[0].id), -i[1] / (i[1] + i[2]), -i[1], i[0].id))
    return CoachingCard(
        agent=agent, team=team, language=lang, rubric_id=rubric.id, rubric_title=rubric.title,
        critical=tuple((q, _title(rubric.criterion(q.criterion_id), lang)) for q in agent.critical_quotes),
        to_work_on=tuple(_item(agent, c, p, f, Outcome.FAIL, lang, 2) for c, p, f in missed[:SHOWN]),
        strengths=tuple(_item(agent, c, p, f, Outcome.PASS, lang, 1) for c, p, f in met[:SHOWN]),
        profile=tuple(ProfileLine(d, est, team.dimensions.get(d) if team else None)
                      for d, est in agent.dimensions.items()),
        kinds={c.id: c.kind for c in rubric.criteria},
    )


def _item(agent: GroupStats, criterion: Criterion, met: int, missed: int, outcome: Outcome, lang: str,
          quotes: int) -> CoachingItem:
    kept = agent.quotes.get((criterion.id, outcome), ())
    with_words = sorted(kept, key=lambda q: q.evidence is None)  # stable: a quote before a bare message
    advice = criterion.say_instead_for(lang) if outcome is Outcome.FAIL else None
    return CoachingItem(criterion, _title(criterion, lang), met, missed, tuple(with_words[:quotes]), advice)


def _has_words(agent: GroupStats, criterion_id: str) -> bool:
    return any(q.evidence is not None for q in agent.quotes.get((criterion_id, Outcome.PASS), ()))


def _title(criterion: Criterion | None, lang: str) -> str:
    if criterion is None:
        return ""
    return criterion.title_for(lang)
