"""The finished agreement report: frozen, and the only thing the output formats see.

``AgreementReport.to_dict`` is the ``agreement`` JSON document (``schema_version`` 1,
``"document": "agreement"``): new keys may be added, these keep their names and meanings.
Every κ / α / ρ / difference is ``{"value", "ci95": [low, high], "n"}``; intervals are 95 %
percentile bootstrap intervals over contacts (see :mod:`sqaudit.agreement.kappa`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqaudit import __version__
from sqaudit.agreement.kappa import Stat
from sqaudit.model import InputNotice, InputProblem

SCHEMA_VERSION = 1
NA_MODES = {"exclude": "N/A excluded: a contact counts for a criterion only where the raters gave pass or fail; "
                       "N/A against pass/fail is counted apart as an applicability disagreement",
            "category": "N/A is a third category beside pass and fail"}


@dataclass(frozen=True)
class Settings:
    na: str = "exclude"  # exclude | category
    bootstrap: int = 2000
    seed: int = 1
    min_kappa: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"na": self.na, "na_rule": NA_MODES[self.na], "bootstrap": self.bootstrap, "seed": self.seed,
                "interval": f"95% percentile bootstrap over contacts, {self.bootstrap} resamples, seed {self.seed}",
                "min_kappa": self.min_kappa}


def _r(x: float | None, places: int = 3) -> float | None:
    return None if x is None else round(x, places)


def _stat(s: Stat | None) -> dict[str, object] | None:
    return None if s is None else s.to_dict()


@dataclass(frozen=True)
class PairKappa:
    a: str
    b: str
    n: int
    observed: float | None
    kappa: Stat

    def to_dict(self) -> dict[str, object]:
        return {"raters": [self.a, self.b], "n": self.n, "observed_agreement": _r(self.observed),
                "kappa": self.kappa.to_dict()}


@dataclass(frozen=True)
class CriterionAgreement:
    criterion: str
    raters: tuple[str, ...]
    statistic: str  # cohen_kappa (two raters) | fleiss_kappa (three or more)
    n: int  # contacts the κ rests on
    observed: float | None  # share of agreeing pairs
    kappa: Stat
    alpha: Stat  # Krippendorff's α, nominal, every contact with two or more ratings
    pass_rate: float | None
    applicability_disagreements: int
    notes: tuple[str, ...]
    pairwise: tuple[PairKappa, ...]
    gate: str | None = None  # pass | fail | not_evaluated; None without --min-kappa

    def to_dict(self) -> dict[str, object]:
        return {"criterion": self.criterion, "raters": list(self.raters), "statistic": self.statistic, "n": self.n,
                "observed_agreement": _r(self.observed), "kappa": self.kappa.to_dict(),
                "krippendorff_alpha": self.alpha.to_dict(), "pass_rate": _r(self.pass_rate),
                "applicability_disagreements": self.applicability_disagreements, "notes": list(self.notes),
                "pairwise": [p.to_dict() for p in self.pairwise], "gate": self.gate}


@dataclass(frozen=True)
class PairAgreement:
    """Two raters over everything they share: κ pooled over criteria, and their contact scores."""

    a: str
    b: str
    units: int  # contact × criterion pairs both rated
    observed: float | None
    kappa: Stat
    score_n: int
    spearman: Stat | None
    mean_abs_diff: Stat | None
    mean_diff: Stat | None  # a − b

    def to_dict(self) -> dict[str, object]:
        return {"raters": [self.a, self.b], "units": self.units, "observed_agreement": _r(self.observed),
                "kappa_pooled": self.kappa.to_dict(), "score_n": self.score_n, "spearman": _stat(self.spearman),
                "mean_abs_diff": _stat(self.mean_abs_diff), "mean_diff": _stat(self.mean_diff)}


@dataclass(frozen=True)
class ScoreAgreement:
    raters: tuple[str, ...]
    alpha: Stat  # Krippendorff's α, interval metric
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"raters": list(self.raters), "krippendorff_alpha_interval": self.alpha.to_dict(),
                "notes": list(self.notes)}


@dataclass(frozen=True)
class RaterStanding:
    name: str
    source: str
    kind: str
    contacts: int
    criteria: int
    shared: int  # contacts shared with at least one other rater
    mean_score: float | None
    others_score: float | None
    score_diff: Stat | None  # this rater − the others' mean, per shared contact
    pass_rate: float | None
    others_pass_rate: float | None
    pass_diff: Stat | None

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "source": self.source, "kind": self.kind, "contacts": self.contacts,
                "criteria": self.criteria, "shared_contacts": self.shared, "mean_score": _r(self.mean_score, 2),
                "others_mean_score": _r(self.others_score, 2), "score_vs_others": _stat(self.score_diff),
                "pass_rate": _r(self.pass_rate), "others_pass_rate": _r(self.others_pass_rate),
                "pass_rate_vs_others": _stat(self.pass_diff)}


@dataclass(frozen=True)
class Verdict:
    basis: str | None  # score | pass_rate
    strictest: str | None
    most_lenient: str | None
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"basis": self.basis, "strictest": self.strictest, "most_lenient": self.most_lenient,
                "message": self.message}


@dataclass(frozen=True)
class Coverage:
    contacts: tuple[tuple[str, int], ...]  # rater -> contacts rated
    only_theirs: tuple[tuple[str, int], ...]  # rater -> contacts no other rater rated
    shared_all: int
    shared_two: int  # contacts at least two raters rated
    partial_criteria: tuple[tuple[str, tuple[str, ...]], ...]  # criterion -> the raters who scored it

    def to_dict(self) -> dict[str, object]:
        return {"contacts": dict(self.contacts), "only_this_rater": dict(self.only_theirs),
                "shared_by_all": self.shared_all, "shared_by_two_or_more": self.shared_two,
                "criteria_not_scored_by_all": [{"criterion": c, "raters": list(r)} for c, r in self.partial_criteria]}


@dataclass(frozen=True)
class AgreementReport:
    settings: Settings
    raters: tuple[RaterStanding, ...]
    coverage: Coverage
    criteria: tuple[CriterionAgreement, ...]
    pairs: tuple[PairAgreement, ...]
    scores: ScoreAgreement | None
    verdict: Verdict
    problems: tuple[InputProblem, ...] = ()
    notices: tuple[InputNotice, ...] = ()

    @property
    def gate_failed(self) -> tuple[CriterionAgreement, ...]:
        return tuple(c for c in self.criteria if c.gate == "fail")

    @property
    def gate_unknown(self) -> tuple[CriterionAgreement, ...]:
        return tuple(c for c in self.criteria if c.gate == "not_evaluated")

    def to_dict(self) -> dict[str, object]:
        return {"schema_version": SCHEMA_VERSION, "document": "agreement",
                "tool": {"name": "sqaudit", "version": __version__}, "settings": self.settings.to_dict(),
                "raters": [r.to_dict() for r in self.raters], "coverage": self.coverage.to_dict(),
                "criteria": [c.to_dict() for c in self.criteria], "pairs": [p.to_dict() for p in self.pairs],
                "scores": None if self.scores is None else self.scores.to_dict(), "verdict": self.verdict.to_dict(),
                "notices": [n.to_dict() for n in self.notices], "errors": [p.to_dict() for p in self.problems]}
