"""``sqaudit plan``: how many contacts per agent a review needs for a given margin."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sqaudit.cli.app import State, cli, finish, progress
from sqaudit.cli.common import input_options, rubric_option, scored_run
from sqaudit.errors import UsageError
from sqaudit.parsers import ReadOptions
from sqaudit.plan import SamplePlan, for_mean, for_rate, pooled_sd


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@rubric_option
@click.option("--margin", type=click.FloatRange(0, min_open=True), required=True,
              help="Wanted margin of error: ± this many points (of the mean score, or of the pass rate in %).")
@click.option("--confidence", type=click.FloatRange(50, 100, min_open=True, max_open=True), default=95.0,
              show_default=True, help="Confidence level in %.")
@click.option("--sd", type=click.FloatRange(0), help="Standard deviation of contact scores (instead of INPUTS).")
@click.option("--pass-rate", "rate", type=click.FloatRange(0, 1), default=None,
              help="Plan for a pass rate instead of a mean: the expected rate (0.5 if unsure: the largest n).")
@click.option("--population", type=click.IntRange(1), help="Contacts an agent handles in the period "
              "(applies the finite population correction).")
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@input_options
@click.pass_obj
def plan(state: State, inputs: tuple[Path, ...], rubric_ref: str, margin: float, confidence: float, sd: float | None,
         rate: float | None, population: int | None, as_json: bool, reading: ReadOptions, jobs: int) -> None:
    """Contacts per agent needed for a mean score (or pass rate) within ±MARGIN.

    \b
    n = (z · sd / margin)²  for a mean; n = z² · p(1 − p) / margin²  for a rate.
    The spread comes from --sd or from scored INPUTS (pooled within-agent SD).

    \b
    Examples:
      sqaudit plan --margin 5 --sd 15
      sqaudit plan --margin 5 calls/
      sqaudit plan --margin 10 --pass-rate 0.8 --population 200
    """
    level = confidence / 100
    if rate is not None:
        if sd is not None or inputs:
            raise UsageError("--pass-rate plans for a rate: leave out --sd and INPUTS")
        result = for_rate(margin, rate, level, population)
    else:
        if (sd is None) == (not inputs):
            raise UsageError("give either --sd N or transcripts to measure the spread from (not both)")
        source = "given"
        if sd is None:
            with progress(state) as tick:
                run = scored_run(inputs, rubric_ref, None, 20.0, None, tick, reading=reading, jobs=jobs)
                for _ in run.contacts():
                    pass
            code = finish(state, run, strict=False)  # lists skipped input; no contact is no verdict
            if code:
                click.get_current_context().exit(code)
            agents = run.breakdown.agents()
            sd = pooled_sd(agents)
            if sd is None:
                raise UsageError("no agent has 2 or more scored contacts: cannot measure the spread; give --sd")
            scored = sum(a.score.n for a in agents)
            source = f"pooled within-agent SD of {scored} scored contacts, {len(agents)} agents"
        result = for_mean(margin, sd, level, population, source)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) if as_json else describe(result))


def describe(p: SamplePlan) -> str:
    unit = "points" if p.measure == "mean score" else "percentage points"
    spread = f"SD {p.spread:.2f} ({p.spread_source})" if p.measure == "mean score" else f"p = {p.spread:g}"
    formula = ("n = (z·SD/margin)²" if p.measure == "mean score" else "n = z²·p(1−p)/margin²")
    lines = [f"{p.measure} within ±{p.margin:g} {unit} at {p.confidence * 100:g}% confidence, {spread}:",
             f"  {p.n} contacts per agent   ({formula}, z = {p.z:.3f})"]
    if p.n_t is not None and p.n_t != p.n:
        lines.append(f"  {p.n_t} contacts per agent   with Student's t instead of z (small samples)")
    if p.n_finite is not None:
        lines.append(f"  {p.n_finite} contacts per agent   out of {p.population} handled "
                     "(finite population correction)")
    return "\n".join(lines)
