"""complaint — the customer is complaining (a detector, not a scored behaviour).

Decides whether the contact is a complaint, from the customer's side: the customer says
at least ``min_hits`` of the criterion's phrases ("I want to complain", "this is
unacceptable", "投诉", "太过分了"...). When it finds one, the contact's ``complaint`` flag
is true, the criterion's outcome is ``pass`` with the customer's words as evidence, and
every criterion with ``applies_when: {complaint_only: true}`` is evaluated. Otherwise the
outcome is ``not_applicable`` and complaint-only criteria are not applicable too.

A detector earns no points (``points`` defaults to 0 and must stay 0); it never changes
the score by itself.

Options:
  min_hits   complaint phrases needed (default 1)
  speaker    customer (default) | any

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

from sqaudit.checks.base import ContactContext, Option, Verdict, is_positive_count, not_applicable, passed
from sqaudit.rubric.model import Criterion

NAME = "complaint"
PHRASES = "required"
SPEAKER = "customer"
DETECTOR = True


def _speaker_error(value: object) -> str | None:
    return None if value in ("customer", "any") else "must be customer or any"


OPTIONS = {
    "min_hits": Option("complaint phrases needed", 1, is_positive_count),
    "speaker": Option("whose turns count: customer or any", "customer", _speaker_error),
}


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = criterion.options.get("speaker", "customer")
    hits = ctx.hits_for(criterion.id, None if speaker == "any" else "customer")
    need = int(criterion.options.get("min_hits") or 1)  # type: ignore[call-overload]
    if len(hits) >= need:
        said = sorted({h.phrase for h in hits})[:3]
        return passed(f"complaint: the customer said {', '.join(repr(p) for p in said)}", hits[:2])
    return not_applicable("no complaint detected")
