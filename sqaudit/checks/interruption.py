"""interruption — the agent lets the customer finish.

An interruption is an agent turn that starts while the customer's previous turn is still
going, by at least ``min_overlap`` seconds. Seed 003: "calm tone, let the customer vent
without interrupting". Needs both the customer turns' ``end`` and the agent turns'
``start``; without them the criterion is not applicable (typical of chats).

Options:
  min_overlap   seconds of overlap that count as an interruption (default 0.5)
  max_count     interruptions tolerated before it fails (default 0)

Example:
  - id: EMP-04
    dimension: empathy
    title: Does not interrupt the customer
    kind: interruption
    applies_when: {channel: [call]}
    options: {min_overlap: 1.0}
    points: 2
"""

from __future__ import annotations

from sqaudit.checks.base import ContactContext, Option, Pointer, Verdict, failed, is_count, is_seconds, not_applicable, passed
from sqaudit.checks.base import parse_duration
from sqaudit.metrics import INTERRUPTION_MIN_OVERLAP_S, interruptions
from sqaudit.rubric.model import Criterion

NAME = "interruption"
PHRASES = "unused"
OPTIONS = {
    "min_overlap": Option("seconds of overlap that count", INTERRUPTION_MIN_OVERLAP_S, is_seconds),
    "max_count": Option("interruptions tolerated before failing", 0, is_count),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    overlap = parse_duration(criterion.options.get("min_overlap", INTERRUPTION_MIN_OVERLAP_S))
    found = interruptions(ctx.transcript.turns, overlap if overlap is not None else INTERRUPTION_MIN_OVERLAP_S)
    if found is None:
        return not_applicable("no customer turn ends / agent turn starts to compare")
    tolerated = int(criterion.options.get("max_count") or 0)  # type: ignore[call-overload]
    if len(found) > tolerated:
        return failed(f"interrupted the customer {len(found)} time(s)", [Pointer(i) for i in found[:3]])
    return passed("never interrupted the customer" if not found else f"{len(found)} interruption(s), tolerated")
