"""The ``sqaudit`` command: parse arguments, call the library, pick the exit code.

Exit codes (ARCHITECTURE §4.3): 0 ok · 1 the standard was not met · 2 no verdict (usage,
rubric, input) · 3 internal error, which is always a bug.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import click
from rich.console import Console
from rich.markup import escape

from sqaudit import __version__
from sqaudit.errors import RubricError, SqauditError, UsageError
from sqaudit.run import AuditRun

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
            err.print(f"[red]{exc.what} refused[/]: {len(exc.problems)} problem(s); nothing was scored")
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


def finish(state: State, run: AuditRun, strict: bool) -> int:
    summary = run.summary()
    extra = f", {summary.contacts - summary.scored} with nothing applicable" if summary.contacts > summary.scored else ""
    verdict = batch_verdict(state, run.errors, f"{summary.scored} contact(s) scored, {summary.skipped} skipped{extra}",
                            summary.internal_errors, summary.contacts, strict, run.notices)
    if verdict is not None:
        return verdict
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


def batch_verdict(state: State, errors: Sequence[object], counted: str, internal_errors: int, contacts: int,
                  strict: bool, notices: Sequence[object] = ()) -> int | None:
    """Report what readers guessed, skipped input and the count; the exit code when the batch gives no
    verdict, else None."""
    for notice in notices:
        state.err.print(f"[cyan]note[/] {escape(str(notice))}", soft_wrap=True)
    for problem in errors:
        state.err.print(f"[yellow]skipped[/] {escape(str(problem))}", soft_wrap=True)
    state.err.print(counted, markup=False, highlight=False)
    if internal_errors:
        state.err.print(f"[red]{internal_errors} criterion check(s) raised an internal error: "
                        "this is a bug, please report it[/]")
        return EXIT_BUG
    if contacts == 0:
        state.err.print("[red]no contact could be scored[/]: no verdict")
        return EXIT_NO_VERDICT
    if strict and errors:
        state.err.print("[red]--strict: some input could not be read[/]: no verdict")
        return EXIT_NO_VERDICT
    return None


def open_output(output: Path | None, binary: bool = False) -> tuple[IO, bool]:
    """The output file (or stdout) and whether to close it; bytes never go to a terminal."""
    if output is None:
        if binary:
            if sys.stdout.isatty():
                raise UsageError("this format is binary: give -o FILE")
            return sys.stdout.buffer, False
        return sys.stdout, False
    try:
        if binary:
            return output.open("wb"), True
        return output.open("w", encoding="utf-8", newline=""), True
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


class progress:
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


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sqaudit`` script and ``python -m sqaudit``: returns the exit code."""
    try:
        cli.main(args=argv, prog_name="sqaudit", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_NO_VERDICT
    return EXIT_OK
