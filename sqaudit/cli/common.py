"""Options and steps shared by the commands that read transcripts (score, report, coach, plan, check, diff)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sqaudit.encodings import check_name
from sqaudit.gates import GateSpec
from sqaudit.groups import PERIODS, Settings
from sqaudit.parsers import DEFAULT_OPTIONS, FORMATS, ReadOptions, iter_contacts
from sqaudit.parsers.mapping import read_options_from
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

def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_name(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc} (e.g. utf-8, gb18030, big5, utf-16)") from None


def input_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--input-format``, ``--encoding``, ``--map``, ``--mapping``, ``--agent-speaker``: the command
    gets them as one ``reading: ReadOptions`` argument; and ``--jobs`` as ``jobs`` (how many processes
    score, which changes no output, so it is not recorded with the reading options)."""
    @functools.wraps(f)
    def command(*args: Any, input_format: str | None, encoding: str | None, maps: tuple[str, ...],
                mapping: Path | None, agent_speaker: tuple[str, ...], **kwargs: Any) -> Any:
        reading = read_options_from(input_format, encoding, maps, mapping, agent_speaker)
        return f(*args, reading=reading, **kwargs)

    return _stack(
        click.option("--input-format", type=click.Choice(list(FORMATS)),
                     help="Read every input as this format [default: by suffix, then by content; "
                          "see `sqaudit formats`]."),
        click.option("--encoding", callback=_encoding, metavar="NAME",
                     help="The inputs' text encoding, e.g. gb18030, big5, utf-16 [default: detected, and reported]."),
        click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN[,...]",
                     help="Chat tables: the column of a field (id, time, speaker, text, agent, team, channel, "
                          "language), e.g. speaker=author_role,text=body (repeatable)."),
        click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Chat tables: a YAML file with 'columns:' (field: column) and 'speakers:' "
                          "(value: agent|customer|system)."),
        click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
                     help="Score on this many processes (the output is the same; worth it from a few hundred "
                          "contacts)."),
        click.option("--agent-speaker", multiple=True, metavar="LABEL",
                     help="This speaker label is the agent, e.g. spk_0 or 'Dana Smith' (repeatable) "
                          "[default: guessed per contact, and reported]."),
    )(command)


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
               gate_spec: GateSpec | None = None, provenance: dict[str, object] | None = None,
               reading: ReadOptions = DEFAULT_OPTIONS, jobs: int = 1) -> AuditRun:
    """Load and compile the rubric (refused before any input is read), then start the run."""
    compiled = compile_rubric(load_rubric(rubric_ref))
    settings = Settings(min_contacts=min_contacts or compiled.rubric.min_contacts, max_ci_width=max_ci_width,
                        period=period)
    return start_run(iter_contacts(inputs, reading), compiled, tick, gate_spec, settings, provenance, jobs)
