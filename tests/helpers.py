"""Helpers several test modules share: cached built-in rubrics and the CLI under CliRunner."""

from __future__ import annotations

from functools import cache

from click.testing import CliRunner, Result

from sqaudit.cli import cli
from sqaudit.rubric.compile import CompiledRubric, compile_rubric
from sqaudit.rubric.loader import load_rubric
from sqaudit.rubric.model import Rubric


@cache
def rubric(name: str) -> Rubric:
    return load_rubric(name)


@cache
def compiled(name: str) -> CompiledRubric:
    return compile_rubric(rubric(name))


def invoke(*args: str) -> Result:
    """Run ``sqaudit ARGS``; stdout and stderr stay apart (click >= 8.2), exceptions propagate."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)
