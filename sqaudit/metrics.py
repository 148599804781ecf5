"""Timing figures of one contact, computed once and shared by the checks and the outputs.

Every figure is None when the turns it needs carry no times: a missing number is never
made up. Times are seconds from the contact's start (ARCHITECTURE §4.1).
"""

from __future__ import annotations

from sqaudit.model import Transcript, Turn

HOLD_MIN_S = 15.0  # a gap after an agent turn at least this long on a call counts as hold
INTERRUPTION_MIN_OVERLAP_S = 0.5


def _end(turn: Turn) -> float | None:
    return turn.end if turn.end is not None else turn.start


def contact_metrics(transcript: Transcript) -> dict[str, float | None]:
    turns = transcript.turns
    timed = bool(turns) and all(t.start is not None for t in turns)
    out: dict[str, float | None] = {
        "first_response_s": None, "longest_silence_s": None, "total_hold_s": None, "handle_time_s": None,
    }
    if not timed:
        return out
    ends = [e for e in (_end(t) for t in turns) if e is not None]
    out["handle_time_s"] = max(ends) - min(t.start for t in turns if t.start is not None)
    out["first_response_s"] = first_response(turns)
    waits = agent_waits(turns)
    out["longest_silence_s"] = max(waits.values()) if waits else None
    if transcript.channel == "call":
        out["total_hold_s"] = total_hold(turns)
    return out


def first_response(turns: tuple[Turn, ...]) -> float | None:
    """Agent's first start minus the end of the customer turn before it (or the contact's start)."""
    since = 0.0
    for turn in turns:
        if turn.speaker == "agent":
            return max(0.0, (turn.start or 0.0) - since)
        if turn.speaker == "customer":
            since = _end(turn) or 0.0
    return None


def agent_waits(turns: tuple[Turn, ...]) -> dict[int, float]:
    """Agent turn index -> how long the customer waited for it (agent turns that answer someone)."""
    waits = {}
    for i in range(1, len(turns)):
        before, after = turns[i - 1], turns[i]
        if after.speaker == "agent" and before.speaker != "agent" and after.start is not None:
            waits[i] = max(0.0, after.start - (_end(before) or 0.0))
    return waits


def total_hold(turns: tuple[Turn, ...]) -> float:
    """Sum of the gaps of at least HOLD_MIN_S that follow an agent turn (dead air or hold)."""
    total = 0.0
    for before, after in zip(turns, turns[1:]):
        gap = (after.start or 0.0) - (_end(before) or 0.0)
        if before.speaker == "agent" and gap >= HOLD_MIN_S:
            total += gap
    return total


def interruptions(turns: tuple[Turn, ...], min_overlap: float = INTERRUPTION_MIN_OVERLAP_S) -> list[int] | None:
    """Indices of agent turns that start before the customer turn before them ended."""
    pairs = [(i, b, a) for i, (b, a) in enumerate(zip(turns, turns[1:]), start=1)
             if b.speaker == "customer" and a.speaker == "agent"]
    if not pairs or any(b.end is None or a.start is None for _, b, a in pairs):
        return None
    return [i for i, b, a in pairs if (b.end or 0.0) - (a.start or 0.0) >= min_overlap]
