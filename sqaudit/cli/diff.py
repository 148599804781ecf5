"""``sqaudit diff``: what a rubric change does to past contacts, before it goes live."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from sqaudit.cli.app import (
    EXIT_OK,
    State,
    batch_verdict,
    cli,
    open_output,
    progress,
)
from sqaudit.cli.common import input_options, inputs_argument
from sqaudit.diff import build_diff, load_ref
from sqaudit.diff_formats import FORMATS, SUFFIXES
from sqaudit.groups import Settings
from sqaudit.parsers import ReadOptions, iter_contacts
from sqaudit.provenance import describe_run
from sqaudit.rubric.compile import compile_rubric
from sqaudit.run import start_run

REF_HELP = ("A built-in rubric name, a rubric YAML file, or git:REV:path (the file at a revision of this "
            "repository).")


@cli.command()
@inputs_argument
@click.option("--old", "old_ref", required=True, help="The rubric in use. " + REF_HELP)
@click.option("--new", "new_ref", required=True, help="The rubric to switch to. " + REF_HELP)
@click.option("--min-score", type=click.FloatRange(0, 100),
              help="The gate agents' means are checked against [default: the new rubric's pass_score]. "
                   "Informational: diff never exits 1.")
@click.option("--min-contacts", type=click.IntRange(1), default=None,
              help="Fewer contacts than this is insufficient evidence (not ranked) [default: each rubric's "
                   "min_contacts].")
@click.option("--max-ci-width", type=click.FloatRange(0, min_open=True), default=20.0, show_default=True,
              help="A 95% interval wider than this many points is insufficient evidence (not ranked).")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format [default: from the -o suffix, else table].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the diff here.")
@click.option("--no-color", is_flag=True, help="No colours in the terminal table.")
@input_options
@click.pass_obj
def diff(state: State, inputs: tuple[Path, ...], old_ref: str, new_ref: str, min_score: float | None,
         min_contacts: int | None, max_ci_width: float, fmt: str | None, output: Path | None,
         no_color: bool, reading: ReadOptions, jobs: int) -> None:
    """Score one batch under two rubrics and show what changes.

    \b
    Per criterion: met / missed / n/a and miss rate, old and new. Contacts whose pass/fail
    flips and the biggest score changes. Per agent: mean ± 95% interval and rank, old and
    new, and who crosses the --min-score gate. The inputs are read twice (memory stays flat).

    \b
    Examples:
      sqaudit diff --old rubrics/v1.yml --new rubrics/v2.yml batch/
      sqaudit diff --old git:HEAD~1:rubrics/qa.yml --new rubrics/qa.yml batch/ -f markdown -o diff.md
    """
    if fmt is None:
        fmt = SUFFIXES.get(output.suffix.lower(), "table") if output else "table"
    # both rubrics are checked before any input is read
    old_compiled, new_compiled = compile_rubric(load_ref(old_ref)), compile_rubric(load_ref(new_ref))
    runs = []
    with progress(state) as tick:
        for compiled in (old_compiled, new_compiled):
            settings = Settings(min_contacts=min_contacts or compiled.rubric.min_contacts, max_ci_width=max_ci_width)
            runs.append(start_run(iter_contacts(inputs, reading), compiled, tick, settings=settings, jobs=jobs))
        result = build_diff(runs[0], runs[1], old_ref, new_ref, min_score)
    if fmt == "json":  # the JSON document says what it was made from, so it can be rebuilt
        options = {"old": old_ref, "new": new_ref, "min_score": min_score, "min_contacts": min_contacts,
                   "max_ci_width": max_ci_width, "read": reading.to_dict()}
        result = dataclasses.replace(result, run=describe_run("diff", inputs, options))
    ctx = click.get_current_context()
    summary = runs[1].summary()
    verdict = batch_verdict(state, result.errors,
                            f"{summary.contacts} contact(s) scored under both rubrics, {summary.skipped} skipped",
                            runs[0].summary().internal_errors + summary.internal_errors, summary.contacts, False,
                            runs[1].notices)
    if verdict is not None:
        ctx.exit(verdict)
    out, close = open_output(output)
    try:
        FORMATS[fmt](result, out, no_color)
    finally:
        if close:
            out.close()
    if output is not None:
        state.err.print(f"wrote {click.format_filename(output)}", highlight=False, markup=False)
    ctx.exit(EXIT_OK)
