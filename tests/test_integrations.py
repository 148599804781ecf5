"""The pre-commit hooks and example CI files call commands and options that exist."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import invoke

from sqaudit.cli import cli

REPO = Path(__file__).resolve().parents[1]
CI = REPO / "examples" / "ci"


def sqaudit_lines() -> list[str]:
    lines = []
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    lines += [step["run"] for step in workflow["jobs"]["sqaudit"]["steps"] if "run" in step]
    gitlab = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    lines += gitlab["service-standard"]["script"]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    lines += [hook["entry"] for hook in hooks]
    return [line for line in lines if line.startswith("sqaudit ")]


@pytest.mark.parametrize("line", sqaudit_lines())
def test_every_command_line_parses(line: str) -> None:
    args = shlex.split(line.replace('"$GITHUB_STEP_SUMMARY"', "summary.md"))[1:]
    # --help after the arguments: click parses every option first and refuses unknown ones
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, (line, result.output)


def test_example_config_is_valid_and_gates_a_batch(tmp_path: Path) -> None:
    batch = REPO / "examples" / "month"
    result = invoke("check", str(batch), "--config", str(CI / "sqaudit.toml"))
    assert result.exit_code in (0, 1), result.stderr
    assert "config: " in result.stderr and "refused" not in result.stderr


def test_hooks_cover_lint_and_test() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["sqaudit-rubric-lint"]["entry"] == "sqaudit rubric lint"
    assert hooks["sqaudit-rubric-test"]["entry"] == "sqaudit rubric test"
