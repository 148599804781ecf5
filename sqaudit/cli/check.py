"""``sqaudit check``: the service standard as CI gates, from ``sqaudit.toml`` and the command line.

Scores the inputs, evaluates every gate (batch and team scopes, :mod:`sqaudit.gates`), prints
them as a table on stdout, and can also write JUnit XML, GitHub annotations and a Markdown
step summary. Exit 1 if a gate failed; a gate that is *not evaluated* (too few contacts) is
listed but does not fail the build.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text
from tabulate import tabulate

from sqaudit import junit
from sqaudit.cli.app import (
    EXIT_NOT_MET,
    EXIT_OK,
    State,
    batch_verdict,
    cli,
    progress,
)
from sqaudit.cli.common import input_options, inputs_argument
from sqaudit.config import Config, find_config, load_config
from sqaudit.errors import UsageError
from sqaudit.gates import GateResult, evaluate_plan
from sqaudit.groups import Settings
from sqaudit.model import DIMENSIONS, ContactResult, Outcome
from sqaudit.parsers import ReadOptions, iter_contacts
from sqaudit.reports.markdown import cell
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run

STYLES = {"fail": "bold red", "pass": "green", "not evaluated": "yellow"}


@dataclass(frozen=True, slots=True)
class Critical:
    """A contact with a critical failure: what the JUnit file and the annotations need."""

    contact: str
    source: str
    team: str | None
    lines: tuple[str, ...]  # "PII-01: message — "quote" (turn 12)"


@cli.command()
@inputs_argument
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The config file [default: sqaudit.toml, or [tool.sqaudit] in pyproject.toml, "
                   "in this directory or the nearest parent].")
@click.option("--no-config", is_flag=True, help="Do not look for a config file.")
@click.option("-r", "--rubric", "rubric_ref", default=None,
              help="A built-in rubric name or a rubric YAML file [default: the config's, else servqual].")
@click.option("--min-score", type=click.FloatRange(0, 100), help="The batch's mean contact score must reach this.")
@click.option("--min-pass-rate", type=click.FloatRange(0, 1), help="The share of contacts that passed (0-1).")
@click.option("--max-critical", type=click.IntRange(0), help="At most this many contacts with a critical failure.")
@click.option("--min-dimension", multiple=True, metavar="DIMENSION=SCORE",
              help="A floor for one dimension's mean, e.g. empathy=70 (repeatable).")
@click.option("--min-n", type=click.IntRange(1),
              help="Fewer contacts than this: a mean/rate gate is not evaluated [default: the rubric's min_contacts].")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write JUnit XML here (a suite per scope, a case per gate and per critical contact).")
@click.option("--annotations", type=click.Choice(["github"]),
              help="Also print GitHub Actions annotations for failed gates and critical contacts.")
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Append a Markdown gates table here (e.g. $GITHUB_STEP_SUMMARY).")
@click.option("--strict", is_flag=True, help="Exit 2 if any input could not be read (default: skip and report).")
@input_options
@click.pass_obj
def check(state: State, inputs: tuple[Path, ...], config_path: Path | None, no_config: bool, rubric_ref: str | None,
          min_score: float | None, min_pass_rate: float | None, max_critical: int | None,
          min_dimension: tuple[str, ...], min_n: int | None, junit_path: Path | None, annotations: str | None,
          summary_path: Path | None, strict: bool, reading: ReadOptions, jobs: int) -> None:
    """Check transcripts against the service standard: gates for CI.

    \b
    Gates come from sqaudit.toml (or [tool.sqaudit] in pyproject.toml) and the options,
    which override its [gates] table; team gates come from [gates.teams.NAME] and, with
    per_team = true, apply to every team in the batch. A mean or rate gate compares the
    point estimate (the 95% interval is shown); on fewer than min_n contacts it is NOT
    EVALUATED: listed, but it does not fail the build.

    \b
    Exit codes: 0 every evaluated gate passed · 1 a gate failed (standard not met) ·
    2 no verdict (bad config or rubric, no gates, nothing scored, --strict and unreadable
    input) · 3 internal error (a bug).

    \b
    Examples:
      sqaudit check calls/
      sqaudit check calls/ --min-score 75 --max-critical 0 --junit gates.xml
      sqaudit check calls/ --annotations github --summary "$GITHUB_STEP_SUMMARY"
    """
    ctx = click.get_current_context()
    config = _config(state, config_path, no_config)  # a ConfigError is refused like a rubric (cli.app)
    config = config.with_options(min_score=min_score, min_pass_rate=min_pass_rate, max_critical=max_critical,
                                 min_n=min_n, min_dimension=_dimensions(min_dimension))
    compiled = compile_rubric(load_rubric(_rubric_ref(rubric_ref, config)))  # refused before any input is read
    plan = config.plan(compiled.rubric.min_contacts)
    if plan.batch.empty and not plan.teams and not plan.per_team:
        raise UsageError("no gates to check: set [gates] in sqaudit.toml or give --min-score, --min-pass-rate, "
                         "--max-critical or --min-dimension")
    criteria = {c.id: c for c in compiled.rubric.criteria}
    criticals: list[Critical] = []
    with progress(state) as tick:
        run = start_run(iter_contacts(inputs, reading), compiled, tick, plan.batch,
                        Settings(min_contacts=plan.batch.min_n or compiled.rubric.min_contacts), jobs=jobs)
        for result in run.contacts():
            if result.critical_failures:
                criticals.append(_critical(result, {cid: criteria[cid].title for cid in result.critical_failures
                                                    if cid in criteria}))
    summary = run.summary()
    verdict = batch_verdict(state, run.errors, f"{summary.scored} contact(s) scored, {summary.skipped} skipped",
                            summary.internal_errors, summary.scored, strict, run.notices)
    if verdict is not None:
        ctx.exit(verdict)
    gates = evaluate_plan(plan, summary, run.breakdown.teams())
    _print_table(gates)
    if junit_path is not None:
        try:
            junit.write(junit_suites(gates, criticals), junit_path)
        except OSError as exc:
            raise UsageError(f"cannot write {junit_path}: {exc.strerror or exc}") from None
        state.err.print(f"wrote {click.format_filename(junit_path)}", highlight=False, markup=False, soft_wrap=True)
    if summary_path is not None:
        _append(summary_path, markdown_summary(gates, len(criticals)))
        state.err.print(f"wrote {click.format_filename(summary_path)}", highlight=False, markup=False, soft_wrap=True)
    if annotations == "github":
        for line in github_annotations(gates, criticals):
            click.echo(line)
    failed = sum(g.status == "fail" for g in gates)
    unknown = sum(g.status == "not_evaluated" for g in gates)
    state.err.print(f"{len(gates)} gate(s): {len(gates) - failed - unknown} passed, {failed} failed, "
                    f"{unknown} not evaluated" + (" (not a failure)" if unknown else ""))
    if failed:
        state.err.print("[red]standard not met[/]")
    ctx.exit(EXIT_NOT_MET if failed else EXIT_OK)


def _config(state: State, path: Path | None, no_config: bool) -> Config:
    if path is None and not no_config:
        path = find_config()
    if path is None:
        return Config()
    config = load_config(path)
    state.err.print(f"config: {click.format_filename(path)}", highlight=False, markup=False, soft_wrap=True)
    return config


def _rubric_ref(given: str | None, config: Config) -> str:
    if given:
        return given
    ref = config.rubric
    if not ref:
        return "servqual"
    # a file named in the config is relative to the config, not to wherever check runs
    if config.path is not None and (ref.endswith((".yml", ".yaml")) or "/" in ref) and not Path(ref).is_absolute():
        return str(config.path.parent / ref)
    return ref


def _dimensions(values: tuple[str, ...]) -> dict[str, float]:
    floors = {}
    for value in values:
        name, sep, number = value.partition("=")
        name = name.strip()
        try:
            floor = float(number)
        except ValueError:
            floor = -1.0
        if not sep or name not in DIMENSIONS or not 0 <= floor <= 100:
            raise UsageError(f"--min-dimension {value!r}: write DIMENSION=SCORE, a dimension of "
                             f"{', '.join(DIMENSIONS)} and a score 0-100")
        floors[name] = floor
    return floors


def _critical(result: ContactResult, titles: dict[str, str]) -> Critical:
    lines = []
    for finding in result.findings:
        if finding.criterion_id not in result.critical_failures or finding.outcome is not Outcome.FAIL:
            continue
        text = f"{finding.criterion_id} {titles.get(finding.criterion_id, '')}: {finding.message}".replace(" :", ":")
        for ev in finding.evidence[:1]:  # quotes are already redacted
            text += f' — turn {ev.turn} ({ev.speaker}): "{" ".join(ev.quote.split())}"'
        lines.append(text)
    return Critical(result.id, result.source, result.team, tuple(lines) or tuple(result.critical_failures))


def gated(gates: Sequence[GateResult], criticals: Sequence[Critical]) -> list[Critical]:
    """The critical contacts a critical-failure gate covers (batch, or the contact's team).

    Only these become JUnit failures and ``::error`` annotations, so a red test case always
    means a red build; without such a gate they are ``::warning`` annotations only.
    """
    scopes = {g.scope for g in gates if g.name == "critical failures"}
    return [c for c in criticals if "batch" in scopes or f"team:{c.team}" in scopes]


def _split_source(source: str) -> tuple[str, int | None]:
    found = re.match(r"^(.*):(\d+)(?: \[\d+\])?$", source)
    return (found[1], int(found[2])) if found else (source, None)


def _gate_label(gate: GateResult) -> str:
    return f"{gate.name} {gate.threshold}"


def _result_text(gate: GateResult) -> str:
    text = gate.status.replace("_", " ")
    return f"{text}: {gate.note}" if gate.note else text


def _print_table(gates: Sequence[GateResult]) -> None:
    out = sys.stdout
    console = Console(file=out, highlight=False, soft_wrap=False, width=None if out.isatty() else 160)
    table = Table(title=Text("Gates"), title_justify="left", header_style="bold")
    for header in ("gate", "scope", "observed", "threshold", "result"):
        table.add_column(Text(header), overflow="fold")
    for g in gates:
        result = Text(_result_text(g))
        result.stylize(STYLES.get(g.status.replace("_", " "), ""))
        table.add_row(Text(g.name), Text(g.scope), Text(g.observed), Text(g.threshold), result)
    console.print(table)


def junit_suites(gates: Sequence[GateResult], criticals: Sequence[Critical]) -> list[junit.Suite]:
    """A suite per scope (batch first), a case per gate; the batch suite also has a case per critical contact."""
    scopes: dict[str, list[junit.Case]] = {"batch": []}
    for g in gates:
        status = {"pass": "pass", "fail": "fail"}.get(g.status, "skipped")
        if status == "fail":
            message = f"{g.name} {g.observed}, needs {g.threshold}"
        elif status == "skipped":
            message = f"not evaluated: {g.note or g.observed}"
        else:
            message = ""
        scopes.setdefault(g.scope, []).append(
            junit.Case(_gate_label(g), f"sqaudit.gates.{g.scope}", status, message, f"observed: {g.observed}"))
    for c in gated(gates, criticals):
        path, line = _split_source(c.source)
        scopes["batch"].append(junit.Case(
            f"contact {c.contact}", "sqaudit.critical", "fail",
            f"critical failure: {'; '.join(c.lines)}",
            "\n".join(c.lines) + f"\nsource: {c.source}", file=path, line=line))
    return [junit.Suite(scope, cases) for scope, cases in scopes.items() if cases or scope == "batch"]


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(gates: Sequence[GateResult], criticals: Sequence[Critical]) -> list[str]:
    """``::error file=PATH,line=N::...`` per critical contact (``::warning`` if no gate covers it);
    ``::error::`` per failed gate, ``::warning::`` per gate not evaluated."""
    lines = []
    errors = gated(gates, criticals)
    for c in criticals:
        path, line = _split_source(c.source)
        where = f"file={_escape_property(path)}" + (f",line={line}" if line is not None else "")
        level = "error" if c in errors else "warning"
        lines.append(f"::{level} {where},title=critical failure in contact {_escape_property(c.contact)}::"
                     + _escape_data("; ".join(c.lines)))
    for g in gates:
        if g.status == "fail":
            lines.append(f"::error::{_escape_data(f'standard not met ({g.scope}): {g.name} {g.observed}, needs {g.threshold}')}")
        elif g.status == "not_evaluated":
            lines.append(f"::warning::{_escape_data(f'gate not evaluated ({g.scope}): {g.name}: {g.note or g.observed}')}")
    return lines


def markdown_summary(gates: Sequence[GateResult], critical_contacts: int) -> str:
    failed = sum(g.status == "fail" for g in gates)
    verdict = "standard not met" if failed else "standard met"
    rows = [[cell(g.name), cell(g.scope), cell(g.observed), cell(g.threshold),
             cell(("❌ " if g.status == "fail" else "✅ " if g.status == "pass" else "⚠️ ") + _result_text(g))]
            for g in gates]
    body = tabulate(rows, headers=["gate", "scope", "observed", "threshold", "result"], tablefmt="github",
                    disable_numparse=True)
    return (f"### sqaudit check: {verdict}\n\n{body}\n\n"
            f"{failed} failed · {critical_contacts} contact(s) with a critical failure · "
            "not evaluated gates do not fail the build\n")


def _append(path: Path, text: str) -> None:
    try:
        with path.open("a", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
