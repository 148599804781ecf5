"""``sqaudit agree``: inter-rater agreement between review sheets and sqaudit's own scores.

Parses the arguments, reads the raters through :mod:`sqaudit.agreement`, writes the chosen
format and picks the exit code: 0 the report was made (skipped rows are listed on stderr);
1 ``--min-kappa`` was not met by some criterion; 2 no verdict (a usage error, an unreadable
file, fewer than two raters, no shared contact, a gate that could not be evaluated, or any
problem with ``--strict``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from sqaudit.cli.app import (
    EXIT_NO_VERDICT,
    EXIT_NOT_MET,
    EXIT_OK,
    State,
    cli,
    open_output,
)
from sqaudit.errors import UsageError

if TYPE_CHECKING:
    from sqaudit.agreement.ratings import RaterSet
    from sqaudit.agreement.result import AgreementReport

# the library (numpy, scipy) is imported when the command runs, not by every ``sqaudit`` start
FORMATS = ("csv", "json", "markdown", "table")
SUFFIXES = {".md": "markdown", ".json": "json", ".csv": "csv", ".txt": "table"}


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--name", "names", multiple=True, help="The rater's name for each FILE, in order [default: file stem].")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from the -o suffix, else table].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--min-kappa", type=click.FloatRange(-1, 1), help="Exit 1 if any criterion's κ is below this.")
@click.option("--na", type=click.Choice(["exclude", "category"]), default="exclude", show_default=True,
              help="N/A left out of κ (disagreements on applicability counted apart), or a third category.")
@click.option("--bootstrap", type=click.IntRange(200, 100_000), default=2000, show_default=True,
              help="Bootstrap resamples for the 95% intervals.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of the bootstrap's random generator.")
@click.option("--encoding", help="Encoding of CSV files [default: detected; UTF-8 and BOMs first].")
@click.option("--sheet", help="The xlsx sheet to read [default: the first].")
@click.option("--strict", is_flag=True, help="Exit 2 if any row had a problem (default: report it and go on).")
@click.option("--no-color", is_flag=True, help="No colours in the terminal table.")
@click.pass_obj
def agree(state: State, files: tuple[Path, ...], names: tuple[str, ...], fmt: str | None, output: Path | None,
          min_kappa: float | None, na: str, bootstrap: int, seed: int, encoding: str | None, sheet: str | None,
          strict: bool, no_color: bool) -> None:
    """Inter-rater agreement: Cohen's / Fleiss' kappa, Krippendorff's alpha, strict and lenient raters.

    \b
    Each FILE is one rater: a review sheet (CSV or xlsx; long form contact_id,
    criterion, outcome; wide form id, one column per criterion; or id, score) or
    sqaudit's scored output (sqaudit score -f json / -f jsonl). A rater/reviewer
    column holds several raters in one file. Contacts are joined by id. Every
    interval is a 95% percentile bootstrap over contacts (seeded).

    \b
    Examples:
      sqaudit agree alice.csv bob.csv
      sqaudit agree reviews.csv tool.json --min-kappa 0.6
      sqaudit agree a.csv b.csv c.csv -f markdown -o calibration.md
    """
    if fmt is None:
        fmt = SUFFIXES.get(output.suffix.lower(), "table") if output else "table"
    if encoding:
        from sqaudit.encodings import check_name

        try:
            encoding = check_name(encoding)
        except ValueError as exc:
            raise UsageError(f"--encoding: {exc}") from None
    from sqaudit.agreement import Settings, analyse, read_raters
    from sqaudit.agreement.formats import AGREE_FORMATS
    from sqaudit.agreement.formats import table as table_format

    ctx = click.get_current_context()
    data = read_raters(files, names, encoding, sheet)
    _report_input(state, data)
    if data.unreadable_files:
        state.err.print(f"[red]{data.unreadable_files} file(s) could not be read[/]: no verdict", soft_wrap=True)
        ctx.exit(EXIT_NO_VERDICT)
    if len(data.raters) < 2:
        state.err.print(f"[red]nothing to compare[/]: {len(data.raters)} rater(s) read, two or more are needed")
        ctx.exit(EXIT_NO_VERDICT)
    report = analyse(data, Settings(na, bootstrap, seed, min_kappa))
    if report.coverage.shared_two == 0:
        state.err.print("[red]nothing to compare[/]: no contact id is rated by two raters (are the ids the same?)")
        ctx.exit(EXIT_NO_VERDICT)
    out, close = open_output(output)
    try:
        if fmt == "table":
            table_format.write(report, out, no_color=no_color)
        else:
            AGREE_FORMATS[fmt].write(report, out)
    finally:
        if close:
            out.close()
    if output is not None:
        state.err.print(f"wrote {click.format_filename(output)}", highlight=False, markup=False, soft_wrap=True)
    ctx.exit(_verdict(state, report, strict and bool(data.problems)))


def _report_input(state: State, data: RaterSet) -> None:
    for notice in data.notices:
        state.err.print(f"[cyan]note[/] {escape(str(notice))}", soft_wrap=True, highlight=False)
    for problem in data.problems:
        state.err.print(f"[yellow]problem[/] {escape(str(problem))}", soft_wrap=True, highlight=False)
    state.err.print(f"{len(data.raters)} rater(s) read from {data.rows} row(s): {data.skipped_rows} row(s) skipped, "
                    f"{data.partial_rows} row(s) with a cell left out"
                    + (f", {data.unreadable_files} file(s) unreadable" if data.unreadable_files else ""),
                    markup=False, highlight=False, soft_wrap=True)


def _verdict(state: State, report: AgreementReport, strict_failed: bool) -> int:
    for c in report.gate_failed:
        state.err.print(f"[red]standard not met[/]: {escape(c.criterion)} κ = {c.kappa.value:.2f}, needs "
                        f"{report.settings.min_kappa:g}", soft_wrap=True)
    if report.gate_failed:
        return EXIT_NOT_MET
    for c in report.gate_unknown:
        state.err.print(f"[yellow]gate not evaluated[/]: {escape(c.criterion)}: no contact rated by every rater",
                        soft_wrap=True)
    if report.gate_unknown:
        return EXIT_NO_VERDICT
    if strict_failed:
        state.err.print("[red]--strict: some input had problems[/]: no verdict")
        return EXIT_NO_VERDICT
    return EXIT_OK
