"""What changes if we switch rubrics: one batch scored under an old and a new rubric.

``build_diff`` walks two runs over the same inputs side by side (both read the inputs in
the same stable order, so contact *i* of one is contact *i* of the other) and returns a
frozen :class:`RubricDiff`: per-criterion counts and miss rates, the contacts whose
pass/fail flips, the biggest score changes, each agent's mean and rank before and after,
the agents who cross a score gate, and the batch mean and pass rate. Memory stays flat:
a few numbers per contact whose verdict flips, and a bounded heap of the largest changes.

``load_ref`` reads a rubric from a built-in name, a file, or ``git:REV:path`` (the file as
it was at a revision of the current repository, via ``git show``).
"""

from __future__ import annotations

import dataclasses
import heapq
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqaudit.errors import RubricError, UsageError
from sqaudit.groups import CriterionTally, GroupStats
from sqaudit.model import InputProblem
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.model import Criterion, Rubric
from sqaudit.run import AuditRun
from sqaudit.stats import Estimate

BIGGEST_KEPT = 10
GIT_PREFIX = "git:"


def load_ref(ref: str) -> Rubric:
    """A built-in name, a YAML file, or ``git:REV:path``; RubricError/UsageError name the ref as given."""
    if not ref.startswith(GIT_PREFIX):
        return load_rubric(ref)
    rev, sep, path = ref[len(GIT_PREFIX):].partition(":")
    if not sep or not rev or not path:
        raise UsageError(f"{ref}: a git rubric reference reads git:REV:path (e.g. git:HEAD~1:rubrics/servqual.yml)")
    try:
        shown = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(f"{ref}: git is not installed (or not on PATH)") from None
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"{ref}: git show {rev}:{path} failed: {reason[0] if reason else 'no output'}")
    with tempfile.TemporaryDirectory(prefix="sqaudit-diff-") as tmp:
        target = Path(tmp) / (Path(path).name or "rubric.yml")
        target.write_bytes(shown.stdout)
        try:
            rubric = load_rubric(target)
        except RubricError as exc:
            # problems name the reference the user gave, not the temporary copy
            raise RubricError(dataclasses.replace(p, path=ref) if p.path == str(target) else p
                              for p in exc.problems) from None
    return dataclasses.replace(rubric, source=ref)


@dataclass(frozen=True)
class RubricInfo:
    ref: str
    id: str
    version: str
    title: str
    sha256: str
    pass_score: float

    @classmethod
    def of(cls, ref: str, rubric: Rubric) -> RubricInfo:
        return cls(ref, rubric.id, rubric.version, rubric.title, rubric.sha256, rubric.pass_score)


@dataclass(frozen=True)
class Counts:
    met: int
    missed: int
    not_applicable: int

    @property
    def miss_rate(self) -> float | None:
        judged = self.met + self.missed
        return self.missed / judged if judged else None


@dataclass(frozen=True)
class CriterionChange:
    id: str
    title: str
    dimension: str
    status: str  # added | removed | redefined | unchanged (the definition, not the counts)
    old: Counts | None
    new: Counts | None

    @property
    def change_pp(self) -> float | None:
        """Miss rate new minus old, in percentage points (None unless judged under both)."""
        if self.old is None or self.new is None or self.old.miss_rate is None or self.new.miss_rate is None:
            return None
        return (self.new.miss_rate - self.old.miss_rate) * 100

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" or self.old != self.new


@dataclass(frozen=True, order=True)
class ContactChange:
    contact_id: str
    agent: str | None
    old_score: float | None
    new_score: float | None
    old_passed: bool | None
    new_passed: bool | None

    @property
    def change(self) -> float | None:
        if self.old_score is None or self.new_score is None:
            return None
        return self.new_score - self.old_score

    @property
    def direction(self) -> str | None:
        """pass→fail, fail→pass, or None when the verdict does not flip."""
        if self.old_passed is None or self.new_passed is None or self.old_passed == self.new_passed:
            return None
        return "pass→fail" if self.old_passed else "fail→pass"


@dataclass(frozen=True)
class AgentChange:
    agent: str | None
    team: str | None
    old: Estimate
    new: Estimate
    old_rank: int | None
    new_rank: int | None
    insufficient: bool  # under either rubric: not ranked there
    crossing: str | None  # below | above: the mean crossed the gate, in that direction

    @property
    def change(self) -> float | None:
        if self.old.value is None or self.new.value is None:
            return None
        return self.new.value - self.old.value


