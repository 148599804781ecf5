"""A validated rubric: frozen, complete, and free of YAML details."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

NA_POLICIES = ("exclude", "pass", "fail")
CRITICAL_LEVELS = ("fail_contact", "fail_section")


@dataclass(frozen=True, slots=True)
class AppliesWhen:
    channels: tuple[str, ...] | None = None
    languages: tuple[str, ...] | None = None  # language families: en, zh, ...
    complaint_only: bool = False
    min_turns: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"channel": list(self.channels) if self.channels else None,
                "language": list(self.languages) if self.languages else None,
                "complaint_only": self.complaint_only, "min_turns": self.min_turns}


@dataclass(frozen=True)
class Criterion:
    id: str
    dimension: str
    title: str
    kind: str
    points: float
    description: str = ""
    section: str | None = None
    options: Mapping[str, object] = field(default_factory=dict)
    applies_when: AppliesWhen = AppliesWhen()
    na_policy: str = "exclude"
    critical: str | None = None
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # language family -> phrases
    say_instead: Mapping[str, str] = field(default_factory=dict)
    examples_pass: tuple[str, ...] = ()
    examples_fail: tuple[str, ...] = ()
    line: int = 0  # where it is defined, for lint and test reports
    raw: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)
    titles: Mapping[str, str] = field(default_factory=dict)  # language family (or "*") -> title

    def title_for(self, language: str) -> str:
        family = language.split("-")[0].lower()  # "zh-Hant" and "zh-CN" are zh
        return self.titles.get(family) or self.titles.get("*") or self.title

    def say_instead_for(self, family: str) -> str | None:
        return self.say_instead.get(family) or self.say_instead.get("*") or next(iter(self.say_instead.values()), None)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Rubric:
    id: str
    version: str
    title: str
    criteria: tuple[Criterion, ...]
    description: str = ""
    languages: tuple[str, ...] = ("en", "zh")
    dimension_weights: Mapping[str, float] | None = None  # None: overall = earned / possible points
    sections: tuple[Section, ...] = ()
    pass_score: float = 80.0
    min_contacts: int = 10
    source: str = ""
    sha256: str = ""

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def policy(self) -> dict[str, object]:
        """The scoring policy in force, written into every output."""
        return {
            "overall": "weighted mean of dimension scores" if self.dimension_weights
            else "points earned / points possible over applicable criteria",
            "dimension_weights": dict(self.dimension_weights) if self.dimension_weights else None,
            "not_applicable": "leaves the denominator unless the criterion's na_policy says pass or fail",
            "fail_contact": "a failed fail_contact criterion sets the score to 0 and passed to false",
            "fail_section": "a failed fail_section criterion zeroes every criterion of its section",
            "pass_score": self.pass_score,
            "passed": f"score >= {self.pass_score:g} and no fail_contact failure",
        }
