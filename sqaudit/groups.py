"""Per-agent, per-team and per-period figures, gathered while the run streams.

Each group keeps its contact scores as value -> count (a rubric gives a bounded set of
distinct scores, so memory does not grow with the batch, and peers can still be compared
with a rank test), running means per dimension, a tally per criterion, and a few quotes per
criterion for coaching. ``finish`` turns the tallies into frozen :class:`GroupStats`:
means with Student's t-interval, rates with Wilson intervals, and an
*insufficient evidence* flag when n is below the rubric's ``min_contacts`` or the
interval is wider than ``max_ci_width`` points.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqaudit.i18n import reason_text
from sqaudit.model import DIMENSIONS, ContactResult, Evidence, Outcome
from sqaudit.stats import Estimate, RunningMean, proportion_interval

GROUP_KINDS = ("agent", "team")
PERIODS = ("week", "month")
QUOTES_KEPT = 2  # per criterion and outcome: enough for a coaching card, bounded memory


@dataclass(frozen=True, slots=True)
class Quote:
    """One finding's evidence, remembered with the contact it came from."""

    contact_id: str
    criterion_id: str
    outcome: Outcome
    message: str
    evidence: Evidence | None

    def to_dict(self) -> dict[str, object]:
        return {"contact": self.contact_id, "criterion": self.criterion_id, "outcome": self.outcome.value,
                "message": self.message, "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass
class CriterionTally:
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    error: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome is Outcome.PASS:
            self.passed += 1
        elif outcome is Outcome.FAIL:
            self.failed += 1
        elif outcome is Outcome.NOT_APPLICABLE:
            self.not_applicable += 1
        else:
            self.error += 1

    def miss_rate(self) -> float | None:
        judged = self.passed + self.failed
        return self.failed / judged if judged else None


@dataclass(frozen=True)
class Settings:
    min_contacts: int = 10
    max_ci_width: float = 20.0  # points between the interval's ends (±10 by default)
    period: str | None = None  # week | month: also gather figures per period


@dataclass
class GroupTally:
    kind: str
    key: str | None
    period: str | None = None
    score: RunningMean = field(default_factory=RunningMean)  # in arrival order: the same sums as a list
    score_counts: Counter = field(default_factory=Counter)  # score -> contacts, for the rank test
    contacts: int = 0
    passed: int = 0
    critical: int = 0
    complaints: int = 0
    complaint_score: RunningMean = field(default_factory=RunningMean)
    complaints_passed: int = 0
    dimensions: dict[str, RunningMean] = field(default_factory=lambda: {d: RunningMean() for d in DIMENSIONS})
    criteria: dict[str, CriterionTally] = field(default_factory=dict)
    teams: Counter = field(default_factory=Counter)
    agents: set = field(default_factory=set)
    languages: Counter = field(default_factory=Counter)
    quotes: dict[tuple[str, Outcome], list[Quote]] = field(default_factory=dict)
    critical_quotes: list[Quote] = field(default_factory=list)
    keep_quotes: bool = False

    def add(self, result: ContactResult) -> None:
        self.contacts += 1
        self.languages[result.language.split("-")[0]] += 1
        if result.team:
            self.teams[result.team] += 1
        if result.agent:
            self.agents.add(result.agent)
        if result.score is not None:
            self.score.add(result.score)
            self.score_counts[result.score] += 1
            self.passed += bool(result.passed)
        self.critical += bool(result.critical_failures)
        if result.complaint:
            self.complaints += 1
            if result.score is not None:
                self.complaint_score.add(result.score)
                self.complaints_passed += bool(result.passed)
        for name, value in result.dimensions:
            if value is not None:
                self.dimensions[name].add(value)
        for finding in result.findings:
            self.criteria.setdefault(finding.criterion_id, CriterionTally()).add(finding.outcome)
            if self.keep_quotes:
                self._remember(result.id, finding)

    def _remember(self, contact_id: str, finding) -> None:  # type: ignore[no-untyped-def]
        if finding.outcome not in (Outcome.PASS, Outcome.FAIL) or finding.assumed:
            return
        quote = Quote(contact_id, finding.criterion_id, finding.outcome, finding.message,
                      finding.evidence[0] if finding.evidence else None)
        if finding.critical and finding.outcome is Outcome.FAIL and len(self.critical_quotes) < 10:
            self.critical_quotes.append(quote)
        kept = self.quotes.setdefault((finding.criterion_id, finding.outcome), [])
        # a quote with words in it beats a bare "not found" message: replace the latter first
        if len(kept) < QUOTES_KEPT:
            kept.append(quote)
        elif quote.evidence is not None:
            for i, old in enumerate(kept):
                if old.evidence is None:
                    kept[i] = quote
                    break


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a group's evidence is insufficient: a code and its numbers, worded by sqaudit.i18n."""

    code: str  # few | wide | single
    value: float = 0.0  # n, or the interval's half-width
    limit: float = 0.0  # min_contacts, or half of max_ci_width

    def __str__(self) -> str:  # the English wording, used in JSON and xlsx
        return reason_text(self, "en")


@dataclass(frozen=True)
class CriterionStats:
    passed: int
    failed: int
    not_applicable: int
    miss_rate: Estimate  # Wilson interval over the contacts where it was judged

    def to_dict(self) -> dict[str, object]:
        return {"pass": self.passed, "fail": self.failed, "not_applicable": self.not_applicable,
                "miss_rate": self.miss_rate.to_dict()}


@dataclass(frozen=True)
class GroupStats:
    kind: str  # agent | team | period
    key: str | None
    period: str | None
    team: str | None  # an agent's (most frequent) team
    agents: int
    contacts: int
    score: Estimate
    pass_rate: Estimate
    critical_failures: int
    complaints: int
    complaint_score: Estimate
    complaint_pass_rate: Estimate
    dimensions: dict[str, Estimate]
    criteria: dict[str, CriterionStats]
    language: str
    insufficient: tuple[Reason, ...]  # empty when the evidence is enough
    score_counts: tuple[tuple[float, int], ...] = field(repr=False, default=())  # (score, contacts), sorted
    quotes: dict[tuple[str, Outcome], tuple[Quote, ...]] = field(repr=False, default_factory=dict)
    critical_quotes: tuple[Quote, ...] = ()
    rank: int | None = None
    vs_peers: object | None = None  # compare.PeerComparison

    @property
    def enough(self) -> bool:
        return not self.insufficient

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {self.kind: self.key}
        if self.period is not None or self.kind == "period":
            data["period"] = self.period
        if self.kind == "agent":
            data["team"] = self.team
        if self.kind != "agent":
            data["agents"] = self.agents
        data.update({
            "contacts": self.contacts, "score": self.score.to_dict(), "pass_rate": self.pass_rate.to_dict(),
            "critical_failures": self.critical_failures,
            "complaints": {"n": self.complaints, "score": self.complaint_score.to_dict(),
                           "pass_rate": self.complaint_pass_rate.to_dict()},
            "dimensions": {k: v.to_dict() for k, v in self.dimensions.items()},
            "criteria": {k: v.to_dict() for k, v in self.criteria.items()},
            "language": self.language,
            "insufficient_evidence": bool(self.insufficient),
            "insufficient_reasons": [str(r) for r in self.insufficient],
            "rank": self.rank,
            "vs_peers": self.vs_peers.to_dict() if self.vs_peers is not None else None,  # type: ignore[attr-defined]
        })
        return data


def finish(tally: GroupTally, settings: Settings, criterion_order: tuple[str, ...]) -> GroupStats:
    score = tally.score.estimate()
    reasons = []
    if tally.contacts < settings.min_contacts:
        reasons.append(Reason("few", tally.contacts, settings.min_contacts))
    # the width before clipping to 0-100: a clipped interval looks narrower than the evidence is
    if score.half is not None and 2 * score.half > settings.max_ci_width:
        reasons.append(Reason("wide", score.half, settings.max_ci_width / 2))
    elif score.n < 2:
        reasons.append(Reason("single"))
    criteria = {}
    for cid in criterion_order:
        t = tally.criteria.get(cid, CriterionTally())
        criteria[cid] = CriterionStats(t.passed, t.failed, t.not_applicable,
                                       proportion_interval(t.failed, t.passed + t.failed))
    return GroupStats(
        kind=tally.kind, key=tally.key, period=tally.period,
        team=tally.teams.most_common(1)[0][0] if tally.teams else None, agents=len(tally.agents),
        contacts=tally.contacts, score=score, pass_rate=proportion_interval(tally.passed, tally.score.n),
        critical_failures=tally.critical, complaints=tally.complaints,
        complaint_score=tally.complaint_score.estimate(),
        complaint_pass_rate=proportion_interval(tally.complaints_passed, tally.complaint_score.n),
        dimensions={d: m.estimate() for d, m in tally.dimensions.items()}, criteria=criteria,
        language=majority(tally.languages), insufficient=tuple(reasons),
        score_counts=tuple(sorted(tally.score_counts.items())),
        quotes={k: tuple(v) for k, v in tally.quotes.items()}, critical_quotes=tuple(tally.critical_quotes),
    )


def majority(languages: Counter) -> str:
    # ties go to the alphabetically first family so the choice never depends on input order
    ranked = sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0] if ranked else "und"


def period_of(started_at: str | None, period: str) -> str | None:
    """ISO week ("2026-W19") or month ("2026-05") of an ISO 8601 timestamp; None if absent or unreadable."""
    if not started_at:
        return None
    try:
        moment = datetime.fromisoformat(started_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{moment.year}-{moment.month:02d}"
