"""``sqaudit survey``: SERVQUAL gaps, reliability, NPS / CSAT / CES from survey exports.

Parses the arguments, reads the files through :mod:`sqaudit.survey`, optionally scores the
``--contacts`` to join, writes the chosen format and picks the exit code: 0 when the survey
was analysed (skipped rows are listed on stderr), 2 when there is no verdict (a bad
instrument or rubric, no readable respondent, or any problem with ``--strict``).
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from sqaudit.cli.app import EXIT_NO_VERDICT, EXIT_OK, State, cli, open_output, progress
from sqaudit.cli.common import scored_run
from sqaudit.errors import UsageError, did_you_mean
from sqaudit.groups import PERIODS
from sqaudit.survey import SurveySettings, analyse, load_instrument, read_survey
from sqaudit.survey.formats import SUFFIXES, SURVEY_FORMATS
from sqaudit.survey.formats import table as table_format
from sqaudit.survey.load import SurveyData
from sqaudit.survey.segments import FIXED

instrument_option = click.option("-i", "--instrument", "instrument_ref", default="servqual-22", show_default=True,
                                  help="A built-in instrument (sqaudit instrument list) or an instrument YAML file.")
encoding_option = click.option("--encoding", help="Encoding of CSV files [default: detected; UTF-8 and BOMs first].")
sheet_option = click.option("--sheet", help="The xlsx sheet to read [default: the first].")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@instrument_option
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(SURVEY_FORMATS)), default=None,
              help="Output format [default: from the -o suffix, else table].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result here.")
@click.option("--by", help="Also per agent, team, period, or any column of the export.")
@click.option("--period", type=click.Choice(PERIODS), help="With --by period: week or month [default: month].")
@click.option("--contacts", multiple=True, type=click.Path(path_type=Path),
              help="Transcripts to score and join on contact id (repeatable).")
@click.option("-r", "--rubric", "rubric_ref", default="servqual", show_default=True,
              help="The rubric the --contacts are scored with.")
@click.option("--pairwise", is_flag=True, help="Cronbach's alpha from pairwise-complete covariances (default: listwise).")
@click.option("--items", "show_items", is_flag=True, help="Also the item table (table and Markdown; always in the others).")
@click.option("--min-respondents", type=click.IntRange(1), default=10, show_default=True,
              help="A segment with fewer respondents is insufficient evidence.")
@encoding_option
@sheet_option
@click.option("--lang", "language", type=click.Choice(["en", "zh"]), default="en", show_default=True,
              help="Labels and item wording in this language.")
@click.option("--strict", is_flag=True, help="Exit 2 if any row or file had a problem (default: report and go on).")
@click.option("--no-color", is_flag=True, help="No colours in the terminal table.")
@click.pass_obj
def survey(state: State, inputs: tuple[Path, ...], instrument_ref: str, fmt: str | None, output: Path | None,
           by: str | None, period: str | None, contacts: tuple[Path, ...], rubric_ref: str, pairwise: bool,
           show_items: bool, min_respondents: int, encoding: str | None, sheet: str | None, language: str,
           strict: bool, no_color: bool) -> None:
    """Service quality from customer surveys: SERVQUAL gaps, Cronbach's alpha, NPS, CSAT, CES.

    \b
    Reads CSV (UTF-8, UTF-8 with BOM, GB18030 ...) and xlsx exports; the instrument says
    which column holds which answer. Per dimension: the gap P - E with its 95% interval,
    the share of respondents below expectation and a paired test; the SERVQUAL index
    (unweighted and weighted), SERVPERF, alpha per dimension with flags for items that
    correlate negatively, what drives overall satisfaction, and NPS / CSAT / CES.
    Every statistic carries its n; a bad row is listed (file:line, column) and the rest is used.

    \b
    Examples:
      sqaudit survey responses.csv --instrument servqual-22
      sqaudit survey responses.xlsx --instrument my-survey.yml -f json
      sqaudit survey responses.csv --by agent --contacts calls/ -r servqual
    """
    if fmt is None:
        fmt = SUFFIXES.get(output.suffix.lower(), "table") if output else "table"
    if period and by is None:
        by = "period"
    if encoding:
        from sqaudit.encodings import check_name

        try:
            encoding = check_name(encoding)
        except ValueError as exc:
            raise UsageError(f"--encoding: {exc}") from None
    instrument = load_instrument(instrument_ref)
    compiled_first = None
    if contacts:  # the rubric is refused before any input is read
        from sqaudit.rubric.loader import load_rubric

        compiled_first = load_rubric(rubric_ref)
    data = read_survey(inputs, instrument, encoding, sheet)
    _check_by(state, by, data, bool(contacts))
    settings = SurveySettings(pairwise=pairwise, by=by, period=period, min_respondents=min_respondents,
                              language=language)
    if not data.responses:
        report_problems(state, data)
        state.err.print("[red]no respondent could be read[/]: no verdict")
        click.get_current_context().exit(EXIT_NO_VERDICT)
    linked = None
    rubric = None
    if contacts and compiled_first is not None:
        with progress(state) as tick:
            run = scored_run(contacts, rubric_ref, None, 20.0, None, tick)
            linked = list(run.contacts())
        for problem in run.errors:
            state.err.print(f"[yellow]skipped contact[/] {escape(str(problem))}", soft_wrap=True)
        state.err.print(f"{len(linked)} contact(s) scored with {run.compiled.rubric.id}, {len(run.errors)} skipped",
                        markup=False, highlight=False, soft_wrap=True)
        rubric = {"id": run.header.rubric_id, "version": run.header.rubric_version,
                  "sha256": run.header.rubric_sha256}
    result = analyse(data, instrument, settings, linked, rubric)
    module = SURVEY_FORMATS[fmt]
    out, close = open_output(output, getattr(module, "BINARY", False))
    try:
        if module is table_format:
            module.write(result, out, items=show_items, no_color=no_color)
        else:
            module.write(result, out, items=show_items)
    finally:
        if close:
            out.close()
    if output is not None:
        state.err.print(f"wrote {click.format_filename(output)}", highlight=False, markup=False)
    for notice in result.notices[len(data.notices):]:
        state.err.print(f"note: {escape(str(notice))}", soft_wrap=True, highlight=False)
    report_problems(state, data)
    if result.linkage is not None and result.linkage.joined == 0:
        state.err.print("[yellow]no survey row names a contact id of the scored contacts[/]: nothing was joined",
                        soft_wrap=True)
    if strict and data.problems:
        state.err.print("[red]--strict: some survey input had problems[/]: no verdict")
        click.get_current_context().exit(EXIT_NO_VERDICT)
    click.get_current_context().exit(EXIT_OK)


def report_problems(state: State, data: SurveyData) -> None:
    for notice in data.notices:
        state.err.print(f"note: {escape(str(notice))}", soft_wrap=True, highlight=False)
    for problem in data.problems:
        state.err.print(f"[yellow]problem[/] {escape(str(problem))}", soft_wrap=True, highlight=False)
    partly = sum(1 for p in data.problems if "the rest of the row is used" in p.message)
    state.err.print(f"{len(data.responses)} respondent(s) used of {data.rows} row(s), {data.skipped_rows} row(s) "
                    f"skipped, {partly} row(s) with answers left out"
                    + (f", {data.unreadable_files} file(s) unreadable" if data.unreadable_files else ""),
                    markup=False, highlight=False, soft_wrap=True)


def _check_by(state: State, by: str | None, data: SurveyData, contacts: bool) -> None:
    if by is None or by == "period":
        return
    if by in FIXED:
        if not contacts and not any(getattr(r, by) for r in data.responses):
            state.err.print(f"[yellow]no {by} column in the survey[/]: every row falls under (none); "
                            "--contacts takes it from the transcripts", soft_wrap=True)
        return
    columns = sorted({name for r in data.responses for name, _ in r.metadata})
    if not any(r.meta(by) is not None for r in data.responses):
        hint = did_you_mean(by, [*FIXED, *columns]) or f"columns: {', '.join(columns[:12]) or '(none)'}"
        raise UsageError(f"--by {by}: not agent, team, period or a column of the survey ({hint})")
