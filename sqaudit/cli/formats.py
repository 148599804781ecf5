"""``sqaudit formats``: the input formats sqaudit reads, and how each one is read."""

from __future__ import annotations

import click

from sqaudit.cli.app import cli
from sqaudit.errors import UsageError, did_you_mean
from sqaudit.parsers import DEFAULTS, FORMATS


@cli.command()
@click.argument("name", required=False)
def formats(name: str | None) -> None:
    """List the input formats (name, suffixes, what it is), or explain one: `sqaudit formats vtt`.

    \b
    A file is read by the format --input-format names; else by its suffix, and where several
    formats share a suffix (.json, .txt) by its content.
    """
    if name is None:
        width = max(len(n) for n in FORMATS)
        for fmt in FORMATS.values():
            suffixes = " ".join(s + ("*" if DEFAULTS.get(s) == fmt.name else "") for s in fmt.suffixes)
            click.echo(f"{fmt.name:<{width}}  {suffixes:<22}  {fmt.summary}")
        click.echo("\n* the suffix's default when the content matches no other format")
        return
    fmt = FORMATS.get(name)
    if fmt is None:
        raise UsageError(f"no input format '{name}' ({did_you_mean(name, FORMATS) or 'formats: ' + ', '.join(FORMATS)})")
    click.echo(fmt.doc.strip())
