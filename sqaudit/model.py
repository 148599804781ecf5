"""The data model: transcripts in, findings and contact results out.

Everything here is a frozen dataclass holding tuples, so a result can be shared between
formatters without anyone changing it underneath the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from sqaudit.redact import redact

SPEAKERS = ("agent", "customer", "system")
CHANNELS = ("call", "chat", "email", "social", "sms", "other")
DIMENSIONS = ("reliability", "assurance", "tangibles", "empathy", "responsiveness")


def _by_position(self: object) -> tuple[object, ...]:
    """Pickle a frozen slotted dataclass as its constructor call: about twice as fast as the
    default slot-by-slot state, and results cross between processes in bulk (--jobs)."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)  # type: ignore[attr-defined]


class Outcome(str, Enum):
    """What a criterion concluded for one contact (soda-core's NOT_EVALUATED idea)."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: str  # agent | customer | system
    text: str
    start: float | None = None  # seconds from the contact's start
    end: float | None = None
    line: int | None = None  # line in the source file, for error messages and annotations

    __reduce__ = _by_position


@dataclass(frozen=True, slots=True)
class Transcript:
    id: str
    turns: tuple[Turn, ...]
    agent: str | None = None
    team: str | None = None
    channel: str | None = None
    language: str | None = None
    started_at: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    source: str = ""  # "path:line" where the contact came from

    __reduce__ = _by_position


@dataclass(frozen=True, slots=True)
class Evidence:
    turn: int
    speaker: str
    quote: str  # already redacted
    start: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"turn": self.turn, "speaker": self.speaker, "start": self.start, "quote": self.quote}

    __reduce__ = _by_position


@dataclass(frozen=True, slots=True)
class Finding:
    """One criterion's verdict on one contact."""

    criterion_id: str
    dimension: str
    section: str | None
    outcome: Outcome
    points: float
    max_points: float
    message: str
    evidence: tuple[Evidence, ...] = ()
    say_instead: str | None = None
    critical: str | None = None
    assumed: bool = False  # not applicable, counted as pass/fail only by the criterion's na_policy

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.criterion_id,
            "dimension": self.dimension,
            "outcome": self.outcome.value,
            "points": _num(self.points),
            "max_points": _num(self.max_points),
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "section": self.section,
        }
        if self.critical:
            data["critical"] = self.critical
        if self.assumed:
            data["assumed"] = True
        if self.say_instead and self.outcome is Outcome.FAIL:
            data["say_instead"] = self.say_instead
        return data

    __reduce__ = _by_position


@dataclass(frozen=True, slots=True)
class ContactResult:
    id: str
    agent: str | None
    team: str | None
    channel: str | None
    language: str
    score: float | None
    passed: bool | None
    complaint: bool
    critical_failures: tuple[str, ...]
    dimensions: tuple[tuple[str, float | None], ...]
    findings: tuple[Finding, ...]
    metrics: tuple[tuple[str, float | None], ...] = ()
    source: str = ""
    started_at: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The §4.2 contract, field by field, in its order."""
        return {
            "id": self.id,
            "agent": self.agent,
            "team": self.team,
            "channel": self.channel,
            "language": self.language,
            "score": _round(self.score),
            "passed": self.passed,
            "complaint": self.complaint,
            "critical_failures": list(self.critical_failures),
            "dimensions": {name: _round(value) for name, value in self.dimensions},
            "criteria": [f.to_dict() for f in self.findings],
            "metrics": {name: _round(value) for name, value in self.metrics},
            "source": self.source,
            "started_at": self.started_at,
        }

    __reduce__ = _by_position


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An unreadable file, line or contact: reported, never fatal to the batch."""

    source: str  # "path:line"
    message: str
    hint: str | None = None

    def __post_init__(self) -> None:
        # a message or hint may quote the bad line or cell ("unknown speaker '13800138000'"),
        # and every output shows it: masked here, once, whoever reports the problem
        object.__setattr__(self, "message", redact(self.message))
        object.__setattr__(self, "hint", None if self.hint is None else redact(self.hint))

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"source": self.source, "message": self.message}
        if self.hint:
            data["hint"] = self.hint
        return data

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" + (f" (hint: {self.hint})" if self.hint else "")


@dataclass(frozen=True, slots=True)
class InputNotice:
    """Something a reader assumed that the user should know: a guessed encoding, a guessed speaker.

    Not a problem (the contact is scored), but never made silently."""

    source: str  # "path" or "path:line"
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", redact(self.message))  # it may name a speaker or a value

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "message": self.message}

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class RunHeader:
    """What produced a run: written at the top of every output so a score can be traced."""

    tool_version: str
    rubric_id: str
    rubric_version: str
    rubric_sha256: str
    rubric_title: str
    policy: dict[str, object] = field(default_factory=dict)
    provenance: dict[str, object] = field(default_factory=dict)  # inputs and options, see sqaudit.provenance


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)
