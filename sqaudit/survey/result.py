"""The finished survey analysis: :func:`analyse` turns read responses into a :class:`SurveyResult`.

Everything after this is presentation: every output format renders the same frozen result,
so the figures never differ between the terminal, JSON, CSV, Markdown, xlsx and HTML.
``to_dict`` is the ``survey`` JSON document (``schema_version`` 1): new keys may be added,
the ones here keep their names and meanings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from sqaudit import __version__
from sqaudit.model import ContactResult, InputNotice, InputProblem
from sqaudit.survey.linkage import ContactLink, Linkage, contact_index, enrich, link
from sqaudit.survey.load import FileInfo, SurveyData
from sqaudit.survey.model import Instrument
from sqaudit.survey.nps import CSAT, NPS, Mean, csat, nps, scale_mean
from sqaudit.survey.reliability import (
    Drivers,
    Flag,
    Reliability,
    drivers,
    flags,
    reliability,
)
from sqaudit.survey.scores import (
    TEST_NAME,
    DimensionScore,
    Index,
    ItemScore,
    answers,
    dimension_scores,
    index,
    item_scores,
    per_respondent,
)
from sqaudit.survey.segments import Segment, segments, single_values

SCHEMA_VERSION = 1
OUTCOMES = ("satisfaction", "csat", "nps")  # what "drives satisfaction" is measured against, first found


@dataclass(frozen=True)
class SurveySettings:
    pairwise: bool = False
    by: str | None = None  # agent | team | period | a column of the export
    period: str | None = None  # week | month (for by=period)
    min_respondents: int = 10
    language: str = "en"

    def to_dict(self) -> dict[str, object]:
        return {"pairwise": self.pairwise, "by": self.by, "period": self.period,
                "min_respondents": self.min_respondents, "language": self.language}


@dataclass(frozen=True)
class SurveyResult:
    instrument: Instrument
    settings: SurveySettings
    files: tuple[FileInfo, ...]
    rows: int
    respondents: int
    problems: tuple[InputProblem, ...]
    notices: tuple[InputNotice, ...]
    items: tuple[ItemScore, ...]
    dimensions: tuple[DimensionScore, ...]
    index: Index | None
    reliability: tuple[Reliability, ...]
    flags: tuple[Flag, ...]
    drivers: Drivers | None
    nps: NPS | None
    csat: CSAT | None
    ces: Mean | None
    satisfaction: Mean | None
    segments: tuple[Segment, ...]
    linkage: Linkage | None
    tool_version: str = __version__

    @property
    def skipped_rows(self) -> int:
        return self.rows - self.respondents

    @property
    def has_gaps(self) -> bool:
        return any(d.gap is not None for d in self.dimensions)

    def to_dict(self) -> dict[str, object]:
        i = self.instrument
        opt = (lambda x: None if x is None else x.to_dict())
        return {
            "schema_version": SCHEMA_VERSION, "document": "survey",
            "tool": {"name": "sqaudit", "version": self.tool_version},
            "instrument": {"id": i.id, "version": i.version, "title": i.title, "sha256": i.sha256,
                           "items": len(i.items), "dimensions": list(i.dimension_ids), "scale_reversed_items":
                           [item.id for item in i.items if item.reverse]},
            "settings": self.settings.to_dict(),
            "inputs": [f.to_dict() for f in self.files],
            "respondents": {"rows": self.rows, "used": self.respondents, "skipped": self.skipped_rows},
            "method": method_notes(self),
            "dimensions": [d.to_dict() for d in self.dimensions],
            "index": opt(self.index),
            "items": [it.to_dict() for it in self.items],
            "reliability": [r.to_dict() for r in self.reliability],
            "flags": [f.to_dict() for f in self.flags],
            "drivers": opt(self.drivers),
            "nps": opt(self.nps), "csat": opt(self.csat), "ces": opt(self.ces),
            "satisfaction": opt(self.satisfaction),
            "segments": {"by": self.settings.by, "rows": [s.to_dict() for s in self.segments]},
            "linkage": opt(self.linkage),
            "errors": [p.to_dict() for p in self.problems],
            "notices": [n.to_dict() for n in self.notices],
        }


def method_notes(result: SurveyResult) -> dict[str, str]:
    s = result.settings
    notes = {
        "means": "Student's t 95% interval, clipped to the scale",
        "shares": "Wilson 95% interval",
        "dimension_score": "per respondent, the mean of the dimension's items answered (at least half of them), "
                           "then averaged over respondents",
        "reliability": "Cronbach's alpha, " + ("pairwise-complete covariances" if s.pairwise
                                               else "listwise (respondents who answered every item of the scale)"),
        "nps": result.nps.method if result.nps else "Wald, variance of a difference of multinomial proportions",
    }
    if result.has_gaps:
        notes["gap_test"] = TEST_NAME
    return notes


def analyse(data: SurveyData, instrument: Instrument, settings: SurveySettings | None = None,
            contacts: Iterable[ContactResult | ContactLink] | None = None, rubric: dict[str, str] | None = None) -> SurveyResult:
    """The whole analysis of read survey data, joined to scored contacts when given."""
    settings = settings or SurveySettings()
    responses = list(data.responses)
    notices = list(data.notices)
    linkage = None
    if contacts is not None:
        index_by_id = contact_index(contacts)
        responses, disagreements = enrich(responses, index_by_id)
        linkage, noted = link(responses, index_by_id, instrument, rubric or {}, settings.min_respondents,
                              disagreements)
        notices.extend(noted)
    a = answers(responses, instrument)
    has_e = instrument.has_expectations and not np.all(np.isnan(a.expectation))
    bases = [("perception", a.perception)] + ([("expectation", a.expectation), ("gap", a.gap)] if has_e else [])
    rel = tuple(reliability(name, m, instrument, settings.pairwise) for name, m in bases) if instrument.items else ()
    singles = instrument.singles
    outcome = next((k for k in OUTCOMES if k in singles and single_values(responses, k)), None)
    found_drivers = None
    if outcome and instrument.items:
        y = np.array([np.nan if r.single(outcome) is None else r.single(outcome) for r in responses], dtype=float)
        p_dim = per_respondent(a.perception, a.members)
        gap_dim = p_dim - per_respondent(a.expectation, a.members) if has_e else None
        found_drivers = drivers(outcome, y, p_dim, gap_dim, instrument.dimension_ids)
    return SurveyResult(
        instrument=instrument, settings=settings, files=data.files, rows=data.rows, respondents=len(responses),
        problems=data.problems, notices=tuple(notices),
        items=item_scores(a, instrument) if instrument.items else (),
        dimensions=dimension_scores(a, instrument) if instrument.items else (),
        index=index(a, instrument) if instrument.items else None,
        reliability=rel, flags=flags(list(rel)), drivers=found_drivers,
        nps=nps(single_values(responses, "nps")) if "nps" in singles else None,
        csat=csat(single_values(responses, "csat"), singles["csat"]) if "csat" in singles else None,
        ces=scale_mean(single_values(responses, "ces"), singles["ces"]) if "ces" in singles else None,
        satisfaction=scale_mean(single_values(responses, "satisfaction"), singles["satisfaction"])
        if "satisfaction" in singles else None,
        segments=segments(responses, instrument, settings.by, settings.period, settings.min_respondents)
        if settings.by else (),
        linkage=linkage)