@dataclass(frozen=True)
class RubricDiff:
    old_rubric: RubricInfo
    new_rubric: RubricInfo
    gate: float
    contacts: int
    old_score: Estimate
    new_score: Estimate
    old_pass_rate: Estimate
    new_pass_rate: Estimate
    criteria: tuple[CriterionChange, ...]
    flips: tuple[ContactChange, ...]  # in input order
    biggest: tuple[ContactChange, ...]  # largest |change| first
    agents: tuple[AgentChange, ...]
    errors: tuple[InputProblem, ...]
    run: Mapping[str, object] = field(default_factory=dict)  # inputs (sha256) and options, sqaudit.provenance

    def flip_counts(self) -> dict[str, int]:
        counts = {"pass→fail": 0, "fail→pass": 0}
        for flip in self.flips:
            counts[flip.direction] += 1  # type: ignore[index]  (a flip always has a direction)
        return counts

    def crossings(self, direction: str) -> tuple[AgentChange, ...]:
        return tuple(a for a in self.agents if a.crossing == direction)

    @property
    def changed(self) -> bool:
        return bool(self.flips) or any(c.changed for c in self.criteria) or any(
            (c.change or 0) != 0 for c in self.biggest)


def build_diff(old_run: AuditRun, new_run: AuditRun, old_ref: str, new_ref: str, gate: float | None = None,
               biggest: int = BIGGEST_KEPT) -> RubricDiff:
    """Consume both runs (over the same inputs) side by side and compare them."""
    flips: list[ContactChange] = []
    heap: list[tuple[float, int, ContactChange]] = []
    for i, (old, new) in enumerate(zip(old_run.contacts(), new_run.contacts(), strict=True)):
        if old.id != new.id or old.source != new.source:
            raise UsageError(f"the inputs changed while being read ({old.id} vs {new.id}): run the diff again")
        change = ContactChange(old.id, old.agent, old.score, new.score, old.passed, new.passed)
        if change.direction is not None:
            flips.append(change)
        if change.change is not None and biggest > 0:
            entry = (abs(change.change), -i, change)  # ties: the earlier contact wins
            if len(heap) < biggest:
                heapq.heappush(heap, entry)
            elif entry[:2] > heap[0][:2]:
                heapq.heapreplace(heap, entry)
    old_sum, new_sum = old_run.summary(), new_run.summary()
    old_rubric, new_rubric = old_run.compiled.rubric, new_run.compiled.rubric
    threshold = new_rubric.pass_score if gate is None else gate
    return RubricDiff(
        old_rubric=RubricInfo.of(old_ref, old_rubric), new_rubric=RubricInfo.of(new_ref, new_rubric),
        gate=threshold, contacts=new_sum.contacts,
        old_score=old_sum.score, new_score=new_sum.score,
        old_pass_rate=old_sum.pass_rate, new_pass_rate=new_sum.pass_rate,
        criteria=_criteria(old_rubric, new_rubric, old_sum.criteria, new_sum.criteria),
        flips=tuple(flips),
        biggest=tuple(e[2] for e in sorted(heap, key=lambda e: (-e[0], -e[1]))),
        agents=_agents(old_run.breakdown.agents(), new_run.breakdown.agents(), threshold),
        errors=tuple(new_run.errors),
    )


def _counts(tally: CriterionTally | None) -> Counts | None:
    return None if tally is None else Counts(tally.passed, tally.failed, tally.not_applicable)


def _criteria(old: Rubric, new: Rubric, old_tallies: dict[str, CriterionTally],
              new_tallies: dict[str, CriterionTally]) -> tuple[CriterionChange, ...]:
    old_by_id = {c.id: c for c in old.criteria}
    new_by_id = {c.id: c for c in new.criteria}
    order = [c.id for c in old.criteria] + [c.id for c in new.criteria if c.id not in old_by_id]
    out = []
    for cid in order:
        before, after = old_by_id.get(cid), new_by_id.get(cid)
        shown: Criterion = after or before  # type: ignore[assignment]
        if before is None:
            status = "added"
        elif after is None:
            status = "removed"
        else:
            status = "unchanged" if _definition(before) == _definition(after) else "redefined"
        out.append(CriterionChange(cid, shown.title, shown.dimension, status,
                                   _counts(old_tallies.get(cid)) if before else None,
                                   _counts(new_tallies.get(cid)) if after else None))
    return tuple(out)


def _definition(criterion: Criterion) -> Criterion:
    # where it is written (its line) is not what it means
    return dataclasses.replace(criterion, line=0)


def _agents(old: list[GroupStats], new: list[GroupStats], gate: float) -> tuple[AgentChange, ...]:
    old_by_key = {g.key: g for g in old}
    out = []
    for after in new:
        before = old_by_key.get(after.key, after)
        crossing = None
        if before.score.value is not None and after.score.value is not None:
            if before.score.value >= gate > after.score.value:
                crossing = "below"
            elif before.score.value < gate <= after.score.value:
                crossing = "above"
        out.append(AgentChange(after.key, after.team or before.team, before.score, after.score, before.rank,
                               after.rank, bool(before.insufficient or after.insufficient), crossing))
    return tuple(out)

