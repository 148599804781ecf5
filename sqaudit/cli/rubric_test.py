"""``sqaudit rubric test``: every criterion's examples, and a golden set, reported like a test run."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from sqaudit.cli.app import EXIT_NOT_MET, EXIT_OK, State
from sqaudit.cli.rubric import rubric
from sqaudit.junit import Case, Suite
from sqaudit.junit import write as write_junit
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.testing import CaseResult, example_cases, golden_cases

RUBRIC_SUFFIXES = (".yml", ".yaml")


def rubric_refs(refs: tuple[str, ...]) -> list[str]:
    """Built-in names and files as given; directories become their rubric files, sorted."""
    out: list[str] = []
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            out += sorted(str(p) for p in path.iterdir() if p.suffix.lower() in RUBRIC_SUFFIXES)
        else:
            out.append(ref)
    return out


@rubric.command("test")
@click.argument("refs", nargs=-1, required=True)
@click.option("--golden", "golden", type=click.Path(file_okay=False, exists=True, path_type=Path), multiple=True,
              help="A directory of transcripts with expected.yml (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="List every case, not only the failures.")
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Also write JUnit XML here.")
@click.pass_obj
def rubric_test(state: State, refs: tuple[str, ...], golden: tuple[Path, ...], verbose: bool,
                junit: Path | None) -> None:
    """Run each rubric's criterion examples and golden transcripts; exit 1 on any failure.

    \b
    Examples:
      sqaudit rubric test rubrics/
      sqaudit rubric test my.yml --golden golden/
    """
    compiled = [compile_rubric(load_rubric(ref)) for ref in rubric_refs(refs)]  # every rubric refused first
    cases: list[CaseResult] = []
    for rubric_ in compiled:
        cases += example_cases(rubric_)
        for directory in golden:
            cases += golden_cases(rubric_, directory)
    failed = [c for c in cases if not c.ok]
    for case in cases if verbose else failed:
        mark = "ok  " if case.ok else "FAIL"
        line = f"{mark} {case.suite} :: {case.name}: expected {case.expected}, got {case.actual}"
        # a detail quotes transcripts: one line, so no quoted line can start a CI command ("::error::")
        detail = " ".join(case.detail.split())
        click.echo(line + (f"\n     {detail}" if detail and not case.ok else "")
                   + (f"\n     at {case.source}" if case.source and not case.ok else ""))
    suites = sorted({c.suite for c in cases})
    if junit is not None:
        write_junit([Suite(name, [_junit_case(c) for c in cases if c.suite == name]) for name in suites], junit)
    summary = f"{len(cases)} case(s) in {len(suites)} suite(s): {len(cases) - len(failed)} passed, {len(failed)} failed"
    state.err.print(("[red]" if failed else "[green]") + escape(summary) + "[/]")
    click.get_current_context().exit(EXIT_NOT_MET if failed else EXIT_OK)


def _junit_case(case: CaseResult) -> Case:
    where, _, line = case.source.rpartition(":")
    return Case(case.name, case.suite, "pass" if case.ok else "fail",
                "" if case.ok else f"expected {case.expected}, got {case.actual}", case.detail if not case.ok else "",
                where or None, int(line) if line.isdigit() else None)
