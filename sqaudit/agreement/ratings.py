"""What one rater said: per contact, an optional score and an outcome per criterion.

A rater is a human reviewer (a CSV or xlsx review sheet) or sqaudit itself (a scored JSON
document or JSONL). Outcomes are ``pass``, ``fail`` or ``na`` (not applicable); a criterion a
rater left blank is simply absent. :class:`RaterBuilder` collects rows as they are read and
reports a contact × criterion rated twice with different outcomes (the first is kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqaudit.model import InputNotice, InputProblem

OUTCOMES = ("pass", "fail", "na")


@dataclass(frozen=True)
class ContactRating:
    contact: str
    source: str  # "path:line" (or "path:contacts[i]") where the contact was first seen
    score: float | None
    outcomes: tuple[tuple[str, str], ...]  # (criterion id, pass | fail | na), sorted by criterion

    def outcome(self, criterion: str) -> str | None:
        for cid, outcome in self.outcomes:
            if cid == criterion:
                return outcome
        return None


@dataclass(frozen=True)
class Rater:
    name: str
    source: str  # the file
    kind: str  # review (a human's sheet) | sqaudit (the tool's scored output)
    ratings: tuple[ContactRating, ...]  # sorted by contact id

    @property
    def contacts(self) -> dict[str, ContactRating]:
        return {r.contact: r for r in self.ratings}

    @property
    def criteria(self) -> tuple[str, ...]:
        return tuple(sorted({cid for r in self.ratings for cid, _ in r.outcomes}))

    @property
    def has_scores(self) -> bool:
        return any(r.score is not None for r in self.ratings)


@dataclass(frozen=True)
class RaterSet:
    """Every rater read from the files, with what could not be read."""

    raters: tuple[Rater, ...]
    problems: tuple[InputProblem, ...] = ()
    notices: tuple[InputNotice, ...] = ()
    rows: int = 0  # data rows (or JSON contacts) read
    skipped_rows: int = 0  # rows not used at all
    partial_rows: int = 0  # rows used with a cell left out
    unreadable_files: int = 0


@dataclass
class _Contact:
    source: str
    score: float | None = None
    outcomes: dict[str, tuple[str, str]] = field(default_factory=dict)  # criterion -> (outcome, source)


class RaterBuilder:
    """Collects one rater's rows; ``build`` returns the frozen :class:`Rater`."""

    def __init__(self, name: str, source: str, kind: str):
        self.name, self.source, self.kind = name, source, kind
        self._contacts: dict[str, _Contact] = {}

    def contact(self, contact: str, source: str) -> _Contact:
        return self._contacts.setdefault(contact, _Contact(source))

    def add_outcome(self, contact: str, criterion: str, outcome: str, source: str) -> InputProblem | None:
        entry = self.contact(contact, source)
        seen = entry.outcomes.get(criterion)
        if seen is None:
            entry.outcomes[criterion] = (outcome, source)
            return None
        if seen[0] == outcome:
            return None
        return InputProblem(source, f"{self.name} rated {criterion} of contact {contact} twice: '{seen[0]}' at "
                                    f"{seen[1]}, '{outcome}' here; the first is kept",
                            "one row per rater, contact and criterion")

    def add_score(self, contact: str, score: float, source: str) -> InputProblem | None:
        entry = self.contact(contact, source)
        if entry.score is None:
            entry.score = score
            return None
        if entry.score == score:
            return None
        return InputProblem(source, f"{self.name} gave contact {contact} two scores: {entry.score:g} and {score:g} "
                                    "here; the first is kept", "one score per rater and contact")

    def build(self) -> Rater:
        ratings = tuple(
            ContactRating(cid, c.source, c.score, tuple(sorted((k, v[0]) for k, v in c.outcomes.items())))
            for cid, c in sorted(self._contacts.items())
            if c.score is not None or c.outcomes)
        return Rater(self.name, self.source, self.kind, ratings)
