"""``sqaudit rubric list | validate | explain``."""

from __future__ import annotations

import click

from sqaudit.checks import KINDS
from sqaudit.cli.app import EXIT_NOT_MET, EXIT_OK, State, cli
from sqaudit.errors import Problem, RubricError, UsageError
from sqaudit.rubric.loader import builtin_names, load_rubric


@cli.group()
def rubric() -> None:
    """List, validate, lint, test and explain rubrics."""


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


@rubric.command("lint")
@click.argument("refs", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.pass_obj
def rubric_lint(state: State, refs: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Report likely mistakes in rubrics that load (exit 1 on an error; 2 if one does not load).

    Files, directories of .yml/.yaml or built-in names. Silence a line with '# sqaudit: noqa L003'.
    """
    from sqaudit.cli.rubric_test import rubric_refs
    from sqaudit.lint import lint_ref
    from sqaudit.lint.formats import FORMATS

    findings, problems = [], []
    for ref in rubric_refs(refs):
        try:
            findings += lint_ref(ref)
        except RubricError as exc:
            problems.extend(exc.problems)
    if problems:
        raise RubricError(problems)
    click.echo(FORMATS[fmt](findings), nl=False)
    errors = sum(f.severity == "error" for f in findings)
    state.err.print(f"{errors} error(s), {len(findings) - errors} warning(s)")
    failed = errors or (strict and findings)
    click.get_current_context().exit(EXIT_NOT_MET if failed else EXIT_OK)


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
    for lang, text in criterion.titles.items():
        if lang not in ("*", "en"):
            click.echo(f"title ({lang}): {text}")
    for lang, text in criterion.say_instead.items():
        click.echo(f"say instead ({lang}): {text}")
    for label, examples in (("passes", criterion.examples_pass), ("fails", criterion.examples_fail)):
        for example in examples:
            click.echo(f"\nexample that {label}:\n  " + example.strip().replace("\n", "\n  "))
