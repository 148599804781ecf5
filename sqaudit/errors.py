"""Errors that carry where the problem is and how to fix it.

Two families: a bad rubric (or config) is refused whole, with every problem listed as
``path:line:col: key.path: message (hint)``; a bad input line is an :class:`InputError`
that the batch records and moves past.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


class SqauditError(Exception):
    """Base for errors the user can fix; anything else reaching the CLI is a bug (exit 3)."""


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    key_path: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        key = f" {self.key_path}:" if self.key_path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{key} {self.message}{hint}"


class RubricError(SqauditError):
    """A rubric or config that cannot be used; holds every problem found, sorted by place."""

    what = "rubric"  # named in "rubric refused: N problem(s)"

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message)))
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(SqauditError):
    """One unreadable file, line or contact. The batch records it and goes on."""

    def __init__(self, source: str, message: str, hint: str | None = None):
        self.source = source
        self.message = message
        self.hint = hint
        super().__init__(f"{source}: {message}")

    def __reduce__(self) -> tuple[object, ...]:  # crosses to and from worker processes (--jobs)
        return type(self), (self.source, self.message, self.hint)


class UsageError(SqauditError):
    """Arguments that make no sense together (exit 2)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """``did you mean 'weight'?`` for a near miss, else None."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
