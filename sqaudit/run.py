"""A scoring run: inputs streamed through the engine, errors kept, a summary at the end.

The run is consumed once, contact by contact, so a formatter can write each result as it
comes and memory does not grow with the batch. Once consumed, ``summary()`` and
``errors`` describe the whole batch (what was scored, what was skipped and why).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqaudit import __version__
from sqaudit.engine import evaluate
from sqaudit.errors import InputError
from sqaudit.breakdown import Breakdown
from sqaudit.gates import GateResult, GateSpec, evaluate_gates
from sqaudit.groups import CriterionTally, GroupTally, Settings
from sqaudit.model import ContactResult, InputNotice, InputProblem, RunHeader, Transcript
from sqaudit.parallel import score_in_parallel
from sqaudit.redact import redact
from sqaudit.rubric.compile import CompiledRubric
from sqaudit.stats import Estimate, proportion_interval


@dataclass(frozen=True)
class RunSummary:
    contacts: int
    scored: int
    skipped: int
    score: Estimate
    pass_rate: Estimate
    with_critical_failure: int
    complaints: int
    internal_errors: int
    dimensions: dict[str, Estimate]
    criteria: dict[str, CriterionTally]

    def to_dict(self) -> dict[str, object]:
        return {
            "contacts": self.contacts, "scored": self.scored, "skipped": self.skipped,
            "score": self.score.to_dict(), "pass_rate": self.pass_rate.to_dict(),
            "with_critical_failure": self.with_critical_failure, "complaints": self.complaints,
            "internal_errors": self.internal_errors,
            "dimensions": {k: v.to_dict() for k, v in self.dimensions.items()},
            "criteria": {k: {"pass": t.passed, "fail": t.failed, "not_applicable": t.not_applicable,
                             "error": t.error} for k, t in self.criteria.items()},
        }


@dataclass
class AuditRun:
    header: RunHeader
    items: Iterable[Transcript | InputError | InputNotice | ContactResult]  # results when scored elsewhere (--jobs)
    compiled: CompiledRubric
    on_item: Callable[[], None] | None = None  # progress callback
    gate_spec: GateSpec = field(default_factory=GateSpec)
    errors: list[InputProblem] = field(default_factory=list)
    notices: list[InputNotice] = field(default_factory=list)  # what readers guessed (encoding, speakers)
    settings: Settings | None = None  # grouping: min_contacts, interval width, period
    breakdown: Breakdown = field(init=False)
    _whole: GroupTally = field(init=False)  # the batch, tallied like any agent or team
    _consumed: bool = False

    def __post_init__(self) -> None:
        rubric = self.compiled.rubric
        # seeded in rubric order, so the summary lists every criterion, judged or not
        self._whole = GroupTally("run", None, criteria={c.id: CriterionTally() for c in rubric.criteria})
        settings = self.settings or Settings(min_contacts=rubric.min_contacts)
        self.breakdown = Breakdown(tuple(c.id for c in rubric.criteria), settings)

    def contacts(self) -> Iterator[ContactResult]:
        """Score each readable contact; record each unreadable one. Only once per run."""
        if self._consumed:
            raise RuntimeError("an AuditRun is consumed once")
        self._consumed = True
        for item in self.items:
            if isinstance(item, InputNotice):
                self.notices.append(InputNotice(item.source, redact(item.message)))  # may quote a speaker label
                continue
            if self.on_item:
                self.on_item()
            if isinstance(item, InputError):
                # an error message may quote the bad line, and the line may hold a card number
                self.errors.append(InputProblem(item.source, redact(item.message), item.hint))
                continue
            if isinstance(item, ContactResult):
                result = item
            elif not item.turns:
                self.errors.append(InputProblem(item.source, f"contact {item.id} has no turns", "nothing to score"))
                continue
            else:
                result = evaluate(item, self.compiled)
            self._tally(result)
            yield result

    def collect(self) -> list[ContactResult]:
        return list(self.contacts())

    def _tally(self, result: ContactResult) -> None:
        self.breakdown.add(result)
        self._whole.add(result)

    def summary(self) -> RunSummary:
        whole = self._whole
        scored = whole.score.n
        return RunSummary(
            contacts=whole.contacts, scored=scored, skipped=len(self.errors), score=whole.score.estimate(),
            pass_rate=proportion_interval(whole.passed, scored), with_critical_failure=whole.critical,
            complaints=whole.complaints, internal_errors=sum(t.error for t in whole.criteria.values()),
            dimensions={d: v.estimate() for d, v in whole.dimensions.items()}, criteria=dict(whole.criteria),
        )

    def gates(self) -> list[GateResult]:
        return evaluate_gates(self.gate_spec, self.summary())


def make_header(compiled: CompiledRubric, provenance: dict[str, object] | None = None) -> RunHeader:
    rubric = compiled.rubric
    return RunHeader(__version__, rubric.id, rubric.version, rubric.sha256, rubric.title, rubric.policy(),
                     provenance or {})


def start_run(items: Iterable[Transcript | InputError | InputNotice], compiled: CompiledRubric,
              on_item: Callable[[], None] | None = None, gate_spec: GateSpec | None = None,
              settings: Settings | None = None, provenance: dict[str, object] | None = None,
              jobs: int = 1) -> AuditRun:
    """A run over ``items``; with ``jobs`` > 1 the contacts are scored on that many processes."""
    if jobs > 1:
        items = score_in_parallel(items, compiled, jobs)  # type: ignore[assignment]
    return AuditRun(make_header(compiled, provenance), items, compiled, on_item, gate_spec or GateSpec(),
                    settings=settings)
