"""``sqaudit score``: every contact against a rubric, one report, an exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sqaudit.cli.app import State, cli, finish, open_output, progress
from sqaudit.formatters import FORMATS
from sqaudit.gates import GateSpec
from sqaudit.parsers import iter_contacts
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-r", "--rubric", "rubric_ref", default="servqual", show_default=True,
              help="A built-in rubric name or a rubric YAML file.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format [default: table on a terminal, json otherwise].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--min-score", type=click.FloatRange(0, 100), help="Exit 1 if the mean contact score is below this.")
@click.option("--fail-on-critical", is_flag=True, help="Exit 1 if any contact has a critical failure.")
@click.option("--strict", is_flag=True, help="Exit 2 if any input could not be read (default: skip and report).")
@click.pass_obj
def score(state: State, inputs: tuple[Path, ...], rubric_ref: str, fmt: str | None, output: Path | None,
          min_score: float | None, fail_on_critical: bool, strict: bool) -> None:
    """Score transcripts (.json, .jsonl, .txt files or directories) against a rubric.

    \b
    Exit codes: 0 ok · 1 a gate failed (standard not met) · 2 no verdict (usage, rubric,
    unreadable input with --strict, nothing scored) · 3 internal error (a bug).
    """
    compiled = compile_rubric(load_rubric(rubric_ref))  # refused before any input is read
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "json"
    out, close = open_output(output)
    try:
        with progress(state) as tick:
            run = start_run(iter_contacts(inputs), compiled, tick, GateSpec(min_score, fail_on_critical))
            FORMATS[fmt].write(run, out)
    finally:
        if close:
            out.close()
    click.get_current_context().exit(finish(state, run, strict))


