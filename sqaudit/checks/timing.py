"""timing — how fast and how continuously the customer was served.

Measures one timing figure of the contact and compares it with a threshold that can differ
per channel (seconds on a call, minutes in chat, hours by e-mail — the source documents
expect a first response within 30 minutes in chat and 24 hours for a complaint ticket).
When the turns carry no times, or the rubric sets no threshold for the contact's channel,
the criterion is not applicable: a missing number is never made up.

Metrics (all in seconds, also written to every contact's ``metrics``):
  first_response   the agent's first turn minus the end of the customer turn before it
                   (or the contact's start when the agent speaks first)
  longest_silence  the longest the customer waited for an agent turn that answered them
  total_hold       calls only: the sum of gaps of 15 s or more after an agent turn
  handle_time      last end minus first start

Options:
  metric   first_response | longest_silence | total_hold | handle_time (required)
  max      a duration ("30s", "2min", "24h", or a number of seconds), or a mapping
           channel -> duration with an optional ``default`` (required)

Example:
  - id: RES-01
    dimension: responsiveness
    title: Answers promptly
    kind: timing
    options:
      metric: first_response
      max: {call: 10s, chat: 2min, email: 24h, default: 30min}
    points: 3
"""

from __future__ import annotations

from sqaudit.checks.base import (ContactContext, Option, Pointer, Verdict, failed, format_seconds,
                                 is_per_channel_duration, not_applicable, passed, per_channel)
from sqaudit.errors import did_you_mean
from sqaudit.metrics import agent_waits
from sqaudit.rubric.model import Criterion

NAME = "timing"
PHRASES = "unused"
METRICS = ("first_response", "longest_silence", "total_hold", "handle_time")


def _metric_error(value: object) -> str | None:
    if value in METRICS:
        return None
    hint = did_you_mean(str(value), METRICS)
    return f"must be one of {', '.join(METRICS)}" + (f" ({hint})" if hint else "")


OPTIONS = {
    "metric": Option("which figure: " + ", ".join(METRICS), None, _metric_error, required=True),
    "max": Option("the largest acceptable value, or a mapping channel -> value", None, is_per_channel_duration,
                  required=True),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    metric = str(criterion.options["metric"])
    value = ctx.metrics.get(f"{metric}_s")
    if value is None:
        timed = ctx.metrics.get("handle_time_s") is not None
        return not_applicable("total hold is measured on calls only" if timed
                              else f"{metric.replace('_', ' ')} unknown: the turns carry no times")
    limit = per_channel(criterion.options["max"], ctx.transcript.channel)
    if limit is None:
        channel = ctx.transcript.channel or "unknown (set the contact's channel)"
        return not_applicable(f"no {metric.replace('_', ' ')} threshold for channel {channel}")
    label = f"{metric.replace('_', ' ')} {format_seconds(value)} (max {format_seconds(limit)})"
    return passed(label) if value <= limit else failed(label, _late_turn(metric, ctx))


def _late_turn(metric: str, ctx: ContactContext) -> list[Pointer]:
    """Point at the agent turn that came late, where one can be named."""
    if metric == "first_response" and ctx.agent_turns:
        return [Pointer(ctx.agent_turns[0])]
    if metric == "longest_silence":
        waits = agent_waits(ctx.transcript.turns)
        if waits:
            return [Pointer(max(waits, key=lambda i: (waits[i], -i)))]
    return []
