"""The survey per agent, team, period or any other column of the export (``--by``).

Each segment gets the same figures as the whole survey, each with its own n: dimension gaps
(perceptions when the instrument asks no expectations), the SERVQUAL or SERVPERF index, NPS,
CSAT, CES and overall satisfaction. A segment with fewer respondents than
``min_respondents`` is marked insufficient: shown, never a verdict. Segments are listed worst
index first (then by key), the ones without an index last.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from sqaudit.groups import period_of
from sqaudit.stats import Estimate
from sqaudit.survey.model import Instrument, Response
from sqaudit.survey.nps import CSAT, NPS, Mean, csat, nps, scale_mean
from sqaudit.survey.scores import answers, estimate, per_respondent, span

FIXED = ("agent", "team", "period")


@dataclass(frozen=True)
class Segment:
    key: str | None
    team: str | None  # the team most of an agent's rows name
    respondents: int
    basis: str  # gap | perception | none (an instrument without items)
    dimensions: tuple[tuple[str, Estimate], ...]
    index: Estimate | None
    nps: NPS | None
    csat: CSAT | None
    ces: Mean | None
    satisfaction: Mean | None
    insufficient: bool

    def dimension(self, name: str) -> Estimate | None:
        return dict(self.dimensions).get(name)

    def to_dict(self) -> dict[str, object]:
        opt = (lambda x: None if x is None else x.to_dict())
        return {"key": self.key, "team": self.team, "respondents": self.respondents, "basis": self.basis,
                "dimensions": {d: e.to_dict() for d, e in self.dimensions}, "index": opt(self.index),
                "nps": opt(self.nps), "csat": opt(self.csat), "ces": opt(self.ces),
                "satisfaction": opt(self.satisfaction), "insufficient_evidence": self.insufficient}


def key_function(by: str, period: str | None) -> Callable[[Response], str | None]:
    if by == "agent":
        return lambda r: r.agent
    if by == "team":
        return lambda r: r.team
    if by == "period":
        return lambda r: period_of(r.date, period or "month")
    return lambda r: r.meta(by)


def single_values(responses: Sequence[Response], kind: str) -> list[float]:
    return [v for r in responses for v in (r.single(kind),) if v is not None]


def segment(key: str | None, responses: Sequence[Response], instrument: Instrument, min_respondents: int) -> Segment:
    a = answers(responses, instrument)
    low, high = span(instrument) if instrument.items else (0.0, 0.0)
    p_dim = per_respondent(a.perception, a.members)
    with_gaps = instrument.has_expectations and not np.all(np.isnan(a.expectation))
    if with_gaps:
        values = p_dim - per_respondent(a.expectation, a.members)
        bounds = (low - high, high - low)
    else:
        values, bounds = p_dim, (low, high)
    dims = tuple((d, estimate(values[:, j], bounds)) for j, d in enumerate(instrument.dimension_ids))
    complete = ~np.isnan(values).any(axis=1) if values.shape[1] else np.zeros(len(responses), dtype=bool)
    index = estimate(values[complete].mean(axis=1), bounds) if values.shape[1] else None
    singles = instrument.singles
    teams = Counter(r.team for r in responses if r.team)
    return Segment(
        key, min(teams.items(), key=lambda kv: (-kv[1], kv[0]))[0] if teams else None, len(responses),
        ("gap" if with_gaps else "perception") if instrument.items else "none", dims, index,
        nps(single_values(responses, "nps")) if "nps" in singles else None,
        csat(single_values(responses, "csat"), singles["csat"]) if "csat" in singles else None,
        scale_mean(single_values(responses, "ces"), singles["ces"]) if "ces" in singles else None,
        scale_mean(single_values(responses, "satisfaction"), singles["satisfaction"])
        if "satisfaction" in singles else None,
        len(responses) < min_respondents)


def segments(responses: Sequence[Response], instrument: Instrument, by: str, period: str | None,
             min_respondents: int) -> tuple[Segment, ...]:
    key_of = key_function(by, period)
    buckets: dict[str | None, list[Response]] = {}
    for response in responses:
        buckets.setdefault(key_of(response), []).append(response)
    found = [segment(key, rows, instrument, min_respondents) for key, rows in buckets.items()]
    return tuple(sorted(found, key=order))


def order(s: Segment) -> tuple[bool, float, bool, str]:
    """Worst first, on the index when there are items, else on NPS, else on CSAT; no figure last."""
    if s.basis != "none":
        value = s.index.value if s.index is not None else None
    else:
        value = s.nps.score if s.nps is not None else s.csat.mean.value if s.csat is not None else None
    return (value is None, value if value is not None else 0.0, s.key is None, s.key or "")
