"""complaint — the customer is complaining (a detector, not a scored behaviour).

Decides whether the contact is a complaint, from the customer's side: the customer says
at least ``min_hits`` of the criterion's phrases ("I want to complain", "this is
unacceptable", "投诉", "太过分了"...). When it finds one, the contact's ``complaint`` flag
is true, the criterion's outcome is ``pass`` with the customer's words as evidence, and
every criterion with ``applies_when: {complaint_only: true}`` is evaluated. Otherwise the
outcome is ``not_applicable`` and complaint-only criteria are not applicable too.

A detector earns no points (``points`` defaults to 0 and must stay 0); it never changes
the score by itself.

Complaints are often implicit ("ordered two days ago, still no tracking number, useless"):
with ``sentiment: N`` a customer turn whose sentiment is N or lower also makes the contact a
complaint, scored with the lexicon of the ``sentiment`` kind (negative words -1, strong ones
such as "ridiculous" / "垃圾" -2, positive words +1/+2, summed per turn). The evidence is
then that turn's negative words.

Options:
  min_hits   complaint phrases needed (default 1)
  speaker    customer (default) | any
  sentiment  a turn at or below this sentiment is a complaint too (e.g. -2; off by default)

Example:
  - id: CMP-00
    dimension: reliability
    title: The customer complains
    kind: complaint
    phrases:
      en: ["i want to complain", "unacceptable", "speak to your manager"]
      zh: ["投诉", "太过分", "找你们领导"]
"""

from __future__ import annotations

from sqaudit.checks import sentiment
from sqaudit.checks.base import (
    ContactContext,
    Option,
    Verdict,
    is_positive_count,
    not_applicable,
    passed,
)
from sqaudit.rubric.model import Criterion

NAME = "complaint"
PHRASES = "required"
SPEAKER = "customer"
DETECTOR = True


def _speaker_error(value: object) -> str | None:
    return None if value in ("customer", "any") else "must be customer or any"


def _sentiment_error(value: object) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and -6 <= value <= -1
    return None if ok else "must be a whole number from -6 to -1"


OPTIONS = {
    "min_hits": Option("complaint phrases needed", 1, is_positive_count),
    "speaker": Option("whose turns count: customer or any", "customer", _speaker_error),
    "sentiment": Option("a turn at or below this sentiment counts as a complaint", None, _sentiment_error),
}


def extra_phrases(criterion: Criterion) -> dict[str, dict[str, list[str]]]:
    return sentiment.extra_phrases(criterion) if criterion.options.get("sentiment") is not None else {}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = criterion.options.get("speaker", "customer")
    hits = ctx.hits_for(criterion.id, None if speaker == "any" else "customer")
    need = int(criterion.options.get("min_hits") or 1)  # type: ignore[call-overload]
    if len(hits) >= need:
        said = sorted({h.phrase for h in hits})[:3]
        return passed(f"complaint: the customer said {', '.join(repr(p) for p in said)}", hits[:2])
    floor = criterion.options.get("sentiment")
    if floor is not None:
        scores, words = sentiment.polarity(criterion, ctx)
        allowed = None if speaker == "any" else set(ctx.customer_turns)
        for turn in sorted(scores):
            if scores[turn] <= floor and (allowed is None or turn in allowed):  # type: ignore[operator]
                negative = [h for h, weight in words[turn] if weight < 0]
                said = sorted({h.phrase for h in negative})[:3]
                return passed(f"complaint: the customer's sentiment is {scores[turn]:+d} "
                              f"({', '.join(repr(p) for p in said)})", negative[:3])
    return not_applicable("no complaint detected")
