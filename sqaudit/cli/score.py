"""``sqaudit score``: every contact against a rubric, one report, an exit code."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import click
from rich.markup import escape

from sqaudit.cli.app import (
    EXIT_NO_VERDICT,
    EXIT_NOT_MET,
    EXIT_OK,
    State,
    cli,
    finish,
    open_output,
    progress,
)
from sqaudit.cli.common import input_options
from sqaudit.errors import UsageError
from sqaudit.formatters import FORMATS, json_
from sqaudit.gates import GateSpec
from sqaudit.parsers import DEFAULT_OPTIONS, ReadOptions, iter_contacts
from sqaudit.provenance import Recorded, describe_run, differences
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-r", "--rubric", "rubric_ref", default="servqual", show_default=True,
              help="A built-in rubric name or a rubric YAML file.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format [default: table on a terminal, json otherwise].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--min-score", type=click.FloatRange(0, 100), help="Exit 1 if the mean contact score is below this.")
@click.option("--fail-on-critical", is_flag=True, help="Exit 1 if any contact has a critical failure.")
@click.option("--strict", is_flag=True, help="Exit 2 if any input could not be read (default: skip and report).")
@click.option("--reproduce", type=click.Path(dir_okay=False, path_type=Path),
              help="Re-run a saved `-f json` document from its inputs and options; exit 0 if identical, 1 if not.")
@input_options
@click.pass_obj
def score(state: State, inputs: tuple[Path, ...], rubric_ref: str, fmt: str | None, output: Path | None,
          min_score: float | None, fail_on_critical: bool, strict: bool, reproduce: Path | None,
          reading: ReadOptions, jobs: int) -> None:
    """Score transcripts (files or directories; `sqaudit formats` lists what is read) against a rubric.

    \b
    Exit codes: 0 ok · 1 a gate failed (standard not met) · 2 no verdict (usage, rubric,
    unreadable input with --strict, nothing scored) · 3 internal error (a bug).
    """
    if reproduce is not None:
        if inputs or reading != DEFAULT_OPTIONS:
            raise UsageError("--reproduce takes its inputs and options from the saved document: give no INPUTS "
                             "and no input options")
        click.get_current_context().exit(reproduce_run(state, reproduce))
    if not inputs:
        raise UsageError("give the transcripts to score (files or directories), or --reproduce run.json")
    compiled = compile_rubric(load_rubric(rubric_ref))  # refused before any input is read
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "json"
    options = {"rubric": rubric_ref, "min_score": min_score, "fail_on_critical": fail_on_critical,
               "read": reading.to_dict()}
    # only the JSON document records its inputs' sha256: the other formats need not read them twice
    record = describe_run("score", inputs, options) if fmt == "json" else None
    out, close = open_output(output)
    try:
        with progress(state) as tick:
            run = start_run(iter_contacts(inputs, reading), compiled, tick, GateSpec(min_score, fail_on_critical),
                            provenance=record, jobs=jobs)
            FORMATS[fmt].write(run, out)
    finally:
        if close:
            out.close()
    click.get_current_context().exit(finish(state, run, strict))




def reproduce_run(state: State, saved: Path) -> int:
    """Re-score a saved document's inputs with its rubric and options; 0 identical, 1 not, 2 cannot tell."""
    recorded = Recorded.load(saved)
    changed = recorded.changed_inputs()
    if changed:
        for line in changed:
            state.err.print(f"input {line}", markup=False, highlight=False)
        state.err.print("[red]cannot reproduce[/]: the inputs are not the ones that were scored")
        return EXIT_NO_VERDICT
    options = recorded.options
    compiled = compile_rubric(load_rubric(str(options["rubric"])))
    gates = GateSpec(options.get("min_score"), bool(options.get("fail_on_critical")))  # type: ignore[arg-type]
    buffer = io.StringIO()
    reading = ReadOptions.from_dict(options.get("read"))  # older documents have none: the defaults
    run = start_run(iter_contacts(recorded.arguments, reading), compiled, None, gates,
                    provenance=describe_run("score", recorded.arguments, options))
    json_.write(run, buffer)
    fresh = json.loads(buffer.getvalue())
    found = differences(recorded.document, fresh)
    then, now = recorded.document.get("tool", {}), fresh["tool"]
    versions = f"sqaudit {then.get('version')} then, {now['version']} now"  # type: ignore[union-attr]
    if found:
        for part in found:
            state.err.print(f"differs: {part}", markup=False, highlight=False)
        state.err.print(f"[red]not identical[/] ({escape(versions)})")
        return EXIT_NOT_MET
    click.echo(f"identical: {len(fresh['contacts'])} contact(s), same scores, gates and summary ({versions})")
    return EXIT_OK
