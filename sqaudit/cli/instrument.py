"""``sqaudit instrument list | show | validate``: the survey instruments."""

from __future__ import annotations

import click

from sqaudit.cli.app import cli
from sqaudit.errors import Problem
from sqaudit.survey.instrument import InstrumentError, builtin_names, load_instrument


@cli.group()
def instrument() -> None:
    """List, show and validate survey instruments (what sqaudit survey reads)."""


@instrument.command("list")
def instrument_list() -> None:
    """The built-in instruments, their version, items and one-question measures."""
    from tabulate import tabulate

    rows = []
    for name in builtin_names():
        i = load_instrument(name)
        asks = ("E + P" if i.has_expectations else "P") if i.items else "-"
        rows.append([name, i.version, len(i.items), asks, ", ".join(i.singles) or "-", i.title])
    click.echo(tabulate(rows, headers=["instrument", "version", "items", "asks", "also", "title"],
                        disable_numparse=True))


@instrument.command("show")
@click.argument("ref")
@click.option("--lang", "language", type=click.Choice(["en", "zh"]), default="en", show_default=True)
def instrument_show(ref: str, language: str) -> None:
    """One instrument: its dimensions, items with wording and columns, and the other questions."""
    from tabulate import tabulate

    i = load_instrument(ref)
    click.echo(f"{i.id} v{i.version}: {i.title_for(language)}" + (f" (extends {i.extends})" if i.extends else ""))
    if i.description:
        click.echo(" ".join(i.description.split()))
    click.echo(f"source: {i.source}  sha256: {i.sha256[:12]}")
    if i.items:
        weights = i.weights
        dims = [[d.id, d.titles.get(language, d.id), len(i.items_of(d.id)), "" if not weights else f"{weights[d.id]:g}"]
                for d in i.dimensions]
        click.echo("\n" + tabulate(dims, headers=["dimension", "name", "items", "weight"], disable_numparse=True))
        rows = [[it.id, it.dimension, str(it.scale), "yes" if it.reverse else "", " / ".join(it.expectation) or "-",
                 " / ".join(it.perception), it.text_for(language)] for it in i.items]
        click.echo("\n" + tabulate(rows, headers=["item", "dimension", "scale", "reverse", "E column", "P column",
                                                  "wording"], disable_numparse=True))
    roles = [[role, " / ".join(names)] for role, names in i.roles.items() if names]
    roles += [["comments", " / ".join(i.comments)]] if i.comments else []
    roles += [[f"weights ({d})", " / ".join(names[:2]) + (" ..." if len(names) > 2 else "")]
              for d, names in i.weight_columns.items() if names]
    roles += [[kind, " / ".join(s.columns) + f"  (scale {s.scale}" + (f", top-{s.top_box} box" if kind == "csat" else "")
               + (", higher is easier" if kind == "ces" and s.higher_is_easier else ", higher is harder"
                  if kind == "ces" else "") + ")"] for kind, s in i.singles.items()]
    if roles:
        click.echo("\n" + tabulate(roles, headers=["column", "header names (first found wins)"],
                                   disable_numparse=True))


@instrument.command("validate")
@click.argument("refs", nargs=-1, required=True)
def instrument_validate(refs: tuple[str, ...]) -> None:
    """Check instrument files; list every problem as file:line:col (exit 2 if any)."""
    problems: list[Problem] = []
    for ref in refs:
        try:
            i = load_instrument(ref)
            click.echo(f"{ref}: ok ({i.id} v{i.version}, {len(i.items)} items, {len(i.singles)} other question(s))")
        except InstrumentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InstrumentError(problems)
