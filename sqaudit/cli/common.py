"""Options and steps shared by the commands that read transcripts (report, coach, plan)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sqaudit.gates import GateSpec
from sqaudit.groups import PERIODS, Settings
from sqaudit.parsers import iter_contacts
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import AuditRun, start_run

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _stack(*decorators: Decorator) -> Decorator:
    def apply(f: Callable[..., Any]) -> Callable[..., Any]:
        for decorator in reversed(decorators):
            f = decorator(f)
        return f
    return apply


inputs_argument = click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
rubric_option = click.option("-r", "--rubric", "rubric_ref", default="servqual", show_default=True,
                             help="A built-in rubric name or a rubric YAML file.")
language_option = click.option("--lang", "language", type=click.Choice(["en", "zh"]),
                               help="Labels in this language [default: the language most contacts are in].")

grouping_options = _stack(
    click.option("--min-contacts", type=click.IntRange(1), default=None,
                 help="Fewer contacts than this is insufficient evidence [default: the rubric's min_contacts, "
                      "usually 10]."),
    click.option("--max-ci-width", type=click.FloatRange(0, min_open=True), default=20.0, show_default=True,
                 help="A 95% interval wider than this many points is insufficient evidence."),
    click.option("--period", type=click.Choice(PERIODS), help="Also break the figures down by week or month."),
)


def scored_run(inputs: tuple[Path, ...], rubric_ref: str, min_contacts: int | None, max_ci_width: float,
               period: str | None, tick: Callable[[], None] | None = None,
               gate_spec: GateSpec | None = None, provenance: dict[str, object] | None = None) -> AuditRun:
    """Load and compile the rubric (refused before any input is read), then start the run."""
    compiled = compile_rubric(load_rubric(rubric_ref))
    settings = Settings(min_contacts=min_contacts or compiled.rubric.min_contacts, max_ci_width=max_ci_width,
                        period=period)
    return start_run(iter_contacts(inputs), compiled, tick, gate_spec, settings, provenance)
