"""regex — a regular expression must (or must never) match the speaker's turns.

For what phrase lists cannot say: an order number read back in a given shape, a ticket
reference ``[A-Z]{2}-\\d{6}``, "refund ... within N days". Patterns run on the *normalised*
turn text (case-folded, full-width forms folded, Traditional Chinese converted to
Simplified), so write them in lower case and Simplified Chinese.

Patterns are compiled with RE2 (google-re2), which runs in linear time: a catastrophic
pattern such as ``(a+)+$`` cannot stall a batch. Patterns are limited to 1,000 characters
and each turn to its first 20,000 characters. Backreferences and look-arounds are not
available in RE2; the rubric is refused, with the reason, if a pattern does not compile.

Options:
  pattern   the expression (required)
  mode      require (default): pass when it matches at least once;
            forbid: fail on every turn where it matches
  speaker   agent (default) | customer | any

Example:
  - id: TAN-02
    dimension: tangibles
    title: Gives a ticket reference
    kind: regex
    options: {pattern: '(ticket|reference|case|工单|单号)\\D{0,12}[a-z0-9-]{5,}'}
    points: 2
"""

from __future__ import annotations

from functools import lru_cache

import re2

from sqaudit.checks.base import ContactContext, Option, Pointer, Verdict, failed, is_speaker, not_applicable, passed
from sqaudit.rubric.model import Criterion

NAME = "regex"
PHRASES = "unused"
MAX_PATTERN = 1000
MAX_TEXT = 20_000


def _pattern_error(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if len(value) > MAX_PATTERN:
        return f"is longer than {MAX_PATTERN} characters"
    try:
        _compiled(value)
    except Exception as exc:  # re2 raises its own error type (and TypeError on odd input)
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        return f"does not compile under RE2: {detail}"
    return None


def _mode_error(value: object) -> str | None:
    return None if value in ("require", "forbid") else "must be require or forbid"


OPTIONS = {
    "pattern": Option("the regular expression (RE2 syntax, on normalised text)", None, _pattern_error, required=True),
    "mode": Option("require: must match; forbid: must never match", "require", _mode_error),
    "speaker": Option("whose turns are checked: agent, customer or any", "agent", is_speaker),
}


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re2._Regexp:  # type: ignore[name-defined]
    options = re2.Options()
    options.max_mem = 8 << 20
    options.log_errors = False  # the error is reported to the user as a rubric problem instead
    return re2.compile(pattern, options)


def check(criterion: Criterion, ctx: ContactContext) -> Verdict:
    speaker = str(criterion.options.get("speaker", "agent"))
    turns = range(len(ctx.normalized)) if speaker == "any" else ctx.turns_of(speaker)
    if not turns:
        return not_applicable(f"no {speaker} turns")
    regex = _compiled(str(criterion.options["pattern"]))
    matches: list[Pointer] = []
    for index in turns:
        found = regex.search(ctx.normalized[index][:MAX_TEXT])
        if found:
            matches.append(Pointer(index, found.start(), found.end()))
    forbid = criterion.options.get("mode") == "forbid"
    if forbid:
        return failed(f"matched in {len(matches)} turn(s)", matches[:3]) if matches else passed("never matched")
    return passed("matched", matches[:2]) if matches else failed("the pattern never matched")
