"""What every criterion kind sees and returns.

A kind is a module with ``NAME``, ``OPTIONS`` (a dict of :class:`Option`), ``PHRASES``
(whether the criterion's ``phrases`` are required, optional or unused), optionally ``SPEAKER``
(whose turns it reads when the criterion sets no ``speaker``; agent if absent) and ``check(criterion, ctx) -> Verdict``; optionally
``extra_phrases(criterion) -> {owner key: {language: [phrases]}}`` for phrases of its own
(inline steps, built-in lexicons), matched in the same single pass as the rubric's. Its docstring is
its documentation. Kinds never look at YAML, never format, never redact: they point at
turns, and the engine turns those pointers into redacted evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqaudit.model import Outcome, Transcript

if TYPE_CHECKING:
    from sqaudit.rubric.model import Criterion

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
                 "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
                 "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
                 "d": 86400, "day": 86400, "days": 86400}


def parse_duration(value: object) -> float | None:
    """``45`` / ``"45s"`` / ``"2 min"`` / ``"24h"`` -> seconds; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value >= 0 else None
    if isinstance(value, str):
        match = DURATION.match(value.lower())
        if match:
            return float(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"]
    return None


def format_seconds(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    if seconds >= 120:
        return f"{seconds / 60:.1f} min"
    return f"{seconds:.1f} s"


@dataclass(frozen=True, slots=True)
class Option:
    """One kind option: its type check, default and documentation."""

    doc: str
    default: object = None
    check: Callable[[object], str | None] | None = None  # returns an error message or None
    required: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found in a turn; ``start``/``end`` index the turn's normalised text."""

    turn: int
    start: int
    end: int
    phrase: str


@dataclass(frozen=True, slots=True)
class Pointer:
    """A turn (and optionally a span in its normalised text) that a verdict rests on."""

    turn: int
    start: int | None = None
    end: int | None = None


@dataclass
class ContactContext:
    transcript: Transcript
    language: str  # resolved BCP-47 tag
    family: str  # en | zh | ...
    normalized: Sequence[str]  # per turn, see sqaudit.text.normalize
    hits: dict[str, list[Hit]]  # owner key (criterion id, or id#step) -> hits in turn order
    metrics: dict[str, float | None]
    complaint: bool = False
    criteria: Mapping[str, Criterion] = field(default_factory=dict)  # the rubric's criteria by id
    redacted: dict[int, str] = field(default_factory=dict)  # turn -> redacted text, filled as quotes need it
    agent_turns: list[int] = field(default_factory=list)
    customer_turns: list[int] = field(default_factory=list)

    def hits_for(self, owner: str, speaker: str | None) -> list[Hit]:
        found = self.hits.get(owner, ())
        if speaker is None:
            return list(found)
        turns = self.transcript.turns
        return [h for h in found if turns[h.turn].speaker == speaker]

    def turns_of(self, speaker: str) -> list[int]:
        if speaker == "agent":
            return self.agent_turns
        if speaker == "customer":
            return self.customer_turns
        return [i for i, t in enumerate(self.transcript.turns) if t.speaker == speaker]


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    message: str
    evidence: tuple[Pointer | Hit, ...] = ()


def passed(message: str, evidence: Sequence[Pointer | Hit] = ()) -> Verdict:
    return Verdict(Outcome.PASS, message, tuple(evidence))


def failed(message: str, evidence: Sequence[Pointer | Hit] = ()) -> Verdict:
    return Verdict(Outcome.FAIL, message, tuple(evidence))


def not_applicable(message: str) -> Verdict:
    return Verdict(Outcome.NOT_APPLICABLE, message)


def speaker_name(criterion: Criterion) -> str:
    """agent, customer or any: the criterion's ``speaker`` option, else its kind's ``SPEAKER``."""
    from sqaudit.checks import KINDS  # the registry imports this module

    return str(criterion.options.get("speaker", getattr(KINDS.get(criterion.kind), "SPEAKER", "agent")))


def speaker_of(criterion: Criterion) -> str | None:
    """Whose turns a criterion looks at (see :func:`speaker_name`); None = anyone."""
    speaker = speaker_name(criterion)
    return None if speaker == "any" else speaker


# Option checkers: each returns an error message, or None when the value is fine.

def is_speaker(value: object) -> str | None:
    return None if value in ("agent", "customer", "any") else "must be agent, customer or any"


def is_count(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "must be a whole number >= 0"


def is_positive_count(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
    return None if ok else "must be a whole number >= 1"


def is_seconds(value: object) -> str | None:
    return None if parse_duration(value) is not None else "must be a duration such as 30, '30s', '2min' or '24h'"


def is_per_channel_duration(value: object) -> str | None:
    """A duration, or a mapping channel -> duration (with an optional ``default``)."""
    if isinstance(value, dict):
        from sqaudit.model import CHANNELS

        for key, item in value.items():
            if key not in CHANNELS and key != "default":
                return f"unknown channel '{key}' (channels: {', '.join(CHANNELS)}, default)"
            if parse_duration(item) is None:
                return f"{key}: must be a duration such as 30, '30s', '2min' or '24h'"
        return None
    return is_seconds(value)


def per_channel(value: object, channel: str | None) -> float | None:
    """The threshold for this channel, or None when the rubric sets none for it."""
    if isinstance(value, dict):
        chosen = value.get(channel or "other", value.get("default"))
        return None if chosen is None else parse_duration(chosen)
    return parse_duration(value)


def is_flag(value: object) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


# The turn window shared by the phrase-based kinds: which of the speaker's turns count.
WINDOW_OPTIONS = {
    "first": Option("only the speaker's first N turns count", None, is_count),
    "last": Option("only the speaker's last N turns count", None, is_count),
    "after_agent": Option("only turns after the agent's first turn count (the customer's reaction); "
                          "not applicable when there are none", False, is_flag),
}


def window(criterion: Criterion, ctx: ContactContext) -> list[int] | str:
    """The speaker's turn indices the criterion looks at, or the reason it does not apply."""
    speaker = speaker_of(criterion)
    turns = ctx.turns_of(speaker) if speaker else list(range(len(ctx.transcript.turns)))
    if criterion.options.get("after_agent"):
        if not ctx.agent_turns:
            return "no agent turns"
        turns = [i for i in turns if i > ctx.agent_turns[0]]
        if not turns:
            return f"no {speaker or 'turn'} after the agent's first turn"
    if not turns:
        return f"no {speaker} turns"
    first, last = criterion.options.get("first"), criterion.options.get("last")
    if first or last:
        chosen = set(turns[:first] if first else ()) | set(turns[-last:] if last else ())  # type: ignore[misc]
        turns = sorted(chosen)
    return turns


def window_hits(criterion: Criterion, ctx: ContactContext) -> list[Hit] | str:
    """The criterion's phrase hits inside its window, or the reason it does not apply."""
    options = criterion.options
    if not (options.get("first") or options.get("last") or options.get("after_agent")):
        speaker = speaker_of(criterion)  # the common case: every turn of the speaker counts
        if speaker and not ctx.turns_of(speaker):
            return f"no {speaker} turns"
        return ctx.hits_for(criterion.id, speaker)
    turns = window(criterion, ctx)
    if isinstance(turns, str):
        return turns
    allowed = set(turns)
    return [h for h in ctx.hits.get(criterion.id, ()) if h.turn in allowed]


def describe_window(criterion: Criterion) -> str:
    first, last = criterion.options.get("first"), criterion.options.get("last")
    parts = ([f"first {first}"] if first else []) + ([f"last {last}"] if last else [])
    scope = [f"in the {' or '.join(parts)} turns"] if parts else []
    scope += ["after the agent's first turn"] if criterion.options.get("after_agent") else []
    return f" ({', '.join(scope)})" if scope else ""
