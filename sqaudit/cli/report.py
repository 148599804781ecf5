"""``sqaudit report``: agents and teams with intervals, worst first, in six formats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from sqaudit.cli.app import EXIT_NO_VERDICT, State, cli, finish, open_output, progress
from sqaudit.cli.common import (
    grouping_options,
    input_options,
    inputs_argument,
    language_option,
    rubric_option,
    scored_run,
)
from sqaudit.errors import UsageError
from sqaudit.gates import GateSpec
from sqaudit.parsers import ReadOptions
from sqaudit.provenance import describe_run
from sqaudit.reports import REPORT_FORMATS, SUFFIXES
from sqaudit.reports import table as table_format

if TYPE_CHECKING:
    from sqaudit.survey.section import SurveySection


@cli.command()
@inputs_argument
@rubric_option
@click.option("--by", type=click.Choice(["agent", "team"]), default="agent", show_default=True,
              help="The table a reader sees first.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(REPORT_FORMATS)), default=None,
              help="Output format [default: from the -o suffix, else table].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@grouping_options
@language_option
@click.option("--min-score", type=click.FloatRange(0, 100), help="Exit 1 if the mean contact score is below this.")
@click.option("--fail-on-critical", is_flag=True, help="Exit 1 if any contact has a critical failure.")
@click.option("--strict", is_flag=True, help="Exit 2 if any input could not be read (default: skip and report).")
@click.option("--no-color", is_flag=True, help="No colours in the terminal table.")
@input_options
@click.option("--survey", "survey_files", multiple=True, type=click.Path(path_type=Path),
              help="HTML only: add a section for this customer survey (CSV/xlsx), joined to the contacts by "
                   "contact id (repeatable).")
@click.option("--instrument", "instrument_ref", default="servqual-22", show_default=True,
              help="With --survey: a built-in instrument or an instrument YAML file.")
@click.pass_obj
def report(state: State, inputs: tuple[Path, ...], rubric_ref: str, by: str, fmt: str | None, output: Path | None,
           min_contacts: int | None, max_ci_width: float, period: str | None, language: str | None,
           min_score: float | None, fail_on_critical: bool, strict: bool, no_color: bool, reading: ReadOptions, jobs: int,
           survey_files: tuple[Path, ...], instrument_ref: str) -> None:
    """Agent and team scorecards: mean ± 95% interval, pass rate, critical failures, rank.

    \b
    Agents with fewer than --min-contacts contacts, or an interval wider than
    --max-ci-width points, are flagged as insufficient evidence and not ranked; an agent is
    called lower or higher than its peers only when a Mann-Whitney U test says so.

    \b
    Examples:
      sqaudit report calls/ --by agent
      sqaudit report calls/ --by team -o team.html
      sqaudit report calls/ --period week -f xlsx -o week.xlsx
      sqaudit report calls/ -o team.html --survey responses.csv --instrument servqual-22
    """
    if fmt is None:
        fmt = SUFFIXES.get(output.suffix.lower(), "table") if output else "table"
    module = REPORT_FORMATS[fmt]
    binary = getattr(module, "BINARY", False)
    survey = survey_section(state, survey_files, instrument_ref, fmt, by)
    with progress(state) as tick:
        options = {"rubric": rubric_ref, "by": by, "min_contacts": min_contacts, "max_ci_width": max_ci_width,
                   "period": period, "min_score": min_score, "fail_on_critical": fail_on_critical,
                   "read": reading.to_dict()}
        run = scored_run(inputs, rubric_ref, min_contacts, max_ci_width, period, tick,
                         GateSpec(min_score, fail_on_critical),
                         describe_run("report", inputs, options) if fmt == "json" else None, reading, jobs)
        out, close = open_output(output, binary)
        try:
            if module is table_format:
                module.write(run, out, by, language, no_color=no_color)
            elif survey is not None:
                module.write(run, out, by, language, survey=survey)
            else:
                module.write(run, out, by, language)
        finally:
            if close:
                out.close()
    if output is not None:
        state.err.print(f"wrote {click.format_filename(output)}", highlight=False, markup=False)
    click.get_current_context().exit(finish(state, run, strict))


def survey_section(state: State, files: tuple[Path, ...], instrument_ref: str, fmt: str, by: str) -> SurveySection | None:
    """Read ``--survey`` before any contact is scored: a bad instrument or no respondent is no verdict (exit 2)."""
    if not files:
        return None
    if fmt != "html":
        raise UsageError("--survey adds a section to the HTML report (-f html, or -o FILE.html); for the other "
                         "formats run: sqaudit survey FILE --contacts INPUTS")
    from sqaudit.cli.survey import report_problems
    from sqaudit.survey import SurveySettings, load_instrument, read_survey
    from sqaudit.survey.section import SurveySection

    instrument = load_instrument(instrument_ref)
    data = read_survey(files, instrument)
    report_problems(state, data)
    if not data.responses:
        state.err.print("[red]no survey respondent could be read[/]: no verdict")
        click.get_current_context().exit(EXIT_NO_VERDICT)
    return SurveySection(data, instrument, SurveySettings(by=by))
