"""``sqaudit calibrate``: fit a rubric's criterion points to a team's own human scores."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click
from rich.markup import escape

from sqaudit.calibrate import CalibrationRefused, read_labels
from sqaudit.calibrate import calibrate as fit_calibration
from sqaudit.calibrate.formats import FORMATS, header_lines
from sqaudit.calibrate.write import refuse_same_file, rubric_source, tuned_text
from sqaudit.cli.app import (
    EXIT_NO_VERDICT,
    EXIT_OK,
    State,
    batch_verdict,
    cli,
    progress,
)
from sqaudit.cli.common import input_options, inputs_argument, rubric_option
from sqaudit.errors import RubricError, UsageError
from sqaudit.parsers import ReadOptions, iter_contacts
from sqaudit.rubric.compile import compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.run import start_run


@cli.command()
@inputs_argument
@rubric_option
@click.option("--labels", "labels_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="CSV of human scores: id,<score> per contact, or id,criterion,outcome per criterion.")
@click.option("--label-column", default="score", show_default=True,
              help="The numeric column of a per-contact labels file (any scale, e.g. -2..2, 1..5, 0..100).")
@click.option("--folds", type=click.IntRange(2, 50), default=5, show_default=True, help="Cross-validation folds.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the folds and bootstrap resamples.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the calibrated rubric here (a new file; never the rubric calibrated). Without it, "
                   "only the report.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="table", show_default=True,
              help="Format of the report on stdout.")
@input_options
@click.pass_obj
def calibrate(state: State, inputs: tuple[Path, ...], rubric_ref: str, labels_path: Path, label_column: str,
              folds: int, seed: int, output: Path | None, fmt: str, reading: ReadOptions, jobs: int) -> None:
    """Fit the rubric's criterion points to human scores, cross-validated, and write a calibrated copy.

    \b
    Only points change (non-negative; detectors stay 0); dimensions, weights, N/A policies and
    critical rules stay as written. Refused (exit 2) with fewer than 10 labelled contacts per
    scored criterion, constant labels, or no label matching a contact.

    \b
    Example:
      sqaudit calibrate calls/ -r servqual --labels qa.csv --label-column S -o servqual-tuned.yml
    """
    rubric = load_rubric(rubric_ref)
    text, source = rubric_source(rubric_ref)
    if output is not None:
        refuse_same_file(output, source)
        if not output.parent.is_dir():
            raise UsageError(f"cannot write {output}: no folder {output.parent}")
    compiled = compile_rubric(rubric)
    labels = read_labels(labels_path, rubric, label_column)  # refused before any transcript is read
    with progress(state) as tick:
        run = start_run(iter_contacts(inputs, reading), compiled, tick, jobs=jobs)
        results = run.collect()
    ctx = click.get_current_context()
    verdict = batch_verdict(state, run.errors, f"{len(results)} contact(s) scored, {len(run.errors)} skipped",
                            run.summary().internal_errors, len(results), False, run.notices)
    if verdict is not None:
        ctx.exit(verdict)
    for problem in labels.problems:
        state.err.print(f"[yellow]skipped label[/] {escape(str(problem))}", soft_wrap=True)
    try:
        result = fit_calibration(results, labels, rubric, folds=folds, seed=seed)
    except CalibrationRefused as exc:
        state.err.print(f"[red]calibration refused[/]: {escape(str(exc))}", soft_wrap=True)
        ctx.exit(EXIT_NO_VERDICT)
    changed = {p.criterion: p.new for p in result.changes}
    if output is None:
        FORMATS[fmt](result, sys.stdout)
        state.err.print(f"not written: {len(changed)} criteria would change; add -o FILE to write the calibrated "
                        "rubric", markup=False, highlight=False, soft_wrap=True)
        ctx.exit(EXIT_OK)
    new_text = tuned_text(text, rubric.source, changed, result.new_version, header_lines(result, _now()),
                          source.parent, output.parent)
    try:
        output.write_text(new_text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    _verify(output, dict(result.points))
    FORMATS[fmt](result, sys.stdout)
    state.err.print(f"wrote {click.format_filename(output)}: {len(changed)} criteria changed, version "
                    f"{result.rubric_version} -> {result.new_version}", markup=False, highlight=False, soft_wrap=True)
    ctx.exit(EXIT_OK)


def _now() -> str:
    """UTC now, or SOURCE_DATE_EPOCH for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _verify(output: Path, points: dict[str, float]) -> None:
    """The written rubric loads with the project's loader and holds exactly the fitted points (else: a bug)."""
    try:
        tuned = load_rubric(output)
    except RubricError as exc:
        raise RuntimeError(f"the calibrated rubric does not load: {exc}") from None
    wrong = [cid for cid, p in points.items() if (c := tuned.criterion(cid)) is None or abs(c.points - p) > 1e-9]
    if wrong:
        raise RuntimeError(f"the calibrated rubric has other points than fitted for {', '.join(wrong)}")
