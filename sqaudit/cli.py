"""The ``sqaudit`` command: parse arguments, call the library, pick the exit code.

Exit codes (ARCHITECTURE §4.3): 0 ok · 1 the standard was not met · 2 no verdict (usage,
rubric, input) · 3 internal error, which is always a bug.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console
from rich.markup import escape

from sqaudit import __version__
from sqaudit.checks import KINDS
from sqaudit.errors import Problem, RubricError, SqauditError, UsageError
from sqaudit.formatters import FORMATS
from sqaudit.gates import GateSpec
from sqaudit.parsers import iter_contacts
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import builtin_names, load_rubric
from sqaudit.run import AuditRun, start_run

EXIT_OK, EXIT_NOT_MET, EXIT_NO_VERDICT, EXIT_BUG = 0, 1, 2, 3


class State:
    def __init__(self, debug: bool):
        self.debug = debug
        self.err = Console(stderr=True, highlight=False)


class AuditGroup(click.Group):
    """Turns every way a command can end into one of the four exit codes."""

    def invoke(self, ctx: click.Context) -> object:
        err = Console(stderr=True, highlight=False)
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except click.ClickException as exc:
            exc.exit_code = EXIT_NO_VERDICT
            raise
        except RubricError as exc:
            for problem in exc.problems:
                err.print(escape(str(problem)), soft_wrap=True)
            err.print(f"[red]rubric refused[/]: {len(exc.problems)} problem(s); nothing was scored")
            ctx.exit(EXIT_NO_VERDICT)
        except SqauditError as exc:
            err.print(f"[red]error[/]: {escape(str(exc))}", soft_wrap=True)
            ctx.exit(EXIT_NO_VERDICT)
        except BrokenPipeError:
            ctx.exit(EXIT_OK)
        except Exception:
            debug = bool(ctx.obj and ctx.obj.debug)
            err.print("[red]internal error: this is a bug in sqaudit[/] — please report it with the command you ran"
                      + ("" if debug else " (add --debug to see the traceback)"), soft_wrap=True)
            if debug:
                err.print(escape(traceback.format_exc()), soft_wrap=True)
            ctx.exit(EXIT_BUG)
        return None


@click.group(cls=AuditGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="sqaudit")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Audit customer-service quality: score transcripts against SERVQUAL and complaint-handling rubrics."""
    ctx.obj = State(debug)


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
    out, close = _open_output(output)
    try:
        with _progress(state) as tick:
            run = start_run(iter_contacts(inputs), compiled, tick, GateSpec(min_score, fail_on_critical))
            FORMATS[fmt].write(run, out)
    finally:
        if close:
            out.close()
    click.get_current_context().exit(_finish(state, run, strict))


def _finish(state: State, run: AuditRun, strict: bool) -> int:
    summary = run.summary()
    for problem in run.errors:
        state.err.print(f"[yellow]skipped[/] {escape(str(problem))}")
    state.err.print(f"{summary.scored} contact(s) scored, {summary.skipped} skipped"
                    + (f", {summary.contacts - summary.scored} with nothing applicable" if summary.contacts > summary.scored else ""))
    if summary.internal_errors:
        state.err.print(f"[red]{summary.internal_errors} criterion check(s) raised an internal error: "
                        "this is a bug, please report it[/]")
        return EXIT_BUG
    if summary.contacts == 0:
        state.err.print("[red]no contact could be scored[/]: no verdict")
        return EXIT_NO_VERDICT
    if strict and run.errors:
        state.err.print("[red]--strict: some input could not be read[/]: no verdict")
        return EXIT_NO_VERDICT
    gates = run.gates()
    failed = [g for g in gates if g.status == "fail"]
    for gate in failed:
        state.err.print(f"[red]standard not met[/]: {gate.name} {escape(gate.observed)}, needs {gate.threshold}")
    if failed:
        return EXIT_NOT_MET
    unknown = [g for g in gates if g.status == "not_evaluated"]
    for gate in unknown:
        state.err.print(f"[yellow]gate not evaluated[/]: {gate.name}: {escape(gate.observed)}: no verdict")
    return EXIT_NO_VERDICT if unknown else EXIT_OK


def _open_output(output: Path | None) -> tuple[TextIO, bool]:
    if output is None:
        return sys.stdout, False
    try:
        return output.open("w", encoding="utf-8", newline=""), True
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


class _progress:
    """A progress counter on stderr for batches, only when stderr is a terminal."""

    def __init__(self, state: State):
        self.console = state.err
        self.live = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.console.is_terminal:
            return None
        from rich.progress import Progress, SpinnerColumn, TextColumn

        self.live = Progress(SpinnerColumn(), TextColumn("{task.completed} contacts"), console=self.console,
                             transient=True)
        self.live.start()
        task = self.live.add_task("scoring", total=None)
        return lambda: self.live.advance(task)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.stop()


@cli.group()
def rubric() -> None:
    """List, validate and explain rubrics."""


@rubric.command("list")
def rubric_list() -> None:
    """The built-in rubrics, their version and number of criteria."""
    from tabulate import tabulate

    rows = []
    for name in builtin_names():
        r = load_rubric(name)
        rows.append([name, r.version, len(r.criteria), r.title])
    click.echo(tabulate(rows, headers=["rubric", "version", "criteria", "title"], disable_numparse=True))


@rubric.command("validate")
@click.argument("refs", nargs=-1, required=True)
def rubric_validate(refs: tuple[str, ...]) -> None:
    """Check rubric files; list every problem as file:line:col (exit 2 if any)."""
    problems: list[Problem] = []
    for ref in refs:
        try:
            r = load_rubric(ref)
            click.echo(f"{ref}: ok ({r.id} v{r.version}, {len(r.criteria)} criteria)")
        except RubricError as exc:
            problems.extend(exc.problems)
    if problems:
        raise RubricError(problems)


@rubric.command("explain")
@click.argument("what")
@click.option("-r", "--rubric", "rubric_ref", default="servqual", show_default=True)
def rubric_explain(what: str, rubric_ref: str) -> None:
    """Print a criterion kind's documentation, or one criterion of a rubric."""
    if what in KINDS:
        click.echo((KINDS[what].__doc__ or "").strip())
        return
    r = load_rubric(rubric_ref)
    criterion = r.criterion(what)
    if criterion is None:
        raise UsageError(f"'{what}' is neither a criterion kind ({', '.join(KINDS)}) nor a criterion of {r.id}")
    click.echo(f"{criterion.id} — {criterion.title}\n{criterion.description}\n")
    click.echo(f"kind: {criterion.kind}   dimension: {criterion.dimension}   points: {criterion.points:g}"
               f"   critical: {criterion.critical or 'no'}   n/a: {criterion.na_policy}")
    for lang, phrases in criterion.phrases.items():
        click.echo(f"phrases ({lang}): {', '.join(phrases)}")
    for lang, text in criterion.say_instead.items():
        click.echo(f"say instead ({lang}): {text}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sqaudit`` script and ``python -m sqaudit``: returns the exit code."""
    try:
        cli.main(args=argv, prog_name="sqaudit", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_NO_VERDICT
    return EXIT_OK
