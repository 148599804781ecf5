"""Survey rows joined to scored contacts: does the rubric reward what customers value?

``sqaudit survey ... --contacts calls/ -r servqual`` scores the contacts, then joins each
survey row whose contact id matches a scored contact. A joined row takes the contact's
agent, team and start time where the survey left them out (the transcript is the record of
who handled the contact; a row naming a different agent is counted and the transcript's
agent is used).

Per agent and per team the result puts the transcript dimension scores (0–100, the mean
over *all* that agent's scored contacts, with n) beside the survey dimension gaps (over all
that agent's survey rows). Over the joined pairs, each dimension's transcript score is
correlated with the respondent's gap for the same dimension (Spearman ρ: the two scales
have nothing in common but their order), and the contact score with the respondent's
index and with each one-question measure. Dimensions are matched by id: the five SERVQUAL
ids of the built-in rubrics and instruments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from sqaudit.model import ContactResult, InputNotice
from sqaudit.redact import redact
from sqaudit.stats import Estimate
from sqaudit.survey.model import Instrument, Response
from sqaudit.survey.reliability import Correlation, correlate
from sqaudit.survey.scores import answers, estimate, per_respondent
from sqaudit.survey.segments import Segment, segments

UNMATCHED_SHOWN = 10


@dataclass(frozen=True, slots=True)
class ContactLink:
    """What the join needs of a scored contact (not its findings: a month of contacts stays small)."""

    id: str
    agent: str | None
    team: str | None
    started_at: str | None
    score: float | None
    dimensions: tuple[tuple[str, float | None], ...]

    @classmethod
    def of(cls, result: ContactResult) -> ContactLink:
        return cls(result.id, result.agent, result.team, result.started_at, result.score, result.dimensions)


def enrich(responses: Sequence[Response], contacts: dict[str, ContactLink]) -> tuple[list[Response], int]:
    """Fill agent, team and date from the joined contact; (responses, rows whose agent disagreed)."""
    out, disagree = [], 0
    for r in responses:
        c = contacts.get(r.contact) if r.contact else None
        if c is None:
            out.append(r)
            continue
        if r.agent and c.agent and r.agent != c.agent:
            disagree += 1
        out.append(replace(r, agent=c.agent or r.agent, team=c.team or r.team, date=r.date or c.started_at))
    return out, disagree


@dataclass(frozen=True)
class LinkRow:
    key: str | None
    team: str | None
    contacts: int  # scored contacts of this agent/team in the batch
    surveyed: int  # of them, joined to a survey row
    score: Estimate  # transcript score, 0-100
    transcript: tuple[tuple[str, Estimate], ...]  # transcript dimension means, 0-100
    survey: Segment | None  # the survey figures of the same agent/team

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "team": self.team, "contacts": self.contacts, "surveyed_contacts": self.surveyed,
                "transcript_score": self.score.to_dict(),
                "transcript_dimensions": {d: e.to_dict() for d, e in self.transcript},
                "survey": None if self.survey is None else self.survey.to_dict()}


@dataclass(frozen=True)
class Linkage:
    rubric: dict[str, str]
    contacts: int
    rows_with_contact: int
    joined: int
    unmatched: tuple[str, ...]  # contact ids (redacted) of survey rows with no scored contact, first few
    unmatched_count: int
    duplicates: int  # survey rows for a contact already joined (only the first is correlated)
    agent_disagreements: int
    dimensions: tuple[tuple[str, Correlation], ...]  # transcript dimension score vs survey gap, per contact
    overall: tuple[tuple[str, Correlation], ...]  # contact score vs index / satisfaction / csat / nps / ces
    agents: tuple[LinkRow, ...]
    teams: tuple[LinkRow, ...]
    basis: str  # gap | perception

    def to_dict(self) -> dict[str, object]:
        return {"rubric": self.rubric, "contacts": self.contacts, "survey_rows_with_contact_id": self.rows_with_contact,
                "joined": self.joined, "unmatched": {"count": self.unmatched_count, "first": list(self.unmatched)},
                "duplicate_rows_for_a_contact": self.duplicates, "agent_disagreements": self.agent_disagreements,
                "basis": self.basis,
                "dimensions": {d: c.to_dict() for d, c in self.dimensions},
                "overall": {k: c.to_dict() for k, c in self.overall},
                "agents": [a.to_dict() for a in self.agents], "teams": [t.to_dict() for t in self.teams]}


def link(responses: Sequence[Response], contacts: dict[str, ContactLink], instrument: Instrument,
         rubric: dict[str, str], min_respondents: int, disagreements: int) -> tuple[Linkage, list[InputNotice]]:
    notices: list[InputNotice] = []
    seen: set[str] = set()
    pairs: list[tuple[Response, ContactLink]] = []
    unmatched: list[str] = []
    duplicates = 0
    for r in responses:
        if not r.contact:
            continue
        c = contacts.get(r.contact)
        if c is None:
            unmatched.append(redact(r.contact))
        elif r.contact in seen:
            duplicates += 1
            notices.append(InputNotice(r.source, f"contact {redact(r.contact)} already has a survey row: this one "
                                       "is counted in the survey but not correlated again"))
        else:
            seen.add(r.contact)
            pairs.append((r, c))
    a = answers([r for r, _ in pairs], instrument)
    p_dim = per_respondent(a.perception, a.members)
    with_gaps = instrument.has_expectations and not np.all(np.isnan(a.expectation))
    values = p_dim - per_respondent(a.expectation, a.members) if with_gaps else p_dim
    dims = []
    for j, d in enumerate(instrument.dimension_ids):
        transcript = np.array([_num(dict(c.dimensions).get(d)) for _, c in pairs], dtype=float)
        if any(d == name for c in contacts.values() for name, _ in c.dimensions):
            dims.append((d, correlate(transcript, values[:, j], "spearman")))
    score = np.array([_num(c.score) for _, c in pairs], dtype=float)
    overall = []
    if values.shape[1]:
        overall.append(("index", correlate(score, values.mean(axis=1), "spearman")))  # NaN unless complete
    for kind in instrument.singles:
        y = np.array([_num(r.single(kind)) for r, _ in pairs], dtype=float)
        overall.append((kind, correlate(score, y, "spearman")))
    rows = {by: _rows(by, responses, contacts, instrument, seen, min_respondents) for by in ("agent", "team")}
    linkage = Linkage(rubric, len(contacts), sum(1 for r in responses if r.contact), len(pairs),
                      tuple(sorted(set(unmatched))[:UNMATCHED_SHOWN]), len(unmatched), duplicates, disagreements,
                      tuple(dims), tuple(overall), rows["agent"], rows["team"],
                      "gap" if with_gaps else "perception")
    return linkage, notices


def _num(value: float | None) -> float:
    return np.nan if value is None else float(value)


def _rows(by: str, responses: Sequence[Response], contacts: dict[str, ContactLink], instrument: Instrument,
          surveyed: set[str], min_respondents: int) -> tuple[LinkRow, ...]:
    survey = {s.key: s for s in segments(responses, instrument, by, None, min_respondents)}
    grouped: dict[str | None, list[ContactLink]] = {}
    for c in contacts.values():
        grouped.setdefault(c.agent if by == "agent" else c.team, []).append(c)
    names = sorted({d for c in contacts.values() for d, _ in c.dimensions} & set(instrument.dimension_ids),
                   key=instrument.dimension_ids.index)
    out = []
    for key in sorted(set(grouped) | set(survey), key=lambda k: (k is None, k or "")):
        mine = grouped.get(key, [])
        teams = sorted({c.team for c in mine if c.team})
        out.append(LinkRow(
            key, (teams[0] if len(teams) == 1 else None) if by == "agent" else None, len(mine),
            sum(1 for c in mine if c.id in surveyed),
            estimate(np.array([_num(c.score) for c in mine], dtype=float), (0.0, 100.0)),
            tuple((d, estimate(np.array([_num(dict(c.dimensions).get(d)) for c in mine], dtype=float), (0.0, 100.0)))
                  for d in names),
            survey.get(key)))
    return tuple(out)


def contact_index(results: Iterable[ContactResult | ContactLink]) -> dict[str, ContactLink]:
    """Scored contacts by id (the first one wins when an id repeats)."""
    found: dict[str, ContactLink] = {}
    for result in results:
        found.setdefault(result.id, result if isinstance(result, ContactLink) else ContactLink.of(result))
    return found
