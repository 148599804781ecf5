"""Lint rules about scoring: reachable maximum, critical criteria, dimensions, examples, coaching text."""

from __future__ import annotations

from collections.abc import Iterator

from sqaudit.checks import is_detector
from sqaudit.lint.context import Issue, LintContext, languages_of
from sqaudit.model import DIMENSIONS
from sqaudit.rubric.model import AppliesWhen


def unreachable_maximum(ctx: LintContext) -> Iterator[Issue]:
    """L001 (error): the score the rubric promises cannot be reached.

    Every scored criterion has 0 points (no contact ever gets a score); every dimension weight
    is 0; or a dimension is given a weight > 0 but all its criteria have 0 points, so the
    dimension is never measured and its weight silently drops out of the mean.
    Fix: give the criteria points, or remove the weight.
    """
    scored = [c for c in ctx.rubric.criteria if not is_detector(c.kind)]
    if scored and not any(c.points > 0 for c in scored):
        yield Issue(("criteria",), "every scored criterion has 0 points: no contact can ever get a score",
                    "give the criteria 'points' > 0", key=True)
    weights = ctx.rubric.dimension_weights
    if not weights:
        return
    measured = {c.dimension for c in scored if c.points > 0}
    if measured and all(weights.get(d, 1.0) == 0 for d in measured):
        yield Issue(("dimensions",), "every measured dimension has weight 0: the weighted mean is never defined",
                    "give at least one dimension a weight > 0", key=True)
    for dimension, weight in weights.items():
        mine = [c for c in scored if c.dimension == dimension]
        if weight > 0 and mine and not any(c.points > 0 for c in mine):
            yield Issue(("dimensions", dimension), f"dimension '{dimension}' has weight {weight:g} but all its "
                        f"{len(mine)} criteria have 0 points: it is never measured",
                        "give its criteria points, or set its weight to 0", key=True)


def critical_can_hide(ctx: LintContext) -> Iterator[Issue]:
    """L002 (warning; error when it can never apply): a critical criterion that can quietly not apply.

    A ``fail_contact`` / ``fail_section`` criterion guards something that must never happen
    (a data leak, buck-passing). If ``applies_when`` narrows it (channel, language, complaints
    only, a minimum of turns) the guard is off for every other contact, and ``na_policy: pass``
    turns "could not be checked" into a pass. It is an error when the criterion is for
    complaints only and the rubric has no complaint detector: then it never applies at all.
    Fix: drop the restriction, or make the criterion non-critical.
    """
    has_detector = any(is_detector(c.kind) for c in ctx.rubric.criteria)
    for c in ctx.rubric.criteria:
        if not c.critical:
            continue
        if c.applies_when.complaint_only and not has_detector:
            yield Issue(ctx.at(c, "applies_when", "complaint_only"), f"critical criterion {c.id} is for complaints "
                        "only but the rubric has no complaint detector: it never applies", "add a 'complaint' "
                        "criterion, or drop complaint_only", severity="error")
        elif c.applies_when != AppliesWhen():
            narrowed = [k for k, v in c.applies_when.to_dict().items() if v not in (None, False, 0)]
            yield Issue(ctx.at(c, "applies_when"), f"critical criterion {c.id} ({c.critical}) applies only when "
                        f"{', '.join(narrowed)} match: a failure elsewhere goes unseen",
                        "remove applies_when, or make the criterion non-critical", key=True)
        if c.na_policy == "pass":
            yield Issue(ctx.at(c, "na_policy"), f"critical criterion {c.id} ({c.critical}) counts 'not applicable' "
                        "as a pass", "use na_policy: exclude (the default)")


def dimension_without_criterion(ctx: LintContext) -> Iterator[Issue]:
    """L006 (warning): a SERVQUAL dimension no scored criterion measures.

    Only when the rubric means to cover the model: it gives dimension weights, or uses at
    least three of the five dimensions. A missing dimension is left out of every contact's
    score, and reports show it as never measured.
    Fix: add a criterion for it, or give it weight 0 to say the gap is intended.
    """
    weights = ctx.rubric.dimension_weights or {}
    used = {c.dimension for c in ctx.rubric.criteria if not is_detector(c.kind)}
    if not weights and len(used) < 3:
        return
    for dimension in DIMENSIONS:
        if dimension not in used and weights.get(dimension, 1.0) > 0:
            where = ("dimensions", dimension) if dimension in weights else ("dimensions",) if weights else ("criteria",)
            yield Issue(where, f"SERVQUAL dimension '{dimension}' has no criterion",
                        f"add a criterion with dimension: {dimension}, or give it weight 0", key=True)


def missing_examples(ctx: LintContext) -> Iterator[Issue]:
    """L007 (warning): a scored criterion without a pass example or without a fail example.

    Examples are the criterion's tests (``sqaudit rubric test`` runs them) and show reviewers
    what it means; one of each is the minimum that shows the criterion can both pass and fail.
    """
    for c in ctx.scored():
        missing = [w for w, have in (("pass", c.examples_pass), ("fail", c.examples_fail)) if not have]
        if missing:
            yield Issue(ctx.at(c, "examples"), f"{c.id} has no {' and no '.join(missing)} example",
                        "add examples: {pass: [...], fail: [...]} as 'Agent: ...' / 'Customer: ...' lines", key=True)


def missing_say_instead(ctx: LintContext) -> Iterator[Issue]:
    """L010 (warning): a scored criterion without ``say_instead``, or without it for a declared language.

    Trainers show ``say_instead`` next to every missed criterion in coaching scorecards; without
    it in the agent's language the scorecard says what went wrong but not what to say.
    A plain string (not a mapping) serves every language.
    """
    for c in ctx.scored():
        if not c.say_instead:
            yield Issue(ctx.base(c), f"{c.id} has no say_instead", "add say_instead: {en: ..., zh: ...}")
        elif "*" not in c.say_instead:
            for lang in languages_of(ctx.rubric, c):
                if lang not in c.say_instead:
                    yield Issue(ctx.at(c, "say_instead"), f"{c.id} has no say_instead for declared language "
                                f"'{lang}'", f"add say_instead.{lang}", key=True)


RULES = {
    "L001": ("error", unreachable_maximum),
    "L002": ("warning", critical_can_hide),
    "L006": ("warning", dimension_without_criterion),
    "L007": ("warning", missing_examples),
    "L010": ("warning", missing_say_instead),
}
