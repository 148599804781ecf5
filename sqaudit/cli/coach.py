"""``sqaudit coach``: a coaching scorecard per agent, for the trainer's one-to-one."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import click

from sqaudit.cli.app import State, cli, finish, open_output, progress
from sqaudit.cli.common import (
    grouping_options,
    input_options,
    inputs_argument,
    language_option,
    rubric_option,
    scored_run,
)
from sqaudit.coaching import coaching_card
from sqaudit.coaching.formats import COACH_FORMATS
from sqaudit.errors import UsageError, did_you_mean
from sqaudit.parsers import ReadOptions
from sqaudit.report import build_report

UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@cli.command()
@inputs_argument
@rubric_option
@click.option("--agent", "agents", multiple=True, help="The agent to coach (repeatable).")
@click.option("--all", "every", is_flag=True, help="Every agent: one file each in the -o directory.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(COACH_FORMATS)), default="markdown",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="A file (one agent) or a directory (--all, several agents).")
@grouping_options
@language_option
@click.option("--strict", is_flag=True, help="Exit 2 if any input could not be read (default: skip and report).")
@input_options
@click.pass_obj
def coach(state: State, inputs: tuple[Path, ...], rubric_ref: str, agents: tuple[str, ...], every: bool, fmt: str,
          output: Path | None, min_contacts: int | None, max_ci_width: float, period: str | None,
          language: str | None, strict: bool, reading: ReadOptions, jobs: int) -> None:
    """Coaching scorecards: critical failures, the 3 criteria missed most often with the
    agent's own (redacted) quotes and what to say instead, strengths, and the dimension
    profile against the team.

    \b
    Examples:
      sqaudit coach calls/ --agent a17 -f markdown -o a17.md
      sqaudit coach calls/ --all -f html -o coaching/
    """
    if bool(agents) == every:
        raise UsageError("name the agent(s) with --agent ID, or use --all")
    several = every or len(agents) > 1
    if several and output is None and fmt == "html":
        raise UsageError("several HTML pages need a directory: add -o DIR")
    with progress(state) as tick:
        run = scored_run(inputs, rubric_ref, min_contacts, max_ci_width, period, tick, reading=reading, jobs=jobs)
        report = build_report(run)
    known = [a.key for a in report.agents if a.key is not None]
    for agent in agents:
        if agent not in known:
            hint = did_you_mean(agent, known) or f"agents in these contacts: {', '.join(known[:20]) or 'none'}"
            raise UsageError(f"no contact of agent '{agent}' was scored ({hint})")
    chosen = known if every else list(agents)
    if not chosen:
        raise UsageError("no scored contact names its agent: nothing to coach (give contacts an 'agent' field)")
    module = COACH_FORMATS[fmt]
    pages = [(agent, module.render(coaching_card(report, agent, language))) for agent in chosen]
    if several and output is not None:
        _write_directory(state, output, pages, module.SUFFIX)
    else:
        out, close = open_output(output)
        try:
            out.write("\n".join(page for _, page in pages))
        finally:
            if close:
                out.close()
    click.get_current_context().exit(finish(state, run, strict))


def file_name(agent: str, suffix: str) -> str:
    """A file name safe on every system; a hash keeps two ids that clean to the same name apart."""
    clean = UNSAFE.sub("_", agent).strip("._")[:60]
    if clean != agent or not clean:
        clean = f"{clean or 'agent'}-{hashlib.sha256(agent.encode()).hexdigest()[:8]}"
    return clean + suffix


def _write_directory(state: State, directory: Path, pages: list[tuple[str, str]], suffix: str) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for agent, page in pages:
            (directory / file_name(agent, suffix)).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write to {directory}: {exc.strerror or exc}") from None
    state.err.print(f"wrote {len(pages)} coaching page(s) to {click.format_filename(directory)}",
                    highlight=False, markup=False)
